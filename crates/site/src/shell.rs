//! The page shell: trunk's `index.html` (the app's files, the style sheet,
//! the start-up script), split where each page puts its own parts, and put
//! together again around each page's head and body.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use newsview::address::{Address, Route};

use crate::css;
use crate::head;
use crate::policy::{inline_hashes, integrity, policy, static_policy};
use crate::settings::Site;

/// The article pages' start-up, after `reader` has started: if the page's
/// article file is still the one it was rendered from, each island (a
/// `<leptos-island>` naming its function) is hydrated in document order,
/// nested ones under their parent's owner (the `$$on_hydrate` its
/// `<leptos-children>` carries); else the whole app is loaded and renders
/// the page afresh. `{app_js}` and `{app_wasm}` are the whole app's files;
/// `use_reader` fills them in after pointing the page at `reader`.
const ISLANDS_SCRIPT: &str = include_str!("../js/islands.js");

/// What replaces trunk's import of the app on a complete page: wait for the
/// first paint (or 3 s), then import `{module}`.
const AFTER_PAINT_SCRIPT: &str = include_str!("../js/after-paint.js");

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
    /// The site's footer, written after the app's element on every page,
    /// its links as from the site's root (`./`).
    pub footer: String,
}

pub const APP_START: &str = "<div id=\"page_app\">";
pub const APP_END: &str = "<!--/app--></div>";

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
            footer: String::new(),
        })
    }

    /// Article, quote and event pages load `reader` (`scripts/build-reader.sh`:
    /// the controls of a pre-rendered article page as islands, without the
    /// rest of the app) in place of trunk's whole app: the names in the
    /// start-up script and the preload links change, and so do the links'
    /// integrity hashes; the script then hydrates the page's islands
    /// (`js/islands.js`). These pages are written for islands, so the
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
        let root = page_root(address);
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
        let mut html = open_head(&policy, &paint, head, app_html.len());
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
        self.push_body(&mut html, app_html, &root);
        for line in preloads {
            let _ = writeln!(html, "    {line}");
        }
        html.push_str("</body>\n</html>\n");
        html
    }

    /// A page that runs no app (a quote's or an event's own page): the
    /// shell's icons and viewport, its style sheet cut to the rules this
    /// body can use, the page's head, and its body in the shell's frame; no
    /// script and no preload, so the policy allows no script at all.
    pub fn static_page(&self, address: &Address, head: &str, body_html: &str) -> String {
        let root = page_root(address);
        let (_, tags) = split_scripts(&rebase(&self.head, &root));
        let paint: String = tags
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.contains("preload"))
            .map(|l| match &self.css {
                Some(css) if l.contains("rel=\"stylesheet\"") => format!(
                    "    <style>{}</style>\n",
                    rebase_css_urls(
                        &css::used_by(css, &format!("{body_html}{}", self.footer)),
                        &root
                    )
                ),
                _ => format!("    {l}\n"),
            })
            .collect();
        let policy = static_policy(&format!("{paint}{head}"), &self.image_hosts);
        let mut html = open_head(&policy, &paint, head, body_html.len());
        self.push_body(&mut html, body_html, &root);
        html.push_str("</body>\n</html>\n");
        html
    }

    /// Ends the head and puts `app_html` in the shell's body, then the
    /// site's footer (its links reaching the root from `root`), up to where
    /// the body's own end goes.
    fn push_body(&self, html: &mut String, app_html: &str, root: &str) {
        html.push_str("</head>\n");
        html.push_str(&self.body_start);
        html.push_str(APP_START);
        html.push_str(app_html);
        html.push_str("</div>");
        html.push_str(&rebase(&self.footer, root));
        html.push_str(&self.body_end);
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
        let footer = rebase(&self.footer, &base);
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"utf-8\" />\n    <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self' {styles_allowed}; img-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'\" />\n    <title>Page not found - {}</title>\n    <meta name=\"robots\" content=\"noindex\" />\n{styles}  </head>\n  <body>\n    <div id=\"page_app\">{body}</div>\n{footer}\n  </body>\n</html>\n",
            head::esc(&site.name)
        )
    }
}

/// How a page's links reach the site root: `./` at the root.
fn page_root(address: &Address) -> String {
    match address.root() {
        root if root.is_empty() => "./".to_string(),
        root => root,
    }
}

/// A page's start up to its head's own tags: its policy first, then what
/// the first paint needs (`paint`), then `head`.
fn open_head(policy: &str, paint: &str, head: &str, body_len: usize) -> String {
    let mut html = String::with_capacity(body_len + paint.len() + 4096);
    html.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"utf-8\" />\n",
    );
    let _ = writeln!(
        html,
        "    <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />"
    );
    html.push_str(paint);
    html.push_str(head);
    html
}

/// trunk's start-up script imports the app at once, so the wasm is
/// instantiated and started before the browser's first paint (25 ms of main
/// thread on the seed, measured). On a page that is already complete, the
/// app waits for that paint (or 3 s, for a tab painted late); its files
/// still download meanwhile, through their preloads.
pub fn start_after_paint(head: &str) -> String {
    const IMPORT: &str = "import init, * as bindings from '";
    let Some(start) = head.find(IMPORT) else {
        return head.to_string();
    };
    let Some(end) = head[start + IMPORT.len()..].find("';") else {
        return head.to_string();
    };
    let module = &head[start + IMPORT.len()..start + IMPORT.len() + end];
    let waiting = AFTER_PAINT_SCRIPT.trim_end().replace("{module}", module);
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

pub fn find_between(s: &str, start: &str, end: &str) -> Option<(usize, usize)> {
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

/// The shell of a built `dist/`: trunk's page, pointed at `reader` for
/// article pages, with the site's image hosts in its policy. trunk's page
/// is kept as `shell.html` the first time, so the build can run again on a
/// folder it has already written (its `index.html` is the home page by
/// then). `shell.html` is served like any file, so it carries the pages'
/// policy (which `parse` drops again).
pub fn load(dist: &Path, site: &Site) -> Result<Template, String> {
    let read =
        |path: &Path| fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()));
    let shell = dist.join("shell.html");
    let mut page = read(&dist.join("index.html"))?;
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
        crate::output::write_whole(&shell, kept.as_bytes())?;
    } else {
        page = read(&shell).map_err(|e| {
            format!("{e} (index.html is not trunk's page either: build the app with trunk first)")
        })?;
    }
    let mut template =
        Template::parse(&page, |url| read(&dist.join(url.trim_start_matches("./"))))?;
    template.image_hosts = site.image_hosts.clone();
    template.footer = crate::render::render_footer(site);
    template.use_reader(dist)?;
    Ok(template)
}

impl Template {
    /// Everything of the shell that goes into a page: a page rendered with
    /// another fingerprint must be rendered again.
    pub fn fingerprint(&self) -> String {
        crate::output::hash(&[
            self.head.as_bytes(),
            self.css.as_deref().unwrap_or("").as_bytes(),
            self.body_start.as_bytes(),
            self.body_end.as_bytes(),
            self.image_hosts.join(" ").as_bytes(),
            self.reader_head.as_deref().unwrap_or("").as_bytes(),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
