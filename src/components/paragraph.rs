use std::sync::Arc;

use article::index::Target;
use article::{Inline, Loaded, Paragraph};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::section::{hidden_marker, SectionView};
use super::{JumpLink, Runs, ShareButton};
use crate::state::ArticleState;

/// A body paragraph: its text (words only), and beside it one control for
/// what the paragraph offers, its quotes to share and the timeline events
/// that mention it. `at` is its place among its section's paragraphs,
/// whose filter shows or hides it.
#[component]
pub fn ArticleParagraph(
    article: Arc<Loaded>,
    paragraph: Paragraph,
    at: Option<usize>,
) -> impl IntoView {
    let topics = (!paragraph.topics.is_empty()).then(|| paragraph.topics.join(" "));
    let offers = ParagraphOffers::of(&article, &paragraph);
    view! {
        <ParagraphShell id=paragraph.id at topics offers>
            <Runs runs=paragraph.runs />
        </ParagraphShell>
    }
}

/// What a paragraph's control offers: its quotes (a quote continued from an
/// earlier paragraph shared whole, by its first part's id) and the
/// timeline events that mention it, with the words each item shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ParagraphOffers {
    /// Quote ids.
    quotes: Vec<String>,
    /// (event id, "Timeline: its title, its date").
    events: Vec<(String, String)>,
}

impl ParagraphOffers {
    fn of(article: &Loaded, paragraph: &Paragraph) -> Self {
        let a = article.article();
        let mut quotes: Vec<String> = Vec::new();
        for run in &paragraph.runs {
            if let Inline::Quote(q) = run {
                let whole = q.part_of.as_ref().unwrap_or(&q.id);
                if !quotes.contains(whole) {
                    quotes.push(whole.clone());
                }
            }
        }
        let events = a
            .timeline
            .iter()
            .filter(|e| e.paragraphs.contains(&paragraph.id))
            .map(|event| {
                let label = format!(
                    "Timeline: {}, {}",
                    article::without_bidi_controls(&event.title),
                    event.date.display()
                );
                (event.id.clone(), label)
            })
            .collect();
        ParagraphOffers { quotes, events }
    }

    fn is_empty(&self) -> bool {
        self.quotes.is_empty() && self.events.is_empty()
    }

    /// The control's words: what it opens.
    fn words(&self) -> &'static str {
        match (self.quotes.len(), self.events.is_empty()) {
            (0, _) => "Timeline",
            (1, true) => "Share quote",
            (_, true) => "Share quotes",
            (1, false) => "Share quote · Timeline",
            (_, false) => "Share quotes · Timeline",
        }
    }
}

/// The paragraph element, hidden when its section's filter says so (with
/// the marker of a hidden run before it where one starts), highlighted while
/// a timeline event that mentions it is shown; then its control, outside
/// the text.
#[crate::island]
fn ParagraphShell(
    id: String,
    at: Option<usize>,
    topics: Option<String>,
    offers: ParagraphOffers,
    children: Children,
) -> impl IntoView {
    let state = expect_context::<ArticleState>();
    let events = state.index().events_of(&id).to_vec();
    let section = at.and_then(|at| Some((use_context::<SectionView>()?, at)));
    let shown = section.as_ref().map(|(s, at)| s.shown[*at]);
    let marker = section.map(|(s, at)| hidden_marker(s, at));
    let hidden = move || shown.is_some_and(|s| !s.get());
    let in_active_event = {
        let events = events.clone();
        let target = state.target;
        move || target.with(|t| matches!(t, Some(Target::Event(e)) if events.contains(e)))
    };
    let paragraph = view! {
        <p
            id=id
            class="story-paragraph"
            class:story-paragraph--event=in_active_event
            data-topics=topics
            data-events=(!events.is_empty()).then(|| events.join(" "))
            hidden=hidden
        >
            {children()}
        </p>
    };
    if offers.is_empty() {
        return view! { {marker} {paragraph} }.into_any();
    }
    view! {
        {marker}
        <div class="para">{paragraph} <OffersMenu offers hidden /></div>
    }
    .into_any()
}

/// The paragraph's one control: a disclosure in the margin (below the
/// paragraph on a narrow screen) that lists a share button per quote and a
/// link per timeline event. Escape closes it and returns to its toggle.
#[component]
fn OffersMenu(
    offers: ParagraphOffers,
    hidden: impl Fn() -> bool + Send + 'static,
) -> impl IntoView {
    let details = NodeRef::<leptos::html::Details>::new();
    let close_on_escape = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() != "Escape" {
            return;
        }
        if let Some(details) = details.get() {
            crate::glue::close_disclosure(&details);
        }
    };
    let has_quotes = !offers.quotes.is_empty();
    let has_events = !offers.events.is_empty();
    let words = offers.words();
    view! {
        <details class="para-tools" node_ref=details hidden=hidden on:keydown=close_on_escape>
            <summary class="para-tools__toggle">
                {has_quotes.then(|| view! { <span class="icon icon--quote" aria-hidden="true"></span> })}
                {has_events.then(|| view! { <span class="icon icon--clock" aria-hidden="true"></span> })}
                <span class="para-tools__words">{words}</span>
            </summary>
            <ul class="para-tools__menu">
                {offers
                    .quotes
                    .into_iter()
                    .map(|id| view! { <li><ShareButton target=Target::Quote(id) spelled_out=true /></li> })
                    .collect_view()}
                {offers
                    .events
                    .into_iter()
                    .map(|(to, label)| {
                        view! {
                            <li>
                                <JumpLink to class="event-marker" label=None>
                                    <span class="icon icon--clock" aria-hidden="true"></span>
                                    <span>{label}</span>
                                </JumpLink>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </details>
    }
}
