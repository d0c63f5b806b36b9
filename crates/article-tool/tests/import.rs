//! The importer on the seed and on fixtures: structure, quotes and speakers
//! (precision and recall), completeness, bad input, and the command line.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use article::{Article, Block, Inline};
use article_tool::{import, import_bytes, Imported, Options, TopicList};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(repo().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn options(published: &str) -> Options {
    Options {
        published: Some(published.into()),
        source: Some("Test source".into()),
        ..Options::default()
    }
}

/// Fixtures carry their date line, except council-budget, which is
/// imported with `--published` as a reader without one would.
fn import_fixture(name: &str) -> Imported {
    let options = Options {
        published: (name == "council-budget").then(|| "2021-11-30".to_string()),
        source: Some("Test Gazette".into()),
        ..Options::default()
    };
    import(
        &read(&format!("tests/fixtures/import/{name}.txt")),
        &options,
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The fixtures with hand-written quotes (`<name>.quotes.json`).
fn fixture_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo().join("tests/fixtures/import"))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".quotes.json").map(String::from)
        })
        .collect();
    names.sort();
    names
}

/// (quote text, speaker's full name) in reading order.
fn quotes(a: &Article) -> Vec<(String, Option<String>)> {
    a.quotes()
        .map(|(_, q)| {
            let name = q
                .speaker
                .as_deref()
                .and_then(|id| a.person(id))
                .map(|p| p.name.clone());
            (q.text.clone(), name)
        })
        .collect()
}

/// A quote counts when its text and speaker both match.
fn precision_recall(
    got: &[(String, Option<String>)],
    expected: &[(String, Option<String>)],
) -> (f64, f64) {
    let mut unmatched = expected.to_vec();
    let mut hits = 0;
    for q in got {
        if let Some(i) = unmatched.iter().position(|e| e == q) {
            unmatched.remove(i);
            hits += 1;
        }
    }
    let ratio = |n: usize| if n == 0 { 1.0 } else { hits as f64 / n as f64 };
    (ratio(got.len()), ratio(expected.len()))
}

fn caption_text(runs: &[Inline]) -> String {
    runs.iter()
        .map(|r| match r {
            Inline::Text(t) => t.text.clone(),
            Inline::Quote(q) => format!("\"{}\"", q.text),
        })
        .collect()
}

#[test]
fn the_seed_imports_like_the_hand_written_json() {
    let imported = import(&read("tests/fixtures/seed.txt"), &options("2013-08-09")).unwrap();
    let got = imported.article;
    let want = article::load_article(
        "seed",
        &read("public/articles/us-russia-talks-despite-collisions.json"),
    )
    .unwrap()
    .into_article();
    assert_eq!(got.section, want.section);
    assert_eq!(got.headline, want.headline);
    let shape = |a: &Article| -> Vec<(String, Option<String>, Vec<&'static str>)> {
        a.sections
            .iter()
            .map(|s| {
                let kinds = s
                    .blocks
                    .iter()
                    .map(|b| match b {
                        Block::Paragraph(_) => "paragraph",
                        Block::Media(_) => "media",
                        Block::Image(_) => "image",
                        Block::Embed(_) => "embed",
                        Block::Unsupported(_) => "?",
                    })
                    .collect();
                (s.id.clone(), s.heading.clone(), kinds)
            })
            .collect()
    };
    assert_eq!(shape(&got), shape(&want));
    let captions = |a: &Article| -> Vec<String> {
        a.sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter(|b| !matches!(b, Block::Paragraph(_)))
            .map(|b| caption_text(b.runs()))
            .collect()
    };
    assert_eq!(captions(&got), captions(&want));
    assert_eq!(got.related, want.related);
    let (precision, recall) = precision_recall(&quotes(&got), &quotes(&want));
    println!(
        "seed: {} quotes, precision {precision:.2}, recall {recall:.2}",
        quotes(&got).len()
    );
    assert!(
        precision >= 0.9 && recall >= 0.9,
        "precision {precision}, recall {recall}"
    );
    // Every paragraph's text is the same, run for run.
    let texts =
        |a: &Article| -> Vec<String> { a.paragraphs().map(|p| caption_text(&p.runs)).collect() };
    assert_eq!(texts(&got), texts(&want));
}

#[test]
fn fixtures_meet_the_quote_targets_and_their_expected_json() {
    let held_out = held_out();
    for name in fixture_names() {
        let name = name.as_str();
        let imported = import_fixture(name);
        let expected: Vec<serde_json::Value> =
            serde_json::from_str(&read(&format!("tests/fixtures/import/{name}.quotes.json")))
                .unwrap();
        let expected: Vec<(String, Option<String>)> = expected
            .iter()
            .map(|q| {
                (
                    q["text"].as_str().unwrap().to_string(),
                    q["speaker"].as_str().map(String::from),
                )
            })
            .collect();
        let (precision, recall) = precision_recall(&quotes(&imported.article), &expected);
        println!("{name}: precision {precision:.2}, recall {recall:.2}");
        // The targets hold over the half tuned on (fixture_report); here
        // each of its fixtures must not collapse. The held-out half is
        // reported there, not held to this.
        assert!(
            held_out.iter().any(|n| n == name) || (precision >= 0.8 && recall >= 0.8),
            "{name}: precision {precision}, recall {recall}"
        );

        // The whole article, as reviewed: UPDATE_EXPECTED=1 rewrites it.
        let path = repo().join(format!("tests/fixtures/import/{name}.expected.json"));
        let json = serde_json::to_string_pretty(&imported.article).unwrap() + "\n";
        if std::env::var_os("UPDATE_EXPECTED").is_some() {
            std::fs::write(&path, &json).unwrap();
        }
        assert!(
            std::fs::read_to_string(&path).unwrap() == json,
            "{name}: output differs from {}",
            path.display()
        );
    }
}

/// The input's sentences (labels split off, quotation marks dropped), and
/// whether each appears in the output's text once, in order.
fn check_complete(input: &str, a: &Article) -> Vec<String> {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| {
                !matches!(
                    c,
                    '"' | '\'' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}'
                )
            })
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut out: Vec<String> = a.section.iter().cloned().collect();
    out.push(a.headline.clone());
    let mut credits = Vec::new();
    for s in &a.sections {
        out.extend(s.heading.clone());
        for b in &s.blocks {
            if let Block::Media(m) = b {
                out.push(m.placeholder.clone());
            }
            if let Block::Image(i) = b {
                credits.extend(i.credit.clone());
            }
            out.push(caption_text(b.runs()));
        }
    }
    if let Some(r) = &a.related {
        out.push(r.heading.clone());
        out.extend(r.links.iter().map(|l| format!("{} - {}", l.title, l.url)));
    }
    let hay = norm(&out.join(" ")).replace("Media playback is unsupported on your device", "");
    let mut problems = Vec::new();
    let mut cursor = 0;
    for line in input.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let mut line = line;
        // An image's credit, alone or run together with its caption: kept
        // (checked by presence; a credit may follow its caption).
        for label in ["Image copyright", "Image source"] {
            if let Some(rest) = line.strip_prefix(label) {
                let (credit, caption) = rest.split_once("Image caption").unwrap_or((rest, ""));
                let credit = credit.trim_start_matches([',', ':']).trim();
                if !credits.iter().any(|c| c == credit) {
                    problems.push(format!("credit missing: {credit}"));
                }
                line = caption;
            }
        }
        for label in [
            "Media playback is unsupported on your device",
            "Media caption",
            "Image caption",
        ] {
            if let Some(rest) = line.strip_prefix(label) {
                line = rest.trim_start_matches([',', ':']).trim();
                if label.starts_with("Media playback") {
                    line = line.strip_prefix("Media caption").unwrap_or(line);
                }
            }
        }
        // The date line becomes `published`, not text.
        if a.published.is_some()
            && article_tool::parse_date_line(line) == a.published.as_ref().map(|d| d.to_string())
        {
            continue;
        }
        for sentence in split_sentences(line) {
            let s = norm(sentence);
            if s.is_empty() {
                continue;
            }
            match hay.find(&s) {
                None => problems.push(format!("missing: {s}")),
                Some(at) => {
                    if hay[at + 1..].contains(&s) && s.len() > 20 {
                        problems.push(format!("twice: {s}"));
                    }
                    if at < cursor {
                        problems.push(format!("out of order: {s}"));
                    }
                    cursor = cursor.max(at + s.len());
                }
            }
        }
    }
    problems
}

fn split_sentences(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes: Vec<(usize, char)> = line.char_indices().collect();
    for (k, &(_, c)) in bytes.iter().enumerate() {
        if matches!(c, '.' | '!' | '?') {
            // Past closing quotes, then a space and a capital: a sentence ends.
            let mut j = k + 1;
            while j < bytes.len() && matches!(bytes[j].1, '"' | '\'' | '\u{201d}' | '\u{2019}') {
                j += 1;
            }
            if j + 1 < bytes.len()
                && bytes[j].1 == ' '
                && (bytes[j + 1].1.is_uppercase() || matches!(bytes[j + 1].1, '"' | '\u{201c}'))
            {
                let end = bytes[j].0;
                out.push(&line[start..end]);
                start = end + 1;
            }
        }
    }
    out.push(&line[start..]);
    out
}

#[test]
fn no_sentence_is_lost_or_reordered() {
    let seed = read("tests/fixtures/seed.txt");
    let imported = import(&seed, &options("2013-08-09")).unwrap();
    assert_eq!(
        check_complete(&seed, &imported.article),
        Vec::<String>::new()
    );
    for name in ["harbour-strike", "council-budget", "comet-study"] {
        let input = read(&format!("tests/fixtures/import/{name}.txt"));
        let imported = import_fixture(name);
        assert_eq!(
            check_complete(&input, &imported.article),
            Vec::<String>::new(),
            "{name}"
        );
    }
    // The check can fail: drop a paragraph and it is caught.
    let mut broken = imported_seed();
    broken.sections[2].blocks.remove(3);
    let problems = check_complete(&seed, &broken);
    assert_eq!(problems, ["missing: But Mr Kerry said the two countries agreed on the need to stave off collapse and chaos in the country, and that the answer lay in a negotiated political solution."]);
}

fn imported_seed() -> Article {
    import(&read("tests/fixtures/seed.txt"), &options("2013-08-09"))
        .unwrap()
        .article
}

#[test]
fn unclassified_lines_become_paragraphs_with_a_warning() {
    let text = "World\nA headline\n\nA first paragraph.\nthis line has no ending and is far too long to be any kind of subheading at all\n";
    let imported = import(text, &options("2020-01-01")).unwrap();
    assert_eq!(imported.article.paragraphs().count(), 2);
    assert_eq!(imported.warnings.len(), 1);
    assert_eq!(imported.warnings[0].line, 5);
    assert!(imported.warnings[0].message.contains("kept as a paragraph"));
}

#[test]
fn bad_input_is_refused_with_a_line_number() {
    let err = import("", &options("2020-01-01")).unwrap_err();
    assert_eq!(err.to_string(), "the input is empty");
    assert_eq!(
        import(" \n\t\n", &options("2020-01-01"))
            .unwrap_err()
            .to_string(),
        "the input is empty"
    );

    let mut bytes = b"World\nA headline\nFine text.\nBad \xff byte.\n".to_vec();
    let err = import_bytes(&bytes, &options("2020-01-01")).unwrap_err();
    assert_eq!(err.line, Some(4));
    assert!(
        err.to_string().starts_with("line 4: not UTF-8 text"),
        "{err}"
    );
    bytes.truncate(16);
    let err = import_bytes(&bytes, &options("2020-01-01")).unwrap_err();
    assert_eq!(err.to_string(), "line 2: no body text after the headline");

    let err = import(
        "Media playback is unsupported on your device\nMedia captionA caption\n",
        &options("2020-01-01"),
    )
    .unwrap_err();
    assert!(err.to_string().contains("no headline"), "{err}");

    let long = format!("World\nA headline\n{}\n", "word ".repeat(30_000));
    let err = import(&long, &options("2020-01-01")).unwrap_err();
    assert_eq!(err.line, Some(3));
    assert!(
        err.to_string()
            .contains("characters long; the limit is 100000"),
        "{err}"
    );

    // A readable text is never refused: no date is a warning, and the
    // article has none.
    let imported = import("World\nA headline\nText.\n", &Options::default()).unwrap();
    assert_eq!(imported.article.published, None);
    assert!(imported
        .warnings
        .iter()
        .any(|w| w.line == 2 && w.message.contains("no date line")));
}

#[test]
fn unbalanced_quotes_keep_the_text_and_warn() {
    // A mark left open closes at the paragraph's end; the next paragraph
    // stays narrative.
    let text = "World\nA headline\n\nShe said \"we will never stop.\nAnother paragraph.\n";
    let imported = import(text, &options("2020-01-01")).unwrap();
    let mut paragraphs = imported.article.paragraphs();
    assert_eq!(
        caption_text(&paragraphs.next().unwrap().runs),
        "She said \"we will never stop.\""
    );
    assert_eq!(
        caption_text(&paragraphs.next().unwrap().runs),
        "Another paragraph."
    );
    assert!(imported
        .warnings
        .iter()
        .any(|w| w.line == 4 && w.message.contains("left open")));
    // A closing mark with nothing open: the text is kept unmarked.
    let text = "World\nA headline\n\nShe said we will\u{201d} never stop.\n";
    let imported = import(text, &options("2020-01-01")).unwrap();
    let p = imported.article.paragraphs().next().unwrap();
    assert_eq!(
        caption_text(&p.runs),
        "She said we will\u{201d} never stop."
    );
    assert!(imported
        .warnings
        .iter()
        .any(|w| w.line == 4 && w.message.contains("do not pair up")));
}

#[test]
fn a_quote_with_no_clear_speaker_is_kept_as_unknown() {
    let text = "World\nA headline for the test\n\nAs the doors shut, voices in the crowd shouted \"we will not go home until this is over\" again and again.\n";
    let imported = import(text, &options("2020-01-01")).unwrap();
    let q = imported.article.quotes().next().unwrap().1;
    assert_eq!(q.speaker, None);
    assert!(q.id.starts_with("unknown-"));
    assert!(imported.warnings.iter().any(|w| w
        .message
        .contains("no speaker found for the quote \"we will not go home")));
}

#[test]
fn words_set_apart_by_quotation_marks_are_not_speech() {
    // One or two words nobody is found to have said, a name, a title: the
    // text keeps them with their marks, as text, and warns of nothing.
    let imported = import_fixture("comet-study");
    assert!(imported
        .article
        .quotes()
        .all(|(_, q)| q.text != "astonishing"));
    let p = imported
        .article
        .paragraphs()
        .find(|p| caption_text(&p.runs).contains("astonishing"))
        .unwrap();
    assert_eq!(
        caption_text(&p.runs),
        "The team called the rate \"astonishing\" in their paper."
    );
    assert!(!imported
        .warnings
        .iter()
        .any(|w| w.message.contains("astonishing")));
    for (paragraph, words) in [
        (
            "The dog, known as \"Holly by the Sea\", was found on Monday.",
            "Holly by the Sea",
        ),
        (
            "Peru sits on the Pacific \"Ring of Fire,\" where plates meet.",
            "Ring of Fire,",
        ),
        (
            "Officials described the day as \"historic\" and went home.",
            "historic",
        ),
    ] {
        let got = speakers_in(paragraph);
        assert!(got.iter().all(|(q, _)| q != words), "{paragraph}: {got:?}");
    }
    // The same words with someone found to say them are speech.
    let got = speakers_in("\"Historic,\" said council leader Aileen Scott.");
    assert_eq!(
        got,
        [("Historic,".to_string(), Some("Aileen Scott".to_string()))]
    );
}

/// (quote, speaker's name) for a one-paragraph text under a headline.
fn speakers_in(paragraph: &str) -> Vec<(String, Option<String>)> {
    let text = format!("World\nA headline for the test\n\n{paragraph}\n");
    quotes(&import(&text, &options("2020-01-01")).unwrap().article)
}

#[test]
fn a_quote_opening_the_next_sentence_goes_on_with_its_speaker() {
    let got = speakers_in(
        "\"This is a fresh start,\" said council leader Aileen Scott. \"People have waited too long.\"",
    );
    assert_eq!(got[1].1.as_deref(), Some("Aileen Scott"), "{got:?}");
    // Not a quote inside someone else's sentence.
    let got = speakers_in(
        "\"This is a fresh start,\" said council leader Aileen Scott. Critics called the plan \"a costly farce\" on Monday.",
    );
    assert_eq!(got[1].1, None, "{got:?}");
}

#[test]
fn a_quote_after_a_colon_belongs_to_the_sentence_s_subject() {
    let got = speakers_in(
        "Our chair, Bernard Okafor, put it simply at the meeting: \"We are not against the health centre.\"",
    );
    assert_eq!(got[0].1.as_deref(), Some("Bernard Okafor"), "{got:?}");
    // A name further into the sentence is its object, not its subject.
    let got = speakers_in(
        "Councillor Joan Ames thanked the minister. The minister later met Ann Lee and explained: \"No decision has been made.\"",
    );
    assert_eq!(got[0].1, None, "{got:?}");
}

#[test]
fn a_name_with_an_age_or_any_capitalised_role_before_it_speaks() {
    let got = speakers_in("Landlord Dave Mercer, 52, said: \"There she was, staring at me.\"");
    assert_eq!(got[0].1.as_deref(), Some("Dave Mercer"), "{got:?}");
}

/// The speaker's name of each quote of a text of several paragraphs.
fn speakers_through(paragraphs: &[&str]) -> Vec<Option<String>> {
    let text = format!(
        "World\nA headline for the test\n\n{}\n",
        paragraphs.join("\n\n")
    );
    let article = import(&text, &options("2020-01-01")).unwrap().article;
    quotes(&article).into_iter().map(|q| q.1).collect()
}

#[test]
fn an_age_a_relation_or_who_makes_a_name_a_person_and_a_place_is_none() {
    let got = speakers_through(&[
        "Dave Pike, 61, found the panda asleep in his apple tree.",
        "\"I thought it was a fox,\" he said.",
    ]);
    assert_eq!(got, [Some("Dave Pike".into())]);
    // A first name alone, with a relation or an age; named so later.
    let got = speakers_through(&[
        "Her son, Graham, said the letter \"came out of nowhere\".",
        "\"Nobody rang us,\" he said.",
        "Ada, 9, was at the count. Ada said: \"Mum will be busy.\"",
    ]);
    assert_eq!(
        got,
        [
            Some("Graham".into()),
            Some("Graham".into()),
            Some("Ada".into())
        ]
    );
    let got = speakers_through(&[
        "Labour's Ian Fletcher, who held the seat for 12 years, congratulated his rival.",
        "\"She fought a good campaign,\" he said.",
    ]);
    assert_eq!(got, [Some("Ian Fletcher".into())]);
    // A team takes "who" with a plural verb: no person, so "he" means
    // nobody.
    let got = speakers_through(&[
        "Northgate United, who were bottom in March, won again.",
        "\"It was a great day,\" he said.",
    ]);
    assert_eq!(got, [None]);
    // "in West Yorkshire say": a place, so "he" has nobody to mean.
    let got = speakers_through(&[
        "Families of residents in West Yorkshire say fees rose by 15%.",
        "\"It is more than we can pay,\" he said.",
    ]);
    assert_eq!(got, [None]);
}

#[test]
fn a_name_first_seen_silent_speaks_by_its_surname_or_first_name() {
    let got = speakers_through(&[
        "Kenyan runner Faith Chebet broke the course record on Sunday.",
        "\"I knew at halfway that I felt strong,\" said Chebet, 27.",
    ]);
    assert_eq!(got, [Some("Faith Chebet".into())]);
    // Never speaking, the name stays a name: "he" means nobody.
    let got = speakers_through(&[
        "Kenyan runner Faith Chebet broke the course record on Sunday.",
        "\"A great day for the city,\" he said.",
    ]);
    assert_eq!(got, [None]);
    let got = speakers_through(&[
        "Volunteer co-ordinator Sue Barnes, 71, said the response was good.",
        "The library opens in September. Sue said: \"We will run a homework club.\"",
    ]);
    assert_eq!(got, [Some("Sue Barnes".into())]);
    // Two people share the first name: it names neither.
    let got = speakers_through(&[
        "Sue Barnes, 71, and Sue Hill, 68, run the library.",
        "Sue said: \"We will run a homework club.\"",
    ]);
    assert_eq!(got, [None]);
}

#[test]
fn organisations_by_acronym_lower_case_name_document_or_what_they_are() {
    // An acronym before a person's name is a role, not an organisation.
    let got = speakers_in("GP Sarah Jones said the surgery was \"full every single morning\".");
    assert_eq!(got[0].1.as_deref(), Some("Sarah Jones"), "{got:?}");
    let got = speakers_through(&[
        "Cycling UK said potholes were \"a menace to every rider\".",
        "The Scottish government said it had spent \"record sums on ferries\".",
        "A report by the Campaign for Better Transport found the site had \"no realistic public transport link\".",
        "Cumberland Council planned to close the library.",
        "Volunteers offered to run it instead.",
        "Opening hours will be cut.",
        "The council said it was \"delighted with the offer\".",
    ]);
    assert_eq!(
        got,
        [
            Some("Cycling UK".into()),
            Some("Scottish government".into()),
            Some("Campaign for Better Transport".into()),
            Some("Cumberland Council".into()),
        ]
    );
}

#[test]
fn the_floor_passes_through_one_paragraph_that_names_nobody_else() {
    let storm = |between: &[&str]| {
        let mut paragraphs =
            vec!["Farmer Colm Devlin lost a roof. \"It went like paper,\" he said."];
        paragraphs.extend_from_slice(between);
        paragraphs.push("\"They are calm now. It was us that were not.\"");
        speakers_through(&paragraphs)[1].clone()
    };
    assert_eq!(
        storm(&["By noon he had moved his cattle."]),
        Some("Colm Devlin".into())
    );
    assert_eq!(storm(&[]), Some("Colm Devlin".into()));
    // Someone else named or reporting, or two paragraphs of narrative: the
    // floor is nobody's.
    assert_eq!(
        storm(&["Neighbours said it was the worst storm in years."]),
        None
    );
    assert_eq!(storm(&["Forecaster Ruth Wade expects more wind."]), None);
    assert_eq!(
        storm(&["He moved his cattle.", "Power came back at noon."]),
        None
    );
    // A subject reporting, then a quote opening the next sentence.
    let got = speakers_in("Graham Ellis said he would move her. \"It breaks my heart.\"");
    assert_eq!(got[0].1.as_deref(), Some("Graham Ellis"), "{got:?}");
}

#[test]
fn a_guess_not_sure_enough_gives_no_speaker_and_says_who_was_weighed() {
    // "she" fits both women; the text gives only Ms Okoro's gender, and Dr
    // Lee Chan was named after her: a pronoun decided by gender alone with
    // a rival since is not sure enough.
    let text = "World\nA headline for the test\n\nMs Ruth Okoro thanked Dr Lee Chan.\n\n\"It was close,\" she said.\n";
    let imported = import(text, &options("2020-01-01")).unwrap();
    assert_eq!(
        quotes(&imported.article),
        [("It was close,".to_string(), None)]
    );
    let warning = imported
        .warnings
        .iter()
        .find(|w| w.message.contains("It was close"))
        .unwrap();
    assert!(
        warning
            .message
            .contains("the best guess, Ruth Okoro, is not sure enough (0.55"),
        "{}",
        warning.message
    );
    let explained = import(
        text,
        &Options {
            explain: true,
            ..options("2020-01-01")
        },
    )
    .unwrap()
    .explained;
    assert!(
        explained
            .iter()
            .any(|e| e.rule.contains("weighed: Ruth Okoro, Lee Chan")),
        "{explained:?}"
    );
    // With no rival since, the same pronoun is given.
    let text = "World\nA headline for the test\n\nDr Lee Chan met Ms Ruth Okoro.\n\n\"It was close,\" she said.\n";
    let imported = import(text, &options("2020-01-01")).unwrap();
    assert_eq!(
        quotes(&imported.article),
        [("It was close,".to_string(), Some("Ruth Okoro".to_string()))]
    );
}

#[test]
fn ranks_written_short_and_other_languages_verbs_name_the_speaker() {
    let got = speakers_in(
        "\"The driver was very lucky,\" said Sgt. Mike Lopez of the State Highway Patrol.",
    );
    assert_eq!(got[0].1.as_deref(), Some("Mike Lopez"), "{got:?}");
    let got = speakers_in("« Nous avons prévenu les passagers », a déclaré Sophie Marchand.");
    assert_eq!(got[0].1.as_deref(), Some("Sophie Marchand"), "{got:?}");
    let got = speakers_in(
        "\u{201e}Das ist ein gutes Signal\u{201c}, sagte Verkehrsministerin Anna Weber.",
    );
    assert_eq!(got[0].1.as_deref(), Some("Anna Weber"), "{got:?}");
    // The one told is not the one who spoke.
    let got = speakers_in("\"It does not click,\" Barton told BBC Radio Bristol.");
    assert_ne!(got[0].1.as_deref(), Some("Radio Bristol"), "{got:?}");
}

#[test]
fn names_and_titles_are_not_speech_whoever_is_near_and_framed_words_are() {
    let got =
        speakers_in("Dave Pike said the children had named the visitor \"Mr Fluffy\" at once.");
    assert_eq!(got, []);
    let got = speakers_in("\"Harbour Lights\", directed by Nadia Okafor, follows four families.");
    assert_eq!(got, []);
    // Two words a verb of saying frames are speech, even from nobody named.
    let got = speakers_in("One developer said the call lasted \"eleven minutes\".");
    assert_eq!(got, [("eleven minutes".to_string(), None)]);
    // Punctuated inside its marks, a capitalised quote is speech.
    let got = speakers_in("\"Thank You Very Much,\" said council leader Aileen Scott.");
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn ids_made_from_text_are_never_names_a_system_keeps() {
    // A headline, a subheading and a surname that slug to device names or
    // to the manifest's file name: the article still validates.
    let text = "World\nIndex of prices rises\n\n1 March 2024\n\nThe first paragraph is here.\n\nCon\n\n\"We will go on,\" said Mr Aux.\n";
    let imported = import(text, &options("2024-03-01")).unwrap();
    let a = &imported.article;
    assert!(a.people.iter().any(|p| p.id == "aux-x"), "{:?}", a.people);
    assert!(
        a.sections.iter().any(|s| s.id == "con-x"),
        "{:?}",
        a.sections.iter().map(|s| &s.id).collect::<Vec<_>>()
    );
    assert!(article::validate(a)
        .iter()
        .all(|p| p.severity != article::Severity::Error));
}

#[test]
fn topics_from_a_keyword_list_tag_paragraphs() {
    let list = TopicList::parse(
        "syria | Syria | Syria, Syrian\nsnowden | Snowden | Snowden\nweather | Weather | rain",
    )
    .unwrap();
    let options = Options {
        topics: Some(list),
        ..options("2013-08-09")
    };
    let a = import(&read("tests/fixtures/seed.txt"), &options)
        .unwrap()
        .article;
    let tagged = |topic: &str| {
        a.paragraphs()
            .filter(|p| p.topics.iter().any(|t| t == topic))
            .count()
    };
    assert_eq!(tagged("snowden"), 3);
    // Paragraphs naming Syria or the Syrian conflict, rebels or forces.
    // Paragraphs naming Syria or the Syrian conflict, rebels or forces.
    assert_eq!(tagged("syria"), 5);
    assert_eq!(tagged("weather"), 0);
    assert_eq!(a.topics.len(), 3);
}

// The command line, run as a reader would.

fn tool() -> Command {
    Command::new(env!("CARGO_BIN_EXE_article-tool"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("article-tool-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn cli_imports_into_a_folder_and_keeps_the_manifest() {
    let dir = temp_dir("import");
    let seed = repo().join("tests/fixtures/seed.txt");
    let run = |extra: &[&str]| {
        tool()
            .args(["import"])
            .arg(&seed)
            .args(["--out"])
            .arg(&dir)
            .args(["--published", "2013-08-09", "--source", "BBC News"])
            .args(extra)
            .output()
            .unwrap()
    };
    let out = run(&["--slug", "seed-copy"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(files_in(&dir), ["index.json", "seed-copy.json"]);
    let out = run(&["--slug", "seed-copy"]);
    assert!(out.status.success());
    let manifest = article::load_manifest(
        "index",
        &std::fs::read_to_string(dir.join("index.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(manifest.articles.len(), 1, "re-import updates the entry");
    let out = run(&[]);
    assert!(out.status.success());
    let manifest = article::load_manifest(
        "index",
        &std::fs::read_to_string(dir.join("index.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(manifest.articles.len(), 2);
    // What it wrote passes the viewer's checks.
    let out = tool()
        .arg("validate")
        .arg(dir.join("seed-copy.json"))
        .arg(dir.join("index.json"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn cli_errors_exit_non_zero_and_write_nothing() {
    let dir = temp_dir("error");
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"World\nHeadline\n\xfe\n").unwrap();
    let out = tool()
        .arg("import")
        .arg(&bad)
        .arg("--out")
        .arg(&dir)
        .args(["--published", "2020-01-01"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.txt: line 3: not UTF-8 text"),
        "{stderr}"
    );
    assert_eq!(files_in(&dir), ["bad.txt"], "nothing written");
    // A broken manifest stops the import before anything is written.
    std::fs::write(dir.join("index.json"), "{ not json").unwrap();
    let seed = repo().join("tests/fixtures/seed.txt");
    let out = tool()
        .arg("import")
        .arg(&seed)
        .arg("--out")
        .arg(&dir)
        .args(["--published", "2013-08-09"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(files_in(&dir), ["bad.txt", "index.json"]);
}

#[test]
fn cli_reads_standard_input_and_explains_itself() {
    let mut child = tool()
        .args([
            "import",
            "-",
            "--stdout",
            "--published",
            "2021-03-04",
            "--source",
            "Test",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(read("tests/fixtures/import/harbour-strike.txt").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let a = article::load_article("stdin", &String::from_utf8(out.stdout).unwrap())
        .unwrap()
        .into_article();
    assert_eq!(a.headline, "Harbour workers walk out over new shift rota");
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("warning: standard input: line 21: no speaker found"));

    let help = tool().args(["import", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    for word in [
        "--out",
        "--stdout",
        "--published",
        "--topics",
        "--explain",
        "Skip Twitter post by",
        "Analysis box by",
        "More on this story",
    ] {
        assert!(help.contains(word), "help lacks {word}");
    }
    let out = tool().args(["import", "x.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out DIR"));
}

#[test]
fn cli_validate_reports_paths_and_exit_status() {
    let good = repo().join("public/articles/us-russia-talks-despite-collisions.json");
    let out = tool().arg("validate").arg(&good).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout)
        .trim_end()
        .ends_with("us-russia-talks-despite-collisions.json: ok"));

    let broken = repo().join("tests/fixtures/articles/fixture-unknown-speaker.json");
    let warn_only = repo().join("tests/fixtures/articles/fixture-harbour-strike.json");
    let out = tool()
        .arg("validate")
        .arg(&warn_only)
        .arg(&broken)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(
            "fixture-harbour-strike.json: warning: sections[0].blocks[1]: block type \"liveblog\""
        ),
        "{stdout}"
    );
    assert!(stdout.contains("fixture-harbour-strike.json: ok"));
    assert!(stdout.contains("fixture-unknown-speaker.json: sections[2].blocks[5].runs[1].speaker: no person \"kerri\""), "{stdout}");
    let malformed = repo().join("tests/fixtures/articles/fixture-malformed.json");
    let out = tool().arg("validate").arg(&malformed).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout)
        .contains("fixture-malformed.json: headline: control character"));
}

/// The fixtures named in `halves.json` under "held-out" were written after
/// the rules they are scored by and were not tuned on; every other fixture
/// was.
fn held_out() -> Vec<String> {
    let halves: serde_json::Value =
        serde_json::from_str(&read("tests/fixtures/import/halves.json")).unwrap();
    halves["held-out"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap().to_string())
        .collect()
}

/// One half's tally: quotes expected, found and matched by text; speakers
/// right (the same name, or nobody where nobody is expected) and wrong.
#[derive(Default)]
struct Tally {
    gold: usize,
    found: usize,
    matched: usize,
    right: usize,
    wrong: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.gold += other.gold;
        self.found += other.found;
        self.matched += other.matched;
        self.right += other.right;
        self.wrong += other.wrong;
    }

    /// (quote precision, quote recall, speaker accuracy, speaker wrong)
    fn rates(&self) -> (f64, f64, f64, f64) {
        let of = |n: usize, d: usize| n as f64 / d.max(1) as f64;
        (
            of(self.matched, self.found),
            of(self.matched, self.gold),
            of(self.right, self.matched),
            of(self.wrong, self.matched),
        )
    }
}

/// Scores one fixture's quotes against its hand-written ones, printing
/// each miss.
fn score_fixture(name: &str) -> Tally {
    let same = |a: &str, b: &str| {
        a.trim_start_matches("The ")
            .eq_ignore_ascii_case(b.trim_start_matches("The "))
    };
    let text = read(&format!("tests/fixtures/import/{name}.txt"));
    let imported = import(
        &text,
        &Options {
            source: Some("Test".into()),
            ..Options::default()
        },
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"));
    let got = quotes(&imported.article);
    let gold: Vec<serde_json::Value> =
        serde_json::from_str(&read(&format!("tests/fixtures/import/{name}.quotes.json"))).unwrap();
    let mut unmatched: Vec<&(String, Option<String>)> = got.iter().collect();
    let mut t = Tally {
        gold: gold.len(),
        found: got.len(),
        ..Tally::default()
    };
    for g in &gold {
        let text = g["text"].as_str().unwrap();
        let Some(at) = unmatched.iter().position(|(t, _)| t == text) else {
            println!("  {name}: not found: {text}");
            continue;
        };
        let (_, speaker) = unmatched.remove(at);
        t.matched += 1;
        match (g["speaker"].as_str(), speaker.as_deref()) {
            (Some(want), Some(got)) if same(want, got) => t.right += 1,
            (None, None) => t.right += 1,
            (_, None) => println!("  {name}: no speaker for: {text}"),
            (want, Some(got)) => {
                t.wrong += 1;
                println!("  {name}: wrong speaker {got:?} (want {want:?}) for: {text}");
            }
        }
    }
    for (text, _) in &unmatched {
        println!("  {name}: extra quote: {text}");
    }
    t
}

/// Quotes found (precision and recall, by text) and speakers (right, none,
/// wrong) per fixture and per half. The half tuned on must meet the
/// targets; the held-out half is reported as it comes out, with a floor
/// that only catches a collapse. `cargo test -p article-tool --test import
/// fixture_report -- --nocapture` prints the tables that docs/importer.md
/// reports.
#[test]
fn fixture_report() {
    let names = fixture_names();
    let held_out = held_out();
    assert!(names.len() >= 35, "{names:?}");
    assert!(held_out.len() >= 10 && held_out.iter().all(|n| names.contains(n)));
    let mut halves = [
        ("tuned on", Tally::default()),
        ("held out", Tally::default()),
    ];
    println!("| fixture | half | quotes | found | matched | speaker right | none | wrong |");
    println!("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for name in &names {
        let t = score_fixture(name);
        let half = usize::from(held_out.contains(name));
        println!(
            "| {name} | {} | {} | {} | {} | {} | {} | {} |",
            halves[half].0,
            t.gold,
            t.found,
            t.matched,
            t.right,
            t.matched - t.right - t.wrong,
            t.wrong
        );
        halves[half].1.add(&t);
    }
    println!("\n| half | fixtures | quotes | quote precision | quote recall | speaker right | speaker wrong |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (n, (label, t)) in halves.iter().enumerate() {
        let count = if n == 1 {
            held_out.len()
        } else {
            names.len() - held_out.len()
        };
        let (p, r, right, wrong) = t.rates();
        println!(
            "| {label} | {count} | {} | {p:.3} | {r:.3} | {right:.3} | {wrong:.3} |",
            t.gold
        );
    }
    let (p, r, right, wrong) = halves[0].1.rates();
    assert!(
        p >= 0.95 && r >= 0.95,
        "tuned on: precision {p}, recall {r}"
    );
    assert!(
        right >= 0.90 && wrong <= 0.05,
        "tuned on: speaker accuracy {right}, wrong {wrong}"
    );
    let (p, r, right, _) = halves[1].1.rates();
    assert!(
        p >= 0.8 && r >= 0.8 && right >= 0.5,
        "held out: precision {p}, recall {r}, speaker accuracy {right}"
    );
}

#[test]
fn cli_imports_a_batch_and_skips_what_it_cannot_read() {
    let dir = temp_dir("batch");
    let fixtures = repo().join("tests/fixtures/import");
    let broken = dir.join("broken.txt");
    std::fs::write(&broken, b"A headline\n\xff not text\n").unwrap();
    let out = tool()
        .arg("import")
        .arg(fixtures.join("flood-warning.txt"))
        .arg(&broken)
        .arg(fixtures.join("rail-fares.txt"))
        .args(["--source", "Test", "--out"])
        .arg(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The broken file is named and skipped; the others are written, with
    // one manifest listing both; the exit status says something failed.
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("broken.txt: line 2: not UTF-8 text") && stderr.contains("(skipped)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 of 3 inputs could not be imported"),
        "{stderr}"
    );
    let manifest = article::load_manifest(
        "index.json",
        &std::fs::read_to_string(dir.join("index.json")).unwrap(),
    )
    .unwrap();
    let slugs: Vec<&str> = manifest.articles.iter().map(|e| e.slug.as_str()).collect();
    // Newest first; the undated article last.
    assert_eq!(
        slugs,
        [
            "rail-fares-to-rise-by-4-9-in",
            "families-told-to-leave-as-river-rises"
        ]
    );
    for slug in slugs {
        assert!(dir.join(format!("{slug}.json")).exists(), "{slug}");
    }
}

#[test]
fn cli_explains_each_line_and_each_quote() {
    let out = tool()
        .arg("import")
        .arg(repo().join("tests/fixtures/import/flood-warning.txt"))
        .args(["--stdout", "--explain", "--source", "Test"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let explained = String::from_utf8_lossy(&out.stderr);
    for line in [
        "line 1: headline: the first line, followed by page furniture",
        "line 3: image: a credit line",
        "line 17: subheading: a short question standing alone",
        "quote \u{201c}Our teams will be working through the night to kee…\u{201d}: Environment Agency (pronoun and reporting verb: the last speaker, nobody else who fits named since; sure 0.85); weighed: Environment Agency",
        "quote \u{201c}fast and calm\u{201d}: Marion Webb (subject of a reporting verb before the quote, past a description; sure 0.95); weighed: Marion Webb, Environment Agency",
    ] {
        assert!(explained.contains(line), "{line} not in\n{explained}");
    }
    // The JSON stays alone on standard output.
    article::load_article("out", &String::from_utf8(out.stdout).unwrap()).unwrap();
}

#[test]
fn cli_with_no_flags_writes_into_the_viewers_folder() {
    let project = temp_dir("no-flags");
    std::fs::create_dir_all(project.join("public/articles")).unwrap();
    let out = tool()
        .current_dir(&project)
        .arg("import")
        .arg(repo().join("tests/fixtures/seed.txt"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = project.join("public/articles/john-kerry-us-and-russia-must-talk-despite.json");
    let a = article::load_article("seed", &std::fs::read_to_string(&written).unwrap())
        .unwrap()
        .into_article();
    assert_eq!(a.section.as_deref(), Some("US & Canada"));
    assert!(project.join("public/articles/index.json").exists());
}

/// The header of a PNG picture `width` by `height` pixels: what a reader of
/// picture sizes looks at.
fn png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
    bytes.extend_from_slice(b"IHDR");
    bytes.extend_from_slice(&width.to_be_bytes());
    bytes.extend_from_slice(&height.to_be_bytes());
    bytes.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    bytes
}

#[test]
fn cli_copies_a_saved_page_s_pictures_beside_its_article() {
    let dir = temp_dir("saved-page");
    let saved = dir.join("saved");
    std::fs::create_dir_all(saved.join("Ferry page_files")).unwrap();
    std::fs::write(saved.join("Ferry page_files/pier photo.png"), png(640, 480)).unwrap();
    std::fs::write(dir.join("secret.png"), png(1, 1)).unwrap();
    let page = "<html><head><title>Ferry contract goes to new operator</title>\
        <link rel=\"canonical\" href=\"https://news.example/ferry\"></head><body><article>\
        <p>The contract to run the island ferries has gone to a new operator after a year of cancelled sailings.</p>\
        <figure><img src=\"./Ferry%20page_files/pier%20photo.png\" alt=\"The pier\"><figcaption>The pier at dawn.</figcaption></figure>\
        <figure><img src=\"../secret.png\" alt=\"Outside\"><figcaption>Not from the page's folder.</figcaption></figure>\
        <p>Councillors approved the ten-year deal on Tuesday evening by nineteen votes to seven.</p>\
        </article></body></html>";
    std::fs::write(saved.join("Ferry page.html"), page).unwrap();
    let out = dir.join("articles");
    std::fs::create_dir_all(&out).unwrap();
    let status = tool()
        .args(["import", "--source", "News", "--out"])
        .arg(&out)
        .arg(saved.join("Ferry page.html"))
        .status()
        .unwrap();
    assert!(status.success());
    let article: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("ferry-contract-goes-to-new-operator.json")).unwrap(),
    )
    .unwrap();
    let images: Vec<&serde_json::Value> = article["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["blocks"].as_array().unwrap())
        .filter(|b| b["type"] == "image")
        .collect();
    assert_eq!(
        images[0]["src"],
        "articles/ferry-contract-goes-to-new-operator/1-pier-photo.png"
    );
    assert_eq!(
        (images[0]["width"].as_u64(), images[0]["height"].as_u64()),
        (Some(640), Some(480))
    );
    assert!(out
        .join("ferry-contract-goes-to-new-operator/1-pier-photo.png")
        .is_file());
    // A path out of the page's folder is not read: resolved against the
    // page's address as any relative address is, never copied.
    assert_eq!(images[1]["src"], "https://news.example/secret.png");
    assert_eq!(
        files_in(&out)
            .iter()
            .filter(|f| f.contains("secret"))
            .count(),
        0
    );
    // The page imported again without its picture: the old copy goes.
    std::fs::write(
        saved.join("Ferry page.html"),
        page.replace(
            "./Ferry%20page_files/pier%20photo.png",
            "https://news.example/pier.png",
        ),
    )
    .unwrap();
    let status = tool()
        .args(["import", "--source", "News", "--out"])
        .arg(&out)
        .arg(saved.join("Ferry page.html"))
        .status()
        .unwrap();
    assert!(status.success());
    assert!(!out.join("ferry-contract-goes-to-new-operator").exists());
    std::fs::remove_dir_all(dir).unwrap();
}
