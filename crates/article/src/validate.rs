//! Checks that serde cannot express: ids, cross references, dates, links.
//! Every problem names the field path, the way the viewer and tools print it.

use rustc_hash::FxHashMap as HashMap;
use std::fmt;

use crate::date::Written;
use crate::types::{Article, Block, Inline, Precision, FORMAT_VERSION};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The article cannot be shown faithfully.
    Error,
    /// Shown anyway; the affected part is marked (unsupported block, unsafe link).
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Field path, e.g. `sections[2].blocks[4].runs[1].speaker`; empty for the whole file.
    pub path: String,
    pub message: String,
    pub severity: Severity,
}

impl Problem {
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
            severity: Severity::Error,
        }
    }

    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
            severity: Severity::Warning,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Ids become HTML ids and URL fragments, so keep them to a safe alphabet.
/// It has no `_`: the page's own ids all have one (`page_app`,
/// `story_headline`, `person_<id>`, …), so no id from data can take theirs.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Why an id cannot name a file or folder everywhere the site may be
/// kept: Windows keeps `con`, `prn`, `aux`, `nul`, `com1`–`com9` and
/// `lpt1`–`lpt9` for devices, whatever follows a dot. Quote and event ids
/// name folders and article ids name files, so none may be one.
pub fn reserved_name(id: &str) -> Option<&'static str> {
    let stem = id.split('.').next().unwrap_or(id).to_ascii_lowercase();
    let numbered = |prefix: &str| {
        stem.strip_prefix(prefix)
            .is_some_and(|n| n.len() == 1 && n.bytes().all(|b| b.is_ascii_digit()))
    };
    (matches!(stem.as_str(), "con" | "prn" | "aux" | "nul") || numbered("com") || numbered("lpt"))
        .then_some("is a name Windows keeps for a device, so no file or folder can have it there")
}

/// The manifest's own file names beside the articles: `index.json` and
/// its parts `index-2.json`, …; an article with such an id would be
/// written over them.
pub fn is_manifest_name(id: &str) -> bool {
    id == "index"
        || id
            .strip_prefix("index-")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Why `id` cannot be an article's id, if it cannot: its shape, a device
/// name, or the manifest's own file name.
pub fn article_id_problem(id: &str) -> Option<String> {
    if !is_valid_id(id) {
        return Some(format!(
            "\"{}\" is not an article id (a-z, 0-9 and '-')",
            id.chars().take(80).collect::<String>()
        ));
    }
    if let Some(why) = reserved_name(id) {
        return Some(format!("\"{id}\" {why}"));
    }
    is_manifest_name(id).then(|| {
        format!("\"{id}\" is the manifest's own file name ({id}.json); the article would be written over it")
    })
}

/// Only these become clickable links; everything else is shown as text
/// (the policy is `links::link`).
pub fn is_safe_url(url: &str) -> bool {
    crate::links::link(url).is_ok()
}

/// All problems in the article, errors and warnings, in document order.
pub fn validate(article: &Article) -> Vec<Problem> {
    let mut v = Validator::default();
    v.run(article);
    v.problems
}

/// Where an id stands, turned into a field path only for a message.
#[derive(Debug, Clone, Copy)]
enum IdAt {
    Party(usize),
    Person(usize),
    Topic(usize),
    Section(usize),
    Block(usize, usize),
    Run(usize, usize, &'static str, usize),
    Event(usize),
}

impl IdAt {
    fn path(self) -> String {
        match self {
            IdAt::Party(i) => format!("parties[{i}].id"),
            IdAt::Person(i) => format!("people[{i}].id"),
            IdAt::Topic(i) => format!("topics[{i}].id"),
            IdAt::Section(s) => format!("sections[{s}].id"),
            IdAt::Block(s, b) => format!("sections[{s}].blocks[{b}].id"),
            IdAt::Run(s, b, field, r) => format!("sections[{s}].blocks[{b}].{field}[{r}].id"),
            IdAt::Event(e) => format!("timeline[{e}].id"),
        }
    }
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
}

impl Validator {
    fn error(&mut self, path: String, message: String) {
        self.problems.push(Problem::error(path, message));
    }

    // Paths are built only when there is a problem to report: a large
    // article has hundreds of thousands of fields and almost all are fine.
    /// A link from data that the policy refuses is a warning saying why
    /// and what the reader gets instead.
    fn link(&mut self, path: String, url: &str, instead: &str) {
        if let Err(why) = crate::links::link(url) {
            self.problems.push(Problem::warning(
                path,
                format!("\"{url}\" {why}; {instead}"),
            ));
        }
    }

    fn not_empty(&mut self, path: impl FnOnce() -> String, value: &str) {
        if value.trim().is_empty() {
            self.error(path(), "must not be empty".into());
        }
    }

    /// Check one id namespace: shape and uniqueness. Returns the known ids.
    fn ids<'a>(
        &mut self,
        namespace: &str,
        entries: impl IntoIterator<Item = (IdAt, &'a str)>,
    ) -> HashMap<&'a str, IdAt> {
        let mut seen: HashMap<&str, IdAt> = HashMap::default();
        for (at, id) in entries {
            if !is_valid_id(id) {
                self.error(
                    at.path(),
                    format!("id \"{id}\" must use only a-z, 0-9 and '-', starting with a letter or digit"),
                );
            } else if let Some(why) = reserved_name(id) {
                self.error(at.path(), format!("id \"{id}\" {why}"));
            } else if let Some(first) = seen.get(id) {
                let first = first.path();
                self.error(
                    at.path(),
                    format!("duplicate {namespace} id \"{id}\" (first used at {first})"),
                );
            } else {
                seen.insert(id, at);
            }
        }
        seen
    }

    fn reference<V>(
        &mut self,
        path: impl FnOnce() -> String,
        known: &HashMap<&str, V>,
        kind: &str,
        id: &str,
    ) {
        if !known.contains_key(id) {
            self.error(path(), format!("no {kind} \"{id}\""));
        }
    }

    fn run(&mut self, a: &Article) {
        self.header(a);
        let (parties, people, topics) = self.cast(a);
        // Sections, blocks, quotes and events share one namespace: all of
        // them become HTML ids on the same page.
        let mut element_ids: Vec<(IdAt, &str)> = Vec::new();
        let mut paragraph_ids: HashMap<&str, ()> = HashMap::default();
        self.sections(a, &people, &topics, &mut element_ids, &mut paragraph_ids);
        self.timeline(a, &parties, &paragraph_ids, &mut element_ids);
        self.related(a);
        self.ids("element", element_ids);
    }

    /// The article's own fields: format, id, labels, dates, writers, source.
    fn header(&mut self, a: &Article) {
        if a.format != FORMAT_VERSION {
            self.error(
                "format".into(),
                format!(
                    "format {} is not supported (this viewer reads format {FORMAT_VERSION})",
                    a.format
                ),
            );
        }
        if let Some(problem) = article_id_problem(&a.id) {
            self.error("id".into(), problem);
        }
        if let Some(section) = &a.section {
            self.not_empty(|| "section".into(), section);
        }
        self.not_empty(|| "headline".into(), &a.headline);
        self.not_empty(|| "source.name".into(), &a.source.name);
        if let Some(published) = &a.published {
            match (published.value(), published.error()) {
                (Some(d), _) if d.precision() != Precision::Day => self.error(
                    "published".into(),
                    format!("\"{published}\" needs a day (YYYY-MM-DD)"),
                ),
                (_, Some(e)) => self.error("published".into(), e.to_string()),
                _ => {}
            }
        }
        if let Some(updated) = &a.updated {
            match (updated.value(), updated.error()) {
                (Some(m), _) => {
                    let published = a.published.as_ref().and_then(Written::value);
                    if published.is_some_and(|p| m.date() < *p) {
                        self.problems.push(Problem::warning(
                            "updated",
                            format!("\"{updated}\" is before the publication date"),
                        ));
                    }
                }
                (None, e) => self.error("updated".into(), e.unwrap_or_default().to_string()),
            }
        }
        for (i, author) in a.authors.iter().enumerate() {
            self.not_empty(|| format!("authors[{i}].name"), &author.name);
            if let Some(role) = &author.role {
                self.not_empty(|| format!("authors[{i}].role"), role);
            }
        }
        if let Some(url) = &a.source.url {
            self.link("source.url".into(), url, "shown as text");
        }
    }

    /// Parties, people, topics and counterparts: their ids (returned, for
    /// the references the rest makes) and their names.
    #[allow(clippy::type_complexity)]
    fn cast<'a>(
        &mut self,
        a: &'a Article,
    ) -> (
        HashMap<&'a str, IdAt>,
        HashMap<&'a str, IdAt>,
        HashMap<&'a str, IdAt>,
    ) {
        let parties = self.ids(
            "party",
            a.parties
                .iter()
                .enumerate()
                .map(|(i, p)| (IdAt::Party(i), p.id.as_str())),
        );
        let people = self.ids(
            "person",
            a.people
                .iter()
                .enumerate()
                .map(|(i, p)| (IdAt::Person(i), p.id.as_str())),
        );
        let topics = self.ids(
            "topic",
            a.topics
                .iter()
                .enumerate()
                .map(|(i, t)| (IdAt::Topic(i), t.id.as_str())),
        );
        for (i, p) in a.parties.iter().enumerate() {
            self.not_empty(|| format!("parties[{i}].name"), &p.name);
        }
        for (i, p) in a.people.iter().enumerate() {
            self.not_empty(|| format!("people[{i}].name"), &p.name);
            if let Some(aff) = &p.affiliation {
                self.reference(
                    || format!("people[{i}].affiliation"),
                    &parties,
                    "party",
                    aff,
                );
            }
        }
        for (i, t) in a.topics.iter().enumerate() {
            self.not_empty(|| format!("topics[{i}].label"), &t.label);
        }
        for (i, pair) in a.counterparts.iter().enumerate() {
            self.not_empty(|| format!("counterparts[{i}].label"), &pair.label);
            for (j, person) in pair.people.iter().enumerate() {
                self.reference(
                    || format!("counterparts[{i}].people[{j}]"),
                    &people,
                    "person",
                    person,
                );
            }
            if pair.people[0] == pair.people[1] {
                self.error(
                    format!("counterparts[{i}].people"),
                    "a person cannot be their own counterpart".into(),
                );
            }
        }
        (parties, people, topics)
    }

    /// Sections and their blocks, in order.
    fn sections<'a>(
        &mut self,
        a: &'a Article,
        people: &HashMap<&'a str, IdAt>,
        topics: &HashMap<&'a str, IdAt>,
        element_ids: &mut Vec<(IdAt, &'a str)>,
        paragraph_ids: &mut HashMap<&'a str, ()>,
    ) {
        // First parts of quotes so far, with their speakers.
        let mut quotes_seen: HashMap<&str, Option<&str>> = HashMap::default();
        if a.sections.is_empty() {
            self.error(
                "sections".into(),
                "an article needs at least one section".into(),
            );
        }
        for (si, section) in a.sections.iter().enumerate() {
            element_ids.push((IdAt::Section(si), &section.id));
            if let Some(h) = &section.heading {
                self.not_empty(|| format!("sections[{si}].heading"), h);
            }
            if section.analysis.is_some() && section.heading.is_none() {
                self.error(
                    format!("sections[{si}].heading"),
                    "an analysis box needs a heading (its title)".into(),
                );
            }
            for (bi, block) in section.blocks.iter().enumerate() {
                if let Some(id) = block.id() {
                    element_ids.push((IdAt::Block(si, bi), id));
                }
                self.block(si, bi, block, topics, paragraph_ids);
                self.runs(si, bi, block, people, element_ids, &mut quotes_seen);
            }
        }
    }

    /// One block's own fields (its runs are `runs`).
    fn block<'a>(
        &mut self,
        si: usize,
        bi: usize,
        block: &'a Block,
        topics: &HashMap<&'a str, IdAt>,
        paragraph_ids: &mut HashMap<&'a str, ()>,
    ) {
        match block {
            Block::Paragraph(p) => {
                paragraph_ids.insert(&p.id, ());
                for (ti, t) in p.topics.iter().enumerate() {
                    self.reference(
                        || format!("sections[{si}].blocks[{bi}].topics[{ti}]"),
                        topics,
                        "topic",
                        t,
                    );
                }
                if p.runs.is_empty() {
                    self.error(
                        format!("sections[{si}].blocks[{bi}].runs"),
                        "a paragraph needs at least one run".into(),
                    );
                }
            }
            Block::Media(m) => self.not_empty(
                || format!("sections[{si}].blocks[{bi}].placeholder"),
                &m.placeholder,
            ),
            Block::Image(img) => {
                self.not_empty(|| format!("sections[{si}].blocks[{bi}].alt"), &img.alt);
                if (img.width.is_some() || img.height.is_some()) && img.size().is_none() {
                    self.problems.push(Problem::warning(
                        format!("sections[{si}].blocks[{bi}].width"),
                        "width and height go together and are more than 0; the size is not used",
                    ));
                }
                if let Some(src) = &img.src {
                    if let Err(why) = crate::links::image(src) {
                        self.problems.push(Problem::warning(
                            format!("sections[{si}].blocks[{bi}].src"),
                            format!("\"{src}\" {why}; image not shown"),
                        ));
                    }
                }
            }
            Block::Embed(e) => {
                self.not_empty(
                    || format!("sections[{si}].blocks[{bi}].provider"),
                    &e.provider,
                );
                if let Some(url) = &e.url {
                    self.link(
                        format!("sections[{si}].blocks[{bi}].url"),
                        url,
                        "the post is shown without a link",
                    );
                }
                if let Some(posted) = &e.posted {
                    if let Some(err) = posted.error() {
                        self.error(format!("sections[{si}].blocks[{bi}].posted"), err.into());
                    }
                }
            }
            Block::Unsupported(raw) => {
                let kind = raw.get("type").and_then(|t| t.as_str()).unwrap_or("?");
                self.problems.push(Problem::warning(
                    format!("sections[{si}].blocks[{bi}]"),
                    format!("block type \"{kind}\" is not supported by this viewer; skipped"),
                ));
            }
        }
    }

    /// A block's runs: text that is not empty, quotes with known speakers,
    /// and a quote's later parts after its first, said by the same person.
    fn runs<'a>(
        &mut self,
        si: usize,
        bi: usize,
        block: &'a Block,
        people: &HashMap<&'a str, IdAt>,
        element_ids: &mut Vec<(IdAt, &'a str)>,
        quotes_seen: &mut HashMap<&'a str, Option<&'a str>>,
    ) {
        let rp = match block {
            Block::Paragraph(_) => "runs",
            Block::Embed(_) => "text",
            _ => "caption",
        };
        for (ri, run) in block.runs().iter().enumerate() {
            match run {
                Inline::Text(t) => {
                    if t.text.is_empty() {
                        self.error(
                            format!("sections[{si}].blocks[{bi}].{rp}[{ri}].text"),
                            "must not be empty".into(),
                        );
                    }
                }
                Inline::Quote(q) => {
                    element_ids.push((IdAt::Run(si, bi, rp, ri), &q.id));
                    if let Some(speaker) = &q.speaker {
                        self.reference(
                            || format!("sections[{si}].blocks[{bi}].{rp}[{ri}].speaker"),
                            people,
                            "person",
                            speaker,
                        );
                    }
                    self.not_empty(
                        || format!("sections[{si}].blocks[{bi}].{rp}[{ri}].text"),
                        &q.text,
                    );
                    // A later part names an earlier first part, said
                    // by the same speaker.
                    if let Some(first) = &q.part_of {
                        match quotes_seen.get(first.as_str()) {
                            Some(speaker) if *speaker == q.speaker.as_deref() => {}
                            Some(_) => self.error(
                                format!("sections[{si}].blocks[{bi}].{rp}[{ri}].part_of"),
                                format!("\"{first}\" has a different speaker"),
                            ),
                            None => self.error(
                                format!("sections[{si}].blocks[{bi}].{rp}[{ri}].part_of"),
                                format!("\"{first}\" is not an earlier quote"),
                            ),
                        }
                    } else {
                        quotes_seen.insert(&q.id, q.speaker.as_deref());
                    }
                }
            }
        }
    }

    /// Events: dates that match their precision, known parties and paragraphs.
    fn timeline<'a>(
        &mut self,
        a: &'a Article,
        parties: &HashMap<&'a str, IdAt>,
        paragraph_ids: &HashMap<&'a str, ()>,
        element_ids: &mut Vec<(IdAt, &'a str)>,
    ) {
        for (ei, event) in a.timeline.iter().enumerate() {
            element_ids.push((IdAt::Event(ei), &event.id));
            self.not_empty(|| format!("timeline[{ei}].title"), &event.title);
            let d = &event.date;
            match (&d.value, d.precision) {
                (None, Precision::Unknown) => {}
                (None, _) => self.error(
                    format!("timeline[{ei}].date.value"),
                    "missing; use precision \"unknown\" for an event with no date".into(),
                ),
                (Some(v), Precision::Unknown) => self.error(
                    format!("timeline[{ei}].date.value"),
                    format!("\"{v}\" given but precision is \"unknown\"; set the precision or null the value"),
                ),
                (Some(v), precision) => match (v.value(), v.error()) {
                    (Some(date), _) if date.precision() != precision => self.error(
                        format!("timeline[{ei}].date.value"),
                        format!("\"{v}\" does not match precision \"{}\"", precision_name(precision)),
                    ),
                    (_, Some(e)) => self.error(format!("timeline[{ei}].date.value"), e.into()),
                    _ => {}
                },
            }
            for (pi, party) in event.parties.iter().enumerate() {
                self.reference(
                    || format!("timeline[{ei}].parties[{pi}]"),
                    parties,
                    "party",
                    party,
                );
            }
            for (pi, para) in event.paragraphs.iter().enumerate() {
                self.reference(
                    || format!("timeline[{ei}].paragraphs[{pi}]"),
                    paragraph_ids,
                    "paragraph",
                    para,
                );
            }
        }
    }

    /// "More on this story": a heading, and titled links.
    fn related(&mut self, a: &Article) {
        if let Some(related) = &a.related {
            self.not_empty(|| "related.heading".into(), &related.heading);
            for (li, link) in related.links.iter().enumerate() {
                self.not_empty(|| format!("related.links[{li}].title"), &link.title);
                self.link(
                    format!("related.links[{li}].url"),
                    &link.url,
                    "shown as text",
                );
            }
        }
    }
}

fn precision_name(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Year => "year",
        Precision::Unknown => "unknown",
    }
}

/// Images may also come from the site itself (a relative path), but never
/// from another site through a relative path, over plain http, or from
/// `javascript:`, `data:` or any other scheme (the policy is
/// `links::image`).
pub fn is_safe_image_src(src: &str) -> bool {
    crate::links::image(src).is_ok()
}
