//! Stages five to seven: quotes in every text, who said each, and the
//! article's sections and blocks. Attribution runs over the whole article
//! first (pronouns need what came before, and a quote that runs over
//! several paragraphs takes one speaker), then the blocks are written.

use article::{
    Analysis, Block, Embed, Image, Inline, Link, Media, MediaKind, Paragraph, Quote, Related,
    Section, SpeakerKind, Text,
};
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;

use crate::attribution::{self, rule, Discourse, Found};
use crate::furniture::{Classified, Piece};
use crate::people::{Gender, People};
use crate::quotes::{self, Span};
use crate::words::{slug, words};
use crate::{Explained, Warning};

/// A text that can hold quotes: a paragraph, a caption or a post.
struct Unit<'a> {
    line: usize,
    text: Cow<'a, str>,
    paragraph: bool,
    /// A post's author, who says its quotes.
    author: Option<usize>,
    spans: Vec<Span>,
    /// Each span's speaker and the rule that found them.
    speakers: Vec<Option<(usize, &'static str)>>,
    /// What was weighed for each span's speaker.
    weighed: Vec<Weighed>,
}

/// What attribution weighed for one quote: who could have said it, and how
/// sure the rule that chose was; a guess below `SURE_ENOUGH` is kept here
/// as a doubt, not given.
#[derive(Clone, Default)]
struct Weighed {
    candidates: Vec<usize>,
    confidence: f32,
    doubted: Option<Found>,
}

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
    attribute(&mut units, pieces, people);
    let mut explained = explained;
    set_apart(&mut units, explained.as_deref_mut());
    let parts = chains(&mut units);
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

fn opens_with_quote(text: &str) -> bool {
    text.starts_with(['"', '\u{201c}', '\u{201e}', '\u{ab}', '\u{bb}']) || text.starts_with("''")
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

/// Who said each quote, in reading order, with what the text so far says
/// about who holds the floor.
fn attribute(units: &mut [Unit<'_>], pieces: &[Classified], people: &mut People) {
    let mut previous: Vec<usize> = Vec::new();
    let mut salient: Option<usize> = None;
    // Who holds the floor for a paragraph that is all quote: the last
    // speaker, or the subject of the last reporting verb, kept through one
    // paragraph that names nobody else.
    let mut floor = Floor::default();
    // A subheading starts afresh: pronouns do not reach across it.
    let mut headings = pieces
        .iter()
        .filter(|c| matches!(c.piece, Piece::Heading(_) | Piece::Analysis { .. }))
        .map(|c| c.line)
        .peekable();
    for u in units.iter_mut() {
        while headings.peek().is_some_and(|&h| h < u.line) {
            headings.next();
            previous.clear();
            salient = None;
            floor = Floor::default();
        }
        let ws = words(&u.text);
        let mentions = people.mentions(&ws);
        let paragraph = attribution::Paragraph {
            text: &u.text,
            ws: &ws,
            spans: &u.spans,
            mentions: &mentions,
        };
        let subjects = attribution::reporting_subjects(&paragraph);
        let whole = u.paragraph && quotes::is_whole(&u.text, &u.spans);
        let mut speakers = Vec::with_capacity(u.spans.len());
        let mut weighed = Vec::with_capacity(u.spans.len());
        // Who the previous paragraph and this one name, in order; a quote
        // sees those named before it.
        let mut window = std::mem::take(&mut previous);
        let before_this = window.len();
        window.extend(mentions.iter().map(|m| m.person));
        for (n, &span) in u.spans.iter().enumerate() {
            let seen = before_this + mentions.iter().take_while(|m| m.end <= span.open).count();
            let here = subjects
                .iter()
                .rev()
                .find(|(pos, _)| *pos <= span.open)
                .map(|s| s.1);
            let discourse = Discourse {
                window: &window[..seen],
                salient: here.or(salient),
            };
            let found = match u.author {
                Some(author) => Some((author, rule::POST_AUTHOR)),
                None => attribution::attribute(&paragraph, span, &discourse, people),
            };
            let context = Context {
                unit: u,
                n,
                speakers: &speakers,
                subjects: &subjects,
                mentions: &mentions,
            };
            let found = found
                .or_else(|| next_sentence(&context))
                .or_else(|| after_reported(&context))
                .or_else(|| floor.continues(&context, whole));
            let mut candidates: Vec<usize> = discourse.window.to_vec();
            candidates.extend(discourse.salient.into_iter().chain(floor.holder));
            let (found, weigh) = weigh(found, &discourse, candidates, people);
            weighed.push(weigh);
            if let Some((speaker, rule)) = found {
                // A pronoun resolved tells the person's gender.
                if rule.starts_with("pronoun") {
                    let pronoun = pronoun_of(&ws, span);
                    let p = &mut people.found[speaker];
                    if p.kind == SpeakerKind::Person && p.gender.is_none() {
                        p.gender = pronoun;
                    }
                }
                salient = Some(speaker);
            }
            speakers.push(found);
        }
        if let Some(&(_, s)) = subjects.last() {
            if u.spans
                .last()
                .is_none_or(|q| subjects.last().is_some_and(|(pos, _)| *pos > q.close))
            {
                salient = Some(s);
            }
        }
        // Captions do not hand the floor on.
        if u.paragraph || u.author.is_some() {
            // Someone unnamed spoke or was reported: nobody holds the floor.
            let unnamed = speakers.last().is_some_and(Option::is_none)
                || attribution::unnamed_reporter(&paragraph);
            let last_speaker = speakers.iter().rev().flatten().next().map(|s| s.0);
            let speaker = last_speaker.or(subjects.last().map(|s| s.1));
            floor.pass(speaker, mentions.iter().map(|m| m.person), unnamed);
        }
        window.drain(..before_this);
        previous = window;
        u.speakers = speakers;
        u.weighed = weighed;
    }
}

/// What a rival named since costs an inference: enough to take the
/// weakest (a pronoun decided by gender alone, an organisation described
/// from afar) below `attribution::SURE_ENOUGH`.
const RIVAL: f32 = 0.15;

/// A quote being attributed, and what its paragraph holds.
struct Context<'c, 'a> {
    unit: &'c Unit<'a>,
    /// The quote's index among the unit's spans.
    n: usize,
    /// The speakers of the quotes before it in the unit.
    speakers: &'c [Option<Found>],
    subjects: &'c [(usize, usize)],
    mentions: &'c [crate::people::Mention],
}

impl Context<'_, '_> {
    fn span(&self) -> Span {
        self.unit.spans[self.n]
    }

    /// Someone other than `speaker` named between `from` and the quote.
    fn others_named(&self, from: usize, speaker: usize) -> bool {
        let open = self.span().open;
        self.mentions
            .iter()
            .any(|m| m.start >= from && m.end <= open && m.person != speaker)
    }

    /// The quote opens a sentence that starts after `from`.
    fn opens_sentence_after(&self, from: usize, marks: &[char]) -> bool {
        self.unit.text[from..self.span().open]
            .trim_end()
            .ends_with(marks)
    }
}

/// `"…," said X. "…"`: a quote that opens the next sentence, with nobody
/// else named since the one before it, goes on with that quote's speaker.
fn next_sentence(c: &Context) -> Option<Found> {
    let k = c.n.checked_sub(1)?;
    let (speaker, _) = c.speakers[k]?;
    let last = c.unit.spans[k];
    (c.opens_sentence_after(last.close, &['.', '!', '?', ':'])
        && !c.others_named(last.close, speaker))
    .then_some((speaker, rule::NEXT_SENTENCE))
}

/// `Graham said he would move her. "It breaks my heart…"`: a quote
/// opening the sentence after one whose subject reported speech goes on
/// with that subject, with nobody else named and no other quote between.
fn after_reported(c: &Context) -> Option<Found> {
    let open = c.span().open;
    let &(pos, subject) = c.subjects.iter().rev().find(|(pos, _)| *pos <= open)?;
    let quote_between = c.unit.spans[..c.n].iter().any(|q| q.open >= pos);
    (c.opens_sentence_after(pos, &['.', '!', '?'])
        && !c.others_named(pos, subject)
        && !quote_between)
        .then_some((subject, rule::AFTER_REPORTED))
}

/// How sure the rule that found a speaker is, less `RIVAL` for an
/// inference when someone else of the same kind (a person for a person,
/// an organisation for an organisation) was named after the speaker's last
/// mention; below `SURE_ENOUGH` the speaker is not given and is kept as a
/// doubt.
fn weigh(
    found: Option<Found>,
    d: &Discourse,
    mut candidates: Vec<usize>,
    people: &People,
) -> (Option<Found>, Weighed) {
    let Some((speaker, why)) = found else {
        candidates.dedup();
        return (
            None,
            Weighed {
                candidates,
                ..Weighed::default()
            },
        );
    };
    let mut confidence = attribution::confidence(why);
    if confidence < 0.95 {
        let kind = people.found[speaker].kind;
        let since = d
            .window
            .iter()
            .rposition(|&n| n == speaker)
            .map_or(0, |k| k + 1);
        let rival = d.window[since..]
            .iter()
            .any(|&n| n != speaker && people.found[n].kind == kind);
        if rival {
            confidence -= RIVAL;
        }
    }
    candidates.push(speaker);
    let mut seen = FxHashSet::default();
    candidates.retain(|n| seen.insert(*n));
    let sure = confidence >= attribution::SURE_ENOUGH - f32::EPSILON;
    let weighed = Weighed {
        candidates,
        confidence,
        doubted: (!sure).then_some((speaker, why)),
    };
    (sure.then_some((speaker, why)), weighed)
}

/// Who a paragraph that is all quote continues, and how many paragraphs of
/// narrative ago they last spoke or were reported.
#[derive(Default)]
struct Floor {
    holder: Option<usize>,
    gap: usize,
}

impl Floor {
    /// A paragraph that is all quote (or opens a quote's later part)
    /// continues whoever holds the floor.
    fn continues(&self, c: &Context, whole: bool) -> Option<Found> {
        let u = c.unit;
        let opens = opens_with_quote(&u.text) && c.span().open == 0;
        if c.n > 0 || !u.paragraph || !(whole || opens) {
            return None;
        }
        let why = match self.gap {
            0 => rule::FLOOR,
            _ => rule::FLOOR_AFTER_NARRATIVE,
        };
        self.holder.map(|s| (s, why))
    }

    /// After a paragraph: its last speaker (or reported subject) takes the
    /// floor; a paragraph with neither keeps it for the holder once, unless
    /// it names someone else.
    fn pass(
        &mut self,
        speaker: Option<usize>,
        mut named: impl Iterator<Item = usize>,
        unnamed: bool,
    ) {
        if unnamed {
            *self = Floor::default();
            return;
        }
        if let Some(s) = speaker {
            *self = Floor {
                holder: Some(s),
                gap: 0,
            };
            return;
        }
        self.gap += 1;
        if self.gap > 1 || named.any(|n| Some(n) != self.holder) {
            *self = Floor::default();
        }
    }
}

/// The gender of the pronoun that attributes `span` (just before or after it).
fn pronoun_of(ws: &[crate::words::Word], span: Span) -> Option<Gender> {
    let near = ws
        .iter()
        .filter(|w| w.end <= span.open || w.start >= span.close);
    let mut best: Option<(usize, Option<Gender>)> = None;
    for w in near {
        let gender = match w.core.to_ascii_lowercase().as_str() {
            "he" => Some(Gender::Male),
            "she" => Some(Gender::Female),
            _ => continue,
        };
        let distance = w.start.abs_diff(span.close).min(w.end.abs_diff(span.open));
        if best.is_none_or(|b| distance < b.0) {
            best = Some((distance, gender));
        }
    }
    best.and_then(|b| b.1)
}

/// Quotes that run over several paragraphs: each later part's first part,
/// and one speaker for all (the first part's, else the first found later).
fn chains(units: &mut [Unit<'_>]) -> FxHashMap<(usize, usize), (usize, usize)> {
    let mut part_of = FxHashMap::default();
    let mut i = 0;
    while i < units.len() {
        if !units[i].spans.last().is_some_and(|s| s.runs_on) {
            i += 1;
            continue;
        }
        let first = (i, units[i].spans.len() - 1);
        let mut members = vec![first];
        let mut j = i + 1;
        while j < units.len() && units[j].spans.first().is_some_and(|s| s.open == 0) {
            members.push((j, 0));
            if !(units[j].spans.len() == 1 && units[j].spans[0].runs_on) {
                break;
            }
            j += 1;
        }
        let speaker = members
            .iter()
            .find_map(|&(u, s)| {
                units[u].speakers[s]
                    .filter(|f| f.1 != rule::FLOOR && f.1 != rule::FLOOR_AFTER_NARRATIVE)
            })
            .or(units[first.0].speakers[first.1]);
        for &(u, s) in &members {
            units[u].speakers[s] = speaker.map(|(p, why)| {
                (
                    p,
                    if (u, s) == first {
                        why
                    } else {
                        rule::LATER_PART
                    },
                )
            });
            if (u, s) != first {
                part_of.insert((u, s), first);
            }
        }
        i = j.max(i + 1);
    }
    part_of
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
