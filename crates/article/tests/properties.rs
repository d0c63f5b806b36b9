//! Property tests on the loader and validation: no input panics them, and
//! every article they accept round-trips through JSON unchanged. Case counts
//! are printed (run with `--nocapture`) and recorded in docs/reliability.md.

use std::sync::atomic::{AtomicUsize, Ordering};

use article::load_article;
use proptest::prelude::*;
use serde_json::Value;

const SEED: &str = include_str!("../../../public/articles/us-russia-talks-despite-collisions.json");

/// Loading must not panic; if it accepts, the article must survive a round trip.
fn check(json: &str) -> bool {
    match load_article("prop.json", json) {
        Ok(loaded) => {
            let again = serde_json::to_string(&loaded.article).unwrap();
            let back = load_article("again.json", &again).expect("a serialised article loads");
            assert_eq!(back.article, loaded.article);
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

static STRUCTURAL: AtomicUsize = AtomicUsize::new(0);
static ACCEPTED: AtomicUsize = AtomicUsize::new(0);
static STRINGS: AtomicUsize = AtomicUsize::new(0);
static STRINGS_ACCEPTED: AtomicUsize = AtomicUsize::new(0);

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, ..ProptestConfig::default() })]

    /// Replace, remove or add a field anywhere in the seed.
    #[test]
    fn structural_edits_never_panic(edits in prop::collection::vec((any::<prop::sample::Index>(), any_json(), 0..3u8), 1..4)) {
        let mut v: Value = serde_json::from_str(SEED).unwrap();
        for (pick, value, how) in edits {
            let mut all = Vec::new();
            paths(&v, Vec::new(), &mut all);
            let path = pick.get(&all).clone();
            match (how, path.split_last()) {
                (0, _) | (_, None) => *at(&mut v, &path) = value,
                (1, Some((Value::String(key), parent))) => {
                    if let Value::Object(m) = at(&mut v, parent) { m.remove(key); }
                }
                (_, Some((_, parent))) => match at(&mut v, parent) {
                    Value::Array(a) => a.push(value),
                    Value::Object(m) => { m.insert("extra".into(), value); }
                    other => *other = value,
                },
            }
        }
        STRUCTURAL.fetch_add(1, Ordering::Relaxed);
        if check(&v.to_string()) { ACCEPTED.fetch_add(1, Ordering::Relaxed); }
    }

    /// Replace text anywhere with any text: ids must stay ids, everything
    /// else is accepted and must come back exactly as given.
    #[test]
    fn any_text_in_string_fields_round_trips(edits in prop::collection::vec((any::<prop::sample::Index>(), "\\PC{0,40}"), 1..6)) {
        let mut v: Value = serde_json::from_str(SEED).unwrap();
        for (pick, text) in edits {
            let mut all = Vec::new();
            paths(&v, Vec::new(), &mut all);
            let strings: Vec<Vec<Value>> = all.into_iter().filter(|p| get(&v, p).is_string()).collect();
            *at(&mut v, pick.get(&strings).as_slice()) = Value::String(text);
        }
        STRINGS.fetch_add(1, Ordering::Relaxed);
        if check(&v.to_string()) { STRINGS_ACCEPTED.fetch_add(1, Ordering::Relaxed); }
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

/// With `--test-threads=1` this runs last (tests run in name order) and
/// reports what the properties saw.
#[test]
fn zz_report_counts() {
    println!(
        "structural edits: {} cases, {} accepted and round-tripped; string edits: {} cases, {} accepted and round-tripped",
        STRUCTURAL.load(Ordering::Relaxed),
        ACCEPTED.load(Ordering::Relaxed),
        STRINGS.load(Ordering::Relaxed),
        STRINGS_ACCEPTED.load(Ordering::Relaxed),
    );
}
