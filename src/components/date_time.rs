use article::date::{Calendar, Written};
use leptos::prelude::*;

/// A date (or date and time) from data as a reader reads it ("9 August
/// 2013"), machine-readable in `datetime`; parsed when the file was read.
#[component]
pub fn DateTime<T: Calendar + Send + Sync + 'static>(date: Written<T>) -> impl IntoView {
    let shown = date.shown();
    view! { <time datetime=date.text().to_string()>{shown}</time> }
}
