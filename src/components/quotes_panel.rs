use std::sync::Arc;

use article::index::Target;
use article::{Loaded, Quote};
use leptos::prelude::*;

use super::{ShareButton, TargetLink};

/// Every quote, grouped by speaker (quotes with no known speaker last), so a
/// reader can find one without scrolling the whole article; each goes to
/// its place or is shared.
#[component]
pub fn QuotesPanel(article: Arc<Loaded>) -> impl IntoView {
    let a = article.article();
    let quotes: Vec<&Quote> = a.quotes().map(|(_, q)| q).collect();
    if quotes.is_empty() {
        return None;
    }
    let (lang, dir) = (a.language.clone(), a.direction());
    let group = |group_id: String, heading: String, theirs: Vec<&Quote>| {
        (!theirs.is_empty()).then(|| {
            let items = theirs
                .into_iter()
                .map(|q| {
                    let (target, text) = (Target::Quote(q.id.clone()), q.text.clone());
                    let lang = lang.clone();
                    view! {
                        <li>
                            <TargetLink target=target.clone() class="quote-link">
                                <q lang=lang.clone() dir=dir>{text}</q>
                            </TargetLink>
                            <ShareButton target />
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class="quotes-panel__speaker" id=group_id tabindex="-1">
                    <h3>{heading}</h3>
                    <ul>{items}</ul>
                </li>
            }
        })
    };
    let by = |speaker: Option<&str>| -> Vec<&Quote> {
        quotes
            .iter()
            .copied()
            .filter(|q| q.speaker.as_deref() == speaker)
            .collect()
    };
    let mut groups: Vec<_> = a
        .people
        .iter()
        .filter_map(|p| {
            group(
                format!("quotes_by_{}", p.id),
                p.name.clone(),
                by(Some(&p.id)),
            )
        })
        .collect();
    groups.extend(group(
        "quotes_unattributed".into(),
        "Speaker not identified".into(),
        by(None),
    ));
    Some(view! {
        <aside class="quotes-panel" aria-labelledby="quotes_heading">
            <h2 id="quotes_heading">"Quotes"</h2>
            <ul class="quotes-panel__list">{groups}</ul>
        </aside>
    })
}
