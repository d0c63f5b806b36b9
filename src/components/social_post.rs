use article::{is_safe_url, Embed};
use leptos::prelude::*;

use super::{DateTime, Runs};

/// A post from a social network, as a quotation of it: who posted it, where
/// and when, and a link to it only when the article gives a real address.
#[component]
pub fn SocialPost(embed: Embed) -> impl IntoView {
    let url = embed.url.filter(|u| is_safe_url(u));
    // Each name in its own element, so neither can turn the words after it.
    let by = match (embed.author, embed.handle) {
        (Some(author), Some(handle)) => {
            view! { <span>{author}</span> " (" <span>{handle}</span> ")" }.into_any()
        }
        (Some(name), None) | (None, Some(name)) => view! { <span>{name}</span> }.into_any(),
        (None, None) => "an account".into_any(),
    };
    let posted = embed.posted.map(|date| view! { " · " <DateTime date /> });
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
                <span>{embed.provider}</span> " post by " {by} {posted} {link}
            </figcaption>
        </figure>
    }
}
