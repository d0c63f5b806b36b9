use article::index::ArticleIndex;
use article::Article;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::state::ArticleState;

/// One topic as its toggle shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicChoice {
    id: String,
    label: String,
    /// Paragraphs tagged with it.
    count: usize,
}

impl TopicChoice {
    /// The article's topics, in its order, with their counts.
    pub fn all(a: &Article, index: &ArticleIndex) -> Vec<TopicChoice> {
        a.topics
            .iter()
            .map(|t| TopicChoice {
                id: t.id.clone(),
                label: t.label.clone(),
                count: index.count(&t.id),
            })
            .collect()
    }
}

/// Toggle buttons, one per topic with its paragraph count, a way back to the
/// whole article, and a summary of what is shown (announced politely).
#[component]
pub fn TopicFilter(topics: Vec<TopicChoice>, lang: String, dir: String) -> impl IntoView {
    let state = expect_context::<ArticleState>();
    let total = state.index().paragraph_count();
    let selected = state.selected;
    let visibility = state.visibility;
    let labels: Vec<(String, String)> = topics
        .iter()
        .map(|t| (t.id.clone(), t.label.clone()))
        .collect();

    let buttons = topics
        .into_iter()
        .map(|topic| {
            let count = topic.count;
            let pressed = {
                let id = topic.id.clone();
                Memo::new(move |_| selected.with(|s| s.contains(&id)))
            };
            let toggle = {
                let state = state.clone();
                let id = topic.id.clone();
                move |_| state.toggle(&id)
            };
            view! {
                <li>
                    <button
                        type="button"
                        class="topic-toggle"
                        data-topic=topic.id
                        aria-pressed=move || if pressed.get() { "true" } else { "false" }
                        on:click=toggle
                    >
                        <span class="topic-toggle__label" lang=lang.clone() dir=dir.clone()>
                            {topic.label}
                        </span>
                        " "
                        <span class="topic-toggle__count">
                            {count}
                            <span class="visually-hidden">
                                {format!(" {}", article::plural(count, "paragraph"))}
                            </span>
                        </span>
                    </button>
                </li>
            }
        })
        .collect_view();

    let summary_text =
        move || selected.with(|s| summary(&labels, s, visibility.with(|v| v.matching), total));
    let clear = {
        let state = state.clone();
        move |_| state.clear()
    };
    let nothing = move || visibility.with(|v| v.is_filtered() && v.matching == 0);

    view! {
        <section class="topic-filter" aria-labelledby="filter_heading">
            <h2 id="filter_heading">"Filter by topic"</h2>
            <ul class="topic-filter__list">{buttons}</ul>
            <div class="topic-filter__status">
                <p class="topic-filter__summary" role="status" aria-live="polite">
                    {summary_text}
                    {move || nothing().then_some(". Nothing in this article matches.")}
                </p>
                <button
                    type="button"
                    class="topic-filter__clear"
                    on:click=clear
                    hidden=move || selected.with(Vec::is_empty)
                >
                    "Show the whole article"
                </button>
            </div>
        </section>
    }
}

/// "7 of 20 paragraphs, about Syria or Snowden"; "All 20 paragraphs".
/// `topics` are (id, label) in the article's order.
fn summary(
    topics: &[(String, String)],
    selected: &[String],
    matching: usize,
    total: usize,
) -> String {
    if selected.is_empty() {
        return format!("All {total} paragraphs");
    }
    let labels: Vec<&str> = topics
        .iter()
        .filter(|(id, _)| selected.contains(id))
        .map(|(_, label)| label.as_str())
        .collect();
    let about = match labels.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    };
    format!(
        "{matching} of {total} {}, about {about}",
        article::plural(total, "paragraph")
    )
}

#[cfg(test)]
mod tests {
    use super::summary;

    #[test]
    fn summary_says_what_is_shown() {
        let a = crate::seed_article();
        let a: Vec<(String, String)> = a.topics.into_iter().map(|t| (t.id, t.label)).collect();
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(summary(&a, &[], 20, 20), "All 20 paragraphs");
        assert_eq!(
            summary(&a, &ids(&["syria"]), 9, 20),
            "9 of 20 paragraphs, about Syria"
        );
        assert_eq!(
            summary(&a, &ids(&["syria", "snowden"]), 12, 20),
            "12 of 20 paragraphs, about Syria or Snowden"
        );
        assert_eq!(
            summary(&a, &ids(&["syria", "snowden", "iran"]), 12, 20),
            "12 of 20 paragraphs, about Syria, Snowden or Iran"
        );
    }
}
