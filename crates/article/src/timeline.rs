//! The article's events as a reader sees them: in date order, each in a
//! lane for the party it involves.

use crate::types::{Article, Event, Party};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lane {
    /// Only the first lane party.
    Left,
    /// Both lane parties, or any other mix.
    Joint,
    /// Only the second lane party.
    Right,
}

impl Lane {
    pub fn name(self) -> &'static str {
        match self {
            Lane::Left => "left",
            Lane::Joint => "joint",
            Lane::Right => "right",
        }
    }
}

/// The timeline laid out: the two lane parties and every event with its lane.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline<'a> {
    pub left: Option<&'a Party>,
    pub right: Option<&'a Party>,
    pub events: Vec<(&'a Event, Lane)>,
}

/// Events sorted by date (stable: same-date events keep their order;
/// undated ones come last).
pub fn in_date_order(article: &Article) -> Vec<&Event> {
    // Unstable sort with the position as the tie-break: the same order as
    // a stable sort, without a second sort routine in the wasm.
    let mut events: Vec<(usize, &Event)> = article.timeline.iter().enumerate().collect();
    events.sort_unstable_by(|(i, a), (j, b)| a.date.chronological(&b.date).then(i.cmp(j)));
    events.into_iter().map(|(_, e)| e).collect()
}

/// The lanes are the first two parties, in the article's party order, that
/// any event involves: for the seed, the US on one side and Russia on the other.
pub fn layout(article: &Article) -> Timeline<'_> {
    let mut lane_parties = article
        .parties
        .iter()
        .filter(|p| article.timeline.iter().any(|e| e.parties.contains(&p.id)));
    let left = lane_parties.next();
    let right = lane_parties.next();
    let only = |party: Option<&Party>, event: &Event| {
        party.is_some_and(|p| event.parties.len() == 1 && event.parties[0] == p.id)
    };
    let events = in_date_order(article)
        .into_iter()
        .map(|e| {
            let lane = if only(left, e) {
                Lane::Left
            } else if only(right, e) {
                Lane::Right
            } else {
                Lane::Joint
            };
            (e, lane)
        })
        .collect();
    Timeline {
        left,
        right,
        events,
    }
}
