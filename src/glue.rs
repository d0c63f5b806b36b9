//! Browser glue: the only module that talks to `window` directly. Components
//! call these small functions so the rest of the viewer stays plain Leptos.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use article::{LoadError, Problem};
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use gloo_net::http::Request;
use gloo_timers::callback::Timeout;
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
    /// The view that asked has gone; nobody is shown this.
    pub cancelled: bool,
    pub error: LoadError,
}

/// A response that sends nothing for this long has stalled: the reader gets
/// the error panel and its retry instead of "Loading…" for ever. Measured
/// as silence, not total time, so a large file on a slow line still arrives.
const STALL_MS: u32 = 20_000;

/// A view's claim on the network. Requests for one file are shared by every
/// live claim that wants it and aborted when the last of them is released
/// (a view releases its claim when it goes), so moving on leaves nothing
/// downloading or being parsed for a page the reader left. `Copy` and
/// `Send`, so a view's cleanup can hold it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim(u32);

type Fetched = Result<Rc<String>, FetchError>;

struct InFlight {
    controller: Option<web_sys::AbortController>,
    waiters: Cell<usize>,
    result: Shared<LocalBoxFuture<'static, Fetched>>,
}

thread_local! {
    static IN_FLIGHT: RefCell<HashMap<String, Rc<InFlight>>> = RefCell::new(HashMap::new());
    static CLAIMS: RefCell<HashMap<u32, Vec<Rc<InFlight>>>> = RefCell::new(HashMap::new());
    static NEXT_CLAIM: Cell<u32> = const { Cell::new(0) };
}

impl Claim {
    pub fn new() -> Self {
        let id = NEXT_CLAIM.with(|n| {
            n.set(n.get().wrapping_add(1));
            n.get()
        });
        CLAIMS.with(|c| c.borrow_mut().insert(id, Vec::new()));
        Claim(id)
    }

    /// The view has gone: abort what only it was waiting for.
    pub fn release(self) {
        let waited = CLAIMS.with(|c| c.borrow_mut().remove(&self.0));
        for request in waited.into_iter().flatten() {
            leave(&request);
        }
    }

    fn is_live(self) -> bool {
        CLAIMS.with(|c| c.borrow().contains_key(&self.0))
    }
}

impl Default for Claim {
    fn default() -> Self {
        Self::new()
    }
}

fn leave(request: &Rc<InFlight>) {
    let left = request.waiters.get().saturating_sub(1);
    request.waiters.set(left);
    if left == 0 {
        if let Some(controller) = &request.controller {
            controller.abort();
        }
        IN_FLIGHT.with(|f| f.borrow_mut().retain(|_, r| !Rc::ptr_eq(r, request)));
    }
}

/// Fetch a text file relative to the page for the view holding `claim`.
/// Every failure (network, HTTP status, stalled or unreadable body) comes
/// back naming the file; a claim released meanwhile gets `cancelled`, never
/// the text.
pub async fn fetch_text(file: &str, claim: Claim) -> Fetched {
    if !claim.is_live() {
        return Err(fail(file, None, true, "was no longer needed".into()));
    }
    let request = IN_FLIGHT.with(|f| {
        f.borrow_mut()
            .entry(file.to_string())
            .or_insert_with(|| start(file))
            .clone()
    });
    request.waiters.set(request.waiters.get() + 1);
    CLAIMS.with(|c| {
        if let Some(list) = c.borrow_mut().get_mut(&claim.0) {
            list.push(request.clone());
        }
    });
    let result = request.result.clone().await;
    IN_FLIGHT.with(|f| {
        let mut f = f.borrow_mut();
        if f.get(file).is_some_and(|r| Rc::ptr_eq(r, &request)) {
            f.remove(file);
        }
    });
    let still_wanted = CLAIMS.with(|c| {
        c.borrow_mut().get_mut(&claim.0).is_some_and(|list| {
            if let Some(at) = list.iter().position(|r| Rc::ptr_eq(r, &request)) {
                list.swap_remove(at);
            }
            true
        })
    });
    if !still_wanted {
        return Err(fail(file, None, true, "was no longer needed".into()));
    }
    request.waiters.set(request.waiters.get().saturating_sub(1));
    result
}

fn fail(file: &str, status: Option<u16>, cancelled: bool, message: String) -> FetchError {
    FetchError {
        status,
        cancelled,
        error: LoadError {
            file: file.to_string(),
            problems: vec![Problem::error("", message)],
        },
    }
}

fn start(file: &str) -> Rc<InFlight> {
    let controller = web_sys::AbortController::new().ok();
    let result = download(file.to_string(), controller.clone())
        .boxed_local()
        .shared();
    Rc::new(InFlight {
        controller,
        waiters: Cell::new(0),
        result,
    })
}

async fn download(file: String, controller: Option<web_sys::AbortController>) -> Fetched {
    let stalled = Rc::new(Cell::new(false));
    // Restarted whenever something arrives; dropping it stops it.
    let watchdog = || {
        let (stalled, controller) = (stalled.clone(), controller.clone());
        Timeout::new(STALL_MS, move || {
            stalled.set(true);
            if let Some(c) = controller {
                c.abort();
            }
        })
    };
    let why = |message: String| {
        let aborted = controller.as_ref().is_some_and(|c| c.signal().aborted());
        if stalled.get() {
            fail(
                &file,
                None,
                false,
                format!(
                    "stopped arriving: nothing came for {} seconds",
                    STALL_MS / 1000
                ),
            )
        } else {
            fail(&file, None, aborted, message)
        }
    };
    let mut _watch = watchdog();
    let signal = controller.as_ref().map(|c| c.signal());
    let response = Request::get(&file)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|e| why(format!("could not be fetched: {e}")))?;
    match response.status() {
        200..=299 => {}
        404 => return Err(fail(&file, Some(404), false, "not found (HTTP 404)".into())),
        status => {
            return Err(fail(
                &file,
                Some(status),
                false,
                format!(
                    "the server answered HTTP {status} {}",
                    response.status_text()
                ),
            ))
        }
    }
    let mut bytes = Vec::new();
    if let Some(body) = response.body() {
        let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
        loop {
            _watch = watchdog();
            let chunk = JsFuture::from(reader.read())
                .await
                .map_err(|e| why(format!("could not be read: {}", describe(&e))))?;
            let field = |name: &str| js_sys::Reflect::get(&chunk, &JsValue::from_str(name));
            if field("done").ok().and_then(|d| d.as_bool()) == Some(true) {
                break;
            }
            if let Ok(value) = field("value") {
                let value: js_sys::Uint8Array = value.unchecked_into();
                let at = bytes.len();
                bytes.resize(at + value.length() as usize, 0);
                value.copy_to(&mut bytes[at..]);
            }
        }
    }
    drop(_watch);
    // As the browser's own text(): a UTF-8 byte-order mark is not text, and
    // bytes that are not UTF-8 become replacement characters (which the
    // loader recognises as a UTF-16 file).
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    Ok(Rc::new(String::from_utf8_lossy(bytes).into_owned()))
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the connection failed".into())
}

/// The origins the page's Content-Security-Policy lets images come from
/// besides its own; `None` when the page has no policy. (Never called
/// natively: the pre-renderer sets the list itself.)
pub fn policy_image_hosts() -> Option<Vec<String>> {
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    let policy = window()?
        .document()?
        .query_selector("meta[http-equiv='Content-Security-Policy']")
        .ok()??
        .get_attribute("content")?;
    let sources = policy
        .split(';')
        .map(str::trim)
        .find_map(|d| d.strip_prefix("img-src"))
        .unwrap_or_default();
    Some(
        sources
            .split_whitespace()
            .filter(|s| s.starts_with("https://"))
            .map(String::from)
            .collect(),
    )
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

/// Load the current address afresh (its own page, with its own app).
#[cfg(not(feature = "library"))]
pub fn reload() {
    if let Some(location) = window().map(|w| w.location()) {
        let _ = location.reload();
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
#[cfg(all(feature = "hydrate", not(feature = "islands")))]
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
    if !in_view(&el) {
        land_after_scroll(el.clone());
    }
    el.scroll_into_view_with_scroll_into_view_options(&options);
    true
}

fn in_view(el: &web_sys::HtmlElement) -> bool {
    let height = window()
        .and_then(|w| w.inner_height().ok()?.as_f64())
        .unwrap_or(0.0);
    let r = el.get_bounding_client_rect();
    r.top() >= 0.0 && r.bottom() <= height
}

/// Sections off screen are laid out at an estimated height until they
/// near the viewport (`content-visibility: auto`): a long jump passes
/// sections that then take their real height, and the target can end up
/// away from where the scroll was aimed. When the scroll ends, a target
/// still out of view is brought in at once: only for this jump (the
/// listener goes after one scroll end, a late one is ignored) and only
/// while the reader is still there (Back in the meantime wins).
fn land_after_scroll(el: web_sys::HtmlElement) {
    let Some(w) = window() else { return };
    let started = js_sys::Date::now();
    let here = w.location().href().unwrap_or_default();
    let land = wasm_bindgen::closure::Closure::once_into_js(move || {
        let still_here = window()
            .and_then(|w| w.location().href().ok())
            .is_some_and(|now| now == here);
        if still_here && js_sys::Date::now() - started < 5_000.0 && !in_view(&el) {
            let options = ScrollIntoViewOptions::new();
            options.set_block(ScrollLogicalPosition::Center);
            options.set_behavior(ScrollBehavior::Instant);
            el.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
    let once = web_sys::AddEventListenerOptions::new();
    once.set_once(true);
    let _ = w.add_event_listener_with_callback_and_add_event_listener_options(
        "scrollend",
        land.unchecked_ref(),
        &once,
    );
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

/// Mark the quote a link points at (`whole`: its first part's id; every
/// part is marked) and unmark the one before: one pass over the few marked
/// and the few continued quotes, not an island per quote. Pre-rendered
/// pages only: on the client-side path each quote's class follows itself.
#[cfg(feature = "islands")]
pub fn highlight_quote(whole: Option<&str>) {
    const CLASS: &str = "quote--target";
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let each = |selector: &str, f: &dyn Fn(&web_sys::Element)| {
        let Ok(list) = document.query_selector_all(selector) else {
            return;
        };
        for n in 0..list.length() {
            if let Some(el) = list
                .item(n)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                f(&el);
            }
        }
    };
    each(&format!("q.{CLASS}"), &|el| {
        let _ = el.class_list().remove_1(CLASS);
    });
    let Some(whole) = whole else { return };
    let mark = |el: &web_sys::Element| {
        let _ = el.class_list().add_1(CLASS);
    };
    // Only a quote: another element of the page never takes its mark.
    if let Some(first) = document
        .get_element_by_id(whole)
        .filter(|e| e.local_name() == "q")
    {
        mark(&first);
    }
    each("q[data-part-of]", &|el| {
        if el.get_attribute("data-part-of").as_deref() == Some(whole) {
            mark(el);
        }
    });
}

/// Close an open disclosure and put focus back on its summary, as Escape
/// does for a menu.
pub fn close_disclosure(details: &web_sys::HtmlDetailsElement) {
    if !details.open() {
        return;
    }
    details.set_open(false);
    let summary = details
        .query_selector("summary")
        .ok()
        .flatten()
        .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(summary) = summary {
        let _ = summary.focus();
    }
}

/// The value of a form's field `name` (the target of its submit event).
pub fn form_value(form: &web_sys::EventTarget, name: &str) -> String {
    form.dyn_ref::<web_sys::Element>()
        .and_then(|f| {
            f.query_selector(&format!("[name=\"{name}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|field| field.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|field| field.value())
        .unwrap_or_default()
}
