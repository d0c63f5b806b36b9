//! Which article the page asks for, and loading it: fetch, parse, validate.

use std::sync::Arc;

use article::validate::is_valid_id;
use article::{load_article, load_manifest, LoadError, Loaded, Problem};

use crate::glue;

pub const MANIFEST: &str = "articles/index.json";

/// The article named by `?article=<slug>`, or the newest one in the manifest.
pub async fn load_requested_article() -> Result<Arc<Loaded>, LoadError> {
    let slug = match glue::query_param("article") {
        Some(slug) => slug,
        None => newest_slug().await?,
    };
    if !is_valid_id(&slug) {
        // Never build a path from arbitrary URL text.
        let shown: String = slug.chars().take(80).collect();
        return Err(LoadError {
            file: "the page address".into(),
            problems: vec![Problem::error(
                "?article",
                format!("\"{shown}\" is not an article id (a-z, 0-9 and '-')"),
            )],
        });
    }
    let file = format!("articles/{slug}.json");
    let text = glue::fetch_text(&file).await?;
    load_article(&file, &text).map(Arc::new)
}

async fn newest_slug() -> Result<String, LoadError> {
    let manifest = load_manifest(MANIFEST, &glue::fetch_text(MANIFEST).await?)?;
    manifest
        .articles
        .first()
        .map(|entry| entry.slug.clone())
        .ok_or_else(|| LoadError {
            file: MANIFEST.into(),
            problems: vec![Problem::error("articles", "the manifest lists no articles")],
        })
}
