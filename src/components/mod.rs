//! One component per thing a reader sees.

mod article_tools;
mod date_time;
mod error_panel;
mod headline;
mod list_text;
mod media_figure;
mod notices;
mod paragraph;
mod people;
mod quotes_panel;
mod related;
mod runs;
mod section;
mod share_button;
// Written by the site build only, outside any app.
#[cfg(feature = "ssr")]
mod site_footer;
mod site_link;
mod social_post;
mod target_link;
mod timeline;
mod toc;
mod topic_filter;

pub use article_tools::ArticleTools;
pub use date_time::DateTime;
pub use error_panel::ErrorPanel;
pub use headline::Headline;
pub use list_text::ListText;
pub use media_figure::{ImageFigure, MediaFigure};
pub use notices::{PageNotices, ProblemsNotice, UnsupportedBlock};
pub use paragraph::ArticleParagraph;
pub use people::PeopleList;
pub use quotes_panel::QuotesPanel;
pub use related::RelatedLinks;
pub use runs::Runs;
pub use section::ArticleSection;
pub use share_button::ShareButton;
#[cfg(feature = "ssr")]
pub use site_footer::{FooterLink, SiteFooter};
pub use site_link::{site_anchor, SiteImage, SiteLink};
pub use social_post::SocialPost;
pub use target_link::{JumpLink, TargetLink};
pub use timeline::Timeline;
pub use toc::TableOfContents;
pub use topic_filter::TopicFilter;
