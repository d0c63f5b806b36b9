//! The site build: every page of a static Newsview site, rendered from the
//! viewer's own components into a `dist/` that trunk has built the app into.
//!
//! Stages, each in its own module, in the order a build runs them:
//! - `settings`: what the pages say about the site, and how to build (one
//!   value, handed down);
//! - `sources`: the site owner's articles folder, brought into `dist/`;
//! - `shell`: trunk's page, split where each page puts its own parts, and
//!   `policy`, the Content-Security-Policy each page carries;
//! - `render` and `pages`: the viewer's `App` rendered for each address
//!   (an article, its quotes and events, the home page, 404) with `head`,
//!   what each page says about itself to crawlers;
//! - `card`, `palette` and `drawing`: link-preview cards, drawn as palette
//!   PNGs on a thread per core while pages are rendered;
//! - `site_files`: robots and the sitemap;
//! - `output`: files written only when their bytes change, stale pages
//!   removed, and the build manifest that lets the next build keep every
//!   article that did not change;
//! - `precompress`: with `--precompress`, `.gz`/`.br` copies of what changed.
//!
//! Articles stream through: each is read, checked and prepared for search
//! on a thread of its own (`loading`), then indexed and (when it or the
//! shell changed) rendered, then dropped.

mod card;
mod css;
mod drawing;
mod head;
mod loading;
pub mod output;
mod pages;
mod palette;
mod policy;
mod precompress;
mod raster;
mod render;
mod search_cache;
pub mod settings;
mod shell;
mod site_files;
mod sources;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use article::library::{read_parts, Part};
use article::search::{self, IndexBuilder};
use article::{load_manifest, Loaded, Manifest};
use newsview::address::{article_page, Address};
use newsview::api;

pub use card::{Card, Painter};
use drawing::CardQueue;
use loading::Listed;
use output::{hash, hash128, ArticleRecord, BuildManifest, Output};
use pages::{Made, Pages};
pub use settings::{Options, Settings, Shard, Site};

/// What one build did.
#[derive(Default, Debug)]
pub struct Report {
    /// Articles listed and loaded.
    pub articles: usize,
    /// Of those, rendered (new, changed, or the shell changed).
    pub rendered: usize,
    pub quote_pages: usize,
    pub event_pages: usize,
    pub cards_drawn: usize,
    pub cards_kept: usize,
    /// Files written, kept as they were, and removed.
    pub files: output::Counts,
    /// Files written and removed, relative to `dist/`.
    pub written: Vec<String>,
    pub removed: Vec<String>,
    /// Compressed copies written, kept and removed (`--precompress`).
    pub copies: precompress::Copies,
    /// What could not be built, and why (file and field path).
    pub skipped: Vec<String>,
    /// Articles skipped that the home page still lists: the build read the
    /// list in `dist/` itself (no `--articles`), the owner's only copy,
    /// which it never rewrites.
    pub still_listed: usize,
    pub seconds: f64,
    /// Time spent drawing and encoding cards, summed over the threads
    /// that draw them while pages are rendered.
    pub card_seconds: f64,
}

/// Build every page into `dist`, rendering only what changed since the
/// build its manifest records (everything with `options.full`). With
/// `options.shard`, only that share of the articles' pages and cards; a
/// build without one, on the shards' outputs put together, keeps their
/// pages and writes what spans them (see [`Shard`]).
pub fn build(dist: &Path, settings: &Settings) -> Result<Report, String> {
    let started = Instant::now();
    let site = &settings.site;
    let shell = shell::load(dist, site)?;
    let shell_key = hash(&[
        shell.fingerprint().as_bytes(),
        site.fingerprint().as_bytes(),
        tool_fingerprint().as_bytes(),
    ]);
    let previous = match settings.options.full {
        true => BuildManifest::new(shell_key.clone()),
        false => BuildManifest::read(dist, &shell_key),
    };
    let mut build = Build {
        previous,
        next: BuildManifest::new(shell_key),
        out: Output::new(dist, settings.options.list)?,
        cards: CardQueue::new(dist)?,
        report: Report::default(),
        full: settings.options.full,
    };
    let list = match &settings.options.articles {
        Some(from) => {
            sources::check(from)?;
            let list = build.list(from, true)?;
            // A whole build publishes the list itself; shards copy the
            // owner's for the build that puts them together.
            let own = settings.options.shard.is_none();
            sources::sync(from, &mut build.out, own.then(|| list.files()))?;
            list
        }
        None => build.list(&dist.join("articles"), false)?,
    };
    let pages = Pages {
        site,
        shell: &shell,
        prepared: render::prepared(site),
    };
    match settings.options.shard {
        Some(shard) => build.shard(&pages, &list, shard)?,
        None => build.whole(&pages, &list)?,
    }
    if settings.options.shard.is_none() {
        build.report.copies = match settings.options.precompress {
            true => precompress::run(dist)?,
            false => precompress::sweep(dist)?,
        };
    }
    let mut report = build.report;
    report.files = build.out.counts.clone();
    report.written = std::mem::take(&mut build.out.written);
    report.removed = std::mem::take(&mut build.out.removed);
    report.cards_drawn = build.cards.drawn;
    report.card_seconds = build.cards.seconds;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// The library as the manifest lists it.
struct List {
    /// The first part, as written (its fingerprint is the home page's
    /// data) and read.
    text: String,
    first: Manifest,
    /// Every part read, in the order read.
    parts: Vec<Part>,
    /// Every listed article, in list order (all parts).
    slugs: Vec<String>,
    /// The owner's list is elsewhere (`--articles`): the build publishes
    /// into `dist/articles/` a list of only the articles it published.
    publish: bool,
}

impl List {
    /// The list's own files, as `dist/articles/` names them.
    fn files(&self) -> Vec<String> {
        self.parts.iter().map(|p| p.name.clone()).collect()
    }
}

/// One build in progress: what the last one made, what this one makes.
struct Build {
    previous: BuildManifest,
    next: BuildManifest,
    out: Output,
    cards: CardQueue,
    report: Report,
    /// `--full`: nothing is kept, nothing taken from the last build.
    full: bool,
}

impl Build {
    /// The list in `folder` (`dist/articles/`, or the owner's with
    /// `publish`).
    fn list(&mut self, folder: &Path, publish: bool) -> Result<List, String> {
        // Named as the site names them, never by the build machine's path.
        let read_part = |name: &str| {
            let file = api::part_file(name);
            std::fs::read_to_string(folder.join(name))
                .map_err(|e| format!("{file}: {e}"))
                .and_then(|t| Ok((load_manifest(&file, &t).map_err(|e| e.to_string())?, t)))
        };
        let (first, text) = read_part("index.json")?;
        let (parts, skipped) = read_parts("articles/", first.clone(), |name| {
            read_part(name).map(|(manifest, _)| manifest)
        });
        self.report.skipped.extend(skipped);
        let slugs = parts
            .iter()
            .flat_map(|p| p.entries.iter().map(|e| e.slug.clone()))
            .collect();
        Ok(List {
            text,
            first,
            parts,
            slugs,
            publish,
        })
    }

    /// The whole site: every article's pages (kept or rendered), then what
    /// spans them: the search index, the home page, 404, robots and the
    /// sitemap; then what no longer belongs is removed.
    fn whole(&mut self, pages: &Pages, list: &List) -> Result<(), String> {
        let dist = self.out.dist().to_path_buf();
        // The library's full-text index numbers articles as the list the
        // site serves does: only those published, when it publishes one.
        let mut search = IndexBuilder::default();
        let mut published = HashSet::new();
        let mut sitemap = vec![Address::default()];
        let cached = match self.full {
            true => search_cache::Previous::none(),
            false => search_cache::Previous::read(&dist),
        };
        let mut next_cache = search_cache::Next::create(&dist)?;
        let unchanged = self.unchanged(&cached);
        let loads = loading::start(dist.clone(), list.slugs.clone(), true, unchanged);
        for (slug, item) in list.slugs.iter().zip(loads) {
            let listed_doc = (!list.publish).then(|| search.list(slug));
            let mut doc = || listed_doc.unwrap_or_else(|| search.list(slug));
            let listed = match item {
                // Kept as it was, unless its terms were lost: then read.
                Ok(Listed::Unchanged { source, stamp }) => match cached.terms(slug) {
                    Some(terms) => {
                        let doc = doc();
                        published.insert(slug.as_str());
                        search.add_terms(doc, terms.split(' ').filter(|t| !t.is_empty()));
                        self.out.keep(&search_text(slug));
                        next_cache.add(slug, &stamp, &source, &terms)?;
                        self.keep_article(slug);
                        self.report.articles += 1;
                        sitemap.push(article_page(slug));
                        continue;
                    }
                    None => loading::load_now(&dist, slug),
                },
                other => other,
            };
            let Some(Listed::Loaded {
                loaded,
                source,
                stamp,
                entry,
            }) = self.loaded(listed)
            else {
                continue;
            };
            let doc = doc();
            published.insert(slug.as_str());
            if let Some(entry) = entry {
                next_cache.add(slug, &stamp, &source, &entry.terms().join(" "))?;
                let (text, json) = search.add_entry(doc, entry);
                self.out
                    .write(&format!("articles/{}/{text}", search::DIR), json.as_bytes())?;
            }
            sitemap.push(article_page(slug));
            self.article(pages, slug, *loaded, source)?;
        }
        next_cache.finish(&cached)?;
        self.cards.finish(&mut self.out)?;
        let out = &mut self.out;
        search.write_files(&mut |path, json| {
            out.write(&format!("articles/{}/{path}", search::DIR), json.as_bytes())
        })?;
        let (first, text) = match list.publish {
            true => publish_list(out, list, &published)?,
            false => {
                self.report.still_listed = list.slugs.len() - published.len();
                (list.first.clone(), list.text.clone())
            }
        };
        let home = pages.home(first.clone(), &api::fingerprint(&text));
        out.write("index.html", home.as_bytes())?;
        out.write("404.html", pages.not_found(first).as_bytes())?;
        site_files::write(out, pages.site, &sitemap)?;
        out.remove_stale()?;
        out.finish(&self.next, None)
    }

    /// One shard's share of the articles' pages and cards, and its part of
    /// the build manifest; nothing shared, nothing removed.
    fn shard(&mut self, pages: &Pages, list: &List, shard: Shard) -> Result<(), String> {
        let dist = self.out.dist().to_path_buf();
        let slugs: Vec<String> = list
            .slugs
            .iter()
            .filter(|s| shard.takes(s))
            .cloned()
            .collect();
        let loads = loading::start(dist, slugs.clone(), false, HashMap::new());
        for (slug, item) in slugs.iter().zip(loads) {
            if let Some(Listed::Loaded { loaded, source, .. }) = self.loaded(item) {
                self.article(pages, slug, *loaded, source)?;
            }
        }
        self.cards.finish(&mut self.out)?;
        self.out.finish(&self.next, Some(shard))
    }

    /// A listed article as loaded, or `None` (and a line in the report)
    /// when it cannot be: its pages, if an earlier build made them, are
    /// then removed with the stale ones, and the client-side path shows the
    /// reader what is wrong.
    fn loaded(&mut self, item: loading::Item) -> Option<Listed> {
        match item {
            Ok(loaded) => {
                self.report.articles += 1;
                Some(loaded)
            }
            Err(problem) => {
                self.report.skipped.push(problem);
                None
            }
        }
    }

    /// An article's files kept as the last build made them. Each slug is
    /// built once: its record moves to the next manifest.
    fn keep_article(&mut self, slug: &str) {
        let Some(record) = self.previous.articles.remove(slug) else {
            return;
        };
        for file in record.files() {
            self.out.keep(file);
        }
        self.report.cards_kept += record.cards().count();
        self.next.articles.insert(slug.to_string(), record);
    }

    /// The articles whose files the last build made whole, with the stamp
    /// and fingerprint their file had then: those still stamped so are not
    /// read again.
    fn unchanged(&self, cached: &search_cache::Previous) -> HashMap<String, (String, String)> {
        self.previous
            .articles
            .iter()
            .filter(|(slug, record)| {
                self.out.found(&search_text(slug)) && record.files().all(|f| self.out.found(f))
            })
            .filter_map(|(slug, record)| {
                let (stamp, source) = cached.stamp(slug)?;
                (source == record.source)
                    .then(|| (slug.clone(), (stamp.to_string(), source.to_string())))
            })
            .collect()
    }

    /// A card of a page being rendered: kept when it would draw what it
    /// drew last time, else queued to be drawn. Its line in the article's
    /// record.
    fn card(&mut self, slug: &str, path: &str, layout: card::Layout) -> Result<String, String> {
        let key = hash128(&[layout.svg().as_bytes(), card::DRAWING.as_bytes()]);
        if self.previous.card_key(slug, path) == Some(key) && self.out.found(path) {
            self.out.keep(path);
            self.report.cards_kept += 1;
        } else {
            self.cards.push(&mut self.out, path.to_string(), layout)?;
        }
        Ok(ArticleRecord::card_line(path, key))
    }

    /// An article's pages and cards: kept as they are when nothing they
    /// are made from changed, else rendered (and written where their
    /// bytes changed); a card is drawn only when what it shows changed.
    fn article(
        &mut self,
        pages: &Pages,
        slug: &str,
        loaded: Loaded,
        source: String,
    ) -> Result<(), String> {
        if self.previous.is_current(&self.out, slug, &source) {
            self.keep_article(slug);
            return Ok(());
        }
        let painter = self.cards.painter();
        let mut files = Vec::new();
        let (quotes, events) =
            pages.article(&painter, &Arc::new(loaded), &source, &mut |made| {
                let line = match made {
                    Made::Page(path, html) => self.out.write(&path, html.as_bytes()).map(|()| path),
                    Made::Card(path, layout) => self.card(slug, &path, layout),
                }?;
                files.push(line);
                Ok(())
            })?;
        self.report.rendered += 1;
        self.report.quote_pages += quotes;
        self.report.event_pages += events;
        self.next.articles.insert(
            slug.to_string(),
            ArticleRecord {
                source,
                files: files.join("\n"),
            },
        );
        Ok(())
    }
}

/// The list of what was published, written over `dist/articles/` part by
/// part under the owner's names: the home page and its search then offer
/// only articles that have a page. Returns the first part and its text.
fn publish_list(
    out: &mut Output,
    list: &List,
    published: &HashSet<&str>,
) -> Result<(Manifest, String), String> {
    let mut first = None;
    for (name, part) in article::library::published(&list.parts, |s| published.contains(s)) {
        let text = serde_json::to_string(&part).map_err(|e| format!("articles/{name}: {e}"))?;
        out.write(&api::part_file(&name), text.as_bytes())?;
        first.get_or_insert((part, text));
    }
    Ok(first.expect("a list has its first part"))
}

/// An article's text file in the search index, relative to `dist/`.
fn search_text(slug: &str) -> String {
    format!("articles/{}/{}", search::DIR, IndexBuilder::text_file(slug))
}

/// The build tool itself is one of every page's inputs: a new version may
/// render the same article differently. Its own bytes say which it is.
fn tool_fingerprint() -> String {
    std::env::current_exe()
        .and_then(std::fs::read)
        .map(|bytes| hash(&[&bytes]))
        .unwrap_or_else(|_| format!("unknown-{:?}", Instant::now()))
}

#[cfg(test)]
mod tests {
    /// The seed article, loaded and checked.
    pub fn seed_article() -> article::Article {
        let text = include_str!("../../../public/articles/us-russia-talks-despite-collisions.json");
        article::load_article("seed", text).unwrap().into_article()
    }
}
