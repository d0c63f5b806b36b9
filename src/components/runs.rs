use article::index::Target;
use article::{Inline, Quote};
use leptos::prelude::*;

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

/// A direct quote: words only (its paragraph's control shares it). `cite` points at the speaker in
/// the people list; the browser adds the quotation marks, so they are not
/// part of the data.
#[component]
fn QuoteText(quote: Quote) -> impl IntoView {
    // The parts of a quote that runs over several paragraphs are one quote:
    // shared and highlighted by its first part's id.
    let whole = quote.part_of.clone().unwrap_or_else(|| quote.id.clone());
    view! { <QuoteShell id=quote.id whole>{quote.text}</QuoteShell> }
}

/// The quote element, highlighted while a link points at it. Who said it
/// comes from the page's facts. Not an island: an article may hold ten
/// thousand quotes, and one page-level effect moves the highlight on a
/// pre-rendered page (`ArticleView`, through `glue::highlight_quote`); on
/// the client-side path the class below follows the target itself.
#[component]
fn QuoteShell(id: String, whole: String, children: Children) -> impl IntoView {
    let state = expect_context::<ArticleState>();
    let speaker = state.index().speaker_of(&id).map(str::to_string);
    let title = state.facts.speaker_title(speaker.as_deref()).to_string();
    let cite = speaker
        .as_ref()
        .map(|s| format!("#{}", crate::ids::person(s)));
    // Later parts name their first, so the page's effect finds them all.
    let part_of = (whole != id).then(|| whole.clone());
    let target = Target::Quote(whole);
    let is_target = {
        let target = target.clone();
        move || state.is_target(&target)
    };
    view! {
        <q
            id=id
            class="quote"
            class:quote--target=is_target
            cite=cite
            data-speaker=speaker.unwrap_or_else(|| "unknown".into())
            data-part-of=part_of
            title=title
        >
            {children()}
        </q>
    }
}
