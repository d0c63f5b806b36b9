//! Build-time pre-rendering: every article in the manifest, each of its
//! quotes and timeline events, and the first screen of the library become
//! HTML files in `dist/`, rendered by the same `App` the browser hydrates.
//! Then the files a site owner expects: `404.html`, `robots.txt` and (with
//! a base URL) `sitemap.xml`.
//!
//! One stage per function: read the template trunk wrote → load the
//! articles with the model crate → render each page → write it.

mod card;
mod head;

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use article::index::Target;
use article::search::{self, IndexBuilder};
use article::{load_article, load_manifest, Article, Loaded, Manifest};
use base64::Engine as _;
use leptos::prelude::*;
use sha2::Digest as _;

use crate::address::{article_page, article_view, Address, Route};
use crate::api;
use crate::app::App;
use crate::context::Location;

pub use card::{Card, Painter};
pub use head::Head;

/// Build settings, from the environment (see the README).
pub struct Site {
    /// `NEWSVIEW_SITE_NAME`, default "Newsview".
    pub name: String,
    /// `NEWSVIEW_BASE_URL`: where `dist/` is served, ending in `/`.
    /// Without it, nothing that needs an absolute URL is written.
    pub base_url: Option<String>,
    /// `NEWSVIEW_IMAGE_HOSTS`: origins besides the site's own that images
    /// may come from (a CDN), as the pages' policy names them.
    pub image_hosts: Vec<String>,
}

impl Site {
    pub fn from_env() -> Result<Site, String> {
        let base_url = match std::env::var("NEWSVIEW_BASE_URL") {
            Ok(url) if !url.trim().is_empty() => {
                let url = url.trim();
                if !(url.starts_with("https://") || url.starts_with("http://")) {
                    return Err(format!(
                        "NEWSVIEW_BASE_URL must be an http(s) URL, not \"{url}\""
                    ));
                }
                Some(if url.ends_with('/') {
                    url.to_string()
                } else {
                    format!("{url}/")
                })
            }
            _ => None,
        };
        let name = std::env::var("NEWSVIEW_SITE_NAME")
            .ok()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| "Newsview".into());
        let image_hosts = std::env::var("NEWSVIEW_IMAGE_HOSTS")
            .unwrap_or_default()
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|h| !h.is_empty())
            .map(|h| {
                article::links::image_host(h).map_err(|e| format!("NEWSVIEW_IMAGE_HOSTS: {e}"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Site {
            name,
            base_url,
            image_hosts,
        })
    }

    /// The absolute URL of a page, when the base URL is known.
    pub fn absolute(&self, to: &Address) -> Option<String> {
        Some(crate::address::under(self.base_url.as_ref()?, to))
    }

    /// The path part of the base URL (`/` without one): what `404.html`,
    /// served at any depth, needs for its style sheet.
    fn base_path(&self) -> String {
        self.base_url
            .as_ref()
            .and_then(|u| u.splitn(4, '/').nth(3).map(|p| format!("/{p}")))
            .unwrap_or_else(|| "/".into())
    }
}

/// trunk's `index.html`, split where each page puts its own parts.
pub struct Template {
    /// `<head>` contents with the title and any policy removed.
    head: String,
    /// The style sheet's text, which each page carries inline (see `page`).
    css: Option<String>,
    /// `<body …>` up to the app's element, and after it.
    body_start: String,
    body_end: String,
    /// What the policy lets images come from besides the site.
    pub image_hosts: Vec<String>,
    /// `head` pointed at the article pages' app, when the build made one
    /// (see [`Template::use_reader`]).
    reader_head: Option<String>,
}

const APP_START: &str = "<div id=\"page_app\">";
const APP_END: &str = "<!--/app--></div>";

impl Template {
    /// `html` is trunk's page; `asset` reads a file it links to (by the
    /// `./`-relative URL trunk wrote).
    pub fn parse(
        html: &str,
        asset: impl Fn(&str) -> Result<String, String>,
    ) -> Result<Template, String> {
        // The inside of the first `start`…`end`.
        let between = |start: &str, end: &str| {
            find_between(html, start, end)
                .map(|(s, e)| (s + start.len(), e - end.len()))
                .ok_or(format!("index.html has no {start}…{end}"))
        };
        let (hs, he) = between("<head>", "</head>")?;
        let mut head = html[hs..he].to_string();
        if let Some((s, e)) = find_between(&head, "<title>", "</title>") {
            head.replace_range(s..e, "");
        }
        // Each page writes its own charset, policy and root first.
        for start in [
            "<meta http-equiv=\"Content-Security-Policy\"",
            "<meta charset",
            "<meta name=\"newsview-root\"",
        ] {
            while let Some((s, e)) = find_between(&head, start, ">") {
                head.replace_range(s..e, "");
            }
        }
        let head: String = head
            .replace("><link rel=\"preload\"", ">\n<link rel=\"preload\"")
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| format!("{l}\n"))
            .collect();
        // A sheet that could close its own element stays a link.
        let css = match head.lines().find(|l| l.contains("rel=\"stylesheet\"")) {
            Some(link) => {
                let href =
                    attribute(link, "href").ok_or("index.html: a style sheet without href")?;
                Some(asset(href)?).filter(|css| !css.to_ascii_lowercase().contains("</style"))
            }
            None => None,
        };
        let (bs, be) = between("<body", "</body>")?;
        let body = &html[bs - "<body".len()..be];
        let a = body
            .find(APP_START)
            .ok_or(format!("index.html has no {APP_START}"))?;
        let b = body[a..]
            .find(APP_END)
            .ok_or(format!("index.html has no {APP_END}"))?;
        let mut body_end = body[a + b + APP_END.len()..].to_string();
        // Pre-rendered pages read completely without scripts.
        if let Some((s, e)) = find_between(&body_end, "<noscript>", "</noscript>") {
            body_end.replace_range(s..e, "");
        }
        Ok(Template {
            head,
            css,
            body_start: body[..a].to_string(),
            body_end,
            image_hosts: Vec::new(),
            reader_head: None,
        })
    }

    /// Article, quote and event pages load `reader` (`scripts/build-reader.sh`:
    /// the controls of a pre-rendered article page as islands, without the
    /// rest of the app) in place of trunk's whole app: the names in the
    /// start-up script and the preload links change, and so do the links'
    /// integrity hashes; the script then hydrates the page's islands
    /// ([`ISLANDS_SCRIPT`]). These pages are written for islands, so the
    /// build must have made `reader`.
    pub fn use_reader(&mut self, dist: &Path) -> Result<(), String> {
        let listing = fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
        let js = listing
            .filter_map(|f| f.ok()?.file_name().into_string().ok())
            .find(|name| name.starts_with("reader-") && name.ends_with(".js"))
            .ok_or_else(|| {
                format!(
                    "{}: no reader-*.js (scripts/build-reader.sh writes it after trunk's build)",
                    dist.display()
                )
            })?;
        let wasm = format!("{}_bg.wasm", js.trim_end_matches(".js"));
        let app_wasm = self
            .head
            .split(['\'', '"'])
            .find(|s| s.ends_with("_bg.wasm"))
            .ok_or("index.html loads no wasm")?
            .trim_start_matches("./")
            .to_string();
        let app_js = format!("{}.js", app_wasm.trim_end_matches("_bg.wasm"));
        let started = "window.wasmBindings = bindings;";
        if !self.head.contains(started) {
            return Err(format!("index.html's start-up script has no `{started}`"));
        }
        let islands = ISLANDS_SCRIPT
            .replace("{app_js}", &app_js)
            .replace("{app_wasm}", &app_wasm);
        let mut head = self.head.clone();
        for (old, new) in [(app_js, js), (app_wasm, wasm)] {
            let (old_hash, new_hash) = (integrity(&dist.join(&old))?, integrity(&dist.join(&new))?);
            head = head.replace(&old_hash, &new_hash).replace(&old, &new);
        }
        // After the renaming: the fallback loads the whole app.
        self.reader_head = Some(head.replacen(started, &format!("{islands}{started}"), 1));
        Ok(())
    }

    /// A whole page: `page` sits `address.root()` below the site root, so
    /// trunk's `./` asset URLs are rewritten to reach it.
    pub fn page(
        &self,
        address: &Address,
        head: &str,
        app_html: &str,
        data: Option<(&str, &str)>,
    ) -> String {
        let root = match address.root() {
            root if root.is_empty() => "./".to_string(),
            root => root,
        };
        let head_of_app = match (address.route(), &self.reader_head) {
            (Route::Article { .. }, Some(reader)) => reader,
            _ => &self.head,
        };
        let (scripts, tags) = split_scripts(&rebase(head_of_app, &root));
        let (preloads, paint): (Vec<&str>, Vec<&str>) = tags
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .partition(|l| l.contains("preload"));
        // The app's files are fetched from the end of the body: found once
        // the page's own bytes are in, so nothing competes with them, and
        // still well before the first paint (measured in
        // docs/performance.md). Chromium ignores (and warns about)
        // `integrity` on a plain preload.
        let mut preloads: Vec<String> = preloads
            .iter()
            .map(|l| {
                if l.contains("rel=\"preload\"") {
                    drop_attribute(l, "integrity")
                } else {
                    l.to_string()
                }
            })
            .collect();
        preloads.extend(data.map(|(file, _)| {
            format!(
                "<link rel=\"preload\" href=\"{}{}\" as=\"fetch\" crossorigin=\"anonymous\" />",
                head::esc(&root),
                head::esc(file)
            )
        }));
        let scripts = start_after_paint(&scripts);
        // What the first paint needs comes first, the style sheet inline.
        let paint: String = paint
            .iter()
            .map(|l| format!("    {}\n", self.inline_style(l, &root)))
            .collect();
        let policy = policy(&format!("{paint}{head}{scripts}"), &self.image_hosts);
        let mut html = String::with_capacity(app_html.len() + paint.len() + 4096);
        html.push_str(
            "<!DOCTYPE html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"utf-8\" />\n",
        );
        let _ = writeln!(
            html,
            "    <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />"
        );
        html.push_str(&paint);
        html.push_str(head);
        let _ = writeln!(
            html,
            "    <meta name=\"newsview-root\" content=\"{}\" />",
            head::esc(&root),
        );
        if let Some((_, fingerprint)) = data {
            // Which page this is, and which version of its data it was
            // rendered from.
            let _ = writeln!(
                html,
                "    <meta name=\"newsview-page\" content=\"{}\" />\n    <meta name=\"newsview-data\" content=\"{fingerprint}\" />",
                head::esc(&address.path),
            );
        }
        // Scripts verbatim: the policy allows them by the hash of their text.
        html.push_str(&scripts);
        html.push_str("</head>\n");
        html.push_str(&self.body_start);
        html.push_str(APP_START);
        html.push_str(app_html);
        html.push_str("</div>");
        html.push_str(&self.body_end);
        for line in preloads {
            let _ = writeln!(html, "    {line}");
        }
        html.push_str("</body>\n</html>\n");
        html
    }

    /// The style sheet's `<link>` as a `<style>` element whose URLs reach
    /// the site root from `root`: one round trip fewer before the first
    /// paint, which on a slow phone network is most of the difference from
    /// a static page (docs/performance.md). Other lines pass unchanged.
    fn inline_style(&self, line: &str, root: &str) -> String {
        match &self.css {
            Some(css) if line.contains("rel=\"stylesheet\"") => {
                format!("<style>{}</style>", rebase_css_urls(css, root))
            }
            _ => line.to_string(),
        }
    }

    /// `404.html`: served by hosts at whatever address was missing, so it
    /// runs no app and links by the site's absolute path.
    pub fn not_found(&self, site: &Site, app_html: &str) -> String {
        let base = site.base_path();
        let styles: String = self
            .head
            .lines()
            .filter(|l| {
                l.contains("rel=\"stylesheet\"")
                    || l.contains("rel=\"icon\"")
                    || l.contains("name=\"viewport\"")
                    || l.contains("name=\"color-scheme\"")
            })
            .map(|l| {
                format!(
                    "    {}\n",
                    self.inline_style(&rebase(l.trim(), &base), &base)
                )
            })
            .collect();
        let styles_allowed = inline_hashes(&styles, "style").join(" ");
        // Rendered as if one folder deep, so every link starts `../`.
        let body = app_html.replace("\"../", &format!("\"{base}"));
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"utf-8\" />\n    <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self' {styles_allowed}; img-src 'self'; base-uri 'none'; form-action 'none'\" />\n    <title>Page not found - {}</title>\n    <meta name=\"robots\" content=\"noindex\" />\n{styles}  </head>\n  <body>\n    <div id=\"page_app\">{body}</div>\n  </body>\n</html>\n",
            head::esc(&site.name)
        )
    }
}

/// trunk's start-up script imports the app at once, so the wasm is
/// instantiated and started before the browser's first paint (25 ms of main
/// thread on the seed, measured). On a page that is already complete, the
/// app waits for that paint (or 3 s, for a tab painted late); its files
/// still download meanwhile, through their preloads.
fn start_after_paint(head: &str) -> String {
    const IMPORT: &str = "import init, * as bindings from '";
    let Some(start) = head.find(IMPORT) else {
        return head.to_string();
    };
    let Some(end) = head[start + IMPORT.len()..].find("';") else {
        return head.to_string();
    };
    let module = &head[start + IMPORT.len()..start + IMPORT.len() + end];
    let waiting = format!(
        "await new Promise((go) => {{ const t = setTimeout(go, 3000); new PerformanceObserver((l, o) => {{ if (l.getEntriesByName('first-contentful-paint').length) {{ o.disconnect(); clearTimeout(t); setTimeout(go, 0); }} }}).observe({{ type: 'paint', buffered: true }}); }});\nconst bindings = await import('{module}');\nconst init = bindings.default;"
    );
    format!(
        "{}{waiting}{}",
        &head[..start],
        &head[start + IMPORT.len() + end + 2..]
    )
}

/// The `<script>…</script>` blocks of `html`, and the rest.
fn split_scripts(html: &str) -> (String, String) {
    let (mut scripts, mut rest) = (String::new(), String::new());
    let mut tail = html;
    while let Some(start) = tail.find("<script") {
        let end = tail[start..]
            .find("</script>")
            .map_or(tail.len(), |e| start + e + "</script>".len());
        rest.push_str(&tail[..start]);
        scripts.push_str(&tail[start..end]);
        scripts.push('\n');
        tail = &tail[end..];
    }
    rest.push_str(tail);
    (scripts, rest)
}

/// The value of attribute `name` in `tag`, as written (trunk's URLs and
/// hashes need no unescaping).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = format!(" {name}=\"");
    let a = tag.find(&start)? + start.len();
    Some(&tag[a..a + tag[a..].find('"')?])
}

/// `url(…)` references in a style sheet written for the site root, made to
/// reach it from `root` (absolute URLs, fragments and `data:` stay).
fn rebase_css_urls(css: &str, root: &str) -> String {
    let mut out = String::with_capacity(css.len() + 64);
    let mut rest = css;
    while let Some(i) = rest.find("url(") {
        let (before, after) = rest.split_at(i + "url(".len());
        out.push_str(before);
        let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'');
        let url = &after[quote.map_or(0, char::len_utf8)..];
        if let Some(q) = quote {
            out.push(q);
        }
        let relative = !(url.starts_with('/')
            || url.starts_with('#')
            || url
                .split(['/', ')'])
                .next()
                .is_some_and(|first| first.contains(':')));
        if relative && root != "./" {
            out.push_str(root);
        }
        rest = url;
    }
    out.push_str(rest);
    out
}

fn drop_attribute(tag: &str, name: &str) -> String {
    let start = format!(" {name}=\"");
    match tag.find(&start) {
        Some(a) => match tag[a + start.len()..].find('"') {
            Some(b) => format!("{}{}", &tag[..a], &tag[a + start.len() + b + 1..]),
            None => tag.to_string(),
        },
        None => tag.to_string(),
    }
}

fn find_between(s: &str, start: &str, end: &str) -> Option<(usize, usize)> {
    let a = s.find(start)?;
    let b = s[a..].find(end)?;
    Some((a, a + b + end.len()))
}

/// trunk writes asset URLs as `./name`, in attributes and in its start-up
/// script; a page in a folder reaches them through `root`.
fn rebase(html: &str, root: &str) -> String {
    html.replace("\"./", &format!("\"{root}"))
        .replace("'./", &format!("'{root}"))
}

/// The Content-Security-Policy of a page: nothing inline runs or styles but
/// the start-up scripts and the style sheet it carries, allowed by their
/// SHA-256.
pub fn policy(head: &str, image_hosts: &[String]) -> String {
    let with_hashes = |directive: &str, hashes: Vec<String>| {
        format!("{directive} {}", hashes.join(" "))
            .trim()
            .to_string()
    };
    [
        "default-src 'none'".to_string(),
        with_hashes(
            "script-src 'self' 'wasm-unsafe-eval'",
            inline_hashes(head, "script"),
        ),
        with_hashes("style-src 'self'", inline_hashes(head, "style")),
        format!("img-src 'self' {}", image_hosts.join(" "))
            .trim()
            .to_string(),
        "connect-src 'self'".into(),
        "base-uri 'none'".into(),
        "form-action 'none'".into(),
        "object-src 'none'".into(),
    ]
    .join("; ")
}

/// The CSP hash source of each inline `<element>` in `html` that the
/// browser would run or apply: elements with a `src` are covered by 'self',
/// and data blocks (`application/ld+json`) never run.
fn inline_hashes(html: &str, element: &str) -> Vec<String> {
    let (open, close) = (format!("<{element}"), format!("</{element}>"));
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let Some(tag_end) = rest[start..].find('>').map(|i| start + i + 1) else {
            break;
        };
        let tag = &rest[start..tag_end];
        let body_end = rest[tag_end..]
            .find(&close)
            .map_or(rest.len(), |i| tag_end + i);
        if !tag.contains(" src=") && !tag.contains("application/ld+json") {
            let digest = sha2::Sha256::digest(&rest.as_bytes()[tag_end..body_end]);
            hashes.push(format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        rest = &rest[body_end..];
    }
    hashes
}

/// Render the app as it looks at `address`, to HTML.
pub fn render_app(address: Address) -> String {
    // Islands render their children without hydration markers and mark
    // their own: that needs a server context in islands mode.
    let context = hydration_context::SsrSharedContext::new_islands();
    let owner = Owner::new_root(Some(std::sync::Arc::new(context)));
    owner.with(|| {
        let location = Location(RwSignal::new(address));
        view! { <App location /> }.to_html()
    })
}

/// The article pages' start-up, after `reader` has started: if the page's
/// article file is still the one it was rendered from, each island (a
/// `<leptos-island>` naming its function) is hydrated in document order,
/// nested ones under their parent's owner (the `$$on_hydrate` its
/// `<leptos-children>` carries); else the whole app is loaded and renders
/// the page afresh. `{app_js}` and `{app_wasm}` are the whole app's files;
/// `use_reader` fills them in after pointing the page at `reader`.
pub const ISLANDS_SCRIPT: &str = "if (await bindings.page_is_current()) {
const hydrate = (node, enter) => {
  for (const el of node.children) {
    if (el.localName === 'leptos-island') {
      if (enter) enter();
      const island = bindings[el.dataset.component];
      if (island) island(el); else console.error('newsview: no island ' + el.dataset.component);
      hydrate(el, enter);
    } else {
      hydrate(el, (el.localName === 'leptos-children' && el.$$on_hydrate) || enter);
    }
  }
};
hydrate(document.body);
bindings.islands_hydrated();
} else {
const app = await import('./{app_js}');
await app.default({ module_or_path: './{app_wasm}' });
}
";

/// Marks `<html>` when the address asks for an article on the home page
/// (allowed by its hash in the page's policy, like trunk's start-up script).
const CLIENT_ROUTE_SCRIPT: &str = "    <script>if (/[?&]article=/.test(location.search)) document.documentElement.classList.add('client-route');</script>\n";

const CLIENT_ROUTE_BOOT: &str = "<p class=\"client-route-boot loading\" role=\"status\">Loading the article…<span class=\"boot-slow\"> This is taking longer than it should. <a href=\"\">Reload the page</a>.</span></p>";

/// What one build wrote.
#[derive(Default, Debug)]
pub struct Report {
    pub articles: usize,
    pub quote_pages: usize,
    pub event_pages: usize,
    pub cards: usize,
    pub skipped: Vec<String>,
    pub html_bytes: usize,
    /// Time spent drawing and encoding cards, of the whole run.
    pub card_seconds: f64,
}

/// Pre-render everything into `dist`.
pub fn run(dist: &Path, site: &Site) -> Result<Report, String> {
    let started = Instant::now();
    // trunk's page is kept as `shell.html`, so the pre-renderer can run
    // again on a folder it has already written (to add articles). It is
    // served like any file, so it gets the pages' policy (which `parse`
    // drops again).
    let index = dist.join("index.html");
    let shell = dist.join("shell.html");
    let mut page = read(&index)?;
    if page.contains(APP_END) {
        let policy = policy(
            find_between(&page, "<head>", "</head>").map_or("", |(s, e)| &page[s..e]),
            &site.image_hosts,
        );
        let kept = page.replacen(
            "<head>",
            &format!(
                "<head>\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />"
            ),
            1,
        );
        write(&shell, kept.as_bytes())?;
    } else {
        page = read(&shell)?;
    }
    let mut template =
        Template::parse(&page, |url| read(&dist.join(url.trim_start_matches("./"))))?;
    template.image_hosts = site.image_hosts.clone();
    template.use_reader(dist)?;
    // The components show an image from another host only where the
    // policy lets the browser load it.
    api::set_image_hosts(site.image_hosts.clone());
    crate::address::set_base_url(site.base_url.clone());
    let mut out = Writer {
        dist,
        site,
        template: &template,
        painter: Painter::new()?,
        cards: Vec::new(),
        report: Report::default(),
    };

    if site.base_url.is_none() {
        println!(
            "prerender: NEWSVIEW_BASE_URL is not set, so pages carry no og:url, og:image or \
             twitter:image, canonical links are relative and there is no sitemap.xml"
        );
    }

    let manifest_text = read(&dist.join(api::MANIFEST))?;
    let manifest_fingerprint = api::fingerprint(&manifest_text);
    let manifest = load_manifest(api::MANIFEST, &manifest_text).map_err(|e| e.to_string())?;
    let mut pages: Vec<Address> = vec![Address::default()];
    let (listed, articles) = load_articles(dist, &manifest, &mut out.report);
    // The library's full-text index numbers articles as the list does.
    let mut search = IndexBuilder::new(listed);
    for (doc, slug, loaded, fingerprint) in articles {
        let loaded = Arc::new(loaded);
        api::remember_article(&slug, loaded.clone());
        search.add(doc, loaded.article());
        pages.push(out.article(&slug, loaded.article(), &fingerprint)?);
    }
    for (path, json) in search.files() {
        write(
            &dist.join("articles").join(search::DIR).join(path),
            json.as_bytes(),
        )?;
    }
    out.draw_cards()?;
    let report = out.report;

    // The library's first screen, from the manifest's first part.
    api::remember_library(manifest);
    let home = Address::default();
    let home_head = Head {
        title: crate::meta::library_title(&site.name),
        description: format!("The latest articles on {}.", site.name),
        kind: "website",
        address: home.clone(),
        canonical: home.clone(),
        image: None,
        published: None,
        section: None,
        json_ld: None,
    };
    let html = template.page(
        &home,
        &format!("{}{CLIENT_ROUTE_SCRIPT}", home_head.html(site)),
        &render_app(home.clone()),
        Some((api::MANIFEST, &manifest_fingerprint)),
    );
    // The old `?article=` links open on this page: until the app has
    // rendered the article, they show a loading line (and, if the app
    // fails, a reload link) instead of the library.
    let html = html.replacen(APP_START, &format!("{CLIENT_ROUTE_BOOT}{APP_START}"), 1);
    write(&index, html.as_bytes())?;

    let missing = Address::new("missing/404.html", "");
    write(
        &dist.join("404.html"),
        template.not_found(site, &render_app(missing)).as_bytes(),
    )?;
    write_site_files(dist, site, &pages)?;
    println!(
        "prerender: {} article pages, {} quote pages, {} event pages, {} cards in {:.1} s ({:.1} s of it on cards){}",
        report.articles,
        report.quote_pages,
        report.event_pages,
        report.cards,
        started.elapsed().as_secs_f64(),
        report.card_seconds,
        if report.skipped.is_empty() {
            String::new()
        } else {
            format!("; {} skipped", report.skipped.len())
        }
    );
    Ok(report)
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// Every article the manifest lists (all parts), in order, and those that
/// loaded and validated, each with its place in the list. An article that
/// cannot be loaded is reported and left to the client-side path, which
/// shows the reader its error panel; the build goes on.
#[allow(clippy::type_complexity)]
fn load_articles(
    dist: &Path,
    first: &Manifest,
    report: &mut Report,
) -> (Vec<String>, Vec<(usize, String, Loaded, String)>) {
    // The same reading of the parts as the home page's: skipped entries and
    // parts are reported, duplicates read once.
    let (entries, skipped) = article::library::read_all("articles/", first.clone(), |name| {
        let file = api::part_file(name);
        read(&dist.join(&file)).and_then(|t| load_manifest(&file, &t).map_err(|e| e.to_string()))
    });
    report.skipped.extend(skipped);
    let slugs: Vec<String> = entries.into_iter().map(|e| e.slug).collect();
    let mut out = Vec::new();
    for (doc, slug) in slugs.iter().cloned().enumerate() {
        let file = api::article_file(&slug);
        let text = read(&dist.join(&file));
        let fingerprint = text.as_deref().map(api::fingerprint).unwrap_or_default();
        let loaded = text.and_then(|t| {
            load_article(&file, &t)
                .and_then(|loaded| article::check_file_name(&file, &slug, loaded))
                .map_err(|e| e.to_string())
        });
        match loaded {
            Ok(loaded) => out.push((doc, slug, loaded, fingerprint)),
            Err(e) => report.skipped.push(e),
        }
    }
    for problem in &report.skipped {
        eprintln!("prerender: skipped {problem}");
    }
    (slugs, out)
}

/// Writes one article's pages and cards into `dist`.
struct Writer<'a> {
    dist: &'a Path,
    site: &'a Site,
    template: &'a Template,
    painter: Painter,
    /// Cards laid out and waiting to be drawn: where each goes, its SVG.
    cards: Vec<(std::path::PathBuf, String)>,
    report: Report,
}

/// Cards drawn at a time, which bounds the SVG text held in memory.
const CARD_BATCH: usize = 256;

impl Writer<'_> {
    /// The article's page, a page per quote and per timeline event, and
    /// their cards. Returns the article page's address.
    fn article(&mut self, slug: &str, a: &Article, fingerprint: &str) -> Result<Address, String> {
        let page = article_page(slug);
        let card = Card {
            kicker: a.section.as_deref().unwrap_or(""),
            text: &a.headline,
            quoted: false,
            byline: &a.source.name,
            context: a.summary.as_deref().unwrap_or(""),
            site: &self.site.name,
        };
        let alt = head::plain(
            &match &a.section {
                Some(section) => format!("{section}: {}", a.headline),
                None => a.headline.clone(),
            },
            400,
        );
        let image = self.card(&page, &card, &alt)?;
        self.page(
            &page,
            fingerprint,
            &head::article(self.site, a, Some(image)),
        )?;
        for (_, quote) in a.quotes() {
            let target = Target::Quote(quote.id.clone());
            let quote_page = article_view(slug, &[], Some(&target), true);
            let speaker = quote.speaker.as_deref().and_then(|s| a.person(s));
            let byline =
                speaker.map_or_else(|| "Speaker not identified".to_string(), |p| p.described());
            let card = Card {
                kicker: "Quote",
                text: &quote.text,
                quoted: true,
                byline: &byline,
                context: &a.headline,
                site: &self.site.name,
            };
            let alt = head::plain(&format!("“{}” – {byline}", quote.text), 400);
            let image = self.card(&quote_page, &card, &alt)?;
            let head = head::target(self.site, a, &target, quote_page.clone(), Some(image));
            self.page(&quote_page, fingerprint, &head)?;
            self.report.quote_pages += 1;
        }
        for event in &a.timeline {
            let target = Target::Event(event.id.clone());
            let event_page = article_view(slug, &[], Some(&target), true);
            let head = head::target(self.site, a, &target, event_page.clone(), None);
            self.page(&event_page, fingerprint, &head)?;
            self.report.event_pages += 1;
        }
        self.report.articles += 1;
        Ok(page)
    }

    /// One page of an article, naming the fingerprint of the article file
    /// it was rendered from.
    fn page(&mut self, page: &Address, fingerprint: &str, head: &Head) -> Result<(), String> {
        let slug = match page.route() {
            crate::address::Route::Article { slug, .. } => slug,
            _ => String::new(),
        };
        let html = self.template.page(
            page,
            &head.html(self.site),
            &render_app(page.clone()),
            Some((&api::article_file(&slug), fingerprint)),
        );
        self.report.html_bytes += html.len();
        write(
            &self.dist.join(&page.path).join("index.html"),
            html.as_bytes(),
        )
    }

    /// A card beside its page (`a/<slug>/q/<id>/card.png`): laid out now,
    /// drawn with others by `draw_cards`.
    fn card(&mut self, page: &Address, card: &Card, alt: &str) -> Result<head::Image, String> {
        let path = format!("{}card.png", page.path);
        self.cards
            .push((self.dist.join(&path), self.painter.svg(card)));
        if self.cards.len() >= CARD_BATCH {
            self.draw_cards()?;
        }
        Ok(head::Image {
            path,
            width: card::WIDTH,
            height: card::HEIGHT,
            alt: alt.to_string(),
        })
    }

    /// Draws the cards laid out so far, split over the machine's cores
    /// (drawing is nine tenths of a large site's build).
    fn draw_cards(&mut self) -> Result<(), String> {
        let started = Instant::now();
        let jobs = std::mem::take(&mut self.cards);
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
        let painter = &self.painter;
        std::thread::scope(|scope| {
            let running: Vec<_> = jobs
                .chunks(jobs.len().div_ceil(workers).max(1))
                .map(|jobs| {
                    scope.spawn(move || {
                        jobs.iter()
                            .try_for_each(|(path, svg)| write(path, &painter.rasterise(svg)?))
                    })
                })
                .collect();
            running.into_iter().try_for_each(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|_| Err("a card could not be drawn".into()))
            })
        })?;
        self.report.cards += jobs.len();
        self.report.card_seconds += started.elapsed().as_secs_f64();
        Ok(())
    }
}

/// `robots.txt` always; `sitemap.xml` of every article page when the base
/// URL is known (a sitemap must list absolute URLs).
fn write_site_files(dist: &Path, site: &Site, pages: &[Address]) -> Result<(), String> {
    let mut robots = String::from("User-agent: *\nAllow: /\n");
    if let Some(base) = &site.base_url {
        let _ = writeln!(robots, "Sitemap: {base}sitemap.xml");
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for page in pages {
            if let Some(url) = site.absolute(page) {
                let _ = writeln!(xml, "  <url><loc>{}</loc></url>", head::esc(&url));
            }
        }
        xml.push_str("</urlset>\n");
        write(&dist.join("sitemap.xml"), xml.as_bytes())?;
    }
    write(&dist.join("robots.txt"), robots.as_bytes())
}

/// A subresource-integrity value (`sha384-…`), as trunk writes them.
fn integrity(file: &Path) -> Result<String, String> {
    let bytes = fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(&bytes))
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_exactly_the_inline_start_up_script() {
        let head = "<script type=\"module\">import init from '../../x.js';</script>\n<script type=\"application/ld+json\">{}</script><script src=\"a.js\"></script>";
        let p = policy(head, &[]);
        assert_eq!(p.matches("'sha256-").count(), 1, "{p}");
        assert!(!p.contains("unsafe-inline"));
        // The hash changes with the script's text, as the browser's would.
        assert_ne!(p, policy(&head.replace("../../", "./"), &[]));
    }

    #[test]
    fn the_app_starts_after_the_first_paint() {
        let head = "<script type=\"module\">\nimport init, * as bindings from '../../app.js';\nconst wasm = await init({});\n</script>";
        let out = start_after_paint(head);
        assert!(out.contains("await import('../../app.js')"), "{out}");
        assert!(out.find("first-contentful-paint") < out.find("await import"));
        assert!(out.contains("const wasm = await init({});"));
        assert!(!out.contains("import init"));
        // Anything else is left as it is.
        assert_eq!(
            start_after_paint("<link rel=\"stylesheet\">"),
            "<link rel=\"stylesheet\">"
        );
    }

    #[test]
    fn images_come_from_the_site_and_the_hosts_it_names_only() {
        assert!(policy("", &[]).contains("img-src 'self';"));
        let hosts = ["https://images.example.net".to_string()];
        assert!(policy("", &hosts).contains("img-src 'self' https://images.example.net;"));
        assert!(!policy("", &hosts).contains("https:;"));
    }

    #[test]
    fn the_policy_allows_the_inline_style_sheet_by_its_hash() {
        let head = "<style>p{color:red}</style>";
        let p = policy(head, &[]);
        assert_eq!(p.matches("style-src 'self' 'sha256-").count(), 1, "{p}");
        assert_ne!(p, policy("<style>p{color:blue}</style>", &[]));
        assert!(policy("", &[]).contains("style-src 'self';"));
    }

    #[test]
    fn style_sheet_urls_reach_the_root_from_a_folder() {
        let css = ".a{mask:url(\"icons/a.svg\")}.b{background:url(i/b.png)}.c{background:url('/x.png')}.d{background:url(data:image/png;base64,AA==)}.e{background:url(https://x.org/e.png)}";
        assert_eq!(
            rebase_css_urls(css, "../../"),
            ".a{mask:url(\"../../icons/a.svg\")}.b{background:url(../../i/b.png)}.c{background:url('/x.png')}.d{background:url(data:image/png;base64,AA==)}.e{background:url(https://x.org/e.png)}"
        );
        assert_eq!(rebase_css_urls(css, "./"), css);
        assert_eq!(
            attribute("<link href=\"./a.css\" integrity=\"sha-1\">", "integrity"),
            Some("sha-1")
        );
    }

    #[test]
    fn assets_are_reached_from_any_folder() {
        assert_eq!(
            rebase(
                "<link href=\"./main.css\"><script>import('./a.js')</script>",
                "../../"
            ),
            "<link href=\"../../main.css\"><script>import('../../a.js')</script>"
        );
    }

    #[test]
    fn the_base_path_comes_from_the_base_url() {
        let site = |base: Option<&str>| Site {
            name: "N".into(),
            base_url: base.map(String::from),
            image_hosts: Vec::new(),
        };
        assert_eq!(site(None).base_path(), "/");
        assert_eq!(site(Some("https://x.org/")).base_path(), "/");
        assert_eq!(site(Some("https://x.org/news/")).base_path(), "/news/");
        assert_eq!(
            site(Some("https://x.org/news/"))
                .absolute(&article_page("s"))
                .as_deref(),
            Some("https://x.org/news/a/s/")
        );
    }
}
