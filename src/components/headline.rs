use std::sync::Arc;

use article::{is_safe_url, Article, Loaded};
use leptos::prelude::*;

use article::library::LibraryQuery;

use super::{DateTime, ShareButton, SiteLink};
use crate::address::Address;

/// Section label, headline, standfirst, date and source.
#[component]
pub fn Headline(article: Arc<Loaded>) -> impl IntoView {
    let a = article.article();
    // A copied page may give no date (or label): then none is shown.
    let date = a.published.clone().map(|date| {
        view! {
            <DateTime date />
            <span class="story-meta__sep" aria-hidden="true">" · "</span>
        }
    });
    let updated = a.updated.clone().map(|date| {
        view! {
            <span class="updated">"Updated " <DateTime date /></span>
            <span class="story-meta__sep" aria-hidden="true">" · "</span>
        }
    });
    let source = match a.source.url.clone().filter(|u| is_safe_url(u)) {
        Some(url) => view! { <a href=url>{a.source.name.clone()}</a> }.into_any(),
        None => a.source.name.clone().into_any(),
    };
    view! {
        <header class="story-header">
            {a.section.clone().map(|s| {
                // The label leads to the rest of its section, as on a news site.
                let query = LibraryQuery { section: Some(s.clone()), page: 1, ..Default::default() };
                let to = Address::new("", query.to_query());
                view! { <p class="section-label"><SiteLink to class="">{s}</SiteLink></p> }
            })}
            {view! { <h1 id="story_headline">{a.headline.clone()}</h1> }.attr("elementtiming", "headline")}
            {a.summary.clone().map(|s| view! { <p class="standfirst">{s}</p> })}
            // Who, when, from where, and the article's share control at the
            // line's end: one line where it fits, so the story starts sooner.
            <div class="story-meta-row">
            <p class="story-meta">
                {byline(a).map(|b| view! {
                    {b}
                    <span class="story-meta__sep" aria-hidden="true">" · "</span>
                })}
                {date}
                {updated}
                <span class="source">
                    <span class="visually-hidden">"Source: "</span>
                    {source}
                </span>
            </p>
            <p class="story-share">
                <ShareButton />
            </p>
            </div>
        </header>
    }
}

/// "By Jane Roe, Diplomatic correspondent" for one writer; for several,
/// roles in brackets so each stays with its name: "By Jane Roe (Diplomatic
/// correspondent), Ann Lee and John Doe (Editor)". Names and roles each in
/// their own element; older files' one-line byline as written.
fn byline(a: &Article) -> Option<AnyView> {
    if a.authors.is_empty() {
        return a
            .byline
            .clone()
            .map(|b| view! { <span class="byline">"By " {b}</span> }.into_any());
    }
    let last = a.authors.len() - 1;
    let several = last > 0;
    let writers = a.authors.iter().enumerate().map(|(i, author)| {
        let joint = match i {
            0 => "",
            i if i == last => " and ",
            _ => ", ",
        };
        view! {
            {joint}
            <span class="byline__name">{author.name.clone()}</span>
            {author.role.clone().map(|r| {
                let (open, close) = if several { (" (", ")") } else { (", ", "") };
                view! { {open} <span class="byline__role">{r}</span> {close} }
            })}
        }
    });
    Some(view! { <span class="byline">"By " {writers.collect::<Vec<_>>()}</span> }.into_any())
}
