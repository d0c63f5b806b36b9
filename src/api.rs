//! Loading what a page shows: fetch, parse, validate, and keep it for the
//! rest of the visit so going back to an article or the list fetches nothing.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use article::library::LibraryIndex;
use article::validate::is_valid_id;
use article::{load_article, load_manifest, LoadError, Loaded, Manifest, Problem};

use crate::glue;

pub const MANIFEST: &str = "articles/index.json";

/// Why an article page cannot show its article.
#[derive(Debug, Clone)]
pub enum ArticleError {
    /// No file for that slug: a "no such article" page, not a broken one.
    NoSuchArticle {
        slug: String,
        file: String,
    },
    Load(LoadError),
}

impl From<LoadError> for ArticleError {
    fn from(e: LoadError) -> Self {
        ArticleError::Load(e)
    }
}

thread_local! {
    // The viewer is single-threaded wasm; a visit-long cache needs no locking.
    static ARTICLES: RefCell<HashMap<String, Arc<Loaded>>> = RefCell::new(HashMap::new());
}

/// The article `slug`, from this visit's cache or the server.
pub async fn article(slug: String) -> Result<Arc<Loaded>, ArticleError> {
    if !is_valid_id(&slug) {
        // Never build a path from arbitrary URL text.
        let shown: String = slug.chars().take(80).collect();
        return Err(LoadError {
            file: "the page address".into(),
            problems: vec![Problem::error(
                "?article",
                format!("\"{shown}\" is not an article id (a-z, 0-9 and '-')"),
            )],
        }
        .into());
    }
    if let Some(hit) = ARTICLES.with(|c| c.borrow().get(&slug).cloned()) {
        return Ok(hit);
    }
    let file = format!("articles/{slug}.json");
    let text = match glue::fetch_text(&file).await {
        Ok(text) => text,
        Err(glue::FetchError {
            status: Some(404), ..
        }) => return Err(ArticleError::NoSuchArticle { slug, file }),
        Err(e) => return Err(e.error.into()),
    };
    let loaded = Arc::new(load_article(&file, &text)?);
    ARTICLES.with(|c| c.borrow_mut().insert(slug, loaded.clone()));
    Ok(loaded)
}

async fn manifest_part(file: &str) -> Result<Manifest, LoadError> {
    let text = glue::fetch_text(file).await.map_err(|e| e.error)?;
    load_manifest(file, &text)
}

/// The first part of the manifest: enough for the first screen. Returns
/// the index and the files of the remaining parts.
pub async fn library_first() -> Result<(LibraryIndex, Vec<String>, Option<usize>), LoadError> {
    let first = manifest_part(MANIFEST).await?;
    let more = first
        .more
        .iter()
        .filter(|name| is_part_name(name))
        .map(|name| format!("articles/{name}"))
        .collect();
    Ok((LibraryIndex::new(first.articles), more, first.total))
}

/// One further part of the manifest.
pub async fn library_part(file: String) -> Result<Vec<article::ManifestEntry>, LoadError> {
    Ok(manifest_part(&file).await?.articles)
}

/// Part names come from data: only plain file names beside the manifest.
fn is_part_name(name: &str) -> bool {
    name.strip_suffix(".json").is_some_and(is_valid_id)
}
