use leptos::prelude::*;

use crate::address::Address;
use crate::context::Location;

/// A link to a page of this site, relative to the page shown. Not an
/// island: a pre-rendered page's controls change only its query, never its
/// path, so the href the build wrote stays right; where the whole app moves
/// between paths (the list, the client-side path) the href follows the
/// address.
#[component]
pub fn SiteLink(
    to: Address,
    /// Empty for none.
    #[prop(into)]
    class: String,
    children: Children,
) -> impl IntoView {
    site_anchor(to, Some(class).filter(|c| !c.is_empty()), children())
}

/// The link itself: also what a page hydrated whole (the list) has in its
/// frame, where there are no islands.
pub fn site_anchor(to: Address, class: Option<String>, content: AnyView) -> impl IntoView {
    let location = expect_context::<Location>();
    view! {
        <a class=class href=move || location.href_to(&to)>
            {content}
        </a>
    }
}

/// A picture whose source passed the URL policy: one on another host as it
/// is, one on this site (`src` relative to the site root) reached from the
/// page shown. Not an island, as [`SiteLink`].
#[component]
pub fn SiteImage(
    src: String,
    alt: String,
    #[prop(optional, into)] class: Option<String>,
    /// Width and height in pixels: the room the picture keeps before it
    /// loads (the style sheet scales it to the column).
    #[prop(default = None)]
    size: Option<(u32, u32)>,
    /// The picture the reader sees first (an article's lead): fetched at
    /// once and early; every other picture waits until it nears the view.
    #[prop(default = false)]
    lead: bool,
) -> impl IntoView {
    let location = expect_context::<Location>();
    let relative = !(src.contains("://") || src.starts_with('/'));
    let src = move || match relative {
        true => format!("{}{src}", location.0.with(Address::root)),
        false => src.clone(),
    };
    let (width, height) = (size.map(|s| s.0), size.map(|s| s.1));
    let (loading, priority) = match lead {
        true => ("eager", Some("high")),
        false => ("lazy", None),
    };
    view! {
        <img class=class src=src alt=alt width=width height=height loading=loading fetchpriority=priority />
    }
}
