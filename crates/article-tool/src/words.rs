//! Words of a text with their byte positions, and the small word lists the
//! import rules use.

use std::sync::OnceLock;

/// One whitespace-separated word. `core` is the word without surrounding
/// punctuation ("Kerry," → "Kerry"); `start..end` is the core's byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub core: &'a str,
    pub start: usize,
    pub end: usize,
    /// Punctuation followed the word (a comma, full stop, closing quote…):
    /// runs of names and roles stop there.
    pub trailing: bool,
    /// Punctuation (an opening quote, a bracket) came before the word.
    pub leading: bool,
}

fn is_edge_punct(c: char) -> bool {
    !(c.is_alphanumeric() || c == '-' || c == '&')
}

pub fn words(text: &str) -> Vec<Word<'_>> {
    let base = text.as_ptr() as usize;
    text.split(char::is_whitespace)
        .filter(|raw| !raw.is_empty())
        .filter_map(|raw| {
            let front = raw.trim_start_matches(is_edge_punct);
            // A possessive 's stays on the word ("Russia's").
            let core = front.trim_end_matches(is_edge_punct);
            if core.is_empty() {
                return None;
            }
            let start = core.as_ptr() as usize - base;
            Some(Word {
                core,
                start,
                end: start + core.len(),
                trailing: core.len() < front.len(),
                leading: front.len() < raw.len(),
            })
        })
        .collect()
}

/// A word list looked up in any case without allocating: these run for
/// every word of every text, so a scan of the list would dominate imports.
struct WordSet(rustc_hash::FxHashSet<&'static str>);

impl WordSet {
    fn new(words: &[&'static str]) -> Self {
        WordSet(words.iter().copied().collect())
    }

    fn contains(&self, word: &str) -> bool {
        let mut buf = [0u8; 24];
        if word.len() > buf.len() {
            return false;
        }
        if word.is_ascii() {
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            return std::str::from_utf8(lower).is_ok_and(|w| self.0.contains(w));
        }
        let mut len = 0;
        for c in word.chars() {
            // A letter whose lower case is longer ends the look-up: no
            // listed word has one.
            let mut lower = c.to_lowercase();
            let (Some(l), None) = (lower.next(), lower.next()) else {
                return false;
            };
            if len + l.len_utf8() > buf.len() {
                return false;
            }
            len += l.encode_utf8(&mut buf[len..]).len();
        }
        std::str::from_utf8(&buf[..len]).is_ok_and(|w| self.0.contains(w))
    }
}

/// Starts with a capital letter, or is a particle name like "al-Assad".
pub fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => true,
        Some(c) if c.is_lowercase() => match word.split_once('-') {
            Some((particle, rest)) => {
                particle.len() <= 3 && rest.chars().next().is_some_and(char::is_uppercase)
            }
            None => false,
        },
        _ => false,
    }
}

/// "US", "NSA": not a name part.
pub fn is_acronym(word: &str) -> bool {
    word.len() > 1 && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Words that make a phrase a role ("US Secretary of State", "Harbour master").
pub fn is_title(word: &str) -> bool {
    const TITLES: &[&str] = &[
        // Ranks as written short, with or without a full stop ("Sgt.
        // Mike Lopez", "Det Insp Karen Holt").
        "sgt",
        "cpl",
        "lt",
        "capt",
        "col",
        "maj",
        "det",
        "insp",
        "supt",
        "sen",
        "rep",
        "gov",
        "president",
        "minister",
        "secretary",
        "chancellor",
        "senator",
        "governor",
        "mayor",
        "ambassador",
        "director",
        "commissioner",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chief",
        "leader",
        "general",
        "admiral",
        "judge",
        "premier",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "chairman",
        "chairwoman",
        "chair",
        "commander",
        "envoy",
        "representative",
        "congressman",
        "congresswoman",
        "speaker",
        "inspector",
        "master",
        "captain",
        "officer",
        "head",
        "professor",
        "editor",
        "correspondent",
        "coach",
        "manager",
        "executive",
        "founder",
        "analyst",
        "economist",
        "adviser",
        "advisor",
        "official",
        "prosecutor",
        "lawyer",
        "councillor",
        "mp",
        "mep",
        "msp",
        "ceo",
        "justice",
        "constable",
        "superintendent",
        "sergeant",
        "detective",
        "bishop",
        "archbishop",
        "rabbi",
        "imam",
        "headteacher",
        "principal",
        "dean",
        "chancellor",
        "treasurer",
        "deputy",
        "vice",
        "colonel",
        "major",
        "lieutenant",
        "sheriff",
        "attorney",
        "solicitor",
        "barrister",
        "researcher",
        "scientist",
        "doctor",
        "nurse",
        "surgeon",
        "campaigner",
        "activist",
        "candidate",
        "presenter",
    ];
    // "Vice-President", "Deputy-Governor": the last part decides.
    let word = word.rsplit('-').next().unwrap_or(word);
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| WordSet::new(TITLES)).contains(word)
}

/// Words that make a capitalised name an organisation's ("Environment
/// Agency", "Birmingham City Council", "Bank of England").
pub fn is_org_word(word: &str) -> bool {
    const ORGS: &[&str] = &[
        "agency",
        "office",
        "council",
        "police",
        "trust",
        "commission",
        "ministry",
        "department",
        "bank",
        "company",
        "service",
        "services",
        "union",
        "party",
        "court",
        "government",
        "foundation",
        "institute",
        "university",
        "college",
        "school",
        "forum",
        "association",
        "federation",
        "committee",
        "authority",
        "board",
        "group",
        "corporation",
        "inc",
        "ltd",
        "plc",
        "club",
        "centre",
        "center",
        "network",
        "organisation",
        "organization",
        "society",
        "alliance",
        "parliament",
        "assembly",
        "senate",
        "congress",
        "army",
        "navy",
        "fund",
        "charity",
        "hospital",
        "hospitals",
        "airline",
        "airlines",
        "railway",
        "railways",
        "bureau",
        "tribunal",
        "cabinet",
        "regulator",
        "watchdog",
        "exchange",
        "brigade",
        "coalition",
        "consortium",
        "institution",
        "museum",
        "league",
    ];
    let word = strip_possessive(word);
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| WordSet::new(ORGS)).contains(word)
}

/// "Kerry's" → "Kerry"; "Supporters'" keeps its letters.
pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word)
}

/// Honorifics that come before a surname ("Mr Kerry").
pub fn is_honorific(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Miss"
            | "Mx"
            | "Dr"
            | "Prof"
            | "Sir"
            | "Dame"
            | "Lord"
            | "Lady"
            | "Baroness"
            | "Professor"
            | "Rev"
            | "Revd"
    )
}

/// A word a full stop after it does not end the sentence after: an
/// honorific or a rank written short ("Dr.", "Sgt.").
pub fn is_abbreviation(word: &str) -> bool {
    is_honorific(word)
        || (word.len() <= 4 && word.starts_with(char::is_uppercase) && is_title(word))
}

/// The text between two words ends a sentence: a full stop (not one
/// after an abbreviation), a question or exclamation mark.
pub fn ends_sentence(word_before: &str, gap: &str) -> bool {
    gap.contains(['!', '?']) || (gap.contains('.') && !is_abbreviation(word_before))
}

/// Sentence openers that can stand before a role in a run of capitalised
/// words ("But US President Barack Obama") and are not part of it.
pub fn is_opener(word: &str) -> bool {
    matches!(
        word,
        "But"
            | "And"
            | "Also"
            | "Yet"
            | "So"
            | "However"
            | "Meanwhile"
            | "Then"
            | "While"
            | "When"
            | "On"
            | "At"
            | "In"
            | "The"
            | "A"
            | "An"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "As"
            | "After"
            | "Before"
            | "Earlier"
            | "Later"
            | "Now"
            | "Today"
            | "Yesterday"
    )
}

/// Reporting verbs that attribute a quote.
pub fn is_reporting_verb(word: &str) -> bool {
    const VERBS: &[&str] = &[
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "adds",
        "stressed",
        "stresses",
        "called",
        "calls",
        "warned",
        "warns",
        "acknowledged",
        "acknowledges",
        "insisted",
        "insists",
        "argued",
        "argues",
        "explained",
        "explains",
        "noted",
        "notes",
        "urged",
        "urges",
        "pledged",
        "declared",
        "claimed",
        "claims",
        "asked",
        "asks",
        "replied",
        "replies",
        "wrote",
        "writes",
        "admitted",
        "admits",
        "announced",
        "suggested",
        "cautioned",
        "conceded",
        "observed",
        "remarked",
        "vowed",
        "promised",
        "shouted",
        "tweeted",
        "posted",
        "recalled",
        "predicted",
        "complained",
        "confirmed",
        "denied",
        "responded",
        "answered",
        "whispered",
        "stated",
        "described",
        "describes",
        "reported",
        // Other languages' verbs of saying, as news writes them after a
        // quote ("», a déclaré", "», dijo", "“, sagte").
        "déclaré",
        "déclare",
        "dit",
        "expliqué",
        "explique",
        "affirmé",
        "affirme",
        "ajouté",
        "ajoute",
        "indiqué",
        "souligné",
        "raconté",
        "raconte",
        "dijo",
        "dice",
        "contó",
        "explicó",
        "afirmó",
        "añadió",
        "aseguró",
        "declaró",
        "señaló",
        "indicó",
        "sagte",
        "sagt",
        "erklärte",
        "erklärt",
        "betonte",
        "betont",
        "meinte",
    ];
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| WordSet::new(VERBS)).contains(word)
}

/// Documents that say things on their authors' behalf ("a report by X
/// found", "the government's guidance says").
pub fn is_document(word: &str) -> bool {
    matches!(
        word,
        "report"
            | "study"
            | "survey"
            | "review"
            | "analysis"
            | "investigation"
            | "inquiry"
            | "audit"
            | "poll"
            | "paper"
            | "guidance"
            | "statement"
            | "letter"
            | "website"
    )
}

/// Words that may sit between a subject and its reporting verb ("has said",
/// "also called", "later told").
pub fn is_verb_filler(word: &str) -> bool {
    matches!(
        word,
        "has"
            | "had"
            | "have"
            | "also"
            | "later"
            | "then"
            | "again"
            | "once"
            | "previously"
            | "earlier"
            | "repeatedly"
            | "publicly"
            | "recently"
            | "reportedly"
            | "would"
            | "will"
            | "has-since"
            // The auxiliary of the French perfect ("a déclaré").
            | "a"
            | "simply"
            | "bluntly"
            | "firmly"
    )
}

/// Nationality words and country possessives → (party id, party name).
pub fn party_of(word: &str) -> Option<(&'static str, &'static str)> {
    let w = word.trim_end_matches("'s").trim_end_matches("’s");
    Some(match w {
        "US" | "American" | "America" | "USA" | "Washington" => ("us", "United States"),
        "Russian" | "Russia" | "Moscow" | "Kremlin" => ("ru", "Russia"),
        "Syrian" | "Syria" => ("sy", "Syria"),
        "British" | "UK" | "Britain" => ("gb", "United Kingdom"),
        "French" | "France" => ("fr", "France"),
        "German" | "Germany" => ("de", "Germany"),
        "Chinese" | "China" => ("cn", "China"),
        "Iranian" | "Iran" => ("ir", "Iran"),
        "Ukrainian" | "Ukraine" => ("ua", "Ukraine"),
        "Israeli" | "Israel" => ("il", "Israel"),
        "Turkish" | "Turkey" => ("tr", "Turkey"),
        "Japanese" | "Japan" => ("jp", "Japan"),
        "Indian" | "India" => ("in", "India"),
        "Canadian" | "Canada" => ("ca", "Canada"),
        "EU" | "European" => ("eu", "European Union"),
        "UN" => ("un", "United Nations"),
        _ => return None,
    })
}

/// `a-z0-9-` id from any text.
pub fn slug(text: &str, max_words: usize) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(max_words)
    {
        let w: String = word
            .chars()
            .flat_map(char::to_lowercase)
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_positions_and_note_punctuation() {
        let text = "\u{201c}Hi,\u{201d}  Mr Kerry said. Russia's al-Assad";
        let ws = words(text);
        let cores: Vec<_> = ws.iter().map(|w| w.core).collect();
        assert_eq!(cores, ["Hi", "Mr", "Kerry", "said", "Russia's", "al-Assad"]);
        for w in &ws {
            assert_eq!(&text[w.start..w.end], w.core);
        }
        assert!(ws[0].leading && ws[0].trailing);
        assert!(!ws[1].trailing && ws[3].trailing);
    }

    #[test]
    fn capitals_titles_and_slugs() {
        assert!(is_capitalised("Kerry") && is_capitalised("al-Assad") && is_capitalised("Élodie"));
        assert!(!is_capitalised("said") && !is_capitalised("well-known"));
        assert!(is_acronym("US") && !is_acronym("Mr"));
        assert!(is_title("Minister") && is_title("secretary") && !is_title("Kerry"));
        assert_eq!(slug("'Challenging moments'", 8), "challenging-moments");
        assert_eq!(slug("Ça va, Zoë?", 8), "a-va-zo");
        assert_eq!(party_of("Russia's"), Some(("ru", "Russia")));
    }
}
