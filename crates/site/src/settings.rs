//! The build's settings: one value, read once (from the environment and the
//! command line) and handed down to every stage.

use newsview::address::Address;
use newsview::FooterLink;

/// What the pages say about the site (see the README's build settings).
#[derive(Clone, Debug)]
pub struct Site {
    /// `NEWSVIEW_SITE_NAME`, default "Newsview".
    pub name: String,
    /// `NEWSVIEW_BASE_URL`: where `dist/` is served, ending in `/`.
    /// Without it, nothing that needs an absolute URL is written.
    pub base_url: Option<String>,
    /// `NEWSVIEW_IMAGE_HOSTS`: origins besides the site's own that images
    /// may come from (a CDN), as the pages' policy names them.
    pub image_hosts: Vec<String>,
    /// `NEWSVIEW_FOOTER_LINKS`: the footer's links after "All articles",
    /// `About=/about/|Contact=mailto:desk@example.org|Corrections=https://…`.
    pub footer_links: Vec<FooterLink>,
}

impl Site {
    pub fn from_env() -> Result<Site, String> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        Site::new(
            var("NEWSVIEW_SITE_NAME").as_deref(),
            var("NEWSVIEW_BASE_URL").as_deref(),
            var("NEWSVIEW_IMAGE_HOSTS").as_deref().unwrap_or(""),
        )?
        .with_footer_links(var("NEWSVIEW_FOOTER_LINKS").as_deref().unwrap_or(""))
    }

    /// The footer's links from their written form: `Label=address` pairs
    /// separated by `|`. An address is http(s) or mailto, or a path on
    /// this site (`/about/`, reached from every page wherever the site is
    /// served); anything else is refused with the pair it came from.
    pub fn with_footer_links(mut self, written: &str) -> Result<Site, String> {
        self.footer_links = written
            .split('|')
            .map(str::trim)
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let refuse = |why: &str| format!("NEWSVIEW_FOOTER_LINKS: \"{pair}\" {why}");
                let (label, href) = pair
                    .split_once('=')
                    .ok_or_else(|| refuse("is not Label=address"))?;
                let (label, href) = (label.trim(), href.trim());
                if label.is_empty() {
                    return Err(refuse("has no label"));
                }
                let href = footer_href(href).map_err(|why| refuse(&why))?;
                Ok(FooterLink {
                    label: label.to_string(),
                    href,
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(self)
    }

    /// The settings from their written form (as in the environment).
    pub fn new(
        name: Option<&str>,
        base_url: Option<&str>,
        image_hosts: &str,
    ) -> Result<Site, String> {
        let base_url = match base_url.map(str::trim) {
            Some(url) if !(url.starts_with("https://") || url.starts_with("http://")) => {
                return Err(format!(
                    "NEWSVIEW_BASE_URL must be an http(s) URL, not \"{url}\""
                ))
            }
            Some(url) if url.ends_with('/') => Some(url.to_string()),
            Some(url) => Some(format!("{url}/")),
            None => None,
        };
        let image_hosts = image_hosts
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|h| !h.is_empty())
            .map(|h| {
                article::links::image_host(h).map_err(|e| format!("NEWSVIEW_IMAGE_HOSTS: {e}"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Site {
            name: name.map_or("Newsview", str::trim).to_string(),
            base_url,
            image_hosts,
            footer_links: Vec::new(),
        })
    }

    /// The absolute URL of a page, when the base URL is known.
    pub fn absolute(&self, to: &Address) -> Option<String> {
        Some(newsview::address::under(self.base_url.as_ref()?, to))
    }

    /// The path part of the base URL (`/` without one): what `404.html`,
    /// served at any depth, needs for its style sheet.
    pub fn base_path(&self) -> String {
        self.base_url
            .as_ref()
            .and_then(|u| u.splitn(4, '/').nth(3).map(|p| format!("/{p}")))
            .unwrap_or_else(|| "/".into())
    }

    /// Everything about the settings that changes what a page says: part of
    /// every page's inputs in the build manifest.
    pub fn fingerprint(&self) -> String {
        format!(
            "name={:?} base={:?} images={:?} footer={:?}",
            self.name, self.base_url, self.image_hosts, self.footer_links
        )
    }
}

/// How to build, besides what the pages say.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Render and write everything, whatever the last build recorded.
    pub full: bool,
    /// The site owner's articles folder (the manifest and article files),
    /// to serve in place of what `dist/articles/` holds.
    pub articles: Option<std::path::PathBuf>,
    /// Build only this share of the articles' pages.
    pub shard: Option<Shard>,
    /// Write `.gz`/`.br` copies beside every text file over 1 KB (for hosts
    /// that serve them as they are); a shard leaves this to the merge.
    pub precompress: bool,
    /// Name every file written in the report (else the first
    /// `output::NAMED_AT_MOST`; the counts are always whole).
    pub list: bool,
}

/// A share of the articles, for building a large archive on several
/// machines: shard `index` of `count` takes the articles whose slug hashes
/// to it, so an article stays in its shard as the archive grows. Each
/// shard writes its articles' pages and cards and its part of the build
/// manifest (`build-manifest.shard-K-of-N.json`); a build without a shard
/// on the shards' outputs put together keeps all their pages and writes
/// what spans them (home, search index, sitemap, 404, robots), so the
/// result is the same as one build's, byte for byte.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shard {
    /// From 1.
    pub index: u32,
    pub count: u32,
}

impl Shard {
    /// `K/N`, as written on the command line.
    pub fn parse(text: &str) -> Result<Shard, String> {
        let problem = || format!("--shard wants K/N with 1 <= K <= N (as 2/3), not \"{text}\"");
        let (k, n) = text.split_once('/').ok_or_else(problem)?;
        let (index, count) = (k.trim().parse::<u32>(), n.trim().parse::<u32>());
        match (index, count) {
            (Ok(index), Ok(count)) if (1..=count).contains(&index) => Ok(Shard { index, count }),
            _ => Err(problem()),
        }
    }

    /// Whether the article `slug` is this shard's.
    pub fn takes(&self, slug: &str) -> bool {
        let digest = crate::output::hash(&[slug.as_bytes()]);
        let bucket = u32::from_str_radix(&digest[..8], 16).unwrap_or(0);
        bucket % self.count == self.index - 1
    }
}

/// One build's settings, handed to every stage.
#[derive(Clone, Debug)]
pub struct Settings {
    pub site: Site,
    pub options: Options,
}

/// Where a footer link goes: a web or mail address as written (the one
/// policy for links), or a path on this site as `./path`, which each page
/// points at the site's root.
fn footer_href(href: &str) -> Result<String, String> {
    if let Some(mail) = href.strip_prefix("mailto:") {
        let plain = !mail.is_empty()
            && mail.contains('@')
            && !mail
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>');
        return if plain {
            Ok(href.to_string())
        } else {
            Err("is not a plain mail address".into())
        };
    }
    if let Some(path) = href.strip_prefix('/').filter(|p| !p.starts_with('/')) {
        let safe = path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._~/#?=&%".contains(c));
        return if safe {
            Ok(format!("./{path}"))
        } else {
            Err("is a path with characters a link cannot carry".into())
        };
    }
    article::links::link(href)
        .map(|()| href.to_string())
        .map_err(|e| format!("is refused: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footer_links_are_web_mail_or_site_paths_and_anything_else_is_refused_by_name() {
        let site = Site::new(None, None, "").unwrap();
        let links = site
            .clone()
            .with_footer_links(" About=/about/ | Contact=mailto:desk@example.org|Corrections=https://example.org/c?x=1 ")
            .unwrap()
            .footer_links;
        let hrefs: Vec<&str> = links.iter().map(|l| l.href.as_str()).collect();
        assert_eq!(
            hrefs,
            [
                "./about/",
                "mailto:desk@example.org",
                "https://example.org/c?x=1"
            ]
        );
        assert_eq!(links[0].label, "About");
        for bad in [
            "About=javascript:alert(1)",
            "About=//evil.example/",
            "About=/a\"onmouseover=x",
            "About",
            "=/about/",
            "Mail=mailto:a b@x",
            "About=data:text/html,hi",
        ] {
            let e = site.clone().with_footer_links(bad).unwrap_err();
            assert!(e.starts_with("NEWSVIEW_FOOTER_LINKS: \""), "{bad}: {e}");
        }
        assert!(site
            .clone()
            .with_footer_links("")
            .unwrap()
            .footer_links
            .is_empty());
    }

    #[test]
    fn every_article_falls_in_exactly_one_shard() {
        let shards: Vec<Shard> = (1..=3)
            .map(|k| Shard::parse(&format!("{k}/3")).unwrap())
            .collect();
        let mut sizes = [0; 3];
        for i in 0..300 {
            let slug = format!("article-{i}");
            let taken: Vec<usize> = (0..3).filter(|&k| shards[k].takes(&slug)).collect();
            assert_eq!(taken.len(), 1, "{slug}");
            sizes[taken[0]] += 1;
        }
        assert!(sizes.iter().all(|&n| n > 60), "{sizes:?}");
        for bad in ["0/3", "4/3", "3", "a/b", "1/0"] {
            assert!(Shard::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_base_path_comes_from_the_base_url() {
        let site = |base: Option<&str>| Site::new(Some("N"), base, "").unwrap();
        assert_eq!(site(None).base_path(), "/");
        assert_eq!(site(Some("https://x.org/")).base_path(), "/");
        assert_eq!(site(Some("https://x.org/news/")).base_path(), "/news/");
        assert_eq!(site(Some("https://x.org/news")).base_path(), "/news/");
        assert_eq!(
            site(Some("https://x.org/news/"))
                .absolute(&newsview::address::article_page("s"))
                .as_deref(),
            Some("https://x.org/news/a/s/")
        );
        assert!(Site::new(None, Some("ftp://x.org/"), "").is_err());
        assert_eq!(Site::new(None, None, "").unwrap().name, "Newsview");
    }
}
