//! `article-tool`: import plain-text articles as article JSON v1, and
//! validate article JSON files with the same checks the viewer runs.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use article::{load_article, load_manifest, Manifest, ManifestEntry, Severity, FORMAT_VERSION};
use article_tool::{import_bytes, Options, TopicList};

/// Allocation is much of an import's time (a string per run, id and path);
/// this allocator does it faster than the system's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "article-tool",
    version,
    about = "Import, validate and index news articles in article JSON v1, and generate test articles."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Turn articles copied from news web pages as text, or the saved pages
    /// themselves (HTML, told apart by content), into article JSON: writes
    /// <OUT>/<slug>.json for each and adds or updates their entries in
    /// <OUT>/index.json, once for the batch.
    ///
    /// A page gives its header from its metadata (JSON-LD, Open Graph) and
    /// its body from the element holding the story, with subheadings,
    /// quotes, lists and pictures (their captions and credits), without the
    /// page's navigation, asides, comments and adverts.
    ///
    /// The text starts with a headline, perhaps after a section label and
    /// before a date line (a text without them is imported with a warning).
    /// It may hold media and image notes, credits and captions (also run
    /// together on one line), social posts ("Skip Twitter post by …" … "End
    /// of Twitter post …"), analysis boxes ("Analysis box by …"), short lines
    /// standing alone as subheadings, paragraphs, and a closing "More on this
    /// story". Direct quotes are found and attributed to people or
    /// organisations by rules; a quote whose speaker cannot be decided is
    /// kept with no speaker and a warning. Warnings go to standard error and
    /// do not stop the import. A file that cannot be imported is reported and
    /// skipped; the others are written, and the exit status is 1.
    Import {
        /// Text or HTML files; `-` or nothing reads standard input.
        inputs: Vec<PathBuf>,
        /// Folder to write into; default: public/articles (the viewer's),
        /// when run from the project's folder.
        #[arg(long, conflicts_with = "stdout")]
        out: Option<PathBuf>,
        /// Print the article JSON to standard output instead of writing
        /// files (one input only).
        #[arg(long)]
        stdout: bool,
        /// Article id and file name (one input only); default: from the
        /// headline.
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
        /// For editors: what each line became and the rule that decided it,
        /// and each quote's speaker and rule (to standard output; to standard
        /// error with --stdout).
        #[arg(long)]
        explain: bool,
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
    /// Build the library's full-text search index for a folder of articles:
    /// reads <DIR>/index.json, its parts and every article they list, and
    /// writes <DIR>/search/ (the build does this for the bundled articles;
    /// run it after adding articles without a rebuild).
    Index { dir: PathBuf },
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
            inputs,
            out,
            stdout,
            slug,
            published,
            source,
            topics,
            explain,
        } => {
            let target = match (out, stdout) {
                (Some(dir), _) => Target::Folder(dir),
                (None, true) => Target::Stdout,
                // Run from the project, the viewer's own folder.
                (None, false) if Path::new(DEFAULT_OUT).is_dir() => {
                    Target::Folder(PathBuf::from(DEFAULT_OUT))
                }
                (None, false) => {
                    eprintln!(
                        "error: say where to write: --out DIR (e.g. {DEFAULT_OUT}) or --stdout"
                    );
                    return ExitCode::FAILURE;
                }
            };
            let options = Options {
                slug,
                published,
                source,
                topics: None,
                explain,
                page_folder: None,
            };
            match run_import(inputs, target, options, topics, explain) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("error: {message}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Validate { files } => validate_files(&files),
        Command::Index { dir } => match run_index(&dir) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::FAILURE
            }
        },
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

/// Index every article the folder's manifest lists; an article or part
/// that cannot be read is reported and left out (it keeps its number, so
/// the list and the index still agree).
fn run_index(dir: &Path) -> Result<(), String> {
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let manifest = |name: &str| {
        let text = read(name)?;
        load_manifest(name, &text).map_err(|e| e.to_string())
    };
    let (entries, skipped) = article::library::read_all("", manifest("index.json")?, manifest);
    let mut problems = skipped;
    let slugs: Vec<String> = entries.into_iter().map(|e| e.slug).collect();
    let out = dir.join(article::search::DIR);
    let write = |(path, json): (String, String)| {
        let path = out.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, json).map_err(|e| format!("{}: {e}", path.display()))
    };
    let mut builder = article::search::IndexBuilder::new(slugs.clone());
    let mut count = 0;
    for (doc, slug) in slugs.iter().enumerate() {
        let name = format!("{slug}.json");
        let loaded = read(&name).and_then(|text| {
            article::library::load_listed(&name, slug, &text).map_err(|e| e.to_string())
        });
        match loaded {
            Ok(loaded) => {
                write(builder.add(doc, loaded.article()))?;
                count += 1;
            }
            Err(e) => problems.push(e),
        }
    }
    for file in builder.files() {
        write(file)?;
        count += 1;
    }
    for p in &problems {
        eprintln!("skipped: {p}");
    }
    println!(
        "indexed {} articles into {} ({count} files)",
        slugs.len(),
        out.display()
    );
    Ok(())
}

/// Where `import` writes when not told: the viewer's articles, when run
/// from the project's folder.
const DEFAULT_OUT: &str = "public/articles";

enum Target {
    Folder(PathBuf),
    Stdout,
}

/// Import each input; write what imported (and the manifest, once); report
/// and skip what did not. Err when anything failed.
fn run_import(
    inputs: Vec<PathBuf>,
    target: Target,
    mut options: Options,
    topics: Option<PathBuf>,
    explain: bool,
) -> Result<(), String> {
    let inputs = if inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        inputs
    };
    if inputs.len() > 1 && (options.slug.is_some() || matches!(target, Target::Stdout)) {
        return Err("--slug and --stdout take one input; give --out DIR for several".into());
    }
    if let Some(path) = topics {
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        options.topics =
            Some(TopicList::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?);
    }
    let mut imported = Vec::new();
    let mut failed = 0;
    for input in &inputs {
        match import_one(input, &options) {
            Ok((name, article)) => {
                let at = |line: usize| match line {
                    0 => name.clone(),
                    n => format!("{name}: {} {n}", article.unit),
                };
                for w in &article.warnings {
                    eprintln!("warning: {}: {}", at(w.line), w.message);
                }
                if explain {
                    let lines: String = article
                        .explained
                        .iter()
                        .map(|e| format!("{}: {}\n", at(e.line), e.rule))
                        .collect();
                    match target {
                        Target::Stdout => eprint!("{lines}"),
                        Target::Folder(_) => print!("{lines}"),
                    }
                }
                imported.push(article);
            }
            Err(message) => {
                eprintln!("error: {message} (skipped)");
                failed += 1;
            }
        }
    }
    match target {
        Target::Stdout => {
            for i in imported.iter().filter(|i| !i.pictures.is_empty()) {
                eprintln!(
                    "warning: {} pictures beside the page are copied only when writing into a folder (--out); their addresses name those copies",
                    i.pictures.len()
                );
            }
            for i in &imported {
                print!(
                    "{}",
                    serde_json::to_string_pretty(&i.article).expect("articles serialise") + "\n"
                );
            }
        }
        Target::Folder(dir) => write_into(&dir, &imported)?,
    }
    match failed {
        0 => Ok(()),
        n => Err(format!(
            "{n} of {} inputs could not be imported",
            inputs.len()
        )),
    }
}

fn import_one(input: &Path, options: &Options) -> Result<(String, article_tool::Imported), String> {
    let (name, bytes) = if input == Path::new("-") {
        ("standard input".to_string(), read_stdin()?)
    } else {
        (
            input.display().to_string(),
            std::fs::read(input).map_err(|e| format!("{}: {e}", input.display()))?,
        )
    };
    // A saved page's pictures sit beside it (`page_files/`).
    let options = Options {
        page_folder: input.parent().filter(|_| input != Path::new("-")).map(|p| {
            if p.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                p.to_path_buf()
            }
        }),
        ..options.clone()
    };
    let imported = import_bytes(&bytes, &options).map_err(|e| format!("{name}: {e}"))?;
    Ok((name, imported))
}

/// Each article's file, then the manifest with all their entries.
fn write_into(dir: &Path, imported: &[article_tool::Imported]) -> Result<(), String> {
    if imported.is_empty() {
        return Ok(());
    }
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
    for i in imported {
        let entry = ManifestEntry::for_article(&i.article);
        manifest.articles.retain(|e| e.slug != entry.slug);
        manifest.articles.push(entry);
        copy_pictures(dir, &i.pictures)?;
        let json = serde_json::to_string_pretty(&i.article).expect("articles serialise") + "\n";
        let article_path = dir.join(format!("{}.json", i.article.id));
        write_atomically(&article_path, &json)?;
        remove_old_pictures(dir, &i.article.id, &i.pictures)?;
        eprintln!(
            "wrote {} ({} warnings)",
            article_path.display(),
            i.warnings.len()
        );
    }
    // Newest first (undated last); same-day articles keep their order.
    manifest.articles.sort_by(|a, b| {
        let date = |e: &article::ManifestEntry| e.published.as_ref().map(|d| d.text().to_string());
        date(b).cmp(&date(a))
    });
    let manifest_json =
        serde_json::to_string_pretty(&manifest).expect("manifests serialise") + "\n";
    write_atomically(&manifest_path, &manifest_json)?;
    eprintln!("updated {}", manifest_path.display());
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
/// A saved page's pictures, beside its article (`<dir>/<id>/<n>-<file>`),
/// each copied to a temporary name and renamed, before the article that
/// names them is written.
fn copy_pictures(dir: &Path, pictures: &[(PathBuf, String)]) -> Result<(), String> {
    for (from, name) in pictures {
        let to = dir.join(name);
        if let Some(folder) = to.parent() {
            std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        }
        let tmp = to.with_extension("tmp");
        std::fs::copy(from, &tmp).map_err(|e| format!("{}: {e}", from.display()))?;
        std::fs::rename(&tmp, &to).map_err(|e| format!("{}: {e}", to.display()))?;
    }
    Ok(())
}

/// Pictures an earlier import of the article copied and this one no
/// longer names, once the article that named them is replaced: nothing is
/// left behind for a picture the page dropped.
fn remove_old_pictures(dir: &Path, id: &str, kept: &[(PathBuf, String)]) -> Result<(), String> {
    let folder = dir.join(id);
    let Ok(listing) = std::fs::read_dir(&folder) else {
        return Ok(());
    };
    for entry in listing.flatten() {
        let name = format!("{id}/{}", entry.file_name().to_string_lossy());
        if entry.path().is_file() && !kept.iter().any(|(_, copy)| *copy == name) {
            std::fs::remove_file(entry.path()).map_err(|e| format!("{name}: {e}"))?;
        }
    }
    // The folder goes with its last picture.
    let _ = std::fs::remove_dir(&folder);
    Ok(())
}

fn write_atomically(path: &Path, text: &str) -> Result<(), String> {
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, text).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))
}

fn validate_files(files: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    for path in files {
        let name = path.display().to_string();
        // Read as a browser reads a response's text (bad bytes become
        // U+FFFD), so a file in another encoding gets the loader's message.
        let text = match std::fs::read(path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => {
                println!("{name}: {e}");
                failed = true;
                continue;
            }
        };
        // A manifest has "articles" at the top; anything else is an article,
        // whose id must be its file name (links and addresses use the id).
        let is_manifest = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .is_some_and(|v| v.get("articles").is_some());
        let result = if is_manifest {
            load_manifest(&name, &text).map(|_| Vec::new())
        } else {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            load_article(&name, &text)
                .and_then(|loaded| article::check_file_name(&name, stem, loaded))
                .map(|loaded| loaded.warnings().to_vec())
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
