use leptos::prelude::*;

use crate::address::{Address, Route};
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
    let home = move || location.href_to(&Address::default());

    view! {
        <a class="skip-link" href="#main_content">"Skip to content"</a>
        <header class="masthead">
            <a class="brand" href=home>"Newsview"</a>
        </header>
        <main id="main_content" tabindex="-1">
            {move || match route.get() {
                Page::Library => library_page(),
                Page::Article(slug) => view! { <ArticleRoute slug /> }.into_any(),
                Page::Unknown => view! { <NotFoundPage /> }.into_any(),
            }}
        </main>
        <div id="page_announcer" class="visually-hidden" role="status" aria-live="polite">
            {move || announcement.get()}
        </div>
        // For readers: where to go next, and what a quote link is.
        <footer class="site-footer">
            <p>
                <a href=home>"All articles"</a>
                " · Every quote has its own link: share it, and the reader lands on those words."
            </p>
        </footer>
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
