#![recursion_limit = "256"]
//! Newsview: a news article viewer. One set of Leptos components renders
//! every page twice: at build time to HTML (feature `ssr`, rendered by the
//! site build in `crates/site`) and in the browser, which hydrates that HTML or, on the
//! client-side path, renders afresh (feature `hydrate`).
//!
//! Data flows one way: `api` fetches JSON and the `article` crate turns it
//! into a validated model; `pages` and `components` turn the model into
//! view. `address` owns the page address, `context` what pages share, and
//! `glue` is the only other place that touches browser APIs directly.

#[cfg(not(feature = "islands"))]
pub(crate) use leptos::component as island;
/// `#[crate::island]` marks a component as an island: in the builds with
/// `islands` (the site build and `reader`) it is hydrated on its own in a
/// pre-rendered page; in the whole app (`hydrate,library`), which renders
/// articles on the client-side path, it is an ordinary component.
#[cfg(feature = "islands")]
pub(crate) use leptos::island;

pub mod address;
pub mod api;
pub mod app;
mod components;
/// The footer the site build writes on every page.
#[cfg(feature = "ssr")]
pub use components::{FooterLink, SiteFooter};
pub mod context;
mod glue;
mod ids;
pub mod meta;
pub mod pages;
mod state;

/// The seed article, loaded and checked: what the crate's unit tests read.
#[cfg(test)]
pub(crate) fn seed_article() -> article::Article {
    let text = include_str!("../public/articles/us-russia-talks-despite-collisions.json");
    article::load_article("seed", text).unwrap().into_article()
}

/// The whole app's entry point. A page the pre-renderer wrote names its own
/// address (`<meta name="newsview-page">`): the app fetches the data that
/// page was made from, then hydrates the list's page, keeping the nodes the
/// reader already sees; the rest of the address (a search in the query) is
/// applied after that. An article page is `reader`'s, as islands: this app
/// is loaded there only when the article's file changed after the build,
/// and renders it afresh, as it does any other address.
#[cfg(all(feature = "hydrate", not(feature = "islands")))]
pub fn start_whole_app() {
    use address::{browser, Route};
    use context::Location;
    use leptos::prelude::*;

    console_error_panic_hook::set_once();
    let full = browser::current();
    let prerendered = browser::prerendered().filter(|p| p.path == full.path);
    // Leptos's executor starts with the mount below; until then the
    // browser's own drives the data fetch. (A pre-rendered page starts the
    // app only after its first paint: see the site build's `shell::start_after_paint`.)
    wasm_bindgen_futures::spawn_local(async move {
        let (ready, file) = match prerendered.as_ref().map(|p| p.route()) {
            // The article gone from the host (withdrawn) is news too: the
            // app renders afresh and says so, rather than keep the old page.
            Some(Route::Article { slug, .. }) => (
                matches!(
                    api::article(slug.clone(), full.root(), glue::Claim::new()).await,
                    Ok(_) | Err(api::Failure::NoSuchArticle { .. })
                ),
                api::article_file(&slug),
            ),
            #[cfg(feature = "library")]
            Some(Route::Library) => (
                api::manifest_part(api::MANIFEST.into(), glue::Claim::new())
                    .await
                    .is_ok(),
                api::MANIFEST.into(),
            ),
            _ => (false, String::new()),
        };
        if prerendered.is_some() && !ready {
            // The page already reads completely; without its data it stays
            // the static page it is rather than becoming an error panel.
            leptos::logging::warn!(
                "newsview: the page's data could not be loaded; it stays static"
            );
            return;
        }
        // Data changed since the build: the page is rendered afresh from it.
        let same = browser::prerendered_fingerprint() == api::fetched_fingerprint(&file);
        let hydrating = prerendered.filter(|p| same && !matches!(p.route(), Route::Article { .. }));
        let first = hydrating.clone().unwrap_or_else(|| full.clone());
        let location = Location(RwSignal::new(first));
        browser::follow_links_in_page(move |to| location.0.set(to));
        browser::on_history_change(move |to| location.0.set(to));
        match hydrating {
            Some(_) => {
                let Some(root) = glue::app_root(false) else {
                    return;
                };
                leptos::mount::hydrate_from(root, move || app::App(app::AppProps { location }))
                    .forget();
                // The query the page was not rendered with (`?topics=`), once
                // the page's own effects have run.
                request_animation_frame(move || {
                    location.0.set(full);
                    glue::mark_ready();
                });
            }
            None => {
                let Some(root) = glue::app_root(true) else {
                    return;
                };
                leptos::mount::mount_to(root, move || app::App(app::AppProps { location }))
                    .forget();
                glue::mark_ready();
            }
        }
    });
}

/// The article pages' entry point (`reader`, built with `islands`): the
/// page is the pre-renderer's HTML, and only its controls are hydrated, by
/// the page's start-up script, which calls [`page_is_current`] and then
/// each island (`crates/site/js/islands.js`). Here: what every island
/// shares, the page's address and its live region.
#[cfg(all(feature = "hydrate", feature = "islands"))]
pub fn start_islands() {
    use address::browser;
    use context::{Announcer, Location};
    use leptos::prelude::*;

    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    let full = browser::current();
    // Islands hydrate against the address the page was rendered for; the
    // rest of it (a topic filter) is applied once they have.
    let first = browser::prerendered()
        .filter(|p| p.path == full.path)
        .unwrap_or_else(|| full.clone());
    let location = Location(RwSignal::new(first));
    provide_context(location);
    provide_context(Announcer(RwSignal::new(String::new())));
    // Every link is the browser's here (`address::served_here`); this keeps
    // the reader's place for Back when one jumps within the page.
    browser::follow_links_in_page(|_| {});
    browser::on_history_change(move |to| location.0.set(to));
    reader::READY.with(|r| r.set(Some((location, full))));
}

#[cfg(all(feature = "hydrate", feature = "islands"))]
mod reader {
    use std::cell::Cell;

    use leptos::prelude::*;
    use wasm_bindgen::prelude::wasm_bindgen;

    use crate::address::{browser, Address, Route};
    use crate::context::Location;
    use crate::{api, glue};

    thread_local! {
        /// The page's address, and the one to apply once islands hydrated.
        pub static READY: Cell<Option<(Location, Address)>> = const { Cell::new(None) };
    }

    /// Whether the page's article file is still the one it was rendered
    /// from. If not, the start-up script loads the whole app, which renders
    /// the page afresh from the new file, and hydrates nothing here.
    #[wasm_bindgen]
    pub async fn page_is_current() -> bool {
        let Some(page) = browser::prerendered() else {
            return false;
        };
        let Route::Article { slug, .. } = page.route() else {
            return false;
        };
        let file = api::article_file(&slug);
        match glue::fetch_text(&format!("{}{file}", page.root()), glue::Claim::new()).await {
            Ok(text) => browser::prerendered_fingerprint() == Some(api::fingerprint(&text)),
            // The host says the file is gone: the article was withdrawn, and
            // a page kept by a cache must not go on showing it; the app
            // says so instead.
            Err(e) if matches!(e.status, Some(404 | 410)) => false,
            // Offline or a server's hiccup: the page already reads
            // completely; its controls still work from what it carries.
            Err(_) => true,
        }
    }

    /// Called by the start-up script once the islands the reader sees (or
    /// has focused) have hydrated: their controls answer from now on. The
    /// benchmark times the page's first answer to this mark.
    #[wasm_bindgen]
    pub fn view_hydrated() {
        glue::mark("view-ready");
    }

    /// Called by the start-up script once every island has hydrated.
    #[wasm_bindgen]
    pub fn islands_hydrated() {
        let Some((location, full)) = READY.with(Cell::take) else {
            return;
        };
        request_animation_frame(move || {
            location.0.set(full);
            glue::mark_ready();
        });
    }
}
