use article::LoadError;
use leptos::prelude::*;

use super::notices::problem_item;

/// Why the page cannot show what it is for (`title` says what): the file,
/// and each problem with its field path. Offers a retry, since fetch
/// failures are often passing.
#[component]
pub fn ErrorPanel(
    error: LoadError,
    on_retry: impl Fn() + 'static,
    #[prop(default = "This article could not be shown")] title: &'static str,
) -> impl IntoView {
    let count = error.problems.len();
    view! {
        <section class="error-panel" role="alert" aria-labelledby="error_heading">
            <h1 id="error_heading">{title}</h1>
            <p>
                {if count == 1 { "There is a problem with " } else { "There are problems with " }}
                <code class="error-panel__file">{error.file}</code>
                ":"
            </p>
            <ul class="error-panel__problems">
                {error
                    .problems
                    .into_iter()
                    .map(problem_item)
                    .collect_view()}
            </ul>
            <p class="error-panel__actions">
                <button type="button" on:click=move |_| on_retry()>"Try again"</button>
                <a href="./">"Back to all articles"</a>
            </p>
        </section>
    }
}
