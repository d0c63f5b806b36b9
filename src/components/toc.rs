use article::Section;
use leptos::prelude::*;

use crate::state::ArticleState;

/// Links to the subheaded sections; absent when there are none. Sections the
/// topic filter hides drop out of the list too.
#[component]
pub fn TableOfContents(sections: Vec<Section>) -> impl IntoView {
    let state = expect_context::<ArticleState>();
    let visibility = state.visibility;
    let (lang, dir) = (
        state.loaded.article.language.clone(),
        state.loaded.article.direction(),
    );
    let entries: Vec<_> = sections
        .into_iter()
        .enumerate()
        .filter_map(|(ordinal, s)| s.heading.map(|h| (ordinal, s.id, h)))
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
