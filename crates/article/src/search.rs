//! Full-text search of the library. The index is built once, at build
//! time, and split into small files beside the manifest (`search/`): a
//! list of where each chunk of the sorted vocabulary starts, the chunks
//! (each word with the articles it occurs in), and each article's text for
//! the snippets. A query fetches the list, the chunks its words fall in and
//! the text of the results on screen, so what it costs depends on the
//! query, not on the size of the library.
//!
//! Articles are numbered in manifest order (all parts, as
//! `ManifestReader` reads them); the index carries a fingerprint of that
//! order, so a list that changed after the build is noticed, not misread.

use serde::{Deserialize, Serialize};

use crate::load::LoadError;
use crate::types::{runs_text, Article, Block};
use crate::validate::Problem;

/// The folder beside the manifest that holds the index.
pub const DIR: &str = "search";
/// The index's own format version.
pub const FORMAT: u32 = 1;
/// A chunk is cut after this many bytes of postings (before gzip).
const CHUNK_BYTES: usize = 12_000;
/// Words longer than this are indexed (and searched) by their start.
const MAX_TERM_CHARS: usize = 32;
/// Text kept per article for snippets: enough for a news story's body,
/// bounded so a result never costs the reader a book.
const TEXT_CHARS: usize = 12_000;
/// A prefix that spans more chunks than this is too short to expand.
const MAX_PREFIX_CHUNKS: usize = 2;

/// `search/index.json`: the start of every chunk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchMeta {
    pub format: u32,
    /// Articles numbered (entries in the manifest).
    pub docs: usize,
    /// `fingerprint` of the slugs in order: which list the numbers index.
    pub key: String,
    /// The first term of each chunk, in order; chunk `i` is `terms/<i>.json`.
    pub chunks: Vec<String>,
}

/// `search/terms/<i>.json`: terms in order, each with its postings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chunk {
    pub terms: Vec<String>,
    /// Encoded article numbers (see `encode`), one per term.
    pub postings: Vec<String>,
}

/// `search/text/<slug>.json`: an article's searchable text in passages
/// (paragraphs, headings, captions, people), for snippets. The headline
/// and summary are on the card already and are not repeated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passages {
    pub passages: Vec<String>,
}

/// The index's file types.
pub trait Readable: serde::de::DeserializeOwned + 'static {}
impl Readable for SearchMeta {}
impl Readable for Chunk {}
impl Readable for Passages {}

/// One of the index's files, read; `file` names it in the error.
pub fn read<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, LoadError> {
    serde_json::from_str(text).map_err(|e| LoadError {
        file: file.to_string(),
        problems: vec![Problem::error("", format!("not a search index file: {e}"))],
    })
}

/// FNV-1a, 64 bits, as 16 hex digits: a cheap fingerprint of a text.
pub fn fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// The fingerprint of a numbering of articles.
pub fn docs_key<'a>(slugs: impl Iterator<Item = &'a str>) -> String {
    let mut all = String::new();
    for slug in slugs {
        all.push_str(slug);
        all.push('\n');
    }
    fingerprint(&all)
}

/// Scripts written without spaces between words: each of their characters
/// is a term of its own, so a run of them is found by its characters.
fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}' // kana
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' // Han
        | '\u{AC00}'..='\u{D7AF}' // Hangul syllables
        | '\u{0E00}'..='\u{0E7F}' // Thai
        | '\u{20000}'..='\u{2FFFF}')
}

/// The terms of `text` with where each starts and ends (byte offsets):
/// runs of letters and digits, lower-cased, cut at `MAX_TERM_CHARS`.
pub fn term_spans(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    let flush = |out: &mut Vec<(usize, usize, String)>, from: usize, to: usize| {
        let term: String = text[from..to]
            .chars()
            .flat_map(char::to_lowercase)
            .take(MAX_TERM_CHARS)
            .collect();
        out.push((from, to, term));
    };
    for (i, c) in text.char_indices() {
        if is_unspaced(c) {
            if let Some(s) = start.take() {
                flush(&mut out, s, i);
            }
            flush(&mut out, i, i + c.len_utf8());
        } else if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            flush(&mut out, s, i);
        }
    }
    if let Some(s) = start {
        flush(&mut out, s, text.len());
    }
    out
}

/// One word of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub term: String,
    /// The reader may still be typing it: terms that start with it match.
    pub prefix: bool,
}

impl Word {
    pub fn matches(&self, term: &str) -> bool {
        if self.prefix {
            term.starts_with(&self.term)
        } else {
            term == self.term
        }
    }
}

/// The words of a query, each once. The last is a prefix unless the query
/// ends after it (a space, punctuation) or it is a single character.
pub fn query_words(q: &str) -> Vec<Word> {
    let spans = term_spans(q);
    let ends_open = spans.last().is_some_and(|&(_, end, _)| end == q.len());
    let mut words: Vec<Word> = Vec::new();
    for (n, (_, _, term)) in spans.iter().enumerate() {
        let prefix = ends_open && n + 1 == spans.len() && term.chars().count() >= 2;
        if let Some(same) = words.iter_mut().find(|w| &w.term == term) {
            same.prefix |= prefix;
        } else {
            words.push(Word {
                term: term.clone(),
                prefix,
            });
        }
    }
    words
}

/// Everything a reader might search an article for, besides its headline
/// and summary: the body in reading order, then its people and writers.
pub fn passages(a: &Article) -> Vec<String> {
    let mut out = Vec::new();
    for section in &a.sections {
        out.extend(section.heading.clone());
        if let Some(analysis) = &section.analysis {
            out.extend(analysis.byline.clone());
        }
        for block in &section.blocks {
            match block {
                Block::Paragraph(p) => out.push(runs_text(&p.runs)),
                Block::Media(m) => out.push(runs_text(&m.caption)),
                Block::Image(i) => {
                    out.push(runs_text(&i.caption));
                    out.extend(i.credit.clone());
                }
                Block::Embed(e) => {
                    out.extend(e.author.clone());
                    out.push(runs_text(&e.text));
                }
                Block::Unsupported(_) => {}
            }
        }
    }
    out.extend(a.timeline.iter().map(|e| e.title.clone()));
    out.extend(a.people.iter().map(|p| p.described()));
    out.extend(a.parties.iter().map(|p| p.name.clone()));
    out.extend(a.topics.iter().map(|t| t.label.clone()));
    out.extend(a.authors.iter().map(|w| match &w.role {
        Some(role) => format!("{}, {role}", w.name),
        None => w.name.clone(),
    }));
    out.extend(a.byline.clone());
    out.retain(|p| !p.trim().is_empty());
    out
}

/// What the index takes from one article: its terms (each once) and its
/// text file, for snippets. Made from the article alone, so a build can
/// make entries on one thread and add them, in list order, on another.
#[derive(Debug)]
pub struct Entry {
    terms: Vec<String>,
    /// Its path under `search/` and its JSON.
    text: (String, String),
}

impl Entry {
    /// The words the article can be found by, each once.
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// The entry of the article listed as `slug`.
    pub fn of(slug: &str, a: &Article) -> Entry {
        let body = passages(a);
        let mut seen = std::collections::HashSet::new();
        let mut terms = Vec::new();
        let card = [Some(&a.headline), a.summary.as_ref(), a.section.as_ref()];
        for text in card.into_iter().flatten().chain(&body) {
            for (_, _, term) in term_spans(text) {
                if seen.insert(term.clone()) {
                    terms.push(term);
                }
            }
        }
        // Snippets need no more than the story's first pages.
        let mut kept = Vec::new();
        let mut budget = TEXT_CHARS;
        for p in body {
            if budget == 0 {
                break;
            }
            let cut: String = p.chars().take(budget).collect();
            budget -= cut.chars().count();
            kept.push(cut);
        }
        let text = json(&Passages { passages: kept });
        Entry {
            terms,
            text: (IndexBuilder::text_file(slug), text),
        }
    }
}

/// Builds the index files from the library, article by article.
#[derive(Debug, Default)]
pub struct IndexBuilder {
    slugs: Vec<String>,
    /// Hashed while articles are added (a sorted map cost a comparison of
    /// strings per term of every article); sorted once in `files`.
    postings: rustc_hash::FxHashMap<String, Docs>,
}

impl IndexBuilder {
    /// `slugs`: the manifest's entries in order; they give the numbers.
    pub fn new(slugs: Vec<String>) -> Self {
        IndexBuilder {
            slugs,
            ..Default::default()
        }
    }

    /// Number `slug` next in the list (for a builder whose list is made
    /// as articles turn out to be published): its `doc` from now on.
    pub fn list(&mut self, slug: &str) -> usize {
        self.slugs.push(slug.to_string());
        self.slugs.len() - 1
    }

    /// Index the article listed at `doc` (in the order given to `new`).
    /// Articles must be added in that order. Returns the article's text
    /// file (its path under `search/` and its JSON) for the caller to write
    /// at once: the builder keeps only the postings, so its memory does not
    /// hold every article's text until the end.
    #[must_use]
    pub fn add(&mut self, doc: usize, a: &Article) -> (String, String) {
        let slug = self.slugs[doc].clone();
        self.add_entry(doc, Entry::of(&slug, a))
    }

    /// [`IndexBuilder::add`] for an entry made beforehand (on another
    /// thread, say).
    #[must_use]
    pub fn add_entry(&mut self, doc: usize, entry: Entry) -> (String, String) {
        for term in entry.terms {
            self.postings.entry(term).or_default().push(doc as u32);
        }
        entry.text
    }

    /// Article `doc` by the terms an earlier entry of it had (its text file
    /// is kept as it is).
    pub fn add_terms<'t>(&mut self, doc: usize, terms: impl Iterator<Item = &'t str>) {
        for term in terms {
            match self.postings.get_mut(term) {
                Some(docs) => docs.push(doc as u32),
                None => {
                    let mut docs = Docs::default();
                    docs.push(doc as u32);
                    self.postings.insert(term.to_string(), docs);
                }
            }
        }
    }

    /// Where the text file of the article listed as `slug` is, under
    /// `search/`.
    pub fn text_file(slug: &str) -> String {
        format!("text/{slug}.json")
    }

    /// The index's own files (its chunks of terms, then its start), as
    /// paths under `search/` and their JSON; the articles' text files came
    /// from `add`.
    pub fn files(self) -> Vec<(String, String)> {
        let mut files = Vec::new();
        self.write_files(&mut |path, json| {
            files.push((path, json));
            Ok::<(), ()>(())
        })
        .expect("collecting cannot fail");
        files
    }

    /// The same files handed to `emit` one at a time, each chunk as soon
    /// as it is full, so the index is never all in memory as text.
    pub fn write_files<E>(
        self,
        emit: &mut dyn FnMut(String, String) -> Result<(), E>,
    ) -> Result<(), E> {
        let docs = self.slugs.len();
        let mut starts = Vec::new();
        let mut chunk = Chunk {
            terms: Vec::new(),
            postings: Vec::new(),
        };
        let mut size = 0;
        let mut postings: Vec<(String, Docs)> = self.postings.into_iter().collect();
        postings.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for (term, list) in postings {
            if size >= CHUNK_BYTES {
                let full = std::mem::take(&mut chunk.terms);
                let lists = std::mem::take(&mut chunk.postings);
                emit(
                    format!("terms/{}.json", starts.len() - 1),
                    json(&Chunk {
                        terms: full,
                        postings: lists,
                    }),
                )?;
                size = 0;
            }
            if chunk.terms.is_empty() {
                starts.push(term.clone());
            }
            let encoded = encode(&list.decode(), docs);
            size += encoded.len() + term.len() + 6;
            chunk.terms.push(term);
            chunk.postings.push(encoded);
        }
        if !chunk.terms.is_empty() {
            emit(format!("terms/{}.json", starts.len() - 1), json(&chunk))?;
        }
        let meta = SearchMeta {
            format: FORMAT,
            docs,
            key: docs_key(self.slugs.iter().map(String::as_str)),
            chunks: starts,
        };
        emit("index.json".to_string(), json(&meta))
    }
}

/// One term's articles while the index is built, in the order they were
/// added (increasing): each as its gap from the one before, in 7-bit
/// groups. A byte or two an article where a `u32` took four and its
/// vector's spare room up to four more: the index's postings are most of
/// what a large archive's build holds in memory.
#[derive(Debug, Default)]
struct Docs {
    gaps: Vec<u8>,
    last: u32,
}

impl Docs {
    fn push(&mut self, doc: u32) {
        let mut gap = doc.wrapping_sub(self.last);
        self.last = doc;
        loop {
            let low = (gap & 0x7f) as u8;
            gap >>= 7;
            if gap == 0 {
                self.gaps.push(low);
                return;
            }
            self.gaps.push(low | 0x80);
        }
    }

    fn decode(&self) -> Vec<u32> {
        let mut docs = Vec::new();
        let (mut last, mut gap, mut shift) = (0u32, 0u32, 0);
        for &byte in &self.gaps {
            gap |= u32::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                last = last.wrapping_add(gap);
                docs.push(last);
                (gap, shift) = (0, 0);
            } else {
                shift += 7;
            }
        }
        docs
    }
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("plain data serialises")
}

impl SearchMeta {
    /// The chunk that would hold `term`.
    pub fn chunk_of(&self, term: &str) -> Option<usize> {
        self.chunks
            .partition_point(|start| start.as_str() <= term)
            .checked_sub(1)
    }

    /// The chunks to read for `word`, and the word as they can answer it:
    /// one chunk for a whole word; for one being typed, those its prefix
    /// spans, unless that is too many (a prefix that short matches too
    /// much to be worth the download), when it is searched as a whole word.
    pub fn chunks_for(&self, word: &Word) -> (Vec<usize>, Word) {
        let first = self.chunk_of(&word.term);
        if word.prefix {
            let last = self.chunk_of(&format!("{}\u{10FFFF}", word.term));
            if let (Some(f), Some(l)) = (first, last) {
                if l - f < MAX_PREFIX_CHUNKS {
                    return ((f..=l).collect(), word.clone());
                }
            }
        }
        let whole = Word {
            term: word.term.clone(),
            prefix: false,
        };
        (first.into_iter().collect(), whole)
    }
}

/// A set of article numbers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocSet(Vec<u64>);

impl DocSet {
    pub fn with_capacity(docs: usize) -> Self {
        DocSet(vec![0; docs.div_ceil(64)])
    }

    pub fn insert(&mut self, doc: usize) {
        if let Some(word) = self.0.get_mut(doc / 64) {
            *word |= 1 << (doc % 64);
        }
    }

    pub fn contains(&self, doc: usize) -> bool {
        self.0
            .get(doc / 64)
            .is_some_and(|w| w & (1 << (doc % 64)) != 0)
    }

    pub fn union(&mut self, other: &DocSet) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }
}

impl Chunk {
    /// The articles with any term `word` matches, for a library of `docs`.
    /// Postings that do not decode are skipped (a damaged file finds less,
    /// it does not fail).
    pub fn docs_for(&self, word: &Word, docs: usize) -> DocSet {
        let mut set = DocSet::with_capacity(docs);
        let from = self
            .terms
            .partition_point(|t| t.as_str() < word.term.as_str());
        for (term, postings) in self.terms[from..].iter().zip(&self.postings[from..]) {
            if !term.starts_with(&word.term) {
                break;
            }
            if word.matches(term) {
                for doc in decode(postings, docs).unwrap_or_default() {
                    set.insert(doc);
                }
            }
        }
        set
    }
}

/// Article numbers (ascending) as text: `d` and the gaps as base-128
/// varints, or `b` and a bitmap when that is shorter (a common word), each
/// in URL-safe base64.
pub fn encode(docs: &[u32], total: usize) -> String {
    let mut gaps = Vec::new();
    let mut last = 0u32;
    for (i, &d) in docs.iter().enumerate() {
        let mut gap = if i == 0 { d } else { d - last };
        last = d;
        loop {
            let byte = (gap & 0x7f) as u8;
            gap >>= 7;
            if gap == 0 {
                gaps.push(byte);
                break;
            }
            gaps.push(byte | 0x80);
        }
    }
    let bitmap_len = total.div_ceil(8);
    if bitmap_len < gaps.len() {
        let mut bits = vec![0u8; bitmap_len];
        for &d in docs {
            bits[d as usize / 8] |= 1 << (d % 8);
        }
        format!("b{}", base64(&bits))
    } else {
        format!("d{}", base64(&gaps))
    }
}

/// The numbers `encode` wrote; `None` for text it cannot have written.
pub fn decode(text: &str, total: usize) -> Option<Vec<usize>> {
    let bytes = unbase64(text.get(1..)?)?;
    let mut out = Vec::new();
    match text.as_bytes().first()? {
        b'b' => {
            for (i, byte) in bytes.iter().enumerate() {
                for bit in 0..8 {
                    if byte & (1 << bit) != 0 && i * 8 + bit < total {
                        out.push(i * 8 + bit);
                    }
                }
            }
        }
        b'd' => {
            let (mut value, mut shift, mut last) = (0usize, 0u32, 0usize);
            for byte in &bytes {
                value |= usize::from(byte & 0x7f).checked_shl(shift)?;
                shift += 7;
                if byte & 0x80 == 0 {
                    last = if out.is_empty() {
                        value
                    } else {
                        last.checked_add(value)?
                    };
                    out.push(last);
                    (value, shift) = (0, 0);
                } else if shift > 28 {
                    return None;
                }
            }
            if shift != 0 {
                return None;
            }
        }
        _ => return None,
    }
    Some(out)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for group in bytes.chunks(3) {
        let n = group
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=group.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
        }
    }
    out
}

fn unbase64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for group in text.as_bytes().chunks(4) {
        if group.len() == 1 {
            return None;
        }
        let mut n = 0u32;
        for (i, &c) in group.iter().enumerate() {
            let v = ALPHABET.iter().position(|&a| a == c)? as u32;
            n |= v << (18 - 6 * i);
        }
        for i in 0..group.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

/// `text` in pieces, each marked when it is a term some word matches.
pub fn highlight(text: &str, words: &[Word]) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, term) in term_spans(text) {
        if words.iter().any(|w| w.matches(&term)) {
            if start > at {
                out.push((text[at..start].to_string(), false));
            }
            out.push((text[start..end].to_string(), true));
            at = end;
        }
    }
    if at < text.len() {
        out.push((text[at..].to_string(), false));
    }
    out
}

/// Words shown around the first match in a snippet.
const BEFORE: usize = 8;
const AFTER: usize = 24;

/// The passage that matches the most of the words, cut to a few dozen
/// words around its first match, in highlighted pieces; `None` when no
/// passage matches any word.
pub fn snippet(passages: &[String], words: &[Word]) -> Option<Vec<(String, bool)>> {
    let best = passages
        .iter()
        .map(|p| {
            let spans = term_spans(p);
            let matched = words
                .iter()
                .filter(|w| spans.iter().any(|(_, _, t)| w.matches(t)))
                .count();
            (matched, p, spans)
        })
        .filter(|(matched, _, _)| *matched > 0)
        // The first of the best: earlier passages are the story's lead.
        .fold(None, |best: Option<(usize, &String, _)>, this| match best {
            Some(b) if b.0 >= this.0 => Some(b),
            _ => Some(this),
        })?;
    let (_, text, spans) = best;
    let first = spans
        .iter()
        .position(|(_, _, t)| words.iter().any(|w| w.matches(t)))?;
    let from = first.saturating_sub(BEFORE);
    let to = (first + AFTER).min(spans.len() - 1);
    let start = if from == 0 { 0 } else { spans[from].0 };
    let end = if to == spans.len() - 1 {
        text.len()
    } else {
        spans[to].1
    };
    let mut pieces = highlight(&text[start..end], words);
    if start > 0 {
        pieces.insert(0, ("…".to_string(), false));
    }
    if end < text.len() {
        pieces.push(("…".to_string(), false));
    }
    Some(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(q: &str) -> Vec<Word> {
        query_words(q)
    }

    #[test]
    fn terms_are_lower_cased_runs_of_letters_and_digits() {
        let terms: Vec<String> = term_spans("Mr Lavrov's talks, in Genève (2013) — 5.25%")
            .into_iter()
            .map(|t| t.2)
            .collect();
        assert_eq!(
            terms,
            ["mr", "lavrov", "s", "talks", "in", "genève", "2013", "5", "25"]
        );
        // Unspaced scripts: a character each.
        let terms: Vec<String> = term_spans("东京test").into_iter().map(|t| t.2).collect();
        assert_eq!(terms, ["东", "京", "test"]);
    }

    #[test]
    fn the_last_word_is_a_prefix_while_it_is_being_typed() {
        assert_eq!(
            words("Kerry lavr"),
            [
                Word {
                    term: "kerry".into(),
                    prefix: false
                },
                Word {
                    term: "lavr".into(),
                    prefix: true
                }
            ]
        );
        assert!(words("lavrov ").iter().all(|w| !w.prefix));
        assert!(words("lavrov,").iter().all(|w| !w.prefix));
        assert!(!words("a")[0].prefix);
        assert_eq!(words("talks Talks").len(), 1);
    }

    #[test]
    fn postings_round_trip_as_gaps_or_bitmaps() {
        for (docs, total) in [
            (vec![], 10),
            (vec![0], 1),
            (vec![3, 4, 200, 70_000], 100_000),
            ((0..1000).step_by(2).collect::<Vec<u32>>(), 1000),
            (vec![0, 1, 2, 3, 4, 5, 6, 7], 8),
        ] {
            let text = encode(&docs, total);
            let back: Vec<u32> = decode(&text, total)
                .unwrap()
                .into_iter()
                .map(|d| d as u32)
                .collect();
            assert_eq!(back, docs, "{text}");
        }
        // Dense lists take the bitmap, sparse ones the gaps.
        assert!(encode(&(0..1000).collect::<Vec<_>>(), 1000).starts_with('b'));
        assert!(encode(&[5, 900], 1000).starts_with('d'));
        for bad in ["", "x", "dA", "d!!!!", "bA"] {
            assert_ne!(decode(bad, 10), Some(vec![1]), "{bad}");
        }
        assert_eq!(decode("x", 10), None);
        assert_eq!(decode("d!!!!", 10), None);
    }

    fn library(n: usize) -> (SearchMeta, Vec<Chunk>) {
        let seed: Article = serde_json::from_str(include_str!(
            "../../../public/articles/us-russia-talks-despite-collisions.json"
        ))
        .unwrap();
        let slugs: Vec<String> = (0..n).map(|i| format!("a-{i}")).collect();
        let mut builder = IndexBuilder::new(slugs);
        for i in 0..n {
            let mut a = seed.clone();
            a.headline = format!("Story {i} zebra{}", i % 7);
            let (path, _) = builder.add(i, &a);
            assert_eq!(path, format!("text/a-{i}.json"));
        }
        let files = builder.files();
        let (_, start) = files.iter().find(|(p, _)| p == "index.json").unwrap();
        let meta: SearchMeta = serde_json::from_str(start).unwrap();
        let chunks = files
            .iter()
            .filter(|(p, _)| p.starts_with("terms/"))
            .map(|(_, j)| serde_json::from_str(j).unwrap())
            .collect();
        (meta, chunks)
    }

    fn find(meta: &SearchMeta, chunks: &[Chunk], q: &str) -> Vec<usize> {
        let words = words(q);
        let mut all: Option<Vec<usize>> = None;
        for w in &words {
            let mut set = DocSet::with_capacity(meta.docs);
            let (read, w) = meta.chunks_for(w);
            for c in read {
                set.union(&chunks[c].docs_for(&w, meta.docs));
            }
            let docs: Vec<usize> = (0..meta.docs).filter(|&d| set.contains(d)).collect();
            all = Some(match all {
                None => docs,
                Some(prev) => prev.into_iter().filter(|d| docs.contains(d)).collect(),
            });
        }
        all.unwrap_or_default()
    }

    #[test]
    fn the_index_finds_body_words_names_and_prefixes() {
        let (meta, chunks) = library(300);
        assert!(meta.chunks.len() > 1, "small chunks: {}", meta.chunks.len());
        assert_eq!(meta.docs, 300);
        // A name from the people list and the body, in every article.
        assert_eq!(find(&meta, &chunks, "Lavrov").len(), 300);
        // Only one headline word in a seventh of the articles.
        let sevenths = find(&meta, &chunks, "zebra3 ");
        assert_eq!(
            sevenths,
            (0..300).filter(|i| i % 7 == 3).collect::<Vec<_>>()
        );
        // A prefix being typed matches the words it starts.
        assert_eq!(find(&meta, &chunks, "zebr").len(), 300);
        assert!(find(&meta, &chunks, "zebra3 lavrov").len() == sevenths.len());
        assert!(find(&meta, &chunks, "zebra3 nosuchword").is_empty());
        // Every chunk is within its budget but a single long list.
        for (c, start) in chunks.iter().zip(&meta.chunks) {
            assert_eq!(&c.terms[0], start);
            assert!(c.terms.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn an_articles_list_is_kept_in_gaps_and_read_back_whole() {
        let mut docs = Docs::default();
        let added = [0u32, 1, 2, 130, 131, 20_000, 20_001, 3_000_000, u32::MAX];
        for d in added {
            docs.push(d);
        }
        assert_eq!(docs.decode(), added);
        assert!(docs.gaps.len() < added.len() * 4);
    }

    #[test]
    fn an_index_from_remembered_terms_is_the_index_from_the_articles() {
        let seed: Article = serde_json::from_str(include_str!(
            "../../../public/articles/us-russia-talks-despite-collisions.json"
        ))
        .unwrap();
        let articles: Vec<Article> = (0..5)
            .map(|i| {
                let mut a = seed.clone();
                a.headline = format!("Story {i} zebra{}", i % 2);
                a
            })
            .collect();
        let slugs: Vec<String> = (0..5).map(|i| format!("a-{i}")).collect();
        let mut read = IndexBuilder::new(slugs.clone());
        let mut remembered = IndexBuilder::new(slugs.clone());
        for (i, a) in articles.iter().enumerate() {
            let _ = read.add(i, a);
            // Odd articles come from their terms as a build remembers them.
            let entry = Entry::of(&slugs[i], a);
            if i % 2 == 1 {
                let kept = entry.terms().join(" ");
                remembered.add_terms(i, kept.split(' '));
            } else {
                let _ = remembered.add_entry(i, entry);
            }
        }
        assert_eq!(read.files(), remembered.files());
    }

    #[test]
    fn a_snippet_shows_the_best_passage_around_its_first_match() {
        let passages = vec![
            "Nothing here.".to_string(),
            "Mr Kerry met Mr Lavrov.".to_string(),
            format!(
                "{} the key phrase at last {}",
                "word ".repeat(30),
                "tail ".repeat(40)
            ),
        ];
        let shown = |pieces: Vec<(String, bool)>| {
            pieces
                .into_iter()
                .map(|(t, m)| if m { format!("[{t}]") } else { t })
                .collect::<String>()
        };
        assert_eq!(
            shown(snippet(&passages, &words("lavrov kerry")).unwrap()),
            "Mr [Kerry] met Mr [Lavrov]."
        );
        let long = shown(snippet(&passages, &words("key phrase ")).unwrap());
        assert!(long.starts_with("…word word"), "{long}");
        assert!(long.contains("the [key] [phrase] at last"), "{long}");
        assert!(long.ends_with("tail…"), "{long}");
        assert!(snippet(&passages, &words("absent")).is_none());
    }
}
