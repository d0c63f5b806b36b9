use article::filter::Target;
use article::{Block, Inline};
use leptos::prelude::*;

use super::{ShareButton, TargetLink};
use crate::state::ArticleState;

/// Every quote, grouped by speaker, so a reader can find one without
/// scrolling the whole article; each goes to its place or is shared.
#[component]
pub fn QuotesPanel() -> impl IntoView {
    let state = expect_context::<ArticleState>();
    let a = &state.loaded.article;
    let quotes: Vec<_> = a
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .flat_map(|b| match b {
            Block::Paragraph(p) => p.runs.as_slice(),
            Block::Media(m) => m.caption.as_slice(),
            Block::Image(i) => i.caption.as_slice(),
            Block::Unsupported(_) => &[],
        })
        .filter_map(|r| match r {
            Inline::Quote(q) => Some(q.clone()),
            Inline::Text(_) => None,
        })
        .collect();
    if quotes.is_empty() {
        return None;
    }
    let groups = a
        .people
        .iter()
        .filter_map(|person| {
            let theirs: Vec<_> = quotes
                .iter()
                .filter(|q| q.speaker == person.id)
                .cloned()
                .collect();
            (!theirs.is_empty()).then(|| {
                let items = theirs
                    .into_iter()
                    .map(|q| {
                        let target = Target::Quote(q.id.clone());
                        view! {
                            <li>
                                <TargetLink target=target.clone() class="quote-link">
                                    <q>{q.text}</q>
                                </TargetLink>
                                <ShareButton target />
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <li class="quotes-panel__speaker" id=format!("quotes_by_{}", person.id) tabindex="-1">
                        <h3>{person.name.clone()}</h3>
                        <ul>{items}</ul>
                    </li>
                }
            })
        })
        .collect_view();
    Some(view! {
        <aside class="quotes-panel" aria-labelledby="quotes_heading">
            <h2 id="quotes_heading">"Quotes"</h2>
            <ul class="quotes-panel__list">{groups}</ul>
        </aside>
    })
}
