//! Article JSON v1: the types, loading with field paths, and validation.
//!
//! Plain Rust with no browser code: the viewer, its pre-renderer, the
//! `article-tool` command (import, validate, index, generate) and the tests
//! all read articles through this crate.

pub mod date;
pub mod index;
pub mod library;
pub mod links;
mod load;
pub mod search;
pub mod timeline;
mod types;
pub mod url;
pub mod validate;

pub use load::{check_file_name, load_article, load_manifest, LoadError, Loaded};
pub use types::*;
pub use validate::{is_safe_url, validate, Problem, Severity};

/// `text` without the characters that change the direction of what follows
/// them (embeddings, overrides, isolates, marks). For plain-text sinks
/// where data sits among the page's own words (titles, labels, messages):
/// an override left open there would reverse the page's words, and no
/// element can isolate it.
pub fn without_bidi_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let is_control = |c: char| matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if text.contains(is_control) {
        text.chars().filter(|&c| !is_control(c)).collect()
    } else {
        text.into()
    }
}

/// `noun` as it goes with `n`: "1 paragraph", "2 paragraphs" (regular nouns).
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        noun.to_string()
    } else {
        format!("{noun}s")
    }
}
