//! The topic index and URL state, on the seed article.

use article::index::{parse_topics, ArticleIndex, Target};

mod common;
use common::seed;

fn ids(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn counts_paragraphs_per_topic() {
    let a = seed();
    let index = ArticleIndex::new(&a);
    assert_eq!(index.paragraph_count(), 20);
    let counts: Vec<(String, usize)> = a
        .topics
        .iter()
        .map(|t| (t.id.clone(), index.count(&t.id)))
        .collect();
    // Counted independently from the JSON: each paragraph's topics.
    for (topic, n) in &counts {
        let expected = a.paragraphs().filter(|p| p.topics.contains(topic)).count();
        assert_eq!(*n, expected, "{topic}");
    }
    assert_eq!(index.count("syria"), 7);
    assert_eq!(index.count("snowden"), 3);
    assert_eq!(index.count("no-such-topic"), 0);
}

#[test]
fn selection_is_a_union_and_hides_empty_sections() {
    let a = seed();
    let index = ArticleIndex::new(&a);
    let none = index.visibility(&[], &[]);
    assert!(!none.is_filtered());
    assert!(none.shows_paragraph("p-collisions") && none.shows_section(3));

    let snowden = index.visibility(&ids(&["snowden"]), &[]);
    assert_eq!(snowden.matching, 3);
    assert!(snowden.shows_paragraph("p-asylum"));
    assert!(snowden.shows_paragraph("p-tension"));
    assert!(!snowden.shows_paragraph("p-collisions"));
    // Sections 0 and 1 have Snowden paragraphs; 2 and 3 do not.
    assert_eq!(
        (0..4).map(|s| snowden.shows_section(s)).collect::<Vec<_>>(),
        [true, true, false, false]
    );

    let both = index.visibility(&ids(&["snowden", "syria"]), &[]);
    assert_eq!(both.matching, 3 + 7);
    assert_eq!(
        (0..4).map(|s| both.shows_section(s)).collect::<Vec<_>>(),
        [true, true, true, true]
    );
    // A paragraph tagged with both counts once.
    let summit_snowden = index.visibility(&ids(&["summit", "snowden"]), &[]);
    assert_eq!(
        summit_snowden.matching,
        index.count("summit") + index.count("snowden") - 1
    );
}

#[test]
fn a_forced_target_stays_visible_with_its_section() {
    let a = seed();
    let index = ArticleIndex::new(&a);
    let selected = ids(&["snowden"]);
    let quote = |id: &str| index.blocks_of(&Target::Quote(id.into()));
    assert_eq!(quote("hagel-mutual-interests"), ids(&["p-mutual"]));
    assert!(index.filter_hides(&selected, &quote("hagel-mutual-interests")));
    assert!(!index.filter_hides(&selected, &quote("kerry-no-secret")));
    // A caption quote shows with its section.
    assert_eq!(quote("kerry-challenging-caption"), ids(&["lead-video"]));
    assert!(!index.filter_hides(&selected, &quote("kerry-challenging-caption")));
    assert!(index.filter_hides(&ids(&["north-korea"]), &quote("kerry-challenging-caption")));
    assert!(quote("no-such-quote").is_empty());

    let v = index.visibility(&selected, &quote("hagel-mutual-interests"));
    assert!(v.shows_paragraph("p-mutual"));
    assert!(v.shows_section(3));
    assert!(!v.shows_paragraph("p-join-efforts"));
    assert_eq!(v.matching, 3, "the forced paragraph is not a match");
    assert!(index.has(&Target::Quote("hagel-mutual-interests".into())));
    assert!(!index.has(&Target::Quote("p-mutual".into())));

    // An event forces all of its paragraphs.
    let geneva = Target::Event("event-geneva-talks".into());
    assert!(index.has(&geneva));
    assert_eq!(
        index.blocks_of(&geneva),
        ids(&["p-geneva", "p-join-efforts"])
    );
    assert!(index.filter_hides(&selected, &index.blocks_of(&geneva)));
    let v = index.visibility(&selected, &index.blocks_of(&geneva));
    assert!(v.shows_paragraph("p-geneva") && v.shows_paragraph("p-join-efforts"));
    assert!(v.shows_section(2) && v.shows_section(3));
    assert!(!index.has(&Target::Event("p-geneva".into())));
}

#[test]
fn paragraphs_know_their_events_and_speakers_their_quotes() {
    let a = seed();
    let index = ArticleIndex::new(&a);
    assert_eq!(
        index.events_of("p-asylum"),
        ids(&["event-snowden-asylum", "event-summit-cancelled"])
    );
    assert!(index.events_of("p-strained").is_empty());
    assert_eq!(index.quote_count("kerry"), 5);
    assert_eq!(index.quote_count("lavrov"), 5);
    assert_eq!(index.quote_count("hagel"), 2);
    assert_eq!(index.quote_count("shoigu"), 0);
}

#[test]
fn topics_parameter_keeps_known_ids_and_reports_the_rest() {
    let index = ArticleIndex::new(&seed());
    let a = index.topics();
    let (known, unknown) = parse_topics("snowden,,weather, syria ,snowden,weather,SYRIA", a);
    assert_eq!(
        known,
        ids(&["syria", "snowden"]),
        "article order, no repeats"
    );
    assert_eq!(unknown, ids(&["weather", "SYRIA"]));
    assert_eq!(parse_topics("", a), (vec![], vec![]));
    let long = "x".repeat(5000);
    let (known, unknown) = parse_topics(&long, a);
    assert!(known.is_empty() && unknown.len() == 1);
}

#[test]
fn the_index_knows_each_quotes_speaker() {
    let index = ArticleIndex::new(&seed());
    assert_eq!(index.speaker_of("hagel-mutual-interests"), Some("hagel"));
    assert_eq!(index.speaker_of("kerry-challenging-caption"), Some("kerry"));
    assert_eq!(index.speaker_of("no-such-quote"), None);
    assert_eq!(article::plural(1, "paragraph"), "paragraph");
    assert_eq!(article::plural(0, "quote"), "quotes");
}

#[test]
fn the_index_survives_a_round_trip_through_json() {
    // A pre-rendered page carries the index as JSON; its controls must
    // answer as the one built from the article does.
    let index = ArticleIndex::new(&seed());
    let text = serde_json::to_string(&index).unwrap();
    let back: ArticleIndex = serde_json::from_str(&text).unwrap();
    assert_eq!(back, index);
    assert_eq!(
        serde_json::to_string(&back).unwrap(),
        text,
        "one article, one text"
    );
    let selected = ids(&["syria"]);
    assert_eq!(
        back.visibility(&selected, &[]),
        index.visibility(&selected, &[])
    );
}

#[test]
fn a_fragment_names_a_block_or_a_sections_paragraphs() {
    let a = seed();
    let index = article::index::ArticleIndex::new(&a);
    assert_eq!(index.blocks_of_fragment("p-collisions"), ["p-collisions"]);
    let section = &a.sections[3];
    let paragraphs = section.paragraph_ids();
    assert!(!paragraphs.is_empty());
    assert_eq!(index.blocks_of_fragment(&section.id), paragraphs);
    assert_eq!(index.section_paragraphs(3), paragraphs);
    assert!(index.section_paragraphs(a.sections.len()).is_empty());
    assert!(index.blocks_of_fragment("no-such-id").is_empty());
}

#[test]
fn hidden_runs_are_the_stretches_a_filter_hides_in_a_section() {
    let article = seed();
    let index = ArticleIndex::new(&article);
    let ids = article.sections[1].paragraph_ids();
    assert!(
        index.visibility(&[], &[]).hidden_runs(&ids).is_empty(),
        "no filter, nothing hidden"
    );
    for topic in article.topics.iter().map(|t| t.id.clone()) {
        let v = index.visibility(std::slice::from_ref(&topic), &[]);
        let runs = v.hidden_runs(&ids);
        // The runs cover exactly the hidden paragraphs, each run maximal.
        let mut covered = vec![false; ids.len()];
        for &(start, len) in &runs {
            assert!(len > 0);
            for c in &mut covered[start..start + len] {
                *c = true;
            }
            assert!(start == 0 || v.shows_paragraph(&ids[start - 1]));
            assert!(start + len == ids.len() || v.shows_paragraph(&ids[start + len]));
        }
        for (id, c) in ids.iter().zip(covered) {
            assert_eq!(c, !v.shows_paragraph(id), "{topic}: {id}");
        }
    }
}
