//! Derived indexes and the reader's view state: which paragraphs each topic
//! covers, which ones a topic selection shows, and what a link can point at.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::types::{Article, Block};

/// What a shared link or the reader points at: one quote, or one timeline
/// event (with the paragraphs that mention it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    Quote(String),
    Event(String),
}

impl Target {
    pub fn id(&self) -> &str {
        match self {
            Target::Quote(id) | Target::Event(id) => id,
        }
    }
}

/// Built once per article: topic → paragraphs, block → section, where each
/// quote lives, which paragraphs each event has. Toggling a topic or
/// following a link only consults these. Serializable: a pre-rendered page
/// carries it, so its controls work without the article (ordered maps, so
/// the same article always writes the same page).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleIndex {
    /// Topic ids in the article's order.
    topics: Vec<String>,
    /// Paragraph ids in reading order.
    paragraphs: Vec<String>,
    /// Topic id → ordinals into `paragraphs`, in reading order.
    by_topic: BTreeMap<String, Vec<usize>>,
    /// Block id (paragraph or figure) → section ordinal.
    block_section: BTreeMap<String, usize>,
    /// Section ordinal → ordinals into `paragraphs`.
    sections: Vec<Vec<usize>>,
    /// Section id → ordinal.
    section_ids: BTreeMap<String, usize>,
    /// Quote id → (id of the block that holds it, speaker id if known).
    quotes: BTreeMap<String, (String, Option<String>)>,
    /// Event id → paragraph ids.
    events: BTreeMap<String, Vec<String>>,
    /// Paragraph id → event ids, in timeline order.
    paragraph_events: BTreeMap<String, Vec<String>>,
}

/// What a topic selection shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Visibility {
    /// `None`: no filter, everything is shown.
    paragraphs: Option<BTreeSet<String>>,
    sections: Option<BTreeSet<usize>>,
    /// The number of matching paragraphs (not counting forced ones).
    pub matching: usize,
}

impl Visibility {
    pub fn is_filtered(&self) -> bool {
        self.paragraphs.is_some()
    }

    pub fn shows_paragraph(&self, id: &str) -> bool {
        self.paragraphs.as_ref().is_none_or(|p| p.contains(id))
    }

    pub fn shows_section(&self, ordinal: usize) -> bool {
        self.sections.as_ref().is_none_or(|s| s.contains(&ordinal))
    }

    /// Where the filter hides a run of `paragraphs` (a section's, in order):
    /// each run's first position and length, in order. Empty unfiltered.
    pub fn hidden_runs(&self, paragraphs: &[String]) -> Vec<(usize, usize)> {
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for (at, id) in paragraphs.iter().enumerate() {
            if self.shows_paragraph(id) {
                continue;
            }
            match runs.last_mut() {
                Some((start, len)) if *start + *len == at => *len += 1,
                _ => runs.push((at, 1)),
            }
        }
        runs
    }
}

impl ArticleIndex {
    pub fn new(article: &Article) -> Self {
        let mut index = ArticleIndex {
            topics: article.topics.iter().map(|t| t.id.clone()).collect(),
            paragraphs: Vec::new(),
            by_topic: BTreeMap::new(),
            block_section: BTreeMap::new(),
            sections: Vec::with_capacity(article.sections.len()),
            section_ids: BTreeMap::new(),
            quotes: BTreeMap::new(),
            events: BTreeMap::new(),
            paragraph_events: BTreeMap::new(),
        };
        for (si, section) in article.sections.iter().enumerate() {
            index.section_ids.insert(section.id.clone(), si);
            let mut in_section = Vec::new();
            for block in &section.blocks {
                if let Block::Paragraph(p) = block {
                    let n = index.paragraphs.len();
                    index.paragraphs.push(p.id.clone());
                    in_section.push(n);
                    for topic in &p.topics {
                        index.by_topic.entry(topic.clone()).or_default().push(n);
                    }
                }
                if let Some(id) = block.id() {
                    index.block_section.insert(id.to_string(), si);
                }
            }
            index.sections.push(in_section);
        }
        for (block, q) in article.quotes() {
            index
                .quotes
                .insert(q.id.clone(), (block.to_string(), q.speaker.clone()));
        }
        for event in crate::timeline::in_date_order(article) {
            index
                .events
                .insert(event.id.clone(), event.paragraphs.clone());
            for p in &event.paragraphs {
                index
                    .paragraph_events
                    .entry(p.clone())
                    .or_default()
                    .push(event.id.clone());
            }
        }
        index
    }

    /// Topic ids in the article's order.
    pub fn topics(&self) -> &[String] {
        &self.topics
    }

    pub fn paragraph_count(&self) -> usize {
        self.paragraphs.len()
    }

    /// How many paragraphs are tagged with `topic`.
    pub fn count(&self, topic: &str) -> usize {
        self.by_topic.get(topic).map_or(0, Vec::len)
    }

    /// How many direct quotes `speaker` has.
    pub fn quote_count(&self, speaker: &str) -> usize {
        self.quotes
            .values()
            .filter(|(_, s)| s.as_deref() == Some(speaker))
            .count()
    }

    /// The speaker id of a quote, if the quote exists and its speaker is known.
    pub fn speaker_of(&self, quote: &str) -> Option<&str> {
        self.quotes.get(quote).and_then(|(_, s)| s.as_deref())
    }

    /// The paragraph ids of the section at `ordinal`, in order.
    pub fn section_paragraphs(&self, ordinal: usize) -> Vec<String> {
        self.sections.get(ordinal).map_or_else(Vec::new, |ps| {
            ps.iter().map(|&n| self.paragraphs[n].clone()).collect()
        })
    }

    /// Events that mention a paragraph, in date order.
    pub fn events_of(&self, paragraph: &str) -> &[String] {
        self.paragraph_events
            .get(paragraph)
            .map_or(&[], Vec::as_slice)
    }

    /// Whether the target exists in this article.
    pub fn has(&self, target: &Target) -> bool {
        match target {
            Target::Quote(id) => self.quotes.contains_key(id),
            Target::Event(id) => self.events.contains_key(id),
        }
    }

    /// The blocks a target needs on screen: the quote's paragraph or
    /// figure, or the event's paragraphs.
    pub fn blocks_of(&self, target: &Target) -> Vec<String> {
        match target {
            Target::Quote(id) => self.quotes.get(id).map(|(b, _)| vec![b.clone()]),
            Target::Event(id) => self.events.get(id).cloned(),
        }
        .unwrap_or_default()
    }

    /// The blocks a `#fragment` points at: a block itself, or a section's
    /// paragraphs (none for an id that is neither).
    pub fn blocks_of_fragment(&self, id: &str) -> Vec<String> {
        if self.block_section.contains_key(id) {
            return vec![id.to_string()];
        }
        self.section_ids
            .get(id)
            .map(|&si| {
                self.sections[si]
                    .iter()
                    .map(|&n| self.paragraphs[n].clone())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Paragraphs tagged with any selected topic; sections that keep at least
    /// one. `forced` blocks (and their sections) stay visible whatever the
    /// filter says.
    pub fn visibility(&self, selected: &[String], forced: &[String]) -> Visibility {
        if selected.is_empty() {
            return Visibility {
                paragraphs: None,
                sections: None,
                matching: self.paragraphs.len(),
            };
        }
        let ordinals: BTreeSet<usize> = selected
            .iter()
            .filter_map(|t| self.by_topic.get(t))
            .flatten()
            .copied()
            .collect();
        let mut paragraphs: BTreeSet<String> = ordinals
            .iter()
            .map(|&n| self.paragraphs[n].clone())
            .collect();
        let mut sections: BTreeSet<usize> = self
            .sections
            .iter()
            .enumerate()
            .filter(|(_, ps)| ps.iter().any(|n| ordinals.contains(n)))
            .map(|(si, _)| si)
            .collect();
        for block in forced {
            if let Some(&si) = self.block_section.get(block) {
                paragraphs.insert(block.clone());
                sections.insert(si);
            }
        }
        Visibility {
            paragraphs: Some(paragraphs),
            sections: Some(sections),
            matching: ordinals.len(),
        }
    }

    /// Whether the filter alone would hide any of these blocks. Figures have
    /// no topics: they show with their section.
    pub fn filter_hides(&self, selected: &[String], blocks: &[String]) -> bool {
        let shown = self.visibility(selected, &[]);
        blocks.iter().any(|block| {
            let Some(&si) = self.block_section.get(block) else {
                return false;
            };
            let is_paragraph = self.paragraphs.iter().any(|p| p == block);
            !shown.shows_section(si) || (is_paragraph && !shown.shows_paragraph(block))
        })
    }
}

/// The `topics` URL parameter: comma-separated topic ids. Returns the known
/// ones in the article's topic order (no repeats) and the unknown ones as
/// given, so the page can say what it ignored.
pub fn parse_topics(value: &str, topics: &[String]) -> (Vec<String>, Vec<String>) {
    let asked: Vec<&str> = value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let known = topics
        .iter()
        .filter(|t| asked.contains(&t.as_str()))
        .cloned()
        .collect();
    let mut unknown: Vec<String> = Vec::new();
    for a in asked {
        if topics.iter().all(|t| t != a) && !unknown.iter().any(|u| u == a) {
            unknown.push(a.to_string());
        }
    }
    (known, unknown)
}
