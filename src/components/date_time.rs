use article::date::Date;
use leptos::prelude::*;

/// A date from data as a reader reads it ("9 August 2013"), machine-readable
/// in `datetime`. Validation guarantees the form; anything else is shown as
/// written.
#[component]
pub fn DateTime(value: String) -> impl IntoView {
    let shown = Date::parse(&value)
        .map(|d| d.display())
        .unwrap_or_else(|_| value.clone());
    view! { <time datetime=value>{shown}</time> }
}
