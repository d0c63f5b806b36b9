use article::Problem;
use leptos::prelude::*;

/// Problems that did not stop the article (unsupported blocks, links that
/// were not web addresses), listed once at the top so nothing is hidden.
#[component]
pub fn ProblemsNotice(problems: Vec<Problem>) -> impl IntoView {
    (!problems.is_empty()).then(|| {
        view! {
            <aside class="notice" aria-labelledby="problems_heading">
                <h2 id="problems_heading" class="notice__title">
                    "Some parts of this article could not be shown as written"
                </h2>
                <ul>
                    {problems
                        .into_iter()
                        .map(|p| view! { <li><code>{p.path}</code>": "{p.message}</li> })
                        .collect_view()}
                </ul>
            </aside>
        }
    })
}

/// Stands in for a block this viewer does not know, in its place.
#[component]
pub fn UnsupportedBlock(kind: String) -> impl IntoView {
    view! {
        <div class="unsupported" role="note">
            "Unsupported content: this viewer cannot show a “"{kind}"” block here."
        </div>
    }
}
