//! Topics from a keyword list, tagged per paragraph.
//!
//! The file has one topic a line: `id | label | keyword, keyword, …`.
//! Blank lines and lines starting with `#` are skipped. A paragraph gets a
//! topic when any keyword occurs in it as a whole word or phrase, ignoring case.

use article::{Article, Block, Inline, Topic};

#[derive(Debug, Clone, PartialEq)]
pub struct TopicList {
    topics: Vec<(Topic, Vec<String>)>,
}

impl TopicList {
    pub fn parse(text: &str) -> Result<TopicList, String> {
        let mut topics: Vec<(Topic, Vec<String>)> = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let parts: Vec<&str> = line.split('|').map(str::trim).collect();
            let [id, label, keywords] = parts.as_slice() else {
                return Err(format!(
                    "line {}: expected `id | label | keyword, keyword`",
                    n + 1
                ));
            };
            if !article::validate::is_valid_id(id) {
                return Err(format!(
                    "line {}: \"{id}\" is not a valid topic id (a-z, 0-9, '-')",
                    n + 1
                ));
            }
            if topics.iter().any(|(t, _)| t.id == *id) {
                return Err(format!("line {}: topic \"{id}\" is listed twice", n + 1));
            }
            let keywords: Vec<String> = keywords
                .split(',')
                .map(|k| k.trim().to_lowercase())
                .filter(|k| !k.is_empty())
                .collect();
            if keywords.is_empty() {
                return Err(format!("line {}: topic \"{id}\" has no keywords", n + 1));
            }
            topics.push((
                Topic {
                    id: id.to_string(),
                    label: label.to_string(),
                },
                keywords,
            ));
        }
        if topics.is_empty() {
            return Err("the topic list has no topics".into());
        }
        Ok(TopicList { topics })
    }

    /// Add the topics to the article and tag each paragraph. Topics no
    /// paragraph matches are still listed (a filter can say "nothing matches").
    pub fn tag(&self, article: &mut Article) {
        article.topics = self.topics.iter().map(|(t, _)| t.clone()).collect();
        for block in article
            .sections
            .iter_mut()
            .flat_map(|s| s.blocks.iter_mut())
        {
            if let Block::Paragraph(p) = block {
                let text: String = p
                    .runs
                    .iter()
                    .map(|r| match r {
                        Inline::Text(t) => t.text.as_str(),
                        Inline::Quote(q) => q.text.as_str(),
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase();
                p.topics = self
                    .topics
                    .iter()
                    .filter(|(_, keywords)| keywords.iter().any(|k| contains_word(&text, k)))
                    .map(|(t, _)| t.id.clone())
                    .collect();
            }
        }
    }
}

/// `needle` occurs in `hay` with no letter or digit directly on either side.
fn contains_word(hay: &str, needle: &str) -> bool {
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let start = from + i;
        let end = start + needle.len();
        let before = hay[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = hay[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if before && after {
            return true;
        }
        from = start + needle.len().max(1);
        while !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_reports_bad_lines() {
        let list = TopicList::parse(
            "# topics\nsyria | Syria | Syria, Syrian\n\nsnowden | Snowden | snowden\n",
        )
        .unwrap();
        assert_eq!(list.topics.len(), 2);
        assert_eq!(list.topics[0].1, ["syria", "syrian"]);
        assert_eq!(
            TopicList::parse("syria | Syria").unwrap_err(),
            "line 1: expected `id | label | keyword, keyword`"
        );
        assert!(TopicList::parse("Bad Id | x | y")
            .unwrap_err()
            .contains("not a valid topic id"));
        assert!(TopicList::parse("a | A | x\na | A | y")
            .unwrap_err()
            .contains("listed twice"));
        assert!(TopicList::parse("# nothing").is_err());
    }

    #[test]
    fn keywords_match_whole_words_only() {
        assert!(contains_word("talks on syria today", "syria"));
        assert!(contains_word(
            "missile defence, afghanistan",
            "missile defence"
        ));
        assert!(!contains_word("the syrian rebels", "syria"));
        assert!(!contains_word("iranian", "iran"));
        assert!(contains_word("iran.", "iran"));
    }
}
