//! Library search, filters, URL state and pages.

use article::library::{
    encode, page_of, published, read_parts, LibraryIndex, LibraryQuery, ManifestReader,
    ResultCount, PER_PAGE,
};
use article::search::DocSet;
use article::{Manifest, ManifestEntry, Severity};

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
        picture: None,
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
    assert_eq!(lib.search(&q(""), None), [0, 1, 2]);
    assert_eq!(
        lib.search(&q("syria"), None),
        [2, 0],
        "headline of c first, then summary of a"
    );
    assert_eq!(lib.search(&q("SYRIA geneva"), None), [2]);
    assert_eq!(lib.search(&q("kerry geneva"), None), Vec::<usize>::new());
    assert_eq!(
        lib.search(&q("pay"), None),
        Vec::<usize>::new(),
        "topics are filters, not search text"
    );
}

#[test]
fn the_full_text_index_adds_articles_whose_text_has_each_word() {
    let lib = library();
    // The index says: "kerry" is in the text of b, "geneva" in a and c
    // (a has Kerry in its headline).
    let mut kerry = DocSet::with_capacity(3);
    kerry.insert(1);
    let mut geneva = DocSet::with_capacity(3);
    geneva.insert(0);
    geneva.insert(2);
    assert_eq!(lib.search(&q("kerry"), None), [0]);
    assert_eq!(lib.search(&q("kerry"), Some(&[kerry.clone()])), [0, 1]);
    // Every word must be found, each in the headline, summary or text.
    assert_eq!(lib.search(&q("kerry geneva"), None), Vec::<usize>::new());
    assert_eq!(
        lib.search(&q("kerry geneva"), Some(&[kerry.clone(), geneva.clone()])),
        [0]
    );
    assert_eq!(
        lib.search(
            &q("syria geneva"),
            Some(&[DocSet::with_capacity(3), geneva])
        ),
        [2, 0],
        "c has both words in its headline"
    );
    // Filters still apply.
    let mut query = q("kerry");
    query.section = Some("Business".into());
    assert_eq!(lib.search(&query, Some(&[kerry])), [1]);
}

#[test]
fn section_and_topic_filter_and_combine_with_search() {
    let lib = library();
    let mut query = q("");
    query.section = Some("World".into());
    assert_eq!(lib.search(&query, None), [2]);
    query.section = None;
    query.topic = Some("syria".into());
    assert_eq!(lib.search(&query, None), [0, 2]);
    query.q = "washington".into();
    assert_eq!(lib.search(&query, None), [0]);
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
    assert_eq!(lib.search(&q("syria"), None), [2, 3, 0]);
}

#[test]
fn search_results_come_most_relevant_first_and_newest_first_among_equals() {
    let lib = LibraryIndex::new(vec![
        entry(
            "new",
            "Budget news",
            "Business",
            Some("Harbour fees rise"),
            &[],
        ),
        entry("mid", "Harbour fees rise again", "Business", None, &[]),
        entry(
            "old",
            "Harbour deal",
            "Business",
            Some("The harbour reopens"),
            &[],
        ),
        entry("older", "Harbour talks", "Business", None, &[]),
    ]);
    // Headline and summary (4) before headline alone (3), equals kept in
    // the list's order (newest first), summary alone (1) last.
    assert_eq!(lib.search(&q("harbour"), None), [2, 1, 3, 0]);
    // Both words in the headline outrank one there and one in the summary.
    assert_eq!(lib.search(&q("harbour fees"), None), [1, 0]);
    // No words: the list's own order, whatever a filter keeps.
    assert_eq!(lib.search(&q(""), None), [0, 1, 2, 3]);
}

fn part(entries: Vec<ManifestEntry>, more: &[&str]) -> Manifest {
    Manifest {
        format: 1,
        total: None,
        articles: entries,
        more: more.iter().map(|m| m.to_string()).collect(),
    }
}

fn slugs(entries: &[ManifestEntry]) -> Vec<&str> {
    entries.iter().map(|e| e.slug.as_str()).collect()
}

#[test]
fn manifest_entries_that_cannot_lead_to_an_article_are_skipped_with_their_path() {
    let mut bad_date = entry("d", "Dated oddly", "World", None, &[]);
    bad_date.published = Some("yesterday".into());
    let first = part(
        vec![
            entry("a", "One", "World", None, &[]),
            entry("../../etc/passwd", "Traversal", "World", None, &[]),
            entry("https-other-example", "A fine slug", "World", None, &[]),
            entry("a", "One again", "World", None, &[]),
            entry("c", "  ", "World", None, &[]),
            bad_date,
        ],
        &[],
    );
    let read = ManifestReader::default().read("articles/index.json", first);
    assert_eq!(slugs(&read.entries), ["a", "https-other-example", "d"]);
    assert_eq!(
        read.entries[2].published, None,
        "an unreadable date is not shown"
    );
    let skipped = read.skipped.expect("problems reported");
    assert_eq!(skipped.file, "articles/index.json");
    let paths: Vec<&str> = skipped.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "articles[1].slug",
            "articles[3].slug",
            "articles[4].headline",
            "articles[5].published"
        ]
    );
    assert!(skipped.problems[0].message.contains("not an article id"));
    assert!(skipped.problems[1].message.contains("listed already"));
    assert_eq!(skipped.problems[3].severity, Severity::Warning);
}

#[test]
fn manifest_parts_are_read_once_and_slugs_are_unique_across_parts() {
    let mut reader = ManifestReader::default();
    let first = reader.read(
        "articles/index.json",
        part(
            vec![entry("a", "One", "World", None, &[])],
            &[
                "index.json",
                "index-2.json",
                "https://other.example/x.json",
                "../secret.json",
                "index-2.json",
                "index-3.json",
            ],
        ),
    );
    assert_eq!(first.more, ["index-2.json", "index-3.json"]);
    let problems = first.skipped.expect("skipped parts reported").problems;
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["more[0]", "more[2]", "more[3]", "more[4]"]);
    assert!(problems[0].message.contains("named already"));
    assert!(problems[1].message.contains("not a file name"));

    let second = reader.read(
        "articles/index-2.json",
        part(
            vec![
                entry("a", "One, listed in the first part too", "World", None, &[]),
                entry("b", "Two", "World", None, &[]),
            ],
            &[],
        ),
    );
    assert_eq!(slugs(&second.entries), ["b"]);
    assert_eq!(second.skipped.unwrap().problems[0].path, "articles[0].slug");
    // A clean part reports nothing.
    let third = reader.read(
        "articles/index-3.json",
        part(vec![entry("c", "Three", "World", None, &[])], &[]),
    );
    assert_eq!((slugs(&third.entries), third.skipped), (vec!["c"], None));
}

#[test]
fn the_published_list_keeps_its_parts_and_offers_only_what_has_a_page() {
    let first = part(
        vec![
            entry("a", "One", "World", None, &[]),
            entry("b", "Two", "World", None, &[]),
        ],
        &["index-2.json", "index-9.json", "index-3.json"],
    );
    let parts = |name: &str| match name {
        "index-2.json" => Ok(part(vec![entry("c", "Three", "World", None, &[])], &[])),
        "index-3.json" => Ok(part(vec![entry("d", "Four", "World", None, &[])], &[])),
        _ => Err(format!("articles/{name}: not found")),
    };
    let (read, skipped) = read_parts("articles/", first, parts);
    assert_eq!(skipped, ["articles/index-9.json: not found"]);
    let names: Vec<&str> = read.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["index.json", "index-2.json", "index-3.json"]);
    // "b" and "c" have no page: the parts stay, with what is left, and
    // the part that could not be read is no longer named.
    let list = published(&read, |slug| slug == "a" || slug == "d");
    type Shown<'a> = (&'a str, Vec<&'a str>, Option<usize>, Vec<&'a str>);
    let shown: Vec<Shown> = list
        .iter()
        .map(|(name, m)| {
            let more = m.more.iter().map(String::as_str).collect();
            (name.as_str(), slugs(&m.articles), m.total, more)
        })
        .collect();
    assert_eq!(
        shown,
        [
            (
                "index.json",
                vec!["a"],
                Some(2),
                vec!["index-2.json", "index-3.json"]
            ),
            ("index-2.json", vec![], None, vec![]),
            ("index-3.json", vec!["d"], None, vec![]),
        ]
    );
}

fn count(found: usize, page: usize, narrowed: bool) -> ResultCount {
    ResultCount {
        found,
        page,
        beyond_end: false,
        narrowed,
        loaded: 120,
        expected: None,
    }
}

#[test]
fn the_status_line_counts_in_words_with_the_right_plurals() {
    assert_eq!(count(1, 1, false).describe(), "1 article");
    assert_eq!(count(7, 1, false).describe(), "7 articles");
    assert_eq!(
        count(120, 2, false).describe(),
        "Showing 21–40 of 120 articles, page 2 of 6"
    );
    assert_eq!(count(1, 1, true).describe(), "1 article matches");
    assert_eq!(count(3, 1, true).describe(), "3 articles match");
    assert_eq!(
        count(45, 3, true).describe(),
        "45 articles match, showing 41–45, page 3 of 3"
    );
    assert_eq!(count(0, 1, true).describe(), "No articles match");
    let beyond = ResultCount {
        beyond_end: true,
        page: 9,
        ..count(21, 9, true)
    };
    assert_eq!(beyond.describe(), "21 articles match, on 2 pages");
    let unnarrowed = ResultCount {
        narrowed: false,
        ..beyond
    };
    assert_eq!(unnarrowed.describe(), "21 articles, on 2 pages");
}

#[test]
fn while_parts_load_the_list_counts_what_the_site_holds_and_matches_say_so_far() {
    let loading = |found, narrowed| ResultCount {
        loaded: 30,
        expected: Some(120),
        ..count(found, 1, narrowed)
    };
    // The first pages of the whole list are final: no "so far" about them.
    assert_eq!(
        loading(30, false).describe(),
        "Showing 1–20 of 120 articles, page 1 of 6"
    );
    assert_eq!(
        loading(2, true).describe(),
        "2 articles match so far (30 of 120 loaded)"
    );
    assert_eq!(
        loading(0, true).describe(),
        "No articles match so far (30 of 120 loaded)"
    );
}

#[test]
fn a_card_picture_from_data_goes_through_the_url_policy() {
    let mut reader = ManifestReader::default();
    let picture = |src: &str| {
        Some(article::Picture {
            src: src.into(),
            alt: "A harbour".into(),
        })
    };
    let mut good = entry("good", "Harbour", "Business", None, &[]);
    good.picture = picture("https://images.example.net/harbour.jpg");
    let mut local = entry("local", "Harbour", "Business", None, &[]);
    local.picture = picture("articles/local/harbour.jpg");
    let mut bad = entry("bad", "Harbour", "Business", None, &[]);
    bad.picture = picture("javascript:alert(1)");
    let read = reader.read("articles/index.json", part(vec![good, local, bad], &[]));
    let kept: Vec<_> = read.entries.iter().map(|e| e.picture.is_some()).collect();
    assert_eq!(
        kept,
        [true, true, false],
        "the entry stays, its picture does not"
    );
    let skipped = read.skipped.expect("a warning");
    assert_eq!(skipped.problems[0].path, "articles[2].picture.src");
    assert_eq!(skipped.problems[0].severity, Severity::Warning);
}

#[test]
fn entries_named_like_the_manifest_s_files_or_a_device_are_skipped() {
    let mut reader = ManifestReader::default();
    let first = reader.read(
        "articles/index.json",
        part(
            vec![
                entry("index", "Would overwrite the manifest", "World", None, &[]),
                entry("index-2", "Would be part 2", "World", None, &[]),
                entry("nul", "Cannot be a file on Windows", "World", None, &[]),
                entry(
                    "part-b",
                    "Fine until a part takes its name",
                    "World",
                    None,
                    &[],
                ),
                entry("fine", "Fine", "World", None, &[]),
            ],
            &["part-b.json", "con.json", "more.json"],
        ),
    );
    assert_eq!(slugs(&first.entries), ["part-b", "fine"]);
    assert_eq!(first.more, ["more.json"]);
    let skipped = first.skipped.expect("problems reported");
    let said: Vec<String> = skipped
        .problems
        .iter()
        .map(|p| format!("{}: {}", p.path, p.message))
        .collect();
    assert!(
        said[0].starts_with("articles[0].slug: \"index\" is the manifest's own file name"),
        "{said:#?}"
    );
    assert!(
        said[1].starts_with("articles[1].slug: \"index-2\""),
        "{said:#?}"
    );
    assert!(said[2].contains("Windows keeps for a device"), "{said:#?}");
    assert!(
        said[3].starts_with("more[0]: \"part-b.json\" is the file of an article"),
        "{said:#?}"
    );
    assert!(said[4].starts_with("more[1]: \"con.json\""), "{said:#?}");
    // A part read before an entry that would take its file name.
    let second = reader.read(
        "articles/more.json",
        part(
            vec![entry(
                "more",
                "Would overwrite this part",
                "World",
                None,
                &[],
            )],
            &[],
        ),
    );
    assert!(second.entries.is_empty());
    assert!(second.skipped.unwrap().problems[0]
        .message
        .contains("file name of a part"));
}
