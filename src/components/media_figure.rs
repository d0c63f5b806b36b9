use article::links::{host, image_allowed};
use article::validate::is_safe_image_src;
use article::{runs_text, Image, Inline, Media, MediaKind, Text};
use leptos::prelude::*;

use super::{Runs, SiteImage};
use crate::api;

/// Audio or video. The format carries no playable source, and a reader
/// needs no notice of what a copy left out: the caption stands as a
/// caption, quietly labelled with what it captions. (The original page's
/// placeholder text stays in the data, not on the page.) Without a caption
/// there is nothing to show.
#[component]
pub fn MediaFigure(media: Media) -> impl IntoView {
    let (kind, name) = match media.kind {
        MediaKind::Video => ("video", "Video"),
        MediaKind::Audio => ("audio", "Audio"),
    };
    (!is_blank(&media.caption)).then(|| {
        view! {
            <figure id=media.id class=format!("media media--{kind}")>
                <Caption label="Media caption, " kind=Some(name) caption=media.caption credit=None />
            </figure>
        }
    })
}

/// A picture with its caption. Without a usable `src` the figure is its
/// caption and credit, quietly labelled, with no empty frame and no notice
/// (its alt text stands as the caption if it has none). A picture on a
/// host the site does not load images from is offered as a link. The
/// article's lead picture (`lead`) loads at once; the others lazily.
#[component]
pub fn ImageFigure(image: Image, #[prop(default = false)] lead: bool) -> impl IntoView {
    let size = image.size();
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
        Some(src) => view! { <SiteImage src alt=image.alt size lead /> }.into_any(),
        None => {
            let caption = match is_blank(&image.caption) {
                true => vec![Inline::Text(Text { text: image.alt })],
                false => image.caption,
            };
            return view! {
                <figure id=image.id class="image image--caption-only">
                    <Caption label="Image caption, " kind=Some("Picture") caption credit=image.credit />
                </figure>
            }
            .into_any();
        }
    };
    view! {
        <figure id=image.id class="image">
            {picture}
            <Caption label="Image caption, " kind=None caption=image.caption credit=image.credit />
        </figure>
    }
    .into_any()
}

/// Whether a caption has no words.
fn is_blank(caption: &[Inline]) -> bool {
    runs_text(caption).trim().is_empty()
}

/// Captions carry a prefix for screen readers, as news sites do, so the
/// caption is not read as body text. A caption with nothing above it shows
/// what it captions (`kind`: "Video") as a small label, which screen
/// readers skip: they have the prefix.
#[component]
fn Caption(
    label: &'static str,
    kind: Option<&'static str>,
    caption: Vec<Inline>,
    credit: Option<String>,
) -> impl IntoView {
    view! {
        <figcaption>
            <span class="visually-hidden">{label}</span>
            {kind.map(|k| view! { <span class="caption__kind" aria-hidden="true">{k}</span> })}
            <Runs runs=caption />
            {credit.map(|c| view! { <span class="credit">{c}</span> })}
        </figcaption>
    }
}
