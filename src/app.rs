use leptos::prelude::*;

use crate::glue;
use crate::pages::{ArticleRoute, LibraryPage, Route};

/// One polite live region for the whole page: components say what changed
/// ("Link copied") and screen readers hear it.
#[derive(Clone, Copy)]
pub struct Announcer(RwSignal<String>);

impl Announcer {
    pub fn say(&self, message: impl Into<String>) {
        let (signal, message) = (self.0, message.into());
        // Clear first so the same message twice is announced twice.
        signal.set(String::new());
        set_timeout(
            move || signal.set(message),
            std::time::Duration::from_millis(50),
        );
    }
}

/// The page address's query string, the one source of which page is shown.
/// Links within the page push a new one (no reload); back and forward
/// restore it; views that keep their state in the address replace it.
#[derive(Clone, Copy)]
pub struct Location(pub RwSignal<String>);

impl Location {
    /// Show a new view of the same page without a new history entry.
    pub fn replace(&self, query: String) {
        glue::replace_query(&query);
        self.0.set(glue::current_query());
    }
}

/// The page frame: masthead, the library or an article, and the footer. The
/// frame renders whatever the page inside it manages.
#[component]
pub fn App() -> impl IntoView {
    glue::remove_boot_placeholder();
    let location = Location(RwSignal::new(glue::current_query()));
    provide_context(location);
    glue::follow_links_in_page(move |query| location.0.set(query));
    glue::on_history_change(move |query| location.0.set(query));
    let announcement = RwSignal::new(String::new());
    provide_context(Announcer(announcement));
    // Only a change of page rebuilds the page; a new search or filter in the
    // same page is handled inside it.
    let route = Memo::new(move |_| location.0.with(|q| Route::from_query(q)));

    view! {
        <a class="skip-link" href="#main_content">"Skip to content"</a>
        <header class="masthead">
            <a class="brand" href="./">"Newsview"</a>
        </header>
        <main id="main_content" tabindex="-1">
            {move || match route.get() {
                Route::Library => view! { <LibraryPage /> }.into_any(),
                Route::Article(slug) => view! { <ArticleRoute slug /> }.into_any(),
            }}
        </main>
        <div id="announcer" class="visually-hidden" role="status" aria-live="polite">
            {move || announcement.get()}
        </div>
        <footer class="site-footer">
            <p>
                "Rendered in your browser from "
                <a href="schema/article.v1.json">"article JSON v1"</a> "."
            </p>
        </footer>
    }
}
