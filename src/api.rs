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

/// A fingerprint of a data file's text (FNV-1a, 64 bits). A pre-rendered
/// page names the fingerprint of the file it was rendered from; the browser
/// hydrates it only when the file it fetched is the same, and renders
/// afresh when the file changed after the build.
pub fn fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

fn remember_fingerprint(file: &str, text: &str) {
    FINGERPRINTS.with(|f| f.borrow_mut().insert(file.to_string(), fingerprint(text)));
}

/// The fingerprint of a file this visit fetched.
pub fn fetched_fingerprint(file: &str) -> Option<String> {
    FINGERPRINTS.with(|f| f.borrow().get(file).cloned())
}

thread_local! {
    static FINGERPRINTS: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    // The viewer is single-threaded wasm; a visit-long cache needs no locking.
    static ARTICLES: RefCell<HashMap<String, Arc<Loaded>>> = RefCell::new(HashMap::new());
}

/// An article this visit (or the pre-renderer) already has: what a
/// pre-rendered page is hydrated with, without waiting.
pub fn cached_article(slug: &str) -> Option<Arc<Loaded>> {
    ARTICLES.with(|c| c.borrow().get(slug).cloned())
}

/// Keep an article for the rest of the visit (the pre-renderer gives each
/// page its article this way).
pub fn remember_article(slug: &str, loaded: Arc<Loaded>) {
    ARTICLES.with(|c| c.borrow_mut().insert(slug.to_string(), loaded));
}

/// The file an article is read from, relative to the site root.
pub fn article_file(slug: &str) -> String {
    format!("articles/{slug}.json")
}

/// The article `slug`, from this visit's cache or the server. `root` leads
/// from the page to the site root (`../../` on an article's own page).
pub async fn article(slug: String, root: String) -> Result<Arc<Loaded>, ArticleError> {
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
    if let Some(hit) = cached_article(&slug) {
        return Ok(hit);
    }
    let file = article_file(&slug);
    let text = match glue::fetch_text(&format!("{root}{file}")).await {
        Ok(text) => text,
        Err(glue::FetchError {
            status: Some(404), ..
        }) => return Err(ArticleError::NoSuchArticle { slug, file }),
        Err(e) => return Err(e.error.into()),
    };
    remember_fingerprint(&file, &text);
    // The address and share links use the id: it must be the file's name.
    let loaded = Arc::new(article::check_file_name(
        &file,
        &slug,
        load_article(&file, &text)?,
    )?);
    remember_article(&slug, loaded.clone());
    Ok(loaded)
}

async fn manifest_part(file: &str) -> Result<Manifest, LoadError> {
    let text = glue::fetch_text(file).await.map_err(|e| e.error)?;
    remember_fingerprint(file, &text);
    load_manifest(file, &text)
}

/// The first screen of the library: the first part of the manifest as an
/// index, the files of the remaining parts, and how many entries there are
/// in all.
#[derive(Clone)]
pub struct LibraryFirst {
    pub index: LibraryIndex,
    pub more: Vec<String>,
    pub total: Option<usize>,
}

thread_local! {
    static LIBRARY_FIRST: RefCell<Option<Manifest>> = const { RefCell::new(None) };
}

/// Keep the manifest's first part (the pre-renderer renders the home page
/// from it; a hydrating home page has fetched it before hydrating).
pub fn remember_library(first: Manifest) {
    LIBRARY_FIRST.with(|c| *c.borrow_mut() = Some(first));
}

/// After a failed part, a retry starts from the first part again.
pub fn forget_library() {
    LIBRARY_FIRST.with(|c| *c.borrow_mut() = None);
}

/// The first part, if this visit has it already.
pub fn cached_library() -> Option<LibraryFirst> {
    LIBRARY_FIRST
        .with(|c| c.borrow().clone())
        .map(library_first_of)
}

/// Fetch the first part of the manifest (for a home page about to hydrate).
pub async fn fetch_library() -> Result<LibraryFirst, LoadError> {
    if let Some(hit) = cached_library() {
        return Ok(hit);
    }
    let first = manifest_part(MANIFEST).await?;
    remember_library(first.clone());
    Ok(library_first_of(first))
}

fn library_first_of(first: Manifest) -> LibraryFirst {
    let more = first
        .more
        .iter()
        .filter(|name| is_part_name(name))
        .map(|name| format!("articles/{name}"))
        .collect();
    LibraryFirst {
        index: LibraryIndex::new(first.articles),
        more,
        total: first.total,
    }
}

/// One further part of the manifest.
pub async fn library_part(file: String) -> Result<Vec<article::ManifestEntry>, LoadError> {
    Ok(manifest_part(&file).await?.articles)
}

/// Part names come from data: only plain file names beside the manifest.
fn is_part_name(name: &str) -> bool {
    name.strip_suffix(".json").is_some_and(is_valid_id)
}
