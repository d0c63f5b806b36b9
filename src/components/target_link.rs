use article::index::Target;
use leptos::prelude::*;

use crate::context::Location;
use crate::state::ArticleState;

/// A link to a quote or an event. In this page it shows the target without
/// a reload; its href is the shareable address, so a new tab works too.
#[component]
pub fn TargetLink(target: Target, class: &'static str, children: Children) -> impl IntoView {
    let state = expect_context::<ArticleState>();
    let location = expect_context::<Location>();
    // Relative to the page shown, which changes when the reader follows a
    // target: so the href follows the address.
    let to = state.link_to(Some(&target));
    let href = move || location.href_to(&to);
    let go = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        state.go_to(target.clone());
        // A jump is a step Back can undo (filter changes replace instead).
        location.push(state.address());
    };
    view! {
        <a class=class href=href on:click=go>
            {children()}
        </a>
    }
}
