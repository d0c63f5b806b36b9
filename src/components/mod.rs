//! One component per thing a reader sees.

mod error_panel;
mod headline;
mod media_figure;
mod notices;
mod paragraph;
mod people;
mod related;
mod runs;
mod section;
mod toc;

pub use error_panel::ErrorPanel;
pub use headline::Headline;
pub use media_figure::{ImageFigure, MediaFigure};
pub use notices::{ProblemsNotice, UnsupportedBlock};
pub use paragraph::ArticleParagraph;
pub use people::PeopleList;
pub use related::RelatedLinks;
pub use runs::Runs;
pub use section::ArticleSection;
pub use toc::TableOfContents;
