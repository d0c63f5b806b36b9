//! Browser glue: the only module that talks to `window` directly. Components
//! call these small functions so the rest of the viewer stays plain Leptos.

use article::{LoadError, Problem};
use gloo_net::http::Request;
use wasm_bindgen::closure::Closure;
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

/// A query parameter of the page URL, decoded.
pub fn query_param(name: &str) -> Option<String> {
    param_in(&window()?.location().search().ok()?, name)
}

/// A parameter of a query string (`?a=1&b=2`), decoded.
pub fn param_in(query: &str, name: &str) -> Option<String> {
    web_sys::UrlSearchParams::new_with_str(query)
        .ok()?
        .get(name)
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

pub fn set_title(title: &str) {
    if let Some(doc) = window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// Remove the static "loading" shell that index.html shows before the wasm
/// has started.
pub fn remove_boot_placeholder() {
    if let Some(el) = element("boot") {
        el.remove();
    }
}

/// Same-page links (another query string on this page) are followed without
/// a reload: the address is pushed to history and `navigate` gets the new
/// query. Links that only change the `#fragment`, open elsewhere, or were
/// handled already are left to the browser.
pub fn follow_links_in_page(navigate: impl Fn(String) + 'static) {
    let Some(window) = window() else { return };
    let Some(document) = window.document() else {
        return;
    };
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.meta_key()
            || ev.ctrl_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let Some(link) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        if !matches!(link.target().as_str(), "" | "_self") || link.has_attribute("download") {
            return;
        }
        let Some(location) = web_sys::window().map(|w| w.location()) else {
            return;
        };
        let Ok(url) = web_sys::Url::new(&link.href()) else {
            return;
        };
        let same_page = Some(url.origin()) == location.origin().ok()
            && Some(url.pathname()) == location.pathname().ok();
        if !same_page || Some(url.search()) == location.search().ok() {
            return;
        }
        ev.prevent_default();
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&link.href()));
        }
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
        navigate(url.search());
    });
    let _ = document.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    // Lives as long as the page.
    on_click.forget();
}

/// Back and forward: call `f` with the restored query string.
pub fn on_history_change(f: impl Fn(String) + 'static) {
    let Some(window) = window() else { return };
    let cb = Closure::<dyn Fn()>::new(move || {
        f(web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default())
    });
    let _ = window.add_event_listener_with_callback("popstate", cb.as_ref().unchecked_ref());
    cb.forget();
}

/// The page's query string now (`?…` or empty).
pub fn current_query() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// A performance mark for the benchmark harness ("article-rendered").
pub fn mark(name: &str) {
    if let Some(perf) = window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}

/// This page's address with another query (and no fragment): what a shared
/// link points at. Works wherever dist/ is hosted, root or folder.
pub fn page_url(query: &str) -> String {
    let Some(location) = window().map(|w| w.location()) else {
        return format!("?{query}");
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}?{query}")
}

/// Put the view state in the address bar without a new history entry (and
/// without scrolling); the fragment stays. An empty query leaves the bare page.
pub fn replace_query(query: &str) {
    let Some(w) = window() else { return };
    let location = w.location();
    let search = if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    };
    if location.search().ok().as_deref() == Some(search.as_str()) {
        return;
    }
    let hash = location.hash().unwrap_or_default();
    let next = if search.is_empty() {
        format!("{}{hash}", location.pathname().unwrap_or_default())
    } else {
        format!("{search}{hash}")
    };
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&next));
    }
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

/// Content arrives after the browser's own jump to `#fragment` was tried, so
/// repeat it once the article is in the page.
pub fn scroll_to_fragment() {
    let Some(hash) = window().and_then(|w| w.location().hash().ok()) else {
        return;
    };
    let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) else {
        return;
    };
    let id = js_sys::decode_uri_component(id)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| id.to_string());
    bring_into_view(&id);
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
