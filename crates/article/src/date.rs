//! Calendar dates as the format writes them (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`)
//! and moments with a time and offset (`YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)`),
//! checked and shown without a date library: the format needs only this much.

use std::borrow::Cow;
use std::cmp::Ordering;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

// When an event on the timeline happened (or is planned), as precisely as
// the article knows: the type lives here with its methods and the dates it
// is made of (a plain comment: a doc comment would enter the schema).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventDate {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` to match `precision`; `null` when not set.
    #[serde(default)]
    pub value: Option<Written<Date>>,
    pub precision: Precision,
    /// The date is an estimate ("about August 2013").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
    #[serde(default, skip_serializing_if = "Status::is_happened")]
    pub status: Status,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Day,
    Month,
    Year,
    /// No date known; `value` must be `null`.
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Happened,
    /// Still to come when the article was written.
    Planned,
}

impl Status {
    fn is_happened(&self) -> bool {
        *self == Status::Happened
    }
}

/// A date field as the file writes it, parsed once when the file is read:
/// validation reports [`Written::error`], views show [`Written::value`],
/// and the file is written back exactly as it came. Code after loading
/// never parses a date again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written<T> {
    text: String,
    parsed: Result<T, String>,
}

/// What a [`Written`] field holds once parsed: a date or a moment.
pub trait Calendar: Sized {
    fn parse(text: &str) -> Result<Self, String>;
    /// As a reader reads it ("9 August 2013").
    fn shown(&self) -> String;
}

impl<T: Calendar> Written<T> {
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let parsed = T::parse(&text);
        Written { text, parsed }
    }
}

impl<T> Written<T> {
    /// As written in the file (the `datetime` a page gives machines).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The parsed value; `None` when the text is not a valid one.
    pub fn value(&self) -> Option<&T> {
        self.parsed.as_ref().ok()
    }

    /// As a reader reads it; a text that is not valid (validation said so)
    /// as written.
    pub fn shown(&self) -> String
    where
        T: Calendar,
    {
        self.value()
            .map_or_else(|| self.text.clone(), Calendar::shown)
    }

    /// Why the text is not a valid value.
    pub fn error(&self) -> Option<&str> {
        self.parsed.as_ref().err().map(String::as_str)
    }
}

/// The text as written, for messages.
impl<T> std::fmt::Display for Written<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

impl<T: Calendar> From<&str> for Written<T> {
    fn from(text: &str) -> Self {
        Written::new(text)
    }
}

impl<T: Calendar> From<String> for Written<T> {
    fn from(text: String) -> Self {
        Written::new(text)
    }
}

impl<T> Serialize for Written<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl<'de, T: Calendar> Deserialize<'de> for Written<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Written::new)
    }
}

/// In the schema a written date is a string (its form is checked on load).
impl<T> JsonSchema for Written<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        String::json_schema(generator)
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A parsed date; missing parts are `None` for coarser precisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

impl Calendar for Date {
    fn parse(text: &str) -> Result<Self, String> {
        Date::parse(text)
    }

    fn shown(&self) -> String {
        self.display()
    }
}

impl Calendar for Moment {
    fn parse(text: &str) -> Result<Self, String> {
        Moment::parse(text)
    }

    fn shown(&self) -> String {
        self.display()
    }
}

impl Date {
    /// Calendar `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting impossible dates.
    pub fn parse(s: &str) -> Result<Date, String> {
        let parts: Vec<&str> = s.split('-').collect();
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        let ok_shape = match parts.as_slice() {
            [y] => digits(y, 4),
            [y, m] => digits(y, 4) && digits(m, 2),
            [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
            _ => false,
        };
        if !ok_shape {
            return Err(format!(
                "\"{s}\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
            ));
        }
        let year: i32 = parts[0]
            .parse()
            .map_err(|_| format!("bad year in \"{s}\""))?;
        let month = match parts.get(1) {
            Some(m) => {
                let m: u8 = m.parse().unwrap_or(0);
                if !(1..=12).contains(&m) {
                    return Err(format!("\"{s}\" has no month {m}"));
                }
                Some(m)
            }
            None => None,
        };
        let day = match (parts.get(2), month) {
            (Some(d), Some(m)) => {
                let d: u8 = d.parse().unwrap_or(0);
                if d == 0 || d > days_in_month(year, m) {
                    return Err(format!("\"{s}\" has no day {d}"));
                }
                Some(d)
            }
            _ => None,
        };
        Ok(Date { year, month, day })
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// "9 August 2013", "August 2013" or "2013".
    pub fn display(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", MONTHS[m as usize - 1], self.year),
            (Some(m), None) => format!("{} {}", MONTHS[m as usize - 1], self.year),
            _ => self.year.to_string(),
        }
    }
}

/// A moment as the article states it: its date, the time of day and the
/// offset from UTC it was written in. Shown in that offset, so every
/// reader (and the pre-rendered page) sees the same words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    date: Date,
    hour: u8,
    minute: u8,
    /// Minutes east of UTC.
    offset: i16,
}

impl Moment {
    /// Calendar RFC 3339 date and time: `2013-08-09T16:05:00+01:00`,
    /// `2013-08-09T15:05Z` (seconds and their fraction are optional and
    /// not shown). The offset is required: a time without one is ambiguous.
    pub fn parse(s: &str) -> Result<Moment, String> {
        let bad = || {
            format!("\"{s}\" is not a date and time with an offset (YYYY-MM-DDTHH:MM+01:00 or …Z)")
        };
        let (day, rest) = s.split_once(['T', 't', ' ']).ok_or_else(bad)?;
        let date = Date::parse(day).map_err(|_| bad())?;
        if date.day.is_none() {
            return Err(bad());
        }
        let zone_at = rest.find(['Z', 'z', '+', '-']).ok_or_else(bad)?;
        let (time, zone) = rest.split_at(zone_at);
        let number = |p: &str, max: u8| {
            (p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse::<u8>().ok())
                .flatten()
                .filter(|&n| n <= max)
        };
        let parts: Vec<&str> = time.split(':').collect();
        let (hour, minute) = match parts.as_slice() {
            [h, m] => (number(h, 23), number(m, 59)),
            [h, m, sec] => {
                let whole = sec.split('.').next().unwrap_or("");
                let fraction_ok = sec
                    .split_once('.')
                    .is_none_or(|(_, f)| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
                match (number(whole, 60), fraction_ok) {
                    (Some(_), true) => (number(h, 23), number(m, 59)),
                    _ => (None, None),
                }
            }
            _ => (None, None),
        };
        let (Some(hour), Some(minute)) = (hour, minute) else {
            return Err(bad());
        };
        let offset = match zone {
            "Z" | "z" => 0,
            _ => {
                let sign: i16 = if zone.starts_with('-') { -1 } else { 1 };
                let (h, m) = zone[1..].split_once(':').ok_or_else(bad)?;
                let (Some(h), Some(m)) = (number(h, 23), number(m, 59)) else {
                    return Err(bad());
                };
                sign * (i16::from(h) * 60 + i16::from(m))
            }
        };
        Ok(Moment {
            date,
            hour,
            minute,
            offset,
        })
    }

    /// The calendar date, as written (in the moment's own offset).
    pub fn date(&self) -> Date {
        self.date
    }

    /// Which comes first in time, whatever offsets they were written in.
    pub fn cmp_instant(&self, other: &Moment) -> Ordering {
        self.utc_minutes().cmp(&other.utc_minutes())
    }

    /// Minutes since year 0 in UTC, for ordering only: the day count is
    /// monotonic in the date, not a calendar.
    fn utc_minutes(&self) -> i64 {
        let d = self.date;
        let days = i64::from(d.year) * 372
            + i64::from(d.month.unwrap_or(1)) * 31
            + i64::from(d.day.unwrap_or(1));
        days * 1440 + i64::from(self.hour) * 60 + i64::from(self.minute) - i64::from(self.offset)
    }

    /// "9 August 2013, 16:05 UTC+1" (or "UTC+5:30", "UTC").
    pub fn display(&self) -> String {
        let zone = match self.offset {
            0 => "UTC".to_string(),
            o => {
                let sign = if o < 0 { '-' } else { '+' };
                let (h, m) = (o.abs() / 60, o.abs() % 60);
                if m == 0 {
                    format!("UTC{sign}{h}")
                } else {
                    format!("UTC{sign}{h}:{m:02}")
                }
            }
        };
        format!(
            "{}, {:02}:{:02} {zone}",
            self.date.display(),
            self.hour,
            self.minute
        )
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl EventDate {
    /// The parsed date, if set and well formed.
    pub fn date(&self) -> Option<Date> {
        self.value.as_ref().and_then(Written::value).copied()
    }

    /// What a reader sees: "1 August 2013", "about August 2013",
    /// "2014 (planned)", "date to be set" (planned, no date yet), "date not
    /// known".
    pub fn display(&self) -> String {
        let Some(d) = self.date() else {
            return match self.status {
                Status::Planned => "date to be set".to_string(),
                _ => "date not known".to_string(),
            };
        };
        let base = match self.approximate {
            true => format!("about {}", d.display()),
            false => d.display(),
        };
        match self.status {
            Status::Planned => format!("{base} (planned)"),
            _ => base,
        }
    }

    /// Date order; undated events sort last.
    pub fn chronological(&self, other: &EventDate) -> Ordering {
        match (self.date(), other.date()) {
            (Some(a), Some(b)) => a.cmp(&b),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_dates_keep_their_text_and_are_parsed_once() {
        let month: Written<Date> = serde_json::from_str("\"2013-08\"").unwrap();
        assert_eq!(month.text(), "2013-08");
        assert_eq!(month.value().map(Date::precision), Some(Precision::Month));
        assert_eq!(month.shown(), "August 2013");
        assert_eq!(month.error(), None);
        assert_eq!(serde_json::to_string(&month).unwrap(), "\"2013-08\"");
        let bad: Written<Moment> = serde_json::from_str("\"yesterday\"").unwrap();
        assert_eq!(bad.value(), None);
        assert!(bad.error().is_some_and(|e| e.contains("\"yesterday\"")));
        assert_eq!(bad.shown(), "yesterday", "shown as written");
        assert_eq!(serde_json::to_string(&bad).unwrap(), "\"yesterday\"");
    }

    #[test]
    fn moments_parse_with_their_offset_and_show_it() {
        let m = Moment::parse("2013-08-09T16:05:00+01:00").unwrap();
        assert_eq!((m.hour, m.minute, m.offset), (16, 5, 60));
        assert_eq!(m.display(), "9 August 2013, 16:05 UTC+1");
        assert_eq!(
            Moment::parse("2013-08-09T15:05Z").unwrap().display(),
            "9 August 2013, 15:05 UTC"
        );
        assert_eq!(
            Moment::parse("2024-02-29T09:30:15.250-05:30")
                .unwrap()
                .display(),
            "29 February 2024, 09:30 UTC-5:30"
        );
        // Same instant, different offsets.
        let utc = Moment::parse("2013-08-09T15:05Z").unwrap();
        assert_eq!(m.cmp_instant(&utc), Ordering::Equal);
        let later = Moment::parse("2013-08-09T23:30-05:00").unwrap();
        assert_eq!(m.cmp_instant(&later), Ordering::Less);
    }

    #[test]
    fn moments_without_a_time_or_offset_are_refused() {
        for bad in [
            "2013-08-09",
            "2013-08-09T16:05",
            "2013-08-09T24:00Z",
            "2013-08-09T16:60+01:00",
            "2013-08T16:05Z",
            "2013-02-30T16:05Z",
            "2013-08-09T16:05+0100",
            "2013-08-09T16:05:00.Z",
            "2013-08-09T1:05Z",
            "yesterday",
            "",
        ] {
            assert!(Moment::parse(bad).is_err(), "{bad} was accepted");
        }
    }
}
