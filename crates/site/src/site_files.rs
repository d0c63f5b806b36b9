//! The files a site owner expects besides the pages: `robots.txt`, and
//! with a base URL `sitemap.xml` (a sitemap must list absolute URLs).

use std::fmt::Write as _;

use newsview::address::Address;

use crate::head;
use crate::output::Output;
use crate::settings::Site;

/// The most URLs one sitemap file may list (sitemaps.org); a larger site
/// gets `sitemap.xml` as an index of `sitemap-1.xml`, `sitemap-2.xml`, ….
const URLS_PER_SITEMAP: usize = 50_000;

/// `robots.txt` always; the sitemap of every article page when the base
/// URL is known. Without one, a sitemap an earlier build wrote goes.
pub fn write(out: &mut Output, site: &Site, pages: &[Address]) -> Result<(), String> {
    let mut robots = String::from("User-agent: *\nAllow: /\n");
    let Some(base) = &site.base_url else {
        remove_sitemaps(out)?;
        return out.write("robots.txt", robots.as_bytes());
    };
    let _ = writeln!(robots, "Sitemap: {base}sitemap.xml");
    let urls: Vec<String> = pages.iter().filter_map(|p| site.absolute(p)).collect();
    let files = sitemaps(base, &urls);
    for (name, xml) in &files {
        out.write(name, xml.as_bytes())?;
    }
    // Parts a larger archive needed, no longer needed (`files` is the
    // index and its parts, or one sitemap).
    remove_parts_from(out, files.len().max(1))?;
    out.write("robots.txt", robots.as_bytes())
}

/// The sitemap files for `urls`: one `sitemap.xml`, or an index and parts.
fn sitemaps(base: &str, urls: &[String]) -> Vec<(String, String)> {
    let list = |urls: &[String]| {
        let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for url in urls {
            let _ = writeln!(xml, "  <url><loc>{}</loc></url>", head::esc(url));
        }
        xml.push_str("</urlset>\n");
        xml
    };
    if urls.len() <= URLS_PER_SITEMAP {
        return vec![("sitemap.xml".into(), list(urls))];
    }
    let mut files = vec![];
    let mut index = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (i, part) in urls.chunks(URLS_PER_SITEMAP).enumerate() {
        let name = format!("sitemap-{}.xml", i + 1);
        let _ = writeln!(
            index,
            "  <sitemap><loc>{}</loc></sitemap>",
            head::esc(&format!("{base}{name}"))
        );
        files.push((name, list(part)));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, ("sitemap.xml".into(), index));
    files
}

fn remove_sitemaps(out: &mut Output) -> Result<(), String> {
    out.remove("sitemap.xml")?;
    remove_parts_from(out, 1)
}

/// `sitemap-N.xml` from `first` on, as far as they go.
fn remove_parts_from(out: &mut Output, first: usize) -> Result<(), String> {
    for n in first.. {
        if !out.remove(&format!("sitemap-{n}.xml"))? {
            return Ok(());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_site_gets_a_sitemap_index() {
        let urls: Vec<String> = (0..URLS_PER_SITEMAP + 1)
            .map(|i| format!("https://x.org/a/s{i}/"))
            .collect();
        let files = sitemaps("https://x.org/", &urls);
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"]);
        assert!(files[0]
            .1
            .contains("<loc>https://x.org/sitemap-2.xml</loc>"));
        assert_eq!(files[2].1.matches("<url>").count(), 1);
        let one = sitemaps("https://x.org/", &urls[..3]);
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].1.matches("<url>").count(), 3);
    }

    #[test]
    fn parts_a_smaller_site_no_longer_needs_are_removed() {
        let dist = std::env::temp_dir().join(format!("newsview-sitemaps-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dist);
        let site = Site::new(None, Some("https://x.org/"), "").unwrap();
        let pages: Vec<Address> = (0..=URLS_PER_SITEMAP)
            .map(|i| newsview::address::article_page(&format!("s{i}")))
            .collect();
        write(&mut Output::new(&dist, false).unwrap(), &site, &pages).unwrap();
        assert!(dist.join("sitemap-2.xml").is_file());
        std::fs::write(dist.join("sitemap-2.xml.gz"), "copy").unwrap();
        write(&mut Output::new(&dist, false).unwrap(), &site, &pages[..2]).unwrap();
        assert!(!dist.join("sitemap-1.xml").exists() && !dist.join("sitemap-2.xml").exists());
        assert!(!dist.join("sitemap-2.xml.gz").exists());
        let one = std::fs::read_to_string(dist.join("sitemap.xml")).unwrap();
        assert_eq!(one.matches("<url>").count(), 2);
        // Without a base URL, no sitemap at all.
        let bare = Site::new(None, None, "").unwrap();
        write(&mut Output::new(&dist, false).unwrap(), &bare, &pages[..2]).unwrap();
        assert!(!dist.join("sitemap.xml").exists());
        assert!(!std::fs::read_to_string(dist.join("robots.txt"))
            .unwrap()
            .contains("Sitemap"));
        std::fs::remove_dir_all(dist).unwrap();
    }
}
