//! The library of articles: search and filters over manifest entries, the
//! URL state that carries them, and pages of results.

use std::collections::HashSet;

use crate::links;
use crate::load::LoadError;
use crate::search::{query_words, DocSet, Word};
use crate::types::{Manifest, ManifestEntry};
use crate::validate::{article_id_problem, is_valid_id, reserved_name, Problem};

/// Results on one page of the home page list.
pub const PER_PAGE: usize = 20;

/// What the reader asked the library for (`?q=…&section=…&topic=…&page=…`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LibraryQuery {
    pub q: String,
    pub section: Option<String>,
    pub topic: Option<String>,
    /// 1-based.
    pub page: usize,
}

impl LibraryQuery {
    /// From decoded URL parameters; bad or missing values fall back to defaults.
    pub fn from_params(
        q: Option<String>,
        section: Option<String>,
        topic: Option<String>,
        page: Option<String>,
    ) -> Self {
        let non_empty =
            |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        LibraryQuery {
            q: q.unwrap_or_default().chars().take(200).collect(),
            section: non_empty(section),
            topic: non_empty(topic),
            page: page
                .and_then(|p| p.parse().ok())
                .filter(|&p| p >= 1)
                .unwrap_or(1),
        }
    }

    /// The query string for this view (empty for the plain home page).
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if !self.q.trim().is_empty() {
            parts.push(format!("q={}", encode(&self.q)));
        }
        if let Some(s) = &self.section {
            parts.push(format!("section={}", encode(s)));
        }
        if let Some(t) = &self.topic {
            parts.push(format!("topic={}", encode(t)));
        }
        if self.page > 1 {
            parts.push(format!("page={}", self.page));
        }
        parts.join("&")
    }

    /// Words, a section or a topic narrow the list to what matches.
    pub fn is_narrowed(&self) -> bool {
        !query_words(&self.q).is_empty() || self.section.is_some() || self.topic.is_some()
    }

    pub fn with_page(&self, page: usize) -> Self {
        LibraryQuery {
            page,
            ..self.clone()
        }
    }
}

pub use crate::url::encode;

/// Reads a manifest part by part, for the viewer and the pre-renderer
/// alike. Whatever cannot lead to an article is skipped with its field path
/// and reason, so one bad line never hides the rest: entries with a slug
/// that is not an id or was listed before, or without a headline, and
/// parts that are not plain file names beside the manifest or were named
/// before (a part naming itself included).
#[derive(Debug, Clone, Default)]
pub struct ManifestReader {
    slugs: HashSet<String>,
    parts: HashSet<String>,
}

/// What one part adds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PartRead {
    pub entries: Vec<ManifestEntry>,
    /// Further parts to load, as file names beside the manifest, in order.
    pub more: Vec<String>,
    /// What was skipped or corrected in this part; `None` when nothing was.
    pub skipped: Option<LoadError>,
}

impl ManifestReader {
    /// Read the part at `file` (its path ends in its file name, which is
    /// what other parts name it by).
    pub fn read(&mut self, file: &str, manifest: Manifest) -> PartRead {
        let mut problems = Vec::new();
        self.parts.insert(file_name(file).to_string());
        let mut entries = Vec::with_capacity(manifest.articles.len());
        for (i, mut entry) in manifest.articles.into_iter().enumerate() {
            let at = |field: &str| format!("articles[{i}].{field}");
            if let Some(problem) = article_id_problem(&entry.slug) {
                problems.push(Problem::error(
                    at("slug"),
                    format!("{problem}; entry skipped"),
                ));
            } else if self.parts.contains(&format!("{}.json", entry.slug)) {
                problems.push(Problem::error(
                    at("slug"),
                    format!(
                        "\"{}\" is the file name of a part of the manifest; entry skipped",
                        entry.slug
                    ),
                ));
            } else if !self.slugs.insert(entry.slug.clone()) {
                problems.push(Problem::error(
                    at("slug"),
                    format!("\"{}\" is listed already; entry skipped", entry.slug),
                ));
            } else if entry.headline.trim().is_empty() {
                self.slugs.remove(&entry.slug);
                problems.push(Problem::error(at("headline"), "is empty; entry skipped"));
            } else {
                if let Some(published) = &entry.published {
                    if let Some(e) = published.error() {
                        problems.push(Problem::warning(at("published"), format!("{e}; not shown")));
                        entry.published = None;
                    }
                }
                if let Some(e) = entry
                    .picture
                    .as_ref()
                    .and_then(|p| links::image(&p.src).err())
                {
                    problems.push(Problem::warning(
                        at("picture.src"),
                        format!("{e}; not shown"),
                    ));
                    entry.picture = None;
                }
                entries.push(entry);
            }
        }
        let mut more = Vec::new();
        for (i, name) in manifest.more.into_iter().enumerate() {
            let shown: String = name.chars().take(80).collect();
            let stem = name.strip_suffix(".json");
            let why = if !stem.is_some_and(is_valid_id) {
                "is not a file name beside the manifest (a-z, 0-9, '-', then .json)"
            } else if stem.and_then(reserved_name).is_some() {
                "is a name Windows keeps for a device"
            } else if stem.is_some_and(|s| self.slugs.contains(s)) {
                "is the file of an article listed already"
            } else if !self.parts.insert(name.clone()) {
                "is named already"
            } else {
                more.push(name);
                continue;
            };
            problems.push(Problem::error(
                format!("more[{i}]"),
                format!("\"{shown}\" {why}; part skipped"),
            ));
        }
        PartRead {
            entries,
            more,
            skipped: (!problems.is_empty()).then(|| LoadError {
                file: file.to_string(),
                problems,
            }),
        }
    }
}

/// Every entry of a manifest and its parts, read as the home page reads
/// them (first part, then the parts it names, in order, each naming more),
/// and what was skipped on the way, as messages. `folder` is the
/// manifest's folder as the messages should name it (`articles/`);
/// `load` reads the part a manifest names.
pub fn read_all(
    folder: &str,
    first: Manifest,
    load: impl FnMut(&str) -> Result<Manifest, String>,
) -> (Vec<ManifestEntry>, Vec<String>) {
    let (parts, skipped) = read_parts(folder, first, load);
    let entries = parts.into_iter().flat_map(|p| p.entries).collect();
    (entries, skipped)
}

/// One part of a manifest as read: its file name beside the manifest
/// (`index.json` for the first), the entries it adds and the parts it
/// names that could be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub name: String,
    pub entries: Vec<ManifestEntry>,
    pub more: Vec<String>,
}

/// [`read_all`], part by part, in the order read.
pub fn read_parts(
    folder: &str,
    first: Manifest,
    mut load: impl FnMut(&str) -> Result<Manifest, String>,
) -> (Vec<Part>, Vec<String>) {
    let mut reader = ManifestReader::default();
    let mut skipped = Vec::new();
    let mut parts: Vec<Part> = Vec::new();
    let mut unread = HashSet::new();
    let mut part = Some(("index.json".to_string(), first));
    let mut queue = std::collections::VecDeque::new();
    loop {
        if let Some((name, manifest)) = part.take() {
            let read = reader.read(&format!("{folder}{name}"), manifest);
            skipped.extend(read.skipped.map(|s| s.to_string()));
            queue.extend(read.more.iter().cloned());
            parts.push(Part {
                name,
                entries: read.entries,
                more: read.more,
            });
        }
        let Some(name) = queue.pop_front() else { break };
        match load(&name) {
            Ok(manifest) => part = Some((name, manifest)),
            Err(e) => {
                skipped.push(e);
                unread.insert(name);
            }
        }
    }
    for part in &mut parts {
        part.more.retain(|name| !unread.contains(name));
    }
    (parts, skipped)
}

/// The list as the site publishes it: every part read, each with only the
/// entries `published` keeps and naming only parts that were read, the
/// first counting what is left in all. What a reader is offered then leads
/// to a page, and the full-text index numbers exactly these entries.
pub fn published(parts: &[Part], published: impl Fn(&str) -> bool) -> Vec<(String, Manifest)> {
    let kept: Vec<Vec<ManifestEntry>> = parts
        .iter()
        .map(|p| {
            let entries = p.entries.iter().filter(|e| published(&e.slug));
            entries.cloned().collect()
        })
        .collect();
    let total = kept.iter().map(Vec::len).sum();
    parts
        .iter()
        .zip(kept)
        .enumerate()
        .map(|(i, (part, articles))| {
            let manifest = Manifest {
                format: crate::types::FORMAT_VERSION,
                total: (i == 0).then_some(total),
                articles,
                more: part.more.clone(),
            };
            (part.name.clone(), manifest)
        })
        .collect()
}

/// An article the list names, loaded as every page of the site reads it:
/// valid, and named for its slug (addresses and share links use the id, so
/// it must be the file's name). The site build, `article-tool index` and
/// the browser all read listed articles through this.
pub fn load_listed(file: &str, slug: &str, text: &str) -> Result<crate::Loaded, LoadError> {
    crate::load_article(file, text).and_then(|loaded| crate::check_file_name(file, slug, loaded))
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Entries with their lower-cased search text, built once as parts arrive;
/// a keystroke only scans these.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LibraryIndex {
    entries: Vec<ManifestEntry>,
    /// Lower-cased headline and summary, per entry.
    text: Vec<(String, String)>,
}

impl LibraryIndex {
    pub fn new(entries: Vec<ManifestEntry>) -> Self {
        let mut index = LibraryIndex::default();
        index.extend(entries);
        index
    }

    pub fn extend(&mut self, entries: Vec<ManifestEntry>) {
        for e in entries {
            let summary = e.summary.as_deref().unwrap_or_default().to_lowercase();
            self.text.push((e.headline.to_lowercase(), summary));
            self.entries.push(e);
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn entry(&self, i: usize) -> &ManifestEntry {
        &self.entries[i]
    }

    pub fn contains(&self, slug: &str) -> bool {
        self.entries.iter().any(|e| e.slug == slug)
    }

    /// The fingerprint of the list's order, which the full-text index's
    /// article numbers must have been built for.
    pub fn key(&self) -> String {
        crate::search::docs_key(self.entries.iter().map(|e| e.slug.as_str()))
    }

    /// Entries matching the section, the topic and every word of `q`. A
    /// word matches the headline or summary it occurs in; with `full_text`
    /// (the articles the index finds each word in, by position in this
    /// list) also any article whose text has it. Without words the order
    /// is the manifest's (newest first); with words, the most relevant
    /// first (see [`LibraryIndex::relevance`]), newest first among equals.
    pub fn search(&self, query: &LibraryQuery, full_text: Option<&[DocSet]>) -> Vec<usize> {
        let words = query_words(&query.q);
        let found = self.matching(query, &words, full_text);
        if words.is_empty() {
            return found;
        }
        // Each entry scored once; a stable sort keeps the manifest's order
        // among equals.
        let mut scored: Vec<(usize, usize)> = found
            .into_iter()
            .map(|i| (self.relevance(i, &words), i))
            .collect();
        scored.sort_by_key(|&(score, _)| std::cmp::Reverse(score));
        scored.into_iter().map(|(_, i)| i).collect()
    }

    /// How well entry `i` answers `words`: each word counts 3 where the
    /// headline has it and 1 where the summary does (a word found only in
    /// the article's text counts nothing more than being a match).
    pub fn relevance(&self, i: usize, words: &[Word]) -> usize {
        let (headline, summary) = &self.text[i];
        words
            .iter()
            .map(|w| {
                3 * usize::from(headline.contains(w.term.as_str()))
                    + usize::from(summary.contains(w.term.as_str()))
            })
            .sum()
    }

    fn matching(
        &self,
        query: &LibraryQuery,
        words: &[Word],
        full_text: Option<&[DocSet]>,
    ) -> Vec<usize> {
        (0..self.entries.len())
            .filter(|&i| {
                let e = &self.entries[i];
                query
                    .section
                    .as_ref()
                    .is_none_or(|s| e.section.as_ref() == Some(s))
                    && query
                        .topic
                        .as_ref()
                        .is_none_or(|t| e.topics.iter().any(|et| et.eq_ignore_ascii_case(t)))
                    && words.iter().enumerate().all(|(n, w)| {
                        let (headline, summary) = &self.text[i];
                        headline.contains(w.term.as_str())
                            || summary.contains(w.term.as_str())
                            || full_text
                                .is_some_and(|sets| sets.get(n).is_some_and(|s| s.contains(i)))
                    })
            })
            .collect()
    }

    /// Sections with how many entries each has, most first.
    pub fn sections(&self) -> Vec<(String, usize)> {
        count(self.entries.iter().filter_map(|e| e.section.as_deref()))
    }

    /// Topic labels with how many entries each has, most first.
    pub fn topics(&self) -> Vec<(String, usize)> {
        count(
            self.entries
                .iter()
                .flat_map(|e| e.topics.iter().map(String::as_str)),
        )
    }
}

fn count<'a>(items: impl Iterator<Item = &'a str>) -> Vec<(String, usize)> {
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for item in items {
        *counts.entry(item).or_default() += 1;
    }
    let mut out: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    // Names are unique keys, so an unstable sort gives the one order.
    out.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// One page of results: the slice of `results` to show and the page count.
/// A page past the end shows the last page.
pub fn page_of(results: &[usize], page: usize, per_page: usize) -> (&[usize], usize, usize) {
    let pages = results.len().div_ceil(per_page).max(1);
    let page = page.clamp(1, pages);
    let start = (page - 1) * per_page;
    let end = (start + per_page).min(results.len());
    (&results[start.min(end)..end], page, pages)
}

/// What the list's status line is told: how many results there are, which
/// page of them is shown, and how much of the list has loaded.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ResultCount {
    /// Results among the entries loaded so far.
    pub found: usize,
    /// The page asked for (1-based), and whether it is past the last page.
    pub page: usize,
    pub beyond_end: bool,
    /// Words, a section or a topic narrow the list.
    pub narrowed: bool,
    /// Entries loaded, and the whole list's size while parts still load.
    pub loaded: usize,
    pub expected: Option<usize>,
}

impl ResultCount {
    /// The status line: "Showing 21–40 of 120 articles, page 2 of 6",
    /// "3 articles match", "1 article matches so far (40 of 120 loaded)".
    /// While parts load, the unnarrowed list counts the whole list (its
    /// first pages are final), so a page read without scripts says what the
    /// site holds rather than how far a download got.
    pub fn describe(&self) -> String {
        let loading = self.expected.filter(|&t| self.loaded < t);
        let all = match loading {
            Some(total) if !self.narrowed => total,
            _ => self.found,
        };
        let pages = all.div_ceil(PER_PAGE).max(1);
        let page = self.page.clamp(1, pages);
        let first = (page - 1) * PER_PAGE + 1;
        let last = (first + PER_PAGE - 1).min(all);
        let matching = |n: usize| match n {
            1 => "1 article matches".to_string(),
            n => format!("{n} articles match"),
        };
        let mut text = if all == 0 {
            "No articles match".to_string()
        } else if self.beyond_end {
            let counted = match self.narrowed {
                true => matching(all),
                false => format!("{all} {}", crate::plural(all, "article")),
            };
            format!("{counted}, on {pages} {}", crate::plural(pages, "page"))
        } else if self.narrowed {
            matching(all)
        } else if pages == 1 {
            format!("{all} {}", crate::plural(all, "article"))
        } else {
            format!("Showing {first}–{last} of {all} articles, page {page} of {pages}")
        };
        if self.narrowed && pages > 1 && !self.beyond_end {
            text.push_str(&format!(", showing {first}–{last}, page {page} of {pages}"));
        }
        match loading {
            Some(total) if self.narrowed || all == 0 => {
                text.push_str(&format!(" so far ({} of {total} loaded)", self.loaded));
            }
            _ => {}
        }
        text
    }
}
