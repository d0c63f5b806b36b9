use article::links::{host, image_allowed};
use article::validate::is_safe_image_src;
use article::{Image, Inline, Media, MediaKind};
use leptos::prelude::*;

use super::{Runs, SiteImage};
use crate::api;

/// Audio or video. The format carries no playable source, so there is no
/// player to pretend to: a compact card says what the original had, keeps
/// its placeholder text as a small note, and shows the caption.
#[component]
pub fn MediaFigure(media: Media) -> impl IntoView {
    let (kind, name) = match media.kind {
        MediaKind::Video => ("video", "Video"),
        MediaKind::Audio => ("audio", "Audio"),
    };
    let note = (!media.placeholder.trim().is_empty()).then(|| {
        view! {
            <span class="media__note">
                "The original page said: “" <span class="media__placeholder">{media.placeholder}</span> "”"
            </span>
        }
    });
    view! {
        <figure id=media.id class=format!("media media--{kind}")>
            <p class="media__card">
                <span class="media__kind">{name} " not included here"</span>
                {note}
            </p>
            <Caption label="Media caption, " caption=media.caption credit=None />
        </figure>
    }
}

/// A picture with its caption. Without a usable `src` the figure keeps its
/// caption and credit and says in a line what the picture showed (its alt
/// text), with no empty frame. A picture on a host the site does not load
/// images from is offered as a link.
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
        // A relative source is relative to the site root, and an article
        // page sits in a folder of its own.
        Some(src) if src.contains("://") || src.starts_with('/') => {
            view! { <img src=src alt=image.alt loading="lazy" /> }.into_any()
        }
        Some(src) => view! { <SiteImage src alt=image.alt /> }.into_any(),
        None => {
            let what =
                (!image.alt.trim().is_empty()).then(|| view! { ": " <span>{image.alt}</span> });
            view! { <p class="image__missing">"Picture not included here" {what}</p> }.into_any()
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
