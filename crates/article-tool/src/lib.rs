//! Plain-text news articles (as copied from a web page, like the seed) to
//! article JSON v1.
//!
//! The pipeline: bytes → checked lines → structure (section label, headline,
//! media, captions, subheadings, paragraphs, "More on this story") → people
//! (pass one over every paragraph) → quotes and their speakers (pass two, in
//! reading order) → topics → an `Article` that passes the same validation the
//! viewer runs.

mod furniture;
pub mod generate;
mod header;
mod people;
mod quotes;
pub mod topics;
mod words;

use std::fmt;

use article::{
    validate, Article, Block, Image, Inline, Link, Media, MediaKind, Paragraph, Party, Person,
    Quote, Related, Section, Severity, Source, Text, FORMAT_VERSION,
};

use furniture::{Classified, Piece};
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
    /// (`import --explain`).
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

pub fn import(text: &str, options: &Options) -> Result<Imported, Error> {
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
    let mut warnings = Vec::new();

    // The header: label, headline and date, each by the shape of its lines.
    let Some(header) = header::read(&lines) else {
        return fail(
            Some(lines[0].0),
            "no headline: every line is page furniture (media or image notes)",
        );
    };
    let mut explained: Vec<Explained> = header
        .rules
        .iter()
        .map(|&(line, rule)| Explained {
            line,
            rule: rule.into(),
        })
        .collect();
    let (headline_line, headline) = header.headline;
    if header.label.is_none() {
        warnings.push(Warning {
            line: headline_line,
            message: format!(
                "no section label line before the headline; the article has none ({})",
                header.rules[0].1
            ),
        });
    }
    let published = options
        .published
        .clone()
        .or_else(|| header.date.as_ref().map(|d| d.1.clone()));
    if published.is_none() {
        warnings.push(Warning {
            line: headline_line,
            message: "no date line under the headline; the article has no date (pass --published YYYY-MM-DD to give one)".into(),
        });
    }
    let source = options.source.clone().unwrap_or_else(|| {
        warnings.push(Warning {
            line: headline_line,
            message: "no --source given; using \"Unknown source\"".into(),
        });
        "Unknown source".to_string()
    });

    let pieces = furniture::classify(&lines[header.used..], &mut |line, message| {
        warnings.push(Warning { line, message })
    });
    explained.extend(pieces.iter().map(|c| Explained {
        line: c.line,
        rule: c.rule.into(),
    }));
    if !pieces.iter().any(|c| {
        matches!(
            c.piece,
            Piece::Paragraph(_) | Piece::Media { .. } | Piece::Image { .. }
        )
    }) {
        return fail(Some(headline_line), "no body text after the headline");
    }

    // Pass one: everyone the text introduces.
    let mut people = People::default();
    for c in &pieces {
        if let Some(text) = piece_text(&c.piece) {
            people.learn(text);
        }
    }

    // Pass two, in reading order: blocks, quotes and speakers.
    let mut sections = vec![Section {
        id: "top".into(),
        heading: None,
        blocks: Vec::new(),
    }];
    let mut related: Option<Related> = None;
    let mut ids = Ids::default();
    let mut last_mentioned: Option<usize> = None;
    let mut last_speaker: Option<usize> = None;
    let mut counts = (0, 0, 0);
    for Classified { line, piece, .. } in &pieces {
        let mut runs_of = |text: &str, paragraph: bool, warnings: &mut Vec<Warning>| {
            let (runs, speaker) = runs(
                text,
                *line,
                paragraph,
                &mut people,
                &mut last_mentioned,
                last_speaker,
                &mut ids,
                warnings,
            );
            if paragraph {
                last_speaker = speaker;
            }
            runs
        };
        let block = match *piece {
            Piece::Paragraph(text) => {
                counts.0 += 1;
                let runs = runs_of(text, true, &mut warnings);
                Block::Paragraph(Paragraph {
                    id: ids.take(&format!("p{}", counts.0)),
                    topics: Vec::new(),
                    runs,
                })
            }
            Piece::Media {
                placeholder,
                caption,
            } => {
                counts.1 += 1;
                let caption = runs_of(caption, false, &mut warnings);
                Block::Media(Media {
                    id: ids.take(&format!("media-{}", counts.1)),
                    kind: MediaKind::Video,
                    placeholder: placeholder.to_string(),
                    caption,
                })
            }
            Piece::Image { credit, caption } => {
                counts.2 += 1;
                let caption = runs_of(caption, false, &mut warnings);
                Block::Image(Image {
                    id: ids.take(&format!("image-{}", counts.2)),
                    src: None,
                    alt: "Picture accompanying the article (not included in the text)".into(),
                    caption,
                    credit: credit.map(String::from),
                })
            }
            Piece::Heading(heading) => {
                let id = ids.take(&non_empty(slug(heading, 8), "section"));
                sections.push(Section {
                    id,
                    heading: Some(heading.to_string()),
                    blocks: Vec::new(),
                });
                continue;
            }
            Piece::Related(heading) => {
                related = Some(Related {
                    heading: heading.to_string(),
                    links: Vec::new(),
                });
                continue;
            }
            Piece::Link { title, url } => {
                if let Some(r) = related.as_mut() {
                    r.links.push(Link {
                        title: title.to_string(),
                        url: url.to_string(),
                    });
                }
                continue;
            }
        };
        sections
            .last_mut()
            .expect("there is always a section")
            .blocks
            .push(block);
    }
    // The opening section may be empty when the text starts with a subheading.
    if sections[0].blocks.is_empty() && sections.len() > 1 {
        sections.remove(0);
    }

    let mut article = Article {
        format: FORMAT_VERSION,
        id: options
            .slug
            .clone()
            .unwrap_or_else(|| non_empty(slug(headline, 8), "article")),
        language: "en".into(),
        section: header.label.map(|(_, l)| l.to_string()),
        headline: headline.to_string(),
        summary: None,
        published,
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
        });
    }
    if let Some(topics) = &options.topics {
        topics.tag(&mut article);
    }

    // The same checks the viewer runs: an import never writes what it would reject.
    let errors: Vec<String> = validate(&article)
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.to_string())
        .collect();
    if !errors.is_empty() {
        return fail(
            None,
            format!("the result does not validate: {}", errors.join("; ")),
        );
    }
    explained.sort_by_key(|e| e.line);
    Ok(Imported {
        article,
        warnings,
        explained,
    })
}

fn piece_text<'a>(piece: &Piece<'a>) -> Option<&'a str> {
    match *piece {
        Piece::Paragraph(t) | Piece::Image { caption: t, .. } => Some(t),
        Piece::Media { caption, .. } => Some(caption),
        _ => None,
    }
}

/// Paragraph or caption text → runs with quotes, each attributed. Returns the
/// speaker of the last quote (for a following all-quote paragraph).
#[allow(clippy::too_many_arguments)]
fn runs(
    text: &str,
    line: usize,
    paragraph: bool,
    people: &mut People,
    last_mentioned: &mut Option<usize>,
    previous_speaker: Option<usize>,
    ids: &mut Ids,
    warnings: &mut Vec<Warning>,
) -> (Vec<Inline>, Option<usize>) {
    let ws = words::words(text);
    let mentions = people.mentions(&ws);
    let before_text = *last_mentioned;
    if let Some(m) = mentions.last() {
        *last_mentioned = Some(m.person);
    }
    let spans = match quotes::find(text) {
        Ok(spans) => spans,
        Err(quotes::Unbalanced) => {
            warnings.push(Warning {
                line,
                message: "quotation marks do not pair up; the text is kept without marking quotes"
                    .into(),
            });
            return (
                vec![Inline::Text(Text {
                    text: text.to_string(),
                })],
                None,
            );
        }
    };
    let whole = paragraph && quotes::is_whole(text, &spans);
    let mut out = Vec::with_capacity(spans.len() * 2 + 1);
    let mut cursor = 0;
    let mut last = None;
    for &span in &spans {
        if span.open > cursor {
            out.push(Inline::Text(Text {
                text: text[cursor..span.open].to_string(),
            }));
        }
        let speaker = quotes::attribute(text, &ws, &spans, span, &mentions, before_text)
            .or(if whole { previous_speaker } else { None });
        if speaker.is_none() {
            warnings.push(Warning {
                line,
                message: format!(
                    "no speaker found for the quote \"{}\"",
                    shorten(&text[span.start..span.end])
                ),
            });
        }
        let speaker_id = speaker.map(|p| people.found[p].id.clone());
        let base = format!(
            "{}-{}",
            speaker_id.as_deref().unwrap_or("unknown"),
            non_empty(slug(&text[span.start..span.end], 4), "quote")
        );
        out.push(Inline::Quote(Quote {
            id: ids.take(&base),
            speaker: speaker_id,
            text: text[span.start..span.end].to_string(),
        }));
        cursor = span.close;
        last = speaker.or(last);
    }
    if cursor < text.len() {
        out.push(Inline::Text(Text {
            text: text[cursor..].to_string(),
        }));
    }
    (out, last)
}

/// Unique element ids: a repeat gets `-2`, `-3`, …. Each base remembers
/// its last suffix, so many repeats stay linear.
#[derive(Default)]
struct Ids {
    taken: rustc_hash::FxHashSet<String>,
    next: rustc_hash::FxHashMap<String, usize>,
}

impl Ids {
    fn take(&mut self, base: &str) -> String {
        if !self.next.contains_key(base) {
            self.next.insert(base.to_string(), 2);
            if self.taken.insert(base.to_string()) {
                return base.to_string();
            }
        }
        let n = self.next.get_mut(base).expect("inserted above");
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if self.taken.insert(id.clone()) {
                return id;
            }
        }
    }
}

fn non_empty(s: String, fallback: &str) -> String {
    if s.is_empty() {
        fallback.to_string()
    } else {
        s
    }
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 50 {
        format!("{}…", s.chars().take(50).collect::<String>())
    } else {
        s.to_string()
    }
}
