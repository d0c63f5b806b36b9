//! The site build on a small `dist/` (a stand-in for trunk's output and two
//! real articles): a build after a change writes only what the change
//! touched, keeps everything else byte for byte and time for time, and
//! leaves no page behind that its data no longer makes.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use newsview_site::{build, Options, Report, Settings, Site};
use serde_json::Value;

const SEED: &str = "us-russia-talks-despite-collisions";
const OTHER: &str = "fixture-harbour-strike";

/// trunk's page as it writes it: the style sheet, the app's preloads and
/// its start-up script (names and hashes are stand-ins).
const TRUNK_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="newsview-root" content="./" />
    <title>Newsview</title>
    <link rel="stylesheet" href="./main-00112233aabbccdd.css" />
    <link rel="modulepreload" href="./newsview-0011223344556677.js" crossorigin="anonymous" /><link rel="preload" href="./newsview-0011223344556677_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm" />
    <script type="module">
import init, * as bindings from './newsview-0011223344556677.js';
const wasm = await init({ module_or_path: './newsview-0011223344556677_bg.wasm' });
window.wasmBindings = bindings;
</script>
  </head>
  <body>
    <div id="page_app"><p id="page_boot">Loading…</p><!--/app--></div>
  </body>
</html>
"#;

struct Dist(PathBuf);

impl Drop for Dist {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

impl Dist {
    /// A built app with two articles in its manifest.
    fn new(name: &str) -> Dist {
        let dir = std::env::temp_dir().join(format!("newsview-site-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let dist = Dist(dir);
        dist.put("index.html", TRUNK_PAGE);
        dist.put("main-00112233aabbccdd.css", "body{margin:0}");
        dist.put(
            "newsview-0011223344556677.js",
            "export default function(){}",
        );
        dist.put("newsview-0011223344556677_bg.wasm", "\0asm");
        dist.put("reader-8899aabbccddeeff.js", "export default function(){}");
        dist.put("reader-8899aabbccddeeff_bg.wasm", "\0asm");
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let seed = fs::read_to_string(root.join(format!("public/articles/{SEED}.json"))).unwrap();
        let other =
            fs::read_to_string(root.join(format!("tests/fixtures/articles/{OTHER}.json"))).unwrap();
        dist.put(&format!("articles/{SEED}.json"), &seed);
        dist.put(&format!("articles/{OTHER}.json"), &other);
        dist.list(&[SEED, OTHER]);
        dist
    }

    fn path(&self, file: &str) -> PathBuf {
        self.0.join(file)
    }

    fn put(&self, file: &str, text: &str) {
        let path = self.path(file);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    /// The manifest, listing `slugs` (headlines read from the articles).
    fn list(&self, slugs: &[&str]) {
        let entries: Vec<Value> = slugs
            .iter()
            .map(|slug| {
                let a = self.article(slug);
                serde_json::json!({ "slug": slug, "headline": a["headline"], "published": a["published"] })
            })
            .collect();
        let manifest = serde_json::json!({ "format": 1, "articles": entries });
        self.put("articles/index.json", &manifest.to_string());
    }

    fn article(&self, slug: &str) -> Value {
        let text = fs::read_to_string(self.path(&format!("articles/{slug}.json"))).unwrap();
        serde_json::from_str(&text).unwrap()
    }

    fn edit(&self, slug: &str, change: impl FnOnce(&mut Value)) {
        let mut a = self.article(slug);
        change(&mut a);
        self.put(&format!("articles/{slug}.json"), &a.to_string());
    }

    fn build(&self, full: bool) -> Report {
        let site = Site::new(None, Some("https://news.example.org/"), "").unwrap();
        let options = Options {
            full,
            ..Options::default()
        };
        build(&self.0, &Settings { site, options }).unwrap()
    }

    /// Every file with its modification time.
    fn files(&self) -> BTreeMap<String, SystemTime> {
        fn walk(dir: &Path, base: &Path, out: &mut BTreeMap<String, SystemTime>) {
            for entry in fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, base, out);
                } else {
                    let name = path
                        .strip_prefix(base)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned();
                    out.insert(name, entry.metadata().unwrap().modified().unwrap());
                }
            }
        }
        let mut out = BTreeMap::new();
        walk(&self.0, &self.0, &mut out);
        out
    }
}

/// The id of a quote no other part of the article names (so it can go).
fn lone_quote(a: &Value) -> String {
    let text = a.to_string();
    let mut ids = Vec::new();
    collect_quotes(a, &mut ids);
    ids.into_iter()
        .find(|id| text.matches(&format!("\"{id}\"")).count() == 1)
        .expect("an article with a quote nothing else names")
}

fn collect_quotes(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(o) => {
            if o.get("type") == Some(&Value::from("quote")) {
                out.extend(o.get("id").and_then(Value::as_str).map(String::from));
            }
            o.values().for_each(|v| collect_quotes(v, out));
        }
        Value::Array(a) => a.iter().for_each(|v| collect_quotes(v, out)),
        _ => {}
    }
}

/// The quote `id` becomes plain text: its words stay, its page goes.
fn unquote(v: &mut Value, id: &str) {
    match v {
        Value::Object(o)
            if o.get("id") == Some(&Value::from(id))
                && o.get("type") == Some(&Value::from("quote")) =>
        {
            let text = o["text"].clone();
            *v = serde_json::json!({ "type": "text", "text": text });
        }
        Value::Object(o) => o.values_mut().for_each(|v| unquote(v, id)),
        Value::Array(a) => a.iter_mut().for_each(|v| unquote(v, id)),
        _ => {}
    }
}

#[test]
fn a_build_with_nothing_changed_writes_nothing() {
    let dist = Dist::new("unchanged");
    let first = dist.build(false);
    assert_eq!(first.articles, 2);
    assert_eq!(first.rendered, 2);
    assert!(first.skipped.is_empty(), "{:?}", first.skipped);
    assert!(dist.path(&format!("a/{SEED}/index.html")).is_file());
    assert!(dist.path(&format!("a/{SEED}/card.png")).is_file());
    assert!(dist.path("build-manifest.json").is_file());
    let before = dist.files();
    std::thread::sleep(std::time::Duration::from_millis(20));

    let again = dist.build(false);
    assert_eq!(again.rendered, 0);
    assert_eq!(again.cards_drawn, 0);
    assert_eq!(again.files.written, 0, "{:?}", again.written);
    assert_eq!(again.files.removed, 0, "{:?}", again.removed);
    let after = dist.files();
    // Same files, same times (the manifest aside, which records the run).
    let without_manifest = |m: &BTreeMap<String, SystemTime>| {
        m.iter()
            .filter(|(f, _)| f.as_str() != "build-manifest.json")
            .map(|(f, t)| (f.clone(), *t))
            .collect::<Vec<_>>()
    };
    assert_eq!(without_manifest(&before), without_manifest(&after));

    // --full renders everything again, and still writes only what differs.
    let full = dist.build(true);
    assert_eq!(full.rendered, 2);
    assert!(
        full.written.iter().all(|f| f.ends_with("card.png")),
        "{:?}",
        full.written
    );
}

#[test]
fn a_corrected_article_rewrites_only_its_own_pages_and_the_shared_files() {
    let dist = Dist::new("corrected");
    let first = dist.build(false);
    // A paragraph corrected: no card shows it.
    dist.edit(OTHER, |a| {
        let runs = a["sections"][0]["blocks"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|b| b["type"] == "paragraph")
            .unwrap()["runs"]
            .as_array_mut()
            .unwrap();
        runs.push(serde_json::json!({ "type": "text", "text": " (Corrected.)" }));
    });
    let after = dist.build(false);
    assert_eq!(after.rendered, 1);
    assert_eq!(after.cards_drawn, 0, "no card shows a paragraph");
    assert_eq!(after.cards_kept, first.cards_drawn);
    assert!(!after.written.is_empty());
    for file in &after.written {
        assert!(
            file.starts_with(&format!("a/{OTHER}/")) || file.starts_with("articles/search/"),
            "{file} was written for a correction to {OTHER}"
        );
    }
    let page = fs::read_to_string(dist.path(&format!("a/{OTHER}/index.html"))).unwrap();
    assert!(page.contains("(Corrected.)"));

    // A corrected headline redraws the article's cards, and only its own.
    dist.edit(OTHER, |a| {
        a["headline"] = Value::from("A corrected headline")
    });
    let after = dist.build(false);
    assert!(after.cards_drawn > 0);
    assert!(after
        .written
        .iter()
        .filter(|f| f.ends_with(".png"))
        .all(|f| f.starts_with(&format!("a/{OTHER}/"))));
}

#[test]
fn what_the_data_no_longer_makes_is_removed() {
    let dist = Dist::new("removed");
    dist.build(false);
    let quote = lone_quote(&dist.article(SEED));
    let quote_page = format!("a/{SEED}/q/{quote}/index.html");
    assert!(dist.path(&quote_page).is_file());
    // Compressed copies a host serves go with their page.
    fs::write(dist.path(&format!("{quote_page}.gz")), "x").unwrap();

    dist.edit(SEED, |a| unquote(a, &quote));
    let after = dist.build(false);
    assert!(after.skipped.is_empty(), "{:?}", after.skipped);
    assert!(!dist.path(&quote_page).exists());
    assert!(!dist.path(&format!("{quote_page}.gz")).exists());
    assert!(
        !dist.path(&format!("a/{SEED}/q/{quote}")).exists(),
        "its folder goes too"
    );
    assert!(after.removed.contains(&quote_page), "{:?}", after.removed);

    // An article taken off the list takes its pages, cards and search text.
    dist.list(&[SEED]);
    let after = dist.build(false);
    assert!(!dist.path(&format!("a/{OTHER}")).exists());
    assert!(!dist
        .path(&format!("articles/search/text/{OTHER}.json"))
        .exists());
    assert!(after
        .removed
        .iter()
        .any(|f| f == &format!("a/{OTHER}/card.png")));
    let sitemap = fs::read_to_string(dist.path("sitemap.xml")).unwrap();
    assert!(!sitemap.contains(OTHER) && sitemap.contains(SEED));
}

#[test]
fn an_article_that_no_longer_loads_is_reported_and_the_rest_kept() {
    let dist = Dist::new("broken");
    dist.build(false);
    dist.put(
        &format!("articles/{OTHER}.json"),
        "{\"format\": 1, \"id\": ",
    );
    let after = dist.build(false);
    assert_eq!(after.skipped.len(), 1);
    assert!(
        after.skipped[0].contains(&format!("articles/{OTHER}.json")),
        "{}",
        after.skipped[0]
    );
    // Its old pages are not served as if current; the other article's are kept.
    assert!(!dist.path(&format!("a/{OTHER}/index.html")).exists());
    assert_eq!(after.rendered, 0);
    assert!(dist.path(&format!("a/{SEED}/index.html")).is_file());
    // The list read here is the owner's only copy: kept as written, said so,
    // and the search index still numbers every entry of it.
    assert_eq!(after.still_listed, 1);
    assert_eq!(listed(&dist, "index.json"), [SEED, OTHER]);
    let meta: Value =
        serde_json::from_str(&fs::read_to_string(dist.path("articles/search/index.json")).unwrap())
            .unwrap();
    assert_eq!(
        meta["key"],
        article::search::docs_key([SEED, OTHER].into_iter())
    );
}

/// The slugs a part of the list in `dist/articles/` names.
fn listed(dist: &Dist, part: &str) -> Vec<String> {
    let text = fs::read_to_string(dist.path(&format!("articles/{part}"))).unwrap();
    let manifest: Value = serde_json::from_str(&text).unwrap();
    let slugs = manifest["articles"].as_array().unwrap().iter();
    slugs
        .map(|e| e["slug"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn an_article_without_a_page_is_never_offered_as_one() {
    let dist = Dist::new("unpublished");
    let folder = dist.path("../newsview-site-unpublished-folder");
    let _ = fs::remove_dir_all(&folder);
    fs::create_dir_all(&folder).unwrap();
    let put = |name: &str, text: &str| fs::write(folder.join(name), text).unwrap();
    let entry =
        |slug: &str| serde_json::json!({ "slug": slug, "headline": format!("About {slug}") });
    let (mut copy, other) = (dist.article(SEED), dist.article(OTHER));
    copy["id"] = Value::from("seed-copy");
    put(&format!("{SEED}.json"), &dist.article(SEED).to_string());
    put("seed-copy.json", &copy.to_string());
    put(&format!("{OTHER}.json"), "{\"format\": 1, \"id\": ");
    // One listed without a file, one whose file is not JSON, one part the
    // list names that is not there.
    let first = serde_json::json!({ "format": 1, "total": 4,
        "articles": [entry(SEED), entry("no-file-yet")],
        "more": ["index-2.json", "index-9.json"] });
    put("index.json", &first.to_string());
    let second = serde_json::json!({ "format": 1, "articles": [entry(OTHER), entry("seed-copy")] });
    put("index-2.json", &second.to_string());
    let publish = || {
        let site = Site::new(None, Some("https://news.example.org/"), "").unwrap();
        let options = Options {
            articles: Some(folder.clone()),
            ..Options::default()
        };
        build(&dist.0, &Settings { site, options }).unwrap()
    };

    let report = publish();
    assert_eq!(report.skipped.len(), 3, "{:?}", report.skipped);
    assert_eq!(report.still_listed, 0);
    // The list the site serves names what has a page, and no part it lacks.
    assert_eq!(listed(&dist, "index.json"), [SEED]);
    assert_eq!(listed(&dist, "index-2.json"), ["seed-copy"]);
    let served: Value =
        serde_json::from_str(&fs::read_to_string(dist.path("articles/index.json")).unwrap())
            .unwrap();
    assert_eq!(served["total"], 2);
    assert_eq!(served["more"], serde_json::json!(["index-2.json"]));
    for page in ["index.html", "404.html"] {
        let html = fs::read_to_string(dist.path(page)).unwrap();
        assert!(html.contains(&format!("a/{SEED}/")), "{page}");
        for gone in ["no-file-yet", OTHER] {
            assert!(!html.contains(&format!("a/{gone}/")), "{page} links {gone}");
        }
    }
    // The full-text index numbers the list the reader gets.
    let meta: Value =
        serde_json::from_str(&fs::read_to_string(dist.path("articles/search/index.json")).unwrap())
            .unwrap();
    assert_eq!(meta["docs"], 2);
    assert_eq!(
        meta["key"],
        article::search::docs_key([SEED, "seed-copy"].into_iter())
    );
    // The owner's list is untouched, and a build with nothing new writes nothing.
    assert_eq!(
        fs::read_to_string(folder.join("index.json")).unwrap(),
        first.to_string()
    );
    assert_eq!(publish().files.written, 0);

    // Mended in the owner's folder, the article is offered again.
    put(&format!("{OTHER}.json"), &other.to_string());
    let mended = publish();
    fs::remove_dir_all(&folder).unwrap();
    assert_eq!(mended.skipped.len(), 2, "{:?}", mended.skipped);
    assert_eq!(listed(&dist, "index-2.json"), [OTHER, "seed-copy"]);
    assert!(dist.path(&format!("a/{OTHER}/index.html")).is_file());
}

#[test]
fn what_is_missing_is_named_as_the_site_names_it() {
    let dist = Dist::new("missing");
    dist.build(false);
    let manifest = serde_json::json!({
        "format": 1,
        "articles": [{ "slug": OTHER, "headline": "Gone" }],
        "more": ["index-9.json"]
    });
    dist.put("articles/index.json", &manifest.to_string());
    fs::remove_file(dist.path(&format!("articles/{OTHER}.json"))).unwrap();
    let after = dist.build(false);
    assert_eq!(after.skipped.len(), 2, "{:?}", after.skipped);
    let root = dist.0.to_string_lossy().to_string();
    for (said, file) in after
        .skipped
        .iter()
        .zip(["articles/index-9.json", &format!("articles/{OTHER}.json")])
    {
        assert!(said.starts_with(file), "{said}");
        assert!(!said.contains(&root), "the build machine's path in: {said}");
    }
}

#[test]
fn a_new_app_renders_every_page_again() {
    let dist = Dist::new("new-app");
    dist.build(false);
    // trunk built the app again: its page is trunk's once more, with a
    // reader of another name.
    fs::remove_file(dist.path("reader-8899aabbccddeeff.js")).unwrap();
    fs::remove_file(dist.path("reader-8899aabbccddeeff_bg.wasm")).unwrap();
    dist.put("reader-ffeeddccbbaa9988.js", "export default function(){}");
    dist.put("reader-ffeeddccbbaa9988_bg.wasm", "\0asm");
    dist.put("index.html", TRUNK_PAGE);
    let after = dist.build(false);
    assert_eq!(after.rendered, 2);
    assert_eq!(after.cards_drawn, 0, "the cards do not show the app");
    let page = fs::read_to_string(dist.path(&format!("a/{SEED}/index.html"))).unwrap();
    assert!(page.contains("reader-ffeeddccbbaa9988.js"));
}

#[test]
fn a_site_owner_publishes_a_folder_of_articles() {
    let dist = Dist::new("publish");
    dist.build(false);
    // The owner's folder: the seed corrected, the other article gone.
    let folder = dist.path("../newsview-site-publish-folder");
    let _ = fs::remove_dir_all(&folder);
    fs::create_dir_all(&folder).unwrap();
    let mut seed = dist.article(SEED);
    seed["headline"] = Value::from("Kerry: talks go on");
    fs::write(folder.join(format!("{SEED}.json")), seed.to_string()).unwrap();
    let manifest = serde_json::json!({ "format": 1, "articles": [
        { "slug": SEED, "headline": "Kerry: talks go on", "published": seed["published"] }
    ]});
    fs::write(folder.join("index.json"), manifest.to_string()).unwrap();

    let site = Site::new(None, None, "").unwrap();
    let options = Options {
        articles: Some(folder.clone()),
        ..Options::default()
    };
    let report = build(&dist.0, &Settings { site, options }).unwrap();
    fs::remove_dir_all(&folder).unwrap();
    assert_eq!((report.articles, report.rendered), (1, 1));
    assert!(!dist.path(&format!("articles/{OTHER}.json")).exists());
    assert!(!dist.path(&format!("a/{OTHER}")).exists());
    let page = fs::read_to_string(dist.path(&format!("a/{SEED}/index.html"))).unwrap();
    assert!(page.contains("Kerry: talks go on"));
    // Without a base URL there is no sitemap: the one written before goes.
    assert!(!dist.path("sitemap.xml").exists());

    // A folder without a manifest is refused before anything is touched.
    let empty = dist.path("../newsview-site-publish-empty");
    fs::create_dir_all(&empty).unwrap();
    let site = Site::new(None, None, "").unwrap();
    let options = Options {
        articles: Some(empty.clone()),
        ..Options::default()
    };
    let error = build(&dist.0, &Settings { site, options }).unwrap_err();
    fs::remove_dir_all(&empty).unwrap();
    assert!(error.contains("no index.json"), "{error}");
    assert!(dist.path(&format!("articles/{SEED}.json")).exists());
}

/// `dist` with four more articles: the seed under other names.
fn with_more_articles(dist: &Dist) {
    let mut slugs = vec![SEED.to_string(), OTHER.to_string()];
    for i in 1..=4 {
        let slug = format!("seed-copy-{i}");
        let mut a = dist.article(SEED);
        a["id"] = Value::from(slug.clone());
        a["headline"] = Value::from(format!("Copy {i} of the seed"));
        dist.put(&format!("articles/{slug}.json"), &a.to_string());
        slugs.push(slug);
    }
    dist.list(&slugs.iter().map(String::as_str).collect::<Vec<_>>());
}

fn copy_into(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            fs::create_dir_all(&target).unwrap();
            copy_into(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn three_shards_put_together_are_one_build_byte_for_byte() {
    let whole = Dist::new("whole");
    with_more_articles(&whole);
    let one = whole.build(false);
    assert_eq!(one.articles, 6);

    let mut rendered = 0;
    let combined = Dist::new("combined");
    with_more_articles(&combined);
    for k in 1..=3 {
        let shard = Dist::new(&format!("shard-{k}"));
        with_more_articles(&shard);
        let site = Site::new(None, Some("https://news.example.org/"), "").unwrap();
        let options = Options {
            shard: Some(newsview_site::Shard { index: k, count: 3 }),
            ..Options::default()
        };
        let report = build(&shard.0, &Settings { site, options }).unwrap();
        rendered += report.rendered;
        // A shard writes no page that spans the articles.
        assert!(!shard.path("404.html").exists());
        assert!(!shard.path("articles/search").exists());
        copy_into(&shard.0, &combined.0);
    }
    assert_eq!(rendered, 6, "every article in exactly one shard");
    let merged = combined.build(false);
    assert_eq!(merged.rendered, 0, "the merge keeps the shards' pages");
    assert_eq!(merged.cards_drawn, 0);

    // The search cache is each machine's own (it records its files'
    // times): not published, not part of what shards agree on.
    let names = |d: &Dist| {
        d.files()
            .into_keys()
            .filter(|f| f != "build-manifest.search")
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&whole), names(&combined));
    for file in names(&whole) {
        let (a, b) = (
            fs::read(whole.path(&file)).unwrap(),
            fs::read(combined.path(&file)).unwrap(),
        );
        assert!(a == b, "{file} differs between one build and three shards");
    }
}

/// Every article file's modification time an hour back, as an archive's
/// files are: old enough for the quick check to trust.
fn settle(dist: &Dist) {
    let an_hour_ago = SystemTime::now() - std::time::Duration::from_secs(3600);
    for slug in [SEED, OTHER] {
        let file = fs::File::options()
            .write(true)
            .open(dist.path(&format!("articles/{slug}.json")))
            .unwrap();
        file.set_modified(an_hour_ago).unwrap();
    }
}

#[test]
fn an_article_file_with_the_size_and_time_it_had_is_not_read_again() {
    let dist = Dist::new("quick-check");
    settle(&dist);
    dist.build(false);
    // The same size and time, other bytes: what the quick check cannot
    // see, and `--full` can. Broken JSON makes it plain which one ran.
    let file = dist.path(&format!("articles/{SEED}.json"));
    let meta = fs::metadata(&file).unwrap();
    fs::write(&file, "x".repeat(meta.len() as usize)).unwrap();
    fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(meta.modified().unwrap())
        .unwrap();
    let quick = dist.build(false);
    assert!(quick.skipped.is_empty(), "{:?}", quick.skipped);
    assert_eq!((quick.articles, quick.rendered), (2, 0));
    assert_eq!(quick.files.written, 0, "{:?}", quick.written);
    let full = dist.build(true);
    assert_eq!(full.skipped.len(), 1, "{:?}", full.skipped);
    assert!(full.skipped[0].contains(SEED), "{:?}", full.skipped);
}

#[test]
fn a_lost_search_cache_reads_every_article_again_and_changes_no_page() {
    let dist = Dist::new("lost-cache");
    settle(&dist);
    dist.build(false);
    let before = dist.files();
    let index = fs::read(dist.path("articles/search/index.json")).unwrap();
    fs::write(dist.path("build-manifest.search"), "garbage\n").unwrap();
    let again = dist.build(false);
    assert_eq!((again.articles, again.rendered), (2, 0));
    assert_eq!(again.files.written, 0, "{:?}", again.written);
    assert_eq!(
        fs::read(dist.path("articles/search/index.json")).unwrap(),
        index
    );
    let after = dist.files();
    for (file, time) in &before {
        if !file.starts_with("build-manifest") {
            assert_eq!(after.get(file), Some(time), "{file}");
        }
    }
    // The cache is whole again: the next build takes every article from it.
    let text = fs::read_to_string(dist.path("build-manifest.search")).unwrap();
    assert_eq!(text.lines().count(), 2, "{text}");
}
