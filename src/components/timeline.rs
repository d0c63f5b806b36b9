use std::sync::Arc;

use article::index::Target;
use article::timeline::layout;
use article::Loaded;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{ListText, ShareButton, TargetLink};
use crate::state::ArticleState;

/// One event as the timeline shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    id: String,
    /// `left`, `joint` or `right`.
    lane: String,
    title: String,
    /// As shown, and the machine-readable date where there is one.
    date: String,
    datetime: Option<String>,
    parties: Vec<String>,
}

/// The events the article is about, in date order; absent without any.
#[component]
pub fn Timeline(article: Arc<Loaded>) -> impl IntoView {
    let a = article.article();
    let t = layout(a);
    if t.events.is_empty() {
        return None;
    }
    let lane_name =
        |party: Option<&article::Party>| party.map(|p| p.name.clone()).unwrap_or_default();
    let lanes = (lane_name(t.left), lane_name(t.right));
    let events = t
        .events
        .iter()
        .map(|(event, lane)| TimelineEntry {
            id: event.id.clone(),
            lane: lane.name().to_string(),
            title: event.title.clone(),
            date: event.date.display(),
            datetime: event
                .date
                .date()
                .and(event.date.value.as_ref())
                .map(|v| v.text().to_string()),
            parties: event
                .parties
                .iter()
                .map(|id| a.party(id).map_or_else(|| id.clone(), |p| p.name.clone()))
                .collect(),
        })
        .collect();
    // The page around is in English; the article's own words keep their
    // language and direction.
    Some(view! {
        <TimelineEvents events lanes lang=a.language.clone() dir=a.direction().to_string() />
    })
}

/// The timeline itself. On wide screens each event sits in its party's
/// lane (joint events in the middle); it is always an ordered list to
/// assistive technology. Activating an event shows and highlights the
/// paragraphs that mention it.
#[crate::island]
fn TimelineEvents(
    events: Vec<TimelineEntry>,
    lanes: (String, String),
    lang: String,
    dir: String,
) -> impl IntoView {
    let state = expect_context::<ArticleState>();
    let events = events
        .into_iter()
        .map(|event| {
            let target = Target::Event(event.id.clone());
            // Its paragraphs from the page's facts, which have them already.
            let paragraphs = state.index().blocks_of(&target);
            let count = paragraphs.len();
            let date = match event.datetime {
                Some(datetime) => view! { <time datetime=datetime>{event.date}</time> }.into_any(),
                None => view! { <span>{event.date}</span> }.into_any(),
            };
            // Dimmed when the filter leaves none of its paragraphs.
            let dimmed = {
                let visibility = state.visibility;
                Memo::new(move |_| {
                    visibility.with(|v| {
                        v.is_filtered() && !paragraphs.iter().any(|p| v.shows_paragraph(p))
                    })
                })
            };
            let active = {
                let (state, target) = (state.clone(), target.clone());
                move || state.is_target(&target)
            };
            view! {
                <li
                    id=event.id
                    class=format!("timeline-event timeline-event--{}", event.lane)
                    class:timeline-event--dimmed=dimmed
                    class:timeline-event--active=active
                    data-lane=event.lane
                    tabindex="-1"
                >
                    <p class="timeline-event__date">{date}</p>
                    <h3 class="timeline-event__title" lang=lang.clone() dir=dir.clone()>
                        {event.title}
                    </h3>
                    <p class="timeline-event__parties">
                        <span class="visually-hidden">"Involves: "</span>
                        <ListText items=event.parties separator=" and " />
                    </p>
                    <p class="timeline-event__actions">
                        <TargetLink target=target.clone() class="timeline-event__show">
                            "Show in the article"
                            <span class="visually-hidden">
                                {format!(" ({count} {})", article::plural(count, "paragraph"))}
                            </span>
                        </TargetLink>
                        <ShareButton target />
                    </p>
                    <p class="timeline-event__filtered" hidden=move || !dimmed.get()>
                        "Not in the text the filter shows"
                    </p>
                </li>
            }
        })
        .collect_view();

    view! {
        <section class="timeline" aria-labelledby="timeline_heading">
            <h2 id="timeline_heading">"Timeline"</h2>
            <p class="timeline__lanes" aria-hidden="true">
                <span>{lanes.0}</span>
                <span>"Both"</span>
                <span>{lanes.1}</span>
            </p>
            <ol class="timeline__events">{events}</ol>
        </section>
    }
}
