//! Saved web pages imported: header facts, body text, pictures and quotes
//! against each fixture's hand-written expectation
//! (`tests/fixtures/import-html/<name>.expect.json`). The fixtures are in three
//! groups: rules were tuned on "tune"; "seen" was the first held-out half,
//! looked at since; "held-out" was written after that and is reported as it
//! came out (docs/importer.md).

use std::collections::HashMap;
use std::path::PathBuf;

use article::{Article, Block, Inline};
use article_tool::{import, Options};
use serde_json::Value;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/import-html")
}

fn fixtures() -> Vec<(String, String, Value)> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".expect.json").map(String::from)
        })
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let html = std::fs::read_to_string(dir().join(format!("{name}.html"))).unwrap();
            let expect =
                std::fs::read_to_string(dir().join(format!("{name}.expect.json"))).unwrap();
            (name, html, serde_json::from_str(&expect).unwrap())
        })
        .collect()
}

fn text_of(runs: &[Inline]) -> String {
    runs.iter()
        .map(|r| match r {
            Inline::Text(t) => t.text.clone(),
            Inline::Quote(q) => format!("\"{}\"", q.text),
        })
        .collect()
}

/// The article's text in reading order: subheadings, paragraphs, captions.
fn body(a: &Article) -> Vec<String> {
    let mut out = Vec::new();
    for s in &a.sections {
        out.extend(s.heading.clone());
        for b in &s.blocks {
            let text = match b {
                Block::Paragraph(p) => text_of(&p.runs),
                Block::Image(i) => text_of(&i.caption),
                Block::Media(m) => text_of(&m.caption),
                Block::Embed(e) => text_of(&e.text),
                Block::Unsupported(_) => String::new(),
            };
            if !text.is_empty() {
                out.push(text);
            }
        }
    }
    out
}

/// Words, lower case, quotation marks and punctuation around them dropped.
fn tokens(texts: &[String]) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for t in texts {
        for w in t.split_whitespace() {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            if !w.is_empty() {
                *bag.entry(w).or_insert(0) += 1;
            }
        }
    }
    bag
}

/// Precision and recall of the words of `got` against `expected`.
fn overlap(got: &[String], expected: &[String]) -> (f64, f64) {
    let (g, e) = (tokens(got), tokens(expected));
    let common: usize = g
        .iter()
        .map(|(w, n)| (*n).min(*e.get(w).unwrap_or(&0)))
        .sum();
    let total = |bag: &HashMap<String, usize>| bag.values().sum::<usize>().max(1) as f64;
    (common as f64 / total(&g), common as f64 / total(&e))
}

fn f1((p, r): (f64, f64)) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[derive(Default)]
struct Tally {
    pages: usize,
    precision: f64,
    recall: f64,
    header_right: usize,
    header_fields: usize,
    pictures_right: usize,
    pictures: usize,
    quotes_expected: usize,
    quotes_found: usize,
    speakers_right: usize,
    speakers_wrong: usize,
}

fn header_checks(a: &Article, h: &Value) -> Vec<(&'static str, bool)> {
    let s = |k: &str| h[k].as_str().map(String::from);
    let authors: Vec<String> = a.authors.iter().map(|x| x.name.clone()).collect();
    let expected_authors: Vec<String> = h["authors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect();
    vec![
        ("headline", Some(a.headline.clone()) == s("headline")),
        ("section", a.section == s("section")),
        (
            "published",
            a.published.as_ref().map(|p| p.to_string()) == s("published"),
        ),
        ("authors", authors == expected_authors),
        (
            "source",
            s("source").is_none_or(|name| a.source.name == name),
        ),
        ("url", a.source.url == s("url")),
    ]
}

fn tally(name: &str, html: &str, expect: &Value, t: &mut Tally) {
    let imported =
        import(html, &Options::default()).unwrap_or_else(|e| panic!("{name}: refused: {e}"));
    let a = &imported.article;
    let expected_body: Vec<String> = expect["body"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect();
    let (p, r) = overlap(&body(a), &expected_body);
    t.pages += 1;
    t.precision += p;
    t.recall += r;
    let checks = header_checks(a, &expect["header"]);
    t.header_fields += checks.len();
    t.header_right += checks.iter().filter(|c| c.1).count();
    let wrong: Vec<&str> = checks.iter().filter(|c| !c.1).map(|c| c.0).collect();
    let pictures: Vec<Option<String>> = a
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Image(i) => Some(i.src.clone()),
            _ => None,
        })
        .collect();
    let expected_pictures: Vec<Option<String>> = expect["images"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["src"].as_str().map(String::from))
        .collect();
    t.pictures += expected_pictures.len();
    t.pictures_right += expected_pictures
        .iter()
        .filter(|src| pictures.contains(src))
        .count();
    let quotes: Vec<(String, Option<String>)> = a
        .quotes()
        .map(|(_, q)| {
            let who = q
                .speaker
                .as_deref()
                .and_then(|id| a.person(id))
                .map(|p| p.name.clone());
            (q.text.clone(), who)
        })
        .collect();
    for q in expect["quotes"].as_array().unwrap() {
        t.quotes_expected += 1;
        let text = q["text"].as_str().unwrap();
        if let Some((_, who)) = quotes.iter().find(|(t, _)| t == text) {
            t.quotes_found += 1;
            match (who.as_deref(), q["speaker"].as_str()) {
                (Some(w), Some(e)) if w == e => t.speakers_right += 1,
                (Some(w), e) => {
                    t.speakers_wrong += 1;
                    println!("  {name}: wrong speaker {w:?} (want {e:?}) for: {text}");
                }
                // Honestly nobody, where the text names nobody.
                (None, None) => t.speakers_right += 1,
                (None, Some(_)) => println!("  {name}: no speaker for: {text}"),
            }
        } else {
            println!("  {name}: not found: {text}");
        }
    }
    println!(
        "{name}: body P {p:.2} R {r:.2} F1 {:.2}; header wrong: {wrong:?}; pictures {pictures:?}",
        f1((p, r))
    );
}

fn report(half: &str, t: &Tally) -> (f64, f64) {
    let n = t.pages.max(1) as f64;
    let (p, r) = (t.precision / n, t.recall / n);
    let q = t.quotes_expected.max(1) as f64;
    println!(
        "{half}: {} pages; body P {p:.3} R {r:.3} F1 {:.3}; header {}/{}; pictures {}/{}; quotes found {}/{}, speaker right {:.2}, wrong {:.2}",
        t.pages,
        f1((p, r)),
        t.header_right,
        t.header_fields,
        t.pictures_right,
        t.pictures,
        t.quotes_found,
        t.quotes_expected,
        t.speakers_right as f64 / q,
        t.speakers_wrong as f64 / q,
    );
    (p, r)
}

#[test]
fn saved_pages_import_with_their_header_body_and_pictures() {
    let mut halves: HashMap<String, Tally> = HashMap::new();
    for (name, html, expect) in fixtures() {
        let half = expect["half"].as_str().unwrap().to_string();
        tally(&name, &html, &expect, halves.entry(half).or_default());
    }
    let tune = halves.get("tune").expect("a tuning half");
    let (p, r) = report("tune", tune);
    assert!(
        p >= 0.95 && f1((p, r)) >= 0.95,
        "tuning half: body P {p:.3} R {r:.3}"
    );
    assert_eq!(
        tune.header_right, tune.header_fields,
        "tuning half: header facts"
    );
    assert_eq!(tune.pictures_right, tune.pictures, "tuning half: pictures");
    // "seen": the first held-out half, reported as it first came out and
    // looked at since; "held-out": written after it and not tuned on.
    // Reported; the floor only catches a collapse.
    for half in ["seen", "held-out"] {
        let t = halves.get(half).unwrap_or_else(|| panic!("a {half} half"));
        let (p, r) = report(half, t);
        assert!(f1((p, r)) >= 0.8, "{half} half: body P {p:.3} R {r:.3}");
    }
}

#[test]
fn a_page_nested_without_end_is_refused_before_it_is_parsed() {
    let depth = 100_000;
    let page = format!(
        "<html><head><title>Deep page headline</title></head><body><p>A first paragraph of the story, long enough to count as one.</p>{}<p>Too deep to read.</p>{}</body></html>",
        "<div><b>".repeat(depth),
        "</b></div>".repeat(depth)
    );
    let refused = import(&page, &Options::default()).unwrap_err();
    assert!(
        refused.message.contains("nests its elements 200000 deep"),
        "{refused}"
    );
}

#[test]
fn a_page_nested_deeper_than_it_reads_keeps_what_it_can_read() {
    let depth = 1_000;
    let page = format!(
        "<html><head><title>Deep page headline</title></head><body><p>A first paragraph of the story, long enough to count as one.</p>{}<p>Too deep to read.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let imported = import(&page, &Options::default()).expect("the readable part imports");
    assert_eq!(imported.article.headline, "Deep page headline");
    assert!(imported
        .warnings
        .iter()
        .any(|w| w.message.contains("nested more than")));
}

#[test]
fn unclosed_paragraphs_and_list_items_are_not_nesting() {
    let page = format!(
        "<html><body><h1>Headline</h1>{}</body></html>",
        "<p>A paragraph never closed, as old pages write them.".repeat(10_000)
    );
    assert!(article_tool::html_nesting(&page) < 10);
}

#[test]
fn a_picture_keeps_its_address_size_caption_and_credit() {
    let html = std::fs::read_to_string(dir().join("broadsheet-ferry.html")).unwrap();
    let a = import(&html, &Options::default()).unwrap().article;
    let image = a
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .find_map(|b| match b {
            Block::Image(i) => Some(i.clone()),
            _ => None,
        })
        .expect("the lead picture");
    assert_eq!(
        image.src.as_deref(),
        Some("https://www.morningledger.example/img/2024/03/ferry-pier.jpg")
    );
    assert_eq!(image.size(), Some((1200, 800)));
    assert_eq!(image.alt, "A ferry at the pier in Kirkwall harbour");
    assert_eq!(
        text_of(&image.caption),
        "The MV Hrossey at the pier last winter."
    );
    assert_eq!(
        image.credit.as_deref(),
        Some("Photograph: Ewan Gray/Ledger")
    );
}

#[test]
fn an_embedded_post_is_a_post_with_its_author() {
    let page = "<html><head><title>Storm closes the coast road</title></head><body><article>\
        <p>The coast road was closed on Friday after waves breached the sea wall at two points near the harbour.</p>\
        <blockquote class=\"twitter-tweet\"><p lang=\"en\">The road will stay shut until the wall is checked.</p>&mdash; County Highways (@countyroads) <a href=\"https://x.example/s/1\">May 3, 2024</a></blockquote>\
        <p>Engineers will inspect the wall at low tide on Saturday morning, the council said.</p></article></body></html>";
    let a = import(page, &Options::default()).unwrap().article;
    let post = a
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .find_map(|b| match b {
            Block::Embed(e) => Some(e.clone()),
            _ => None,
        })
        .expect("the post");
    assert_eq!(post.provider, "Twitter");
    assert_eq!(post.author.as_deref(), Some("County Highways"));
    assert_eq!(post.handle.as_deref(), Some("@countyroads"));
    assert_eq!(
        text_of(&post.text),
        "The road will stay shut until the wall is checked."
    );
}

#[test]
fn the_site_s_own_words_stay_out_of_the_story() {
    let story = "<p>The bridge will close for repairs on Monday, the council said, and will reopen in the spring after the work is done.</p>\
        <p>Drivers will be sent along the ring road while the work goes on, adding about ten minutes to most journeys.</p>";
    let page = format!(
        "<html><head><title>Bridge to close</title>\
        <meta property=\"og:title\" content=\"Bridge to close\"></head><body><main>\
        <article><h1>Bridge to close</h1><p class=\"standfirst\">Repairs will take six months</p>\
        <div class=\"story-body\">{story}\
        <p><strong>Download our app for traffic alerts on your phone.</strong></p>\
        <p class=\"copyright\">Copyright 2024 Bridge News. All rights reserved.</p>\
        <ul class=\"topic-list\"><li><a href=\"/roads\">Roads</a></li></ul>\
        <ul><li><a href=\"/t/bridges\">Bridges</a></li></ul></div></article>\
        <section class=\"headlines\"><p>More to come.</p></section>\
        </main></body></html>"
    );
    let a = import(&page, &Options::default()).unwrap().article;
    assert_eq!(
        body(&a),
        [
            "The bridge will close for repairs on Monday, the council said, and will reopen in the spring after the work is done.",
            "Drivers will be sent along the ring road while the work goes on, adding about ten minutes to most journeys.",
        ]
    );
    // The standfirst set on the page alone is the article's summary.
    assert_eq!(a.summary.as_deref(), Some("Repairs will take six months"));
}
