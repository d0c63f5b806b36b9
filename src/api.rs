//! Loading what a page shows: fetch, parse, validate, and keep it for the
//! rest of the visit so going back to an article or the list fetches nothing.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use article::search;
use article::validate::is_valid_id;
use article::{load_manifest, LoadError, Loaded, Manifest, Problem};

use crate::context::Prepared;
use crate::glue::{self, Claim};

pub const MANIFEST: &str = "articles/index.json";

/// Why a page's data did not arrive.
#[derive(Debug, Clone)]
pub enum Failure {
    /// No file for that slug: a "no such article" page, not a broken one.
    NoSuchArticle { slug: String, file: String },
    /// The file did not arrive (network, HTTP status, stalled).
    Fetch(LoadError),
    /// The file arrived but cannot be shown (not JSON, not valid).
    Load(LoadError),
    /// The view that asked has gone; there is nobody to tell.
    Cancelled,
}

impl From<LoadError> for Failure {
    fn from(e: LoadError) -> Self {
        Failure::Load(e)
    }
}

impl From<glue::FetchError> for Failure {
    fn from(e: glue::FetchError) -> Self {
        if e.cancelled {
            Failure::Cancelled
        } else {
            Failure::Fetch(e.error)
        }
    }
}

/// A pre-rendered page names the fingerprint of the file it was rendered
/// from; the browser hydrates it only when the file it fetched is the
/// same, and renders afresh when the file changed after the build.
pub use article::search::fingerprint;

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

/// An article the page already has: the one the site build renders it
/// with, or one this visit downloaded.
pub fn cached_article(slug: &str) -> Option<Arc<Loaded>> {
    if let Some(loaded) = Prepared::here().and_then(|p| p.article) {
        return (loaded.article().id == slug).then_some(loaded);
    }
    ARTICLES.with(|c| c.borrow().get(slug).cloned())
}

/// Keep an article for the rest of the visit.
fn remember_article(slug: &str, loaded: Arc<Loaded>) {
    ARTICLES.with(|c| c.borrow_mut().insert(slug.to_string(), loaded));
}

/// The file an article is read from, relative to the site root.
pub fn article_file(slug: &str) -> String {
    format!("articles/{slug}.json")
}

/// The article `slug`, from this visit's cache or the server, for the view
/// holding `claim`. `root` leads from the page to the site root (`../../`
/// on an article's own page).
pub async fn article(slug: String, root: String, claim: Claim) -> Result<Arc<Loaded>, Failure> {
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
    let text = match glue::fetch_text(&format!("{root}{file}"), claim).await {
        Ok(text) => text,
        Err(glue::FetchError {
            status: Some(404), ..
        }) => return Err(Failure::NoSuchArticle { slug, file }),
        Err(e) => return Err(e.into()),
    };
    remember_fingerprint(&file, &text);
    // The address and share links use the id: it must be the file's name.
    let loaded = Arc::new(article::library::load_listed(&file, &slug, &text)?);
    remember_article(&slug, loaded.clone());
    Ok(loaded)
}

/// One part of the manifest (`articles/<name>`), as written; what it adds
/// to the list is for `ManifestReader` to say. Each part is fetched once a
/// visit: coming back to the list reads them from memory.
pub async fn manifest_part(file: String, claim: Claim) -> Result<Manifest, Failure> {
    if let Some(part) = LIBRARY.with(|c| c.borrow().get(&file).cloned()) {
        return Ok(part);
    }
    let text = glue::fetch_text(&file, claim).await?;
    remember_fingerprint(&file, &text);
    let part = load_manifest(&file, &text)?;
    LIBRARY.with(|c| c.borrow_mut().insert(file, part.clone()));
    Ok(part)
}

/// The file of the manifest part that parts name `name`.
pub fn part_file(name: &str) -> String {
    format!("articles/{name}")
}

thread_local! {
    static LIBRARY: RefCell<HashMap<String, Manifest>> = RefCell::new(HashMap::new());
}

/// After a failed first part, a retry fetches the list again.
pub fn forget_library() {
    LIBRARY.with(|c| c.borrow_mut().clear());
}

/// The first part, if the page has it already: the site build renders the
/// home page from it; a hydrating home page fetched it before hydrating.
pub fn cached_library() -> Option<Manifest> {
    if let Some(prepared) = Prepared::here() {
        return prepared.library;
    }
    LIBRARY.with(|c| c.borrow().get(MANIFEST).cloned())
}

/// The site's name: the build's setting, or in the browser what the page
/// says it is (`og:site_name`).
pub fn site_name() -> String {
    match Prepared::here() {
        Some(prepared) => prepared.site_name,
        None => glue::site_name(),
    }
}

thread_local! {
    static IMAGE_HOSTS: std::cell::OnceCell<Option<Vec<String>>> = const { std::cell::OnceCell::new() };
}

/// Hosts besides the site's own that the page may show images from: what
/// its policy's `img-src` names (in the build, the list it writes there).
/// `None` on a page without a policy (the development server), where any
/// https image loads.
pub fn image_hosts() -> Option<Vec<String>> {
    if let Some(prepared) = Prepared::here() {
        return Some(prepared.image_hosts);
    }
    IMAGE_HOSTS.with(|h| h.get_or_init(glue::policy_image_hosts).clone())
}

thread_local! {
    // Search files are fetched once a visit, like articles; so is the
    // answer that one is not there (HTTP 404: a site without an index), so
    // each keystroke does not ask again. Other failures may pass, and are
    // asked again.
    static SEARCH_FILES: RefCell<HashMap<String, std::rc::Rc<dyn std::any::Any>>> =
        RefCell::new(HashMap::new());
    static SEARCH_MISSING: RefCell<HashMap<String, glue::FetchError>> =
        RefCell::new(HashMap::new());
}

/// A file of the search index (`articles/search/<path>`), parsed, from
/// this visit's cache or the server.
async fn search_file<T: article::search::Readable>(
    path: String,
    claim: Claim,
) -> Result<std::rc::Rc<T>, Failure> {
    let file = format!("articles/{}/{path}", search::DIR);
    let hit = SEARCH_FILES.with(|c| c.borrow().get(&file).cloned());
    if let Some(hit) = hit.and_then(|h| h.downcast::<T>().ok()) {
        return Ok(hit);
    }
    if let Some(missing) = SEARCH_MISSING.with(|m| m.borrow().get(&file).cloned()) {
        return Err(missing.into());
    }
    let text = glue::fetch_text(&file, claim).await.inspect_err(|e| {
        if e.status == Some(404) {
            SEARCH_MISSING.with(|m| m.borrow_mut().insert(file.clone(), e.clone()));
        }
    })?;
    let value = std::rc::Rc::new(search::read::<T>(&file, &text)?);
    SEARCH_FILES.with(|c| c.borrow_mut().insert(file, value.clone()));
    Ok(value)
}

/// For each word, the articles (numbered in list order) the full-text
/// index finds it in. `key` fingerprints the list as the reader has it;
/// an index built for another list cannot answer, and says why.
pub async fn full_text(
    words: Vec<search::Word>,
    key: String,
    claim: Claim,
) -> Result<Vec<search::DocSet>, Failure> {
    let meta = search_file::<search::SearchMeta>("index.json".into(), claim).await?;
    if meta.key != key {
        return Err(Failure::Load(LoadError {
            file: format!("articles/{}/index.json", search::DIR),
            problems: vec![Problem::error(
                "key",
                "the index was built for another list of articles",
            )],
        }));
    }
    let plans: Vec<_> = words.iter().map(|w| meta.chunks_for(w)).collect();
    let needed: std::collections::BTreeSet<usize> = plans
        .iter()
        .flat_map(|(chunks, _)| chunks.clone())
        .collect();
    // The chunks download side by side.
    let chunks = futures::future::join_all(
        needed
            .iter()
            .map(|&i| search_file::<search::Chunk>(format!("terms/{i}.json"), claim)),
    )
    .await;
    let mut read = HashMap::new();
    for (i, chunk) in needed.into_iter().zip(chunks) {
        read.insert(i, chunk?);
    }
    Ok(plans
        .into_iter()
        .map(|(chunks, word)| {
            let mut set = search::DocSet::with_capacity(meta.docs);
            for i in chunks {
                set.union(&read[&i].docs_for(&word, meta.docs));
            }
            set
        })
        .collect())
}

/// An article's searchable text, for a result's snippet.
pub async fn search_text(
    slug: &str,
    claim: Claim,
) -> Result<std::rc::Rc<search::Passages>, Failure> {
    search_file(format!("text/{slug}.json"), claim).await
}
