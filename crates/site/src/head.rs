//! What each pre-rendered page says about itself in `<head>`: title,
//! description, canonical URL, Open Graph and Twitter tags, and schema.org
//! JSON-LD. Link-preview crawlers and search engines read only this.

use article::index::Target;
use article::{runs_text, Article, Block};

use newsview::address::{article_page, Address};
use newsview::meta::page_title;
pub use newsview::meta::plain;

use crate::settings::Site;

/// One page's head, as data; [`Head::html`] writes it.
pub struct Head {
    pub title: String,
    pub description: String,
    /// `og:type`: `article` or `website`.
    pub kind: &'static str,
    pub address: Address,
    /// The page this one is a view of (a quote's page points at its article).
    pub canonical: Address,
    pub image: Option<Image>,
    pub published: Option<String>,
    pub section: Option<String>,
    pub json_ld: Option<serde_json::Value>,
}

pub struct Image {
    /// Relative to the site root, or an absolute https address (a lead
    /// picture on an image host).
    pub path: String,
    /// Width and height, when known.
    pub size: Option<(u32, u32)>,
    pub alt: String,
}

impl Image {
    /// The address a crawler fetches: absolute, so only with a base URL
    /// for a picture on the site itself.
    fn url(&self, site: &Site) -> Option<String> {
        if article::links::link(&self.path).is_ok() {
            return Some(self.path.clone());
        }
        let base = site.base_url.as_ref()?;
        Some(format!("{base}{}", self.path.trim_start_matches('/')))
    }
}

/// The article's lead picture (`Picture::lead_of`, the first the URL policy
/// accepts) as its preview, when the site's pages may show it: on the site
/// itself or on one of its image hosts. Its alternative text, else its
/// caption.
pub fn lead_picture(site: &Site, a: &Article) -> Option<Image> {
    let lead = article::Picture::lead_of(a)?;
    if !article::links::image_allowed(&lead.src, Some(&site.image_hosts)) {
        return None;
    }
    let image = a
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .find_map(|b| match b {
            Block::Image(i) if i.src.as_deref() == Some(lead.src.as_str()) => Some(i),
            _ => None,
        })?;
    let alt = match image.alt.trim() {
        "" => runs_text(&image.caption),
        alt => alt.to_string(),
    };
    Some(Image {
        path: lead.src,
        size: image.size(),
        alt: plain(&alt, 400),
    })
}

/// The article's first paragraph as plain text.
pub fn first_paragraph(article: &Article) -> Option<String> {
    article
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .find_map(|b| match b {
            Block::Paragraph(p) => Some(runs_text(&p.runs)),
            _ => None,
        })
}

/// The head of an article's own page.
pub fn article(site: &Site, a: &Article, image: Option<Image>) -> Head {
    let description = plain(
        &a.summary
            .clone()
            .or_else(|| first_paragraph(a))
            .unwrap_or_default(),
        300,
    );
    let page = article_page(&a.id);
    let mut ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": plain(&a.headline, 110),
        "description": description,
        "inLanguage": a.language,
        // One publisher across the head: the site, as `og:site_name` says;
        // the newsroom the article came from is its source.
        "publisher": { "@type": "Organization", "name": site.name },
        "sourceOrganization": { "@type": "Organization", "name": a.source.name },
    });
    if let Some(published) = &a.published {
        ld["datePublished"] = published.text().into();
    }
    if let Some(updated) = a.updated.as_ref().filter(|u| u.value().is_some()) {
        ld["dateModified"] = updated.text().into();
    }
    let authors: Vec<serde_json::Value> = a
        .authors
        .iter()
        .map(|w| {
            let mut person = serde_json::json!({ "@type": "Person", "name": plain(&w.name, 100) });
            if let Some(role) = &w.role {
                person["jobTitle"] = plain(role, 100).into();
            }
            person
        })
        .collect();
    if !authors.is_empty() {
        ld["author"] = authors.into();
    }
    if let Some(section) = &a.section {
        ld["articleSection"] = section.clone().into();
    }
    if let Some(url) = site.absolute(&page) {
        ld["url"] = url.clone().into();
        ld["mainEntityOfPage"] = url.into();
    }
    if let Some(url) = image.as_ref().and_then(|i| i.url(site)) {
        ld["image"] = url.into();
    }
    if let Some(url) = a.source.url.as_ref().filter(|u| article::is_safe_url(u)) {
        ld["isBasedOn"] = url.clone().into();
    }
    Head {
        title: page_title(a, None, &site.name),
        description,
        kind: "article",
        address: page.clone(),
        canonical: page,
        image,
        published: a.published.as_ref().map(|p| p.text().to_string()),
        section: a.section.clone(),
        json_ld: Some(ld),
    }
}

/// The head of a quote's or an event's page: the target is what a preview
/// shows; canonical is the article.
pub fn target(
    site: &Site,
    a: &Article,
    target: &Target,
    page: Address,
    image: Option<Image>,
) -> Head {
    let base = article(site, a, None);
    let (description, ld) = match target {
        Target::Quote(id) => {
            let quote = a.quotes().map(|(_, q)| q).find(|q| &q.id == id);
            let text = quote.map(|q| q.text.as_str()).unwrap_or_default();
            let speaker = quote
                .and_then(|q| q.speaker.as_deref())
                .and_then(|s| a.person(s));
            let who =
                speaker.map_or_else(|| "speaker not identified".to_string(), |p| p.described());
            let description = plain(&format!("“{text}” – {who}. From “{}”.", a.headline), 300);
            let mut ld = serde_json::json!({
                "@context": "https://schema.org",
                "@type": "Quotation",
                "text": plain(text, 5000),
                "isPartOf": { "@type": "NewsArticle", "headline": plain(&a.headline, 110) },
            });
            if let Some(published) = &a.published {
                ld["isPartOf"]["datePublished"] = published.text().into();
            }
            if let Some(p) = speaker {
                ld["spokenByCharacter"] = match p.kind {
                    article::SpeakerKind::Person => {
                        serde_json::json!({ "@type": "Person", "name": p.name, "jobTitle": p.role })
                    }
                    article::SpeakerKind::Organisation => {
                        serde_json::json!({ "@type": "Organization", "name": p.name })
                    }
                };
            }
            (description, ld)
        }
        Target::Event(id) => {
            let event = a.timeline.iter().find(|e| &e.id == id);
            let what = event.map_or_else(String::new, |e| {
                format!("{} ({})", plain(&e.title, 100), e.date.display())
            });
            let description = plain(
                &format!("{what}: on the timeline of “{}”.", a.headline),
                300,
            );
            let mut ld = serde_json::json!({
                "@context": "https://schema.org",
                "@type": "Event",
                "name": event.map(|e| plain(&e.title, 200)),
            });
            if let Some(e) = event.filter(|e| e.date.date().is_some()) {
                ld["startDate"] = e.date.value.as_ref().map(|v| v.text()).into();
            }
            (description, ld)
        }
    };
    let mut ld = ld;
    if let Some(url) = site.absolute(&base.address) {
        ld["isPartOf"]["url"] = url.into();
    }
    Head {
        title: page_title(a, Some(target), &site.name),
        description,
        address: page,
        image,
        json_ld: Some(ld),
        ..base
    }
}

/// The longest each kind of head text may be. Every text a head writes
/// passes through [`plain`] with one of these (in [`Head::html`] and
/// [`clean_ld`]): data reaches a crawler without control or direction
/// characters and never page-long.
const TITLE_MAX: usize = 200;
const DESCRIPTION_MAX: usize = 300;
const LABEL_MAX: usize = 100;
const ALT_MAX: usize = 400;
/// A quote's whole text in its JSON-LD.
const TEXT_MAX: usize = 5000;

/// Every string of a JSON-LD value made plain and bounded, by its key:
/// addresses (already through the URL policy) and schema words as they are.
fn clean_ld(value: &mut serde_json::Value, key: &str) {
    match value {
        serde_json::Value::String(s) => {
            let max = match key {
                "url" | "image" | "mainEntityOfPage" | "@context" | "@type" | "datePublished"
                | "dateModified" | "startDate" | "inLanguage" => return,
                "text" => TEXT_MAX,
                "description" => DESCRIPTION_MAX,
                "headline" | "name" => TITLE_MAX,
                _ => LABEL_MAX,
            };
            *s = plain(s, max);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| clean_ld(v, key)),
        serde_json::Value::Object(fields) => {
            for (k, v) in fields.iter_mut() {
                clean_ld(v, k);
            }
        }
        _ => {}
    }
}

impl Head {
    pub fn html(&self, site: &Site) -> String {
        let mut out = String::new();
        let mut tag = |s: String| {
            out.push_str("    ");
            out.push_str(&s);
            out.push('\n');
        };
        let title = plain(&self.title, TITLE_MAX);
        let preview = plain(&self.title_for_preview(site), TITLE_MAX);
        let description = plain(&self.description, DESCRIPTION_MAX);
        tag(format!("<title>{}</title>", esc(&title)));
        tag(format!(
            r#"<meta name="description" content="{}" />"#,
            esc(&description)
        ));
        let canonical = site
            .absolute(&self.canonical)
            .unwrap_or_else(|| self.address.href_to(&self.canonical));
        tag(format!(
            r#"<link rel="canonical" href="{}" />"#,
            esc(&canonical)
        ));
        let og = |p: &str, v: &str| format!(r#"<meta property="{p}" content="{}" />"#, esc(v));
        tag(og("og:type", self.kind));
        tag(og("og:title", &preview));
        tag(og("og:description", &description));
        tag(og("og:site_name", &plain(&site.name, LABEL_MAX)));
        if let Some(url) = site.absolute(&self.address) {
            tag(og("og:url", &url));
        }
        if let Some(p) = &self.published {
            tag(og("article:published_time", p));
        }
        if let Some(s) = &self.section {
            tag(og("article:section", &plain(s, LABEL_MAX)));
        }
        let image = self.image.as_ref().and_then(|i| Some((i, i.url(site)?)));
        let name = |n: &str, v: &str| format!(r#"<meta name="{n}" content="{}" />"#, esc(v));
        match image {
            Some((i, url)) => {
                tag(og("og:image", &url));
                if let Some((width, height)) = i.size {
                    tag(og("og:image:width", &width.to_string()));
                    tag(og("og:image:height", &height.to_string()));
                }
                let alt = plain(&i.alt, ALT_MAX);
                tag(og("og:image:alt", &alt));
                tag(name("twitter:card", "summary_large_image"));
                tag(name("twitter:image", &url));
                tag(name("twitter:image:alt", &alt));
            }
            None => tag(name("twitter:card", "summary")),
        }
        tag(name("twitter:title", &preview));
        tag(name("twitter:description", &description));
        if let Some(ld) = &self.json_ld {
            let mut ld = ld.clone();
            clean_ld(&mut ld, "");
            // Data, not script: the CSP does not apply; `<` is escaped so no
            // text can close the element.
            let json = ld.to_string().replace('<', "\\u003c");
            tag(format!(
                r#"<script type="application/ld+json">{json}</script>"#
            ));
        }
        out
    }

    /// The title without the site's name (previews show the site apart).
    fn title_for_preview(&self, site: &Site) -> String {
        self.title
            .strip_suffix(&format!(" - {}", site.name))
            .unwrap_or(&self.title)
            .to_string()
    }
}

/// Escape text for an HTML attribute or element.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structured_data_names_the_writers_and_the_last_update() {
        let site = Site {
            name: "N".into(),
            base_url: None,
            image_hosts: Vec::new(),
            footer_links: Vec::new(),
        };
        let mut a = crate::tests::seed_article();
        let ld = article(&site, &a, None).json_ld.unwrap();
        assert!(ld.get("author").is_none() && ld.get("dateModified").is_none());
        a.authors = vec![
            article::Author {
                name: "Jane Roe".into(),
                role: Some("Diplomatic correspondent".into()),
            },
            article::Author {
                name: "John Doe".into(),
                role: None,
            },
        ];
        a.updated = Some("2013-08-09T16:05:00+01:00".into());
        let ld = article(&site, &a, None).json_ld.unwrap();
        assert_eq!(ld["dateModified"], "2013-08-09T16:05:00+01:00");
        assert_eq!(
            ld["author"],
            serde_json::json!([
                { "@type": "Person", "name": "Jane Roe", "jobTitle": "Diplomatic correspondent" },
                { "@type": "Person", "name": "John Doe" }
            ])
        );
        // A time the format refuses is left out rather than passed on.
        a.updated = Some("yesterday".into());
        assert!(article(&site, &a, None)
            .json_ld
            .unwrap()
            .get("dateModified")
            .is_none());
    }

    #[test]
    fn the_lead_picture_previews_its_article_where_pages_may_show_it() {
        let site = Site {
            name: "N".into(),
            base_url: Some("https://news.example.org/".into()),
            image_hosts: vec!["https://images.example.net".into()],
            footer_links: Vec::new(),
        };
        let mut a = crate::tests::seed_article();
        let picture = |src: &str| {
            article::Block::Image(article::Image {
                id: "lead".into(),
                src: Some(src.into()),
                alt: String::new(),
                caption: vec![article::Inline::Text(article::Text {
                    text: "Mr Kerry <b>in</b> Washington".into(),
                })],
                credit: None,
                width: Some(1200),
                height: Some(800),
            })
        };
        a.sections[0]
            .blocks
            .insert(0, picture("https://images.example.net/kerry.jpg"));
        let image = lead_picture(&site, &a).unwrap();
        let html = article(&site, &a, Some(image)).html(&site);
        for tag in [
            r#"<meta property="og:image" content="https://images.example.net/kerry.jpg" />"#,
            r#"<meta property="og:image:width" content="1200" />"#,
            r#"<meta property="og:image:alt" content="Mr Kerry &lt;b&gt;in&lt;/b&gt; Washington" />"#,
            r#""image":"https://images.example.net/kerry.jpg""#,
        ] {
            assert!(html.contains(tag), "{tag} not in {html}");
        }
        // A picture saved beside the article is named from the site root.
        a.sections[0].blocks[0] = picture("articles/x/1-kerry.jpg");
        let image = lead_picture(&site, &a).unwrap();
        assert_eq!(
            image.url(&site).as_deref(),
            Some("https://news.example.org/articles/x/1-kerry.jpg")
        );
        // A host the pages may not load from: no picture, the card instead.
        a.sections[0].blocks[0] = picture("https://elsewhere.example/kerry.jpg");
        assert!(lead_picture(&site, &a).is_none());
    }

    #[test]
    fn every_head_text_is_plain_and_bounded() {
        let site = Site {
            name: "N".into(),
            base_url: Some("https://news.example.org/".into()),
            image_hosts: Vec::new(),
            footer_links: Vec::new(),
        };
        let hostile = |word: &str| format!("\u{202E}{word}\u{0007}\t{}", "x".repeat(20_000));
        let mut a = crate::tests::seed_article();
        a.section = Some(hostile("section"));
        a.source.name = hostile("source");
        let (quote, speaker) = a
            .quotes()
            .find_map(|(_, q)| Some((q.id.clone(), q.speaker.clone()?)))
            .unwrap();
        let person = a.people.iter_mut().find(|p| p.id == speaker).unwrap();
        person.name = hostile("name");
        person.role = hostile("role");
        let target = Target::Quote(quote);
        let page = newsview::address::article_page(&a.id);
        for head in [
            article(&site, &a, None),
            self::target(&site, &a, &target, page, None),
        ] {
            let html = head.html(&site);
            assert!(
                !html.contains(['\u{202E}', '\u{0007}', '\t']),
                "a control or direction character in the head"
            );
            for line in html.lines() {
                assert!(
                    line.chars().count() < 6_000,
                    "a head line of {} characters",
                    line.chars().count()
                );
            }
            let title = html
                .split("<title>")
                .nth(1)
                .unwrap()
                .split("</title>")
                .next()
                .unwrap();
            assert!(title.chars().count() <= TITLE_MAX, "{title}");
            assert!(
                html.contains("article:section") && html.contains("section"),
                "{html}"
            );
        }
    }

    #[test]
    fn escapes_what_could_break_out() {
        assert_eq!(
            esc(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}
