use leptos::prelude::*;

use crate::state::ArticleState;

/// Links to the subheaded sections; absent when there are none. Sections the
/// topic filter hides drop out of the list too.
#[component]
pub fn TableOfContents() -> impl IntoView {
    let state = expect_context::<ArticleState>();
    let visibility = state.visibility;
    let (lang, dir) = (
        state.loaded.article().language.clone(),
        state.loaded.article().direction(),
    );
    // Headings and ids only: the sections' blocks stay where they are.
    let entries: Vec<_> = state
        .loaded
        .article()
        .sections
        .iter()
        .enumerate()
        .filter_map(|(ordinal, s)| s.heading.clone().map(|h| (ordinal, s.id.clone(), h)))
        .collect();
    (!entries.is_empty()).then(|| {
        view! {
            <nav class="toc" aria-labelledby="toc_heading">
                <h2 id="toc_heading">"In this article"</h2>
                <ol>
                    {entries
                        .into_iter()
                        .map(|(ordinal, id, heading)| {
                            view! {
                                <li hidden=move || !visibility.with(|v| v.shows_section(ordinal))>
                                    <a href=format!("#{id}") lang=lang.clone() dir=dir>
                                        {heading}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </nav>
        }
    })
}
