//! The site owner's articles folder, brought into `dist/articles/`: every
//! article file (and, for a shard, the manifest and its parts; a whole
//! build writes the list it publishes itself), written only where they
//! changed, and article files no longer in the folder removed (with their
//! compressed copies), so `dist/` serves exactly the folder's articles.

use std::fs;
use std::path::Path;

use crate::output::Output;
use crate::search_cache::settled;

/// The folder has a manifest: refused before anything is touched.
pub fn check(from: &Path) -> Result<(), String> {
    match from.join("index.json").is_file() {
        true => Ok(()),
        false => Err(format!(
            "{}: no index.json (the manifest that lists the articles; `article-tool import` writes it)",
            from.display()
        )),
    }
}

/// Copy `from`'s `*.json` files into `dist/articles/` (but the files of
/// `own_list`, which the build writes itself), and remove there the files
/// `from` no longer has.
pub fn sync(from: &Path, out: &mut Output, own_list: Option<Vec<String>>) -> Result<(), String> {
    check(from)?;
    let names = json_files(from)?;
    let own_list = own_list.unwrap_or_default();
    for name in names.iter().filter(|n| !own_list.contains(n)) {
        let (path, file) = (from.join(name), format!("articles/{name}"));
        let copy = out.dist().join(&file);
        // The quick check `rsync` makes: the same size and modification
        // time is the same file, not read again.
        if same_stamp(&path, &copy) {
            out.keep(&file);
            continue;
        }
        let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        out.write(&file, &bytes)?;
        copy_modified_time(&path, &copy)?;
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

/// Whether the two files have the same size and modification time, the
/// original's old enough to trust (`search_cache::settled`).
fn same_stamp(original: &Path, copy: &Path) -> bool {
    let stamp = |p: &Path| {
        fs::metadata(p)
            .ok()
            .and_then(|m| Some((m.len(), m.modified().ok()?, settled(&m).is_some())))
    };
    match (stamp(original), stamp(copy)) {
        (Some((size, time, true)), Some((copy_size, copy_time, _))) => {
            size == copy_size && time == copy_time
        }
        _ => false,
    }
}

/// The copy takes the original's modification time, so the next build's
/// quick check finds them the same.
fn copy_modified_time(original: &Path, copy: &Path) -> Result<(), String> {
    let modified = fs::metadata(original)
        .and_then(|m| m.modified())
        .map_err(|e| format!("{}: {e}", original.display()))?;
    fs::File::options()
        .write(true)
        .open(copy)
        .and_then(|f| f.set_modified(modified))
        .map_err(|e| format!("{}: {e}", copy.display()))
}
