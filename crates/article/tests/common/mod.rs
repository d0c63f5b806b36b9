//! The fixture the model's tests share: the seed article, as text, as JSON
//! and loaded. Each test file uses part of it.
#![allow(dead_code)]

pub const SEED: &str =
    include_str!("../../../../public/articles/us-russia-talks-despite-collisions.json");

pub fn seed_value() -> serde_json::Value {
    serde_json::from_str(SEED).unwrap()
}

pub fn seed() -> article::Article {
    article::load_article("seed", SEED).unwrap().into_article()
}
