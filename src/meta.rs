//! The words a page is known by outside itself: its title (the tab, the
//! history list, link previews). Shared by the pre-renderer and the browser
//! so a hydrated page keeps the title it was served with.

use article::index::Target;
use article::{Article, Event, Quote};

/// Text for a title or description: control and bidi characters out (they
/// would garble tab titles and previews), whitespace collapsed, cut at a
/// word to `max` characters.
pub fn plain(text: &str, max: usize) -> String {
    let cleaned: String = article::without_bidi_controls(text)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let mut out = String::new();
    for word in words {
        let extra = usize::from(!out.is_empty()) + word.chars().count();
        if out.chars().count() + extra > max {
            if out.is_empty() {
                out = word.chars().take(max.saturating_sub(1)).collect();
            }
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The page title of an article, or of one of its quotes or events.
pub fn page_title(a: &Article, target: Option<&Target>, site: &str) -> String {
    with_site(&title_words(a, target), site)
}

/// A page's own words in its title, then the site's name.
pub fn with_site(words: &str, site: &str) -> String {
    format!("{words} - {site}")
}

/// What a page's title says before the site's name.
pub fn title_words(a: &Article, target: Option<&Target>) -> String {
    let what = match target {
        Some(Target::Quote(id)) => a
            .quotes()
            .map(|(_, q)| q)
            .find(|q| &q.id == id)
            .map(|q| quote_title(a, q)),
        Some(Target::Event(id)) => a
            .timeline
            .iter()
            .find(|e| &e.id == id)
            .map(|e| event_title(a, e)),
        None => None,
    };
    what.unwrap_or_else(|| plain(&a.headline, 120))
}

/// A quote page's title words: the quote, then who said it.
pub fn quote_title(a: &Article, q: &Quote) -> String {
    let name = q
        .speaker
        .as_deref()
        .and_then(|s| a.person(s))
        .map_or("speaker not identified".to_string(), |p| plain(&p.name, 60));
    format!("“{}” – {name}", plain(&q.text, 90))
}

/// An event page's title words: the event, its date, the article.
pub fn event_title(a: &Article, e: &Event) -> String {
    format!(
        "{} ({}) – {}",
        plain(&e.title, 90),
        e.date.display(),
        plain(&a.headline, 60)
    )
}

/// The library's title.
pub fn library_title(site: &str) -> String {
    format!("{site}: latest articles")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_cut_at_a_word_and_loses_controls() {
        assert_eq!(plain("a  b\nc", 10), "a b c");
        assert_eq!(plain("one two three", 8), "one two…");
        assert_eq!(plain("\u{202E}evil\u{202C} text", 20), "evil text");
        assert_eq!(plain(&"x".repeat(50), 10).chars().count(), 10);
    }
}
