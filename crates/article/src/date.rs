//! Calendar dates as the format writes them (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`),
//! checked and shown without a date library: the format needs only this much.

use std::cmp::Ordering;

use crate::types::{EventDate, Precision, Status};

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
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Date {
    /// Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting impossible dates.
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
        self.value.as_deref().and_then(|v| Date::parse(v).ok())
    }

    /// What a reader sees: "1 August 2013", "about August 2013",
    /// "2014 (planned)", "date not set".
    pub fn display(&self) -> String {
        let base = match self.date() {
            Some(d) if self.approximate => format!("about {}", d.display()),
            Some(d) => d.display(),
            None => "date not set".to_string(),
        };
        match (self.status, self.date()) {
            (Status::Planned, Some(_)) => format!("{base} (planned)"),
            (Status::Planned, None) => format!("planned, {base}"),
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
