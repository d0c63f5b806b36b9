mod article;

pub use article::{ArticleContext, ArticlePage};
