use article::Section;
use leptos::prelude::*;

/// Links to the subheaded sections; absent when there are none.
#[component]
pub fn TableOfContents(sections: Vec<Section>) -> impl IntoView {
    let entries: Vec<_> = sections
        .into_iter()
        .filter_map(|s| s.heading.map(|h| (s.id, h)))
        .collect();
    (!entries.is_empty()).then(|| {
        view! {
            <nav class="toc" aria-labelledby="toc_heading">
                <h2 id="toc_heading">"In this article"</h2>
                <ol>
                    {entries
                        .into_iter()
                        .map(|(id, heading)| view! { <li><a href=format!("#{id}")>{heading}</a></li> })
                        .collect_view()}
                </ol>
            </nav>
        }
    })
}
