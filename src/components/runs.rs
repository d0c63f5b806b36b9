use article::index::Target;
use article::{Inline, Quote};
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
/// part of the data. A quote a link points at is highlighted.
#[component]
fn QuoteText(quote: Quote) -> impl IntoView {
    let state = expect_context::<ArticleState>();
    let person = quote
        .speaker
        .as_deref()
        .and_then(|id| state.loaded.article().person(id));
    // A tooltip is plain text: no direction control may turn it around.
    let attribution = person.map_or_else(
        || "Speaker not identified".to_string(),
        |p| article::without_bidi_controls(&p.described()).into_owned(),
    );
    // The parts of a quote that runs over several paragraphs are one quote:
    // shared and highlighted by its first part's id.
    let target = Target::Quote(quote.part_of.clone().unwrap_or_else(|| quote.id.clone()));
    let is_target = {
        let (state, target) = (state.clone(), target.clone());
        move || state.is_target(&target)
    };
    view! {
        <q
            id=quote.id.clone()
            class="quote"
            class:quote--target=is_target
            cite=quote.speaker.as_ref().map(|s| format!("#person_{s}"))
            data-speaker=quote.speaker.unwrap_or_else(|| "unknown".into())
            title=attribution
        >
            {quote.text}
        </q>
        <ShareButton target />
    }
}
