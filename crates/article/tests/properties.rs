//! Property tests on the loader and validation: no input panics them, and
//! every article they accept round-trips through JSON unchanged. A sample of
//! each edit strategy is also counted, to show the properties are not
//! vacuous (run with `--nocapture` for the counts in docs/reliability.md).

use article::load_article;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::Value;

mod common;
use common::SEED;

/// Loading must not panic; if it accepts, the article must survive a round trip.
fn check(json: &str) -> bool {
    match load_article("prop.json", json) {
        Ok(loaded) => {
            let again = serde_json::to_string(loaded.article()).unwrap();
            let back = load_article("again.json", &again).expect("a serialised article loads");
            assert_eq!(back.article(), loaded.article());
            true
        }
        Err(e) => {
            assert!(!e.problems.is_empty());
            false
        }
    }
}

/// Every node of a JSON value, by its path of keys and indexes.
fn paths(v: &Value, here: Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(here.clone());
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                let mut p = here.clone();
                p.push(Value::String(k.clone()));
                paths(child, p, out);
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                let mut p = here.clone();
                p.push(Value::from(i));
                paths(child, p, out);
            }
        }
        _ => {}
    }
}

fn at<'a>(v: &'a mut Value, path: &[Value]) -> &'a mut Value {
    path.iter().fold(v, |node, step| match step {
        Value::String(k) => &mut node[k.as_str()],
        Value::Number(i) => &mut node[i.as_u64().unwrap() as usize],
        _ => unreachable!(),
    })
}

fn get<'a>(v: &'a Value, path: &[Value]) -> &'a Value {
    path.iter().fold(v, |node, step| match step {
        Value::String(k) => &node[k.as_str()],
        Value::Number(i) => &node[i.as_u64().unwrap() as usize],
        _ => unreachable!(),
    })
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,20}".prop_map(Value::String),
        prop_oneof![
            Just("kerry"),
            Just("syria"),
            Just("p-collisions"),
            Just("paragraph"),
            Just("quote"),
            Just("day")
        ]
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// 1–3 structural edits of the seed: replace, remove or add a field anywhere.
fn structural_edit() -> impl Strategy<Value = Value> {
    prop::collection::vec((any::<prop::sample::Index>(), any_json(), 0..3u8), 1..4).prop_map(
        |edits| {
            let mut v: Value = serde_json::from_str(SEED).unwrap();
            for (pick, value, how) in edits {
                let mut all = Vec::new();
                paths(&v, Vec::new(), &mut all);
                let path = pick.get(&all).clone();
                match (how, path.split_last()) {
                    (0, _) | (_, None) => *at(&mut v, &path) = value,
                    (1, Some((Value::String(key), parent))) => {
                        if let Value::Object(m) = at(&mut v, parent) {
                            m.remove(key);
                        }
                    }
                    (_, Some((_, parent))) => match at(&mut v, parent) {
                        Value::Array(a) => a.push(value),
                        Value::Object(m) => {
                            m.insert("extra".into(), value);
                        }
                        other => *other = value,
                    },
                }
            }
            v
        },
    )
}

/// Fields whose value is text a reader reads, which the format takes as
/// written (any non-blank text): everything else is an id, a reference, a
/// date, an address or a tag with rules of its own.
const FREE_TEXT: [&str; 10] = [
    "headline", "summary", "byline", "text", "role", "label", "title", "alt", "credit", "heading",
];

/// 1–5 string fields replaced by any text; the edited document and, for
/// each edited path, the text it now holds.
fn string_edit() -> impl Strategy<Value = (Value, Vec<(Vec<Value>, String)>)> {
    prop::collection::vec((any::<prop::sample::Index>(), "\\PC{0,40}"), 1..6).prop_map(|edits| {
        let mut v: Value = serde_json::from_str(SEED).unwrap();
        let mut edited: Vec<(Vec<Value>, String)> = Vec::new();
        for (pick, text) in edits {
            let mut all = Vec::new();
            paths(&v, Vec::new(), &mut all);
            let strings: Vec<Vec<Value>> =
                all.into_iter().filter(|p| get(&v, p).is_string()).collect();
            let path = pick.get(&strings).clone();
            *at(&mut v, &path) = Value::String(text.clone());
            edited.retain(|(p, _)| *p != path);
            edited.push((path, text));
        }
        (v, edited)
    })
}

/// Whether every edit put non-blank text into a free-text field.
fn only_free_text(edited: &[(Vec<Value>, String)]) -> bool {
    edited.iter().all(|(path, text)| {
        !text.trim().is_empty()
            && matches!(path.last(), Some(Value::String(k)) if FREE_TEXT.contains(&k.as_str()))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn structural_edits_never_panic(v in structural_edit()) {
        check(&v.to_string());
    }

    /// Text a reader reads is accepted whatever it says and comes back
    /// exactly as given; an edit elsewhere may be refused, never a panic.
    #[test]
    fn any_text_in_string_fields_round_trips((v, edited) in string_edit()) {
        let accepted = check(&v.to_string());
        if only_free_text(&edited) {
            prop_assert!(accepted, "free text refused: {edited:?}");
            let loaded = load_article("prop.json", &v.to_string()).unwrap();
            let out = serde_json::to_value(loaded.article()).unwrap();
            for (path, text) in &edited {
                prop_assert_eq!(get(&out, path), &Value::String(text.clone()));
            }
        }
    }

    /// Cut, splice and garble the JSON text itself.
    #[test]
    fn text_edits_never_panic(cut in 0..SEED.len(), len in 0..64usize, insert in "\\PC{0,12}") {
        let start = (0..=cut).rev().find(|&i| SEED.is_char_boundary(i)).unwrap();
        let end = (start + len..=SEED.len()).find(|&i| SEED.is_char_boundary(i)).unwrap_or(SEED.len());
        let text = format!("{}{}{}", &SEED[..start], insert, &SEED[end..]);
        check(&text);
    }

    /// Any string at all.
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let object_like = text.trim_start().starts_with(char::from(b'{'));
        prop_assert!(load_article("x.json", &text).is_err() || object_like);
    }
}

/// `cases` values of `strategy`, from a fixed seed.
fn sample<S: Strategy>(strategy: S, cases: usize) -> Vec<S::Value> {
    let mut runner = TestRunner::deterministic();
    (0..cases)
        .map(|_| strategy.new_tree(&mut runner).unwrap().current())
        .collect()
}

/// The edit strategies reach both sides of validation: some edits are
/// accepted (so the round trip is exercised) and some refused (so the
/// edits reach what validation guards).
#[test]
fn the_edits_reach_both_outcomes() {
    let structural = sample(structural_edit(), 1000);
    let accepted = structural.iter().filter(|v| check(&v.to_string())).count();
    println!(
        "structural edits: {} cases, {accepted} accepted and round-tripped",
        structural.len()
    );
    assert!(
        accepted > 0 && accepted < structural.len(),
        "{accepted} of {}",
        structural.len()
    );

    let strings = sample(string_edit(), 1000);
    let accepted = strings
        .iter()
        .filter(|(v, _)| check(&v.to_string()))
        .count();
    let free = strings.iter().filter(|(_, e)| only_free_text(e)).count();
    println!(
        "string edits: {} cases, {accepted} accepted and round-tripped, {free} in free text only",
        strings.len()
    );
    assert!(free > 0 && accepted >= free && accepted < strings.len());
}
