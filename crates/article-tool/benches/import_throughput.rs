//! Importer throughput on a large generated input, against a baseline
//! measured in the same run: reading the same bytes as UTF-8 lines and
//! finding their quotation marks, which any importer must do at least.
//!
//! Run: `cargo bench -p article-tool` (figures vary with the machine; the
//! ratio is what to compare).

use std::hint::black_box;
use std::time::{Duration, Instant};

use article_tool::{import_bytes, Options};

/// Allocation is much of an import's time (a string per run, id and path);
/// this allocator does it faster than the system's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A deterministic article of about `target` bytes in the seed's web-page
/// text form: subheadings, captions, attributed and unattributed quotes.
fn generate(target: usize, mut seed: u64) -> String {
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    const FIRST: [&str; 8] = [
        "Anna", "Boris", "Carla", "David", "Elena", "Farid", "Greta", "Hugo",
    ];
    const LAST: [&str; 8] = [
        "Lind", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Silva",
    ];
    const ROLES: [&str; 5] = [
        "Foreign Minister",
        "Defence Secretary",
        "Mayor",
        "Trade Commissioner",
        "Union leader",
    ];
    const NATION: [&str; 4] = ["US", "Russian", "French", "German"];
    const FILLER: [&str; 6] = [
        "The talks continued late into the evening, officials said",
        "Both sides agreed to meet again before the end of the year",
        "Markets were calm after the announcement on Tuesday",
        "Critics said the plan did not go far enough",
        "The committee will publish its findings next month",
        "Several delegations left before the final session",
    ];
    let mut out = String::with_capacity(target + 4096);
    out.push_str("World\n\nLeaders meet for another round of talks\n\n1 March 2024\n\n");
    out.push_str("Media playback is unsupported on your device\nMedia captionThe talks opened with a statement\n\n");
    let mut n = 0;
    while out.len() < target {
        n += 1;
        let (f, l) = (FIRST[next(8)], LAST[next(8)]);
        match next(6) {
            0 => out.push_str(&format!(
                "{} {} {f} {l} said the meeting had been \"useful and frank\" and that more work was needed.\n\n",
                NATION[next(4)],
                ROLES[next(5)]
            )),
            1 => out.push_str(&format!(
                "\"We have made progress on {} points, but not on all of them,\" Mr {l} said.\n\n",
                next(90) + 2
            )),
            2 => out.push_str(&format!(
                "\u{201c}Nobody expected an agreement today,\u{201d} {} added, before leaving.\n\n",
                if next(2) == 0 { "she" } else { "he" }
            )),
            3 => out.push_str(&format!("{}. {}.\n\n", FILLER[next(6)], FILLER[next(6)])),
            4 if n % 40 == 0 => out.push_str(&format!("'Round {n}'\n\n")),
            4 => out.push_str("Image caption Delegates arriving for the session\n\n"),
            _ => out.push_str("Some called the outcome \"a step\" in the right direction.\n\n"),
        }
    }
    out.push_str("More on this story\n");
    out
}

/// The generated text as a saved news page: metadata, navigation, the
/// story's paragraphs in an `<article>`, related links, comments, footer.
fn as_page(text: &str) -> String {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let section = lines.next().unwrap_or("World");
    let headline = lines.next().unwrap_or("Headline");
    let escape = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;");
    let mut page = format!(
        "<!doctype html><html lang=\"en\"><head><title>{h}</title><meta property=\"og:title\" content=\"{h}\"><meta property=\"article:section\" content=\"{section}\"><meta property=\"article:published_time\" content=\"2024-03-01T09:00:00Z\"></head><body><nav class=\"site-nav\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li></ul></nav><main><article><h1>{h}</h1><div class=\"story-body\">",
        h = escape(headline)
    );
    for (n, line) in lines.enumerate() {
        if n % 50 == 49 {
            page.push_str("<aside class=\"related\"><h3>Related</h3><ul><li><a href=\"/x\">Another story</a></li></ul></aside>");
        }
        if line.starts_with("Image caption") {
            page.push_str(&format!("<figure><img src=\"https://img.example/{n}.jpg\" alt=\"\"><figcaption>{}</figcaption></figure>", escape(line)));
        } else {
            page.push_str(&format!("<p>{}</p>", escape(line)));
        }
    }
    page.push_str("</div></article><section class=\"comments\"><p>A reader's comment on the story.</p></section></main><footer><p>Copyright</p></footer></body></html>");
    page
}

/// What any importer has to do at least: check UTF-8, split lines, find quotes.
fn baseline(bytes: &[u8]) -> usize {
    let text = std::str::from_utf8(bytes).expect("generated text is UTF-8");
    text.lines()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .map(|l| {
            l.chars()
                .filter(|&c| c == '"' || c == '\u{201c}' || c == '\u{201d}')
                .count()
        })
        .sum()
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(rounds: usize, mut f: impl FnMut() -> T) -> Duration {
    let runs = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    median(runs)
}

fn main() {
    let options = Options {
        source: Some("Benchmark".into()),
        ..Options::default()
    };
    println!("| input | size | import MB/s | baseline MB/s | import time / baseline time |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    for (label, size, rounds) in [
        ("one 1 MB article", 1 << 20, 9),
        ("one 20 MB article", 20 << 20, 5),
    ] {
        let text = generate(size, 0x9e37_79b9_7f4a_7c15);
        let bytes = text.as_bytes();
        let imported = import_bytes(bytes, &options).expect("the generated article imports");
        assert!(imported.article.paragraphs().count() > 1000 || size < (2 << 20));
        let t_import = time(rounds, || {
            import_bytes(bytes, &options).map(|i| i.article.sections.len())
        });
        let t_base = time(rounds, || baseline(bytes));
        let mb = bytes.len() as f64 / (1 << 20) as f64;
        println!(
            "| {label} | {mb:.1} MB | {:.1} | {:.1} | {:.1}x |",
            mb / t_import.as_secs_f64(),
            mb / t_base.as_secs_f64(),
            t_import.as_secs_f64() / t_base.as_secs_f64(),
        );
    }
    // Saved web pages: the same articles as HTML, in a page with the
    // furniture a news site puts around a story, against parsing the page
    // alone (what any HTML importer has to do at least).
    for (label, size, rounds) in [
        ("one 1 MB page", 1 << 20, 9),
        ("one 20 MB page", 20 << 20, 3),
    ] {
        let page = as_page(&generate(size, 0x9e37_79b9_7f4a_7c15));
        let bytes = page.as_bytes();
        let imported = import_bytes(bytes, &options).expect("the generated page imports");
        assert!(imported.article.paragraphs().count() > 100);
        let t_import = time(rounds, || {
            import_bytes(bytes, &options).map(|i| i.article.sections.len())
        });
        let t_base = time(rounds, || {
            scraper::Html::parse_document(&page).tree.nodes().count()
        });
        let mb = bytes.len() as f64 / (1 << 20) as f64;
        println!(
            "| {label} | {mb:.1} MB | {:.1} | {:.1} (parsing only) | {:.1}x |",
            mb / t_import.as_secs_f64(),
            mb / t_base.as_secs_f64(),
            t_import.as_secs_f64() / t_base.as_secs_f64(),
        );
    }
    // Many small articles, as a newsroom would convert them.
    let articles: Vec<String> = (0..2000).map(|i| generate(4 * 1024, 1 + i)).collect();
    let total: usize = articles.iter().map(String::len).sum();
    let t_import = time(3, || {
        articles
            .iter()
            .filter(|a| import_bytes(a.as_bytes(), &options).is_ok())
            .count()
    });
    let t_base = time(3, || {
        articles
            .iter()
            .map(|a| baseline(a.as_bytes()))
            .sum::<usize>()
    });
    let mb = total as f64 / (1 << 20) as f64;
    println!(
        "| 2,000 articles of 4 KB | {mb:.1} MB | {:.1} ({:.0} articles/s) | {:.1} | {:.1}x |",
        mb / t_import.as_secs_f64(),
        2000.0 / t_import.as_secs_f64(),
        mb / t_base.as_secs_f64(),
        t_import.as_secs_f64() / t_base.as_secs_f64(),
    );

    // The same 2,000 files through the command line, end to end (read,
    // import, write each file, one manifest), against copying them.
    let dir = std::env::temp_dir().join(format!("article-tool-bench-{}", std::process::id()));
    let (inputs, out) = (dir.join("in"), dir.join("out"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&inputs).unwrap();
    let files: Vec<std::path::PathBuf> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let path = inputs.join(format!("{i:04}.txt"));
            std::fs::write(&path, a).unwrap();
            path
        })
        .collect();
    let t_cli = time(3, || {
        let _ = std::fs::remove_dir_all(&out);
        std::fs::create_dir_all(&out).unwrap();
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_article-tool"))
            .arg("import")
            .args(&files)
            .args(["--source", "Benchmark", "--out"])
            .arg(&out)
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        usize::from(status.success())
    });
    let t_copy = time(3, || {
        let _ = std::fs::remove_dir_all(&out);
        std::fs::create_dir_all(&out).unwrap();
        files
            .iter()
            .map(|f| std::fs::copy(f, out.join(f.file_name().unwrap())).unwrap() as usize)
            .sum::<usize>()
    });
    println!(
        "| 2,000 files of 4 KB, `import … --out` end to end | {mb:.1} MB | {:.1} | {:.1} (copying the files) | {:.1}x |",
        mb / t_cli.as_secs_f64(),
        mb / t_copy.as_secs_f64(),
        t_cli.as_secs_f64() / t_copy.as_secs_f64(),
    );
    let _ = std::fs::remove_dir_all(&dir);
}
