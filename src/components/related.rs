use article::{is_safe_url, Related};
use leptos::prelude::*;

/// "More on this story" (never empty: the page leaves it out when there are
/// no links). Only http/https addresses become links; anything else keeps
/// its title as text and says why.
#[component]
pub fn RelatedLinks(related: Related) -> impl IntoView {
    let links = related
        .links
        .into_iter()
        .map(|link| {
            if is_safe_url(&link.url) {
                view! { <li><a href=link.url>{link.title}</a></li> }.into_any()
            } else {
                view! {
                    <li>
                        {link.title}
                        " "
                        <span class="link-removed">"(link removed: not a web address)"</span>
                    </li>
                }
                .into_any()
            }
        })
        .collect::<Vec<_>>();
    view! {
        <section class="related" aria-labelledby="related_heading">
            <h2 id="related_heading">{related.heading}</h2>
            <ul class="related__list">{links}</ul>
        </section>
    }
}
