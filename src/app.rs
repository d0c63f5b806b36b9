use leptos::prelude::*;

use crate::api;
use crate::components::ErrorPanel;
use crate::glue;
use crate::pages::ArticlePage;

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

/// The page frame: masthead, the article (or its loading and error states)
/// and the footer. The frame renders even when the article cannot.
#[component]
pub fn App() -> impl IntoView {
    glue::remove_boot_placeholder();
    let article = LocalResource::new(api::load_requested_article);
    let announcement = RwSignal::new(String::new());
    provide_context(Announcer(announcement));

    view! {
        <a class="skip-link" href="#main_content">"Skip to content"</a>
        <header class="masthead">
            <a class="brand" href="./">"Newsview"</a>
        </header>
        <main id="main_content" tabindex="-1">
            {move || match article.get() {
                None => view! { <p class="loading" role="status">"Loading article…"</p> }.into_any(),
                Some(Ok(loaded)) => view! { <ArticlePage loaded /> }.into_any(),
                Some(Err(error)) => {
                    view! { <ErrorPanel error on_retry=move || article.refetch() /> }.into_any()
                }
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
