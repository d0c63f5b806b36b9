use article::Paragraph;
use leptos::prelude::*;

use super::Runs;

/// A body paragraph; its topics ride along for the topic filter.
#[component]
pub fn ArticleParagraph(paragraph: Paragraph) -> impl IntoView {
    let topics = (!paragraph.topics.is_empty()).then(|| paragraph.topics.join(" "));
    view! {
        <p id=paragraph.id class="story-paragraph" data-topics=topics>
            <Runs runs=paragraph.runs />
        </p>
    }
}
