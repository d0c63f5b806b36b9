use article::index::Target;
use leptos::prelude::*;

use crate::context::Location;
use crate::glue;
use crate::state::ArticleState;

/// A link to a quote or an event. In this page it shows the target without
/// a reload; its href is the article's page showing it, so a new tab works
/// too.
#[crate::island]
pub fn TargetLink(
    target: Target,
    #[prop(into)] class: String,
    children: Children,
) -> impl IntoView {
    let state = expect_context::<ArticleState>();
    let location = expect_context::<Location>();
    // Relative to the page shown, which changes when the reader follows a
    // target: so the href follows the address.
    let to = state.view_at(&target);
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

/// A link to a place in this page (`to` is an element id) that brings it
/// into view and moves focus there: a step Back undoes.
#[crate::island]
pub fn JumpLink(
    to: String,
    #[prop(into)] class: String,
    /// The link's name and tooltip, where its content is an icon.
    label: Option<String>,
    children: Children,
) -> impl IntoView {
    let href = format!("#{to}");
    view! {
        <a
            class=class
            href=href
            aria-label=label.clone()
            title=label
            on:click=move |ev| {
                ev.prevent_default();
                crate::address::browser::push_jump(&to);
                glue::bring_into_view(&to);
            }
        >
            {children()}
        </a>
    }
}
