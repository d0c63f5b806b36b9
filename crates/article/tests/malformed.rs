//! A corpus of broken articles: each gives a clear message naming the field
//! path (or loads, marking what it skipped), and none panics.

use article::{load_article, Severity};
use serde_json::{json, Value};

mod common;
use common::{seed_value as seed, SEED};

fn first_error(json: &str) -> String {
    let err = load_article("broken.json", json).expect_err("should be refused");
    err.to_string().lines().next().unwrap().to_string()
}

fn edited(f: impl FnOnce(&mut Value)) -> String {
    let mut v = seed();
    f(&mut v);
    v.to_string()
}

#[test]
fn truncated_json_names_the_place_it_stops() {
    for cut in [1, 100, SEED.len() / 2, SEED.len() - 3] {
        let msg = first_error(&SEED[..cut]);
        assert!(msg.starts_with("broken.json: "), "{msg}");
        assert!(
            msg.contains("EOF while parsing") && msg.contains("(line "),
            "{msg}"
        );
    }
    let msg = first_error(&SEED[..SEED.len() / 2]);
    assert!(msg.contains("sections["), "a path into the body: {msg}");
}

#[test]
fn wrong_types_and_missing_fields_name_the_field() {
    let cases: Vec<(String, &str)> = vec![
        (edited(|v| v["format"] = json!("1")), "broken.json: format: invalid type: string \"1\", expected u32"),
        (edited(|v| v["sections"] = json!({})), "broken.json: sections: invalid type: map, expected a sequence"),
        (edited(|v| v["sections"][0]["blocks"][1]["runs"] = json!("text")), "broken.json: sections[0].blocks[1].runs: invalid type: string \"text\", expected a sequence"),
        (edited(|v| v["timeline"][0]["date"]["precision"] = json!("week")), "broken.json: timeline[0].date.precision: unknown variant `week`"),
        (edited(|v| v["people"][1]["name"] = json!(null)), "broken.json: people[1].name: invalid type: null, expected a string"),
        (edited(|v| { v.as_object_mut().unwrap().remove("id"); }), "broken.json: missing field `id`"),
        (edited(|v| { v["sections"][1]["blocks"][0].as_object_mut().unwrap().remove("type"); }), "broken.json: sections[1].blocks[0]: missing field `type`"),
        (edited(|v| v["sections"][1]["blocks"][0]["type"] = json!(7)), "broken.json: sections[1].blocks[0].type: expected a string, found a number"),
        (edited(|v| v["sections"][1]["blocks"][0] = json!("a paragraph")), "broken.json: sections[1].blocks[0]: expected an object with a \"type\", found a string"),
        (edited(|v| v["sections"][1]["id"] = json!("top")), "broken.json: sections[1].id: duplicate element id \"top\" (first used at sections[0].id)"),
        (edited(|v| v["timeline"][2]["paragraphs"][0] = json!("p-gone")), "broken.json: timeline[2].paragraphs[0]: no paragraph \"p-gone\""),
        (edited(|v| v["counterparts"][0]["people"][1] = json!("lavrof")), "broken.json: counterparts[0].people[1]: no person \"lavrof\""),
        ("[]".into(), "broken.json: invalid length 0, expected struct Article"),
        ("null".into(), "broken.json: invalid type: null, expected struct Article"),
    ];
    for (json, expected) in cases {
        let msg = first_error(&json);
        assert!(msg.starts_with(expected), "\n got: {msg}\nwant: {expected}");
    }
}

#[test]
fn paths_are_exact_in_indented_files_and_inside_runs() {
    // Where the first quote run is: sections[si].blocks[bi].runs[ri].
    let v = seed();
    let (si, bi, ri) = v["sections"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .flat_map(|(si, s)| {
            s["blocks"]
                .as_array()
                .unwrap()
                .iter()
                .enumerate()
                .flat_map(move |(bi, b)| {
                    b["runs"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .enumerate()
                        .filter_map(move |(ri, r)| (r["type"] == "quote").then_some((si, bi, ri)))
                })
        })
        .next()
        .expect("the seed quotes someone");
    let run = format!("sections[{si}].blocks[{bi}].runs[{ri}]");
    type Edit = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(Edit, String)> = vec![
        (
            Box::new(move |v| {
                v["sections"][si]["blocks"][bi]["runs"][ri]
                    .as_object_mut()
                    .unwrap()
                    .remove("text");
            }),
            format!("{run}: missing field `text`"),
        ),
        (
            Box::new(move |v| v["sections"][si]["blocks"][bi]["runs"][ri]["text"] = json!(5)),
            format!("{run}.text: invalid type: integer `5`, expected a string"),
        ),
        (
            Box::new(move |v| v["sections"][si]["blocks"][bi]["runs"][ri]["type"] = json!("aside")),
            format!("{run}.type: unknown inline type \"aside\""),
        ),
        (
            Box::new(|v| v["people"][1]["name"] = json!([1, 2])),
            "people[1].name: invalid type: sequence, expected a string".into(),
        ),
        (
            Box::new(|v| {
                v["timeline"][0]["date"] =
                    json!({"value": "2013-08", "precision": "month", "when": 1})
            }),
            "timeline[0].date.when: unknown field `when`".into(),
        ),
    ];
    for (edit, expected) in cases {
        let mut v = seed();
        edit(&mut v);
        // Both as the tools write files (indented) and compact.
        for json in [serde_json::to_string_pretty(&v).unwrap(), v.to_string()] {
            let msg = first_error(&json);
            let want = format!("broken.json: {expected}");
            assert!(msg.starts_with(&want), "\n got: {msg}\nwant: {want}");
        }
    }
}

#[test]
fn unknown_blocks_load_with_a_note() {
    let json = edited(|v| {
        let blocks = v["sections"][2]["blocks"].as_array_mut().unwrap();
        blocks.insert(0, json!({"type": "poll", "question": "?"}));
        blocks.push(json!({"type": "", "x": 1}));
    });
    let loaded = load_article("t.json", &json).unwrap();
    let warnings: Vec<_> = loaded
        .warnings()
        .iter()
        .map(|w| (w.severity, w.path.as_str()))
        .collect();
    assert_eq!(
        warnings,
        [
            (Severity::Warning, "sections[2].blocks[0]"),
            (Severity::Warning, "sections[2].blocks[8]")
        ]
    );
}

#[test]
fn a_picture_s_size_needs_both_numbers() {
    let picture = |size: Value| {
        let json = edited(|v| {
            let mut image = json!({"type": "image", "id": "image-x", "src": "https://a.example/x.jpg",
                "alt": "X", "caption": []});
            for (k, n) in size.as_object().unwrap() {
                image[k] = n.clone();
            }
            v["sections"][2]["blocks"]
                .as_array_mut()
                .unwrap()
                .insert(0, image);
        });
        let loaded = load_article("t.json", &json).unwrap();
        loaded
            .warnings()
            .iter()
            .map(|w| (w.severity, w.path.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(picture(json!({"width": 1200, "height": 800})), []);
    let one = [(Severity::Warning, "sections[2].blocks[0].width".to_string())];
    assert_eq!(picture(json!({"width": 1200})), one);
    assert_eq!(picture(json!({"width": 0, "height": 800})), one);
    assert!(first_error(&edited(|v| {
        v["sections"][2]["blocks"].as_array_mut().unwrap().insert(
            0,
            json!({"type": "image",
            "id": "image-x", "alt": "X", "caption": [], "width": -5, "height": 2}),
        );
    }))
    .contains("sections[2].blocks[0]"));
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let with_deep = |f: &dyn Fn(&mut Value)| {
        let mut v = seed();
        f(&mut v);
        v.to_string().replace("\"PLACEHOLDER\"", &deep)
    };
    // Where the types expect something else, the first wrong level says so.
    let msg = first_error(&with_deep(&|v| v["sections"] = json!("PLACEHOLDER")));
    assert!(
        msg.starts_with("broken.json: sections[0][0]: invalid type: sequence, expected a string"),
        "{msg}"
    );
    // Inside a block of unknown type, kept as raw JSON, the parser's depth limit holds.
    let msg = first_error(&with_deep(&|v| {
        v["sections"][0]["blocks"][0] = json!({"type": "poll", "data": "PLACEHOLDER"})
    }));
    assert!(
        msg.contains("sections[0].blocks[0]") && msg.contains("recursion limit exceeded"),
        "{msg}"
    );
}

#[test]
fn very_long_arrays_and_a_20_mb_article_load() {
    // 200,000 runs in one paragraph.
    let json = edited(|v| {
        v["sections"][0]["blocks"][1]["runs"] = Value::Array(
            (0..200_000)
                .map(|i| json!({"type": "text", "text": format!("r{i} ")}))
                .collect(),
        );
    });
    let loaded = load_article("long.json", &json).unwrap();
    assert_eq!(
        loaded.article().paragraphs().next().unwrap().runs.len(),
        200_000
    );

    // About 20 MB: the seed's sections repeated with fresh ids.
    let mut v = seed();
    let template = v["sections"][3].clone();
    let mut sections = Vec::new();
    let mut n = 0;
    while serde_json::to_string(&sections).unwrap().len() < 20 << 20 {
        for _ in 0..200 {
            let mut s = template.clone();
            n += 1;
            s["id"] = json!(format!("s{n}"));
            for (b, block) in s["blocks"].as_array_mut().unwrap().iter_mut().enumerate() {
                block["id"] = json!(format!("s{n}-b{b}"));
                for run in block["runs"].as_array_mut().unwrap() {
                    if run["type"] == "quote" {
                        run["id"] = json!(format!("s{n}-q{b}"));
                    }
                }
            }
            sections.push(s);
        }
    }
    v["sections"] = Value::Array(sections);
    v["timeline"] = json!([]);
    let text = v.to_string();
    assert!(text.len() >= 20 << 20);
    let loaded = load_article("big.json", &text).unwrap();
    assert_eq!(loaded.article().sections.len(), n);
}

#[test]
fn a_key_twice_in_a_block_or_run_is_an_error_with_its_path() {
    // A second "type" in a paragraph; a second "text" in a run.
    let twice_type = SEED.replacen(
        "\"type\": \"paragraph\",",
        "\"type\": \"paragraph\", \"type\": \"oops\",",
        1,
    );
    let err = article::load_article("a.json", &twice_type)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("sections[0].blocks[1].type: the key \"type\" appears twice"),
        "{err}"
    );
    let twice_text = SEED.replacen(
        "\"type\": \"text\",",
        "\"type\": \"text\", \"text\": \"first\",",
        1,
    );
    let err = article::load_article("a.json", &twice_text)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(".text: the key \"text\" appears twice"),
        "{err}"
    );
}

#[test]
fn utf16_and_a_foreign_id_are_named_for_what_they_are() {
    // UTF-16LE with its byte-order mark, read as a browser reads it.
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "{\"format\": 1}".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let text = String::from_utf8_lossy(&bytes);
    let err = article::load_article("a.json", &text)
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "a.json: this file is not UTF-8 (it looks like UTF-16); save it as UTF-8"
    );

    let loaded = article::load_article("articles/other.json", SEED).unwrap();
    let err = article::check_file_name("articles/other.json", "other", loaded.clone()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "articles/other.json: id: \"us-russia-talks-despite-collisions\" differs from the file name \"other.json\"; an article's id must be its file name"
    );
    assert!(article::check_file_name("x", "us-russia-talks-despite-collisions", loaded).is_ok());
}
