//! Plain-text news articles (as copied from a web page, like the seed) to
//! article JSON v1.
//!
//! The pipeline: bytes → checked lines → structure (section label, headline,
//! media, captions, subheadings, paragraphs, "More on this story") → people
//! (pass one over every paragraph) → quotes and their speakers (pass two, in
//! reading order) → topics → an `Article` that passes the same validation the
//! viewer runs.

pub mod generate;
mod people;
mod quotes;
pub mod topics;
mod words;

use std::fmt;

use article::{
    validate, Article, Block, Image, Inline, Link, Media, MediaKind, Paragraph, Party, Person,
    Quote, Related, Section, Severity, Source, Text, FORMAT_VERSION,
};

use people::People;
pub use topics::TopicList;
use words::slug;

/// Longer lines than this are not article text.
pub const MAX_LINE_CHARS: usize = 100_000;

const MEDIA_PLACEHOLDER: &str = "Media playback is unsupported on your device";
const MEDIA_CAPTION: &str = "Media caption";
const IMAGE_CAPTION: &str = "Image caption";
const MORE_ON_THIS_STORY: &str = "More on this story";

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

/// One body line, classified.
enum Piece<'a> {
    Paragraph(&'a str),
    Media {
        placeholder: &'a str,
        caption: &'a str,
    },
    Image(&'a str),
    Heading(&'a str),
    Related(&'a str),
    Link {
        title: &'a str,
        url: &'a str,
    },
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

    // Header: an optional short section label, then the headline.
    let (section, headline_at) = match lines.as_slice() {
        [(_, first), (_, second), ..] if is_label(first) && !is_furniture(second) => {
            (first.to_string(), 1)
        }
        _ => {
            warnings.push(Warning {
                line: lines[0].0,
                message: "no section label line before the headline; using \"News\"".into(),
            });
            ("News".to_string(), 0)
        }
    };
    let Some(&(headline_line, headline)) = lines.get(headline_at).filter(|(_, l)| !is_furniture(l))
    else {
        return fail(
            Some(lines[0].0),
            "no headline: the text should start with a section label and a headline line",
        );
    };
    let mut body = &lines[headline_at + 1..];
    let mut published = options.published.clone();
    if let Some(&(_, line)) = body.first() {
        if let Some(date) = parse_date_line(line) {
            published.get_or_insert(date);
            body = &body[1..];
        }
    }
    let Some(published) = published else {
        return fail(
            Some(headline_line),
            "no publication date: add a date line under the headline (\"9 August 2013\" or 2013-08-09) or pass --published YYYY-MM-DD",
        );
    };
    let source = options.source.clone().unwrap_or_else(|| {
        warnings.push(Warning {
            line: headline_line,
            message: "no --source given; using \"Unknown source\"".into(),
        });
        "Unknown source".to_string()
    });

    let pieces = classify(body, &mut warnings);
    if !pieces.iter().any(|(_, p)| {
        matches!(
            p,
            Piece::Paragraph(_) | Piece::Media { .. } | Piece::Image(_)
        )
    }) {
        return fail(Some(headline_line), "no body text after the headline");
    }

    // Pass one: everyone the text introduces.
    let mut people = People::default();
    for (_, piece) in &pieces {
        if let Some(text) = piece_text(piece) {
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
    for (line, piece) in &pieces {
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
            Piece::Image(caption) => {
                counts.2 += 1;
                let caption = runs_of(caption, false, &mut warnings);
                Block::Image(Image {
                    id: ids.take(&format!("image-{}", counts.2)),
                    src: None,
                    alt: "Picture accompanying the article (not included in the text)".into(),
                    caption,
                    credit: None,
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
        section,
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
    Ok(Imported { article, warnings })
}

/// Body lines to pieces, in order.
fn classify<'a>(body: &[(usize, &'a str)], warnings: &mut Vec<Warning>) -> Vec<(usize, Piece<'a>)> {
    let mut pieces = Vec::with_capacity(body.len());
    let mut i = 0;
    let mut in_related = false;
    while i < body.len() {
        let (line, text) = body[i];
        i += 1;
        if in_related {
            match text
                .split_once("http")
                .filter(|(_, rest)| rest.starts_with("://") || rest.starts_with("s://"))
            {
                Some((title, rest)) => {
                    let url = &text[title.len()
                        ..title.len() + 4 + rest.split_whitespace().next().map_or(0, str::len)];
                    let title = title.trim().trim_end_matches(['-', ':', '–']).trim();
                    pieces.push((
                        line,
                        Piece::Link {
                            title: if title.is_empty() { url } else { title },
                            url,
                        },
                    ));
                }
                None => {
                    warnings.push(Warning {
                        line,
                        message:
                            "text after \"More on this story\" without a link; kept as a paragraph"
                                .into(),
                    });
                    pieces.push((line, Piece::Paragraph(text)));
                }
            }
            continue;
        }
        if text.eq_ignore_ascii_case(MEDIA_PLACEHOLDER) {
            let caption = body
                .get(i)
                .and_then(|(_, next)| strip_label(next, MEDIA_CAPTION));
            if caption.is_some() {
                i += 1;
            } else {
                warnings.push(Warning {
                    line,
                    message: "media placeholder without a \"Media caption\" line".into(),
                });
            }
            pieces.push((
                line,
                Piece::Media {
                    placeholder: text,
                    caption: caption.unwrap_or(""),
                },
            ));
        } else if let Some(caption) = strip_label(text, MEDIA_CAPTION) {
            warnings.push(Warning {
                line,
                message: "\"Media caption\" without a media placeholder before it".into(),
            });
            pieces.push((
                line,
                Piece::Media {
                    placeholder: MEDIA_PLACEHOLDER,
                    caption,
                },
            ));
        } else if let Some(caption) = strip_label(text, IMAGE_CAPTION) {
            pieces.push((line, Piece::Image(caption)));
        } else if text.eq_ignore_ascii_case(MORE_ON_THIS_STORY) {
            pieces.push((line, Piece::Related(text)));
            in_related = true;
        } else if let Some(heading) = as_heading(text) {
            pieces.push((line, Piece::Heading(heading)));
        } else {
            if !text.ends_with(['.', '!', '?', '"', '\'', '\u{201d}', '\u{2019}', ')', ':']) {
                warnings.push(Warning { line, message: "line not recognised (no sentence ending, too long for a subheading); kept as a paragraph".into() });
            }
            pieces.push((line, Piece::Paragraph(text)));
        }
    }
    pieces
}

fn piece_text<'a>(piece: &Piece<'a>) -> Option<&'a str> {
    match *piece {
        Piece::Paragraph(t) | Piece::Image(t) => Some(t),
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

/// "US & Canada": short, no sentence punctuation, not quoted.
fn is_label(line: &str) -> bool {
    line.split_whitespace().count() <= 5
        && !line.ends_with(['.', '!', '?', ':'])
        && !line.starts_with(['"', '\'', '\u{201c}', '\u{2018}'])
}

/// Lines that are page furniture, never a headline.
fn is_furniture(line: &str) -> bool {
    line.eq_ignore_ascii_case(MEDIA_PLACEHOLDER)
        || strip_label(line, MEDIA_CAPTION).is_some()
        || strip_label(line, IMAGE_CAPTION).is_some()
        || line.eq_ignore_ascii_case(MORE_ON_THIS_STORY)
}

/// "Media captionUS Secretary…" → "US Secretary…".
fn strip_label<'a>(line: &'a str, label: &str) -> Option<&'a str> {
    let head = line.get(..label.len())?;
    head.eq_ignore_ascii_case(label)
        .then(|| line[label.len()..].trim_start_matches([':', ',']).trim())
        .filter(|rest| !rest.is_empty())
}

/// A short line standing alone: 'Future work' (quoted, as the seed has
/// them) or a few words with no sentence ending.
fn as_heading(line: &str) -> Option<&str> {
    let pairs = [
        ('\'', '\''),
        ('"', '"'),
        ('\u{2018}', '\u{2019}'),
        ('\u{201c}', '\u{201d}'),
    ];
    for (open, close) in pairs {
        if let Some(inner) = line.strip_prefix(open).and_then(|l| l.strip_suffix(close)) {
            let inner = inner.trim();
            if !inner.is_empty()
                && inner.split_whitespace().count() <= 8
                && !inner.contains([open, close])
            {
                return Some(inner);
            }
        }
    }
    let words = line.split_whitespace().count();
    let ends = line.ends_with(['.', '!', '?', ',', ';', ':', '"', '\u{201d}']);
    (words <= 8 && !ends && line.chars().next().is_some_and(char::is_uppercase)).then_some(line)
}

/// "9 August 2013", "August 9, 2013" or "2013-08-09" → `2013-08-09`.
pub fn parse_date_line(line: &str) -> Option<String> {
    if article::date::Date::parse(line).is_ok_and(|d| d.day.is_some()) {
        return Some(line.to_string());
    }
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let parts: Vec<String> = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|p| !p.is_empty())
        .map(str::to_lowercase)
        .collect();
    let month_of = |s: &str| MONTHS.iter().position(|m| *m == s).map(|i| i + 1);
    let (day, month, year) = match parts.as_slice() {
        [d, m, y] if month_of(m).is_some() => (d.clone(), month_of(m)?, y.clone()),
        [m, d, y] if month_of(m).is_some() => (d.clone(), month_of(m)?, y.clone()),
        _ => return None,
    };
    let day: u32 = day
        .trim_end_matches(|c: char| c.is_alphabetic())
        .parse()
        .ok()?;
    let iso = format!("{year}-{month:02}-{day:02}");
    article::date::Date::parse(&iso).ok().map(|_| iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_headings_and_dates() {
        assert!(is_label("US & Canada"));
        assert!(!is_label(
            "The US and Russia must find progress on critical issues."
        ));
        assert_eq!(as_heading("'Future work'"), Some("Future work"));
        assert_eq!(as_heading("The port responds"), Some("The port responds"));
        assert_eq!(as_heading("He cited Russia's decision."), None);
        assert_eq!(as_heading("'It's no secret,' he said"), None);
        assert_eq!(
            strip_label("Media captionUS Secretary", MEDIA_CAPTION),
            Some("US Secretary")
        );
        assert_eq!(
            strip_label("Image caption The divisions", IMAGE_CAPTION),
            Some("The divisions")
        );
        assert_eq!(
            parse_date_line("9 August 2013").as_deref(),
            Some("2013-08-09")
        );
        assert_eq!(
            parse_date_line("August 9, 2013").as_deref(),
            Some("2013-08-09")
        );
        assert_eq!(parse_date_line("2013-08-09").as_deref(), Some("2013-08-09"));
        assert_eq!(parse_date_line("31 February 2013"), None);
        assert_eq!(parse_date_line("In August 2013 things changed."), None);
    }
}
