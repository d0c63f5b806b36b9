use std::sync::Arc;

use article::index::Target;
use article::{Loaded, Paragraph};
use leptos::prelude::*;

use super::section::{hidden_marker, SectionView};
use super::{JumpLink, Runs};
use crate::state::ArticleState;

/// A body paragraph, with a marker back to each timeline event that
/// mentions it. `at` is its place among its section's paragraphs, whose
/// filter shows or hides it.
#[component]
pub fn ArticleParagraph(
    article: Arc<Loaded>,
    paragraph: Paragraph,
    at: Option<usize>,
) -> impl IntoView {
    let state = expect_context::<ArticleState>();
    let topics = (!paragraph.topics.is_empty()).then(|| paragraph.topics.join(" "));
    let events: Vec<String> = state.index().events_of(&paragraph.id).to_vec();
    // (event id, the marker's name); drawn inside the shell, like the runs.
    let markers: Vec<(String, String)> = events
        .iter()
        .filter_map(|id| article.article().timeline.iter().find(|e| &e.id == id))
        .map(|event| {
            let label = format!(
                "Timeline: {}, {}",
                article::without_bidi_controls(&event.title),
                event.date.display()
            );
            (event.id.clone(), label)
        })
        .collect();
    view! {
        <ParagraphShell id=paragraph.id at topics>
            <Runs runs=paragraph.runs />
            {markers
                .into_iter()
                .map(|(to, label)| {
                    view! {
                        <JumpLink to class="event-marker" label=Some(label)>
                            <span class="icon icon--clock" aria-hidden="true"></span>
                        </JumpLink>
                    }
                })
                .collect_view()}
        </ParagraphShell>
    }
}

/// The paragraph element: hidden when its section's filter says so (with
/// the marker of a hidden run before it where one starts), highlighted while
/// a timeline event that mentions it is shown.
#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
fn ParagraphShell(
    id: String,
    at: Option<usize>,
    topics: Option<String>,
    children: Children,
) -> impl IntoView {
    let state = expect_context::<ArticleState>();
    let events = state.index().events_of(&id).to_vec();
    let section = at.and_then(|at| Some((use_context::<SectionView>()?, at)));
    let shown = section.as_ref().map(|(s, at)| s.shown[*at]);
    let marker = section.map(|(s, at)| hidden_marker(s, at));
    let in_active_event = {
        let events = events.clone();
        let target = state.target;
        move || target.with(|t| matches!(t, Some(Target::Event(e)) if events.contains(e)))
    };
    view! {
        {marker}
        <p
            id=id
            class="story-paragraph"
            class:story-paragraph--event=in_active_event
            data-topics=topics
            data-events=(!events.is_empty()).then(|| events.join(" "))
            hidden=move || shown.is_some_and(|s| !s.get())
        >
            {children()}
        </p>
    }
}
