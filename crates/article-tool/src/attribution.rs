//! Stage six: who said each quote. Rules, tried in order, each named for
//! `import --explain`; when none decides, the quote has no speaker (a wrong
//! speaker is worse than none).

use article::SpeakerKind;

use crate::people::{Gender, Mention, People};
use crate::quotes::Span;
use crate::words::{is_document, is_org_word, is_reporting_verb, is_verb_filler, Word};

/// One paragraph (or caption, or post) being attributed.
pub struct Paragraph<'a> {
    pub text: &'a str,
    pub ws: &'a [Word<'a>],
    pub spans: &'a [Span],
    pub mentions: &'a [Mention],
}

/// What earlier text offers a pronoun: who was mentioned (the previous
/// paragraph and this one, before the quote), and who spoke last.
#[derive(Debug, Default, Clone)]
pub struct Discourse<'a> {
    pub window: &'a [usize],
    pub salient: Option<usize>,
}

/// A speaker and the rule that found them.
pub type Found = (usize, &'static str);

/// The rules that find a speaker, as `--explain` names them.
pub mod rule {
    pub const COLON: &str = "the subject of the sentence that introduces the quote with a colon";
    pub const VERB_THEN_NAME: &str = "reporting verb, then the speaker, after the quote";
    pub const NAME_THEN_VERB: &str = "the speaker, then a reporting verb, after the quote";
    pub const SUBJECT_BEFORE: &str = "subject of a reporting verb before the quote";
    pub const SUBJECT_PAST_DESCRIPTION: &str =
        "subject of a reporting verb before the quote, past a description";
    pub const ACCORDING_TO: &str = "\"according to\" and the speaker after the quote";
    pub const DOCUMENT: &str =
        "a document's author, the document then a verb of saying or finding, before the quote";
    pub const POST_AUTHOR: &str = "the post's author";
    pub const PRONOUN_LAST_SPEAKER: &str =
        "pronoun and reporting verb: the last speaker, nobody else who fits named since";
    pub const PRONOUN_ONLY_FIT: &str =
        "pronoun and reporting verb: the only one named nearby who fits";
    pub const PRONOUN_GENDER: &str =
        "pronoun and reporting verb: the only one named nearby of the gender the text gives";
    pub const DESCRIBED_NEAR: &str =
        "an organisation named by what it is (\"the firm\"): the one named nearby with that word";
    pub const DESCRIBED_ONLY_NEAR: &str =
        "an organisation named by what it is (\"the firm\"): the only organisation named nearby";
    pub const DESCRIBED_IN_ARTICLE: &str =
        "an organisation named by what it is (\"the firm\"): the one in the article with that word";
    pub const NEXT_SENTENCE: &str =
        "a quote opening the next sentence goes on with the quote before it";
    pub const AFTER_REPORTED: &str =
        "a quote opening the sentence after a reported speaker's goes on with them";
    pub const FLOOR: &str = "a paragraph that is all quote continues the one who holds the floor";
    pub const FLOOR_AFTER_NARRATIVE: &str =
        "a paragraph that is all quote continues the one who held the floor before a paragraph of narrative";
    pub const LATER_PART: &str = "a later part of a quote that runs over several paragraphs";
}

/// Below this, a speaker is not given: a warning names the best guess and
/// the others weighed.
pub const SURE_ENOUGH: f32 = 0.6;

/// How sure a rule is on its own: a name beside a verb of saying is near
/// certain; a pronoun, a description or a continuation is an inference,
/// the weaker its link the lower. `build::attribute` lowers an inference
/// further when someone else who could have spoken was named since.
pub fn confidence(found: &str) -> f32 {
    use rule::*;
    match found {
        PRONOUN_LAST_SPEAKER | PRONOUN_ONLY_FIT | DESCRIBED_NEAR | NEXT_SENTENCE | FLOOR
        | LATER_PART => 0.85,
        AFTER_REPORTED => 0.75,
        DESCRIBED_IN_ARTICLE | PRONOUN_GENDER | DESCRIBED_ONLY_NEAR => 0.7,
        FLOOR_AFTER_NARRATIVE => 0.65,
        _ => 0.95,
    }
}

pub fn attribute(
    p: &Paragraph,
    span: Span,
    discourse: &Discourse,
    people: &People,
) -> Option<Found> {
    after(p, span, discourse, people)
        .or_else(|| before(p, span, discourse, people))
        .or_else(|| according_to(p, span))
        .or_else(|| written_source(p, span))
        .or_else(|| introduced_by_colon(p, span))
}

/// `Our chair, Bernard Okafor, put it simply: "…"`: a quote after a colon
/// belongs to the sentence's subject, the first one named in it, when the
/// name opens the sentence (after a description in apposition, or role
/// words, at most); a name further in is an object ("met Ann Lee:").
fn introduced_by_colon(p: &Paragraph, span: Span) -> Option<Found> {
    if !p.text[..span.open].trim_end().ends_with(':') {
        return None;
    }
    let before = p.ws.partition_point(|w| w.start < span.open);
    let start = sentence_start(p, before);
    let sentence_start = p.ws.get(start)?.start;
    let m = p
        .mentions
        .iter()
        .find(|m| m.start >= sentence_start && m.end <= span.open)?;
    let k = p.ws.partition_point(|w| w.start < m.start);
    let opens = k == start
        || p.ws[k - 1].trailing
        || p.ws[start..k]
            .iter()
            .all(|w| w.core.starts_with(char::is_uppercase));
    opens.then_some((m.person, rule::COLON))
}

/// The index of the first word of the sentence that word `before` is in
/// (a full stop after an abbreviation ends none).
fn sentence_start(p: &Paragraph, before: usize) -> usize {
    p.ws[..before]
        .iter()
        .rposition(|w| {
            p.text[w.end..].starts_with(['.', '!', '?']) && !crate::words::is_abbreviation(w.core)
        })
        .map_or(0, |k| k + 1)
}

/// The words of `p` from index `k` up to the end of the sentence or the
/// next quote, whichever is first.
fn clause_end(p: &Paragraph, from: usize, k: usize) -> usize {
    let mut end = k;
    let mut last = from;
    while end < p.ws.len() {
        let w = &p.ws[end];
        let gap = &p.text[last..w.start];
        let previous = end
            .checked_sub(1)
            .filter(|_| end > k)
            .map_or("", |j| p.ws[j].core);
        if crate::words::ends_sentence(previous, gap)
            || p.spans.iter().any(|s| s.open >= last && s.open < w.start)
        {
            break;
        }
        last = w.end;
        end += 1;
    }
    end
}

fn verb_at(ws: &[Word], k: usize) -> bool {
    ws[k..]
        .iter()
        .take(4)
        .find(|w| !is_verb_filler(w.core))
        .is_some_and(|w| is_reporting_verb(w.core))
}

fn mention_starting(p: &Paragraph, w: &Word) -> Option<Mention> {
    p.mentions
        .iter()
        .copied()
        .find(|m| m.start <= w.start && w.start < m.end)
}

/// After the quote, in its sentence: `"…," Mr Kerry said`, `said Transport
/// Secretary Helen Marsh`, `the bank's chief economist, Huw Pill, said`,
/// `he said`.
fn after(p: &Paragraph, span: Span, d: &Discourse, people: &People) -> Option<Found> {
    let k = p.ws.partition_point(|w| w.start < span.close);
    let end = clause_end(p, span.close, k);
    let words = &p.ws[k..end];
    let first = words.first()?;
    if is_pronoun(first.core) && verb_at(p.ws, k + 1) {
        return pronoun(first.core, d, people);
    }
    if let [the, noun, ..] = words {
        if the.core.eq_ignore_ascii_case("the")
            && is_org_description(noun.core)
            && verb_at(p.ws, k + 2)
        {
            return described_org(noun.core, d, people);
        }
    }
    // "», a déclaré Sophie Martin": the verb after its auxiliary.
    let at = match words {
        [aux, verb, ..] if is_verb_filler(aux.core) && is_reporting_verb(verb.core) => 1,
        _ => 0,
    };
    if is_reporting_verb(words[at].core) {
        // "said Transport Secretary Helen Marsh": the first name after the
        // verb, with only role words between.
        let found = words[at + 1..]
            .iter()
            .take(8)
            .find_map(|w| mention_starting(p, w));
        return found.map(|m| (m.person, rule::VERB_THEN_NAME));
    }
    // "founder and chief executive Daniel Okoro said": a name followed by
    // a reporting verb, with only a description before it.
    for (n, w) in words.iter().enumerate().take(12) {
        if let Some(m) = mention_starting(p, w) {
            let after = k + n + p.ws[k + n..].iter().take_while(|x| x.start < m.end).count();
            if after < p.ws.len() && verb_at(p.ws, after) {
                return Some((m.person, rule::NAME_THEN_VERB));
            }
            // "the bank's chief economist, Huw Pill, said": a name inside the
            // description is not the speaker; read on.
            continue;
        }
        if is_reporting_verb(w.core) {
            return None;
        }
    }
    None
}

/// Before the quote, in its sentence: the subject of the nearest reporting
/// verb (`Mr Lavrov said the talks had "…"`, `The agency said in a
/// statement: "…"`, `Dame Judith Ross, a former minister, said …`).
fn before(p: &Paragraph, span: Span, d: &Discourse, people: &People) -> Option<Found> {
    let before = p.ws.partition_point(|w| w.start < span.open);
    let in_quote = |pos: usize| p.spans.iter().any(|s| s.start <= pos && pos < s.end);
    let mut start = 0;
    for (idx, w) in p.ws[..before].iter().enumerate().rev() {
        let tail = &p.text[w.end..];
        let ends = tail.starts_with(['.', '!', '?'])
            && !crate::words::is_abbreviation(w.core)
            && !in_quote(w.start);
        if ends {
            start = idx + 1;
            break;
        }
    }
    for v in (start..before).rev() {
        if !is_reporting_verb(p.ws[v].core) || in_quote(p.ws[v].start) {
            continue;
        }
        let mut s = v;
        while s > start && is_verb_filler(p.ws[s - 1].core) {
            s -= 1;
        }
        if s == start {
            continue;
        }
        let subject = &p.ws[s - 1];
        if s >= start + 2
            && p.ws[s - 2].core.eq_ignore_ascii_case("the")
            && is_org_description(subject.core)
        {
            return described_org(subject.core, d, people);
        }
        if is_pronoun(subject.core) {
            return pronoun(subject.core, d, people);
        }
        if let Some(m) = p.mentions.iter().find(|m| m.end == subject.end) {
            return Some((m.person, rule::SUBJECT_BEFORE));
        }
        // A description between commas after the name: step back over it.
        if p.text[subject.end..].starts_with(',') {
            let comma = (start..s - 1)
                .rev()
                .take(14)
                .find(|&c| p.text[p.ws[c].end..].starts_with(','));
            if let Some(m) = comma.and_then(|c| p.mentions.iter().find(|m| m.end == p.ws[c].end)) {
                return Some((m.person, rule::SUBJECT_PAST_DESCRIPTION));
            }
        }
        return None;
    }
    None
}

/// `…, according to X.` in the quote's sentence.
fn according_to(p: &Paragraph, span: Span) -> Option<Found> {
    let k = p.ws.partition_point(|w| w.start < span.close);
    let end = clause_end(p, span.close, k);
    let at = (k..end.saturating_sub(2))
        .find(|&i| p.ws[i].core == "according" && p.ws[i + 1].core == "to")?;
    let m = mention_starting(p, p.ws.get(at + 2)?)
        .or_else(|| p.ws.get(at + 3).and_then(|w| mention_starting(p, w)))?;
    Some((m.person, rule::ACCORDING_TO))
}

/// `A report by the National Audit Office found that … "…"`, `The Welsh
/// government's guidance says … "…"`: a document's author, named after
/// "by" or as its owner, when the document is the subject of a verb of
/// saying or finding before the quote, in its sentence.
fn written_source(p: &Paragraph, span: Span) -> Option<Found> {
    const FINDS: [&str; 7] = [
        "found",
        "finds",
        "concluded",
        "concludes",
        "showed",
        "shows",
        "revealed",
    ];
    let before = p.ws.partition_point(|w| w.start < span.open);
    let ws = &p.ws[sentence_start(p, before)..before];
    let doc = ws.iter().position(|w| is_document(w.core))?;
    let verb = ws[doc + 1..]
        .iter()
        .any(|w| FINDS.contains(&w.core) || is_reporting_verb(w.core));
    if !verb {
        return None;
    }
    // "by X" after the document, else "X's document".
    let by = ws[doc + 1..].iter().take(2).position(|w| w.core == "by");
    let author = match by {
        Some(b) => ws[doc + 2 + b..]
            .iter()
            .take(2)
            .find_map(|w| mention_starting(p, w)),
        None => p
            .mentions
            .iter()
            .find(|m| m.end <= ws[doc].start && ws[doc].start - m.end <= 4)
            .copied(),
    }?;
    Some((author.person, rule::DOCUMENT))
}

/// Nouns that say what an organisation is ("the firm", "the watchdog",
/// "the operator"): the words that name organisations, and those that
/// only describe one.
pub fn is_org_description(word: &str) -> bool {
    const DESCRIBE: [&str; 22] = [
        "firm",
        "operator",
        "retailer",
        "supermarket",
        "manufacturer",
        "broadcaster",
        "carrier",
        "business",
        "developer",
        "insurer",
        "lender",
        "publisher",
        "studio",
        "chain",
        "maker",
        "provider",
        "supplier",
        "landlord",
        "owner",
        "company",
        "organisers",
        "organizers",
    ];
    word.chars().next().is_some_and(char::is_lowercase)
        && (is_org_word(word) || DESCRIBE.contains(&word))
}

/// The one organisation "the firm" can mean: of the organisations named
/// before the quote (the previous paragraph and this one) and the last
/// speaker, the only one whose name has the noun ("the bank": "Bank of
/// England"), else the only one there is; otherwise nobody.
fn described_org(noun: &str, d: &Discourse, people: &People) -> Option<Found> {
    let mut orgs: Vec<usize> = d
        .window
        .iter()
        .copied()
        .chain(d.salient)
        .filter(|&n| people.found[n].kind == SpeakerKind::Organisation)
        .collect();
    orgs.sort_unstable();
    orgs.dedup();
    let has_noun = |n: usize| {
        people.found[n]
            .name
            .split_whitespace()
            .any(|w| w.eq_ignore_ascii_case(noun))
    };
    let named: Vec<usize> = orgs.iter().copied().filter(|&n| has_noun(n)).collect();
    if let [one] = named.as_slice() {
        return Some((*one, rule::DESCRIBED_NEAR));
    }
    if !named.is_empty() {
        return None;
    }
    // Nothing near with the noun: the one organisation in the whole
    // article with it ("the council" of "Cumberland Council").
    let mut in_article = (0..people.found.len())
        .filter(|&n| people.found[n].kind == SpeakerKind::Organisation && has_noun(n));
    match (in_article.next(), in_article.next(), orgs.as_slice()) {
        (Some(n), None, _) => Some((n, rule::DESCRIBED_IN_ARTICLE)),
        (None, _, [only]) => Some((*only, rule::DESCRIBED_ONLY_NEAR)),
        _ => None,
    }
}

fn is_pronoun(word: &str) -> bool {
    matches!(word, "he" | "she" | "it" | "He" | "She" | "It")
}

/// The one the pronoun can only mean: the last speaker if they fit, else
/// the only one in the window who fits, else nobody.
pub fn pronoun(word: &str, d: &Discourse, people: &People) -> Option<Found> {
    let fits = |n: usize| {
        let f = &people.found[n];
        match word.to_ascii_lowercase().as_str() {
            "it" => f.kind == SpeakerKind::Organisation,
            "he" => f.kind == SpeakerKind::Person && f.gender != Some(Gender::Female),
            "she" => f.kind == SpeakerKind::Person && f.gender != Some(Gender::Male),
            _ => false,
        }
    };
    // The last speaker, unless someone else who fits was named since.
    if let Some(s) = d.salient.filter(|&s| fits(s)) {
        let last_s = d.window.iter().rposition(|&n| n == s);
        let last_other = d.window.iter().rposition(|&n| n != s && fits(n));
        if last_other.is_none() || last_other < last_s {
            return Some((s, rule::PRONOUN_LAST_SPEAKER));
        }
    }
    let mut candidates: Vec<usize> = d.window.iter().copied().filter(|&n| fits(n)).collect();
    candidates.sort_unstable();
    candidates.dedup();
    match candidates.as_slice() {
        [only] => Some((*only, rule::PRONOUN_ONLY_FIT)),
        _ => {
            // Of several, the one whose gender the text has stated.
            let wanted = match word.to_ascii_lowercase().as_str() {
                "he" => Some(Gender::Male),
                "she" => Some(Gender::Female),
                _ => None,
            };
            let known: Vec<usize> = candidates
                .into_iter()
                .filter(|&n| wanted.is_some() && people.found[n].gender == wanted)
                .collect();
            match known.as_slice() {
                [only] => Some((*only, rule::PRONOUN_GENDER)),
                _ => None,
            }
        }
    }
}

/// Subjects of reporting verbs in `p` ("Mr Pill has said before that …"),
/// by position: who holds the floor for the pronouns that follow.
pub fn reporting_subjects(p: &Paragraph) -> Vec<(usize, usize)> {
    p.mentions
        .iter()
        .filter_map(|m| {
            let k = p.ws.partition_point(|w| w.start < m.end);
            (k < p.ws.len()
                && verb_at(p.ws, k)
                && !p.text[m.end..p.ws[k].start].contains(['.', '"', '\u{201c}']))
            .then_some((m.end, m.person))
        })
        .collect()
}

/// A reporting verb in `p`, outside its quotes, whose subject is neither a
/// name nor a pronoun ("Islanders said", "One developer … said"): someone
/// the text does not name has spoken.
pub fn unnamed_reporter(p: &Paragraph) -> bool {
    let in_quote = |pos: usize| p.spans.iter().any(|s| s.open <= pos && pos < s.close);
    p.ws.iter().enumerate().any(|(v, w)| {
        if !is_reporting_verb(w.core) || in_quote(w.start) {
            return false;
        }
        let s = p.ws[..v]
            .iter()
            .rposition(|x| !is_verb_filler(x.core))
            .filter(|&s| !p.ws[s].trailing);
        let Some(s) = s else {
            // After a quote or at a clause's start: the verb comes first
            // ("said the union's general secretary") and names its subject.
            return false;
        };
        let subject = &p.ws[s];
        let named = p.mentions.iter().any(|m| m.end == subject.end);
        // "the company said": one named before, by what it is.
        let described = s > 0
            && p.ws[s - 1].core.eq_ignore_ascii_case("the")
            && is_org_description(subject.core);
        !named && !described && !is_pronoun(subject.core) && !in_quote(subject.start)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::find;
    use crate::words::words;

    /// The speaker's name and rule for the first quote of `text`, after
    /// `intro` has introduced people; `salient` is who spoke last.
    fn who(intro: &str, text: &str, salient: Option<&str>) -> Option<(String, &'static str)> {
        let mut people = People::default();
        people.learn(intro);
        people.learn(text);
        let intro_ws = words(intro);
        let intro_mentions = people.mentions(&intro_ws);
        let ws = words(text);
        let mentions = people.mentions(&ws);
        let spans = find(text, false).unwrap();
        let window: Vec<usize> = intro_mentions
            .iter()
            .chain(mentions.iter().filter(|m| m.end <= spans[0].open))
            .map(|m| m.person)
            .collect();
        let salient = salient.and_then(|name| people.found.iter().position(|f| f.name == name));
        let p = Paragraph {
            text,
            ws: &ws,
            spans: &spans,
            mentions: &mentions,
        };
        let d = Discourse {
            window: &window,
            salient,
        };
        attribute(&p, spans[0], &d, &people).map(|(n, rule)| (people.found[n].name.clone(), rule))
    }

    fn name(found: Option<(String, &'static str)>) -> Option<String> {
        found.map(|f| f.0)
    }

    const INTRO: &str =
        "US Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov.";

    #[test]
    fn after_the_quote() {
        assert_eq!(
            name(who(
                INTRO,
                "\"We talked,\" Mr Kerry said, flanked by Mr Lavrov.",
                None
            ))
            .as_deref(),
            Some("John Kerry")
        );
        assert_eq!(
            name(who(INTRO, "\"We talked,\" said Mr Lavrov.", None)).as_deref(),
            Some("Sergei Lavrov")
        );
        assert_eq!(
            name(who(
                INTRO,
                "Progress despite \"collisions\", US Secretary of State John Kerry has said.",
                None
            ))
            .as_deref(),
            Some("John Kerry")
        );
        // A role between the verb and the name, or a description before it.
        assert_eq!(
            name(who(
                "",
                "\"Fares are fair,\" said Transport Secretary Helen Marsh.",
                None
            ))
            .as_deref(),
            Some("Helen Marsh")
        );
        assert_eq!(
            name(who(
                "",
                "\"Cheap,\" founder and chief executive Daniel Okoro said.",
                None
            ))
            .as_deref(),
            Some("Daniel Okoro")
        );
        assert_eq!(
            name(who(
                "The Bank of England held rates.",
                "\"Down,\" the bank's chief economist, Huw Pill, said.",
                None
            ))
            .as_deref(),
            Some("Huw Pill")
        );
    }

    #[test]
    fn before_the_quote_in_the_same_sentence() {
        assert_eq!(
            name(who(
                INTRO,
                "Mr Lavrov said the diplomats had \"laid foundations\", but more.",
                None
            ))
            .as_deref(),
            Some("Sergei Lavrov")
        );
        assert_eq!(
            name(who(
                INTRO,
                "Mr Lavrov, who spoke last, said it was \"solid\".",
                None
            ))
            .as_deref(),
            Some("Sergei Lavrov")
        );
        assert_eq!(
            name(who(
                "",
                "The Environment Agency said in a statement: \"Move to higher ground.\"",
                None
            ))
            .as_deref(),
            Some("Environment Agency")
        );
        // A verb in an earlier sentence does not count.
        assert_eq!(
            who(INTRO, "Mr Kerry said no. The crowd chanted \"yes\".", None),
            None
        );
    }

    #[test]
    fn according_to() {
        let found = who(
            "",
            "The plan is \"ready\", according to Prof Ruth Evans.",
            None,
        );
        assert_eq!(
            found,
            Some((
                "Ruth Evans".into(),
                "\"according to\" and the speaker after the quote"
            ))
        );
    }

    #[test]
    fn pronouns_fit_or_go_to_nobody() {
        // "it" only for an organisation.
        assert_eq!(
            name(who(
                "Birmingham City Council met.",
                "\"We will see,\" it said.",
                None
            ))
            .as_deref(),
            Some("Birmingham City Council")
        );
        assert_eq!(
            who("Mr Tom Reid met.", "\"We will see,\" it said.", None),
            None
        );
        // "she" skips a man the text has called Mr.
        assert_eq!(
            name(who(
                "Mr Paul Hart and Ms Amy Lewis visited.",
                "\"Good news,\" she said.",
                Some("Paul Hart")
            ))
            .as_deref(),
            Some("Amy Lewis")
        );
        // The last speaker, unless someone else who fits was named since:
        // then the two who fit (her gender unknown) leave nobody.
        assert_eq!(
            who(
                "Amy Lewis said so. Headteacher Paul Hart welcomed it.",
                "\"Good,\" he said.",
                Some("Amy Lewis")
            ),
            None
        );
        assert_eq!(
            name(who(
                "Ms Amy Lewis said so. Headteacher Paul Hart welcomed it.",
                "\"Good,\" he said.",
                Some("Amy Lewis")
            ))
            .as_deref(),
            Some("Paul Hart")
        );
        // Two who fit and no way to choose: nobody.
        assert_eq!(
            who("Tom Reid met Paul Hart.", "\"Good,\" he said.", None),
            None
        );
    }

    #[test]
    fn an_organisation_named_by_what_it_is() {
        // By the noun in its name, after the quote or before it.
        assert_eq!(
            name(who(
                "The Bank of England held rates. Tesco Group reported sales.",
                "\"Inflation is falling,\" the bank said.",
                None
            ))
            .as_deref(),
            Some("Bank of England")
        );
        // The only organisation there is.
        assert_eq!(
            name(who(
                "Skerry Ferries Ltd won the contract.",
                "In a statement, the company said it had \"invested heavily\" in boats.",
                None
            ))
            .as_deref(),
            Some("Skerry Ferries Ltd")
        );
        // Two, and neither named by the noun: nobody.
        assert_eq!(
            who(
                "Skerry Ferries Ltd and Northern Boats Ltd bid.",
                "\"We are disappointed,\" the firm said.",
                None
            ),
            None
        );
    }

    #[test]
    fn no_attribution_means_nobody() {
        assert_eq!(
            who(INTRO, "Some called it \"a farce\" on the day.", None),
            None
        );
        assert_eq!(who(INTRO, "\"We will see,\" a voice shouted.", None), None);
    }
}
