//! The element ids the page derives from the article's ids. Article ids use
//! a-z, 0-9 and '-' only (`article::validate::is_valid_id`); the page's own
//! ids are words joined by '_' (`timeline_heading`, `page_app`). A derived
//! id is one of the `NAMESPACES` words, '_', then the article's id, and no
//! id the page writes itself starts with a namespace word and '_' (a test
//! reads every component for it): so no article, whatever its ids, can
//! give two elements of a page the same id.

/// The words derived ids start with.
#[cfg_attr(not(test), allow(dead_code))]
pub const NAMESPACES: [&str; 2] = ["person", "heading"];

/// The people panel's entry for person `id` (a quote's `cite` points here).
pub fn person(id: &str) -> String {
    format!("person_{id}")
}

/// The subheading of section `id`, which labels the section.
pub fn section_heading(id: &str) -> String {
    format!("heading_{id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `id="…"` the components write as a literal.
    fn fixed_ids() -> Vec<String> {
        let mut ids = Vec::new();
        let mut dirs = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for part in text.split("id=\"").skip(1) {
                        ids.push(part.split('"').next().unwrap().to_string());
                    }
                }
            }
        }
        ids
    }

    #[test]
    fn no_fixed_id_is_in_a_derived_namespace() {
        let ids = fixed_ids();
        assert!(ids.iter().any(|id| id == "timeline_heading"), "{ids:?}");
        for id in &ids {
            for word in NAMESPACES {
                assert!(
                    !id.starts_with(&format!("{word}_")),
                    "{id} is in the {word}_ namespace"
                );
            }
        }
    }

    #[test]
    fn derived_ids_cannot_take_the_page_s_own() {
        // A section with the id of a panel, as the probe wrote.
        for id in ["timeline", "quotes", "people", "toc", "filter"] {
            let derived = section_heading(id);
            assert!(!fixed_ids().contains(&derived), "{derived}");
        }
        assert_eq!(person("kerry"), "person_kerry");
    }
}
