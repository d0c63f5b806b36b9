use article::{is_safe_url, Embed};
use leptos::prelude::*;

use super::{DateTime, Runs};

/// A post from a social network, as a quotation of it: who posted it, where
/// and when, and a link to it only when the article gives a real address.
#[component]
pub fn SocialPost(embed: Embed) -> impl IntoView {
    let url = embed.url.filter(|u| is_safe_url(u));
    let by = match (embed.author, embed.handle) {
        (Some(author), Some(handle)) => format!("{author} ({handle})"),
        (Some(name), None) | (None, Some(name)) => name,
        (None, None) => "an account".into(),
    };
    let posted = embed.posted.map(|value| view! { " · " <DateTime value /> });
    let link = url.clone().map(|u| {
        view! { " · " <a href=u>"The original post"</a> }
    });
    view! {
        <figure id=embed.id class="post">
            <blockquote class="post__text" cite=url>
                <p>
                    <Runs runs=embed.text />
                </p>
            </blockquote>
            <figcaption class="post__source">
                {embed.provider} " post by " {by} {posted} {link}
            </figcaption>
        </figure>
    }
}
