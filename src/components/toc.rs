use leptos::prelude::*;

use crate::state::ArticleState;

/// Links to the subheaded sections: (section ordinal, id, heading) per
/// entry. Sections the topic filter hides drop out of the list too.
#[component]
pub fn TableOfContents(
    entries: Vec<(usize, String, String)>,
    lang: String,
    dir: String,
) -> impl IntoView {
    let visibility = expect_context::<ArticleState>().visibility;
    view! {
        <nav class="toc" aria-labelledby="toc_heading">
            <h2 id="toc_heading">"In this article"</h2>
            <ol>
                {entries
                    .into_iter()
                    .map(|(ordinal, id, heading)| {
                        view! {
                            <li hidden=move || !visibility.with(|v| v.shows_section(ordinal))>
                                <a href=format!("#{id}") lang=lang.clone() dir=dir.clone()>
                                    {heading}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}
