//! Stage six: who said each quote. Rules, tried in order, each named for
//! `import --explain`; when none decides, the quote has no speaker (a wrong
//! speaker is worse than none).

use article::SpeakerKind;

use crate::people::{Gender, Mention, People};
use crate::quotes::Span;
use crate::words::{is_reporting_verb, is_verb_filler, Word};

/// One paragraph (or caption, or post) being attributed.
pub struct Paragraph<'a> {
    pub text: &'a str,
    pub ws: &'a [Word<'a>],
    pub spans: &'a [Span],
    pub mentions: &'a [Mention],
}

/// What earlier text offers a pronoun: who was mentioned (the previous
/// paragraph and this one, before the quote), and who spoke last.
#[derive(Debug, Default, Clone)]
pub struct Discourse<'a> {
    pub window: &'a [usize],
    pub salient: Option<usize>,
}

/// A speaker and the rule that found them.
pub type Found = (usize, &'static str);

pub fn attribute(
    p: &Paragraph,
    span: Span,
    discourse: &Discourse,
    people: &People,
) -> Option<Found> {
    after(p, span, discourse, people)
        .or_else(|| before(p, span, discourse, people))
        .or_else(|| according_to(p, span))
}

/// The words of `p` from index `k` up to the end of the sentence or the
/// next quote, whichever is first.
fn clause_end(p: &Paragraph, from: usize, k: usize) -> usize {
    let mut end = k;
    let mut last = from;
    while end < p.ws.len() {
        let w = &p.ws[end];
        let gap = &p.text[last..w.start];
        if gap.contains(['.', '!', '?'])
            || p.spans.iter().any(|s| s.open >= last && s.open < w.start)
        {
            break;
        }
        last = w.end;
        end += 1;
    }
    end
}

fn verb_at(ws: &[Word], k: usize) -> bool {
    ws[k..]
        .iter()
        .take(4)
        .find(|w| !is_verb_filler(w.core))
        .is_some_and(|w| is_reporting_verb(w.core))
}

fn mention_starting(p: &Paragraph, w: &Word) -> Option<Mention> {
    p.mentions
        .iter()
        .copied()
        .find(|m| m.start <= w.start && w.start < m.end)
}

/// After the quote, in its sentence: `"…," Mr Kerry said`, `said Transport
/// Secretary Helen Marsh`, `the bank's chief economist, Huw Pill, said`,
/// `he said`.
fn after(p: &Paragraph, span: Span, d: &Discourse, people: &People) -> Option<Found> {
    let k = p.ws.partition_point(|w| w.start < span.close);
    let end = clause_end(p, span.close, k);
    let words = &p.ws[k..end];
    let first = words.first()?;
    if is_pronoun(first.core) && verb_at(p.ws, k + 1) {
        return pronoun(first.core, d, people)
            .map(|s| (s, "pronoun and reporting verb after the quote"));
    }
    if is_reporting_verb(first.core) {
        // "said Transport Secretary Helen Marsh": the first name after the
        // verb, with only role words between.
        let found = words[1..]
            .iter()
            .take(8)
            .find_map(|w| mention_starting(p, w));
        return found.map(|m| {
            (
                m.person,
                "reporting verb, then the speaker, after the quote",
            )
        });
    }
    // "founder and chief executive Daniel Okoro said": a name followed by
    // a reporting verb, with only a description before it.
    for (n, w) in words.iter().enumerate().take(12) {
        if let Some(m) = mention_starting(p, w) {
            let after = k + n + p.ws[k + n..].iter().take_while(|x| x.start < m.end).count();
            if after < p.ws.len() && verb_at(p.ws, after) {
                return Some((
                    m.person,
                    "the speaker, then a reporting verb, after the quote",
                ));
            }
            // "the bank's chief economist, Huw Pill, said": a name inside the
            // description is not the speaker; read on.
            continue;
        }
        if is_reporting_verb(w.core) {
            return None;
        }
    }
    None
}

/// Before the quote, in its sentence: the subject of the nearest reporting
/// verb (`Mr Lavrov said the talks had "…"`, `The agency said in a
/// statement: "…"`, `Dame Judith Ross, a former minister, said …`).
fn before(p: &Paragraph, span: Span, d: &Discourse, people: &People) -> Option<Found> {
    let before = p.ws.partition_point(|w| w.start < span.open);
    let in_quote = |pos: usize| p.spans.iter().any(|s| s.start <= pos && pos < s.end);
    let mut start = 0;
    for (idx, w) in p.ws[..before].iter().enumerate().rev() {
        let tail = &p.text[w.end..];
        let ends = tail.starts_with(['.', '!', '?'])
            && !crate::words::is_honorific(w.core)
            && !in_quote(w.start);
        if ends {
            start = idx + 1;
            break;
        }
    }
    for v in (start..before).rev() {
        if !is_reporting_verb(p.ws[v].core) || in_quote(p.ws[v].start) {
            continue;
        }
        let mut s = v;
        while s > start && is_verb_filler(p.ws[s - 1].core) {
            s -= 1;
        }
        if s == start {
            continue;
        }
        let subject = &p.ws[s - 1];
        if is_pronoun(subject.core) {
            return pronoun(subject.core, d, people)
                .map(|s| (s, "pronoun and reporting verb before the quote"));
        }
        if let Some(m) = p.mentions.iter().find(|m| m.end == subject.end) {
            return Some((m.person, "subject of a reporting verb before the quote"));
        }
        // A description between commas after the name: step back over it.
        if p.text[subject.end..].starts_with(',') {
            let comma = (start..s - 1)
                .rev()
                .take(14)
                .find(|&c| p.text[p.ws[c].end..].starts_with(','));
            if let Some(m) = comma.and_then(|c| p.mentions.iter().find(|m| m.end == p.ws[c].end)) {
                return Some((
                    m.person,
                    "subject of a reporting verb before the quote, past a description",
                ));
            }
        }
        return None;
    }
    None
}

/// `…, according to X.` in the quote's sentence.
fn according_to(p: &Paragraph, span: Span) -> Option<Found> {
    let k = p.ws.partition_point(|w| w.start < span.close);
    let end = clause_end(p, span.close, k);
    let at = (k..end.saturating_sub(2))
        .find(|&i| p.ws[i].core == "according" && p.ws[i + 1].core == "to")?;
    let m = mention_starting(p, p.ws.get(at + 2)?)
        .or_else(|| p.ws.get(at + 3).and_then(|w| mention_starting(p, w)))?;
    Some((m.person, "\"according to\" and the speaker after the quote"))
}

fn is_pronoun(word: &str) -> bool {
    matches!(word, "he" | "she" | "it" | "He" | "She" | "It")
}

/// The one the pronoun can only mean: the last speaker if they fit, else
/// the only one in the window who fits, else nobody.
pub fn pronoun(word: &str, d: &Discourse, people: &People) -> Option<usize> {
    let fits = |n: usize| {
        let f = &people.found[n];
        match word.to_ascii_lowercase().as_str() {
            "it" => f.kind == SpeakerKind::Organisation,
            "he" => f.kind == SpeakerKind::Person && f.gender != Some(Gender::Female),
            "she" => f.kind == SpeakerKind::Person && f.gender != Some(Gender::Male),
            _ => false,
        }
    };
    // The last speaker, unless someone else who fits was named since.
    if let Some(s) = d.salient.filter(|&s| fits(s)) {
        let last_s = d.window.iter().rposition(|&n| n == s);
        let last_other = d.window.iter().rposition(|&n| n != s && fits(n));
        if last_other.is_none() || last_other < last_s {
            return Some(s);
        }
    }
    let mut candidates: Vec<usize> = d.window.iter().copied().filter(|&n| fits(n)).collect();
    candidates.sort_unstable();
    candidates.dedup();
    match candidates.as_slice() {
        [only] => Some(*only),
        _ => {
            // Of several, the one whose gender the text has stated.
            let wanted = match word.to_ascii_lowercase().as_str() {
                "he" => Some(Gender::Male),
                "she" => Some(Gender::Female),
                _ => None,
            };
            let known: Vec<usize> = candidates
                .into_iter()
                .filter(|&n| wanted.is_some() && people.found[n].gender == wanted)
                .collect();
            match known.as_slice() {
                [only] => Some(*only),
                _ => None,
            }
        }
    }
}

/// Subjects of reporting verbs in `p` ("Mr Pill has said before that …"),
/// by position: who holds the floor for the pronouns that follow.
pub fn reporting_subjects(p: &Paragraph) -> Vec<(usize, usize)> {
    p.mentions
        .iter()
        .filter_map(|m| {
            let k = p.ws.partition_point(|w| w.start < m.end);
            (k < p.ws.len()
                && verb_at(p.ws, k)
                && !p.text[m.end..p.ws[k].start].contains(['.', '"', '\u{201c}']))
            .then_some((m.end, m.person))
        })
        .collect()
}
