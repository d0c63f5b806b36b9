//! Direct quotes in a paragraph, and who said them.

/// A quote at `open..close` of a text; its words are `start..end` (without
/// the quotation marks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub open: usize,
    pub start: usize,
    pub end: usize,
    pub close: usize,
    /// The quote runs on into the next paragraph (no closing mark here).
    pub runs_on: bool,
}

/// Quotation marks that do not pair up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unbalanced;

/// Double quotation marks as the languages of news write them: straight
/// (`"`), curly (`“ ”`), doubled apostrophes (`''`), German low-high
/// (`„ “`), guillemets (`« »`, and `» «` as German prints them). Each
/// opening mark waits for its own closing mark; single quotes are left
/// alone (they are mostly apostrophes). A quote left open at the end runs on
/// into the next paragraph when `runs_on` (by the usual convention that
/// paragraph opens with a fresh mark); otherwise the marks do not pair up.
/// Marks around nothing but spaces are not a quote, and the spaces French
/// puts inside guillemets are not part of it.
pub fn find(text: &str, runs_on: bool) -> Result<Vec<Span>, Unbalanced> {
    let mut spans = Vec::new();
    // (mark start, content start, the marks that close it)
    let mut open: Option<(usize, usize, &[char])> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let width = if c == '\'' {
            if chars.peek().is_none_or(|&(_, n)| n != '\'') {
                continue;
            }
            chars.next();
            2
        } else {
            c.len_utf8()
        };
        match open {
            Some((o, s, closers)) if closers.contains(&c) => {
                if let Some(span) = span_between(text, o, s, i, i + width) {
                    spans.push(span);
                }
                open = None;
            }
            // Another opening mark inside a quote: a nested quote, ignored.
            Some(_) => {}
            None => match closers_of(c) {
                Some(closers) => open = Some((i, i + width, closers)),
                None if is_mark(c) => return Err(Unbalanced),
                None => {}
            },
        }
    }
    match open {
        Some((o, s, _)) if runs_on && !text[s..].trim().is_empty() => {
            let end = text.trim_end().len();
            let mut span = span_between(text, o, s, end, end).ok_or(Unbalanced)?;
            span.runs_on = true;
            spans.push(span);
            Ok(spans)
        }
        Some(_) => Err(Unbalanced),
        None => Ok(spans),
    }
}

/// The quotes of a paragraph whose last quotation mark is left open and
/// not continued: that quote closes at the paragraph's end, so it cannot
/// swallow the paragraphs after it. `None` when the marks fail otherwise
/// (a closing mark with nothing open).
pub fn closed_at_end(text: &str) -> Option<Vec<Span>> {
    let mut spans = find(text, true).ok()?;
    if let Some(last) = spans.last_mut() {
        last.runs_on = false;
    }
    Some(spans)
}

/// A text that opens with a quotation mark (a quote's later part, by
/// convention, opens the paragraph that continues it).
pub fn opens_with_quote(text: &str) -> bool {
    text.starts_with(['"', '\u{201c}', '\u{201e}', '\u{ab}', '\u{bb}']) || text.starts_with("''")
}

/// The marks that close a quote `c` opens, if `c` opens one.
fn closers_of(c: char) -> Option<&'static [char]> {
    Some(match c {
        '"' => &['"'],
        '\'' => &['\''],
        '\u{201c}' => &['\u{201d}'],
        '\u{201e}' => &['\u{201c}', '\u{201d}'],
        '\u{ab}' => &['\u{bb}'],
        '\u{bb}' => &['\u{ab}'],
        _ => return None,
    })
}

/// A closing double mark that can close nothing when no quote is open.
fn is_mark(c: char) -> bool {
    c == '\u{201d}'
}

/// The quote from the mark at `open` to the one at `close` (its words
/// `start..end`, spaces inside the marks left out), if it holds any.
fn span_between(text: &str, open: usize, start: usize, end: usize, close: usize) -> Option<Span> {
    let inner = &text[start..end];
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    (lead + trail < inner.len()).then(|| Span {
        open,
        start: start + lead,
        end: end - trail,
        close,
        runs_on: false,
    })
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

/// Why the quoted words at `span` of `text` are set apart rather than
/// spoken, if they are: a name given after "known as" and its like (a few
/// words may name what is named: `named the dog "Rex"`), a title
/// (capitalised words, no sentence in them), or, when nobody was found to
/// say them (`spoken` false), one or two words with no verb of saying
/// before them. A speaker found does not make a name or a bare title
/// speech; words between "called" and the quote make it a description,
/// which may be speech (`critics called the plan "a costly farce"`).
pub fn set_apart(text: &str, span: Span, spoken: bool) -> Option<&'static str> {
    let raw = &text[span.start..span.end];
    let inside = raw.trim_end_matches([',', '.', ';', ':']);
    let words: Vec<&str> = inside.split_whitespace().collect();
    let before = text[..span.open].trim_end().to_lowercase();
    const NAMING: [&str; 9] = [
        "known as",
        "nicknamed",
        "dubbed",
        "called",
        "named",
        "titled",
        "entitled",
        "codenamed",
        "so-called",
    ];
    let mut lead = before.as_str();
    for gap in 0..=3 {
        let naming = NAMING
            .iter()
            .find(|n| lead.ends_with(*n) && !lead.ends_with(['.', '!', '?']));
        if naming.is_some_and(|n| gap == 0 || *n != "called") {
            return Some("a name given to something");
        }
        match lead.rfind(char::is_whitespace) {
            Some(k) => lead = lead[..k].trim_end(),
            None => break,
        }
    }
    // Unless a verb of saying frames them: "said the call lasted "eleven
    // minutes"" reports speech even when the speaker has no name.
    if !spoken && words.len() <= 2 && !framed_as_speech(&before) {
        return Some("one or two words set apart");
    }
    // Speech quoted before its verb ends in punctuation inside the marks;
    // a title does not, whoever is found near it.
    let unpunctuated = if spoken { raw } else { inside };
    let title = words.len() <= 6
        && (!spoken || words.len() >= 2)
        && !unpunctuated.contains(['.', '!', '?', ',', ';', ':'])
        && words
            .iter()
            .filter(|w| w.chars().count() > 3)
            .all(|w| w.starts_with(char::is_uppercase));
    title.then_some("a title")
}

/// A verb of saying earlier in the sentence that ends at `before`
/// (lower case), not one that names or describes ("called it", "described
/// it as").
fn framed_as_speech(before: &str) -> bool {
    let sentence = before
        .rfind(['.', '!', '?'])
        .map_or(before, |k| &before[k + 1..]);
    sentence.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        crate::words::is_reporting_verb(w)
            && !matches!(w, "called" | "calls" | "call" | "described" | "describes")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_straight_curly_and_doubled_apostrophe_quotes() {
        let text = "a \"b\" c \u{201c}d e\u{201d} f ''g'' it's";
        let spans = find(text, false).unwrap();
        let got: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(got, ["b", "d e", "g"]);
        assert_eq!(&text[spans[1].open..spans[1].close], "\u{201c}d e\u{201d}");
        assert_eq!(find("He said \"never", false), Err(Unbalanced));
        assert_eq!(find("stray\u{201d} mark", false), Err(Unbalanced));
        assert_eq!(find("no quotes, it's fine", false).unwrap(), []);
    }

    #[test]
    fn a_quote_left_open_runs_on_only_when_the_next_paragraph_continues_it() {
        let t = "\"We found patients waiting. Staff told us so.";
        assert_eq!(find(t, false), Err(Unbalanced));
        let spans = find(t, true).unwrap();
        assert_eq!(
            &t[spans[0].start..spans[0].end],
            "We found patients waiting. Staff told us so."
        );
        assert!(spans[0].runs_on);
        // Not continued: closed where the paragraph ends.
        let closed = closed_at_end(t).unwrap();
        assert_eq!(closed[0].end, spans[0].end);
        assert!(!closed[0].runs_on);
        assert_eq!(closed_at_end("stray\u{201d} mark"), None);
        // Marks around nothing are no quote (nor a quote of a space).
        let t = "He said: \"One. \"Two.\" \"Three. \"Four.\"";
        let got: Vec<&str> = find(t, false)
            .unwrap()
            .iter()
            .map(|s| &t[s.start..s.end])
            .collect();
        assert_eq!(got, ["One.", "Four."]);
    }

    #[test]
    fn finds_the_quotation_marks_of_other_languages() {
        let quoted = |t: &str| -> Vec<String> {
            find(t, false)
                .unwrap()
                .iter()
                .map(|s| t[s.start..s.end].to_string())
                .collect()
        };
        assert_eq!(
            quoted("« Nous avons prévenu », a déclaré Sophie."),
            ["Nous avons prévenu"]
        );
        assert_eq!(
            quoted("\u{201e}Die Nachfrage ist gestiegen\u{201c}, sagte er."),
            ["Die Nachfrage ist gestiegen"]
        );
        assert_eq!(
            quoted("\u{bb}Das ist gut\u{ab}, sagte sie."),
            ["Das ist gut"]
        );
        // An English opening mark inside a German quote closes it.
        assert_eq!(
            quoted("\u{201e}Ja\u{201c} und \u{201c}no\u{201d}"),
            ["Ja", "no"]
        );
        assert_eq!(find("« jamais", false), Err(Unbalanced));
    }

    #[test]
    fn a_whole_paragraph_quote_is_detected() {
        let t = "\"We will discuss this. For certain.\"";
        assert!(is_whole(t, &find(t, false).unwrap()));
        let t = "\"We will,\" he said.";
        assert!(!is_whole(t, &find(t, false).unwrap()));
    }
}
