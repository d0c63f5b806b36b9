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
mod dates;
mod discourse;
mod furniture;
pub mod generate;
mod header;
mod html;
mod people;
mod quotes;
pub mod topics;
mod words;

use std::fmt;

use article::{validate, Article, Author, Party, Person, Severity, Source, FORMAT_VERSION};

pub use dates::parse_date_line;
use furniture::{Classified, Piece};
pub use html::nesting as html_nesting;
use people::People;
pub use topics::TopicList;
use words::slug;

/// Longer lines than this are not article text.
pub const MAX_LINE_CHARS: usize = 100_000;

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Article id; default: from the headline.
    pub slug: Option<String>,
    /// The folder a saved page was read from: pictures it has beside the
    /// page (`page_files/`) are copied beside the article
    /// (`Imported::pictures`).
    pub page_folder: Option<std::path::PathBuf>,
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
    /// What the numbers of warnings and explanations count: a text's
    /// `"line"`s, or a page's body `"block"`s (0: the page as a whole).
    pub unit: &'static str,
    /// Picture files to copy beside the article: from where, and the name
    /// under the folder the article is written to (`<id>/<file>`), which
    /// its image blocks name from the site root (`articles/<id>/<file>`).
    pub pictures: Vec<(std::path::PathBuf, String)>,
}

/// What an image's `src` holds, between the blocks stage and `finish`,
/// for a picture file beside a saved page.
const LOCAL: &str = "local-file:";

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

/// Import a copied text or a saved web page, told apart by content: each
/// front end hands the same draft (header facts and body pieces) to the
/// shared stages ([`finish`]).
pub fn import(text: &str, options: &Options) -> Result<Imported, Error> {
    if html::is_html(text) {
        import_page(text, options)
    } else {
        import_text(text, options)
    }
}

/// What a front end hands the shared stages.
struct Draft<'a> {
    /// Where the headline is (a line of text; 0 for a page, whose headline
    /// is its metadata's).
    headline_line: usize,
    unit: &'static str,
    headline: String,
    section: Option<String>,
    summary: Option<String>,
    authors: Vec<Author>,
    published: Option<String>,
    updated: Option<String>,
    source: Source,
    language: Option<String>,
    pieces: Vec<Classified<'a>>,
    warnings: Vec<Warning>,
    explained: Vec<Explained>,
}

/// The text front end: lines → header → furniture.
fn import_text(text: &str, options: &Options) -> Result<Imported, Error> {
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
    finish(
        Draft {
            headline_line,
            unit: "line",
            headline: headline.to_string(),
            section: header.label.map(|(_, l)| l.to_string()),
            summary: None,
            authors: header
                .byline
                .as_deref()
                .map(header::authors)
                .unwrap_or_default(),
            published,
            updated: None,
            source: Source {
                name: source,
                url: None,
            },
            language: None,
            pieces,
            warnings,
            explained,
        },
        options,
    )
}

/// The HTML front end: the page's metadata and body ([`html::read`]) as
/// a draft. A page's "lines" are its body's blocks, numbered from 1.
fn import_page(text: &str, options: &Options) -> Result<Imported, Error> {
    let depth = html::nesting(text);
    if depth > html::MAX_NESTING {
        return fail(
            None,
            format!(
                "the page nests its elements {depth} deep; the limit is {} (news pages nest a few dozen deep)",
                html::MAX_NESTING
            ),
        );
    }
    let page = html::read(text, options.page_folder.as_deref());
    let mut warnings: Vec<Warning> = page
        .dropped
        .iter()
        .map(|message| Warning {
            line: 0,
            message: message.clone(),
        })
        .collect();
    let meta = &page.meta;
    let Some(headline) = meta.headline.clone() else {
        return fail(
            None,
            "no headline: the page has no title, heading or article metadata",
        );
    };
    let mut explained = Vec::new();
    if options.explain {
        explained.extend(meta.rules.iter().map(|rule| Explained {
            line: 0,
            rule: (*rule).into(),
        }));
    }
    let pieces = html_pieces(&page, &mut explained, options.explain);
    let published = options.published.clone().or_else(|| {
        let day = meta.published.as_deref()?.get(..10)?;
        article::date::Date::parse(day)
            .ok()
            .map(|_| day.to_string())
    });
    if published.is_none() {
        warnings.push(Warning {
            line: 0,
            message: "the page gives no publication date that can be read (pass --published YYYY-MM-DD to give one)".into(),
        });
    }
    let source = options
        .source
        .clone()
        .or_else(|| meta.publisher.clone())
        .unwrap_or_else(|| {
            warnings.push(Warning {
                line: 0,
                message: "the page names no publisher and no --source was given; using \"Unknown source\"".into(),
            });
            "Unknown source".into()
        });
    finish(
        Draft {
            headline_line: 0,
            unit: "block",
            headline,
            section: meta.section.clone(),
            summary: meta.standfirst.clone(),
            authors: meta
                .authors
                .iter()
                .map(|name| Author {
                    name: name.clone(),
                    role: None,
                })
                .collect(),
            published,
            updated: meta
                .updated
                .clone()
                .filter(|u| article::date::Moment::parse(u).is_ok()),
            source: Source {
                name: source,
                url: meta.url.clone().filter(|u| article::is_safe_url(u)),
            },
            language: meta.language.clone(),
            pieces,
            warnings,
            explained,
        },
        options,
    )
}

/// The page's blocks as the pieces the shared stages read.
fn html_pieces<'p>(
    page: &'p html::Page,
    explained: &mut Vec<Explained>,
    explain: bool,
) -> Vec<Classified<'p>> {
    let mut pieces = Vec::new();
    for (n, (block, rule)) in page.blocks.iter().enumerate() {
        let piece = match block {
            html::Block::Heading(t) => Piece::Heading(t),
            html::Block::Paragraph(t) => Piece::Paragraph(t),
            html::Block::Image {
                src,
                alt,
                caption,
                credit,
                size,
                local,
            } => Piece::Image {
                credit: credit.as_deref(),
                caption,
                picture: Some(furniture::Picture {
                    src: src.as_deref(),
                    alt,
                    size: *size,
                    local: local.as_deref(),
                }),
            },
            html::Block::Embed {
                provider,
                author,
                handle,
                text,
            } => Piece::Embed {
                provider,
                author: author.as_deref(),
                handle: handle.as_deref(),
                posted: None,
                text: text.iter().map(String::as_str).collect(),
            },
        };
        if explain {
            explained.push(Explained {
                line: n + 1,
                rule: (*rule).into(),
            });
        }
        pieces.push(Classified {
            line: n + 1,
            piece,
            rule,
        });
    }
    pieces
}

/// The shared stages, in order: names → quotes and speakers → blocks →
/// topics → the viewer's own validation.
fn finish(draft: Draft<'_>, options: &Options) -> Result<Imported, Error> {
    let Draft {
        headline_line,
        unit,
        headline,
        pieces,
        mut warnings,
        mut explained,
        ..
    } = draft;
    if !pieces.iter().any(|c| {
        matches!(
            c.piece,
            Piece::Paragraph(_) | Piece::Media { .. } | Piece::Image { .. } | Piece::Embed { .. }
        )
    }) {
        return fail(
            Some(headline_line).filter(|&l| l > 0),
            "no body text after the headline",
        );
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
        id: options.slug.clone().unwrap_or_else(|| {
            build::portable(&build::non_empty(slug(&headline, 8), "article")).into_owned()
        }),
        language: draft.language.unwrap_or_else(|| "en".into()),
        section: draft.section,
        headline,
        summary: draft.summary,
        byline: None,
        authors: draft.authors,
        published: draft.published.map(Into::into),
        updated: draft.updated.map(Into::into),
        source: draft.source,
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
    let pictures = local_pictures(&mut article, &mut warnings);
    checked(&article)?;
    explained.sort_by_key(|e| e.line);
    Ok(Imported {
        article,
        warnings,
        explained,
        unit,
        pictures,
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

/// Picture files beside a saved page: each image names its copy from the
/// site root (`articles/<id>/<n>-<file>`), with the file's own size when
/// the page gave none; a file that is not a picture is left out, its
/// caption kept.
fn local_pictures(
    article: &mut Article,
    warnings: &mut Vec<Warning>,
) -> Vec<(std::path::PathBuf, String)> {
    let id = article.id.clone();
    let mut copies = Vec::new();
    let images = article
        .sections
        .iter_mut()
        .flat_map(|s| s.blocks.iter_mut())
        .filter_map(|b| match b {
            article::Block::Image(i) => Some(i),
            _ => None,
        });
    for image in images {
        let Some(file) = image.src.as_deref().and_then(|s| s.strip_prefix(LOCAL)) else {
            continue;
        };
        let from = std::path::PathBuf::from(file);
        let size = imagesize::size(&from).ok();
        // A name of plain letters: the file's own, as a slug, and its type.
        let stem = from
            .file_stem()
            .map(|n| words::slug(&n.to_string_lossy(), 8))
            .unwrap_or_default();
        let kind = from
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .filter(|e| e.chars().all(|c| c.is_ascii_alphanumeric()))
            .unwrap_or_default();
        let name = format!("{stem}.{kind}");
        match size {
            Some(size) if !stem.is_empty() && !kind.is_empty() => {
                let copy = format!("{}/{}-{name}", id, copies.len() + 1);
                if image.size().is_none() {
                    image.width = u32::try_from(size.width).ok();
                    image.height = u32::try_from(size.height).ok();
                }
                image.src = Some(format!("articles/{copy}"));
                copies.push((from, copy));
            }
            _ => {
                warnings.push(Warning {
                    line: 0,
                    message: format!(
                        "{file} is not a picture this importer can read; its caption is kept"
                    ),
                });
                image.src = None;
            }
        }
    }
    copies
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
