//! `--precompress`: `.gz` and `.br` copies beside every text file over
//! 1 KB in `dist/`, so a host that serves precompressed files (nginx
//! `gzip_static`/`brotli_static`, many CDNs) sends them as they are and can
//! send brotli. A copy at least as new as its file is kept: the build
//! leaves what it did not change untouched, so a rebuild compresses only
//! what it wrote. Copies whose file is gone (or shrank below 1 KB) go.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Files a host serves as text (or wasm), and so compresses.
const TEXT: [&str; 9] = [
    "html", "js", "css", "wasm", "json", "svg", "xml", "txt", "mjs",
];
const COPIES: [&str; 2] = ["gz", "br"];
/// Below one packet, compression saves nothing worth a second file.
const SMALLEST: u64 = 1024;

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Copies {
    pub written: usize,
    pub kept: usize,
    pub removed: usize,
}

/// Bring every copy in `dist` up to date, on every core.
pub fn run(dist: &Path) -> Result<Copies, String> {
    let mut files = Vec::new();
    crate::output::list_files(dist, &mut files)?;
    let mut copies = Copies::default();
    let mut stale = Vec::new();
    for file in &files {
        let name = file.to_string_lossy();
        if let Some(original) = COPIES
            .iter()
            .find_map(|ext| name.strip_suffix(&format!(".{ext}")))
        {
            if !Path::new(original).is_file() {
                remove(file)?;
                copies.removed += 1;
            }
            continue;
        }
        // The build's own record is not for readers.
        if !is_text(file) || name.contains(crate::output::MANIFEST_STEM) {
            continue;
        }
        let size = fs::metadata(file)
            .map_err(|e| format!("{}: {e}", file.display()))?
            .len();
        if size < SMALLEST {
            for ext in COPIES {
                let copy = with_extension(file, ext);
                if copy.exists() {
                    remove(&copy)?;
                    copies.removed += 1;
                }
            }
        } else if up_to_date(file) {
            copies.kept += 2;
        } else {
            stale.push(file.clone());
        }
    }
    compress_all(&stale)?;
    copies.written += 2 * stale.len();
    Ok(copies)
}

/// A build without `--precompress` writes no copies but must leave none
/// stale: every copy older than its file, or whose file is gone, is
/// removed (a host serving it would serve the old page); copies still
/// current stay for the next `--precompress`.
pub fn sweep(dist: &Path) -> Result<Copies, String> {
    let mut files = Vec::new();
    crate::output::list_files(dist, &mut files)?;
    let mut copies = Copies::default();
    for file in &files {
        let name = file.to_string_lossy();
        let Some(original) = COPIES
            .iter()
            .find_map(|ext| name.strip_suffix(&format!(".{ext}")))
        else {
            continue;
        };
        let original = Path::new(original);
        let current = original.is_file() && copy_current(original, file);
        if current {
            copies.kept += 1;
        } else {
            remove(file)?;
            copies.removed += 1;
        }
    }
    Ok(copies)
}

fn compress_all(files: &[PathBuf]) -> Result<(), String> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|scope| {
        let running: Vec<_> = files
            .chunks(files.len().div_ceil(workers).max(1))
            .map(|files| scope.spawn(move || files.iter().try_for_each(|f| compress(f))))
            .collect();
        running.into_iter().try_for_each(|worker| {
            worker
                .join()
                .unwrap_or_else(|_| Err("precompress: a thread failed".into()))
        })
    })
}

/// Both copies of `file`, written whole.
fn compress(file: &Path) -> Result<(), String> {
    let bytes = fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let gz = gzip
        .write_all(&bytes)
        .and_then(|()| gzip.finish())
        .map_err(|e| format!("{}: gzip: {e}", file.display()))?;
    let params = brotli::enc::BrotliEncoderParams {
        // Hashed files are few and never change: the slowest, smallest.
        // Pages change all day: quality 6 is within 1.2% of 9's size on an
        // article page at an eighth of the time (1.3 against 10 ms).
        quality: if is_hashed(file) { 11 } else { 6 },
        size_hint: bytes.len(),
        // A window just large enough for the file compresses it as well as
        // the largest, and a page's tables are then not megabytes to clear.
        lgwin: window_bits(bytes.len()),
        ..Default::default()
    };
    let mut br = Vec::new();
    brotli::BrotliCompress(&mut &bytes[..], &mut br, &params)
        .map_err(|e| format!("{}: brotli: {e}", file.display()))?;
    crate::output::write_whole(&with_extension(file, "gz"), &gz)?;
    crate::output::write_whole(&with_extension(file, "br"), &br)
}

/// The smallest brotli window (10 to 24 bits) that holds `len` bytes.
fn window_bits(len: usize) -> i32 {
    let bits = usize::BITS - len.max(1).leading_zeros();
    bits.clamp(10, 24) as i32
}

fn up_to_date(file: &Path) -> bool {
    COPIES
        .iter()
        .all(|ext| copy_current(file, &with_extension(file, ext)))
}

/// A copy at least as new as its file.
fn copy_current(file: &Path, copy: &Path) -> bool {
    let time = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    match (time(file), time(copy)) {
        (Some(made), Some(copied)) => copied >= made,
        _ => false,
    }
}

fn is_text(file: &Path) -> bool {
    file.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| TEXT.contains(&e))
}

/// trunk's and the reader's files: `name-<16 hex>[_bg].ext`.
fn is_hashed(file: &Path) -> bool {
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn with_extension(file: &Path, ext: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(format!(".{ext}"));
    PathBuf::from(name)
}

fn remove(file: &Path) -> Result<(), String> {
    fs::remove_file(file).map_err(|e| format!("{}: {e}", file.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read as _;

    #[test]
    fn copies_follow_their_files() {
        let dist =
            std::env::temp_dir().join(format!("newsview-precompress-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dist);
        fs::create_dir_all(dist.join("a/x")).unwrap();
        let page = "<p>news</p>".repeat(200);
        fs::write(dist.join("a/x/index.html"), &page).unwrap();
        fs::write(dist.join("small.json"), "{}").unwrap();
        fs::write(dist.join("card.png"), vec![0u8; 4000]).unwrap();
        fs::write(dist.join("gone.html.gz"), "old").unwrap();

        let first = run(&dist).unwrap();
        assert_eq!((first.written, first.removed), (2, 1));
        let mut text = String::new();
        flate2::read::GzDecoder::new(&fs::read(dist.join("a/x/index.html.gz")).unwrap()[..])
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, page);
        let mut text = Vec::new();
        brotli::BrotliDecompress(
            &mut &fs::read(dist.join("a/x/index.html.br")).unwrap()[..],
            &mut text,
        )
        .unwrap();
        assert_eq!(text, page.as_bytes());
        assert!(!dist.join("small.json.gz").exists() && !dist.join("card.png.gz").exists());

        // Nothing changed: nothing written. A file rewritten: its copies.
        assert_eq!(run(&dist).unwrap().written, 0);
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(dist.join("a/x/index.html"), "short").unwrap();
        let after = run(&dist).unwrap();
        assert_eq!((after.written, after.removed), (0, 2));

        // A build without --precompress after one with: a file changed in
        // place loses its copies, a file gone loses them, the rest stay.
        fs::write(dist.join("a/x/index.html"), &page).unwrap();
        fs::write(dist.join("kept.json"), "k".repeat(4000)).unwrap();
        assert_eq!(run(&dist).unwrap().written, 4);
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(
            dist.join("a/x/index.html"),
            page.replace("news", "corrected"),
        )
        .unwrap();
        fs::write(dist.join("gone.html.br"), "old").unwrap();
        let swept = sweep(&dist).unwrap();
        assert_eq!((swept.kept, swept.removed), (2, 3));
        assert!(
            !dist.join("a/x/index.html.gz").exists() && !dist.join("a/x/index.html.br").exists()
        );
        assert!(dist.join("kept.json.gz").exists() && dist.join("kept.json.br").exists());
        fs::remove_dir_all(dist).unwrap();
    }

    #[test]
    fn hashed_files_are_known_by_their_names() {
        assert!(is_hashed(Path::new("d/newsview-0123456789abcdef_bg.wasm")));
        assert!(is_hashed(Path::new("main-0123456789abcdef.css")));
        assert!(!is_hashed(Path::new("a/us-russia/index.html")));
        assert!(!is_hashed(Path::new("articles/gen-00001.json")));
    }
}
