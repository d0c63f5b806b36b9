//! Stage six across the article: who said each quote. Each quote is
//! attributed in reading order by the rules of `attribution` (the
//! quote's own paragraph), then by what the text so far says about who
//! holds the floor (continuations); each attribution is weighed, and a
//! guess not sure enough is kept as a doubt, not given. Quotes that run
//! over several paragraphs take one speaker.

use article::SpeakerKind;
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;

use crate::attribution::{self, rule, Discourse, Found};
use crate::furniture::{Classified, Piece};
use crate::people::{Gender, People};
use crate::quotes::{self, opens_with_quote, Span};
use crate::words::words;

/// A text that can hold quotes: a paragraph, a caption or a post.
pub struct Unit<'a> {
    pub line: usize,
    pub text: Cow<'a, str>,
    pub paragraph: bool,
    /// A post's author, who says its quotes.
    pub author: Option<usize>,
    pub spans: Vec<Span>,
    /// Each span's speaker and the rule that found them.
    pub speakers: Vec<Option<(usize, &'static str)>>,
    /// What was weighed for each span's speaker.
    pub weighed: Vec<Weighed>,
}

/// What attribution weighed for one quote: who could have said it, and how
/// sure the rule that chose was; a guess below `SURE_ENOUGH` is kept here
/// as a doubt, not given.
#[derive(Clone, Default)]
pub struct Weighed {
    pub candidates: Vec<usize>,
    pub confidence: f32,
    pub doubted: Option<Found>,
}

/// Who said each quote, in reading order, with what the text so far says
/// about who holds the floor.
pub fn attribute(units: &mut [Unit<'_>], pieces: &[Classified], people: &mut People) {
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
pub fn chains(units: &mut [Unit<'_>]) -> FxHashMap<(usize, usize), (usize, usize)> {
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
