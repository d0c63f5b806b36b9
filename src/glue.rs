//! Browser glue: the only module that talks to `window` directly. Components
//! call these small functions so the rest of the viewer stays plain Leptos.

use article::{LoadError, Problem};
use gloo_net::http::Request;
use wasm_bindgen::JsCast;

/// A query parameter of the page URL, decoded.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name)
}

/// Fetch a text file relative to the page. Every failure (network, HTTP
/// status, unreadable body) comes back as a `LoadError` naming the file.
pub async fn fetch_text(file: &str) -> Result<String, LoadError> {
    let fail = |message: String| LoadError {
        file: file.to_string(),
        problems: vec![Problem::error("", message)],
    };
    let response = Request::get(file)
        .send()
        .await
        .map_err(|e| fail(format!("could not be fetched: {e}")))?;
    match response.status() {
        200..=299 => {}
        404 => return Err(fail("not found (HTTP 404)".into())),
        status => {
            return Err(fail(format!(
                "the server answered HTTP {status} {}",
                response.status_text()
            )))
        }
    }
    response
        .text()
        .await
        .map_err(|e| fail(format!("could not be read: {e}")))
}

pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// Remove the static "loading" shell that index.html shows before the wasm
/// has started.
pub fn remove_boot_placeholder() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        el.remove();
    }
}

/// Content arrives after the browser's own jump to `#fragment` was tried, so
/// repeat it once the article is in the page.
pub fn scroll_to_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(hash) = window.location().hash() else {
        return;
    };
    let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) else {
        return;
    };
    let id = js_sys::decode_uri_component(id)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| id.to_string());
    if let Some(el) = window.document().and_then(|d| d.get_element_by_id(&id)) {
        el.scroll_into_view();
        if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
            // Headings are not focusable by default; tabindex=-1 lets focus
            // follow the jump without adding a tab stop.
            let _ = el.set_attribute("tabindex", "-1");
            let _ = el.focus();
        }
    }
}
