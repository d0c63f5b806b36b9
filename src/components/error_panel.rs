use article::LoadError;
use leptos::prelude::*;

use super::notices::problem_item;
use crate::address::Address;
use crate::context::Location;

/// Why the page cannot show what it is for (`title` says what): first in
/// plain words (it did not arrive, or it arrived with mistakes), then the
/// file and each problem with its field path behind "What went wrong".
/// Offers a retry, since fetch failures are often passing.
#[component]
pub fn ErrorPanel(
    error: LoadError,
    on_retry: impl Fn() + 'static,
    #[prop(default = "This article could not be shown")] title: &'static str,
    /// The file did not arrive, rather than arriving with mistakes.
    #[prop(optional)]
    fetch_failed: bool,
) -> impl IntoView {
    let count = error.problems.len();
    // From any folder (an article's page is two deep) to the list.
    let location = expect_context::<Location>();
    let plain = if fetch_failed {
        "It did not arrive: the connection may have dropped, or the site may be busy. Trying again often works."
    } else {
        "It arrived with mistakes in it, so it cannot be shown as written. Trying again helps only if it has been corrected since."
    };
    view! {
        <section class="error-panel" role="alert" aria-labelledby="error_heading">
            <h1 id="error_heading">{title}</h1>
            <p class="error-panel__plain">{plain}</p>
            <p class="error-panel__actions">
                <button type="button" on:click=move |_| on_retry()>"Try again"</button>
                <a href=move || location.href_to(&Address::default())>"Back to all articles"</a>
            </p>
            <details class="error-panel__details">
                <summary>"What went wrong"</summary>
                <p>
                    {if count == 1 { "There is a problem with " } else { "There are problems with " }}
                    <code class="error-panel__file">{error.file}</code>
                    ":"
                </p>
                <ul class="error-panel__problems">
                    {error.problems.into_iter().map(problem_item).collect_view()}
                </ul>
            </details>
        </section>
    }
}
