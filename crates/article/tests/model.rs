//! Native tests of article JSON v1: the bundled files, the schema, loading
//! errors with their paths, validation and dates.

use std::path::PathBuf;

use article::date::Date;
use article::{load_article, load_manifest, EventDate, LoadError, Precision, Severity, Status};
use serde_json::{json, Value};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(repo().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

const SEED: &str = "public/articles/us-russia-talks-despite-collisions.json";

mod common;
use common::seed_value;

/// Load a JSON value, expecting failure, and return "path: message" lines.
fn errors_of(value: &Value) -> Vec<String> {
    let err: LoadError = load_article("t.json", &value.to_string()).expect_err("should not load");
    err.problems.iter().map(|p| p.to_string()).collect()
}

#[test]
fn seed_loads_without_problems() {
    let loaded = load_article(SEED, &read(SEED)).unwrap_or_else(|e| panic!("{e}"));
    assert!(loaded.warnings().is_empty(), "{:?}", loaded.warnings());
    let a = loaded.article();
    assert_eq!(a.section.as_deref(), Some("US & Canada"));
    assert_eq!(a.published.as_ref().map(|d| d.text()), Some("2013-08-09"));
    let headings: Vec<_> = a
        .sections
        .iter()
        .filter_map(|s| s.heading.as_deref())
        .collect();
    assert_eq!(
        headings,
        ["Challenging moments", "Future work", "Mutual interests"]
    );
    // Every quote is by one of the three ministers who speak (Shoigu has none).
    let speakers: std::collections::BTreeSet<_> = a
        .quotes()
        .map(|(_, q)| q.speaker.as_deref().expect("seed quotes have speakers"))
        .collect();
    assert_eq!(
        speakers.into_iter().collect::<Vec<_>>(),
        ["hagel", "kerry", "lavrov"]
    );
    assert_eq!(a.paragraphs().count(), 20);
}

#[test]
fn manifest_lists_every_bundled_article_as_it_is() {
    let manifest = load_manifest("index.json", &read("public/articles/index.json")).unwrap();
    let mut files: Vec<String> = std::fs::read_dir(repo().join("public/articles"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n != "index.json")
        .collect();
    files.sort();
    let mut listed: Vec<String> = manifest
        .articles
        .iter()
        .map(|e| format!("{}.json", e.slug))
        .collect();
    listed.sort();
    assert_eq!(files, listed);
    for entry in &manifest.articles {
        let path = format!("public/articles/{}.json", entry.slug);
        let article = load_article(&path, &read(&path)).unwrap().into_article();
        assert_eq!(entry, &article::ManifestEntry::for_article(&article));
    }
}

/// The committed schema is generated from the types. `UPDATE_SCHEMA=1 cargo
/// test -p article` rewrites it after a change to the types.
#[test]
fn committed_schema_matches_types() {
    for (rel, schema) in [
        ("public/schema/article.v1.json", article::schema()),
        ("public/schema/manifest.v1.json", article::manifest_schema()),
    ] {
        let generated = serde_json::to_string_pretty(&schema).unwrap() + "\n";
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(repo().join(rel), &generated).unwrap();
        }
        assert!(
            read(rel) == generated,
            "{rel} differs from the types; run UPDATE_SCHEMA=1 cargo test -p article"
        );
    }
}

#[test]
fn schema_describes_the_seed_fields() {
    // A spot check that the generated schema is the real thing, not empty.
    let schema = serde_json::to_value(article::schema()).unwrap();
    let required = schema["required"].as_array().unwrap();
    for field in ["format", "id", "headline", "source", "sections"] {
        assert!(required.contains(&json!(field)), "{field} not required");
    }
    // A copied page may name no section label or date.
    for field in ["section", "published"] {
        assert!(!required.contains(&json!(field)), "{field} required");
        assert!(schema["properties"][field].is_object(), "{field} missing");
    }
    let text = schema.to_string();
    for tag in [
        "\"paragraph\"",
        "\"media\"",
        "\"image\"",
        "\"embed\"",
        "part_of",
        "organisation",
        "\"quote\"",
        "\"text\"",
    ] {
        assert!(text.contains(tag), "schema lacks {tag}");
    }
}

#[test]
fn round_trips_through_json_unchanged() {
    let mut v = seed_value();
    v["sections"][0]["blocks"]
        .as_array_mut()
        .unwrap()
        .push(json!({"type": "poll", "id": "p1", "question": "Talks?"}));
    let loaded = load_article("t.json", &v.to_string()).unwrap();
    let back = serde_json::to_value(loaded.article()).unwrap();
    assert_eq!(back, v);
}

#[test]
fn unknown_speaker_names_the_field_path() {
    let mut v = seed_value();
    v["sections"][2]["blocks"][5]["runs"][1]["speaker"] = json!("kerri");
    assert_eq!(
        errors_of(&v),
        [r#"sections[2].blocks[5].runs[1].speaker: no person "kerri""#]
    );
}

#[test]
fn wrong_type_inside_a_block_keeps_the_full_path() {
    let mut v = seed_value();
    v["sections"][1]["blocks"][2]["runs"][0]["text"] = json!(42);
    let errors = errors_of(&v);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with(
            "sections[1].blocks[2].runs[0].text: invalid type: integer `42`, expected a string"
        ),
        "{errors:?}"
    );
}

#[test]
fn missing_field_is_reported_with_its_parent_path() {
    let mut v = seed_value();
    v["sections"][0]["blocks"][0]
        .as_object_mut()
        .unwrap()
        .remove("placeholder");
    assert_eq!(
        errors_of(&v),
        ["sections[0].blocks[0]: missing field `placeholder`"]
    );
    let mut v = seed_value();
    v.as_object_mut().unwrap().remove("headline");
    assert_eq!(errors_of(&v), ["missing field `headline`"]);
}

#[test]
fn unknown_inline_type_and_misspelt_field_are_errors() {
    let mut v = seed_value();
    v["sections"][0]["blocks"][1]["runs"][0]["type"] = json!("emphasis");
    let errors = errors_of(&v);
    assert_eq!(
        errors,
        [
            r#"sections[0].blocks[1].runs[0].type: unknown inline type "emphasis", expected "text" or "quote""#
        ]
    );
    let mut v = seed_value();
    v["people"][0]["rol"] = json!("x");
    let errors = errors_of(&v);
    assert!(
        errors[0].starts_with("people[0].rol: unknown field `rol`"),
        "{errors:?}"
    );
}

#[test]
fn malformed_json_gives_line_and_column() {
    let err = load_article("articles/bad.json", "{\n  \"format\": 1,\n  \"id\": \n}").unwrap_err();
    let text = err.to_string();
    assert!(
        text.starts_with("articles/bad.json: id: expected value (line 4, column 1)"),
        "{text}"
    );
    let err = load_article("a.json", "").unwrap_err();
    assert!(err.to_string().contains("EOF while parsing"), "{err}");
    let err = load_article("a.json", &format!("{} trailing", seed_value())).unwrap_err();
    assert!(err.to_string().contains("trailing characters"), "{err}");
}

#[test]
fn unknown_block_type_is_a_warning_and_the_rest_loads() {
    let mut v = seed_value();
    v["sections"][1]["blocks"]
        .as_array_mut()
        .unwrap()
        .insert(1, json!({"type": "poll", "question": "?"}));
    let loaded = load_article("t.json", &v.to_string()).unwrap();
    assert_eq!(loaded.warnings().len(), 1);
    assert_eq!(loaded.warnings()[0].severity, Severity::Warning);
    assert_eq!(
        loaded.warnings()[0].to_string(),
        r#"sections[1].blocks[1]: block type "poll" is not supported by this viewer; skipped"#
    );
    assert_eq!(loaded.article().paragraphs().count(), 20);
}

#[test]
fn cross_references_are_checked() {
    let mut v = seed_value();
    v["sections"][0]["blocks"][3]["topics"][0] = json!("weather");
    v["timeline"][0]["paragraphs"][1] = json!("p-nowhere");
    v["timeline"][1]["parties"][0] = json!("fr");
    v["people"][0]["affiliation"] = json!("usa");
    // An image id is not a paragraph, even though it exists.
    v["timeline"][2]["paragraphs"][0] = json!("syria-divisions");
    let errors = errors_of(&v);
    for expected in [
        r#"people[0].affiliation: no party "usa""#,
        r#"sections[0].blocks[3].topics[0]: no topic "weather""#,
        r#"timeline[0].paragraphs[1]: no paragraph "p-nowhere""#,
        r#"timeline[1].parties[0]: no party "fr""#,
        r#"timeline[2].paragraphs[0]: no paragraph "syria-divisions""#,
    ] {
        assert!(
            errors.iter().any(|e| e == expected),
            "missing {expected} in {errors:#?}"
        );
    }
    assert_eq!(errors.len(), 5, "{errors:#?}");
}

#[test]
fn ids_must_be_unique_and_well_formed() {
    let mut v = seed_value();
    v["sections"][1]["blocks"][0]["id"] = json!("p-collisions");
    v["topics"][1]["id"] = json!("syria");
    v["sections"][2]["id"] = json!("Future Work");
    let errors = errors_of(&v);
    assert!(
        errors.contains(
            &r#"topics[1].id: duplicate topic id "syria" (first used at topics[0].id)"#.to_string()
        ),
        "{errors:#?}"
    );
    assert!(errors.contains(
        &r#"sections[1].blocks[0].id: duplicate element id "p-collisions" (first used at sections[0].blocks[1].id)"#.to_string()
    ), "{errors:#?}");
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with(r#"sections[2].id: id "Future Work" must use only"#)),
        "{errors:#?}"
    );
    // A quote may not reuse a section id either: both become HTML ids.
    let mut v = seed_value();
    v["sections"][0]["blocks"][1]["runs"][1]["id"] = json!("future-work");
    assert_eq!(errors_of(&v).len(), 1);
}

#[test]
fn ids_that_cannot_be_file_names_everywhere_are_refused() {
    // Quote and event ids name folders; Windows keeps these for devices.
    let mut v = seed_value();
    v["sections"][0]["blocks"][1]["runs"][1]["id"] = json!("con");
    v["timeline"][0]["id"] = json!("lpt1");
    let errors = errors_of(&v);
    for path in ["sections[0].blocks[1].runs[1].id", "timeline[0].id"] {
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with(path) && e.contains("Windows keeps for a device")),
            "{path}: {errors:#?}"
        );
    }
    // The manifest's own file names are not article ids.
    for id in ["index", "index-2", "aux", "com3"] {
        let mut v = seed_value();
        v["id"] = json!(id);
        let errors = errors_of(&v);
        assert!(
            errors.iter().any(|e| e.starts_with("id: ")),
            "{id}: {errors:#?}"
        );
    }
    // Names that only look like them are fine.
    for id in ["index-b", "indexes", "console", "com10", "nul-and-void"] {
        assert_eq!(article::validate::article_id_problem(id), None, "{id}");
    }
}

#[test]
fn unsafe_links_are_warnings_not_links() {
    let mut v = seed_value();
    v["related"]["links"] = json!([
        {"title": "Good", "url": "https://example.org/a"},
        {"title": "Bad", "url": "javascript:alert(1)"}
    ]);
    v["source"]["url"] = json!("data:text/html,hi");
    let loaded = load_article("t.json", &v.to_string()).unwrap();
    let warnings: Vec<_> = loaded.warnings().iter().map(|w| w.path.as_str()).collect();
    assert_eq!(warnings, ["source.url", "related.links[1].url"]);
    assert!(article::is_safe_url("HTTPS://Example.org"));
    assert!(!article::is_safe_url("https://"));
    assert!(!article::is_safe_url(" javascript:https://x"));
    assert!(article::validate::is_safe_image_src("images/a.jpg"));
    assert!(!article::validate::is_safe_image_src(
        "data:image/png;base64,AA"
    ));
    assert!(!article::validate::is_safe_image_src(
        "//evil.example/a.png"
    ));
}

#[test]
fn event_dates_are_checked_against_their_precision() {
    let mut v = seed_value();
    v["timeline"][0]["date"] = json!({"value": "2013-08", "precision": "day"});
    v["timeline"][1]["date"] = json!({"value": "2013-02-30", "precision": "day"});
    v["timeline"][2]["date"] = json!({"value": null, "precision": "month"});
    v["published"] = json!("9 August 2013");
    let errors = errors_of(&v);
    assert_eq!(
        errors,
        [
            r#"published: "9 August 2013" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"#,
            r#"timeline[0].date.value: "2013-08" does not match precision "day""#,
            r#"timeline[1].date.value: "2013-02-30" has no day 30"#,
            r#"timeline[2].date.value: missing; use precision "unknown" for an event with no date"#,
        ]
    );
}

#[test]
fn dates_display_by_precision_and_never_invent_a_day() {
    let d = |value: Option<&str>, precision, approximate, status| EventDate {
        value: value.map(Into::into),
        precision,
        approximate,
        status,
    };
    assert_eq!(
        d(Some("2013-08-01"), Precision::Day, false, Status::Happened).display(),
        "1 August 2013"
    );
    assert_eq!(
        d(Some("2013-08"), Precision::Month, false, Status::Happened).display(),
        "August 2013"
    );
    assert_eq!(
        d(Some("2013"), Precision::Year, true, Status::Happened).display(),
        "about 2013"
    );
    assert_eq!(
        d(Some("2014"), Precision::Year, false, Status::Planned).display(),
        "2014 (planned)"
    );
    assert_eq!(
        d(None, Precision::Unknown, false, Status::Planned).display(),
        "date to be set"
    );
    assert_eq!(
        d(None, Precision::Unknown, false, Status::Happened).display(),
        "date not known"
    );
    let mut events = [
        d(None, Precision::Unknown, false, Status::Planned),
        d(Some("2013-08-07"), Precision::Day, false, Status::Happened),
        d(Some("2013"), Precision::Year, false, Status::Happened),
        d(Some("2013-08"), Precision::Month, false, Status::Happened),
    ];
    events.sort_by(|a, b| a.chronological(b));
    let order: Vec<_> = events.iter().map(|e| e.display()).collect();
    assert_eq!(
        order,
        ["2013", "August 2013", "7 August 2013", "date to be set"]
    );
    assert!(Date::parse("2012-02-29").is_ok());
    assert!(Date::parse("2013-02-29").is_err());
    assert!(Date::parse("2013-13").is_err());
    assert!(Date::parse("13-01-01").is_err());
}

#[test]
fn a_different_article_loads_through_the_same_types() {
    let path = "tests/fixtures/articles/fixture-harbour-strike.json";
    let loaded = load_article(path, &read(path)).unwrap_or_else(|e| panic!("{e}"));
    assert!(loaded.article().timeline.is_empty());
    assert!(loaded
        .warnings()
        .iter()
        .any(|w| w.message.contains("\"liveblog\"")));
}

#[test]
fn the_direction_follows_the_language() {
    let mut a = article::load_article(SEED, &read(SEED))
        .unwrap()
        .into_article();
    for (tag, dir) in [
        ("en-GB", "ltr"),
        ("ar", "rtl"),
        ("ar-EG", "rtl"),
        ("he", "rtl"),
        ("fa-IR", "rtl"),
        ("az-Arab", "rtl"),
        ("az-Latn", "ltr"),
        ("arn", "ltr"),
        ("heb", "ltr"),
    ] {
        a.language = tag.into();
        assert_eq!(a.direction(), dir, "{tag}");
    }
}

#[test]
fn direction_controls_are_taken_out_of_plain_text_and_nothing_else() {
    use article::without_bidi_controls as plain;
    assert_eq!(
        plain("\u{202E}evil\u{202C} and \u{2067}x\u{2069}\u{200F}\u{061C}"),
        "evil and x"
    );
    // Ordinary right-to-left text and joiners are text, not controls.
    assert_eq!(plain("مرحبا שלום a\u{200D}b"), "مرحبا שלום a\u{200D}b");
    assert!(matches!(plain("plain"), std::borrow::Cow::Borrowed(_)));
}
