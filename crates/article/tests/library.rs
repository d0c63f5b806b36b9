//! Library search, filters, URL state and pages.

use article::library::{encode, page_of, LibraryIndex, LibraryQuery, PER_PAGE};
use article::ManifestEntry;

fn entry(
    slug: &str,
    headline: &str,
    section: &str,
    summary: Option<&str>,
    topics: &[&str],
) -> ManifestEntry {
    ManifestEntry {
        slug: slug.into(),
        headline: headline.into(),
        section: Some(section.into()),
        published: Some("2024-01-01".into()),
        summary: summary.map(String::from),
        topics: topics.iter().map(|t| t.to_string()).collect(),
    }
}

fn library() -> LibraryIndex {
    LibraryIndex::new(vec![
        entry(
            "a",
            "Kerry and Lavrov meet in Washington",
            "US & Canada",
            Some("Talks on Syria"),
            &["Syria", "Diplomacy"],
        ),
        entry(
            "b",
            "Harbour strike enters second week",
            "Business",
            None,
            &["Pay"],
        ),
        entry(
            "c",
            "Syria talks planned for Geneva",
            "World",
            Some("Second round"),
            &["Syria"],
        ),
    ])
}

fn q(text: &str) -> LibraryQuery {
    LibraryQuery {
        q: text.into(),
        page: 1,
        ..Default::default()
    }
}

#[test]
fn search_matches_every_word_in_headline_or_summary() {
    let lib = library();
    assert_eq!(lib.search(&q("")), [0, 1, 2]);
    assert_eq!(
        lib.search(&q("syria")),
        [0, 2],
        "summary of a, headline of c"
    );
    assert_eq!(lib.search(&q("SYRIA geneva")), [2]);
    assert_eq!(lib.search(&q("kerry geneva")), Vec::<usize>::new());
    assert_eq!(
        lib.search(&q("pay")),
        Vec::<usize>::new(),
        "topics are filters, not search text"
    );
}

#[test]
fn section_and_topic_filter_and_combine_with_search() {
    let lib = library();
    let mut query = q("");
    query.section = Some("World".into());
    assert_eq!(lib.search(&query), [2]);
    query.section = None;
    query.topic = Some("syria".into());
    assert_eq!(lib.search(&query), [0, 2]);
    query.q = "washington".into();
    assert_eq!(lib.search(&query), [0]);
    assert_eq!(lib.sections()[0].1, 1);
    assert_eq!(lib.topics()[0], ("Syria".to_string(), 2));
}

#[test]
fn query_round_trips_through_the_url() {
    let query = LibraryQuery::from_params(
        Some("talks & more".into()),
        Some("US & Canada".into()),
        Some("Syria".into()),
        Some("3".into()),
    );
    assert_eq!(
        query.to_query(),
        "q=talks%20%26%20more&section=US%20%26%20Canada&topic=Syria&page=3"
    );
    assert_eq!(
        LibraryQuery::from_params(None, Some(" ".into()), None, Some("0".into())),
        LibraryQuery {
            page: 1,
            ..Default::default()
        }
    );
    assert_eq!(
        LibraryQuery::from_params(None, None, None, Some("x".into())).page,
        1
    );
    assert_eq!(LibraryQuery::default().with_page(1).to_query(), "");
    assert_eq!(encode("é/?"), "%C3%A9%2F%3F");
}

#[test]
fn pages_cover_the_results_and_clamp() {
    let results: Vec<usize> = (0..45).collect();
    let (items, page, pages) = page_of(&results, 1, PER_PAGE);
    assert_eq!((items.len(), page, pages), (20, 1, 3));
    let (items, page, _) = page_of(&results, 3, PER_PAGE);
    assert_eq!((items, page), (&results[40..45], 3));
    let (items, page, _) = page_of(&results, 99, PER_PAGE);
    assert_eq!((items.len(), page), (5, 3));
    let (items, page, pages) = page_of(&[], 1, PER_PAGE);
    assert_eq!((items.len(), page, pages), (0, 1, 1));
}

#[test]
fn the_index_grows_as_parts_arrive() {
    let mut lib = library();
    assert!(lib.contains("a") && !lib.contains("d"));
    lib.extend(vec![entry("d", "Another Syria story", "World", None, &[])]);
    assert_eq!(lib.len(), 4);
    assert_eq!(lib.search(&q("syria")), [0, 2, 3]);
}
