//! Browser glue: the only module that talks to `window` directly. Components
//! call these small functions so the rest of the viewer stays plain Leptos.

use article::{LoadError, Problem};
use gloo_net::http::Request;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{FocusOptions, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn element(id: &str) -> Option<web_sys::HtmlElement> {
    window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// A failed fetch: the HTTP status if there was an answer, and the message.
#[derive(Debug, Clone)]
pub struct FetchError {
    pub status: Option<u16>,
    pub error: LoadError,
}

/// Fetch a text file relative to the page. Every failure (network, HTTP
/// status, unreadable body) comes back naming the file.
pub async fn fetch_text(file: &str) -> Result<String, FetchError> {
    let fail = |status: Option<u16>, message: String| FetchError {
        status,
        error: LoadError {
            file: file.to_string(),
            problems: vec![Problem::error("", message)],
        },
    };
    let response = Request::get(file)
        .send()
        .await
        .map_err(|e| fail(None, format!("could not be fetched: {e}")))?;
    match response.status() {
        200..=299 => {}
        404 => return Err(fail(Some(404), "not found (HTTP 404)".into())),
        status => {
            return Err(fail(
                Some(status),
                format!(
                    "the server answered HTTP {status} {}",
                    response.status_text()
                ),
            ))
        }
    }
    response
        .text()
        .await
        .map_err(|e| fail(None, format!("could not be read: {e}")))
}

/// The site's name, as the pre-renderer wrote it (`og:site_name`).
pub fn site_name() -> String {
    window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("meta[property='og:site_name']")
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_else(|| "Newsview".into())
}

pub fn set_title(title: &str) {
    if let Some(doc) = window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// A performance mark for the benchmark harness ("article-rendered").
pub fn mark(name: &str) {
    if let Some(perf) = window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}

/// Say on `<html>` that the app runs: controls that need it (topic filter,
/// share buttons) are hidden by the style sheet until then, so a page
/// without the app never shows dead buttons.
#[cfg(feature = "hydrate")]
pub fn mark_ready() {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(html) = document.document_element() {
        let _ = html.class_list().add_1("app-ready");
        let _ = html.class_list().remove_1("client-route");
    }
    // The icon's href is relative to the page; pages pushed to history sit
    // in other folders, where the browser would look for it again.
    if let Some(icon) = document
        .query_selector("link[rel=icon]")
        .ok()
        .flatten()
        .and_then(|l| l.dyn_into::<web_sys::HtmlLinkElement>().ok())
    {
        let _ = icon.set_attribute("href", &icon.href());
    }
    mark("app-ready");
}

/// The element the app lives in (`<div id="page_app">`), emptied of what the
/// page had there when the app renders it afresh.
#[cfg(feature = "hydrate")]
pub fn app_root(empty: bool) -> Option<web_sys::HtmlElement> {
    let root = element("page_app")?;
    if empty {
        root.set_text_content(None);
    }
    Some(root)
}

pub fn prefers_reduced_motion() -> bool {
    window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// Scroll an element into view (centred, smoothly unless the reader asked
/// for reduced motion) and move focus to it without a second jump.
pub fn bring_into_view(id: &str) -> bool {
    let Some(el) = element(id) else { return false };
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Center);
    options.set_behavior(if prefers_reduced_motion() {
        ScrollBehavior::Instant
    } else {
        ScrollBehavior::Smooth
    });
    // Not every target is focusable; tabindex=-1 lets focus follow the jump
    // without adding a tab stop.
    if !el.has_attribute("tabindex") {
        let _ = el.set_attribute("tabindex", "-1");
    }
    let focus = FocusOptions::new();
    focus.set_prevent_scroll(true);
    let _ = el.focus_with_options(&focus);
    el.scroll_into_view_with_scroll_into_view_options(&options);
    true
}

/// Back to the top of the page, focus on the main content. Done here rather
/// than by a `#main_content` jump: Chromium's own focus step can cancel the
/// smooth scroll of a fragment jump halfway.
pub fn back_to_top() {
    let Some(w) = window() else { return };
    if let Some(main) = element("main_content") {
        let focus = FocusOptions::new();
        focus.set_prevent_scroll(true);
        let _ = main.focus_with_options(&focus);
    }
    let options = web_sys::ScrollToOptions::new();
    options.set_top(0.0);
    options.set_behavior(if prefers_reduced_motion() {
        ScrollBehavior::Instant
    } else {
        ScrollBehavior::Smooth
    });
    w.scroll_to_with_scroll_to_options(&options);
}

/// Content rendered in the browser arrives after the browser's own jump to
/// `#fragment` was tried, so repeat it once the article is in the page.
pub fn scroll_to_fragment() {
    if let Some(id) = crate::address::browser::fragment() {
        bring_into_view(&id);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareOutcome {
    /// The system share sheet took the link.
    Shared,
    /// The reader closed the share sheet.
    Cancelled,
    Copied,
    /// Neither sharing nor the clipboard worked; show the link instead.
    Failed,
}

/// Share a link with the Web Share API where the browser has it, otherwise
/// copy it to the clipboard.
pub async fn share_or_copy(url: &str, title: &str) -> ShareOutcome {
    let Some(navigator) = window().map(|w| w.navigator()) else {
        return ShareOutcome::Failed;
    };
    // Calling a missing API would throw; ask first.
    let has =
        |name: &str| js_sys::Reflect::has(&navigator, &JsValue::from_str(name)).unwrap_or(false);
    if has("share") {
        let data = web_sys::ShareData::new();
        data.set_url(url);
        data.set_title(title);
        match JsFuture::from(navigator.share_with_data(&data)).await {
            Ok(_) => return ShareOutcome::Shared,
            Err(err) => {
                let name = err.dyn_ref::<web_sys::DomException>().map(|e| e.name());
                if name.as_deref() == Some("AbortError") {
                    return ShareOutcome::Cancelled;
                }
                // Otherwise (not allowed, no share targets) try the clipboard.
            }
        }
    }
    if has("clipboard")
        && JsFuture::from(navigator.clipboard().write_text(url))
            .await
            .is_ok()
    {
        return ShareOutcome::Copied;
    }
    ShareOutcome::Failed
}

/// Focus an input and select its whole text, so the reader can copy it by hand.
pub fn select_all(input: &web_sys::HtmlInputElement) {
    let _ = input.focus();
    input.select();
}
