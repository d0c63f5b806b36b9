//! The pages: the library, an article, a quote's or event's own page,
//! and "no such page". Which one an
//! address shows is decided in `address`.

mod article;
#[cfg(feature = "library")]
mod library;
mod not_found;
mod shared;

pub use article::ArticleRoute;
#[cfg(feature = "library")]
pub use library::LibraryPage;
pub use not_found::NotFoundPage;
pub use shared::SharedPage;
