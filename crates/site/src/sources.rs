//! The site owner's articles folder, brought into `dist/articles/`: the
//! manifest, its parts and every article file, written only where they
//! changed, and article files no longer in the folder removed (with their
//! compressed copies), so `dist/` serves exactly the folder's articles.

use std::fs;
use std::path::Path;

use crate::output::Output;

/// Copy `from`'s `*.json` files into `dist/articles/`, and remove there
/// the article files `from` no longer has.
pub fn sync(from: &Path, out: &mut Output) -> Result<(), String> {
    let names = json_files(from)?;
    if !names.iter().any(|n| n == "index.json") {
        return Err(format!(
            "{}: no index.json (the manifest that lists the articles; `article-tool import` writes it)",
            from.display()
        ));
    }
    for name in &names {
        let path = from.join(name);
        let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        out.write(&format!("articles/{name}"), &bytes)?;
    }
    for name in json_files(&out.dist().join("articles"))? {
        if !names.contains(&name) {
            out.remove(&format!("articles/{name}"))?;
        }
    }
    Ok(())
}

/// The names of the `*.json` files directly in `dir`, sorted.
fn json_files(dir: &Path) -> Result<Vec<String>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut names: Vec<String> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".json") && !n.starts_with('.'))
        .collect();
    names.sort();
    Ok(names)
}
