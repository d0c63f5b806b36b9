use leptos::prelude::*;

/// Names from data in a run of text ("Russia and United States",
/// "Syria, Diplomacy"): each in its own element, which the style sheet
/// isolates, so a direction override left open in one cannot turn the
/// separators and names after it around.
#[component]
pub fn ListText(items: Vec<String>, separator: &'static str) -> impl IntoView {
    items
        .into_iter()
        .enumerate()
        .map(|(n, item)| view! { {(n > 0).then_some(separator)} <span>{item}</span> })
        .collect_view()
}
