use article::Article;
use leptos::prelude::*;

use crate::state::ArticleState;

/// Toggle buttons, one per topic with its paragraph count, a way back to the
/// whole article, and a summary of what is shown (announced politely).
#[component]
pub fn TopicFilter() -> impl IntoView {
    let state = expect_context::<ArticleState>();
    let topics = state.loaded.article().topics.clone();
    if topics.is_empty() {
        return None;
    }
    let total = state.index.paragraph_count();
    let (lang, dir) = (
        state.loaded.article().language.clone(),
        state.loaded.article().direction(),
    );
    let selected = state.selected;
    let visibility = state.visibility;

    let buttons = topics
        .into_iter()
        .map(|topic| {
            let count = state.index.count(&topic.id);
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
                        <span class="topic-toggle__label" lang=lang.clone() dir=dir>
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

    let article = state.loaded.clone();
    let summary_text = move || {
        selected.with(|s| summary(article.article(), s, visibility.with(|v| v.matching), total))
    };
    let clear = {
        let state = state.clone();
        move |_| state.clear()
    };
    let nothing = move || visibility.with(|v| v.is_filtered() && v.matching == 0);

    Some(view! {
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
    })
}

/// "7 of 20 paragraphs, about Syria or Snowden"; "All 20 paragraphs".
fn summary(article: &Article, selected: &[String], matching: usize, total: usize) -> String {
    if selected.is_empty() {
        return format!("All {total} paragraphs");
    }
    let labels: Vec<&str> = article
        .topics
        .iter()
        .filter(|t| selected.contains(&t.id))
        .map(|t| t.label.as_str())
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
        let seed = include_str!("../../public/articles/us-russia-talks-despite-collisions.json");
        let a = article::load_article("seed", seed).unwrap().into_article();
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
