use article::{Inline, Quote};
use leptos::prelude::*;

use crate::pages::ArticleContext;

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

/// A direct quote. `cite` points at the speaker in the people list; the
/// browser adds the quotation marks, so they are not part of the data.
#[component]
fn QuoteText(quote: Quote) -> impl IntoView {
    let attribution = use_context::<ArticleContext>().and_then(|ctx| {
        ctx.0
            .article
            .person(&quote.speaker)
            .map(|p| format!("{}, {}", p.name, p.role))
    });
    view! {
        <q
            id=quote.id
            class="quote"
            cite=format!("#person_{}", quote.speaker)
            data-speaker=quote.speaker
            title=attribution
        >
            {quote.text}
        </q>
    }
}
