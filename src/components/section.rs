use std::sync::Arc;

use article::{plural, Block, Loaded, Section};
use leptos::prelude::*;

use super::{ArticleParagraph, ImageFigure, MediaFigure, SocialPost, UnsupportedBlock};
use crate::context::Announcer;
use crate::glue;
use crate::state::ArticleState;

/// A body section: optional subheading, then its blocks in order. Hidden
/// when a topic filter leaves none of its paragraphs. An analysis box is set
/// apart and says whose analysis it is.
#[component]
pub fn ArticleSection(article: Arc<Loaded>, ordinal: usize, section: Section) -> impl IntoView {
    let heading_id = crate::ids::section_heading(&section.id);
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
    let heading = section
        .heading
        .map(|h| view! { <h2 id=heading_id>{h}</h2> });
    let blocks = section.blocks;
    // Built inside the shell: its markers and paragraphs read its signals.
    view! {
        <SectionShell
            ordinal
            id=section.id
            class=class.to_string()
            labelled_by
        >
            {heading}
            {analysis}
            {blocks
                .into_iter()
                .scan(0, |next, block| {
                    let Block::Paragraph(paragraph) = block else {
                        return Some(render_block(&article, block));
                    };
                    let at = *next;
                    *next += 1;
                    Some(
                        view! { <ArticleParagraph article=article.clone() paragraph at=Some(at) /> }
                            .into_any(),
                    )
                })
                .collect_view()}
        </SectionShell>
    }
}

/// What a section's paragraphs and markers read: the filter's say on each
/// paragraph, and the length of a hidden run where one starts.
#[derive(Clone)]
pub struct SectionView {
    paragraphs: Arc<Vec<String>>,
    pub shown: Arc<Vec<RwSignal<bool>>>,
    counts: Arc<Vec<RwSignal<Option<usize>>>>,
}

/// The section element, shown or hidden by the filter. Each of its
/// paragraphs and markers has its own signal, and one effect per section
/// sets only those that changed: a filter change then touches the
/// paragraphs it changes, not every one.
#[crate::island]
fn SectionShell(
    ordinal: usize,
    id: String,
    class: String,
    labelled_by: Option<String>,
    children: Children,
) -> impl IntoView {
    let state = expect_context::<ArticleState>();
    let visibility = state.visibility;
    // From the page's facts, which have them already: not props again.
    let paragraphs = Arc::new(state.index().section_paragraphs(ordinal));
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
    provide_context(SectionView {
        paragraphs,
        shown,
        counts,
    });
    view! {
        <section
            id=id
            class=class
            aria-labelledby=labelled_by
            hidden=move || !visibility.with(|v| v.shows_section(ordinal))
        >
            {children()}
        </section>
    }
}

/// Before the first of a run of paragraphs the filter hides: "2 paragraphs
/// hidden: show", which shows them in place and moves focus to the first.
/// `at` is the paragraph's place in its section; drawn by the paragraph.
pub fn hidden_marker(section: SectionView, at: usize) -> impl IntoView {
    let state = expect_context::<ArticleState>();
    let announcer = expect_context::<Announcer>();
    let count = section.counts[at];
    move || {
        count.get().map(|n| {
            let ids = section.paragraphs[at..at + n].to_vec();
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

/// Whether the image `id` is the article's lead: the first picture among
/// the first blocks of its first section, in the reader's first view.
fn is_lead(article: &Loaded, id: &str) -> bool {
    let first = article.article().sections.first().and_then(|s| {
        s.blocks.iter().take(3).find_map(|b| match b {
            Block::Image(i) => Some(i.id.as_str()),
            _ => None,
        })
    });
    first == Some(id)
}

/// The one place that maps a block type to its component (paragraphs,
/// which the section shows and hides, are drawn by the section).
fn render_block(article: &Arc<Loaded>, block: Block) -> AnyView {
    match block {
        Block::Paragraph(paragraph) => {
            view! { <ArticleParagraph article=article.clone() paragraph at=None /> }.into_any()
        }
        Block::Media(media) => view! { <MediaFigure media /> }.into_any(),
        Block::Image(image) => {
            let lead = is_lead(article, &image.id);
            view! { <ImageFigure image lead /> }.into_any()
        }
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
