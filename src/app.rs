use leptos::prelude::*;

use crate::address::{Address, Route};
use crate::components::site_anchor;
use crate::context::{Announcer, Location};
use crate::pages::{ArticleRoute, NotFoundPage};

/// The page frame: skip link, masthead, the page the address names, the
/// live region and the footer. The same component renders on the server
/// (pre-rendering) and in the browser (hydrating that HTML, or rendering
/// afresh on the client-side path).
#[component]
pub fn App(location: Location) -> impl IntoView {
    provide_context(location);
    let announcement = RwSignal::new(String::new());
    provide_context(Announcer(announcement));
    // Only a change of page rebuilds the page; a new search, filter or
    // target within the same page is handled inside it.
    let route = Memo::new(move |_| location.0.with(|a| page_of(a.route())));
    // The frame's live parts are islands on a pre-rendered article page,
    // whose only script is `reader`; a page hydrated or rendered whole (the
    // list, the client-side path) has them as ordinary parts.
    let islands = cfg!(feature = "islands")
        && matches!(location.get_untracked().route(), Route::Article { .. });
    let live_region = move || -> AnyView {
        if islands {
            view! { <LiveRegion /> }.into_any()
        } else {
            announcer_region(announcement).into_any()
        }
    };

    let page = move || match route.get() {
        Page::Library => library_page(),
        Page::Article(slug) => view! { <ArticleRoute slug /> }.into_any(),
        Page::Unknown => view! { <NotFoundPage /> }.into_any(),
    };
    frame(page, live_region())
}

/// A page that runs no app (a quote's or an event's own page): the same
/// frame, its links plain anchors. Provides the [`Location`] it is shown
/// at.
#[component]
pub fn StaticPage(location: Location, children: Children) -> impl IntoView {
    provide_context(location);
    frame(children(), ().into_any())
}

/// What every page shares: skip link, masthead, the page itself and the
/// live region (the site build writes the footer after it, from its
/// settings: `components::SiteFooter`).
fn frame(page: impl IntoView, live_region: AnyView) -> impl IntoView {
    let brand = site_anchor(
        Address::default(),
        Some("brand".to_string()),
        crate::api::site_name().into_any(),
    );
    view! {
        <a class="skip-link" href="#main_content">"Skip to content"</a>
        <header class="masthead">{brand}</header>
        <main id="main_content" tabindex="-1">
            {page}
        </main>
        {live_region}
    }
}

/// The page's one polite live region, which says what [`Announcer`] is
/// told.
#[crate::island]
fn LiveRegion() -> impl IntoView {
    announcer_region(expect_context::<Announcer>().0)
}

fn announcer_region(announcement: RwSignal<String>) -> impl IntoView {
    view! {
        <div id="page_announcer" class="visually-hidden" role="status" aria-live="polite">
            {move || announcement.get()}
        </div>
    }
}

#[cfg(feature = "library")]
fn library_page() -> AnyView {
    view! { <crate::pages::LibraryPage /> }.into_any()
}

/// Built without the list (the article pages' app): links to it are left
/// to the browser (`address::served_here`), so only an address this app
/// did not push gets here; the list's own page is loaded for it.
#[cfg(not(feature = "library"))]
fn library_page() -> AnyView {
    crate::glue::reload();
    ().into_any()
}

/// Which page component an address needs; the target and the filter are
/// the page's own state, so they do not rebuild it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Page {
    Library,
    Article(String),
    Unknown,
}

fn page_of(route: Route) -> Page {
    match route {
        Route::Library => Page::Library,
        Route::Article { slug, .. } => Page::Article(slug),
        Route::Unknown => Page::Unknown,
    }
}
