use std::sync::Arc;

use article::index::Target;
use article::{Inline, Loaded, Quote};
use leptos::prelude::*;

use super::ShareButton;
use crate::state::ArticleState;

/// Paragraph or caption text: plain runs become text nodes, quotes become
/// `<q>` elements attributed to their speaker.
#[component]
pub fn Runs(runs: Vec<Inline>) -> impl IntoView {
    runs.into_iter()
        .map(|run| match run {
            Inline::Text(t) => t.text.into_any(),
            Inline::Quote(quote) => view! { <QuoteText quote /> }.into_any(),
        })
        .collect_view()
}

/// A direct quote with its share control. `cite` points at the speaker in
/// the people list; the browser adds the quotation marks, so they are not
/// part of the data. The article comes from the page's context
/// ([`crate::pages::ArticlePage`]), which figures and posts do not pass down.
#[component]
fn QuoteText(quote: Quote) -> impl IntoView {
    let article = expect_context::<Arc<Loaded>>();
    let person = quote
        .speaker
        .as_deref()
        .and_then(|id| article.article().person(id));
    // A tooltip is plain text: no direction control may turn it around.
    let title = person.map_or_else(
        || "Speaker not identified".to_string(),
        |p| article::without_bidi_controls(&p.described()).into_owned(),
    );
    // The parts of a quote that runs over several paragraphs are one quote:
    // shared and highlighted by its first part's id.
    let target = Target::Quote(quote.part_of.clone().unwrap_or_else(|| quote.id.clone()));
    view! {
        <QuoteShell
            id=quote.id
            target=target.clone()
            cite=quote.speaker.as_ref().map(|s| format!("#person_{s}"))
            speaker=quote.speaker.unwrap_or_else(|| "unknown".into())
            title
        >
            {quote.text}
        </QuoteShell>
    }
}

/// The quote element, highlighted while a link points at it, and its share
/// control right after it.
#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
fn QuoteShell(
    id: String,
    target: Target,
    cite: Option<String>,
    speaker: String,
    title: String,
    children: Children,
) -> impl IntoView {
    let state = expect_context::<ArticleState>();
    let is_target = {
        let target = target.clone();
        move || state.is_target(&target)
    };
    view! {
        <q id=id class="quote" class:quote--target=is_target cite=cite data-speaker=speaker title=title>
            {children()}
        </q>
        <ShareButton target />
    }
}
