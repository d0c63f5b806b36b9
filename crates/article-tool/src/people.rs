//! Stage four: who is in the text, and where. People introduced with a role
//! or an honorific ("US Secretary of State John Kerry", "Researcher Dr Hannah
//! Cole"), or named beside a reporting verb; organisations named with an
//! organisation word ("Environment Agency", "Birmingham City Council") or as
//! the subject of a reporting verb ("The Kremlin said"). Then every later
//! mention ("Mr Kerry", "Kerry's", "Sir Peter", "the agency"), and the gender
//! the text gives a person (from honorifics, and from pronouns resolved).

use article::SpeakerKind;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::words::{
    is_abbreviation, is_acronym, is_capitalised, is_honorific, is_opener, is_org_word,
    is_reporting_verb, is_title, party_of, slug, strip_possessive, words, Word,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    /// What an honorific says: "Mr" a man, "Ms" a woman, "Dr" nothing.
    pub fn of_honorific(word: &str) -> Option<Gender> {
        match word {
            "Mr" | "Sir" | "Lord" => Some(Gender::Male),
            "Mrs" | "Ms" | "Miss" | "Dame" | "Lady" | "Baroness" => Some(Gender::Female),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub id: String,
    pub name: String,
    pub role: String,
    pub affiliation: Option<(&'static str, &'static str)>,
    pub kind: SpeakerKind,
    pub gender: Option<Gender>,
}

/// A mention of someone known at `start..end` of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub person: usize,
}

#[derive(Debug, Default)]
pub struct People {
    pub found: Vec<Found>,
    /// Full names (people and organisations) → index.
    by_full: HashMap<String, usize>,
    by_surname: HashMap<String, usize>,
    /// First names, for "Sir Peter", "Dame Judith" and "Sue said".
    by_first: HashMap<String, usize>,
    /// First names two people share: no mention by first name alone.
    first_shared: HashSet<String>,
    /// Two-word names the text has not yet shown to be people ("runner
    /// Faith Chebet broke the record"), by surname: one becomes a person
    /// when its surname speaks ("said Chebet, 27").
    candidates: HashMap<String, (String, String)>,
}

/// A word that can be part of a person's name.
fn name_like(w: &Word) -> bool {
    is_capitalised(w.core)
        && !is_acronym(w.core)
        && !is_title(w.core)
        && !is_honorific(w.core)
        && !is_opener(w.core)
        && !is_org_word(w.core)
        && party_of(w.core).is_none()
        && strip_possessive(w.core) == w.core
        && !w.core.chars().any(|c| c.is_ascii_digit())
}

/// A capitalised word that names a role ("Researcher", "Economist",
/// "Headteacher"): a title, or a word with a role-making ending.
fn role_like(word: &str) -> bool {
    const ENDINGS: [&str; 9] = [
        "ist", "er", "or", "ian", "ant", "ent", "man", "woman", "ary",
    ];
    is_title(word)
        || ENDINGS
            .iter()
            .any(|e| word.len() > e.len() + 2 && word.ends_with(e))
}

/// Words that put the name after them in a place ("residents in West
/// Yorkshire say"), so it is not a speaker.
fn is_locative(word: &str) -> bool {
    matches!(
        word,
        "in" | "at" | "near" | "across" | "throughout" | "around" | "outside" | "inside" | "into"
    )
}

/// An age in apposition right after a name ending at `j` ("Dave Pike, 61,"):
/// only people have one.
fn age_at(ws: &[Word], j: usize) -> bool {
    j > 0
        && ws[j - 1].trailing
        && ws.get(j).is_some_and(|w| {
            w.trailing && w.core.len() <= 3 && w.core.chars().all(|c| c.is_ascii_digit())
        })
}

/// A reporting verb right before the word at `i`, nothing between.
fn verb_right_before(ws: &[Word], i: usize) -> bool {
    i.checked_sub(1)
        .is_some_and(|k| is_reporting_verb(ws[k].core) && !ws[k].trailing)
}

/// A reporting verb right before the run at `i` ("said Sgt. Mike Lopez",
/// "sagte Verkehrsministerin Anna Weber"), not one whose object is the one
/// spoken to ("told BBC Radio Bristol", "urged ministers").
fn said_before(ws: &[Word], i: usize) -> bool {
    verb_right_before(ws, i) && {
        let verb = ws[i - 1].core.to_ascii_lowercase();
        let to_listener = matches!(
            verb.as_str(),
            "told"
                | "tells"
                | "asked"
                | "asks"
                | "urged"
                | "urges"
                | "warned"
                | "warns"
                | "called"
                | "calls"
                | "promised"
        );
        !to_listener
    }
}

/// ", who" right after a name ending at `j`: people take "who", places and
/// things "which" — but a team or a band takes "who" too, with a plural
/// verb ("United, who were …"), and is no one person.
fn who_follows(ws: &[Word], j: usize) -> bool {
    let plural = ws
        .get(j + 1)
        .is_some_and(|w| matches!(w.core, "were" | "are" | "have"));
    j > 0 && ws[j - 1].trailing && ws.get(j).is_some_and(|w| w.core == "who") && !plural
}

/// A relation named just before the name at `i` ("her son, Graham", "Sam's
/// mother, Anne", "his partner Jo"): the name is a person's, with the
/// gender the relation gives, if any.
fn kin_before(ws: &[Word], i: usize) -> Option<Option<Gender>> {
    let noun = &ws[i.checked_sub(1)?];
    let owner = &ws[i.checked_sub(2)?];
    let owned = matches!(
        owner.core.to_ascii_lowercase().as_str(),
        "her" | "his" | "their" | "my" | "our"
    ) || strip_possessive(owner.core) != owner.core;
    if !owned || owner.trailing {
        return None;
    }
    Some(match noun.core {
        "son" | "father" | "husband" | "brother" | "dad" | "grandson" | "grandfather"
        | "boyfriend" | "uncle" | "nephew" | "stepson" | "stepfather" | "widower" => {
            Some(Gender::Male)
        }
        "daughter" | "mother" | "wife" | "sister" | "mum" | "mom" | "granddaughter"
        | "grandmother" | "girlfriend" | "aunt" | "niece" | "stepdaughter" | "stepmother"
        | "widow" => Some(Gender::Female),
        "partner" | "friend" | "neighbour" | "neighbor" | "child" | "cousin" | "colleague"
        | "spouse" | "sibling" | "twin" | "grandchild" | "carer" | "flatmate" => None,
        _ => return None,
    })
}

fn starts_lowercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

/// The surname a mention uses: "al-Assad" is "Assad".
fn surname_key(word: &str) -> &str {
    let word = strip_possessive(word);
    match word.split_once('-') {
        Some((particle, rest))
            if particle.len() <= 3 && particle.chars().all(char::is_lowercase) =>
        {
            rest
        }
        _ => word,
    }
}

/// Joins inside an organisation's name ("University of Leeds", "Department
/// for Transport").
fn is_joiner(word: &str) -> bool {
    matches!(word, "of" | "for" | "and" | "&")
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
                        self.add_person(&[first, last], String::new(), Some(party), None);
                        i += 3;
                        continue;
                    }
                }
            }
            let j = run_end(&ws, i);
            if j == i {
                i += 1;
                continue;
            }
            self.learn_run(&ws, i, j);
            i = j;
        }
    }

    /// A run of capitalised words (with joiners) at `ws[i..j]`.
    fn learn_run(&mut self, ws: &[Word], i: usize, j: usize) {
        let run = &ws[i..j];
        // At the start of the text or after punctuation (a sentence, or a
        // name in apposition after a comma).
        let after_break = i == 0 || ws[i - 1].trailing;
        let after_the = i > 0 && ws[i - 1].core.eq_ignore_ascii_case("the")
            || run[0].core == "The" && run.len() > 1;
        let verb_next = verb_follows(ws, j);
        // An organisation: up to its last organisation word (and an "of X"
        // after it), at least two words.
        if let Some(last_org) = run.iter().rposition(|w| is_org_word(w.core)) {
            let start = run.iter().position(|w| !is_opener(w.core)).unwrap_or(0);
            let mut end = last_org + 1;
            if run.get(end).is_some_and(|w| is_joiner(w.core)) && run.get(end + 1).is_some() {
                end = run.len();
            }
            if end - start >= 2 {
                self.add_org(&run[start..end]);
                // "Supporters' Trust chair Gemma Price": a person may follow.
                if end < run.len() {
                    self.learn_person(ws, i + end, j, after_break, verb_next);
                }
                return;
            }
        }
        // "a report by the Campaign for Better Transport": a document's
        // author is an organisation.
        let by = match i.checked_sub(1).map(|k| ws[k].core) {
            Some("the" | "The") => i.checked_sub(2),
            _ => i.checked_sub(1),
        };
        let authored = by.is_some_and(|b| {
            ws[b].core == "by" && b > 0 && crate::words::is_document(ws[b - 1].core)
        });
        // (Not "the Parents' Forum" cut at its apostrophe.)
        let cut = ws[j - 1].trailing && ws.get(j).is_some_and(|w| is_capitalised(w.core));
        if authored && !cut {
            let start = usize::from(run[0].core == "The");
            if start < run.len() {
                self.add_org(&run[start..]);
            }
            return;
        }
        // "residents in West Yorkshire say": a place.
        if i > 0 && !ws[i - 1].trailing && is_locative(ws[i - 1].core) {
            return;
        }
        let plain = run
            .iter()
            .all(|w| !is_title(w.core) && !is_honorific(w.core));
        // "the Scottish government": capitalised words, then the organisation
        // word in lower case, as such names are written.
        if let Some(next) = ws.get(j).filter(|_| after_the && plain && run.len() <= 3) {
            let noun = strip_possessive(next.core);
            if starts_lowercase(noun) && is_org_word(noun) && !ws[j - 1].trailing {
                let mut name: Vec<Word> = run[usize::from(run[0].core == "The")..].to_vec();
                name.push(Word {
                    core: noun,
                    ..*next
                });
                self.add_org(&name);
                return;
            }
        }
        // "Cycling UK said", "NIE Networks said": a subject with an acronym
        // in its name opening a sentence is an organisation — unless it
        // ends in a person's name ("GP Sarah Jones said").
        let ends_in_name = run.len() >= 2 && run[run.len() - 2..].iter().all(name_like);
        if after_break
            && verb_next
            && plain
            && !ends_in_name
            && run.len() <= 4
            && run.iter().any(|w| is_acronym(w.core))
        {
            let start = run.iter().take_while(|w| is_opener(w.core)).count();
            if start < run.len() {
                self.add_org(&run[start..]);
                return;
            }
        }
        // "The Kremlin said": a capitalised subject after "the" with a
        // reporting verb is an organisation (people take no article).
        if after_the && verb_next && plain {
            self.add_org(&run[usize::from(run[0].core == "The")..]);
            return;
        }
        // "Mr Paul Hart and Ms Amy Lewis": people are joined by "and".
        let mut start = i;
        for k in i..j {
            // ("founder and chief executive Daniel Okoro" is one role.)
            if matches!(ws[k].core, "and" | "&") && k > start && name_like(&ws[k - 1]) {
                self.learn_person(ws, start, k, after_break && start == i, false);
                start = k + 1;
            }
        }
        self.learn_person(ws, start, j, after_break && start == i, verb_next);
    }

    fn learn_person(
        &mut self,
        ws: &[Word],
        i: usize,
        j: usize,
        after_break: bool,
        verb_next: bool,
    ) {
        let run = &ws[i..j];
        let run = &run[run.iter().take_while(|w| is_opener(w.core)).count()..];
        if run.is_empty() {
            return;
        }
        let role_of = |words: &[Word]| words.iter().map(|w| w.core).collect::<Vec<_>>().join(" ");
        // "Dr Lena Okafor", "Researcher Dr Hannah Cole", "Mrs Justice Amelia
        // Hart": an honorific, perhaps titles, then the name.
        if let Some(h) = run.iter().position(|w| is_honorific(w.core)) {
            let after = &run[h + 1..];
            let titles = after.iter().take_while(|w| is_title(w.core)).count();
            let name = &after[titles..];
            if name.len() >= 2 && name[..2].iter().all(name_like) {
                let gender = Gender::of_honorific(run[h].core);
                let mut role = role_of(&run[..h]);
                if titles > 0 {
                    role = format!("{role} {}", role_of(&after[..titles]))
                        .trim()
                        .to_string();
                }
                self.add_person(&[&name[0], &name[1]], role, None, gender);
            }
            return;
        }
        let n = run.len();
        if n == 1 && name_like(&run[0]) {
            self.learn_one_name(ws, j - 1, after_break, verb_next);
            return;
        }
        if n < 2 || !name_like(&run[n - 2]) || !name_like(&run[n - 1]) || run[n - 2].trailing {
            return;
        }
        self.learn_full_name(ws, i, j, run, after_break, verb_next);
        let full = format!("{} {}", run[n - 2].core, run[n - 1].core);
        if !self.by_full.contains_key(&full) {
            self.candidates
                .entry(surname_key(run[n - 1].core).to_string())
                .or_insert_with(|| (run[n - 2].core.to_string(), run[n - 1].core.to_string()));
        }
    }

    /// One word that may be a person's name: the surname of a candidate
    /// that now speaks ("said Chebet", "Okafor, 34, said"), or a first name
    /// given with an age or a relation ("Ada, 9,", "her son, Graham,").
    fn learn_one_name(&mut self, ws: &[Word], k: usize, after_break: bool, verb_next: bool) {
        let w = &ws[k];
        let key = surname_key(w.core);
        if self.by_surname.contains_key(key) || self.by_first.contains_key(w.core) {
            return;
        }
        let aged = age_at(ws, k + 1);
        let speaks = verb_next
            || verb_right_before(ws, k)
            || aged
            || (after_break && clause_verb(ws, k + 1));
        if let Some((first, last)) = self.candidates.get(key).cloned() {
            if speaks {
                let (first, last) = (Word { core: &first, ..*w }, Word { core: &last, ..*w });
                self.add_person(&[&first, &last], String::new(), None, None);
            }
            return;
        }
        let kin = kin_before(ws, k);
        if aged || kin.is_some() {
            self.add_person(&[w], String::new(), None, kin.flatten());
        }
    }

    /// A two-word name ending the run `ws[i..j]`, with any role words before
    /// it in `run`.
    fn learn_full_name(
        &mut self,
        ws: &[Word],
        i: usize,
        j: usize,
        run: &[Word],
        after_break: bool,
        verb_next: bool,
    ) {
        let n = run.len();
        let role_of = |words: &[Word]| words.iter().map(|w| w.core).collect::<Vec<_>>().join(" ");
        let name = [run[n - 2], run[n - 1]];
        let role_words = &run[..run.len() - 2];
        let affiliation = role_words.iter().find_map(|w| party_of(w.core));
        if role_words.iter().any(|w| is_title(w.core)) {
            // "… Minister Sergei Lavrov", "Labour MP Anna Kowalski".
            self.add_person(
                &[&name[0], &name[1]],
                role_of(role_words),
                affiliation,
                None,
            );
        } else if !role_words.is_empty()
            && role_words
                .iter()
                .all(|w| role_like(w.core) || w.core == "of")
        {
            // An open class of roles: "Economist Rachel Green".
            self.add_person(
                &[&name[0], &name[1]],
                role_of(role_words),
                affiliation,
                None,
            );
        } else if role_words.is_empty() {
            // A bare name: beside a reporting verb (after a comma or a
            // clause between commas), after one, or after "according to",
            // or in apposition to a description ("our chair, Bernard
            // Okafor, put it …").
            let before = i.checked_sub(1).map(|k| &ws[k]);
            let said_before = verb_right_before(ws, i);
            let according = i >= 2 && ws[i - 2].core == "according" && ws[i - 1].core == "to";
            let clause = clause_verb(ws, j) && after_break;
            let apposition = before.is_some_and(|w| w.trailing && starts_lowercase(w.core))
                && run[n - 1].trailing;
            let kin = kin_before(ws, i);
            // "The outgoing operator, Northlink Marine, said": what the
            // description says it is, an organisation.
            if apposition && before.is_some_and(|w| crate::attribution::is_org_description(w.core))
            {
                self.add_org(&run[n - 2..]);
                return;
            }
            let person = age_at(ws, j) || who_follows(ws, j);
            if verb_next || said_before || according || clause || apposition || person {
                self.add_person(&[&name[0], &name[1]], String::new(), None, kin.flatten());
            }
        } else if verb_next
            || said_before(ws, i)
            || (after_break && clause_verb(ws, j))
            || age_at(ws, j)
            || who_follows(ws, j)
        {
            // Capitalised words of any kind before a name that speaks
            // ("Landlord Dave Mercer, 52, said"): the words are its role;
            // an owner ("Labour's Ian Fletcher, who …") is none.
            let owner = role_words
                .iter()
                .all(|w| strip_possessive(w.core) != w.core);
            let role = if owner {
                String::new()
            } else {
                role_of(role_words)
            };
            self.add_person(&[&name[0], &name[1]], role, affiliation, None);
        }
    }

    fn add_person(
        &mut self,
        name: &[&Word],
        role: String,
        affiliation: Option<(&'static str, &'static str)>,
        gender: Option<Gender>,
    ) {
        let full = name.iter().map(|w| w.core).collect::<Vec<_>>().join(" ");
        if let Some(&n) = self.by_full.get(&full) {
            let p = &mut self.found[n];
            if p.role.is_empty() {
                p.role = role;
            }
            p.affiliation = p.affiliation.or(affiliation);
            p.gender = p.gender.or(gender);
            return;
        }
        let surname = surname_key(name[name.len() - 1].core).to_string();
        let id = self.free_id(slug(&surname, 3), &full);
        let n = self.push(Found {
            id,
            name: full.clone(),
            role,
            affiliation,
            kind: SpeakerKind::Person,
            gender,
        });
        self.by_full.insert(full, n);
        self.by_surname.entry(surname).or_insert(n);
        let first = name[0].core.to_string();
        match self.by_first.get(&first) {
            Some(&other) if other != n => {
                self.first_shared.insert(first);
            }
            Some(_) => {}
            None => {
                self.by_first.insert(first, n);
            }
        }
    }

    fn add_org(&mut self, name: &[Word]) {
        let full = name
            .iter()
            .map(|w| strip_possessive(w.core))
            .collect::<Vec<_>>()
            .join(" ");
        if self.by_full.contains_key(&full) {
            return;
        }
        let id = self.free_id(slug(&full, 4), &full);
        let n = self.push(Found {
            id,
            name: full.clone(),
            role: String::new(),
            affiliation: None,
            kind: SpeakerKind::Organisation,
            gender: None,
        });
        self.by_full.insert(full, n);
    }

    fn free_id(&self, id: String, full: &str) -> String {
        let id = crate::build::portable(&id).into_owned();
        if self.found.iter().any(|p| p.id == id) {
            let longer = slug(full, 5);
            if self.found.iter().any(|p| p.id == longer) {
                format!("{longer}-{}", self.found.len())
            } else {
                longer
            }
        } else {
            id
        }
    }

    fn push(&mut self, found: Found) -> usize {
        self.found.push(found);
        self.found.len() - 1
    }

    /// Pass two: where known people and organisations are mentioned in a
    /// text, in order. An honorific with an unknown surname ("Ms Smith
    /// said") adds a person.
    pub fn mentions(&mut self, ws: &[Word]) -> Vec<Mention> {
        let mut out: Vec<Mention> = Vec::new();
        let mut key = String::new();
        let mut i = 0;
        while i < ws.len() {
            let found = self
                .full_name_at(ws, i, &mut key)
                .or_else(|| self.described_at(ws, i))
                .or_else(|| self.titled_at(ws, i))
                .or_else(|| self.bare_name_at(ws, i));
            match found {
                Some((m, len)) => {
                    out.pop_if(|last| last.start == m.start);
                    out.push(m);
                    i += len;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The word after `ws[i]` when it belongs with it (no punctuation
    /// between, but for an abbreviation's full stop).
    fn next_of<'w>(ws: &'w [Word<'w>], i: usize) -> Option<&'w Word<'w>> {
        ws.get(i + 1)
            .filter(|_| !ws[i].trailing || is_abbreviation(ws[i].core))
    }

    /// The longest full name starting at `i` (people and organisations:
    /// capitalised words, joiners, a lower-case organisation word), with the
    /// honorific before it ("Dr Lena Okafor"); a single word only for an
    /// organisation.
    fn full_name_at(&self, ws: &[Word], i: usize, key: &mut String) -> Option<(Mention, usize)> {
        if !is_capitalised(ws[i].core) {
            return None;
        }
        let longest = ws[i..]
            .iter()
            .take(6)
            .take_while(|w| {
                is_capitalised(w.core) || is_joiner(w.core) || is_org_word(strip_possessive(w.core))
            })
            .count();
        let (person, len) = (1..=longest).rev().find_map(|len| {
            if len > 1 && ws[i..i + len - 1].iter().any(|w| w.trailing) {
                return None;
            }
            key.clear();
            for (k, w) in ws[i..i + len].iter().enumerate() {
                if k > 0 {
                    key.push(' ');
                }
                key.push_str(if k == len - 1 {
                    strip_possessive(w.core)
                } else {
                    w.core
                });
            }
            let &n = self.by_full.get(key.as_str())?;
            (len > 1 || self.found[n].kind == SpeakerKind::Organisation).then_some((n, len))
        })?;
        let start = match i.checked_sub(1) {
            Some(h) if is_honorific(ws[h].core) && !ws[h].trailing => ws[h].start,
            _ => ws[i].start,
        };
        let end = ws[i + len - 1].end;
        Some((Mention { start, end, person }, len))
    }

    /// "the agency", "the council": the organisation last learned with
    /// that word; "the minister": the one person whose role says so (with
    /// two ministers, nobody).
    fn described_at(&self, ws: &[Word], i: usize) -> Option<(Mention, usize)> {
        let w = &ws[i];
        if !w.core.eq_ignore_ascii_case("the") {
            return None;
        }
        let n = Self::next_of(ws, i).filter(|n| !is_capitalised(n.core))?;
        let mention = |person| {
            Some((
                Mention {
                    start: w.start,
                    end: n.end,
                    person,
                },
                2,
            ))
        };
        let head = strip_possessive(n.core);
        if is_org_word(head) {
            let org = self.found.iter().rposition(|f| {
                f.kind == SpeakerKind::Organisation
                    && f.name.split(' ').any(|p| p.eq_ignore_ascii_case(head))
            });
            if let Some(person) = org {
                return mention(person);
            }
        }
        if !is_title(n.core) {
            return None;
        }
        let title = n.core.to_ascii_lowercase();
        let mut holders = self.found.iter().enumerate().filter(|(_, f)| {
            f.kind == SpeakerKind::Person
                && f.role
                    .split([' ', '-'])
                    .any(|r| r.eq_ignore_ascii_case(&title))
        });
        match (holders.next(), holders.next()) {
            (Some((person, _)), None) => mention(person),
            _ => None,
        }
    }

    /// "Mr Kerry", "President Assad", "Sir Peter": an honorific or a title,
    /// then a surname (a first name after "Sir" and "Dame"). An honorific
    /// with a surname nobody has adds that person ("Ms Smith said").
    fn titled_at(&mut self, ws: &[Word], i: usize) -> Option<(Mention, usize)> {
        let w = &ws[i];
        let n = Self::next_of(ws, i).filter(|n| is_capitalised(n.core) && !is_acronym(n.core))?;
        // "President Barack Obama" introduces: the full name is the mention.
        let continues = !n.trailing && ws.get(i + 2).is_some_and(name_like);
        if !(is_honorific(w.core) || is_title(w.core)) || continues {
            return None;
        }
        let key = surname_key(n.core);
        let first_name = matches!(w.core, "Sir" | "Dame")
            .then(|| self.by_first.get(key).copied())
            .flatten();
        let person = match first_name.or_else(|| self.by_surname.get(key).copied()) {
            Some(p) => p,
            None if is_honorific(w.core) && name_like(&Word { core: key, ..*n }) => {
                self.add_surname_only(w.core, key)
            }
            None => return None,
        };
        if let Some(g) = Gender::of_honorific(w.core) {
            self.found[person].gender.get_or_insert(g);
        }
        Some((
            Mention {
                start: w.start,
                end: n.end,
                person,
            },
            2,
        ))
    }

    /// A bare surname ("Kerry said", "Barton's"), or a first name only one
    /// person has, alone ("Sue said", not "Sue Barnes").
    fn bare_name_at(&self, ws: &[Word], i: usize) -> Option<(Mention, usize)> {
        let w = &ws[i];
        if !is_capitalised(w.core) || is_opener(w.core) {
            return None;
        }
        let key = surname_key(w.core);
        let alone = Self::next_of(ws, i).is_none_or(|n| !is_capitalised(n.core));
        let first = || {
            (alone && !self.first_shared.contains(key))
                .then(|| self.by_first.get(key).copied())
                .flatten()
        };
        let person = self.by_surname.get(key).copied().or_else(first)?;
        Some((
            Mention {
                start: w.start,
                end: w.end,
                person,
            },
            1,
        ))
    }

    /// The speaker a post's signature names: someone known by that name,
    /// else a new person (or organisation, by its words).
    pub fn speaker_named(&mut self, name: &str) -> usize {
        if let Some(&n) = self.by_full.get(name) {
            return n;
        }
        let ws = words(name);
        if ws.iter().any(|w| is_org_word(w.core)) || ws.len() < 2 {
            self.add_org(&ws);
        } else {
            let refs: Vec<&Word> = ws.iter().collect();
            self.add_person(&refs, String::new(), None, None);
        }
        self.by_full
            .get(
                &ws.iter()
                    .map(|w| strip_possessive(w.core))
                    .collect::<Vec<_>>()
                    .join(" "),
            )
            .copied()
            .unwrap_or(self.found.len() - 1)
    }

    fn add_surname_only(&mut self, honorific: &str, surname: &str) -> usize {
        let id = self.free_id(slug(surname, 3), &format!("{honorific} {surname}"));
        let n = self.push(Found {
            id,
            name: format!("{honorific} {surname}"),
            role: String::new(),
            affiliation: None,
            kind: SpeakerKind::Person,
            gender: Gender::of_honorific(honorific),
        });
        self.by_surname.insert(surname_key(surname).to_string(), n);
        n
    }
}

/// Where a run of capitalised words starting at `i` ends: capitalised words
/// and titles, joined by joiners, stopping after punctuation.
fn run_end(ws: &[Word], i: usize) -> usize {
    let mut j = i;
    while j < ws.len() {
        let w = &ws[j];
        let part = is_capitalised(w.core) || is_title(w.core) || (j > i && is_joiner(w.core));
        // ("Sgt. Mike Lopez": an abbreviation's full stop does not end it.)
        if !part || (j > i && ws[j - 1].trailing && !is_abbreviation(ws[j - 1].core)) {
            break;
        }
        j += 1;
    }
    // A run does not end on a joiner.
    while j > i && is_joiner(ws[j - 1].core) {
        j -= 1;
    }
    j
}

/// A reporting verb right after `ws[..j]` (perhaps after "has", "also").
fn verb_follows(ws: &[Word], j: usize) -> bool {
    j > 0
        && !ws[j - 1].core.is_empty()
        && ws[j..]
            .iter()
            .take(3)
            .find(|w| !crate::words::is_verb_filler(w.core))
            .is_some_and(|w| is_reporting_verb(w.core))
}

/// After a name ending at `j` with a comma, a clause ("who led the review,"
/// or "a former minister,") and then a reporting verb, within the sentence.
fn clause_verb(ws: &[Word], j: usize) -> bool {
    if j == 0 || !ws[j - 1].trailing {
        return false;
    }
    // The clause ends at the next punctuation (an age alone, "52,", is a
    // clause too); the verb comes right after.
    ws.iter()
        .enumerate()
        .skip(j)
        .take(15)
        .find(|(_, w)| w.trailing)
        .is_some_and(|(k, _)| verb_follows(ws, k + 1))
}

fn possessive_party(w: &Word) -> Option<(&'static str, &'static str)> {
    (strip_possessive(w.core) != w.core)
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

    fn names(p: &People) -> Vec<(&str, &str, SpeakerKind)> {
        p.found
            .iter()
            .map(|f| (f.name.as_str(), f.role.as_str(), f.kind))
            .collect()
    }

    const PERSON: SpeakerKind = SpeakerKind::Person;
    const ORG: SpeakerKind = SpeakerKind::Organisation;

    #[test]
    fn roles_in_apposition_introduce_people() {
        let p = learned(&[
            "At a meeting, Russian Foreign Minister Sergei Lavrov said so.",
            "despite it, US Secretary of State John Kerry has said.",
            "and his US counterpart, Secretary of Defence Chuck Hagel.",
            "whether President Bashar al-Assad and his forces",
            "But US President Barack Obama cancelled a summit with Russia's Vladimir Putin.",
        ]);
        let got: Vec<_> = p
            .found
            .iter()
            .map(|f| {
                (
                    f.id.as_str(),
                    f.name.as_str(),
                    f.role.as_str(),
                    f.affiliation.map(|a| a.0),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "lavrov",
                    "Sergei Lavrov",
                    "Russian Foreign Minister",
                    Some("ru")
                ),
                ("kerry", "John Kerry", "US Secretary of State", Some("us")),
                ("hagel", "Chuck Hagel", "Secretary of Defence", None),
                ("assad", "Bashar al-Assad", "President", None),
                ("obama", "Barack Obama", "US President", Some("us")),
                ("putin", "Vladimir Putin", "", Some("ru")),
            ]
        );
    }

    #[test]
    fn titles_are_an_open_class_and_honorifics_sit_anywhere() {
        let p = learned(&[
            "Researcher Dr Hannah Cole, who led the review, said so.",
            "Vice-President Laura Diaz visited.",
            "Economist Rachel Green of the Resolution Foundation said it.",
            "The Conservative candidate, Sir Peter Lang, came second.",
            "Mrs Justice Amelia Hart said the consultation failed.",
        ]);
        assert_eq!(
            names(&p),
            [
                ("Hannah Cole", "Researcher", PERSON),
                ("Laura Diaz", "Vice-President", PERSON),
                ("Rachel Green", "Economist", PERSON),
                ("Resolution Foundation", "", ORG),
                ("Peter Lang", "", PERSON),
                ("Amelia Hart", "Justice", PERSON),
            ]
        );
        assert_eq!(p.found[4].gender, Some(Gender::Male));
    }

    #[test]
    fn organisations_by_their_words_or_as_subjects() {
        let p = learned(&[
            "The Environment Agency said in a statement: go.",
            "West Mercia Police said officers were called.",
            "Birmingham City Council said it would study it.",
            "The Kremlin said nothing.",
            "according to Prof Ruth Evans of the University of Leeds.",
        ]);
        assert_eq!(
            names(&p),
            [
                ("Environment Agency", "", ORG),
                ("West Mercia Police", "", ORG),
                ("Birmingham City Council", "", ORG),
                ("Kremlin", "", ORG),
                ("Ruth Evans", "", PERSON),
                ("University of Leeds", "", ORG),
            ]
        );
    }

    #[test]
    fn places_and_possessives_are_not_people() {
        let p = learned(&[
            "progress on missile defence, Afghanistan, Iran, North Korea and Syria.",
            "the American former National Security Agency contractor",
            "a second round of Geneva talks on the Syrian conflict.",
            "Ms Marsh's comments were criticised.",
        ]);
        assert!(p.found.iter().all(|f| f.kind == ORG), "{:?}", p.found);
    }

    #[test]
    fn a_bare_name_beside_a_reporting_verb_is_a_person() {
        let p = learned(&[
            "\"Enough,\" said Ana Ruiz of the union.",
            "Tom Berg told reporters.",
            "the bank's chief economist, Huw Pill, said.",
            "Margaret Lloyd, whose mother lived there, said the family was glad.",
        ]);
        let names: Vec<_> = p.found.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            ["Ana Ruiz", "Tom Berg", "Huw Pill", "Margaret Lloyd"]
        );
    }

    #[test]
    fn later_mentions_resolve_to_the_same_one() {
        let mut p = learned(&[
            "US Secretary of State John Kerry spoke.",
            "President Bashar al-Assad",
            "Sir Peter Lang came second.",
            "The Environment Agency said so.",
        ]);
        let text = "Mr Kerry and President Assad; Kerry's again; John Kerry; Sir Peter; the agency; the secretary; the president; Ms Smith said; Ms Smith's.";
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
                ("Kerry's", "kerry"),
                ("John Kerry", "kerry"),
                ("Sir Peter", "lang"),
                ("the agency", "environment-agency"),
                // One secretary of state; the president is ambiguous only
                // if two hold the title (here only Assad does).
                ("the secretary", "kerry"),
                ("the president", "assad"),
                ("Ms Smith", "smith"),
                ("Ms Smith's", "smith"),
            ]
        );
        assert_eq!(p.found[4].name, "Ms Smith");
        assert_eq!(p.found[0].gender, Some(Gender::Male));
        assert_eq!(p.found[4].gender, Some(Gender::Female));
    }
}
