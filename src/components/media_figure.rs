use article::links::{host, image_allowed};
use article::validate::is_safe_image_src;
use article::{Image, Inline, Media, MediaKind};
use leptos::prelude::*;

use super::Runs;
use crate::address::Address;
use crate::api;
use crate::context::Location;

/// Audio or video. There is no player in this viewer, so the figure shows
/// the article's own placeholder text where the player would be.
#[component]
pub fn MediaFigure(media: Media) -> impl IntoView {
    let kind = match media.kind {
        MediaKind::Video => "video",
        MediaKind::Audio => "audio",
    };
    view! {
        <figure id=media.id class=format!("media media--{kind}")>
            <div class="media__player">
                <p class="media__placeholder">{media.placeholder}</p>
            </div>
            <Caption label="Media caption, " caption=media.caption credit=None />
        </figure>
    }
}

/// A picture with its caption. Without a usable `src` the figure keeps its
/// caption and shows an empty frame labelled with the alt text. A picture
/// on a host the site does not load images from is offered as a link.
#[component]
pub fn ImageFigure(image: Image) -> impl IntoView {
    let picture = match image.src.filter(|s| is_safe_image_src(s)) {
        Some(src) if !image_allowed(&src, api::image_hosts().as_deref()) => {
            let host = host(&src).unwrap_or_default();
            view! {
                <p class="image__elsewhere">
                    "This picture is on another site: "
                    <a href=src>
                        {if image.alt.trim().is_empty() { "Open the picture".to_string() } else { image.alt.clone() }}
                        " (" <span>{host}</span> ")"
                    </a>
                </p>
            }
            .into_any()
        }
        Some(src) => {
            // A relative source is relative to the site root, and an article
            // page sits in a folder of its own.
            let location = expect_context::<Location>();
            let src = move || {
                if src.contains("://") || src.starts_with('/') {
                    src.clone()
                } else {
                    format!("{}{src}", location.0.with(Address::root))
                }
            };
            view! { <img src=src alt=image.alt loading="lazy" /> }.into_any()
        }
        None => {
            view! { <div class="image__missing" role="img" aria-label=image.alt></div> }.into_any()
        }
    };
    view! {
        <figure id=image.id class="image">
            {picture}
            <Caption label="Image caption, " caption=image.caption credit=image.credit />
        </figure>
    }
}

/// Captions carry a prefix for screen readers, as news sites do, so the
/// caption is not read as body text.
#[component]
fn Caption(label: &'static str, caption: Vec<Inline>, credit: Option<String>) -> impl IntoView {
    view! {
        <figcaption>
            <span class="visually-hidden">{label}</span>
            <Runs runs=caption />
            {credit.map(|c| view! { <span class="credit">{c}</span> })}
        </figcaption>
    }
}
