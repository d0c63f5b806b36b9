//! Property tests on the importer: no text panics it, and what it accepts
//! loads back through the viewer's loader unchanged.

use article_tool::{import, import_bytes, Options};
use proptest::prelude::*;

fn options() -> Options {
    Options {
        published: Some("2020-01-01".into()),
        source: Some("P".into()),
        ..Options::default()
    }
}

/// Lines in the shape of web-page text, mixed with noise.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("US & Canada".to_string()),
        Just("Media playback is unsupported on your device".to_string()),
        Just("Media captionUS Secretary of State John Kerry said \"yes\"".to_string()),
        Just("Image caption A picture".to_string()),
        Just("'Future work'".to_string()),
        Just("More on this story".to_string()),
        Just("Link - https://example.org/a".to_string()),
        Just("Russian Foreign Minister Sergei Lavrov said \"we agree\".".to_string()),
        Just("\"We will see,\" Mr Lavrov said.".to_string()),
        Just("\u{201c}Unclosed quote, he said.".to_string()),
        Just("He said ''twice'' and Ms Smith told \"them\".".to_string()),
        Just("He said: \"One. \"Two.\" \"Three. \"Four.\"".to_string()),
        Just("\"A quote that runs on. It has no end.".to_string()),
        Just("\"And ends here,\" she said.".to_string()),
        Just("Skip Twitter post by @someone".to_string()),
        Just("\u{2014} Some One (@someone) 1 May 2020".to_string()),
        Just("End of Twitter post by @someone".to_string()),
        Just("Why it matters".to_string()),
        Just("Analysis box by Jane Roe, correspondent".to_string()),
        Just("Image copyright Reuters Image caption A crowd".to_string()),
        Just("The Environment Agency said it would \"help\".".to_string()),
        "[A-Z][a-z ]{0,30}\\.".prop_map(|s| s),
        "\\PC{0,60}".prop_map(|s| s),
        Just(String::new()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn imports_never_panic_and_accepted_articles_round_trip(lines in prop::collection::vec(line(), 0..25)) {
        let text = lines.join("\n");
        if let Ok(imported) = import(&text, &options()) {
            let json = serde_json::to_string(&imported.article).unwrap();
            let loaded = article::load_article("prop.json", &json).expect("an import loads in the viewer");
            prop_assert_eq!(loaded.article(), &imported.article);
        }
    }

    /// Nothing the importer accepts is refused by validation (which the
    /// import runs), and no text is refused at all once it has a body.
    #[test]
    fn readable_texts_are_never_refused(lines in prop::collection::vec(line(), 1..25)) {
        let text = format!("A headline\nSome body text.\n{}", lines.join("\n"));
        prop_assert!(import(&text, &Options::default()).is_ok(), "refused: {text}");
    }

    #[test]
    fn any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = import_bytes(&bytes, &options());
    }
}

/// Pieces of web pages: tags of every kind the HTML front end reads or
/// skips, attributes with markup and scripts in them, and text.
fn html_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<html lang=\"en\"><head>".to_string()),
        Just("<meta property=\"og:title\" content=\"A <b>bold</b> title &amp; more\">".to_string()),
        Just("<meta property=\"article:published_time\" content=\"2020-02-30T25:00:00+99:00\">".to_string()),
        Just("<meta name=\"author\" content=\"<script>alert(1)</script>\">".to_string()),
        Just("<link rel=\"canonical\" href=\"javascript:alert(1)\">".to_string()),
        Just("<base href=\"//evil.example/\">".to_string()),
        Just("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"<img src=x onerror=alert(1)>\",\"author\":[{\"name\":\"A\"},7,null]}</script>".to_string()),
        Just("<script type=\"application/ld+json\">{not json</script>".to_string()),
        Just("</head><body>".to_string()),
        Just("<article class=\"story-body\">".to_string()),
        Just("</article>".to_string()),
        Just("<div class=\"related share\">".to_string()),
        Just("<div>".to_string()),
        Just("</div>".to_string()),
        Just("<h1>Headline <em>here</em></h1>".to_string()),
        Just("<h2>A subheading</h2>".to_string()),
        Just("<p>\"We will see,\" Mr Lavrov said.</p>".to_string()),
        Just("<p>She said <q>never</q> and <a href=\"/x\">left</a>.</p>".to_string()),
        Just("<p><a href=\"/more\">READ MORE: elsewhere</a></p>".to_string()),
        Just("<blockquote><p>A quotation set apart</p></blockquote>".to_string()),
        Just("<figure><img src=\"data:image/png;base64,AAAA\" data-src=\"/a.jpg\" alt=\"<b>\"><figcaption>Caption <span class=\"credit\">Credit</span></figcaption></figure>".to_string()),
        Just("<img src=\"javascript:alert(1)\" alt=\"x\">".to_string()),
        Just("<ul><li>One</li><li><script>x()</script>Two</li></ul>".to_string()),
        Just("<table><tr><td>Cell text, with a comma, and more words in it.</td></tr></table>".to_string()),
        Just("<nav><p>Home News Sport and everything else in the menu</p></nav>".to_string()),
        Just("&lt;script&gt;alert(1)&lt;/script&gt;".to_string()),
        "[A-Za-z ,.\"]{0,80}".prop_map(|s| format!("<p>{s}</p>")),
        "\\PC{0,40}".prop_map(|s| s),
    ]
}

/// Whether any text of the article holds something a browser would read
/// as a tag: a `<` followed by a letter, `/` or `!`.
fn has_markup(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any page: no panic; what is accepted validates and loads back; no
    /// markup of the page becomes markup in the article, whatever its text
    /// says (a page's escaped `&lt;script&gt;` is the text "<script>", which
    /// the viewer shows as text; a tag itself never survives as one).
    #[test]
    fn pages_never_panic_and_their_tags_never_reach_the_article(pieces in prop::collection::vec(html_piece(), 1..30)) {
        let page = format!("<!doctype html>{}", pieces.concat());
        if let Ok(imported) = import(&page, &options()) {
            let json = serde_json::to_string(&imported.article).unwrap();
            let loaded = article::load_article("prop.json", &json).expect("an import loads in the viewer");
            prop_assert_eq!(loaded.article(), &imported.article);
            let escaped = page.contains("&lt;");
            let a = &imported.article;
            let texts = std::iter::once(a.headline.clone())
                .chain(a.summary.clone())
                .chain(a.authors.iter().map(|x| x.name.clone()))
                .chain(a.sections.iter().flat_map(|s| s.heading.clone()))
                .chain(a.sections.iter().flat_map(|s| &s.blocks).flat_map(|b| b.runs().iter().map(|r| match r {
                    article::Inline::Text(t) => t.text.clone(),
                    article::Inline::Quote(q) => q.text.clone(),
                })));
            for text in texts {
                // Markup in a page's attribute value (og:title's "<b>") is
                // that value's text; tags in the page's own tree never are.
                let from_attributes = ["<b>", "</b>", "<script>", "</script>", "<img src=x onerror=alert(1)>"]
                    .iter()
                    .fold(text.clone(), |t, tag| t.replace(tag, ""));
                prop_assert!(escaped || !has_markup(&from_attributes), "markup in {text:?} from {page}");
            }
            for src in a.sections.iter().flat_map(|s| &s.blocks).filter_map(|b| match b {
                article::Block::Image(i) => i.src.clone(),
                _ => None,
            }) {
                prop_assert!(src.starts_with("https://") || src.starts_with("http://"), "picture {src}");
            }
        }
    }
}
