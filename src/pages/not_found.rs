use article::library::LibraryQuery;
use leptos::prelude::*;

use crate::address::{article_page, Address};
use crate::context::{Location, Prepared};

/// How many of the latest articles a missing page offers.
const LATEST: usize = 5;

/// An address this site has no page for (also the body of `404.html`):
/// what happened, a search of the site, and its latest articles (which the
/// build knows; the client-side path, which does not, offers the list).
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let location = expect_context::<Location>();
    let home = location.href_to(&Address::default());
    let latest = Prepared::here()
        .and_then(|p| p.library)
        .map(|m| m.articles.into_iter().take(LATEST).collect::<Vec<_>>())
        .filter(|l| !l.is_empty())
        .map(|entries| {
            let items = entries
                .into_iter()
                .map(|e| {
                    let href = location.href_to(&article_page(&e.slug));
                    view! { <li><a href=href>{e.headline}</a></li> }
                })
                .collect_view();
            view! {
                <h2 id="not_found_latest">"Latest articles"</h2>
                <ul class="not-found__latest" aria-labelledby="not_found_latest">{items}</ul>
            }
        });
    // Without an app (`404.html`) the browser sends the form to the list's
    // page; in the app, the list opens without a reload.
    let search = move |ev: leptos::ev::SubmitEvent| {
        let Some(form) = ev.target() else { return };
        ev.prevent_default();
        let q = crate::glue::form_value(&form, "q");
        let query = LibraryQuery {
            q,
            page: 1,
            ..Default::default()
        };
        location.push(Address::new("", query.to_query()));
    };
    view! {
        <section class="not-found" aria-labelledby="not_found_heading">
            <h1 id="not_found_heading">"Page not found"</h1>
            <p>"There is no page at this address. It may have moved, or the link may be incomplete."</p>
            <form class="not-found__search" role="search" action=home.clone() method="get" on:submit=search>
                <label for="not_found_q">"Search the articles"</label>
                <span class="not-found__field">
                    <input id="not_found_q" type="search" name="q" autocomplete="off" />
                    <button type="submit">"Search"</button>
                </span>
            </form>
            {latest}
            <p>
                <a href=home>"See all articles"</a>
            </p>
        </section>
    }
}
