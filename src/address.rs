//! The page address: the one module that reads it, writes it and builds
//! links. Everything else asks it which page an address shows and where a
//! link should point.
//!
//! Why our own and not `leptos_router`: the viewer has two kinds of page
//! (the library and an article) and every address must also be a file on a
//! static host, written by the pre-renderer without a browser. The pure
//! half below (`Address`, `Route`, link paths) runs in both builds; the
//! browser half (`browser`) is the only code that touches `location` and
//! `history`.
//!
//! Addresses are relative to the site root, wherever `dist/` is hosted:
//! - `` the library (`?q=`, `section`, `topic`, `page`);
//! - `a/<slug>/` an article, `a/<slug>/q/<quote>/` one of its quotes,
//!   `a/<slug>/e/<event>/` one of its timeline events (all pre-rendered);
//! - `?article=<slug>&quote=…&event=…` the client-side path, for articles
//!   added after the build and for old links;
//! - on an article, `?topics=a,b` is the topic filter.

use article::index::Target;
use article::url::{encode, param};
use article::validate::is_valid_id;

/// A page address relative to the site root: a path (`a/<slug>/`) and a
/// query without its `?`. The fragment is the browser's business.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Address {
    pub path: String,
    pub query: String,
}

/// Which page an address shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Library,
    Article {
        slug: String,
        /// A quote or event in the path; `?quote=`/`?event=` are read with
        /// the rest of the view (see [`Address::target`]).
        target: Option<Target>,
        /// Opened by its own path (pre-rendered) rather than `?article=`;
        /// the page then keeps writing clean paths.
        clean: bool,
    },
    /// A path this site has no page for.
    Unknown,
}

/// Whether this build of the app shows a route in place; the others are
/// left to the browser to load (an unknown path, and the list in the
/// article pages' app, which is built without it). The islands of a
/// pre-rendered article page show no other page: every link is the
/// browser's, and their own controls write their article's views.
pub fn served_here(route: &Route) -> bool {
    match route {
        _ if cfg!(feature = "islands") => false,
        Route::Unknown => false,
        Route::Library => cfg!(feature = "library"),
        Route::Article { .. } => true,
    }
}

impl Address {
    pub fn new(path: impl Into<String>, query: impl Into<String>) -> Self {
        let query: String = query.into();
        Address {
            path: path.into(),
            query: query.trim_start_matches('?').to_string(),
        }
    }

    /// A decoded query parameter.
    pub fn param(&self, name: &str) -> Option<String> {
        param(&self.query, name)
    }

    pub fn route(&self) -> Route {
        let path = self.path.strip_suffix("index.html").unwrap_or(&self.path);
        if path.is_empty() {
            return match self.param("article") {
                Some(slug) => Route::Article {
                    slug,
                    target: None,
                    clean: false,
                },
                None => Route::Library,
            };
        }
        let parts: Vec<&str> = path.trim_end_matches('/').split('/').collect();
        let valid = |id: &str| is_valid_id(id).then(|| id.to_string());
        let (slug, target) = match parts.as_slice() {
            ["a", slug] => (valid(slug), None),
            ["a", slug, "q", quote] => (valid(slug), valid(quote).map(Target::Quote)),
            ["a", slug, "e", event] => (valid(slug), valid(event).map(Target::Event)),
            _ => (None, None),
        };
        match slug {
            Some(slug) if parts.len() == 2 || target.is_some() => Route::Article {
                slug,
                target,
                clean: true,
            },
            _ => Route::Unknown,
        }
    }

    /// The quote or event this address points at: in the path, or in the
    /// query (`?quote=`, `?event=`, as old links have them).
    pub fn target(&self) -> Option<Target> {
        if let Route::Article {
            target: Some(t), ..
        } = self.route()
        {
            return Some(t);
        }
        let given = |name| self.param(name).filter(|v| !v.is_empty());
        given("quote")
            .map(Target::Quote)
            .or_else(|| given("event").map(Target::Event))
    }

    /// `../` once per folder: how a link on this page reaches the site root.
    pub fn root(&self) -> String {
        "../".repeat(self.path.matches('/').count())
    }

    /// A link from this page to `to`, as an `href`.
    pub fn href_to(&self, to: &Address) -> String {
        let mut href = format!("{}{}", self.root(), to.path);
        if !to.query.is_empty() {
            href.push('?');
            href.push_str(&to.query);
        }
        if href.is_empty() {
            href.push_str("./");
        }
        href
    }

    /// This address as a URL path relative to the site root.
    pub fn relative(&self) -> String {
        Address::default().href_to(self)
    }
}

/// The address of an article's view: its page with the topic filter and
/// the quote or event shown in the query. `clean: false` keeps the old
/// `?article=` form, for articles that have no pre-rendered page. (A
/// quote's or event's own page, [`target_page`], is what is shared; the
/// view stays on the article's page, so a reload reopens it.)
pub fn article_view(
    slug: &str,
    topics: &[String],
    target: Option<&Target>,
    clean: bool,
) -> Address {
    let topics = (!topics.is_empty()).then(|| format!("topics={}", topics.join(",")));
    let mut query = if clean {
        topics.unwrap_or_default()
    } else {
        let mut query = format!("article={}", encode(slug));
        if let Some(topics) = topics {
            query.push('&');
            query.push_str(&topics);
        }
        query
    };
    let target = match target {
        Some(Target::Quote(id)) => Some(format!("quote={}", encode(id))),
        Some(Target::Event(id)) => Some(format!("event={}", encode(id))),
        None => None,
    };
    if let Some(target) = target {
        if !query.is_empty() {
            query.push('&');
        }
        query.push_str(&target);
    }
    let path = if clean {
        format!("a/{slug}/")
    } else {
        String::new()
    };
    Address::new(path, query)
}

/// A quote's or an event's own page: the address that is shared.
pub fn target_page(slug: &str, target: &Target) -> Address {
    let path = match target {
        Target::Quote(id) => format!("a/{slug}/q/{id}/"),
        Target::Event(id) => format!("a/{slug}/e/{id}/"),
    };
    Address::new(path, "")
}

/// An article's own page.
pub fn article_page(slug: &str) -> Address {
    article_view(slug, &[], None, true)
}

/// `to` as a full URL under the site's `base` (ending in `/`).
pub fn under(base: &str, to: &Address) -> String {
    format!("{base}{}", to.relative().trim_start_matches("./"))
}

/// Where a page of this site lives, as a full URL: in the browser from the
/// page's own address; in the site build from the base URL, if it has one.
pub fn full_url(to: &Address) -> Option<String> {
    if cfg!(target_arch = "wasm32") {
        Some(browser::absolute(to))
    } else {
        let base = crate::context::Prepared::here()?.base_url?;
        Some(under(&base, to))
    }
}

pub mod browser {
    //! Reading and writing the browser's address. The site root is where
    //! the page's `<meta name="newsview-root">` points (`../../` on an
    //! article page), so `dist/` works in any folder of any host.

    use std::cell::OnceCell;

    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    use super::{served_here, Address};

    thread_local! {
        static SITE_ROOT: OnceCell<String> = const { OnceCell::new() };
    }

    fn location() -> Option<web_sys::Location> {
        web_sys::window().map(|w| w.location())
    }

    /// The site root as an absolute URL ending in `/`.
    pub fn site_root() -> String {
        SITE_ROOT.with(|cell| {
            cell.get_or_init(|| {
                let href = location().and_then(|l| l.href().ok()).unwrap_or_default();
                let relative = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.query_selector("meta[name=newsview-root]").ok().flatten())
                    .and_then(|m| m.get_attribute("content"))
                    .unwrap_or_else(|| "./".into());
                web_sys::Url::new_with_base(&relative, &href)
                    .map(|u| format!("{}{}", u.origin(), u.pathname()))
                    .unwrap_or(href)
            })
            .clone()
        })
    }

    /// `url` as an address of this site, if it is one.
    fn address_of(url: &web_sys::Url) -> Option<Address> {
        let root = site_root();
        let full = format!("{}{}", url.origin(), url.pathname());
        let path = full.strip_prefix(&root)?;
        let path = js_sys::decode_uri(path)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| path.to_string());
        Some(Address::new(path, url.search()))
    }

    /// The address the browser shows now.
    pub fn current() -> Address {
        location()
            .and_then(|l| l.href().ok())
            .and_then(|href| web_sys::Url::new(&href).ok())
            .and_then(|u| address_of(&u))
            .unwrap_or_default()
    }

    /// The path of the page the server sent, when it was pre-rendered.
    pub fn prerendered() -> Option<Address> {
        let meta = web_sys::window()?
            .document()?
            .query_selector("meta[name=newsview-page]")
            .ok()??;
        Some(Address::new(meta.get_attribute("content")?, ""))
    }

    /// The fingerprint of the data the page was rendered from.
    pub fn prerendered_fingerprint() -> Option<String> {
        web_sys::window()?
            .document()?
            .query_selector("meta[name=newsview-data]")
            .ok()??
            .get_attribute("content")
    }

    /// An absolute URL for `to`: what a shared link carries.
    pub fn absolute(to: &Address) -> String {
        super::under(&site_root(), to)
    }

    fn write(to: &Address, push: bool) {
        let Some(w) = web_sys::window() else { return };
        if push {
            keep_place(&w);
        }
        let mut url = absolute(to);
        if !push {
            // Replacing the view keeps the reader's place (`#section`).
            url.push_str(&w.location().hash().unwrap_or_default());
        }
        if let Ok(history) = w.history() {
            let _ = if push {
                history.push_state_with_url(&JsValue::NULL, "", Some(&url))
            } else {
                history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
            };
        }
    }

    /// A jump within the page the reader may want to come back from (to a
    /// quote, to an event): a new history entry.
    pub fn push(to: &Address) {
        if current() != *to {
            write(to, true);
        }
    }

    /// A jump within the page the reader starts (a paragraph's clock to
    /// its event, a person to their quotes): the place they leave is kept
    /// in its entry and a new entry names the target (`#id`), so Back
    /// returns to where they were, focus included.
    pub fn push_jump(id: &str) {
        let Some(w) = web_sys::window() else { return };
        keep_place(&w);
        if let Ok(history) = w.history() {
            let fragment = format!("#{}", js_sys::encode_uri_component(id));
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&fragment));
        }
    }

    /// Before leaving an entry: where the reader was (scroll position), what
    /// had focus and where it stood on screen, kept in the entry itself for
    /// Back to restore.
    fn keep_place(w: &web_sys::Window) {
        let active = w.document().and_then(|d| d.active_element());
        let top = active
            .as_ref()
            .map(|el| el.get_bounding_client_rect().top());
        let focus = active
            .and_then(|el| {
                if !el.id().is_empty() {
                    return Some(format!("#{}", el.id()));
                }
                // Links the page draws have no id but a distinct href.
                let href = el.get_attribute("href")?;
                let class = el.class_name();
                let class = class
                    .split_whitespace()
                    .next()
                    .map(|c| format!(".{c}"))
                    .unwrap_or_default();
                (el.tag_name() == "A" && !href.contains('"'))
                    .then(|| format!("a{class}[href=\"{href}\"]"))
            })
            .unwrap_or_default();
        let place = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &place,
            &"scroll".into(),
            &w.scroll_y().unwrap_or(0.0).into(),
        );
        let _ = js_sys::Reflect::set(&place, &"focus".into(), &focus.into());
        if let Some(top) = top {
            let _ = js_sys::Reflect::set(&place, &"top".into(), &top.into());
        }
        if let Ok(history) = w.history() {
            let _ = history.replace_state(&place, "");
        }
    }

    /// After Back or Forward to an entry that kept its place: scroll there
    /// and give focus back, once the page has drawn it (a list that is still
    /// arriving gets a few frames).
    fn restore_place(tries: u32) {
        let Some(w) = web_sys::window() else { return };
        let Some(state) = w.history().ok().and_then(|h| h.state().ok()) else {
            return;
        };
        let field = |name: &str| js_sys::Reflect::get(&state, &name.into()).ok();
        let Some(scroll) = field("scroll").and_then(|s| s.as_f64()) else {
            return;
        };
        let focus = field("focus")
            .and_then(|f| f.as_string())
            .unwrap_or_default();
        let target = w
            .document()
            .and_then(|d| d.query_selector(&focus).ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if target.is_none() && !focus.is_empty() && tries > 0 {
            leptos::prelude::request_animation_frame(move || restore_place(tries - 1));
            return;
        }
        // Where the focused element stood on screen, if it is still there:
        // sections drawn since (they take their real height once near the
        // screen) move it from its old scroll position, not from the reader's
        // eye.
        let at = match (&target, field("top").and_then(|t| t.as_f64())) {
            (Some(el), Some(top)) => {
                w.scroll_y().unwrap_or(0.0) + el.get_bounding_client_rect().top() - top
            }
            _ => scroll,
        };
        w.scroll_to_with_x_and_y(0.0, at);
        if let Some(el) = target {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el.focus_with_options(&options);
        }
    }

    /// Show another view of the same page: no new history entry, no scroll.
    pub fn replace(to: &Address) {
        if current() != *to {
            write(to, false);
        }
    }

    /// Back and forward: `f` gets the restored address.
    pub fn on_history_change(f: impl Fn(Address) + 'static) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let cb = Closure::<dyn Fn()>::new(move || {
            f(current());
            leptos::prelude::request_animation_frame(|| restore_place(30));
        });
        let _ = window.add_event_listener_with_callback("popstate", cb.as_ref().unchecked_ref());
        cb.forget();
    }

    /// Links to other pages of this site are followed without a reload:
    /// the address is pushed to history and `navigate` gets it. Links that
    /// only change the `#fragment`, open elsewhere, or were handled already
    /// are left to the browser.
    pub fn follow_links_in_page(navigate: impl Fn(Address) + 'static) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let on_click =
            Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
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
                if !matches!(link.target().as_str(), "" | "_self") || link.has_attribute("download")
                {
                    return;
                }
                let Some(to) = web_sys::Url::new(&link.href())
                    .ok()
                    .and_then(|u| address_of(&u))
                else {
                    return;
                };
                if to == current() && !link.hash().is_empty() {
                    // A jump within the page (the contents, "Back to top"
                    // links) is the browser's to make; it adds the history
                    // entry. Keep the reader's place in the one it leaves,
                    // so Back restores focus as well as scroll.
                    if let Some(w) = web_sys::window() {
                        keep_place(&w);
                    }
                    return;
                }
                if !served_here(&to.route()) || to == current() {
                    return;
                }
                ev.prevent_default();
                write(&to, true);
                if let Some(w) = web_sys::window() {
                    w.scroll_to_with_x_and_y(0.0, 0.0);
                }
                navigate(to);
            });
        let _ =
            document.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        // Lives as long as the page.
        on_click.forget();
    }

    /// The `#fragment` of the address, decoded, if any.
    pub fn fragment() -> Option<String> {
        let hash = location()?.hash().ok()?;
        let id = hash.strip_prefix('#').filter(|id| !id.is_empty())?;
        Some(
            js_sys::decode_uri_component(id)
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_else(|| id.to_string()),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route(path: &str, query: &str) -> Route {
        Address::new(path, query).route()
    }

    #[test]
    fn paths_and_queries_name_their_pages() {
        assert_eq!(route("", ""), Route::Library);
        assert_eq!(route("index.html", "?q=x"), Route::Library);
        let article = |slug: &str, target, clean| Route::Article {
            slug: slug.into(),
            target,
            clean,
        };
        assert_eq!(route("", "article=s"), article("s", None, false));
        assert_eq!(route("a/s/", ""), article("s", None, true));
        assert_eq!(route("a/s/index.html", ""), article("s", None, true));
        assert_eq!(
            route("a/s/q/q1/", "topics=x"),
            article("s", Some(Target::Quote("q1".into())), true)
        );
        assert_eq!(
            route("a/s/e/e1/", ""),
            article("s", Some(Target::Event("e1".into())), true)
        );
        for unknown in [
            "a/",
            "a/S/",
            "a/s/q/",
            "a/s/x/y/",
            "schema/article.v1.json",
            "a/s/q/Bad/",
        ] {
            assert_eq!(route(unknown, ""), Route::Unknown, "{unknown}");
        }
    }

    #[test]
    fn targets_come_from_the_path_first() {
        assert_eq!(
            Address::new("", "article=s&quote=q2").target(),
            Some(Target::Quote("q2".into()))
        );
        assert_eq!(
            Address::new("a/s/e/e1/", "quote=q2").target(),
            Some(Target::Event("e1".into()))
        );
        assert_eq!(Address::new("a/s/", "quote=").target(), None);
    }

    #[test]
    fn links_are_relative_to_the_page() {
        let home = Address::default();
        let quote = target_page("s", &Target::Quote("q1".into()));
        assert_eq!(quote.path, "a/s/q/q1/");
        // Within the article, a quote shown stays on the article's page.
        let shown = article_view(
            "s",
            &["iran".into()],
            Some(&Target::Quote("q1".into())),
            true,
        );
        assert_eq!(shown.relative(), "a/s/?topics=iran&quote=q1");
        assert_eq!(shown.target(), Some(Target::Quote("q1".into())));
        assert_eq!(home.href_to(&quote), "a/s/q/q1/");
        assert_eq!(quote.href_to(&home), "../../../../");
        assert_eq!(home.href_to(&home), "./");
        assert_eq!(
            article_page("s").href_to(&Address::new("", "section=World")),
            "../../?section=World"
        );
        let old = article_view(
            "s",
            &["syria".into()],
            Some(&Target::Event("e".into())),
            false,
        );
        assert_eq!(old.relative(), "?article=s&topics=syria&event=e");
        let clean = article_view("s", &["syria".into(), "iran".into()], None, true);
        assert_eq!(clean.relative(), "a/s/?topics=syria,iran");
    }
}
