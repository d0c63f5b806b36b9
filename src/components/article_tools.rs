use std::sync::Arc;

use article::{plural, Loaded};
use leptos::prelude::*;

use super::{TableOfContents, TopicFilter};
use crate::state::ArticleState;

/// The article's contents and its topic filter, after the headline and
/// standfirst so the story comes first in reading and tab order. On phones
/// one folded bar (one tab stop) that says how many topics are selected; on
/// wide screens the top of the sidebar, always open (the style sheet).
#[component]
pub fn ArticleTools(article: Arc<Loaded>) -> impl IntoView {
    let a = article.article();
    let has_contents = a.sections.iter().any(|s| s.heading.is_some());
    let has_topics = !a.topics.is_empty();
    let label = match (has_contents, has_topics) {
        (true, true) => "Contents and topics",
        (true, false) => "Contents",
        (false, true) => "Topics",
        (false, false) => return None,
    };
    Some(view! {
        <ToolsFold label=label.to_string()>
            <TableOfContents article=article.clone() />
            <TopicFilter article=article.clone() />
        </ToolsFold>
    })
}

/// The fold itself, whose bar counts the selected topics.
#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
fn ToolsFold(label: String, children: Children) -> impl IntoView {
    let selected = expect_context::<ArticleState>().selected;
    // Opened from an address with a filter: the reader sees it at once.
    let open = !selected.with_untracked(Vec::is_empty);
    let filtered = move || {
        let n = selected.with(Vec::len);
        (n > 0).then(|| format!(" · {n} {} selected", plural(n, "topic")))
    };
    view! {
        // The page's own words, in the page's language, whatever the article's.
        <details class="tools" open=open lang="en" dir="ltr">
            <summary class="tools__summary">
                {label}
                <span class="tools__filtered">{filtered}</span>
            </summary>
            {children()}
        </details>
    }
}
