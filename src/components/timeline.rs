use article::index::Target;
use article::timeline::layout;
use leptos::prelude::*;

use super::{ListText, ShareButton, TargetLink};
use crate::state::ArticleState;

/// The events the article is about, in date order. On wide screens each
/// event sits in its party's lane (joint events in the middle); it is always
/// an ordered list to assistive technology. Activating an event shows and
/// highlights the paragraphs that mention it.
#[component]
pub fn Timeline() -> impl IntoView {
    let state = expect_context::<ArticleState>();
    let loaded = state.loaded.clone();
    let article = loaded.article();
    let t = layout(article);
    if t.events.is_empty() {
        return None;
    }
    let lane_name =
        |party: Option<&article::Party>| party.map(|p| p.name.clone()).unwrap_or_default();
    let (left, right) = (lane_name(t.left), lane_name(t.right));
    // The page around is in English; the article's own words keep their
    // language and direction.
    let (lang, dir) = (article.language.clone(), article.direction());

    let events = t
        .events
        .iter()
        .map(|(event, lane)| {
            let target = Target::Event(event.id.clone());
            let parties: Vec<String> = event
                .parties
                .iter()
                .map(|id| {
                    article
                        .party(id)
                        .map_or_else(|| id.clone(), |p| p.name.clone())
                })
                .collect();
            let count = event.paragraphs.len();
            let date = match event.date.date() {
                Some(_) => view! {
                    <time datetime=event.date.value.as_ref().map(|v| v.text().to_string())>
                        {event.date.display()}
                    </time>
                }
                .into_any(),
                None => view! { <span>{event.date.display()}</span> }.into_any(),
            };
            // Dimmed when the filter leaves none of its paragraphs.
            let dimmed = {
                let (visibility, paragraphs) = (state.visibility, event.paragraphs.clone());
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
                    id=event.id.clone()
                    class=format!("timeline-event timeline-event--{}", lane.name())
                    class:timeline-event--dimmed=dimmed
                    class:timeline-event--active=active
                    data-lane=lane.name()
                    tabindex="-1"
                >
                    <p class="timeline-event__date">{date}</p>
                    <h3 class="timeline-event__title" lang=lang.clone() dir=dir>
                        {event.title.clone()}
                    </h3>
                    <p class="timeline-event__parties">
                        <span class="visually-hidden">"Involves: "</span>
                        <ListText items=parties separator=" and " />
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

    Some(view! {
        <section class="timeline" aria-labelledby="timeline_heading">
            <h2 id="timeline_heading">"Timeline"</h2>
            <p class="timeline__lanes" aria-hidden="true">
                <span>{left}</span>
                <span>"Both"</span>
                <span>{right}</span>
            </p>
            <ol class="timeline__events">{events}</ol>
        </section>
    })
}
