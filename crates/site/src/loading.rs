//! Articles read, checked and prepared for the search index on a thread of
//! their own, a few ahead of the build, which takes them in list order:
//! reading and checking every article is most of a rebuild, and the build's
//! own thread is busy comparing and writing meanwhile.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};
use std::thread::JoinHandle;

use article::library::load_listed;
use article::search::Entry;
use article::Loaded;
use newsview::api;

/// Articles loaded ahead of the build, at most.
const AHEAD: usize = 32;

/// A listed article as the build needs it: loaded and checked, its file's
/// fingerprint, and (when asked for) its search entry; or why it cannot be
/// built (file and field path).
pub type Item = Result<(Loaded, String, Option<Entry>), String>;

/// The articles `slugs` of `dist`, in that order, one item each.
pub struct Loads {
    items: Receiver<Item>,
    worker: Option<JoinHandle<()>>,
}

pub fn start(dist: PathBuf, slugs: Vec<String>, search: bool) -> Loads {
    let (send, items) = mpsc::sync_channel(AHEAD);
    let worker = std::thread::spawn(move || {
        for slug in slugs {
            if send.send(load(&dist, &slug, search)).is_err() {
                return;
            }
        }
    });
    Loads {
        items,
        worker: Some(worker),
    }
}

fn load(dist: &std::path::Path, slug: &str, search: bool) -> Item {
    let file = api::article_file(slug);
    let path = dist.join(&file);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{file}: {e}"))?;
    let source = api::fingerprint(&text);
    let loaded = load_listed(&file, slug, &text).map_err(|e| e.to_string())?;
    let entry = search.then(|| Entry::of(slug, loaded.article()));
    Ok((loaded, source, entry))
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
