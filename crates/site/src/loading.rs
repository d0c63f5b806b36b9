//! Articles read, checked and prepared for the search index on a thread of
//! their own, a few ahead of the build, which takes them in list order:
//! reading and checking every article is most of a rebuild, and the build's
//! own thread is busy comparing and writing meanwhile. An article whose
//! file still has the stamp the last build saw is not read at all.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::thread::JoinHandle;

use article::library::load_listed;
use article::search::Entry;
use article::Loaded;
use newsview::api;

use crate::search_cache;

/// Articles loaded ahead of the build, at most.
const AHEAD: usize = 32;

/// A listed article as the build needs it, or why it cannot be built
/// (file and field path).
pub type Item = Result<Listed, String>;

pub enum Listed {
    /// Read and checked: the article, its file's fingerprint and stamp,
    /// and (when asked for) its search entry.
    Loaded {
        loaded: Box<Loaded>,
        source: String,
        stamp: String,
        entry: Option<Entry>,
    },
    /// Its file has the stamp the last build recorded, which had its files
    /// all there: not read again.
    Unchanged { source: String, stamp: String },
}

/// The articles `slugs` of `dist`, in that order, one item each.
pub struct Loads {
    items: Receiver<Item>,
    worker: Option<JoinHandle<()>>,
}

/// `unchanged`: the stamp and fingerprint of each article the last build
/// made whole; a file that still has that stamp is not read.
pub fn start(
    dist: PathBuf,
    slugs: Vec<String>,
    search: bool,
    unchanged: HashMap<String, (String, String)>,
) -> Loads {
    let (send, items) = mpsc::sync_channel(AHEAD);
    let worker = std::thread::spawn(move || {
        for slug in slugs {
            if send.send(load(&dist, &slug, search, &unchanged)).is_err() {
                return;
            }
        }
    });
    Loads {
        items,
        worker: Some(worker),
    }
}

fn load(
    dist: &Path,
    slug: &str,
    search: bool,
    unchanged: &HashMap<String, (String, String)>,
) -> Item {
    let file = api::article_file(slug);
    let path = dist.join(&file);
    // Stamped before reading: a file changed meanwhile has a newer stamp
    // next time, so it is read again.
    // An empty stamp (a file saved just now) never matches.
    let stamp = search_cache::stamp(&path).unwrap_or_default();
    if let Some((before, source)) = unchanged.get(slug) {
        if !stamp.is_empty() && *before == stamp {
            let source = source.clone();
            return Ok(Listed::Unchanged { source, stamp });
        }
    }
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{file}: {e}"))?;
    let source = api::fingerprint(&text);
    let loaded = load_listed(&file, slug, &text).map_err(|e| e.to_string())?;
    let entry = search.then(|| Entry::of(slug, loaded.article()));
    Ok(Listed::Loaded {
        loaded: Box::new(loaded),
        source,
        stamp,
        entry,
    })
}

/// One article read and checked now, on the caller's thread (an unchanged
/// article whose cached terms were lost).
pub fn load_now(dist: &Path, slug: &str) -> Item {
    load(dist, slug, true, &HashMap::new())
}

impl Iterator for Loads {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        let item = self.items.recv().ok();
        if item.is_none() {
            if let Some(worker) = self.worker.take() {
                let _ = worker.join();
            }
        }
        item
    }
}
