use leptos::prelude::*;

use crate::address::Address;
use crate::context::Location;

/// An address this site has no page for (also the body of `404.html`).
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let location = expect_context::<Location>();
    let home = location.href_to(&Address::default());
    view! {
        <section class="not-found" aria-labelledby="not_found_heading">
            <h1 id="not_found_heading">"Page not found"</h1>
            <p>"There is no page at this address. It may have moved, or the link may be incomplete."</p>
            <p>
                <a href=home>"See all articles"</a>
            </p>
        </section>
    }
}
