use std::sync::Arc;

use article::{plural, Block, Section};
use leptos::prelude::*;

use super::{ArticleParagraph, ImageFigure, MediaFigure, SocialPost, UnsupportedBlock};
use crate::context::Announcer;
use crate::glue;
use crate::state::ArticleState;

/// A body section: optional subheading, then its blocks in order. Hidden
/// when a topic filter leaves none of its paragraphs. An analysis box is set
/// apart and says whose analysis it is.
#[component]
pub fn ArticleSection(ordinal: usize, section: Section) -> impl IntoView {
    let state = expect_context::<ArticleState>();
    let visibility = state.visibility;
    // The section's paragraphs in order, each shown or hidden by the
    // filter; where it hides a run of them, a marker before the run says so
    // and shows them in place. Each paragraph and marker has its own
    // signal, and one effect per section sets only those that changed: a
    // filter change then touches the paragraphs it changes, not every one.
    let paragraphs = Arc::new(section.paragraph_ids());
    let shown: Arc<Vec<RwSignal<bool>>> = Arc::new(
        paragraphs
            .iter()
            .map(|id| RwSignal::new(visibility.with_untracked(|v| v.shows_paragraph(id))))
            .collect(),
    );
    let counts: Arc<Vec<RwSignal<Option<usize>>>> =
        Arc::new(paragraphs.iter().map(|_| RwSignal::new(None)).collect());
    let first_runs = visibility.with_untracked(|v| v.hidden_runs(&paragraphs));
    for &(start, n) in &first_runs {
        counts[start].set(Some(n));
    }
    {
        let (paragraphs, shown, counts) = (paragraphs.clone(), shown.clone(), counts.clone());
        let runs = StoredValue::new(first_runs);
        Effect::new(move |_| {
            let now = visibility.with(|v| {
                for (id, shown) in paragraphs.iter().zip(shown.iter()) {
                    let is = v.shows_paragraph(id);
                    if shown.get_untracked() != is {
                        shown.set(is);
                    }
                }
                v.hidden_runs(&paragraphs)
            });
            runs.update_value(|before| {
                for &(start, n) in before.iter() {
                    if now.binary_search(&(start, n)).is_err() {
                        counts[start].set(None);
                    }
                }
                for &(start, n) in &now {
                    if before.binary_search(&(start, n)).is_err() {
                        counts[start].set(Some(n));
                    }
                }
                *before = now;
            });
        });
    }
    let heading_id = format!("{}_heading", section.id);
    let labelled_by = section.heading.as_ref().map(|_| heading_id.clone());
    let class = if section.analysis.is_some() {
        "story-section analysis"
    } else {
        "story-section"
    };
    let analysis = section.analysis.map(|a| {
        view! {
            <p class="analysis__label">"Analysis"</p>
            {a.byline.map(|b| view! { <p class="analysis__byline">"By " {b}</p> })}
        }
    });
    view! {
        <section
            id=section.id.clone()
            class=class
            aria-labelledby=labelled_by
            hidden=move || !visibility.with(|v| v.shows_section(ordinal))
        >
            {section.heading.clone().map(|h| view! { <h2 id=heading_id>{h}</h2> })}
            {analysis}
            {section
                .blocks
                .into_iter()
                .scan(0, |next, block| {
                    let Block::Paragraph(paragraph) = block else {
                        return Some(render_block(block));
                    };
                    let at = *next;
                    *next += 1;
                    Some(view! {
                        <HiddenMarker paragraphs=paragraphs.clone() at count=counts[at] />
                        <ArticleParagraph paragraph shown=shown[at] />
                    }.into_any())
                })
                .collect_view()}
        </section>
    }
}

/// Before the first of a run of paragraphs the filter hides: "2 paragraphs
/// hidden: show", which shows them in place and moves focus to the first.
/// `count` is the run's length where one starts here.
#[component]
fn HiddenMarker(
    paragraphs: Arc<Vec<String>>,
    at: usize,
    count: RwSignal<Option<usize>>,
) -> impl IntoView {
    let state = expect_context::<ArticleState>();
    let announcer = expect_context::<Announcer>();
    move || {
        count.get().map(|n| {
            let ids = paragraphs[at..at + n].to_vec();
            let show = {
                let state = state.clone();
                move |_| {
                    state.reveal(&ids);
                    announcer.say(format!("{n} {} shown", plural(n, "paragraph")));
                    let first = ids[0].clone();
                    request_animation_frame(move || {
                        glue::bring_into_view(&first);
                    });
                }
            };
            view! {
                <p class="hidden-marker">
                    <button type="button" on:click=show>
                        {format!("{n} {} hidden: show", plural(n, "paragraph"))}
                    </button>
                </p>
            }
        })
    }
}

/// The one place that maps a block type to its component (paragraphs,
/// which the section shows and hides, are drawn by the section).
fn render_block(block: Block) -> AnyView {
    match block {
        Block::Paragraph(paragraph) => {
            view! { <ArticleParagraph paragraph shown=RwSignal::new(true) /> }.into_any()
        }
        Block::Media(media) => view! { <MediaFigure media /> }.into_any(),
        Block::Image(image) => view! { <ImageFigure image /> }.into_any(),
        Block::Embed(embed) => view! { <SocialPost embed /> }.into_any(),
        Block::Unsupported(raw) => {
            let kind = raw
                .get("type")
                .and_then(|t| t.as_str())
                .unwrap_or("unknown")
                .to_string();
            view! { <UnsupportedBlock kind /> }.into_any()
        }
    }
}
