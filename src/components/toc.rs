use std::sync::Arc;

use article::Loaded;
use leptos::prelude::*;

use crate::state::ArticleState;

/// Links to the subheaded sections; absent when there are none. Sections the
/// topic filter hides drop out of the list too.
#[component]
pub fn TableOfContents(article: Arc<Loaded>) -> impl IntoView {
    let a = article.article();
    // Headings and ids only: the sections' blocks stay where they are.
    let entries: Vec<(usize, String, String)> = a
        .sections
        .iter()
        .enumerate()
        .filter_map(|(ordinal, s)| s.heading.clone().map(|h| (ordinal, s.id.clone(), h)))
        .collect();
    (!entries.is_empty()).then(|| {
        view! { <ContentsList entries lang=a.language.clone() dir=a.direction().to_string() /> }
    })
}

/// The list itself: (section ordinal, id, heading) per entry.
#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
fn ContentsList(entries: Vec<(usize, String, String)>, lang: String, dir: String) -> impl IntoView {
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
