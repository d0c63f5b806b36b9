//! Synthetic articles and manifests of any size, for load and performance
//! testing. Deterministic: the same seed gives the same bytes.

use article::{
    Article, Block, Event, EventDate, Inline, Manifest, ManifestEntry, Media, MediaKind, Paragraph,
    Party, Person, Precision, Quote, Related, Section, Source, SpeakerKind, Status, Text, Topic,
    FORMAT_VERSION,
};

/// xorshift64*: tiny, fast and reproducible; quality is ample for filler text.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SECTIONS: [&str; 6] = [
    "World",
    "Business",
    "Politics",
    "Science",
    "US & Canada",
    "Europe",
];
const SUBJECTS: [&str; 10] = [
    "The committee",
    "Officials",
    "The minister",
    "Negotiators",
    "The council",
    "Investors",
    "Researchers",
    "The delegation",
    "Residents",
    "The agency",
];
const VERBS: [&str; 8] = [
    "met again on",
    "published a report on",
    "raised concerns about",
    "agreed a timetable for",
    "rejected a proposal on",
    "called for talks on",
    "announced funding for",
    "delayed a decision on",
];
const OBJECTS: [&str; 10] = [
    "trade",
    "energy prices",
    "the harbour",
    "water supplies",
    "the budget",
    "border checks",
    "rail links",
    "the election",
    "fishing rights",
    "climate targets",
];
const TAILS: [&str; 6] = [
    "after weeks of delay",
    "on Tuesday",
    "despite objections",
    "for the second time this year",
    "in a closed session",
    "ahead of the summit",
];
const TOPICS: [(&str, &str); 6] = [
    ("trade", "Trade"),
    ("energy", "Energy"),
    ("transport", "Transport"),
    ("elections", "Elections"),
    ("environment", "Environment"),
    ("budget", "Budget"),
];
const PEOPLE: [(&str, &str, &str, &str); 4] = [
    ("ana-berg", "Ana Berg", "Trade Minister", "north"),
    ("ivan-lind", "Ivan Lind", "Trade Commissioner", "south"),
    ("mila-roth", "Mila Roth", "Energy Secretary", "north"),
    ("tomas-vale", "Tomas Vale", "Energy Minister", "south"),
];

const SYLLABLES: [&str; 24] = [
    "ka", "lo", "mir", "ten", "va", "dor", "si", "bel", "ru", "nak", "po", "les", "tar", "vi",
    "gan", "mo", "ber", "shi", "len", "ko", "dan", "ri", "sol", "ve",
];

/// A made-up proper name of two or three syllables ("Velomir"), so a
/// generated library has a long tail of rare words, as news has in its
/// people and places, not only a small stock vocabulary.
fn name(rng: &mut Rng) -> String {
    let count = 2 + rng.below(2);
    let word: String = (0..count).map(|_| rng.pick(&SYLLABLES)).collect();
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian.
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn sentence(rng: &mut Rng) -> String {
    format!(
        "{} {} {} {}.",
        rng.pick(&SUBJECTS),
        rng.pick(&VERBS),
        rng.pick(&OBJECTS),
        rng.pick(&TAILS)
    )
}

/// Article number `n` (0 = newest) with `paragraphs` paragraphs.
pub fn article(slug: &str, n: usize, paragraphs: usize, seed: u64) -> Article {
    let mut rng = Rng::new(seed ^ (n as u64).wrapping_mul(0x1000_0000_01b3));
    // Newest first: article n is n/3 days before 1 March 2024.
    let (y, m, d) = civil(19_783 - (n / 3) as i64);
    let topics = some_topics(&mut rng);
    let headline = format!(
        "{} {} {} {}",
        rng.pick(&SUBJECTS),
        rng.pick(&VERBS),
        rng.pick(&OBJECTS),
        rng.pick(&TAILS)
    );
    let sections = body(&mut rng, paragraphs, &topics);
    let timeline = timeline(&mut rng, paragraphs, (y, m));
    Article {
        format: FORMAT_VERSION,
        id: slug.to_string(),
        language: "en".into(),
        section: Some(rng.pick(&SECTIONS).into()),
        headline,
        summary: Some(sentence(&mut rng)),
        byline: None,
        authors: Vec::new(),
        updated: None,
        published: Some(format!("{y:04}-{m:02}-{d:02}").into()),
        source: Source {
            name: "Generated".into(),
            url: None,
        },
        parties: vec![
            Party {
                id: "north".into(),
                name: "Northland".into(),
            },
            Party {
                id: "south".into(),
                name: "Southland".into(),
            },
        ],
        people: PEOPLE
            .iter()
            .map(|(id, name, role, party)| Person {
                id: (*id).into(),
                name: (*name).into(),
                role: (*role).into(),
                affiliation: Some((*party).into()),
                kind: SpeakerKind::Person,
            })
            .collect(),
        counterparts: Vec::new(),
        topics,
        sections,
        related: Some(Related {
            heading: "More on this story".into(),
            links: Vec::new(),
        }),
        timeline,
    }
}

/// Two to four different topics.
fn some_topics(rng: &mut Rng) -> Vec<Topic> {
    let count = 2 + rng.below(3);
    let mut topics: Vec<Topic> = Vec::new();
    while topics.len() < count {
        let (id, label) = TOPICS[rng.below(TOPICS.len())];
        if topics.iter().all(|t| t.id != id) {
            topics.push(Topic {
                id: id.into(),
                label: label.into(),
            });
        }
    }
    topics
}

/// A lead video, then `paragraphs` paragraphs, a subheaded section every
/// eight.
fn body(rng: &mut Rng, paragraphs: usize, topics: &[Topic]) -> Vec<Section> {
    let mut sections = vec![Section {
        id: "top".into(),
        heading: None,
        analysis: None,
        blocks: vec![Block::Media(Media {
            id: "lead".into(),
            kind: MediaKind::Video,
            placeholder: "Media playback is unsupported on your device".into(),
            caption: vec![Inline::Text(Text {
                text: sentence(rng),
            })],
        })],
    }];
    for p in 0..paragraphs {
        if p > 0 && p % 8 == 0 {
            let heading = format!("Part {}: {}", p / 8 + 1, rng.pick(&OBJECTS));
            sections.push(Section {
                id: format!("part-{}", p / 8 + 1),
                heading: Some(heading),
                analysis: None,
                blocks: Vec::new(),
            });
        }
        let paragraph = paragraph(rng, p, topics);
        sections
            .last_mut()
            .expect("there is a section")
            .blocks
            .push(Block::Paragraph(paragraph));
    }
    sections
}

/// Paragraph `p`: two sentences around one naming someone local, as a
/// story's body does, a quote one time in three, and some of the topics.
fn paragraph(rng: &mut Rng, p: usize, topics: &[Topic]) -> Paragraph {
    let local = format!(
        "{} {} of {} said it was {}.",
        name(rng),
        name(rng),
        name(rng),
        rng.pick(&TAILS)
    );
    let mut runs = vec![Inline::Text(Text {
        text: format!("{} {local} {} ", sentence(rng), sentence(rng)),
    })];
    if rng.below(3) == 0 {
        let (speaker, name, _, _) = PEOPLE[rng.below(PEOPLE.len())];
        runs.push(Inline::Quote(Quote {
            id: format!("q{p}"),
            speaker: Some(speaker.into()),
            text: format!("We will look at {} again,", rng.pick(&OBJECTS)),
            part_of: None,
        }));
        runs.push(Inline::Text(Text {
            text: format!(" {name} said."),
        }));
    }
    let tagged = topics
        .iter()
        .filter(|_| rng.below(2) == 0)
        .map(|t| t.id.clone())
        .collect();
    Paragraph {
        id: format!("p{p}"),
        topics: tagged,
        runs,
    }
}

/// Up to three events: two in the article's month (one approximate), one
/// planned with no date.
fn timeline(rng: &mut Rng, paragraphs: usize, (y, m): (i64, u32)) -> Vec<Event> {
    (0..paragraphs.min(3))
        .map(|e| Event {
            id: format!("event-{e}"),
            date: if e == 2 {
                EventDate {
                    value: None,
                    precision: Precision::Unknown,
                    approximate: false,
                    status: Status::Planned,
                }
            } else {
                EventDate {
                    value: Some(format!("{y:04}-{m:02}").into()),
                    precision: Precision::Month,
                    approximate: e == 1,
                    status: Status::Happened,
                }
            },
            title: format!("Event {} on {}", e + 1, rng.pick(&OBJECTS)),
            parties: vec![["north", "south"][e % 2].into()],
            paragraphs: vec![format!("p{}", e * paragraphs / 3)],
        })
        .collect()
}

/// Split entries (newest first) into `index.json` holding the first
/// `first_part` and further files of `part_size`.
pub fn manifests(
    entries: Vec<ManifestEntry>,
    first_part: usize,
    part_size: usize,
) -> Vec<(String, Manifest)> {
    let total = entries.len();
    let first_part = first_part.max(1);
    let part_size = part_size.max(1);
    let mut rest = entries;
    let tail = rest.split_off(first_part.min(total));
    let mut parts: Vec<(String, Manifest)> = Vec::new();
    for (i, chunk) in tail.chunks(part_size).enumerate() {
        parts.push((
            format!("index-{}.json", i + 2),
            Manifest {
                format: FORMAT_VERSION,
                total: None,
                articles: chunk.to_vec(),
                more: Vec::new(),
            },
        ));
    }
    let first = Manifest {
        format: FORMAT_VERSION,
        total: (!parts.is_empty()).then_some(total),
        articles: rest,
        more: parts.iter().map(|(name, _)| name.clone()).collect(),
    };
    let mut all = vec![("index.json".to_string(), first)];
    all.extend(parts);
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_arithmetic() {
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(civil(19_783), (2024, 3, 1));
        assert_eq!(civil(19_782), (2024, 2, 29));
        assert_eq!(civil(-1), (1969, 12, 31));
    }
}
