//! The reader's view of one article: topic selection and the quote a link
//! pointed at. Built once per article; toggling a topic changes signals
//! only, and each paragraph re-checks its own visibility.

use std::sync::Arc;

use article::filter::{parse_topics, view_query, ArticleIndex, Visibility};
use article::Loaded;
use leptos::prelude::*;

use crate::glue;

/// Messages about the address itself (unknown topics, a missing quote).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    UnknownTopics(Vec<String>),
    QuoteNotFound(String),
    QuoteShownDespiteFilter,
}

#[derive(Clone)]
pub struct ArticleState {
    pub loaded: Arc<Loaded>,
    pub index: Arc<ArticleIndex>,
    /// Selected topic ids, in the article's topic order.
    pub selected: RwSignal<Vec<String>>,
    /// The quote a link or the quotes panel points at.
    pub target_quote: RwSignal<Option<String>>,
    pub visibility: Memo<Visibility>,
    pub notices: RwSignal<Vec<Notice>>,
}

impl ArticleState {
    /// Read the view from the page address.
    pub fn from_url(loaded: Arc<Loaded>) -> Self {
        let index = Arc::new(ArticleIndex::new(&loaded.article));
        let selected = RwSignal::new(Vec::new());
        let target_quote = RwSignal::new(None);
        let notices = RwSignal::new(Vec::new());
        let visibility = {
            let index = index.clone();
            Memo::new(move |_| {
                selected.with(|s| target_quote.with(|q| index.visibility(s, q.as_deref())))
            })
        };
        let state = ArticleState {
            loaded,
            index,
            selected,
            target_quote,
            visibility,
            notices,
        };
        state.read_url();
        state
    }

    /// (Re)apply `?topics=` and `?quote=` from the address.
    pub fn read_url(&self) {
        let article = &self.loaded.article;
        let (topics, unknown) =
            parse_topics(&glue::query_param("topics").unwrap_or_default(), article);
        let mut notices = Vec::new();
        if !unknown.is_empty() {
            notices.push(Notice::UnknownTopics(unknown));
        }
        let quote = glue::query_param("quote").filter(|q| !q.is_empty());
        let target = match quote {
            Some(q) if self.index.has_quote(&q) => {
                if self.index.filter_hides_quote(&topics, &q) {
                    notices.push(Notice::QuoteShownDespiteFilter);
                }
                Some(q)
            }
            Some(q) => {
                notices.push(Notice::QuoteNotFound(q));
                None
            }
            None => None,
        };
        self.selected.set(topics);
        self.target_quote.set(target);
        self.notices.set(notices);
    }

    /// The address of the current view, as a query string.
    pub fn query(&self) -> String {
        let slug = &self.loaded.article.id;
        self.selected.with(|s| {
            self.target_quote
                .with(|q| view_query(slug, s, q.as_deref()))
        })
    }

    pub fn toggle(&self, topic: &str) {
        let order = &self.loaded.article.topics;
        self.selected.update(|s| {
            if let Some(i) = s.iter().position(|t| t == topic) {
                s.remove(i);
            } else {
                s.push(topic.to_string());
                s.sort_by_key(|t| order.iter().position(|o| &o.id == t));
            }
        });
        self.leave_quote();
    }

    pub fn clear(&self) {
        self.selected.set(Vec::new());
        self.leave_quote();
    }

    /// Changing the filter means the reader has moved on from a linked quote.
    fn leave_quote(&self) {
        if self.target_quote.with_untracked(Option::is_some) {
            self.target_quote.set(None);
        }
        self.notices
            .update(|n| n.retain(|n| *n != Notice::QuoteShownDespiteFilter));
    }

    /// Show a quote: visible whatever the filter, highlighted, focused.
    pub fn go_to_quote(&self, id: &str) {
        let hidden = self
            .selected
            .with_untracked(|s| self.index.filter_hides_quote(s, id));
        self.notices.update(|n| {
            n.retain(|n| *n != Notice::QuoteShownDespiteFilter);
            if hidden {
                n.push(Notice::QuoteShownDespiteFilter);
            }
        });
        self.target_quote.set(Some(id.to_string()));
    }

    /// A link to one quote: the article and the quote, no filter.
    pub fn quote_url(&self, quote: &str) -> String {
        glue::page_url(&view_query(&self.loaded.article.id, &[], Some(quote)))
    }
}
