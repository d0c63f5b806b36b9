use article::filter::Target;
use leptos::prelude::*;

use crate::state::ArticleState;

/// A link to a quote or an event. In this page it shows the target without
/// a reload; its href is the shareable address, so a new tab works too.
#[component]
pub fn TargetLink(target: Target, class: &'static str, children: Children) -> impl IntoView {
    let state = expect_context::<ArticleState>();
    let href = state.link_to(&target);
    let go = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        state.go_to(target.clone());
    };
    view! {
        <a class=class href=href on:click=go>
            {children()}
        </a>
    }
}
