use std::sync::Arc;

use article::{plural, Loaded};
use leptos::prelude::*;

use super::topic_filter::TopicChoice;
use super::{TableOfContents, TopicFilter};
use crate::state::ArticleState;

/// The article's contents and its topic filter, after the headline and
/// standfirst so the story comes first in reading and tab order. On phones
/// one folded bar (one tab stop) that says how many topics are selected; on
/// wide screens the top of the sidebar, always open (the style sheet).
#[component]
pub fn ArticleTools(article: Arc<Loaded>) -> impl IntoView {
    let a = article.article();
    // Headings and ids only: the sections' blocks stay where they are.
    let contents: Vec<(usize, String, String)> = a
        .sections
        .iter()
        .enumerate()
        .filter_map(|(ordinal, s)| s.heading.clone().map(|h| (ordinal, s.id.clone(), h)))
        .collect();
    let topics = TopicChoice::all(a, expect_context::<ArticleState>().index());
    let label = match (contents.is_empty(), topics.is_empty()) {
        (false, false) => "Contents and topics",
        (false, true) => "Contents",
        (true, false) => "Topics",
        (true, true) => return None,
    };
    Some(view! {
        <ToolsFold
            label=label.to_string()
            contents
            topics
            lang=a.language.clone()
            dir=a.direction().to_string()
        />
    })
}

/// The fold, whose bar counts the selected topics, with the contents list
/// and the topic filter in it (either may be absent).
#[crate::island]
fn ToolsFold(
    label: String,
    contents: Vec<(usize, String, String)>,
    topics: Vec<TopicChoice>,
    lang: String,
    dir: String,
) -> impl IntoView {
    let selected = expect_context::<ArticleState>().selected;
    // Opened from an address with a filter: the reader sees it at once.
    let open = !selected.with_untracked(Vec::is_empty);
    let filtered = move || {
        let n = selected.with(Vec::len);
        (n > 0).then(|| format!(" · {n} {} selected", plural(n, "topic")))
    };
    let contents = (!contents.is_empty()).then(|| {
        view! { <TableOfContents entries=contents lang=lang.clone() dir=dir.clone() /> }
    });
    let topics = (!topics.is_empty()).then(|| view! { <TopicFilter topics lang dir /> });
    view! {
        // The page's own words, in the page's language, whatever the article's.
        <details class="tools" open=open lang="en" dir="ltr">
            <summary class="tools__summary">
                {label}
                <span class="tools__filtered">{filtered}</span>
            </summary>
            {contents}
            {topics}
        </details>
    }
}
