//! Dates as pages write them: a date line under a headline ("9 August
//! 2013", "August 9, 2013", "2013-08-09", after "Published" or "Last
//! updated", with a time and zone after it), read the same wherever a
//! front end or a stage meets one (the header, a post's signature, a
//! saved page's date paragraph).

/// Words a page puts before its date ("Published 9 August 2013"), longest
/// first where one starts another.
const DATE_LEADS: [&str; 5] = [
    "last updated",
    "first published",
    "published",
    "updated",
    "posted",
];

/// "Published 2 hours ago", "Last updated …": a date line, read or not.
pub fn is_dateish(line: &str) -> bool {
    let lower = line.to_ascii_lowercase();
    DATE_LEADS.iter().any(|w| lower.starts_with(w))
}

/// A date line: "9 August 2013", "August 9, 2013", "2013-08-09", with an
/// optional lead word ("Published", "Updated", "Last updated") and anything
/// after the date (a time, a zone) ignored → `YYYY-MM-DD`.
pub fn parse_date_line(line: &str) -> Option<String> {
    let mut rest = line.trim();
    for lead in DATE_LEADS {
        if rest
            .get(..lead.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(lead))
        {
            rest = rest[lead.len()..].trim_start_matches([':', ' ', ',']);
            break;
        }
    }
    if words(rest) > 8 {
        return None;
    }
    let parts: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|p| !p.is_empty())
        .collect();
    let (iso, used) = match parts.as_slice() {
        [one, ..]
            if article::date::Date::parse(one)
                .is_ok_and(|d| d.precision() == article::Precision::Day) =>
        {
            (one.to_string(), 1)
        }
        [d, m, y, ..] if month(m).is_some() => (ymd(y, month(m)?, d)?, 3),
        [m, d, y, ..] if month(m).is_some() => (ymd(y, month(m)?, d)?, 3),
        _ => return None,
    };
    // What follows the date may only be a time and a zone, not a sentence.
    let tail_ok = parts[used..].iter().all(|p| {
        p.chars().any(|c| c.is_ascii_digit())
            || p.len() <= 4 && p.chars().all(|c| c.is_ascii_uppercase())
            || matches!(p.to_ascii_lowercase().as_str(), "at" | "am" | "pm" | "|")
    });
    tail_ok.then_some(iso)
}

fn month(word: &str) -> Option<u32> {
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
    let w = word.to_ascii_lowercase();
    // Full names, or three-letter abbreviations ("Aug", "Sept").
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() >= 3 && m.starts_with(w.trim_end_matches('.'))))
        .map(|i| i as u32 + 1)
}

fn ymd(year: &str, month: u32, day: &str) -> Option<String> {
    let day: u32 = day
        .trim_end_matches(|c: char| c.is_alphabetic())
        .parse()
        .ok()?;
    let year: u32 = year.parse().ok()?;
    let iso = format!("{year:04}-{month:02}-{day:02}");
    article::date::Date::parse(&iso).ok().map(|_| iso)
}

fn words(line: &str) -> usize {
    line.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_pages_show_them() {
        for (line, iso) in [
            ("9 August 2013", "2013-08-09"),
            ("August 9, 2013", "2013-08-09"),
            ("2013-08-09", "2013-08-09"),
            ("Published 9 August 2013", "2013-08-09"),
            ("9 Aug 2013", "2013-08-09"),
            ("Last updated: 9 August 2013 14:50 GMT", "2013-08-09"),
        ] {
            assert_eq!(parse_date_line(line).as_deref(), Some(iso), "{line}");
        }
        for line in [
            "31 February 2013",
            "In August 2013 things changed.",
            "9 August 2013 was the day talks began",
            "Mayday",
        ] {
            assert_eq!(parse_date_line(line), None, "{line}");
        }
    }
}
