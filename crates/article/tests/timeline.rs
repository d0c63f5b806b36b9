//! Timeline order and lanes.

use article::timeline::{in_date_order, layout, Lane};
use article::{load_article, Article};
use serde_json::json;

mod common;
use common::seed_value as seed_json;

fn load(v: &serde_json::Value) -> Article {
    load_article("t", &v.to_string()).unwrap().into_article()
}

#[test]
fn the_seed_timeline_reads_in_date_order_with_lanes() {
    let a = load(&seed_json());
    let t = layout(&a);
    assert_eq!(t.left.map(|p| p.name.as_str()), Some("United States"));
    assert_eq!(t.right.map(|p| p.name.as_str()), Some("Russia"));
    let rows: Vec<(&str, Lane, String)> = t
        .events
        .iter()
        .map(|(e, lane)| (e.id.as_str(), *lane, e.date.display()))
        .collect();
    assert_eq!(
        rows,
        [
            (
                "event-snowden-asylum",
                Lane::Right,
                "1 August 2013".to_string()
            ),
            (
                "event-summit-cancelled",
                Lane::Left,
                "7 August 2013".to_string()
            ),
            (
                "event-washington-talks",
                Lane::Joint,
                "9 August 2013".to_string()
            ),
            (
                "event-geneva-talks",
                Lane::Joint,
                "date to be set".to_string()
            ),
            (
                "event-presidents-summit",
                Lane::Joint,
                "date to be set".to_string()
            ),
        ]
    );
}

#[test]
fn order_is_by_date_whatever_the_file_order_and_stable_for_ties() {
    let mut v = seed_json();
    v["timeline"].as_array_mut().unwrap().reverse();
    v["timeline"][0]["date"] = json!({"value": "2013", "precision": "year", "approximate": true});
    let a = load(&v);
    let order: Vec<&str> = in_date_order(&a).iter().map(|e| e.id.as_str()).collect();
    // The reversed file put the presidents' summit first; now dated 2013 it
    // sorts before every August 2013 day; the other undated event stays last.
    assert_eq!(
        order,
        [
            "event-presidents-summit",
            "event-snowden-asylum",
            "event-summit-cancelled",
            "event-washington-talks",
            "event-geneva-talks",
        ]
    );
    assert_eq!(in_date_order(&a)[0].date.display(), "about 2013");
}

#[test]
fn lanes_follow_the_party_order_and_mixed_events_are_joint() {
    let mut v = seed_json();
    // Syria first in party order but in no event: the lanes stay US and Russia.
    v["parties"].as_array_mut().unwrap().rotate_right(1);
    v["timeline"][0]["parties"] = json!(["ru", "sy"]);
    let a = load(&v);
    let t = layout(&a);
    assert_eq!(
        t.left.unwrap().id,
        "sy",
        "Syria is now in an event and first in order"
    );
    assert_eq!(t.right.unwrap().id, "us");
    let lane = |id: &str| t.events.iter().find(|(e, _)| e.id == id).unwrap().1;
    assert_eq!(lane("event-snowden-asylum"), Lane::Joint);
    assert_eq!(lane("event-summit-cancelled"), Lane::Right);
}

#[test]
fn an_article_without_a_timeline_has_no_lanes() {
    let mut v = seed_json();
    v["timeline"] = json!([]);
    let a = load(&v);
    let t = layout(&a);
    assert!(t.events.is_empty() && t.left.is_none() && t.right.is_none());
}
