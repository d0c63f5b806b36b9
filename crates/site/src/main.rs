//! `newsview-site`: writes every page of the site into a built `dist/`
//! (trunk's output, or trunk's staging folder when run as its post-build
//! hook), rendering only what changed since the last build.
//!
//! ```text
//! newsview-site [--articles DIR] [--shard K/N] [--precompress] [--full] [--list] [DIST]
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use newsview_site::{build, Options, Report, Settings, Shard, Site};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str =
    "usage: newsview-site [--articles DIR] [--shard K/N] [--precompress] [--full] [--list] [DIST]
  DIST            a dist/ trunk built (default: TRUNK_STAGING_DIR, as trunk's hook)
  --articles DIR  publish DIR's articles (its index.json and article files):
                  copied into DIST/articles, where files not in DIR are removed;
                  the list there names only the articles that have a page
  --shard K/N     only shard K of N of the articles' pages and cards; then a
                  build without --shard on the shards' outputs put together
                  keeps them and writes the home page, search index, sitemap
  --precompress    .gz and .br copies of every text file over 1 KB, for hosts
                  that serve them as they are (only what changed is compressed);
                  without it, copies older than their file are removed
  --full          render and write everything, whatever the last build recorded
  --list          name every file written and removed, not only how many
settings: NEWSVIEW_BASE_URL, NEWSVIEW_SITE_NAME, NEWSVIEW_IMAGE_HOSTS (see the README)";

fn main() -> ExitCode {
    let mut options = Options::default();
    let mut dist = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--full" => options.full = true,
            "--shard" => match args.next().map(|s| Shard::parse(&s)) {
                Some(Ok(shard)) => options.shard = Some(shard),
                Some(Err(e)) => {
                    eprintln!("newsview-site: {e}\n{USAGE}");
                    return ExitCode::from(2);
                }
                None => {
                    eprintln!("newsview-site: --shard needs K/N\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--articles" => match args.next() {
                Some(dir) => options.articles = Some(PathBuf::from(dir)),
                None => {
                    eprintln!("newsview-site: --articles needs a folder\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--list" => options.list = true,
            "--precompress" => options.precompress = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            flag if flag.starts_with('-') => {
                eprintln!("newsview-site: unknown option {flag}\n{USAGE}");
                return ExitCode::from(2);
            }
            path if dist.is_none() => dist = Some(PathBuf::from(path)),
            extra => {
                eprintln!("newsview-site: one folder only, not also {extra}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(dist) = dist.or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from))
    else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let list = options.list;
    let result = Site::from_env().and_then(|site| build(&dist, &Settings { site, options }));
    match result {
        Ok(report) => {
            print_report(&report, list);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("newsview-site: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The files are what a site owner uploads: named when few (or asked).
const NAMED: usize = 20;

fn print_report(r: &Report, list: bool) {
    for problem in &r.skipped {
        eprintln!("newsview-site: skipped {problem}");
    }
    println!(
        "newsview-site: {} articles ({} rendered: {} quote pages, {} event pages); cards: {} drawn, {} kept; files: {} written, {} kept, {} removed; {:.1} s ({:.1} s drawing cards, summed over threads){}",
        r.articles,
        r.rendered,
        r.quote_pages,
        r.event_pages,
        r.cards_drawn,
        r.cards_kept,
        r.files.written,
        r.files.kept,
        r.files.removed,
        r.seconds,
        r.card_seconds,
        match r.skipped.len() {
            0 => String::new(),
            n => format!("; {n} skipped"),
        }
    );
    if r.still_listed > 0 {
        eprintln!(
            "newsview-site: {} skipped article(s) still listed on the home page: the list read is DIST/articles/index.json, the only copy, which the build never rewrites; publish with --articles DIR to list only what has a page",
            r.still_listed
        );
    }
    let c = &r.copies;
    if c.written + c.kept + c.removed > 0 {
        println!(
            "newsview-site: compressed copies: {} written, {} kept, {} removed",
            c.written, c.kept, c.removed
        );
    }
    for (verb, files) in [("written", &r.written), ("removed", &r.removed)] {
        if list || files.len() <= NAMED {
            for file in files {
                println!("  {verb} {file}");
            }
        }
    }
}
