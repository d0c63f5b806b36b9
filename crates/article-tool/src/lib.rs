//! Plain-text news articles (as copied from a web page, like the seed) to
//! article JSON v1.
//!
//! The pipeline: bytes → checked lines → structure (section label, headline,
//! media, captions, subheadings, paragraphs, "More on this story") → people
//! (pass one over every paragraph) → quotes and their speakers (pass two, in
//! reading order) → topics → an `Article` that passes the same validation the
//! viewer runs.

mod attribution;
mod build;
mod furniture;
pub mod generate;
mod header;
mod people;
mod quotes;
pub mod topics;
mod words;

use std::fmt;

use article::{validate, Article, Party, Person, Severity, Source, FORMAT_VERSION};

use furniture::Piece;
pub use header::parse_date_line;
use people::People;
pub use topics::TopicList;
use words::slug;

/// Longer lines than this are not article text.
pub const MAX_LINE_CHARS: usize = 100_000;

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Article id; default: from the headline.
    pub slug: Option<String>,
    /// `YYYY-MM-DD`; default: a date line under the headline.
    pub published: Option<String>,
    /// Publisher name; default: "Unknown source" (with a warning).
    pub source: Option<String>,
    pub topics: Option<TopicList>,
    /// Record what each line became and why (`Imported::explained`).
    pub explain: bool,
}

/// Something to know that did not stop the import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Why nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => write!(f, "{}", self.message),
        }
    }
}

impl std::error::Error for Error {}

fn fail<T>(line: Option<usize>, message: impl Into<String>) -> Result<T, Error> {
    Err(Error {
        line,
        message: message.into(),
    })
}

#[derive(Debug, Clone)]
pub struct Imported {
    pub article: Article,
    pub warnings: Vec<Warning>,
    /// What each line became and the rule that decided it, in line order
    /// (`import --explain`); empty unless `Options::explain`.
    pub explained: Vec<Explained>,
}

/// One decision of the importer, for editors to review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained {
    pub line: usize,
    pub rule: String,
}

/// Import raw bytes: checks UTF-8 first, naming the line of a bad byte.
pub fn import_bytes(bytes: &[u8], options: &Options) -> Result<Imported, Error> {
    match std::str::from_utf8(bytes) {
        Ok(text) => import(text, options),
        Err(e) => {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            fail(
                Some(line),
                format!("not UTF-8 text (bad byte at offset {})", e.valid_up_to()),
            )
        }
    }
}

/// The stages in order: lines → header → furniture → names → quotes and
/// speakers → blocks → topics → the viewer's own validation.
pub fn import(text: &str, options: &Options) -> Result<Imported, Error> {
    let lines = lines_of(text)?;
    let mut warnings = Vec::new();
    let Some(header) = header::read(&lines) else {
        return fail(
            Some(lines[0].0),
            "no headline: every line is page furniture (media or image notes)",
        );
    };
    let mut explained: Vec<Explained> = header
        .rules
        .iter()
        .filter(|_| options.explain)
        .map(|&(line, rule)| Explained {
            line,
            rule: rule.into(),
        })
        .collect();
    let (headline_line, headline) = header.headline;
    let (published, source) = header_facts(&header, options, &mut warnings);

    let pieces = furniture::classify(&lines[header.used..], &mut |line, message| {
        warnings.push(Warning { line, message })
    });
    if options.explain {
        explained.extend(pieces.iter().map(|c| Explained {
            line: c.line,
            rule: c.rule.into(),
        }));
    }
    if !pieces.iter().any(|c| {
        matches!(
            c.piece,
            Piece::Paragraph(_) | Piece::Media { .. } | Piece::Image { .. } | Piece::Embed { .. }
        )
    }) {
        return fail(Some(headline_line), "no body text after the headline");
    }

    let mut people = people_of(&pieces);
    let build::Built { sections, related } = build::build(
        &pieces,
        &mut people,
        &mut warnings,
        options.explain.then_some(&mut explained),
    );
    let mut article = Article {
        format: FORMAT_VERSION,
        id: options
            .slug
            .clone()
            .unwrap_or_else(|| build::non_empty(slug(headline, 8), "article")),
        language: "en".into(),
        section: header.label.map(|(_, l)| l.to_string()),
        headline: headline.to_string(),
        summary: None,
        byline: None,
        authors: header
            .byline
            .as_deref()
            .map(header::authors)
            .unwrap_or_default(),
        published: published.map(Into::into),
        updated: None,
        source: Source {
            name: source,
            url: None,
        },
        parties: Vec::new(),
        people: Vec::new(),
        counterparts: Vec::new(),
        topics: Vec::new(),
        sections,
        related,
        timeline: Vec::new(),
    };
    add_people(&mut article, &people);
    if let Some(topics) = &options.topics {
        topics.tag(&mut article);
    }
    checked(&article)?;
    explained.sort_by_key(|e| e.line);
    Ok(Imported {
        article,
        warnings,
        explained,
    })
}

/// Stage one: the text's non-empty lines, trimmed, with their numbers.
fn lines_of(text: &str) -> Result<Vec<header::Line<'_>>, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let chars = line.chars().count();
        if chars > MAX_LINE_CHARS {
            return fail(
                Some(n + 1),
                format!("the line is {chars} characters long; the limit is {MAX_LINE_CHARS}"),
            );
        }
        let line = line.trim();
        if !line.is_empty() {
            lines.push((n + 1, line));
        }
    }
    if lines.is_empty() {
        return fail(None, "the input is empty");
    }
    Ok(lines)
}

/// The date and source, from the options or the header, with a warning for
/// each thing the text did not say.
fn header_facts(
    header: &header::Header,
    options: &Options,
    warnings: &mut Vec<Warning>,
) -> (Option<String>, String) {
    let line = header.headline.0;
    let mut warn = |line, message: String| warnings.push(Warning { line, message });
    if header.label.is_none() {
        warn(
            line,
            format!(
                "no section label line before the headline; the article has none ({})",
                header.rules[0].1
            ),
        );
    }
    if let Some((at, text)) = header.unread_date {
        warn(
            at,
            format!("\"{text}\" gives no date that can be read; the line is left out"),
        );
    }
    let published = options
        .published
        .clone()
        .or_else(|| header.date.as_ref().map(|d| d.1.clone()));
    if published.is_none() {
        warn(line, "no date line under the headline; the article has no date (pass --published YYYY-MM-DD to give one)".into());
    }
    let source = options.source.clone().unwrap_or_else(|| {
        warn(line, "no --source given; using \"Unknown source\"".into());
        "Unknown source".to_string()
    });
    (published, source)
}

/// Stage four: everyone the text introduces, from every text it holds.
fn people_of(pieces: &[furniture::Classified]) -> People {
    let mut people = People::default();
    for c in pieces {
        match &c.piece {
            Piece::Paragraph(t)
            | Piece::Media { caption: t, .. }
            | Piece::Image { caption: t, .. } => people.learn(t),
            Piece::Embed { text, .. } => text.iter().for_each(|t| people.learn(t)),
            _ => {}
        }
    }
    people
}

/// The people and organisations found, and the parties they belong to.
fn add_people(article: &mut Article, people: &People) {
    for found in &people.found {
        if let Some((id, name)) = found.affiliation {
            if article.party(id).is_none() {
                article.parties.push(Party {
                    id: id.into(),
                    name: name.into(),
                });
            }
        }
        article.people.push(Person {
            id: found.id.clone(),
            name: found.name.clone(),
            role: found.role.clone(),
            affiliation: found.affiliation.map(|a| a.0.to_string()),
            kind: found.kind,
        });
    }
}

/// The same checks the viewer runs: an import never writes what it would
/// reject.
fn checked(article: &Article) -> Result<(), Error> {
    let errors: Vec<String> = validate(article)
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.to_string())
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        fail(
            None,
            format!("the result does not validate: {}", errors.join("; ")),
        )
    }
}
