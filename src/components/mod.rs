//! One component per thing a reader sees.

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
mod social_post;
mod target_link;
mod timeline;
mod toc;
mod topic_filter;

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
pub use social_post::SocialPost;
pub use target_link::TargetLink;
pub use timeline::Timeline;
pub use toc::TableOfContents;
pub use topic_filter::TopicFilter;
