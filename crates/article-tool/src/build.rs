//! Stages five to seven, in order: quotes found in every text (`quotes`),
//! who said each over the whole article (`discourse`: pronouns need what
//! came before, and a quote that runs over several paragraphs takes one
//! speaker), words set apart rather than spoken taken back out, then the
//! article's sections and blocks written.

use article::{
    Analysis, Block, Embed, Image, Inline, Link, Media, MediaKind, Paragraph, Quote, Related,
    Section, Text,
};
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;

use crate::discourse::{self, Unit};
use crate::furniture::{Classified, Piece};
use crate::people::People;
use crate::quotes::{self, opens_with_quote};
use crate::words::slug;
use crate::{Explained, Warning};

pub struct Built {
    pub sections: Vec<Section>,
    pub related: Option<Related>,
}

pub fn build(
    pieces: &[Classified],
    people: &mut People,
    warnings: &mut Vec<Warning>,
    explained: Option<&mut Vec<Explained>>,
) -> Built {
    let mut units = units_of(pieces, people);
    find_quotes(&mut units, warnings);
    discourse::attribute(&mut units, pieces, people);
    let mut explained = explained;
    set_apart(&mut units, explained.as_deref_mut());
    let parts = discourse::chains(&mut units);
    assemble(pieces, &units, &parts, people, warnings, explained)
}

/// Quotation marks that set words apart rather than report speech, when no
/// one is found to have said them: a name or nickname (`known as
/// "Holly"`), one or two words (scare quotes: `a "historic" day`), or a
/// title in capitals (`the "Ring of Fire"`). They stay in the text with
/// their marks, as text: no speaker, no share page.
fn set_apart(units: &mut [Unit<'_>], mut explained: Option<&mut Vec<Explained>>) {
    for u in units.iter_mut() {
        let mut keep = Vec::with_capacity(u.spans.len());
        for (n, &span) in u.spans.iter().enumerate() {
            // A paragraph opening with a quote is read as strictly as speech.
            let spoken = u.speakers[n].is_some() || span.open == 0;
            let why = (!span.runs_on)
                .then(|| quotes::set_apart(&u.text, span, spoken))
                .flatten();
            match why {
                Some(why) => {
                    if let Some(e) = explained.as_deref_mut() {
                        e.push(Explained {
                            line: u.line,
                            rule: format!(
                                "not speech: \u{201c}{}\u{201d} is {why}",
                                shorten(&u.text[span.start..span.end])
                            ),
                        });
                    }
                }
                None => keep.push(n),
            }
        }
        if keep.len() < u.spans.len() {
            u.spans = keep.iter().map(|&n| u.spans[n]).collect();
            u.speakers = keep.iter().map(|&n| u.speakers[n]).collect();
            u.weighed = keep.iter().map(|&n| u.weighed[n].clone()).collect();
        }
    }
}

fn units_of<'a>(pieces: &[Classified<'a>], people: &mut People) -> Vec<Unit<'a>> {
    pieces
        .iter()
        .filter_map(|c| {
            let (text, paragraph, author) = match &c.piece {
                Piece::Paragraph(t) => (Cow::Borrowed(*t), true, None),
                Piece::Media { caption, .. } | Piece::Image { caption, .. } => {
                    (Cow::Borrowed(*caption), false, None)
                }
                Piece::Embed { author, text, .. } => {
                    let author = author.map(|a| people.speaker_named(a));
                    (Cow::Owned(text.join(" ")), false, author)
                }
                _ => return None,
            };
            Some(Unit {
                line: c.line,
                text,
                paragraph,
                author,
                spans: Vec::new(),
                speakers: Vec::new(),
                weighed: Vec::new(),
            })
        })
        .collect()
}

fn find_quotes(units: &mut [Unit<'_>], warnings: &mut Vec<Warning>) {
    for i in 0..units.len() {
        // By convention a quote that goes on into the next paragraph has no
        // closing mark, and that paragraph opens with a fresh one.
        let runs_on = units[i].paragraph
            && units
                .get(i + 1)
                .is_some_and(|n| n.paragraph && opens_with_quote(&n.text));
        let found = quotes::find(&units[i].text, runs_on);
        let message = match found {
            Ok(spans) => {
                units[i].spans = spans;
                continue;
            }
            Err(quotes::Unbalanced) => match quotes::closed_at_end(&units[i].text) {
                Some(spans) => {
                    units[i].spans = spans;
                    "a quotation mark is left open; the quote is closed at the end of the paragraph"
                }
                None => "quotation marks do not pair up; the text is kept without marking quotes",
            },
        };
        warnings.push(Warning {
            line: units[i].line,
            message: message.into(),
        });
    }
}

fn assemble(
    pieces: &[Classified],
    units: &[Unit<'_>],
    part_of: &FxHashMap<(usize, usize), (usize, usize)>,
    people: &People,
    warnings: &mut Vec<Warning>,
    explained: Option<&mut Vec<Explained>>,
) -> Built {
    let mut w = Writer {
        units,
        part_of,
        firsts: part_of.values().copied().collect(),
        quote_ids: FxHashMap::default(),
        people,
        ids: Ids::with_capacity(pieces.len() * 2),
        counts: [0; 4],
        warnings,
        explained,
    };
    let mut sections = vec![Section {
        id: "top".into(),
        heading: None,
        analysis: None,
        blocks: Vec::new(),
    }];
    let mut related: Option<Related> = None;
    let mut next_unit = 0;
    for c in pieces {
        let new_section = |id: String, heading: &str, analysis| Section {
            id,
            heading: Some(heading.to_string()),
            analysis,
            blocks: Vec::new(),
        };
        match &c.piece {
            Piece::Heading(heading) => {
                let id = w.ids.take(&non_empty(slug(heading, 8), "section"));
                sections.push(new_section(id, heading, None));
            }
            Piece::Analysis { title, byline } => {
                let id = w.ids.take(&non_empty(slug(title, 8), "analysis"));
                let analysis = Analysis {
                    byline: byline.map(String::from),
                };
                sections.push(new_section(id, title, Some(analysis)));
            }
            Piece::Related(heading) => {
                related = Some(Related {
                    heading: heading.to_string(),
                    links: Vec::new(),
                });
            }
            Piece::Link { title, url } => {
                if let Some(r) = related.as_mut() {
                    r.links.push(Link {
                        title: title.to_string(),
                        url: url.to_string(),
                    });
                }
            }
            piece => {
                // Furniture after an analysis box means the article's own
                // text goes on: a new section without a heading.
                let boxed = sections.last().is_some_and(|s| s.analysis.is_some());
                if boxed && !matches!(piece, Piece::Paragraph(_)) {
                    let id = w.ids.take("continued");
                    sections.push(Section {
                        id,
                        heading: None,
                        analysis: None,
                        blocks: Vec::new(),
                    });
                }
                let block = w.block(piece, next_unit);
                next_unit += 1;
                sections
                    .last_mut()
                    .expect("there is always a section")
                    .blocks
                    .push(block);
            }
        }
    }
    // Sections left empty (the opening one, when the text starts with a
    // subheading; a box with nothing in it) go.
    sections.retain(|s| !s.blocks.is_empty() || s.heading.is_some() && s.analysis.is_none());
    Built { sections, related }
}

/// Writes blocks and runs, keeping ids unique and quote parts linked.
struct Writer<'a, 'u> {
    units: &'a [Unit<'u>],
    part_of: &'a FxHashMap<(usize, usize), (usize, usize)>,
    /// First parts of quotes over several paragraphs, and their ids once
    /// written.
    firsts: FxHashSet<(usize, usize)>,
    quote_ids: FxHashMap<(usize, usize), String>,
    people: &'a People,
    ids: Ids,
    /// Paragraphs, media, images and posts so far, for their ids.
    counts: [usize; 4],
    warnings: &'a mut Vec<Warning>,
    explained: Option<&'a mut Vec<Explained>>,
}

impl Writer<'_, '_> {
    /// The block of a piece that holds text (unit `u`).
    fn block(&mut self, piece: &Piece, u: usize) -> Block {
        let id = |w: &mut Self, kind: usize, name: &str| {
            w.counts[kind] += 1;
            w.ids.take(&format!("{name}{}", w.counts[kind]))
        };
        match piece {
            Piece::Media { placeholder, .. } => Block::Media(Media {
                id: id(self, 1, "media-"),
                kind: MediaKind::Video,
                placeholder: placeholder.to_string(),
                caption: self.runs(u),
            }),
            Piece::Image {
                credit, picture, ..
            } => Block::Image(Image {
                id: id(self, 2, "image-"),
                src: picture.and_then(|p| {
                    p.src.map(String::from).or_else(|| {
                        p.local
                            .map(|file| format!("{}{}", crate::LOCAL, file.display()))
                    })
                }),
                alt: picture
                    .map(|p| p.alt)
                    .filter(|alt| !alt.is_empty())
                    .unwrap_or("Picture accompanying the article (not included in the text)")
                    .into(),
                width: picture.and_then(|p| p.size).map(|s| s.0),
                height: picture.and_then(|p| p.size).map(|s| s.1),
                caption: self.runs(u),
                credit: credit.map(String::from),
            }),
            Piece::Embed {
                provider,
                author,
                handle,
                posted,
                ..
            } => Block::Embed(Embed {
                id: id(self, 3, "post-"),
                provider: provider.to_string(),
                author: author.map(String::from),
                handle: handle.map(String::from),
                posted: posted.as_deref().map(Into::into),
                url: None,
                text: self.runs(u),
            }),
            _ => Block::Paragraph(Paragraph {
                id: id(self, 0, "p"),
                topics: Vec::new(),
                runs: self.runs(u),
            }),
        }
    }

    /// Unit `u`'s text as runs: plain text and quotes with their speakers.
    fn runs(&mut self, u: usize) -> Vec<Inline> {
        let unit = &self.units[u];
        let mut out = Vec::with_capacity(unit.spans.len() * 2 + 1);
        let mut cursor = 0;
        for (s, span) in unit.spans.iter().enumerate() {
            if span.open > cursor {
                out.push(Inline::Text(Text {
                    text: unit.text[cursor..span.open].to_string(),
                }));
            }
            out.push(Inline::Quote(self.quote(u, s)));
            cursor = span.close;
        }
        if cursor < unit.text.len() {
            out.push(Inline::Text(Text {
                text: unit.text[cursor..].to_string(),
            }));
        }
        out
    }

    fn quote(&mut self, u: usize, s: usize) -> Quote {
        let unit = &self.units[u];
        let span = unit.spans[s];
        let text = &unit.text[span.start..span.end];
        let found = unit.speakers[s];
        let speaker_id = found.map(|f| self.people.found[f.0].id.clone());
        let id = self.ids.take(&format!(
            "{}-{}",
            speaker_id.as_deref().unwrap_or("unknown"),
            non_empty(slug(text, 4), "quote")
        ));
        let first = self
            .part_of
            .get(&(u, s))
            .and_then(|f| self.quote_ids.get(f))
            .cloned();
        let weighed = &unit.weighed[s];
        let name = |p: usize| self.people.found[p].name.as_str();
        if let Some(explained) = self.explained.as_deref_mut() {
            let who = match (found, weighed.doubted) {
                (Some((p, why)), _) => {
                    format!("{} ({why}; sure {:.2})", name(p), weighed.confidence)
                }
                (None, Some((p, why))) => format!(
                    "no speaker: the best guess, {} ({why}), is not sure enough ({:.2})",
                    name(p),
                    weighed.confidence
                ),
                (None, None) => "no speaker (no rule decided)".into(),
            };
            let names: Vec<&str> = weighed.candidates.iter().map(|&p| name(p)).collect();
            let names = match names.as_slice() {
                [] => "nobody named nearby".to_string(),
                _ => names.join(", "),
            };
            explained.push(Explained {
                line: unit.line,
                rule: format!(
                    "quote \u{201c}{}\u{201d}: {who}; weighed: {names}",
                    shorten(text)
                ),
            });
        }
        if found.is_none() && first.is_none() {
            let message = match weighed.doubted {
                Some((p, _)) => format!(
                    "no speaker given for the quote \"{}\": the best guess, {}, is not sure enough ({:.2}; --explain lists who was weighed)",
                    shorten(text),
                    name(p),
                    weighed.confidence
                ),
                None => format!("no speaker found for the quote \"{}\"", shorten(text)),
            };
            self.warnings.push(Warning {
                line: unit.line,
                message,
            });
        }
        if self.firsts.contains(&(u, s)) {
            self.quote_ids.insert((u, s), id.clone());
        }
        Quote {
            id,
            speaker: speaker_id,
            text: text.to_string(),
            part_of: first,
        }
    }
}

/// Unique element ids: a repeat gets `-2`, `-3`, …. Each base remembers
/// its last suffix, so many repeats stay linear.
struct Ids {
    taken: FxHashSet<String>,
    next: FxHashMap<String, usize>,
}

impl Ids {
    fn with_capacity(n: usize) -> Self {
        Ids {
            taken: FxHashSet::with_capacity_and_hasher(n, Default::default()),
            next: FxHashMap::with_capacity_and_hasher(n, Default::default()),
        }
    }

    fn take(&mut self, base: &str) -> String {
        // A subheading "Con" gives no folder Windows cannot hold.
        let base = &*portable(base);
        // Most ids are new: one look-up, no suffix table.
        if !self.taken.contains(base) && !self.next.contains_key(base) {
            self.taken.insert(base.to_string());
            return base.to_string();
        }
        let n = self.next.entry(base.to_string()).or_insert(2);
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if self.taken.insert(id.clone()) {
                return id;
            }
        }
    }
}

/// `id`, or with a suffix when it is a name some system keeps (a device
/// name on Windows, the manifest's own file name), so what the importer
/// makes always validates.
pub fn portable(id: &str) -> Cow<'_, str> {
    let kept =
        article::validate::reserved_name(id).is_some() || article::validate::is_manifest_name(id);
    match kept {
        true => Cow::Owned(format!("{id}-x")),
        false => Cow::Borrowed(id),
    }
}

pub fn non_empty(s: String, fallback: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::furniture::classify;

    #[test]
    fn ids_the_importer_makes_are_portable() {
        for (id, made) in [
            ("index", "index-x"),
            ("index-3", "index-3-x"),
            ("con", "con-x"),
            ("lpt1", "lpt1-x"),
            ("console", "console"),
            ("index-of-prices", "index-of-prices"),
        ] {
            assert_eq!(portable(id), made);
        }
    }

    fn built(text: &str) -> (Built, People, Vec<Warning>) {
        let lines: Vec<(usize, &str)> = text
            .lines()
            .map(str::trim)
            .enumerate()
            .filter(|(_, l)| !l.is_empty())
            .map(|(i, l)| (i + 1, l))
            .collect();
        let pieces = classify(&lines, &mut |_, _| {});
        let mut people = People::default();
        for c in &pieces {
            if let Piece::Paragraph(t) = c.piece {
                people.learn(t);
            }
        }
        let mut warnings = Vec::new();
        let b = build(&pieces, &mut people, &mut warnings, None);
        (b, people, warnings)
    }

    fn quotes(b: &Built) -> Vec<Quote> {
        b.sections
            .iter()
            .flat_map(|s| &s.blocks)
            .flat_map(|b| b.runs())
            .filter_map(|r| match r {
                Inline::Quote(q) => Some(q.clone()),
                Inline::Text(_) => None,
            })
            .collect()
    }

    #[test]
    fn a_quote_over_three_paragraphs_is_one_quote_with_one_speaker() {
        let (b, _, warnings) = built(
            "Director Alice Morgan spoke.\n\"One part.\n\"Two part.\n\"Three part,\" Ms Morgan said.\nThe end.",
        );
        let q = quotes(&b);
        assert_eq!(q.len(), 3);
        // The speaker found in the last part holds for all; later parts
        // name the first.
        assert!(
            q.iter().all(|q| q.speaker.as_deref() == Some("morgan")),
            "{q:?}"
        );
        assert_eq!(q[0].part_of, None);
        assert_eq!(q[1].part_of.as_deref(), Some(q[0].id.as_str()));
        assert_eq!(q[2].part_of.as_deref(), Some(q[0].id.as_str()));
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn a_post_speaks_for_its_author_and_a_box_ends_at_furniture() {
        let (b, people, _) = built(
            "Why it matters\nAnalysis box by Jane Roe, correspondent\nIt matters.\nSkip Twitter post by @ann\nWe said \"never again\" today\n\u{2014} Ann Lee (@ann) 1 May 2020\nEnd of Twitter post by @ann\nThe story goes on.",
        );
        let shape: Vec<(Option<&str>, bool, usize)> = b
            .sections
            .iter()
            .map(|s| (s.heading.as_deref(), s.analysis.is_some(), s.blocks.len()))
            .collect();
        assert_eq!(shape, [(Some("Why it matters"), true, 1), (None, false, 2)]);
        let q = quotes(&b);
        let speaker = q[0]
            .speaker
            .as_deref()
            .and_then(|id| people.found.iter().find(|f| f.id == id));
        assert_eq!(speaker.map(|f| f.name.as_str()), Some("Ann Lee"));
    }

    #[test]
    fn ids_stay_unique() {
        let mut ids = Ids::with_capacity(4);
        let got: Vec<String> = ["p", "p", "p-2", "p"].iter().map(|b| ids.take(b)).collect();
        assert_eq!(got, ["p", "p-2", "p-2-2", "p-3"]);
    }
}
