use article::Paragraph;
use leptos::prelude::*;

use super::Runs;
use crate::state::ArticleState;

/// A body paragraph, shown or hidden by the topic filter.
#[component]
pub fn ArticleParagraph(paragraph: Paragraph) -> impl IntoView {
    let visibility = expect_context::<ArticleState>().visibility;
    let topics = (!paragraph.topics.is_empty()).then(|| paragraph.topics.join(" "));
    let id = paragraph.id.clone();
    view! {
        <p
            id=paragraph.id
            class="story-paragraph"
            data-topics=topics
            hidden=move || !visibility.with(|v| v.shows_paragraph(&id))
        >
            <Runs runs=paragraph.runs />
        </p>
    }
}
