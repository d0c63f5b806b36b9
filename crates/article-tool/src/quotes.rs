//! Direct quotes in a paragraph, and who said them.

use crate::people::Mention;
use crate::words::{
    is_capitalised, is_honorific, is_pronoun, is_reporting_verb, is_title, is_verb_filler, Word,
};

/// A quote at `open..close` of a text; its words are `start..end` (without
/// the quotation marks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub open: usize,
    pub start: usize,
    pub end: usize,
    pub close: usize,
}

/// Quotation marks that do not pair up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unbalanced;

/// Straight (`"`), curly (`“ ”`) and doubled-apostrophe (`''`) double quotes.
/// Single quotes are left alone: they are mostly apostrophes.
pub fn find(text: &str) -> Result<Vec<Span>, Unbalanced> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (mark start, content start)
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let (opens_only, closes_only, width) = match c {
            '"' => (false, false, 1),
            '\'' if chars.peek().is_some_and(|&(_, n)| n == '\'') => {
                chars.next();
                (false, false, 2)
            }
            '\u{201c}' => (true, false, c.len_utf8()),
            '\u{201d}' => (false, true, c.len_utf8()),
            _ => continue,
        };
        match open {
            None if closes_only => return Err(Unbalanced),
            None => open = Some((i, i + width)),
            // A second opening curly quote inside a quote: nested, ignore.
            Some(_) if opens_only => {}
            Some((o, s)) => {
                if i > s {
                    spans.push(Span {
                        open: o,
                        start: s,
                        end: i,
                        close: i + width,
                    });
                }
                open = None;
            }
        }
    }
    match open {
        Some(_) => Err(Unbalanced),
        None => Ok(spans),
    }
}

/// Who said the quote at `span`, by the rules in order: an attribution just
/// after it ("…," Mr Kerry said / he said / said Mr Kerry), else a subject
/// and reporting verb before it in the same sentence (Mr Lavrov said the
/// talks had "…"). Pronouns resolve to the nearest earlier named person:
/// `before_text` is the last person mentioned in earlier paragraphs.
pub fn attribute(
    text: &str,
    ws: &[Word],
    spans: &[Span],
    span: Span,
    mentions: &[Mention],
    before_text: Option<usize>,
) -> Option<usize> {
    let resolve = |pos: usize| {
        mentions
            .iter()
            .rev()
            .find(|m| m.end <= pos)
            .map(|m| m.person)
            .or(before_text)
    };
    let mention_at = |w: &Word| mentions.iter().find(|m| m.start == w.start);
    let mention_ending_at = |w: &Word| mentions.iter().find(|m| m.end == w.end);
    let verb_after = |k: usize| {
        ws[k..]
            .iter()
            .find(|w| !is_verb_filler(w.core))
            .is_some_and(|w| is_reporting_verb(w.core))
    };
    let in_quote = |pos: usize| spans.iter().any(|s| s.start <= pos && pos < s.end);

    // After the quote.
    let k = ws.partition_point(|w| w.start < span.close);
    if let Some(first) = ws.get(k) {
        let gap = &text[span.close..first.start];
        // The attribution belongs to the quote only within its sentence.
        if !gap.contains(['.', '!', '?']) {
            // "…," US Secretary of State John Kerry has said: skip the role.
            for j in k..(k + 8).min(ws.len()) {
                if let Some(m) = mention_at(&ws[j]) {
                    let after = ws.partition_point(|w| w.start < m.end);
                    if after < ws.len() && verb_after(after) {
                        return Some(m.person);
                    }
                    break;
                }
                let w = ws[j].core;
                let role_word = is_capitalised(w) || is_title(w) || w == "of";
                if !role_word || ws[j].trailing {
                    break;
                }
            }
            if is_pronoun(first.core) && verb_after(k + 1) {
                return resolve(first.start);
            }
            // "…," said Mr Kerry.
            if is_reporting_verb(first.core) {
                if let Some(m) = ws.get(k + 1).and_then(mention_at) {
                    return Some(m.person);
                }
            }
        }
    }

    // Before the quote, in the same sentence: the nearest subject + verb.
    let before = ws.partition_point(|w| w.start < span.open);
    let mut sentence_start = 0;
    for (idx, w) in ws[..before].iter().enumerate().rev() {
        let ends_sentence = text[w.end..].starts_with(['.', '!', '?'])
            && !is_honorific(w.core)
            && !in_quote(w.start);
        if ends_sentence {
            sentence_start = idx + 1;
            break;
        }
    }
    for v in (sentence_start..before).rev() {
        if !is_reporting_verb(ws[v].core) || in_quote(ws[v].start) {
            continue;
        }
        let mut s = v;
        while s > sentence_start && is_verb_filler(ws[s - 1].core) {
            s -= 1;
        }
        if s == sentence_start {
            continue;
        }
        let subject = &ws[s - 1];
        if is_pronoun(subject.core) {
            return resolve(subject.start);
        }
        if let Some(m) = mention_ending_at(subject) {
            return Some(m.person);
        }
        // "Dr Lena Okafor, who led the research, said": step over a clause
        // between commas to the name before it.
        if text[subject.end..].starts_with(',') {
            let clause = (sentence_start..s - 1).rev().take(12).find(|&c| {
                text[ws[c].end..].starts_with(',')
                    && ws.get(c + 1).is_some_and(|n| {
                        matches!(n.core, "who" | "whose" | "which" | "the" | "a" | "an")
                    })
            });
            if let Some(m) = clause.and_then(|c| mention_ending_at(&ws[c])) {
                return Some(m.person);
            }
        }
    }
    None
}

/// The paragraph is one quote and nothing else (a quote continued from
/// the paragraph before, by convention the same speaker's).
pub fn is_whole(text: &str, spans: &[Span]) -> bool {
    match spans {
        [only] => {
            let outside = |s: &str| s.chars().all(|c| !c.is_alphanumeric());
            outside(&text[..only.open]) && outside(&text[only.close..])
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::People;

    #[test]
    fn finds_straight_curly_and_doubled_apostrophe_quotes() {
        let text = "a \"b\" c \u{201c}d e\u{201d} f ''g'' it's";
        let spans = find(text).unwrap();
        let got: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(got, ["b", "d e", "g"]);
        assert_eq!(&text[spans[1].open..spans[1].close], "\u{201c}d e\u{201d}");
        assert_eq!(find("He said \"never"), Err(Unbalanced));
        assert_eq!(find("stray\u{201d} mark"), Err(Unbalanced));
        assert_eq!(find("no quotes, it's fine").unwrap(), []);
    }

    fn who(intro: &str, text: &str, before_text: Option<&str>) -> Option<String> {
        let mut people = People::default();
        people.learn(intro);
        people.learn(text);
        let intro_mentions = people.mentions(&crate::words::words(intro));
        let before = before_text.and_then(|_| intro_mentions.last().map(|m| m.person));
        let ws = crate::words::words(text);
        let mentions = people.mentions(&ws);
        let spans = find(text).unwrap();
        attribute(text, &ws, &spans, spans[0], &mentions, before)
            .map(|p| people.found[p].id.clone())
    }

    const INTRO: &str =
        "US Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov.";

    #[test]
    fn attribution_after_the_quote() {
        assert_eq!(
            who(
                INTRO,
                "\"We talked,\" Mr Kerry said, flanked by Mr Lavrov.",
                None
            )
            .as_deref(),
            Some("kerry")
        );
        assert_eq!(
            who(INTRO, "\"We talked,\" said Mr Lavrov.", None).as_deref(),
            Some("lavrov")
        );
        assert_eq!(
            who(
                INTRO,
                "Progress despite \"collisions\", US Secretary of State John Kerry has said.",
                None
            )
            .as_deref(),
            Some("kerry")
        );
        assert_eq!(
            who(INTRO, "\"Priority,\" he said.", Some("prev")).as_deref(),
            Some("lavrov")
        );
    }

    #[test]
    fn attribution_before_the_quote_in_the_same_sentence() {
        assert_eq!(
            who(
                INTRO,
                "Mr Lavrov said the diplomats had \"laid foundations\", but more.",
                None
            )
            .as_deref(),
            Some("lavrov")
        );
        assert_eq!(
            who(INTRO, "Mr Kerry acknowledged that he and Mr Lavrov disagreed, nor did they agree \"on ways\".", None).as_deref(),
            Some("kerry")
        );
        assert_eq!(
            who(
                INTRO,
                "While Mr Lavrov agreed, he stressed the need to \"join efforts\".",
                None
            )
            .as_deref(),
            Some("lavrov")
        );
        assert_eq!(
            who(
                INTRO,
                "Mr Lavrov, who spoke last, said it was \"solid\".",
                None
            )
            .as_deref(),
            Some("lavrov")
        );
        // A verb in an earlier sentence does not count.
        assert_eq!(
            who(INTRO, "Mr Kerry said no. The crowd chanted \"yes\".", None),
            None
        );
    }

    #[test]
    fn no_attribution_means_unknown() {
        assert_eq!(
            who(INTRO, "Some called it \"a farce\" on the day.", None),
            None
        );
        assert_eq!(who(INTRO, "\"We will see,\" a voice shouted.", None), None);
    }

    #[test]
    fn a_whole_paragraph_quote_is_detected() {
        let t = "\"We will discuss this. For certain.\"";
        assert!(is_whole(t, &find(t).unwrap()));
        let t = "\"We will,\" he said.";
        assert!(!is_whole(t, &find(t).unwrap()));
    }
}
