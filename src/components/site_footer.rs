use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One of the footer's links, as the site's settings name it: the words,
/// and where it goes (an http(s) or mailto address, or `./path` on this
/// site, which the build points at the site's root from each page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FooterLink {
    pub label: String,
    pub href: String,
}

/// The publisher's footer: the site's name, its front page, and the links
/// its owner configures (about, contact, corrections). Written by the site
/// build beside the app, on every page, from the build's settings, so it
/// is the same whether or not an app runs.
#[component]
pub fn SiteFooter(name: String, links: Vec<FooterLink>) -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p class="site-footer__name">{name}</p>
            <nav aria-label="Site">
                <ul class="site-footer__links">
                    <li><a href="./">"All articles"</a></li>
                    {links
                        .into_iter()
                        .map(|l| view! { <li><a href=l.href>{l.label}</a></li> })
                        .collect_view()}
                </ul>
            </nav>
        </footer>
    }
}
