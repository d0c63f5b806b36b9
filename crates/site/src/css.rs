//! The style sheet cut to what one page can use. A quote's or an event's
//! own page inlines its style sheet (so it paints with its first bytes,
//! like every page) but uses a tenth of the rules; every archive has
//! thousands of these pages. A rule stays unless one of its selectors names
//! a class or id the page's HTML never has, so the cut page looks exactly
//! as it would with the whole sheet (no app runs there to add classes).

use std::collections::HashSet;

/// The rules of `css` that may apply to `html`, with the at-rules around
/// them, and the animations they name.
pub fn used_by(css: &str, html: &str) -> String {
    let names = Names::of(html);
    let mut kept = String::with_capacity(css.len() / 4);
    let mut keyframes = Vec::new();
    cut(css, &names, &mut kept, &mut keyframes);
    for (name, rule) in keyframes {
        if mentions(&kept, &name) {
            kept.push_str(&rule);
        }
    }
    kept
}

/// The classes and ids a page's HTML has.
struct Names {
    classes: HashSet<String>,
    ids: HashSet<String>,
}

impl Names {
    fn of(html: &str) -> Names {
        let values = |attribute: &str| -> Vec<String> {
            let open = format!(" {attribute}=\"");
            html.split(&open)
                .skip(1)
                .filter_map(|rest| rest.split('"').next())
                .flat_map(|v| v.split_whitespace().map(str::to_string).collect::<Vec<_>>())
                .collect()
        };
        Names {
            classes: values("class").into_iter().collect(),
            ids: values("id").into_iter().collect(),
        }
    }

    /// Whether some selector of the list may match: each class and id it
    /// requires is on the page. What is inside `:not()`, `:is()` and the
    /// like is not required, so it is not checked.
    fn may_match(&self, selectors: &str) -> bool {
        selectors.split(',').any(|selector| {
            let required = outside_parentheses(selector);
            tokens(&required, '.').all(|c| self.classes.contains(c))
                && tokens(&required, '#').all(|i| self.ids.contains(i))
        })
    }
}

fn outside_parentheses(selector: &str) -> String {
    let mut depth = 0usize;
    selector
        .chars()
        .filter(|&c| {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => return depth == 0,
            }
            false
        })
        .collect()
}

/// The names after each `sigil` (`.` classes, `#` ids) in a selector.
fn tokens(selector: &str, sigil: char) -> impl Iterator<Item = &str> {
    selector.split(sigil).skip(1).map(|rest| {
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(rest.len());
        &rest[..end]
    })
}

/// Whether `text` has `name` as a whole word.
fn mentions(text: &str, name: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(word) && !after.is_some_and(word)
    })
}

/// Appends to `kept` the rules of `css` the page may use; `@keyframes` are
/// set aside in `keyframes` until it is known whether a kept rule names
/// them.
fn cut(css: &str, names: &Names, kept: &mut String, keyframes: &mut Vec<(String, String)>) {
    let mut rest = css;
    loop {
        rest = skip_space_and_comments(rest);
        if rest.is_empty() {
            return;
        }
        let Some(open) = find_outside_strings(rest, |c| c == '{' || c == ';') else {
            return;
        };
        let prelude = rest[..open].trim();
        if rest.as_bytes()[open] == b';' {
            // A statement (`@import`, `@charset`): kept as it is.
            kept.push_str(&rest[..=open]);
            rest = &rest[open + 1..];
            continue;
        }
        let close = matching_brace(rest, open);
        let block = &rest[open + 1..close];
        let whole = &rest[..(close + 1).min(rest.len())];
        let at_rule = prelude.split_whitespace().next().unwrap_or("");
        match at_rule {
            "@media" | "@supports" | "@layer" | "@container" => {
                let mut inner = String::new();
                cut(block, names, &mut inner, keyframes);
                if !inner.is_empty() {
                    kept.push_str(prelude);
                    kept.push('{');
                    kept.push_str(&inner);
                    kept.push('}');
                }
            }
            name if name.ends_with("keyframes") => {
                let animation = prelude.split_whitespace().nth(1).unwrap_or("");
                keyframes.push((animation.to_string(), whole.to_string()));
            }
            name if name.starts_with('@') => kept.push_str(whole),
            _ if names.may_match(prelude) => kept.push_str(whole),
            _ => {}
        }
        rest = &rest[(close + 1).min(rest.len())..];
    }
}

fn skip_space_and_comments(mut s: &str) -> &str {
    loop {
        s = s.trim_start();
        match s.strip_prefix("/*") {
            Some(comment) => s = comment.find("*/").map_or("", |end| &comment[end + 2..]),
            None => return s,
        }
    }
}

/// The first byte matching `wanted` that is not inside a string or a
/// comment.
fn find_outside_strings(s: &str, wanted: impl Fn(char) -> bool) -> Option<usize> {
    let mut quote = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), '\\') => {
                chars.next();
            }
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '/') if s[i..].starts_with("/*") => {
                let end = s[i + 2..].find("*/").map_or(s.len(), |e| i + 2 + e + 2);
                while chars.peek().is_some_and(|&(j, _)| j < end) {
                    chars.next();
                }
            }
            (None, c) if wanted(c) => return Some(i),
            _ => {}
        }
    }
    None
}

/// The `}` closing the block opened at `open` (or the end).
fn matching_brace(s: &str, open: usize) -> usize {
    let mut depth = 0usize;
    let mut at = open;
    loop {
        let Some(next) = find_outside_strings(&s[at..], |c| c == '{' || c == '}') else {
            return s.len();
        };
        at += next;
        if s.as_bytes()[at] == b'{' {
            depth += 1;
        } else {
            depth -= 1;
            if depth == 0 {
                return at;
            }
        }
        at += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSS: &str = r#"
:root { --fg: #111; }
/* a comment with { braces } */
body { color: var(--fg); }
.shared, .library { max-width: 40rem; }
.story .quote--target { outline: 3px solid; }
.quote:not(.other) { font-style: italic; }
#main_content:focus { outline: none; }
#timeline_heading { margin: 0; }
a[href^="http"]::after { content: "}"; }
@media (max-width: 600px) { .shared { margin: 0; } .timeline { display: none; } }
@media print { .timeline { display: none; } }
@keyframes arrive { from { opacity: 0; } to { opacity: 1; } }
@keyframes unused { from { opacity: 0; } }
.shared__kicker { animation: arrive 1s; }
"#;

    const HTML: &str = r#"<main id="main_content"><article class="shared"><p class="shared__kicker">Quote</p><q class="quote">x</q></article></main>"#;

    #[test]
    fn rules_for_what_the_page_has_stay_and_the_rest_go() {
        let cut = used_by(CSS, HTML);
        for kept in [
            ":root",
            "body {",
            ".shared, .library",
            ".quote:not(.other)",
            "#main_content:focus",
            "a[href^=\"http\"]::after { content: \"}\"; }",
            "@media (max-width: 600px){.shared { margin: 0; }}",
            ".shared__kicker { animation: arrive 1s; }",
            "@keyframes arrive",
        ] {
            assert!(cut.contains(kept), "{kept} was cut:\n{cut}");
        }
        for gone in [
            "quote--target",
            "#timeline_heading",
            ".timeline",
            "@media print",
            "@keyframes unused",
            "a comment",
        ] {
            assert!(!cut.contains(gone), "{gone} was kept:\n{cut}");
        }
    }

    #[test]
    fn a_page_with_every_name_keeps_every_rule() {
        let html = r#"<div id="main_content" class="shared library story quote--target quote shared__kicker timeline"></div><h2 id="timeline_heading"></h2>"#;
        let cut = used_by(CSS, html);
        for rule in [
            ".story .quote--target",
            "#timeline_heading",
            "@media print",
            ".timeline { display: none; }",
        ] {
            assert!(cut.contains(rule), "{rule} was cut:\n{cut}");
        }
    }

    #[test]
    fn a_broken_sheet_ends_without_a_panic() {
        for css in [
            "",
            ".a {",
            "@media x { .a { b: c }",
            "/* open",
            ".a { content: \"x }",
        ] {
            let _ = used_by(css, "<p class=\"a\">");
        }
    }
}
