//! The pages, and which one an address shows. Every page is a query string
//! on the one `index.html`, so any static host serves every link.

mod article;
mod library;

pub use article::ArticleRoute;
pub use library::LibraryPage;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `?` with no article: the list of articles (with `q`, `section`, `topic`, `page`).
    Library,
    /// `?article=<slug>` (with `topics`, `quote`, `event`).
    Article(String),
}

impl Route {
    pub fn from_query(query: &str) -> Route {
        crate::glue::param_in(query, "article").map_or(Route::Library, Route::Article)
    }
}
