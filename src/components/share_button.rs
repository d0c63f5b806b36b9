use article::index::Target;
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::address::browser;
use crate::context::Announcer;
use crate::glue::{self, ShareOutcome};
use crate::state::ArticleState;

/// A button that shares a link to a quote or an event, or without a target
/// to the article (that one says "Share" in words; `spelled_out` shows the
/// whole name, as a menu item does): the system share sheet
/// where there is one, else the clipboard, else a field with the link
/// selected, ready to copy by hand.
#[crate::island]
pub fn ShareButton(
    #[prop(optional, into)] target: Option<Target>,
    #[prop(optional)] spelled_out: Option<bool>,
) -> impl IntoView {
    let spelled_out = spelled_out.unwrap_or(false);
    let state = expect_context::<ArticleState>();
    let (label, title) = state.share_text(target.as_ref());
    let announcer = expect_context::<Announcer>();
    let to = state.link_to(target.as_ref());
    // A name shown in full is the button's name; otherwise the visible word
    // (if any) starts the name, which says what is shared.
    let words = if spelled_out {
        view! { <span class="share__words">{label.clone()}</span> }.into_any()
    } else {
        view! { <span class="share__words" aria-hidden="true">"Share"</span> }.into_any()
    };
    let aria_label = (!spelled_out).then(|| label.clone());
    // Which quote or event it shares, for styles and tests to find it by.
    let (quote, event) = match &target {
        Some(Target::Quote(id)) => (Some(id.clone()), None),
        Some(Target::Event(id)) => (None, Some(id.clone())),
        None => (None, None),
    };
    let outcome = RwSignal::new(None::<ShareOutcome>);
    let shares = StoredValue::new(0u64);
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
                // The confirmation fades four seconds after the latest
                // share (an earlier click's timer leaves it); a failure
                // keeps its field.
                if matches!(result, ShareOutcome::Copied | ShareOutcome::Shared) {
                    let n = shares.get_value() + 1;
                    shares.set_value(n);
                    let fade = move || {
                        if shares.get_value() == n {
                            outcome.set(None);
                        }
                    };
                    set_timeout(fade, std::time::Duration::from_secs(4));
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
            <button
                type="button"
                class="share__button"
                aria-label=aria_label
                data-quote=quote
                data-event=event
                on:click=share
            >
                <span class="icon icon--link" aria-hidden="true"></span>
                {words}
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
