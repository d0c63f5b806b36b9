use leptos::prelude::*;

use crate::address::Address;
use crate::context::Location;

/// A link to a page of this site, relative to the page shown. An article
/// page's address can move to a deeper path (a quote's own page) without a
/// reload, so the href follows the address.
#[crate::island]
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

/// A picture from this site (`src` relative to the site root), reached from
/// the page shown wherever its address has moved.
#[crate::island]
pub fn SiteImage(src: String, alt: String) -> impl IntoView {
    let location = expect_context::<Location>();
    let src = move || format!("{}{src}", location.0.with(Address::root));
    view! { <img src=src alt=alt loading="lazy" /> }
}
