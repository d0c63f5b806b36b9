mod article;

pub use article::ArticlePage;
