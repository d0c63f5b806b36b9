//! Who is in the text: people introduced with a role ("US Secretary of State
//! John Kerry"), and where each is mentioned again ("Mr Kerry", "Kerry",
//! "President Assad").

use rustc_hash::FxHashMap as HashMap;

use crate::words::{
    is_acronym, is_capitalised, is_honorific, is_opener, is_reporting_verb, is_title, party_of,
    slug, words, Word,
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub id: String,
    pub name: String,
    pub role: String,
    pub affiliation: Option<(&'static str, &'static str)>,
}

/// A mention of a known person at `start..end` of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub person: usize,
}

#[derive(Debug, Default)]
pub struct People {
    pub found: Vec<Found>,
    by_full: HashMap<String, usize>,
    by_surname: HashMap<String, usize>,
}

/// A word that can be part of a person's name.
fn name_like(w: &Word) -> bool {
    is_capitalised(w.core)
        && !is_acronym(w.core)
        && !is_title(w.core)
        && !is_honorific(w.core)
        && !is_opener(w.core)
        && party_of(w.core).is_none()
        && !w.core.ends_with("'s")
        && !w.core.ends_with("’s")
}

/// The surname a mention uses: "al-Assad" is "Assad".
fn surname_key(word: &str) -> &str {
    match word.split_once('-') {
        Some((particle, rest))
            if particle.len() <= 3 && particle.chars().all(char::is_lowercase) =>
        {
            rest
        }
        _ => word,
    }
}

impl People {
    /// Pass one: remember everyone the text introduces.
    pub fn learn(&mut self, text: &str) {
        let ws = words(text);
        let mut i = 0;
        while i < ws.len() {
            // "Russia's Vladimir Putin"
            if let Some(party) = possessive_party(&ws[i]) {
                if let [first, last, ..] = &ws[i + 1..] {
                    if name_like(first) && name_like(last) && !first.trailing && !ws[i].trailing {
                        self.add(&[first, last], String::new(), Some(party));
                        i += 3;
                        continue;
                    }
                }
            }
            // "Dr Lena Okafor": an honorific before a full name.
            if is_honorific(ws[i].core) && !ws[i].trailing {
                if let [first, last, ..] = &ws[i + 1..] {
                    if name_like(first) && name_like(last) && !first.trailing {
                        self.add(&[first, last], String::new(), None);
                        i += 3;
                        continue;
                    }
                }
            }
            // A run of capitalised words, titles and "of", ending at punctuation.
            let mut j = i;
            while j < ws.len() {
                let w = &ws[j];
                let part = is_capitalised(w.core) || is_title(w.core) || (w.core == "of" && j > i);
                if !part || (j > i && ws[j - 1].trailing) {
                    break;
                }
                j += 1;
            }
            // "of" only joins capitalised words ("Secretary of State"); a run
            // does not end on it.
            while j > i && ws[j - 1].core == "of" {
                j -= 1;
            }
            if j == i {
                i += 1;
                continue;
            }
            let run = &ws[i..j];
            if let Some(t) = run.iter().rposition(|w| is_title(w.core)) {
                // "… Minister Sergei Lavrov": the name is the last two words.
                if run.len() - t > 2
                    && name_like(&run[run.len() - 2])
                    && name_like(&run[run.len() - 1])
                {
                    let role_words = &run[..run.len() - 2];
                    let role_words =
                        &role_words[role_words.iter().take_while(|w| is_opener(w.core)).count()..];
                    let role = role_words
                        .iter()
                        .map(|w| w.core)
                        .collect::<Vec<_>>()
                        .join(" ");
                    let affiliation = role_words.iter().find_map(|w| party_of(w.core));
                    let name = [&run[run.len() - 2], &run[run.len() - 1]];
                    self.add(&name, role, affiliation);
                }
            } else if run.len() >= 2 {
                // "Tom Berg said" / "said Ana Ruiz": a bare name next to a reporting verb.
                let last_two = [&run[run.len() - 2], &run[run.len() - 1]];
                let before_verb = ws.get(j).is_some_and(|w| is_reporting_verb(w.core))
                    && !run[run.len() - 1].trailing;
                let after_verb = i > 0
                    && is_reporting_verb(ws[i - 1].core)
                    && run.len() == 2
                    && !ws[i - 1].trailing;
                if (before_verb || after_verb)
                    && name_like(last_two[0])
                    && name_like(last_two[1])
                    && !last_two[0].trailing
                {
                    self.add(&last_two, String::new(), None);
                }
            }
            i = j;
        }
    }

    fn add(
        &mut self,
        name: &[&Word],
        role: String,
        affiliation: Option<(&'static str, &'static str)>,
    ) {
        let full = name.iter().map(|w| w.core).collect::<Vec<_>>().join(" ");
        if let Some(&n) = self.by_full.get(&full) {
            let p = &mut self.found[n];
            if p.role.is_empty() {
                p.role = role;
            }
            if p.affiliation.is_none() {
                p.affiliation = affiliation;
            }
            return;
        }
        let surname = surname_key(name[name.len() - 1].core).to_string();
        let mut id = slug(&surname, 3);
        if self.found.iter().any(|p| p.id == id) {
            id = slug(&full, 4);
        }
        let n = self.found.len();
        self.found.push(Found {
            id,
            name: full.clone(),
            role,
            affiliation,
        });
        self.by_full.insert(full, n);
        self.by_surname.entry(surname).or_insert(n);
    }

    /// Pass two: where known people are mentioned in a text, in order. An
    /// honorific with an unknown surname ("Ms Smith said") adds a person.
    pub fn mentions(&mut self, ws: &[Word]) -> Vec<Mention> {
        let mut out = Vec::new();
        // One buffer for "First Last" look-ups instead of a string per word pair.
        let mut pair = String::new();
        let mut full = |a: &str, b: &str, by_full: &HashMap<String, usize>| {
            pair.clear();
            pair.push_str(a);
            pair.push(' ');
            pair.push_str(b);
            by_full.get(pair.as_str()).copied()
        };
        let mut i = 0;
        while i < ws.len() {
            let w = &ws[i];
            let next = ws.get(i + 1).filter(|_| !w.trailing);
            // Full name: "John Kerry".
            if let Some(n) = next
                .filter(|n| is_capitalised(n.core))
                .and_then(|n| full(w.core, n.core, &self.by_full))
            {
                out.push(Mention {
                    start: w.start,
                    end: ws[i + 1].end,
                    person: n,
                });
                i += 2;
                continue;
            }
            // "Dr Lena Okafor": honorific and full name.
            if is_honorific(w.core) {
                if let Some(n) = ws
                    .get(i + 1)
                    .zip(ws.get(i + 2))
                    .filter(|(a, _)| !a.trailing)
                    .and_then(|(a, b)| full(a.core, b.core, &self.by_full))
                {
                    out.push(Mention {
                        start: w.start,
                        end: ws[i + 2].end,
                        person: n,
                    });
                    i += 3;
                    continue;
                }
            }
            // "Mr Kerry", "President Assad".
            if let Some(n) = next.filter(|n| is_capitalised(n.core) && !is_acronym(n.core)) {
                if is_honorific(w.core) || is_title(w.core) {
                    let key = surname_key(n.core);
                    let person = match self.by_surname.get(key) {
                        Some(&p) => Some(p),
                        None if is_honorific(w.core) => Some(self.add_surname_only(w.core, n.core)),
                        None => None,
                    };
                    let after = ws.get(i + 2);
                    // "President Barack Obama" is an introduction: mention the full name instead.
                    let continues = !n.trailing && after.is_some_and(|a| name_like(a));
                    if let (Some(person), false) = (person, continues) {
                        out.push(Mention {
                            start: w.start,
                            end: n.end,
                            person,
                        });
                        i += 2;
                        continue;
                    }
                }
            }
            // A bare surname: "Kerry said".
            if is_capitalised(w.core) {
                if let Some(&n) = self.by_surname.get(surname_key(w.core)) {
                    out.push(Mention {
                        start: w.start,
                        end: w.end,
                        person: n,
                    });
                }
            }
            i += 1;
        }
        out
    }

    fn add_surname_only(&mut self, honorific: &str, surname: &str) -> usize {
        let n = self.found.len();
        let mut id = slug(surname, 3);
        if self.found.iter().any(|p| p.id == id) {
            id = format!("{id}-{n}");
        }
        self.found.push(Found {
            id,
            name: format!("{honorific} {surname}"),
            role: String::new(),
            affiliation: None,
        });
        self.by_surname.insert(surname_key(surname).to_string(), n);
        n
    }
}

fn possessive_party(w: &Word) -> Option<(&'static str, &'static str)> {
    (w.core.ends_with("'s") || w.core.ends_with("’s"))
        .then(|| party_of(w.core))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn learned(texts: &[&str]) -> People {
        let mut people = People::default();
        for t in texts {
            people.learn(t);
        }
        people
    }

    fn summary(p: &People) -> Vec<(String, String, String, Option<&'static str>)> {
        p.found
            .iter()
            .map(|f| {
                (
                    f.id.clone(),
                    f.name.clone(),
                    f.role.clone(),
                    f.affiliation.map(|a| a.0),
                )
            })
            .collect()
    }

    #[test]
    fn roles_in_apposition_introduce_people() {
        let p = learned(&[
            "At a meeting, Russian Foreign Minister Sergei Lavrov said so.",
            "despite it, US Secretary of State John Kerry has said.",
            "and his US counterpart, Secretary of Defence Chuck Hagel.",
            "whether President Bashar al-Assad and his forces",
            "But US President Barack Obama cancelled a summit with Russia's Vladimir Putin.",
        ]);
        assert_eq!(
            summary(&p),
            [
                (
                    "lavrov".into(),
                    "Sergei Lavrov".into(),
                    "Russian Foreign Minister".into(),
                    Some("ru")
                ),
                (
                    "kerry".into(),
                    "John Kerry".into(),
                    "US Secretary of State".into(),
                    Some("us")
                ),
                (
                    "hagel".into(),
                    "Chuck Hagel".into(),
                    "Secretary of Defence".into(),
                    None
                ),
                (
                    "assad".into(),
                    "Bashar al-Assad".into(),
                    "President".into(),
                    None
                ),
                (
                    "obama".into(),
                    "Barack Obama".into(),
                    "US President".into(),
                    Some("us")
                ),
                (
                    "putin".into(),
                    "Vladimir Putin".into(),
                    "".into(),
                    Some("ru")
                ),
            ]
        );
    }

    #[test]
    fn places_and_organisations_are_not_people() {
        let p = learned(&[
            "progress on missile defence, Afghanistan, Iran, North Korea and Syria.",
            "the American former National Security Agency contractor",
            "a second round of Geneva talks on the Syrian conflict.",
        ]);
        assert!(p.found.is_empty(), "{:?}", p.found);
    }

    #[test]
    fn a_bare_name_beside_a_reporting_verb_is_a_person() {
        let p = learned(&[
            "\"Enough,\" said Ana Ruiz of the union.",
            "Tom Berg told reporters.",
        ]);
        let names: Vec<_> = p.found.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["Ana Ruiz", "Tom Berg"]);
    }

    #[test]
    fn later_mentions_resolve_to_the_same_person() {
        let mut p = learned(&[
            "US Secretary of State John Kerry spoke.",
            "President Bashar al-Assad",
        ]);
        let text = "Mr Kerry and President Assad; Kerry again; John Kerry; Ms Smith said.";
        let m = p.mentions(&words(text));
        let got: Vec<(&str, &str)> = m
            .iter()
            .map(|m| (&text[m.start..m.end], p.found[m.person].id.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Mr Kerry", "kerry"),
                ("President Assad", "assad"),
                ("Kerry", "kerry"),
                ("John Kerry", "kerry"),
                ("Ms Smith", "smith"),
            ]
        );
        assert_eq!(p.found[2].name, "Ms Smith");
    }
}
