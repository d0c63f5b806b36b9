//! The reader's view of one article: topic selection and what a link
//! points at (a quote or a timeline event). Built once per article;
//! toggling a topic changes signals only, and each paragraph re-checks its
//! own visibility.

use std::collections::BTreeMap;
use std::sync::Arc;

use article::index::{parse_topics, ArticleIndex, Target, Visibility};
use article::Article;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::address::{article_view, target_page, Address, Route};
use crate::meta::{event_title, quote_title, title_words};

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

/// What an article page's controls need, worked out once from the article:
/// its index, and the words of its title and share controls for the
/// article and each quote and event. A pre-rendered page carries this
/// rather than the article, so its controls start without loading it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageFacts {
    pub slug: String,
    pub index: ArticleIndex,
    article: Words,
    targets: BTreeMap<String, Words>,
    /// Person id → name and role: a quote's tooltip.
    people: BTreeMap<String, String>,
}

/// The words for one page view: its title (before the site's name), what
/// its share control is called, and the title handed to a share sheet.
/// Plain text: no direction control from a name can turn the words around.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Words {
    title: String,
    label: String,
    share_title: String,
}

impl Words {
    fn new(title: String, label: String, share_title: String) -> Self {
        Words {
            title,
            label: plain(&label),
            share_title: plain(&share_title),
        }
    }
}

/// A quote's first few words, with an ellipsis where it goes on.
fn opening_words(text: &str) -> String {
    const WORDS: usize = 6;
    let mut words = text.split_whitespace();
    let opening: Vec<&str> = words.by_ref().take(WORDS).collect();
    let more = words.next().is_some();
    let opening = opening.join(" ");
    let opening = opening.trim_end_matches([',', ';', ':', '.', '-', '–', '—']);
    if more {
        format!("{opening}…")
    } else {
        opening.to_string()
    }
}

fn plain(text: &str) -> String {
    article::without_bidi_controls(text).into_owned()
}

impl PageFacts {
    pub fn new(a: &Article) -> Self {
        let index = ArticleIndex::new(a);
        let mut targets = BTreeMap::new();
        for (_, quote) in a.quotes() {
            let target = Target::Quote(quote.id.clone());
            // From the index: one look-up per quote, not a scan.
            let speaker = index
                .speaker_of(&quote.id)
                .and_then(|id| a.person(id))
                .map(|p| p.name.as_str());
            // The quote's first words tell one share control from another.
            let opening = opening_words(&quote.text);
            let (label, share_title) = match speaker {
                Some(name) => (
                    format!("Share quote by {name}: “{opening}”"),
                    format!("Quote by {name}: {}", a.headline),
                ),
                None => (
                    format!("Share quote (speaker not identified): “{opening}”"),
                    format!("Quote: {}", a.headline),
                ),
            };
            let title = quote_title(a, quote);
            targets.insert(key(&target), Words::new(title, label, share_title));
        }
        for event in &a.timeline {
            let target = Target::Event(event.id.clone());
            let words = Words::new(
                event_title(a, event),
                format!("Share event: {}", event.title),
                format!("{} - {}", event.title, a.headline),
            );
            targets.insert(key(&target), words);
        }
        // A tooltip is plain text: no direction control may turn it around.
        let people = a
            .people
            .iter()
            .map(|p| (p.id.clone(), plain(&p.described())))
            .collect();
        PageFacts {
            slug: a.id.clone(),
            index,
            people,
            article: Words::new(
                title_words(a, None),
                "Share this article".into(),
                a.headline.clone(),
            ),
            targets,
        }
    }

    fn words(&self, target: Option<&Target>) -> &Words {
        target
            .and_then(|t| self.targets.get(&key(t)))
            .unwrap_or(&self.article)
    }

    /// A quote's tooltip: its speaker's (a person id) name and role.
    pub fn speaker_title(&self, speaker: Option<&str>) -> &str {
        speaker
            .and_then(|s| self.people.get(s))
            .map_or("Speaker not identified", String::as_str)
    }

    /// What a page view's title says before the site's name.
    pub fn title(&self, target: Option<&Target>) -> &str {
        &self.words(target).title
    }
}

/// Quotes and events have ids of their own, which may coincide.
fn key(target: &Target) -> String {
    match target {
        Target::Quote(id) => format!("q/{id}"),
        Target::Event(id) => format!("e/{id}"),
    }
}

#[derive(Clone)]
pub struct ArticleState {
    pub facts: Arc<PageFacts>,
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
    pub fn new(facts: Arc<PageFacts>, address: &Address) -> Self {
        let selected = RwSignal::new(Vec::new());
        let target = RwSignal::new(None::<Target>);
        let fragment = RwSignal::new(None::<String>);
        let revealed = RwSignal::new(Vec::<String>::new());
        let visibility = {
            let facts = facts.clone();
            Memo::new(move |_| {
                let index = &facts.index;
                let mut forced =
                    target.with(|t| t.as_ref().map(|t| index.blocks_of(t)).unwrap_or_default());
                fragment
                    .with(|f| forced.extend(f.iter().flat_map(|f| index.blocks_of_fragment(f))));
                revealed.with(|r| forced.extend(r.iter().cloned()));
                selected.with(|s| index.visibility(s, &forced))
            })
        };
        let state = ArticleState {
            facts,
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
        matches!(address.route(), Route::Article { slug, .. } if slug == self.facts.slug)
    }

    /// (Re)apply the topic filter and the target from the address.
    pub fn read(&self, address: &Address) {
        let (topics, unknown) = parse_topics(
            &address.param("topics").unwrap_or_default(),
            self.index().topics(),
        );
        let mut notices = Vec::new();
        if !unknown.is_empty() {
            notices.push(Notice::UnknownTopics(unknown));
        }
        let asked = address.target();
        let target = match asked {
            Some(t) if self.index().has(&t) => {
                if self
                    .index()
                    .filter_hides(&topics, &self.index().blocks_of(&t))
                {
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
        let blocks = self.index().blocks_of_fragment(id);
        if blocks.is_empty()
            || !self
                .index()
                .filter_hides(&self.selected.get_untracked(), &blocks)
        {
            return;
        }
        self.fragment.set(Some(id.to_string()));
        self.notices.update(|n| n.push(Notice::FragmentShown));
    }

    /// The address of the current view.
    pub fn address(&self) -> Address {
        let slug = &self.facts.slug;
        self.selected.with(|s| {
            self.target
                .with(|t| article_view(slug, s, t.as_ref(), self.clean))
        })
    }

    pub fn toggle(&self, topic: &str) {
        let order = self.index().topics();
        self.selected.update(|s| {
            if let Some(i) = s.iter().position(|t| t == topic) {
                s.remove(i);
            } else {
                s.push(topic.to_string());
                let rank = |t: &String| order.iter().position(|o| o == t);
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
        let hidden = self.selected.with_untracked(|s| {
            self.index()
                .filter_hides(s, &self.index().blocks_of(&target))
        });
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
    /// Kerry"), and the title it hands to the share sheet.
    pub fn share_text(&self, target: Option<&Target>) -> (String, String) {
        let words = self.facts.words(target);
        (words.label.clone(), words.share_title.clone())
    }

    pub fn index(&self) -> &ArticleIndex {
        &self.facts.index
    }

    /// The article's page showing one quote or event, no filter: where a
    /// link to it within the article goes (a new tab opens it there).
    pub fn view_at(&self, target: &Target) -> Address {
        article_view(&self.facts.slug, &[], Some(target), self.clean)
    }

    /// The address of one quote or event (or, with none, of the article):
    /// its own page, no filter. What share buttons hand out.
    pub fn link_to(&self, target: Option<&Target>) -> Address {
        match target {
            Some(target) if self.clean => target_page(&self.facts.slug, target),
            _ => article_view(&self.facts.slug, &[], target, self.clean),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_is_named_by_its_first_six_words_without_trailing_punctuation() {
        assert_eq!(opening_words("short one"), "short one");
        assert_eq!(
            opening_words("We will discuss these differences, today, for certain."),
            "We will discuss these differences, today…"
        );
        assert_eq!(
            opening_words("one two three four five six, seven"),
            "one two three four five six…"
        );
        assert_eq!(opening_words("  spaced\n out  "), "spaced out");
    }

    /// What a pre-rendered page carries must say what the server said: the
    /// same titles for every view, through a round trip as JSON.
    #[test]
    fn page_facts_give_every_view_the_servers_words() {
        let a = crate::seed_article();
        let facts = PageFacts::new(&a);
        let facts: PageFacts =
            serde_json::from_str(&serde_json::to_string(&facts).unwrap()).unwrap();
        let targets = a
            .quotes()
            .map(|(_, q)| Target::Quote(q.id.clone()))
            .chain(a.timeline.iter().map(|e| Target::Event(e.id.clone())));
        for target in targets.map(Some).chain([None]) {
            let target = target.as_ref();
            assert_eq!(facts.title(target), title_words(&a, target), "{target:?}");
        }
        let kerry = Target::Quote("kerry-collisions".into());
        assert_eq!(
            facts.speaker_title(facts.index.speaker_of("kerry-collisions")),
            "John Kerry, US Secretary of State"
        );
        // The quote's first words tell it from the speaker's other quotes.
        assert_eq!(
            facts.words(Some(&kerry)).label,
            "Share quote by John Kerry: “collisions and moments of disagreement”"
        );
        assert_eq!(facts.words(None).label, "Share this article");
        assert_eq!(facts.words(None).share_title, a.headline);
        let unknown = Target::Quote("no-such-quote".into());
        assert_eq!(facts.words(Some(&unknown)), facts.words(None));
    }
}
