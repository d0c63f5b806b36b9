use std::sync::Arc;

use article::{is_safe_url, Loaded};
use leptos::prelude::*;

use super::DateTime;

/// Section label, headline, standfirst, date and source.
#[component]
pub fn Headline(article: Arc<Loaded>) -> impl IntoView {
    let a = &article.article;
    // A copied page may give no date (or label): then none is shown.
    let date = a.published.clone().map(|value| {
        view! {
            <DateTime value />
            <span class="story-meta__sep" aria-hidden="true">" · "</span>
        }
    });
    let source = match a.source.url.clone().filter(|u| is_safe_url(u)) {
        Some(url) => view! { <a href=url>{a.source.name.clone()}</a> }.into_any(),
        None => a.source.name.clone().into_any(),
    };
    view! {
        <header class="story-header">
            {a.section.clone().map(|s| view! { <p class="section-label">{s}</p> })}
            {view! { <h1 id="story_headline">{a.headline.clone()}</h1> }.attr("elementtiming", "headline")}
            {a.summary.clone().map(|s| view! { <p class="standfirst">{s}</p> })}
            <p class="story-meta">
                {a.byline.clone().map(|b| view! {
                    <span class="byline">"By " {b}</span>
                    <span class="story-meta__sep" aria-hidden="true">" · "</span>
                })}
                {date}
                <span class="source">
                    <span class="visually-hidden">"Source: "</span>
                    {source}
                </span>
            </p>
        </header>
    }
}
