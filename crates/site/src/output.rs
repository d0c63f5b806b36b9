//! Writing `dist/`: a file is written only when its bytes change (so its
//! modification time, and what an `rsync`/`s3 sync` upload sends, follow
//! real changes), always whole (a temporary file renamed into place, so a
//! reader never sees half a page), and every file under `a/` that this
//! build did not make is removed with its compressed copies (no stale page
//! is ever served). The build manifest records what each article's files
//! were made from, so the next build can keep them without rendering.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::Digest as _;

use crate::settings::Shard;

/// The build manifest's file, in `dist/`.
pub const MANIFEST: &str = "build-manifest.json";
/// What the manifest's files (the whole build's and the shards' parts)
/// are named with.
pub const MANIFEST_STEM: &str = "build-manifest";

/// The folders whose every file is this build's: articles' pages and
/// cards, and the search index.
const OWNED: [&str; 2] = ["a", "articles/search"];

/// Copies a host may serve in place of a file (see `precompress.rs`).
const COMPRESSED: [&str; 2] = ["gz", "br"];

const FORMAT: u32 = 2;

/// What the last build made, and from what.
#[derive(Serialize, Deserialize, Default, Debug, Clone, PartialEq)]
pub struct BuildManifest {
    pub format: u32,
    /// The inputs every page shares: the page shell (trunk's page, the
    /// app's and reader's files), the build tool and the site's settings.
    pub shell: String,
    /// Per article (by slug): the hash of its file and what it made.
    pub articles: BTreeMap<String, ArticleRecord>,
    /// The cards of articles recorded under another shell (which are
    /// rendered again, while a card that draws the same is kept), by path.
    #[serde(skip)]
    pub other_cards: BTreeMap<String, u128>,
}

#[derive(Serialize, Deserialize, Default, Debug, Clone, PartialEq)]
pub struct ArticleRecord {
    /// The article file's fingerprint.
    pub source: String,
    /// The files made from it, relative to `dist/`, a line each; a card's
    /// line adds, after a tab, the key of exactly what it draws (its
    /// layout and `card::DRAWING`). One string, not a string per file: a
    /// large archive's manifest is held in memory whole.
    pub files: String,
}

impl ArticleRecord {
    /// Every file it made.
    pub fn files(&self) -> impl Iterator<Item = &str> {
        self.files
            .lines()
            .map(|line| line.split('\t').next().unwrap_or(line))
    }

    /// Every card it made, with the key of what it draws.
    pub fn cards(&self) -> impl Iterator<Item = (&str, u128)> {
        self.files.lines().filter_map(|line| {
            let (path, key) = line.split_once('\t')?;
            Some((path, u128::from_str_radix(key, 16).ok()?))
        })
    }

    /// The line of a card, for `files`.
    pub fn card_line(path: &str, key: u128) -> String {
        format!("{path}\t{key:032x}")
    }
}

impl BuildManifest {
    /// An empty manifest for a build with this shell.
    pub fn new(shell: String) -> BuildManifest {
        BuildManifest {
            format: FORMAT,
            shell,
            ..BuildManifest::default()
        }
    }

    /// What earlier builds made: the last whole build's manifest and any
    /// shards' parts beside it (see `settings::Shard`). Articles recorded
    /// under another shell (another app, tool or settings) are rendered
    /// again; cards are kept by what they draw. A file that cannot be read
    /// counts for nothing.
    pub fn read(dist: &Path, shell: &str) -> BuildManifest {
        let mut current = BuildManifest::new(shell.to_string());
        let mut names = vec![MANIFEST.to_string()];
        names.extend(shard_manifests(dist));
        for name in names {
            let Some(part) = fs::File::open(dist.join(&name))
                .ok()
                .and_then(|file| {
                    serde_json::from_reader::<_, BuildManifest>(std::io::BufReader::new(file)).ok()
                })
                .filter(|m| m.format == FORMAT)
            else {
                continue;
            };
            if part.shell == shell {
                current.articles.extend(part.articles);
            } else {
                // A card's key is what it draws, whatever the shell.
                let cards = part.articles.values().flat_map(ArticleRecord::cards);
                current
                    .other_cards
                    .extend(cards.map(|(path, key)| (path.to_string(), key)));
            }
        }
        current
    }

    /// The key of what the card at `path` (made from article `slug`) drew.
    pub fn card_key(&self, slug: &str, path: &str) -> Option<u128> {
        let recorded = self.articles.get(slug).and_then(|record| {
            record
                .cards()
                .find_map(|(card, key)| (card == path).then_some(key))
        });
        recorded.or_else(|| self.other_cards.get(path).copied())
    }

    /// Whether an article's files are still what this build would make:
    /// same source, and every file still there (as `out` found them).
    pub fn is_current(&self, out: &Output, slug: &str, source: &str) -> bool {
        self.articles
            .get(slug)
            .is_some_and(|record| record.source == source && record.files().all(|f| out.found(f)))
    }
}

/// The shards' parts of the manifest in `dist`, by name.
fn shard_manifests(dist: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dist) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.starts_with(SHARD_PREFIX) && n.ends_with(".json"))
        .collect();
    names.sort();
    names
}

const SHARD_PREFIX: &str = "build-manifest.shard-";

/// A SHA-256 of some bytes, hex, shortened: the manifest's content hashes.
pub fn hash(parts: &[&[u8]]) -> String {
    let mut digest = sha2::Sha256::new();
    for part in parts {
        digest.update((part.len() as u64).to_le_bytes());
        digest.update(part);
    }
    digest
        .finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// [`hash`] as a number: a card's key (50,000 of them at 10,000 articles
/// are held as numbers, not text).
pub fn hash128(parts: &[&[u8]]) -> u128 {
    let hex = hash(parts);
    u128::from_str_radix(&hex, 16).expect("hash is 32 hex digits")
}

/// How many files a build wrote, kept as they were, and removed.
#[derive(Default, Debug, Clone, PartialEq)]
pub struct Counts {
    pub written: usize,
    pub kept: usize,
    pub removed: usize,
}

/// The writer of one build: remembers every file it made or kept.
pub struct Output {
    dist: PathBuf,
    /// The files in the build's own folders when it started (one walk:
    /// what is kept is checked against it, what is stale is taken from it).
    /// Each marked once this build makes or keeps it: what is left
    /// unmarked is stale. (A file the build makes that was not there needs
    /// no record: it cannot be stale.)
    found: HashMap<String, bool>,
    pub counts: Counts,
    /// Written and removed files, for the report (relative to `dist/`).
    pub written: Vec<String>,
    pub removed: Vec<String>,
    /// Name every written file, not only the first `NAMED_AT_MOST`.
    name_all: bool,
}

/// Written files named in the report unless all are asked for.
pub const NAMED_AT_MOST: usize = 1000;

impl Output {
    /// The writer for `dist`, having listed its own folders.
    pub fn new(dist: &Path, name_all: bool) -> Result<Output, String> {
        let mut files = Vec::new();
        for folder in OWNED {
            list_files(&dist.join(folder), &mut files)?;
        }
        let found = files.iter().map(|f| (relative(dist, f), false)).collect();
        Ok(Output {
            dist: dist.to_path_buf(),
            found,
            counts: Counts::default(),
            written: Vec::new(),
            removed: Vec::new(),
            name_all,
        })
    }

    pub fn dist(&self) -> &Path {
        &self.dist
    }

    /// Whether `path` (in the build's own folders) was there when the build
    /// started.
    pub fn found(&self, path: &str) -> bool {
        self.found.contains_key(path)
    }

    /// `path` is this build's: not stale.
    fn mark(&mut self, path: &str) {
        if let Some(made) = self.found.get_mut(path) {
            *made = true;
        }
    }

    /// Write `bytes` to `path` (relative to `dist/`) unless the file
    /// already holds them.
    pub fn write(&mut self, path: &str, bytes: &[u8]) -> Result<(), String> {
        self.mark(path);
        let file = self.dist.join(path);
        if same_bytes(&file, bytes) {
            self.counts.kept += 1;
            return Ok(());
        }
        write_whole(&file, bytes)?;
        self.counts.written += 1;
        self.name_written(path);
        // Copies of the old bytes would be served in place of the new ones:
        // they go (`--precompress` writes them again).
        self.remove_copies(path)
    }

    fn remove_copies(&mut self, path: &str) -> Result<(), String> {
        for copy in COMPRESSED.map(|ext| format!("{path}.{ext}")) {
            self.remove_file(copy)?;
        }
        Ok(())
    }

    /// Names a written file for the report, while there are few (or all of
    /// them, when asked): a full build writes 150,000.
    fn name_written(&mut self, path: &str) {
        if self.name_all || self.written.len() < NAMED_AT_MOST {
            self.written.push(path.to_string());
        }
    }

    /// Remove one file (relative to `dist/`) if it is there.
    fn remove_file(&mut self, file: String) -> Result<(), String> {
        let full = self.dist.join(&file);
        if full.is_file() {
            fs::remove_file(&full).map_err(|e| format!("{}: {e}", full.display()))?;
            self.counts.removed += 1;
            self.removed.push(file);
        }
        Ok(())
    }

    /// A file this build keeps as the last one made it.
    pub fn keep(&mut self, path: &str) {
        self.mark(path);
        self.counts.kept += 1;
    }

    /// A file written by other means (a card drawn on another thread).
    pub fn wrote(&mut self, path: &str) {
        self.mark(path);
        self.counts.written += 1;
        self.name_written(path);
    }

    /// Remove `path` (relative to `dist/`), if there, with its compressed
    /// copies; says whether it was there.
    pub fn remove(&mut self, path: &str) -> Result<bool, String> {
        let there = self.dist.join(path).is_file();
        self.remove_file(path.to_string())?;
        self.remove_copies(path)?;
        Ok(there)
    }

    /// Remove every file in the build's own folders (`a/`, the search
    /// index) that was there when it started and that it did not make or
    /// keep, with compressed copies whose original is gone, then the
    /// folders that leaves empty.
    pub fn remove_stale(&mut self) -> Result<(), String> {
        let made = |file: &str| self.found.get(file) == Some(&true);
        let mut stale: Vec<String> = self
            .found
            .keys()
            .filter(|file| {
                let original = COMPRESSED
                    .iter()
                    .find_map(|ext| file.strip_suffix(&format!(".{ext}")))
                    .unwrap_or(file);
                !made(original)
            })
            .cloned()
            .collect();
        stale.sort();
        let mut folders = BTreeSet::new();
        for file in &stale {
            let path = self.dist.join(file);
            fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            folders.extend(path.parent().map(Path::to_path_buf));
        }
        // Deepest first; a folder that is not empty stays (and so do those
        // above it).
        for folder in folders.iter().rev() {
            let mut folder = folder.as_path();
            while folder.starts_with(&self.dist)
                && folder != self.dist
                && fs::remove_dir(folder).is_ok()
            {
                folder = folder.parent().unwrap_or(&self.dist);
            }
        }
        self.counts.removed += stale.len();
        self.removed.extend(stale);
        Ok(())
    }

    /// Record the manifest beside the files (written whole, last: a build
    /// stopped halfway leaves the previous manifest, which still describes
    /// every file it kept). A shard writes its own part; a whole build
    /// takes the shards' parts into its manifest and removes them.
    pub fn finish(&mut self, manifest: &BuildManifest, shard: Option<Shard>) -> Result<(), String> {
        let name = match shard {
            Some(s) => format!("{SHARD_PREFIX}{}-of-{}.json", s.index, s.count),
            None => MANIFEST.to_string(),
        };
        // Streamed: at 10,000 articles its text is megabytes.
        write_whole_with(&self.dist.join(name), |out| {
            serde_json::to_writer(out, manifest).map_err(std::io::Error::other)
        })?;
        if shard.is_none() {
            for part in shard_manifests(&self.dist) {
                let path = self.dist.join(part);
                fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            }
        }
        Ok(())
    }
}

fn same_bytes(file: &Path, bytes: &[u8]) -> bool {
    match fs::metadata(file) {
        Ok(meta) if meta.len() == bytes.len() as u64 => {
            fs::read(file).is_ok_and(|old| old == bytes)
        }
        _ => false,
    }
}

/// Write through a temporary file in the same folder, renamed into place.
pub fn write_whole(file: &Path, bytes: &[u8]) -> Result<(), String> {
    write_whole_with(file, |out| out.write_all(bytes))
}

/// [`write_whole`] for bytes `write` produces as it goes.
pub fn write_whole_with(
    file: &Path,
    write: impl FnOnce(&mut std::io::BufWriter<fs::File>) -> std::io::Result<()>,
) -> Result<(), String> {
    let dir = file
        .parent()
        .ok_or_else(|| format!("{}: no folder", file.display()))?;
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let temporary = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    fs::File::create(&temporary)
        .and_then(|f| {
            let mut out = std::io::BufWriter::new(f);
            write(&mut out)?;
            out.into_inner().map_err(|e| e.into_error())?;
            fs::rename(&temporary, file)
        })
        .map_err(|e| {
            let _ = fs::remove_file(&temporary);
            format!("{}: {e}", file.display())
        })
}

/// Every file below `dir` (none if it is not there).
pub fn list_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(format!("{}: {e}", dir.display())),
    };
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            list_files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn relative(dist: &Path, file: &Path) -> String {
    file.strip_prefix(dist)
        .unwrap_or(file)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("newsview-output-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_file_with_the_same_bytes_is_not_rewritten() {
        let dist = folder("same");
        let mut out = Output::new(&dist, false).unwrap();
        out.write("a/x/index.html", b"one").unwrap();
        let before = fs::metadata(dist.join("a/x/index.html"))
            .unwrap()
            .modified()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let mut again = Output::new(&dist, false).unwrap();
        again.write("a/x/index.html", b"one").unwrap();
        let after = fs::metadata(dist.join("a/x/index.html"))
            .unwrap()
            .modified()
            .unwrap();
        assert_eq!(before, after);
        assert_eq!((again.counts.written, again.counts.kept), (0, 1));
        again.write("a/x/index.html", b"two").unwrap();
        assert_eq!(fs::read(dist.join("a/x/index.html")).unwrap(), b"two");
        assert_eq!(again.counts.written, 1);
        fs::remove_dir_all(dist).unwrap();
    }

    #[test]
    fn compressed_copies_of_old_bytes_go_when_a_file_changes() {
        let dist = folder("copies");
        let mut out = Output::new(&dist, false).unwrap();
        out.write("index.html", b"one").unwrap();
        write_whole(&dist.join("index.html.gz"), b"copy of one").unwrap();
        write_whole(&dist.join("index.html.br"), b"copy of one").unwrap();
        // Unchanged: its copies still match, and stay.
        out.write("index.html", b"one").unwrap();
        assert!(dist.join("index.html.gz").exists());
        out.write("index.html", b"two").unwrap();
        assert!(!dist.join("index.html.gz").exists() && !dist.join("index.html.br").exists());
        assert_eq!(out.removed, ["index.html.gz", "index.html.br"]);
        fs::remove_dir_all(dist).unwrap();
    }

    #[test]
    fn pages_and_copies_not_made_are_removed_with_their_folders() {
        let dist = folder("stale");
        for f in [
            "a/old/index.html",
            "a/old/index.html.gz",
            "a/new/index.html",
            "a/new/index.html.br",
            "index.html",
        ] {
            write_whole(&dist.join(f), b"x").unwrap();
        }
        let mut out = Output::new(&dist, false).unwrap();
        out.keep("a/new/index.html");
        out.remove_stale().unwrap();
        assert_eq!(out.removed, ["a/old/index.html", "a/old/index.html.gz"]);
        assert!(!dist.join("a/old").exists());
        assert!(dist.join("a/new/index.html.br").exists());
        // Outside `a/` is not the pages' folder: left alone.
        assert!(dist.join("index.html").exists());
        fs::remove_dir_all(dist).unwrap();
    }
}
