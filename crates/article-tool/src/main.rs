//! `article-tool`: import plain-text articles as article JSON v1, and
//! validate article JSON files with the same checks the viewer runs.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use article::{load_article, load_manifest, Manifest, ManifestEntry, Severity, FORMAT_VERSION};
use article_tool::{import_bytes, Options, TopicList};
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "article-tool",
    version,
    about = "Import and validate news articles in article JSON v1."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Turn a plain-text article (as copied from a news web page) into
    /// article JSON: writes <OUT>/<slug>.json and adds or updates its entry in
    /// <OUT>/index.json.
    ///
    /// The text starts with a section label line and a headline; then
    /// optionally a date line. It may hold "Media playback is unsupported on
    /// your device" followed by a "Media caption…" line, "Image caption…"
    /// lines, short lines standing alone as subheadings ('Future work'),
    /// paragraphs, and a closing "More on this story". Direct quotes are
    /// found and attributed by rules; a quote whose speaker cannot be decided
    /// is kept with no speaker and a warning. Warnings go to standard error
    /// and do not stop the import; errors exit with status 1 and write
    /// nothing.
    Import {
        /// The text file; `-` or nothing reads standard input.
        input: Option<PathBuf>,
        /// Folder to write into (the viewer's is public/articles).
        #[arg(long, conflicts_with = "stdout")]
        out: Option<PathBuf>,
        /// Print the article JSON to standard output instead of writing files.
        #[arg(long)]
        stdout: bool,
        /// Article id and file name; default: from the headline.
        #[arg(long)]
        slug: Option<String>,
        /// Publication date, YYYY-MM-DD; default: a date line under the headline.
        #[arg(long)]
        published: Option<String>,
        /// Publisher name, e.g. "BBC News".
        #[arg(long)]
        source: Option<String>,
        /// Topic keyword list: one `id | label | keyword, keyword` a line.
        #[arg(long)]
        topics: Option<PathBuf>,
    },
    /// Write synthetic articles and a manifest (split into parts) for load and
    /// performance tests. Deterministic: the same options give the same files.
    Generate {
        /// How many articles.
        #[arg(long, default_value_t = 100)]
        articles: usize,
        /// Paragraphs in each article.
        #[arg(long, default_value_t = 6)]
        paragraphs: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Folder to write into.
        #[arg(long)]
        out: PathBuf,
        /// File names are <PREFIX>-00001.json, …; with --articles 1, exactly <PREFIX>.json.
        #[arg(long, default_value = "gen")]
        prefix: String,
        /// Entries in index.json, the part the first screen waits for.
        #[arg(long, default_value_t = 50)]
        first_part: usize,
        /// Entries in each further part (index-2.json, …).
        #[arg(long, default_value_t = 1000)]
        part_size: usize,
    },
    /// Check article JSON files (or manifests) and print every problem as
    /// `file: path: message`. Exit status 1 if any file has an error.
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Import {
            input,
            out,
            stdout,
            slug,
            published,
            source,
            topics,
        } => {
            match run_import(
                input,
                out,
                stdout,
                Options {
                    slug,
                    published,
                    source,
                    topics: None,
                },
                topics,
            ) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("error: {message}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Validate { files } => validate_files(&files),
        Command::Generate {
            articles,
            paragraphs,
            seed,
            out,
            prefix,
            first_part,
            part_size,
        } => {
            match run_generate(
                articles, paragraphs, seed, &out, &prefix, first_part, part_size,
            ) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("error: {message}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

fn run_import(
    input: Option<PathBuf>,
    out: Option<PathBuf>,
    stdout: bool,
    mut options: Options,
    topics: Option<PathBuf>,
) -> Result<(), String> {
    if out.is_none() && !stdout {
        return Err("say where to write: --out DIR (e.g. public/articles) or --stdout".into());
    }
    let (name, bytes) = match input.as_deref() {
        None => ("standard input".to_string(), read_stdin()?),
        Some(p) if p == Path::new("-") => ("standard input".to_string(), read_stdin()?),
        Some(p) => (
            p.display().to_string(),
            std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?,
        ),
    };
    if let Some(path) = topics {
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        options.topics =
            Some(TopicList::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?);
    }
    let imported = import_bytes(&bytes, &options).map_err(|e| format!("{name}: {e}"))?;
    for w in &imported.warnings {
        eprintln!("warning: {name}: {w}");
    }
    let json = serde_json::to_string_pretty(&imported.article).expect("articles serialise") + "\n";
    let Some(dir) = out else {
        print!("{json}");
        return Ok(());
    };
    // Read and check the manifest before writing anything.
    let manifest_path = dir.join("index.json");
    let mut manifest = match std::fs::read_to_string(&manifest_path) {
        Ok(text) => {
            load_manifest(&manifest_path.display().to_string(), &text).map_err(|e| e.to_string())?
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Manifest {
            format: FORMAT_VERSION,
            total: None,
            articles: Vec::new(),
            more: Vec::new(),
        },
        Err(e) => return Err(format!("{}: {e}", manifest_path.display())),
    };
    if !manifest.more.is_empty() {
        return Err(format!(
            "{} is split into parts (a generated library); import into a folder with a plain manifest",
            manifest_path.display()
        ));
    }
    let entry = ManifestEntry::for_article(&imported.article);
    manifest.articles.retain(|e| e.slug != entry.slug);
    manifest.articles.push(entry);
    // Newest first; same-day articles keep their order.
    manifest
        .articles
        .sort_by(|a, b| b.published.cmp(&a.published));
    let manifest_json =
        serde_json::to_string_pretty(&manifest).expect("manifests serialise") + "\n";
    let article_path = dir.join(format!("{}.json", imported.article.id));
    write_atomically(&article_path, &json)?;
    write_atomically(&manifest_path, &manifest_json)?;
    eprintln!(
        "wrote {} ({} warnings) and updated {}",
        article_path.display(),
        imported.warnings.len(),
        manifest_path.display()
    );
    Ok(())
}

fn run_generate(
    count: usize,
    paragraphs: usize,
    seed: u64,
    out: &Path,
    prefix: &str,
    first_part: usize,
    part_size: usize,
) -> Result<(), String> {
    if !article::validate::is_valid_id(prefix) {
        return Err(format!(
            "--prefix \"{prefix}\" must use only a-z, 0-9 and '-'"
        ));
    }
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut entries = Vec::with_capacity(count);
    for n in 0..count {
        let slug = if count == 1 {
            prefix.to_string()
        } else {
            format!("{prefix}-{:05}", n + 1)
        };
        let a = article_tool::generate::article(&slug, n, paragraphs, seed);
        let json = serde_json::to_string(&a).expect("articles serialise");
        write_atomically(&out.join(format!("{slug}.json")), &json)?;
        entries.push(ManifestEntry::for_article(&a));
    }
    for (name, manifest) in article_tool::generate::manifests(entries, first_part, part_size) {
        let json = serde_json::to_string(&manifest).expect("manifests serialise");
        write_atomically(&out.join(name), &json)?;
    }
    eprintln!(
        "wrote {count} articles of {paragraphs} paragraphs and their manifest to {}",
        out.display()
    );
    Ok(())
}

fn read_stdin() -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("standard input: {e}"))?;
    Ok(bytes)
}

/// Write to a temporary file beside the target, then rename: a reader never
/// sees half a file.
fn write_atomically(path: &Path, text: &str) -> Result<(), String> {
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, text).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))
}

fn validate_files(files: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    for path in files {
        let name = path.display().to_string();
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                println!("{name}: {e}");
                failed = true;
                continue;
            }
        };
        // A manifest has "articles" at the top; anything else is an article.
        let is_manifest = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .is_some_and(|v| v.get("articles").is_some());
        let result = if is_manifest {
            load_manifest(&name, &text).map(|_| Vec::new())
        } else {
            load_article(&name, &text).map(|loaded| loaded.warnings)
        };
        match result {
            Ok(warnings) => {
                for w in &warnings {
                    debug_assert_eq!(w.severity, Severity::Warning);
                    println!("{name}: warning: {w}");
                }
                println!("{name}: ok");
            }
            Err(e) => {
                println!("{e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
