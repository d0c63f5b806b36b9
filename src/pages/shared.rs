//! A quote's or an event's own page (`a/<slug>/q/<id>/`, `a/<slug>/e/<id>/`):
//! the address a share button hands out. Link previews read its head (the
//! quote and its card); a reader who follows it lands on what was shared,
//! says who said it or when it happened, and goes on into the article at
//! that place. It is small and runs no app: the article is one page, not a
//! copy per quote.

use std::sync::Arc;

use article::index::Target;
use article::{Article, Loaded};
use leptos::prelude::*;

use crate::address::article_page;
use crate::components::DateTime;
use crate::context::Location;

/// What was shared, or "no longer in the article" if the article has no
/// such quote or event (the build makes pages only for those it has).
#[component]
pub fn SharedPage(loaded: Arc<Loaded>, target: Target) -> impl IntoView {
    let a = loaded.article();
    let location = expect_context::<Location>();
    let article = article_page(&a.id);
    let (lang, dir) = (a.language.clone(), a.direction());
    let shown = match &target {
        Target::Quote(id) => quote(a, id),
        Target::Event(id) => event(a, id),
    };
    let (heading, body, anchor, continue_text) = shown.unwrap_or_else(|| {
        (
            "No longer in the article".to_string(),
            view! { <p>"What this link pointed to is not in the article any more."</p> }.into_any(),
            String::new(),
            "Read the article",
        )
    });
    let into_article = with_fragment(location.href_to(&article), &anchor);
    view! {
        <article class="shared" aria-labelledby="shared_heading">
            <p class="shared__kicker">{kicker(&target)}</p>
            <h1 id="shared_heading" class="shared__heading" lang=lang.clone() dir=dir>
                {heading}
            </h1>
            <div class="shared__body" lang=lang.clone() dir=dir>
                {body}
            </div>
            <p class="shared__source">
                "From "
                <cite>
                    <a href=location.href_to(&article) lang=lang dir=dir>
                        {a.headline.clone()}
                    </a>
                </cite>
                {a.published.clone().map(|date| view! { ", " <DateTime date /> })}
            </p>
            <p class="shared__continue">
                <a class="shared__continue-link" href=into_article>
                    {continue_text}
                </a>
            </p>
        </article>
    }
}

fn kicker(target: &Target) -> &'static str {
    match target {
        Target::Quote(_) => "Quote",
        Target::Event(_) => "Event",
    }
}

/// `href` with `#anchor` (none when there is no anchor).
fn with_fragment(href: String, anchor: &str) -> String {
    if anchor.is_empty() {
        href
    } else {
        format!("{href}#{anchor}")
    }
}

type Shown = (String, AnyView, String, &'static str);

/// A quote: who said it as the heading, the words as a block quote; the
/// way in is the quote's place in the text.
fn quote(a: &Article, id: &str) -> Option<Shown> {
    let (_, q) = a.quotes().find(|(_, q)| q.id == id)?;
    let speaker = q.speaker.as_deref().and_then(|s| a.person(s));
    let heading = match speaker {
        Some(p) => format!("{} said", p.name),
        None => "Quoted in the article".to_string(),
    };
    let credit = speaker.map_or_else(|| "Speaker not identified".to_string(), |p| p.described());
    let body = view! {
        <figure class="shared__quote">
            <blockquote>
                <p>{format!("“{}”", q.text.trim())}</p>
            </blockquote>
            <figcaption>{credit}</figcaption>
        </figure>
    }
    .into_any();
    Some((heading, body, q.id.clone(), "Read the quote in the article"))
}

/// An event: its title as the heading, its date and who took part; the
/// way in is the first paragraph that mentions it, else its place in the
/// timeline.
fn event(a: &Article, id: &str) -> Option<Shown> {
    let e = a.timeline.iter().find(|e| e.id == id)?;
    let when = match e.date.date().and(e.date.value.clone()) {
        Some(date) => {
            view! { <time datetime=date.text().to_string()>{e.date.display()}</time> }.into_any()
        }
        None => view! { <span>{e.date.display()}</span> }.into_any(),
    };
    let parties: Vec<String> = e
        .parties
        .iter()
        .map(|p| a.party(p).map_or_else(|| p.clone(), |p| p.name.clone()))
        .collect();
    let body = view! {
        <p class="shared__when">{when}</p>
        {(!parties.is_empty()).then(|| view! {
            <p class="shared__parties">"Involves: " {parties.join(" and ")}</p>
        })}
    }
    .into_any();
    let (anchor, text) = match e.paragraphs.first() {
        Some(p) => (p.clone(), "Read about it in the article"),
        None => (e.id.clone(), "See it in the article's timeline"),
    };
    Some((e.title.clone(), body, anchor, text))
}
