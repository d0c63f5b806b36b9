use article::Problem;
use leptos::prelude::*;

use crate::state::{ArticleState, Notice};
use article::index::Target;

/// What the page made of its address: topics it ignored, a quote it could
/// not find, or a quote it shows in spite of the filter.
#[crate::island]
pub fn PageNotices() -> impl IntoView {
    let notices = expect_context::<ArticleState>().notices;
    view! {
        <div class="page-notices" role="status">
            {move || {
                notices
                    .get()
                    .into_iter()
                    .map(|notice| {
                        let text = match notice {
                            Notice::UnknownTopics(ids) => {
                                // A few by name: a live region reads all of it.
                                let mut shown: Vec<String> =
                                    ids.iter().take(NAMED).map(|id| shorten(id)).collect();
                                if ids.len() > NAMED {
                                    shown.push(format!("and {} more", ids.len() - NAMED));
                                }
                                format!(
                                    "The link names {} this article does not have, so {} ignored: {}.",
                                    if ids.len() == 1 { "a topic" } else { "topics" },
                                    if ids.len() == 1 { "it was" } else { "they were" },
                                    shown.join(", "),
                                )
                            }
                            Notice::NotFound(target) => format!(
                                "This {} is not in the article (the link asked for \"{}\").",
                                kind(&target),
                                shorten(target.id())
                            ),
                            Notice::ShownDespiteFilter(target) => format!(
                                "The linked {} is shown even though it is not about the selected topics.",
                                kind(&target)
                            ),
                            Notice::FragmentShown => "The linked part of the article is shown even though it is not about the selected topics.".to_string(),
                        };
                        view! { <p class="notice">{text}</p> }
                    })
                    .collect_view()
            }}
        </div>
    }
}

/// How many unknown topics a notice names before "and N more".
const NAMED: usize = 5;

fn kind(target: &Target) -> &'static str {
    match target {
        Target::Quote(_) => "quote",
        Target::Event(_) => "event",
    }
}

/// Address text can be anything; keep what is echoed back short, and
/// unable to turn the sentence around it.
fn shorten(text: &str) -> String {
    let text = article::without_bidi_controls(text);
    if text.chars().count() > 60 {
        format!("{}…", text.chars().take(60).collect::<String>())
    } else {
        text.to_string()
    }
}

/// Problems that did not stop the page (unsupported blocks, links that
/// were not web addresses, list entries skipped), listed once at the top so
/// nothing is hidden.
#[component]
pub fn ProblemsNotice(
    problems: Vec<Problem>,
    #[prop(default = "Some parts of this article could not be shown as written".into(), into)]
    title: String,
) -> impl IntoView {
    (!problems.is_empty()).then(|| {
        view! {
            <aside class="notice" aria-labelledby="problems_heading">
                <h2 id="problems_heading" class="notice__title">
                    {title}
                </h2>
                <ul>
                    {problems
                        .into_iter()
                        .map(problem_item)
                        .collect_view()}
                </ul>
            </aside>
        }
    })
}

/// Stands in for a block this viewer does not know, in its place.
#[component]
pub fn UnsupportedBlock(kind: String) -> impl IntoView {
    view! {
        <div class="unsupported" role="note">
            "Unsupported content: this viewer cannot show a “"{kind}"” block here."
        </div>
    }
}

/// One problem as a list item: its field path (if any), then its message,
/// which is the page's sentence around a piece of data.
pub fn problem_item(problem: Problem) -> impl IntoView {
    let message = article::without_bidi_controls(&problem.message).into_owned();
    let path = (!problem.path.is_empty()).then(|| view! { <code>{problem.path}</code>": " });
    view! { <li>{path}{message}</li> }
}
