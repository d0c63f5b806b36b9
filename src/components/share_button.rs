use article::filter::Target;
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::address::browser;
use crate::context::Announcer;
use crate::glue::{self, ShareOutcome};
use crate::state::ArticleState;

/// A button that shares a link to a quote or an event: the system share
/// sheet where there is one, else the clipboard, else a field with the link
/// selected, ready to copy by hand.
#[component]
pub fn ShareButton(target: Target) -> impl IntoView {
    let state = expect_context::<ArticleState>();
    let (label, title) = state.share_text(&target);
    let announcer = expect_context::<Announcer>();
    let to = state.link_to(&target);
    let outcome = RwSignal::new(None::<ShareOutcome>);
    // The absolute address, worked out when the reader shares.
    let url = RwSignal::new(String::new());
    let field = NodeRef::<Input>::new();

    let share = {
        move |_| {
            let (link, title) = (browser::absolute(&to), title.clone());
            url.set(link.clone());
            spawn_local(async move {
                let url = link;
                let result = glue::share_or_copy(&url, &title).await;
                outcome.set(Some(result));
                match result {
                    ShareOutcome::Copied => announcer.say("Link copied"),
                    ShareOutcome::Shared => announcer.say("Link shared"),
                    ShareOutcome::Failed => announcer
                        .say("Could not copy the link; it is shown selected, ready to copy"),
                    ShareOutcome::Cancelled => {}
                }
                // The confirmation fades; a failure keeps its field.
                if matches!(result, ShareOutcome::Copied | ShareOutcome::Shared) {
                    set_timeout(move || outcome.set(None), std::time::Duration::from_secs(4));
                }
            });
        }
    };
    Effect::new(move |_| {
        if outcome.get() == Some(ShareOutcome::Failed) {
            if let Some(input) = field.get() {
                glue::select_all(&input);
            }
        }
    });
    let done = |text: &'static str| {
        view! { <span class="share__done" aria-hidden="true">{text}</span> }.into_any()
    };

    view! {
        <span class="share">
            <button type="button" class="share__button" aria-label=label.clone() title=label on:click=share>
                <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                    <path
                        d="M6.5 9.5l3-3M7 4.5l1.3-1.3a2.5 2.5 0 013.5 3.5L10.5 8M9 11.5l-1.3 1.3a2.5 2.5 0 01-3.5-3.5L5.5 8"
                        fill="none"
                        stroke="currentColor"
                        stroke-width="1.6"
                        stroke-linecap="round"
                    />
                </svg>
            </button>
            {move || match outcome.get() {
                Some(ShareOutcome::Copied) => Some(done("Link copied")),
                Some(ShareOutcome::Shared) => Some(done("Link shared")),
                Some(ShareOutcome::Failed) => Some(
                    view! {
                        <label class="share__fallback">
                            <span>"Copy this link: "</span>
                            <input node_ref=field type="text" readonly value=url.get_untracked() />
                        </label>
                    }
                        .into_any(),
                ),
                _ => None,
            }}
        </span>
    }
}
