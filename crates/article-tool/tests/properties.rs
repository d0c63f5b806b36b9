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
