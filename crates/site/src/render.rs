//! The viewer's `App`, rendered to HTML for one address, with what the
//! build knows handed to it as context (`newsview::context::Prepared`):
//! the site's settings and the page's data. Nothing is set globally, so
//! one page's render cannot leak into another's.

use std::sync::Arc;

use leptos::prelude::*;
use newsview::address::Address;
use newsview::app::App;
use newsview::context::{Location, Prepared};

use crate::settings::Site;

/// The facts every page of this build is rendered with; a page adds its
/// own data (its article, or the library's first part).
pub fn prepared(site: &Site) -> Prepared {
    Prepared {
        base_url: site.base_url.clone(),
        image_hosts: site.image_hosts.clone(),
        article: None,
        library: None,
    }
}

/// The app as it looks at `address`, to HTML.
pub fn render_app(address: Address, prepared: Prepared) -> String {
    // Islands render their children without hydration markers and mark
    // their own: that needs a server context in islands mode.
    let context = hydration_context::SsrSharedContext::new_islands();
    let owner = Owner::new_root(Some(Arc::new(context)));
    let html = owner.with(|| {
        provide_context(prepared);
        let location = Location(RwSignal::new(address));
        view! { <App location /> }.to_html()
    });
    // The page's reactive graph is not needed once it is text.
    owner.cleanup();
    html
}
