//! The reader's view of one article: topic selection and what a link
//! points at (a quote or a timeline event). Built once per article;
//! toggling a topic changes signals only, and each paragraph re-checks its
//! own visibility.

use std::sync::Arc;

use article::index::{parse_topics, ArticleIndex, Target, Visibility};
use article::Loaded;
use leptos::prelude::*;

use crate::address::{article_view, Address, Route};

/// Messages about the address itself and what it asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    UnknownTopics(Vec<String>),
    NotFound(Target),
    /// The target is shown although the topic filter would hide it.
    ShownDespiteFilter(Target),
    /// A `#fragment` (a section or a paragraph) shown in spite of the filter.
    FragmentShown,
}

#[derive(Clone)]
pub struct ArticleState {
    pub loaded: Arc<Loaded>,
    pub index: Arc<ArticleIndex>,
    /// Selected topic ids, in the article's topic order.
    pub selected: RwSignal<Vec<String>>,
    /// The quote or event a link, the quotes panel or the timeline points at.
    pub target: RwSignal<Option<Target>>,
    /// A `#fragment` the filter would hide, shown anyway (as a target is).
    pub fragment: RwSignal<Option<String>>,
    /// Paragraphs the filter hides that the reader showed in place; a new
    /// filter forgets them.
    pub revealed: RwSignal<Vec<String>>,
    pub visibility: Memo<Visibility>,
    pub notices: RwSignal<Vec<Notice>>,
    /// Opened by its own path: the view is written as clean paths
    /// (`a/<slug>/q/<id>/`), else as the old `?article=` query.
    clean: bool,
}

impl ArticleState {
    /// The view the address asks for.
    pub fn new(loaded: Arc<Loaded>, address: &Address) -> Self {
        let index = Arc::new(ArticleIndex::new(loaded.article()));
        let selected = RwSignal::new(Vec::new());
        let target = RwSignal::new(None::<Target>);
        let fragment = RwSignal::new(None::<String>);
        let revealed = RwSignal::new(Vec::<String>::new());
        let visibility = {
            let index = index.clone();
            Memo::new(move |_| {
                let mut forced =
                    target.with(|t| t.as_ref().map(|t| index.blocks_of(t)).unwrap_or_default());
                fragment
                    .with(|f| forced.extend(f.iter().flat_map(|f| index.blocks_of_fragment(f))));
                revealed.with(|r| forced.extend(r.iter().cloned()));
                selected.with(|s| index.visibility(s, &forced))
            })
        };
        let state = ArticleState {
            loaded,
            index,
            selected,
            target,
            fragment,
            revealed,
            visibility,
            notices: RwSignal::new(Vec::new()),
            clean: matches!(address.route(), Route::Article { clean: true, .. }),
        };
        state.read(address);
        state
    }

    /// Whether `address` is a view of this article (and not another page).
    pub fn shows(&self, address: &Address) -> bool {
        matches!(address.route(), Route::Article { slug, .. } if slug == self.loaded.article().id)
    }

    /// (Re)apply the topic filter and the target from the address.
    pub fn read(&self, address: &Address) {
        let (topics, unknown) = parse_topics(
            &address.param("topics").unwrap_or_default(),
            self.loaded.article(),
        );
        let mut notices = Vec::new();
        if !unknown.is_empty() {
            notices.push(Notice::UnknownTopics(unknown));
        }
        let asked = address.target();
        let target = match asked {
            Some(t) if self.index.has(&t) => {
                if self.index.filter_hides(&topics, &self.index.blocks_of(&t)) {
                    notices.push(Notice::ShownDespiteFilter(t.clone()));
                }
                Some(t)
            }
            Some(t) => {
                notices.push(Notice::NotFound(t));
                None
            }
            None => None,
        };
        self.selected.set(topics);
        self.revealed.set(Vec::new());
        self.target.set(target);
        self.notices.set(notices);
    }

    /// Show in place paragraphs the filter hides (a "hidden: show" marker).
    pub fn reveal(&self, paragraphs: &[String]) {
        self.revealed
            .update(|r| r.extend(paragraphs.iter().cloned()));
    }

    /// A `#fragment` opened with a filter that hides it: shown anyway, with
    /// a notice, as a quote link would be.
    pub fn reveal_fragment(&self, id: &str) {
        let blocks = self.index.blocks_of_fragment(id);
        if blocks.is_empty()
            || !self
                .index
                .filter_hides(&self.selected.get_untracked(), &blocks)
        {
            return;
        }
        self.fragment.set(Some(id.to_string()));
        self.notices.update(|n| n.push(Notice::FragmentShown));
    }

    /// The address of the current view.
    pub fn address(&self) -> Address {
        let slug = &self.loaded.article().id;
        self.selected.with(|s| {
            self.target
                .with(|t| article_view(slug, s, t.as_ref(), self.clean))
        })
    }

    pub fn toggle(&self, topic: &str) {
        let order = &self.loaded.article().topics;
        self.selected.update(|s| {
            if let Some(i) = s.iter().position(|t| t == topic) {
                s.remove(i);
            } else {
                s.push(topic.to_string());
                let rank = |t: &String| order.iter().position(|o| &o.id == t);
                s.sort_unstable_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.cmp(b)));
            }
        });
        self.leave_target();
    }

    pub fn clear(&self) {
        self.selected.set(Vec::new());
        self.leave_target();
    }

    /// Changing the filter means the reader has moved on from a linked target
    /// and from paragraphs shown in place.
    fn leave_target(&self) {
        if self.revealed.with_untracked(|r| !r.is_empty()) {
            self.revealed.set(Vec::new());
        }
        if self.target.with_untracked(Option::is_some) {
            self.target.set(None);
        }
        if self.fragment.with_untracked(Option::is_some) {
            self.fragment.set(None);
        }
        self.notices.update(|n| {
            n.retain(|n| !matches!(n, Notice::ShownDespiteFilter(_) | Notice::FragmentShown))
        });
    }

    /// Show a quote or an event's paragraphs: visible whatever the filter,
    /// highlighted, brought into view.
    pub fn go_to(&self, target: Target) {
        let hidden = self
            .selected
            .with_untracked(|s| self.index.filter_hides(s, &self.index.blocks_of(&target)));
        self.notices.update(|n| {
            n.retain(|n| !matches!(n, Notice::ShownDespiteFilter(_)));
            if hidden {
                n.push(Notice::ShownDespiteFilter(target.clone()));
            }
        });
        self.target.set(Some(target));
    }

    pub fn is_target(&self, target: &Target) -> bool {
        self.target.with(|t| t.as_ref() == Some(target))
    }

    /// What a share control for the target is called ("Share quote by John
    /// Kerry"), and the title it hands to the share sheet: plain text, so
    /// no direction control from a name can turn the words around it.
    pub fn share_text(&self, target: Option<&Target>) -> (String, String) {
        let (label, title) = match target {
            Some(target) => self.share_words(target),
            None => (
                "Share this article".to_string(),
                self.loaded.article().headline.clone(),
            ),
        };
        let plain = |s: String| article::without_bidi_controls(&s).into_owned();
        (plain(label), plain(title))
    }

    fn share_words(&self, target: &Target) -> (String, String) {
        let a = self.loaded.article();
        match target {
            Target::Quote(id) => {
                // From the index: one look-up per share button, not a scan.
                let speaker = self
                    .index
                    .speaker_of(id)
                    .and_then(|id| a.person(id))
                    .map(|p| p.name.as_str());
                match speaker {
                    Some(name) => (
                        format!("Share quote by {name}"),
                        format!("Quote by {name}: {}", a.headline),
                    ),
                    None => (
                        "Share quote (speaker not identified)".to_string(),
                        format!("Quote: {}", a.headline),
                    ),
                }
            }
            Target::Event(id) => {
                let title = a
                    .timeline
                    .iter()
                    .find(|e| &e.id == id)
                    .map_or(id.as_str(), |e| e.title.as_str());
                (
                    format!("Share event: {title}"),
                    format!("{title} - {}", a.headline),
                )
            }
        }
    }

    /// The address of one quote or event (or, with none, of the article):
    /// its page, no filter. What share buttons hand out and links to
    /// targets point at.
    pub fn link_to(&self, target: Option<&Target>) -> Address {
        article_view(&self.loaded.article().id, &[], target, self.clean)
    }
}
