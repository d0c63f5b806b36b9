use std::sync::Arc;

use article::index::Target;
use article::{plural, Article, Loaded, Quote};
use leptos::prelude::*;

use super::{ShareButton, TargetLink};

/// Every quote, grouped by speaker (quotes with no known speaker last), so a
/// reader can find one without scrolling the whole article: each item is
/// the quote's words, a link to its place, and one share control. A
/// speaker's first [`PER_SPEAKER`] items only: past that the panel would
/// repeat a long interview whole (and give every reader thousands of
/// controls to load); the rest are counted, and each is shared from its
/// paragraph.
#[component]
pub fn QuotesPanel(article: Arc<Loaded>) -> impl IntoView {
    let a = article.article();
    let items = panel_items(a);
    if items.is_empty() {
        return None;
    }
    let (lang, dir) = (a.language.clone(), a.direction());
    let group = |group_id: String, heading: String, speaker: Option<&str>| {
        let theirs: Vec<&PanelItem> = items
            .iter()
            .filter(|i| i.speaker.as_deref() == speaker)
            .collect();
        (!theirs.is_empty()).then(|| {
            let more = theirs.len().saturating_sub(PER_SPEAKER);
            let more = (more > 0).then(|| {
                view! {
                    <p class="quotes-panel__more">
                        {format!(
                            "{more} more {} in the article, each shared from its paragraph.",
                            plural(more, "quote"),
                        )}
                    </p>
                }
            });
            let list = theirs
                .into_iter()
                .take(PER_SPEAKER)
                .map(|item| {
                    let lang = lang.clone();
                    let target = Target::Quote(item.shared.clone());
                    let words = item
                        .words
                        .iter()
                        .enumerate()
                        .map(|(n, w)| view! { {(n > 0).then_some(" … ")} <q>{w.clone()}</q> })
                        .collect_view();
                    view! {
                        <li class="panel-quote">
                            <TargetLink target=target.clone() class="quote-link">
                                <span lang=lang dir=dir>{words}</span>
                            </TargetLink>
                            <ShareButton target />
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class="quotes-panel__speaker" id=group_id tabindex="-1">
                    <h3>{heading}</h3>
                    <ul>{list}</ul>
                    {more}
                </li>
            }
        })
    };
    let mut groups: Vec<_> = a
        .people
        .iter()
        .filter_map(|p| group(format!("quotes_by_{}", p.id), p.name.clone(), Some(&p.id)))
        .collect();
    groups.extend(group(
        "quotes_unattributed".into(),
        "Speaker not identified".into(),
        None,
    ));
    Some(view! {
        <aside class="quotes-panel" aria-labelledby="quotes_heading">
            <h2 id="quotes_heading">"Quotes"</h2>
            <ul class="quotes-panel__list">{groups}</ul>
        </aside>
    })
}

/// How many items the panel lists for one speaker.
const PER_SPEAKER: usize = 20;

/// One item of the panel: what one speaker says in one paragraph. A
/// sentence holding several fragments ("“challenging” but “useful”") is one
/// item, not one per fragment; a quote that runs on into later paragraphs
/// is one item with all its words.
struct PanelItem {
    speaker: Option<String>,
    /// The words of each quote in the item, in order.
    words: Vec<String>,
    /// The quote the item links to and shares: its longest.
    shared: String,
    longest: usize,
}

fn panel_items(a: &Article) -> Vec<PanelItem> {
    let mut items: Vec<PanelItem> = Vec::new();
    let mut last: Option<(&str, Option<&str>)> = None;
    for (block, quote) in a.quotes() {
        if let Some(whole) = &quote.part_of {
            continue_quote(&mut items, whole, quote);
            continue;
        }
        let here = (block, quote.speaker.as_deref());
        match items.last_mut() {
            Some(item) if last == Some(here) => item.add(quote),
            _ => items.push(PanelItem::new(quote)),
        }
        last = Some(here);
    }
    items
}

/// A later part of a quote joins the item its first part is in.
fn continue_quote(items: &mut [PanelItem], whole: &str, part: &Quote) {
    if let Some(item) = items.iter_mut().rev().find(|i| i.shared == whole) {
        if let Some(words) = item.words.last_mut() {
            words.push(' ');
            words.push_str(part.text.trim());
        }
    }
}

impl PanelItem {
    fn new(quote: &Quote) -> Self {
        PanelItem {
            speaker: quote.speaker.clone(),
            words: vec![quote.text.trim().to_string()],
            shared: quote.id.clone(),
            longest: quote.text.len(),
        }
    }

    fn add(&mut self, quote: &Quote) {
        self.words.push(quote.text.trim().to_string());
        if quote.text.len() > self.longest {
            self.longest = quote.text.len();
            self.shared = quote.id.clone();
        }
    }
}
