//! Stage two: the header of a copied page. Which line is the section label,
//! which the headline, and whether a date line follows, decided by the
//! shape of the lines around them (never by their words), each decision
//! naming the rule that made it. Nothing here refuses a text: a missing
//! label or date is a warning, and the article simply has none.

use crate::dates::{is_dateish, parse_date_line};
use crate::furniture::is_furniture;

/// A line of the text: its number (from 1) and its trimmed content.
pub type Line<'a> = (usize, &'a str);

/// What the header stage decided, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header<'a> {
    pub label: Option<Line<'a>>,
    pub headline: Line<'a>,
    /// The date line, and the date it gives (`YYYY-MM-DD`).
    pub date: Option<(Line<'a>, String)>,
    /// "By Jane Roe" and the line after it ("BBC News, Washington"),
    /// without the "By".
    pub byline: Option<String>,
    /// A "Published …" line whose date could not be read ("2 hours ago").
    pub unread_date: Option<Line<'a>>,
    /// How many lines the header used; the body starts after them.
    pub used: usize,
    /// One sentence per decision, for `import --explain` and warnings.
    pub rules: Vec<(usize, &'static str)>,
}

/// Decide the header from the first lines (non-empty, trimmed). `None` only
/// when no line can be a headline (the text is all page furniture).
pub fn read<'a>(lines: &[Line<'a>]) -> Option<Header<'a>> {
    let first = lines.iter().position(|(_, l)| !is_furniture(l))?;
    let mut rules = Vec::new();
    let (label, headline_at) = match (lines.get(first), lines.get(first + 1)) {
        (Some(&(n, l0)), Some(&(_, l1)))
            if is_label(l0) && is_headline(l1) && words(l0) < words(l1) =>
        {
            rules.push((
                n,
                "section label: a short line, then a longer line shaped like a headline",
            ));
            (Some(lines[first]), first + 1)
        }
        (Some(&(n, l0)), next) => {
            let why = match next {
                Some((_, l1)) if parse_date_line(l1).is_some() => {
                    "headline: the first line, followed by a date line"
                }
                Some((_, l1)) if is_sentence(l1) => {
                    "headline: the first line, followed by a sentence of the body"
                }
                Some((_, l1)) if is_furniture(l1) => {
                    "headline: the first line, followed by page furniture"
                }
                _ if !is_label(l0) => {
                    "headline: the first line is too long or too sentence-like for a label"
                }
                _ => "headline: the first line, not shorter than the line after it",
            };
            rules.push((n, why));
            (None, first)
        }
        (None, _) => return None,
    };
    let headline = lines[headline_at];
    let mut used = headline_at + 1;
    let (mut date, mut byline, mut unread_date) = (None, None, None);
    // Under the headline, in any order: a date line, a byline, a date line
    // that cannot be read.
    while let Some(&(n, l)) = lines.get(used) {
        if date.is_none() {
            if let Some(iso) = parse_date_line(l) {
                rules.push((n, "date line: a date under the headline"));
                date = Some(((n, l), iso));
                used += 1;
                continue;
            }
        }
        if byline.is_none() {
            if let Some(name) = l.strip_prefix("By ").filter(|b| is_short_line(b, 8)) {
                rules.push((n, "byline: \"By\" and a name under the headline"));
                let mut text = name.trim().to_string();
                used += 1;
                // "BBC News, Washington" or "Technology reporter" after it.
                if let Some(&(m, more)) = lines.get(used).filter(|(_, m)| {
                    is_short_line(m, 6) && parse_date_line(m).is_none() && !is_furniture(m)
                }) {
                    rules.push((m, "byline: the short line after \"By …\""));
                    text = format!("{text}, {more}");
                    used += 1;
                }
                byline = Some(text);
                continue;
            }
        }
        // "Published" alone: the date is on the next line.
        if is_dateish(l) && l.split_whitespace().count() <= 2 && !l.contains(char::is_numeric) {
            rules.push((n, "date line: a \"Published\" label, the date follows"));
            used += 1;
            continue;
        }
        if unread_date.is_none() && is_dateish(l) && is_short_line(l, 8) {
            rules.push((
                n,
                "date line that could not be read (dropped, with a warning)",
            ));
            unread_date = Some((n, l));
            used += 1;
            continue;
        }
        break;
    }
    Some(Header {
        label,
        headline,
        date,
        byline,
        unread_date,
        used,
        rules,
    })
}

/// At most `max` words and no sentence ending.
/// The writers a byline names, each with the role written after their
/// names: "Jane Roe and John Doe, BBC News, Cardiff" is two writers of
/// "BBC News, Cardiff". Names are what comes before the first comma.
pub fn authors(byline: &str) -> Vec<article::Author> {
    let (names, role) = match byline.split_once(',') {
        Some((names, role)) => (names, Some(role.trim()).filter(|r| !r.is_empty())),
        None => (byline, None),
    };
    names
        .split(" and ")
        .flat_map(|n| n.split(" & "))
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|name| article::Author {
            name: name.to_string(),
            role: role.map(String::from),
        })
        .collect()
}

fn is_short_line(line: &str, max: usize) -> bool {
    words(line) <= max && !line.ends_with(['.', '!', '?', '"', '\u{201d}'])
}

fn words(line: &str) -> usize {
    line.split_whitespace().count()
}

/// "US & Canada": short, no sentence punctuation, not quoted, not a date.
pub fn is_label(line: &str) -> bool {
    words(line) <= 5
        && !line.ends_with(['.', '!', '?', ':', ','])
        && !line.starts_with(['"', '\'', '\u{201c}', '\u{2018}'])
        && parse_date_line(line).is_none()
}

/// A headline: at most 25 words, not a sentence of the body, not furniture
/// or a date.
fn is_headline(line: &str) -> bool {
    words(line) <= 25
        && !is_sentence(line)
        && !is_furniture(line)
        && parse_date_line(line).is_none()
        && !is_dateish(line)
        && !line.starts_with("By ")
}

/// A sentence of body text: ends with a full stop (perhaps inside a closing
/// quote) and has more words than a headline ending in a full stop would.
pub fn is_sentence(line: &str) -> bool {
    let end = line.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')']);
    end.ends_with(['.', '!', '?']) && (words(line) > 12 || end.ends_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(text: &str) -> (Option<&str>, &str, Option<String>) {
        let lines: Vec<Line> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .enumerate()
            .map(|(i, l)| (i + 1, l))
            .collect();
        let h = read(&lines).unwrap();
        (h.label.map(|l| l.1), h.headline.1, h.date.map(|d| d.1))
    }

    #[test]
    fn a_label_is_a_short_line_before_a_headline() {
        assert_eq!(
            header("US & Canada\n\nJohn Kerry: US and Russia must talk despite 'collisions'\n\nThe US and Russia must find progress, he said."),
            (Some("US & Canada"), "John Kerry: US and Russia must talk despite 'collisions'", None)
        );
    }

    #[test]
    fn a_short_headline_before_the_body_is_the_headline() {
        // The first body line is a sentence: the short line before it is
        // the headline, not a label.
        assert_eq!(
            header("Storm batters coast\n\nHeavy rain and strong winds hit the coast on Sunday, forecasters said."),
            (None, "Storm batters coast", None)
        );
        // A date line under it says the same.
        assert_eq!(
            header("Storm batters coast\n\n9 February 2020\n\nHeavy rain fell."),
            (None, "Storm batters coast", Some("2020-02-09".into()))
        );
        // So does furniture.
        assert_eq!(
            header("Storm batters coast\nMedia playback is unsupported on your device\nRain."),
            (None, "Storm batters coast", None)
        );
    }

    #[test]
    fn a_label_needs_a_longer_line_after_it() {
        assert_eq!(
            header("Markets rally again today\nShares rise\nPrices rose."),
            (None, "Markets rally again today", None)
        );
    }

    #[test]
    fn a_byline_names_its_writers_and_their_role() {
        let names = |line: &str| {
            authors(line)
                .into_iter()
                .map(|a| format!("{}|{}", a.name, a.role.unwrap_or_default()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names("Jane Roe, BBC News, Cardiff"),
            ["Jane Roe|BBC News, Cardiff"]
        );
        assert_eq!(
            names("Jane Roe and John Doe, Political reporters"),
            [
                "Jane Roe|Political reporters",
                "John Doe|Political reporters"
            ]
        );
        assert_eq!(names("Ana Lima & Tom Ng"), ["Ana Lima|", "Tom Ng|"]);
        assert_eq!(names("Jane Roe,"), ["Jane Roe|"]);
    }

    #[test]
    fn a_byline_and_an_unreadable_date_are_header_too() {
        let lines: Vec<Line> = [
            "Storm batters coast",
            "Published 2 hours ago",
            "By Jane Roe",
            "BBC News, Cardiff",
            "Heavy rain fell overnight.",
        ]
        .into_iter()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .collect();
        let h = read(&lines).unwrap();
        assert_eq!(h.byline.as_deref(), Some("Jane Roe, BBC News, Cardiff"));
        assert_eq!(h.unread_date, Some((2, "Published 2 hours ago")));
        assert_eq!(h.used, 4);
        assert_eq!(h.date, None);
    }

    #[test]
    fn a_published_label_may_stand_above_its_date() {
        let lines: Vec<Line> = ["Talks go on", "Published", "9 August 2013", "Text."]
            .into_iter()
            .enumerate()
            .map(|(i, l)| (i + 1, l))
            .collect();
        let h = read(&lines).unwrap();
        assert_eq!(h.date.map(|d| d.1).as_deref(), Some("2013-08-09"));
        assert_eq!((h.unread_date, h.used), (None, 3));
    }
}
