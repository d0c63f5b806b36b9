use article::index::Target;
use article::Paragraph;
use leptos::prelude::*;

use super::Runs;
use crate::glue;
use crate::state::ArticleState;

/// A body paragraph, shown or hidden by the topic filter, highlighted when
/// a timeline event it mentions is active, with a marker back to each such
/// event.
/// `shown` is the filter's say, kept by the section.
#[component]
pub fn ArticleParagraph(paragraph: Paragraph, shown: RwSignal<bool>) -> impl IntoView {
    let state = expect_context::<ArticleState>();
    let topics = (!paragraph.topics.is_empty()).then(|| paragraph.topics.join(" "));
    let events: Vec<String> = state.index.events_of(&paragraph.id).to_vec();
    let in_active_event = {
        let events = events.clone();
        let target = state.target;
        move || target.with(|t| matches!(t, Some(Target::Event(e)) if events.contains(e)))
    };
    let markers = events
        .iter()
        .filter_map(|id| state.loaded.article().timeline.iter().find(|e| &e.id == id))
        .map(|event| {
            let label = format!(
                "Timeline: {}, {}",
                article::without_bidi_controls(&event.title),
                event.date.display()
            );
            let id = event.id.clone();
            view! {
                <a
                    class="event-marker"
                    href=format!("#{}", event.id)
                    aria-label=label.clone()
                    title=label
                    on:click=move |ev| {
                        ev.prevent_default();
                        glue::bring_into_view(&id);
                    }
                >
                    <span class="icon icon--clock" aria-hidden="true"></span>
                </a>
            }
        })
        .collect_view();
    view! {
        <p
            id=paragraph.id
            class="story-paragraph"
            class:story-paragraph--event=in_active_event
            data-topics=topics
            data-events=(!events.is_empty()).then(|| events.join(" "))
            hidden=move || !shown.get()
        >
            <Runs runs=paragraph.runs />
            {markers}
        </p>
    }
}
