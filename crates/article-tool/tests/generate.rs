//! The synthetic article generator.

use article::{load_article, load_manifest};
use article_tool::generate::{article, manifests};

#[test]
fn the_same_seed_gives_the_same_article_and_another_seed_another() {
    let a = serde_json::to_string(&article("gen", 7, 40, 1)).unwrap();
    let b = serde_json::to_string(&article("gen", 7, 40, 1)).unwrap();
    let c = serde_json::to_string(&article("gen", 7, 40, 2)).unwrap();
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn generated_articles_are_valid_and_the_size_asked_for() {
    for (n, paragraphs) in [(0, 1), (3, 8), (10, 100), (500, 1000)] {
        let a = article("gen-x", n, paragraphs, 9);
        let json = serde_json::to_string(&a).unwrap();
        let loaded = load_article("gen", &json).unwrap_or_else(|e| panic!("{e}"));
        assert!(loaded.warnings().is_empty());
        assert_eq!(loaded.article().paragraphs().count(), paragraphs);
        assert!(loaded.article().quotes().count() > 0 || paragraphs < 10);
        assert!(!loaded.article().timeline.is_empty());
    }
}

#[test]
fn newer_articles_have_later_dates() {
    let dates: Vec<String> = (0..30)
        .filter_map(|n| article("g", n, 1, 1).published.map(|d| d.to_string()))
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    assert_eq!(dates[0], "2024-03-01");
}

#[test]
fn manifests_split_into_parts_that_cover_every_entry_once() {
    let entries: Vec<_> = (0..2345)
        .map(|n| article::ManifestEntry::for_article(&article(&format!("gen-{n:05}"), n, 1, 3)))
        .collect();
    let parts = manifests(entries.clone(), 50, 1000);
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["index.json", "index-2.json", "index-3.json", "index-4.json"]
    );
    let first = &parts[0].1;
    assert_eq!(first.articles.len(), 50);
    assert_eq!(first.total, Some(2345));
    assert_eq!(first.more, ["index-2.json", "index-3.json", "index-4.json"]);
    let all: Vec<_> = parts.iter().flat_map(|(_, m)| m.articles.clone()).collect();
    assert_eq!(all, entries);
    for (name, m) in &parts {
        let json = serde_json::to_string(m).unwrap();
        load_manifest(name, &json).unwrap();
    }
    // A small library stays one plain file.
    let small = manifests(entries[..10].to_vec(), 50, 1000);
    assert_eq!(small.len(), 1);
    assert_eq!(small[0].1.total, None);
    assert!(small[0].1.more.is_empty());
}
