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

/// Straight (`"`), curly (`“ ”`) and doubled-apostrophe (`''`) double quotes.
/// Single quotes are left alone: they are mostly apostrophes. A quote left
/// open at the end runs on into the next paragraph when `runs_on` (by the
/// usual convention that paragraph opens with a fresh mark); otherwise the
/// marks do not pair up. Marks around nothing but spaces are not a quote.
pub fn find(text: &str, runs_on: bool) -> Result<Vec<Span>, Unbalanced> {
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
                if !text[s..i].trim().is_empty() {
                    spans.push(Span {
                        open: o,
                        start: s,
                        end: i,
                        close: i + width,
                        runs_on: false,
                    });
                }
                open = None;
            }
        }
    }
    match open {
        Some((o, s)) if runs_on && !text[s..].trim().is_empty() => {
            let end = text.trim_end().len();
            spans.push(Span {
                open: o,
                start: s,
                end,
                close: end,
                runs_on: true,
            });
            Ok(spans)
        }
        Some(_) => Err(Unbalanced),
        None => Ok(spans),
    }
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
        // Marks around nothing are no quote (nor a quote of a space).
        let t = "He said: \"One. \"Two.\" \"Three. \"Four.\"";
        let got: Vec<&str> = find(t, false)
            .unwrap()
            .iter()
            .map(|s| &t[s.start..s.end])
            .collect();
        assert_eq!(got, ["One. ", "Four."]);
    }

    #[test]
    fn a_whole_paragraph_quote_is_detected() {
        let t = "\"We will discuss this. For certain.\"";
        assert!(is_whole(t, &find(t, false).unwrap()));
        let t = "\"We will,\" he said.";
        assert!(!is_whole(t, &find(t, false).unwrap()));
    }
}

/// Why the quoted words at `span` of `text` are set apart rather than
/// spoken, if they are: a name after "known as" and its like, one or two
/// words, or a title (capitalised words, no sentence in them).
pub fn set_apart(text: &str, span: Span) -> Option<&'static str> {
    let inside = text[span.start..span.end].trim_end_matches([',', '.', ';', ':']);
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
    if NAMING.iter().any(|n| before.ends_with(n)) {
        return Some("a name given to something");
    }
    if words.len() <= 2 {
        return Some("one or two words set apart");
    }
    let title = words.len() <= 6
        && !inside.contains(['.', '!', '?', ','])
        && words
            .iter()
            .filter(|w| w.chars().count() > 3)
            .all(|w| w.starts_with(char::is_uppercase));
    title.then_some("a title")
}
