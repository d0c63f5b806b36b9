use article::{Block, Section};
use leptos::prelude::*;

use super::{ArticleParagraph, ImageFigure, MediaFigure, SocialPost, UnsupportedBlock};
use crate::state::ArticleState;

/// A body section: optional subheading, then its blocks in order. Hidden
/// when a topic filter leaves none of its paragraphs. An analysis box is set
/// apart and says whose analysis it is.
#[component]
pub fn ArticleSection(ordinal: usize, section: Section) -> impl IntoView {
    let visibility = expect_context::<ArticleState>().visibility;
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
            {section.blocks.into_iter().map(render_block).collect_view()}
        </section>
    }
}

/// The one place that maps a block type to its component.
fn render_block(block: Block) -> AnyView {
    match block {
        Block::Paragraph(paragraph) => view! { <ArticleParagraph paragraph /> }.into_any(),
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
