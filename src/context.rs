//! What every page shares: the address it shows and the live region that
//! announces changes. Provided once by the app frame.

use leptos::prelude::*;

use crate::address::Address;

/// One polite live region for the whole page: components say what changed
/// ("Link copied") and screen readers hear it.
#[derive(Clone, Copy)]
pub struct Announcer(pub RwSignal<String>);

impl Announcer {
    pub fn say(&self, message: impl Into<String>) {
        let (signal, message) = (self.0, message.into());
        // Clear first so the same message twice is announced twice.
        signal.set(String::new());
        set_timeout(
            move || signal.set(message),
            std::time::Duration::from_millis(50),
        );
    }
}

/// The address the page shows: the one source of which page and which view
/// of it. Links within the site push a new one (no reload); back and
/// forward restore it; views that keep their state in the address replace
/// it. On the server it is the page being pre-rendered.
#[derive(Clone, Copy)]
pub struct Location(pub RwSignal<Address>);

impl Location {
    pub fn get(&self) -> Address {
        self.0.get()
    }

    pub fn get_untracked(&self) -> Address {
        self.0.get_untracked()
    }

    /// Show another view of the same page without a new history entry.
    pub fn replace(&self, to: Address) {
        if self.0.with_untracked(|now| *now == to) {
            return;
        }
        crate::address::browser::replace(&to);
        self.0.set(to);
    }

    /// Jump to another view of the same page with a history entry, so Back
    /// returns to where the reader was.
    pub fn push(&self, to: Address) {
        if self.0.with_untracked(|now| *now == to) {
            return;
        }
        crate::address::browser::push(&to);
        self.0.set(to);
    }

    /// A link from the page shown now to `to`.
    pub fn href_to(&self, to: &Address) -> String {
        self.0.with(|now| now.href_to(to))
    }
}

/// What the site build hands the components of the page it renders: the
/// site's settings and the data the page shows. Provided by the build
/// around `App`, never in the browser, whose components read the page
/// itself (its policy, its address) and this visit's downloads instead.
#[derive(Clone, Default)]
pub struct Prepared {
    /// Where the site is served (`NEWSVIEW_BASE_URL`, ending in `/`).
    pub base_url: Option<String>,
    /// Origins besides the site's own that images may come from.
    pub image_hosts: Vec<String>,
    /// The site's name (`NEWSVIEW_SITE_NAME`), in the masthead.
    pub site_name: String,
    /// The article this page shows, loaded and checked.
    pub article: Option<std::sync::Arc<article::Loaded>>,
    /// The manifest's first part, for the library's first screen.
    pub library: Option<article::Manifest>,
}

impl Prepared {
    /// The build's facts, when rendering in the build.
    pub fn here() -> Option<Prepared> {
        use_context::<Prepared>()
    }
}
