//! What a rebuild needs of an article it keeps, without reading it: the
//! article file's stamp (size and modification time, the quick check
//! `rsync` makes), its fingerprint, and its search terms (the library's
//! index numbers every article, so every rebuild needs every article's
//! terms). Reading, checking and indexing every article was most of a
//! rebuild of a large archive; an article whose file has the stamp it had
//! is now only looked up here.
//!
//! One line per article: `slug \t stamp \t fingerprint \t terms…`. The
//! file is this machine's (stamps are its files' times), so it is not
//! published and not part of what shards must agree on; a missing or
//! damaged file only makes the next build read every article again.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use sha2::Digest as _;

/// The cache's file, in `dist/`.
pub const FILE: &str = "build-manifest.search";

/// What the file at `path` is now: its size and modification time; `None`
/// while it may still change unseen (see [`settled`]).
pub fn stamp(path: &Path) -> Option<String> {
    let meta = fs::metadata(path).ok()?;
    let modified = settled(&meta)?;
    let since = modified.duration_since(std::time::UNIX_EPOCH).ok()?;
    Some(format!("{}:{}", meta.len(), since.as_nanos()))
}

/// How long ago a file must have been modified for its time to tell it
/// apart from its next edit.
const SETTLED: std::time::Duration = std::time::Duration::from_secs(2);

/// The file's modification time, if it is old enough to trust. File times
/// advance in coarse steps (a few milliseconds), so a file saved again, at
/// the same size, within the step it was read in would look unchanged
/// (git's "racily clean" entries); a time that recent is not trusted, and
/// the file is read again next time.
pub fn settled(meta: &fs::Metadata) -> Option<std::time::SystemTime> {
    let modified = meta.modified().ok()?;
    let age = std::time::SystemTime::now().duration_since(modified).ok()?;
    (age >= SETTLED).then_some(modified)
}

/// The last build's cache: where each article's line is, read on demand.
pub struct Previous {
    file: Option<File>,
    lines: HashMap<String, Line>,
    digest: Vec<u8>,
}

struct Line {
    stamp: String,
    source: String,
    /// Where its terms are in the file.
    terms: (u64, usize),
}

impl Previous {
    /// An empty cache: every article is read.
    pub fn none() -> Previous {
        Previous {
            file: None,
            lines: HashMap::new(),
            digest: Vec::new(),
        }
    }

    pub fn read(dist: &Path) -> Previous {
        let path = dist.join(FILE);
        let Ok(file) = File::open(&path) else {
            return Previous::none();
        };
        let mut lines = HashMap::new();
        let mut digest = sha2::Sha256::new();
        let mut reader = BufReader::new(&file);
        let (mut offset, mut line) = (0u64, String::new());
        while reader.read_line(&mut line).is_ok_and(|n| n > 0) {
            digest.update(line.as_bytes());
            if let Some((slug, entry)) = parse(&line, offset) {
                lines.insert(slug, entry);
            }
            offset += line.len() as u64;
            line.clear();
        }
        Previous {
            file: Some(file),
            lines,
            digest: digest.finalize().to_vec(),
        }
    }

    /// The stamp and fingerprint the article `slug` had.
    pub fn stamp(&self, slug: &str) -> Option<(&str, &str)> {
        self.lines
            .get(slug)
            .map(|l| (l.stamp.as_str(), l.source.as_str()))
    }

    /// The article's search terms, as the last build found them.
    pub fn terms(&self, slug: &str) -> Option<String> {
        let line = self.lines.get(slug)?;
        let (offset, len) = line.terms;
        let mut bytes = vec![0; len];
        let mut file = self.file.as_ref()?;
        file.seek(SeekFrom::Start(offset)).ok()?;
        file.read_exact(&mut bytes).ok()?;
        String::from_utf8(bytes).ok()
    }
}

/// `slug \t stamp \t source \t terms\n`, its terms' place in the file.
fn parse(line: &str, offset: u64) -> Option<(String, Line)> {
    let body = line.strip_suffix('\n')?;
    let mut fields = body.splitn(4, '\t');
    let (slug, stamp, source) = (fields.next()?, fields.next()?, fields.next()?);
    let terms = fields.next()?;
    let start = offset + (body.len() - terms.len()) as u64;
    Some((
        slug.to_string(),
        Line {
            stamp: stamp.to_string(),
            source: source.to_string(),
            terms: (start, terms.len()),
        },
    ))
}

/// This build's cache, written line by line as articles are indexed, and
/// put in place only if it differs from the last one (a build with nothing
/// changed writes nothing).
pub struct Next {
    path: PathBuf,
    temporary: PathBuf,
    out: BufWriter<File>,
    digest: sha2::Sha256,
}

impl Next {
    pub fn create(dist: &Path) -> Result<Next, String> {
        let path = dist.join(FILE);
        let temporary = dist.join(format!(".{FILE}.new"));
        let file = File::create(&temporary).map_err(|e| format!("{}: {e}", temporary.display()))?;
        Ok(Next {
            path,
            temporary,
            out: BufWriter::new(file),
            digest: sha2::Sha256::new(),
        })
    }

    /// One article's line. Terms hold no whitespace (they are words).
    pub fn add(
        &mut self,
        slug: &str,
        stamp: &str,
        source: &str,
        terms: &str,
    ) -> Result<(), String> {
        let line = format!("{slug}\t{stamp}\t{source}\t{terms}\n");
        self.digest.update(line.as_bytes());
        self.out
            .write_all(line.as_bytes())
            .map_err(|e| format!("{}: {e}", self.temporary.display()))
    }

    /// Into place, unless it says what `previous` said.
    pub fn finish(self, previous: &Previous) -> Result<(), String> {
        let Next {
            path,
            temporary,
            out,
            digest,
        } = self;
        out.into_inner()
            .map_err(|e| format!("{}: {e}", temporary.display()))?
            .sync_all()
            .map_err(|e| format!("{}: {e}", temporary.display()))?;
        if previous.file.is_some() && digest.finalize().as_slice() == previous.digest.as_slice() {
            return fs::remove_file(&temporary)
                .map_err(|e| format!("{}: {e}", temporary.display()));
        }
        fs::rename(&temporary, &path).map_err(|e| format!("{}: {e}", path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "newsview-search-cache-{name}-{}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_line_is_found_again_by_its_slug() {
        let dir = dist("found");
        let mut next = Next::create(&dir).unwrap();
        next.add("one", "10:5", "aa", "talks geneva").unwrap();
        next.add("two", "12:7", "bb", "").unwrap();
        next.finish(&Previous::none()).unwrap();
        let previous = Previous::read(&dir);
        assert_eq!(previous.stamp("one"), Some(("10:5", "aa")));
        assert_eq!(previous.terms("one").as_deref(), Some("talks geneva"));
        assert_eq!(previous.terms("two").as_deref(), Some(""));
        assert_eq!(previous.stamp("three"), None);
    }

    #[test]
    fn the_same_lines_leave_the_file_as_it_was() {
        let dir = dist("same");
        let mut next = Next::create(&dir).unwrap();
        next.add("one", "10:5", "aa", "talks").unwrap();
        next.finish(&Previous::none()).unwrap();
        let written = fs::metadata(dir.join(FILE)).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let previous = Previous::read(&dir);
        let mut next = Next::create(&dir).unwrap();
        next.add("one", "10:5", "aa", "talks").unwrap();
        next.finish(&previous).unwrap();
        assert_eq!(
            fs::metadata(dir.join(FILE)).unwrap().modified().unwrap(),
            written
        );
        assert!(!dir.join(format!(".{FILE}.new")).exists());
        // A change is written.
        let mut next = Next::create(&dir).unwrap();
        next.add("one", "11:6", "ab", "talks").unwrap();
        next.finish(&previous).unwrap();
        assert_eq!(Previous::read(&dir).stamp("one"), Some(("11:6", "ab")));
    }

    #[test]
    fn a_damaged_file_counts_for_what_it_still_says() {
        let dir = dist("damaged");
        fs::write(
            dir.join(FILE),
            "one\t1:1\taa\tword\ntwo\tbroken\nthree\t3:3\tcc\tthird",
        )
        .unwrap();
        let previous = Previous::read(&dir);
        assert_eq!(previous.terms("one").as_deref(), Some("word"));
        assert_eq!(previous.stamp("two"), None);
        // Cut off mid-line: not trusted.
        assert_eq!(previous.stamp("three"), None);
    }
}
