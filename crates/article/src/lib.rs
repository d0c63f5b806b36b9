//! Article JSON v1: the types, loading with field paths, and validation.
//!
//! Plain Rust with no browser code: the viewer, the tests and later tools
//! (importer, generator) all read articles through this crate.

pub mod date;
pub mod filter;
pub mod library;
pub mod links;
mod load;
pub mod timeline;
mod types;
pub mod url;
pub mod validate;

pub use load::{check_file_name, load_article, load_manifest, LoadError, Loaded};
pub use types::*;
pub use validate::{is_safe_url, validate, Problem, Severity};

/// `noun` as it goes with `n`: "1 paragraph", "2 paragraphs" (regular nouns).
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        noun.to_string()
    } else {
        format!("{noun}s")
    }
}
