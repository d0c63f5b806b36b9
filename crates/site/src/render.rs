//! The viewer's `App` (or, for a page that runs no app, its frame and
//! page), rendered to HTML for one address, with what the
//! build knows handed to it as context (`newsview::context::Prepared`):
//! the site's settings and the page's data. Nothing is set globally, so
//! one page's render cannot leak into another's.

use std::sync::Arc;

use article::index::Target;
use article::Loaded;
use leptos::prelude::*;
use newsview::address::Address;
use newsview::app::{App, StaticPage};
use newsview::context::{Location, Prepared};
use newsview::pages::SharedPage;
use newsview::SiteFooter;

use crate::settings::Site;

/// The facts every page of this build is rendered with; a page adds its
/// own data (its article, or the library's first part).
pub fn prepared(site: &Site) -> Prepared {
    Prepared {
        base_url: site.base_url.clone(),
        image_hosts: site.image_hosts.clone(),
        site_name: site.name.clone(),
        article: None,
        library: None,
    }
}

/// The app as it looks at `address`, to HTML.
pub fn render_app(address: Address, prepared: Prepared) -> String {
    render(prepared, move || {
        let location = Location(RwSignal::new(address));
        view! { <App location /> }.to_html()
    })
}

/// A quote's or an event's own page (no app runs there), to HTML.
pub fn render_shared(
    address: Address,
    prepared: Prepared,
    loaded: Arc<Loaded>,
    target: Target,
) -> String {
    render(prepared, move || {
        let location = Location(RwSignal::new(address));
        view! {
            <StaticPage location>
                <SharedPage loaded=loaded.clone() target=target.clone() />
            </StaticPage>
        }
        .to_html()
    })
}

/// The site's footer, as at the site's root (its own links start `./`,
/// which each page points at the root from where it is).
pub fn render_footer(site: &Site) -> String {
    render(prepared(site), || {
        view! { <SiteFooter name=site.name.clone() links=site.footer_links.clone() /> }.to_html()
    })
}

/// `to_html` run under a fresh owner that has the build's facts.
fn render(prepared: Prepared, to_html: impl FnOnce() -> String) -> String {
    // Islands render their children without hydration markers and mark
    // their own: that needs a server context in islands mode.
    let context = hydration_context::SsrSharedContext::new_islands();
    let owner = Owner::new_root(Some(Arc::new(context)));
    let html = owner.with(|| {
        provide_context(prepared);
        to_html()
    });
    // The page's reactive graph is not needed once it is text.
    owner.cleanup();
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_masthead_names_the_site_as_its_settings_do_and_as_text() {
        let prepared = Prepared {
            base_url: None,
            image_hosts: Vec::new(),
            site_name: "Harbour & <b>Gazette</b>".into(),
            article: None,
            library: None,
        };
        let html = render_app(Address::default(), prepared);
        let masthead = html
            .split("<header class=\"masthead\">")
            .nth(1)
            .and_then(|rest| rest.split("</header>").next())
            .expect("a masthead");
        assert!(
            masthead.contains("Harbour &amp; &lt;b&gt;Gazette&lt;/b&gt;"),
            "{masthead}"
        );
        assert!(!masthead.contains("Newsview"));
    }

    #[test]
    fn sections_named_like_the_page_s_panels_give_no_id_twice() {
        let mut json: serde_json::Value = serde_json::from_str(include_str!(
            "../../../public/articles/us-russia-talks-despite-collisions.json"
        ))
        .unwrap();
        for (n, id) in ["timeline", "quotes", "people"].iter().enumerate() {
            json["sections"][n + 1]["id"] = (*id).into();
        }
        let slug = json["id"].as_str().unwrap().to_string();
        let loaded = article::load_article("test.json", &json.to_string()).unwrap();
        let prepared = Prepared {
            base_url: None,
            image_hosts: Vec::new(),
            site_name: "Test".into(),
            article: Some(Arc::new(loaded)),
            library: None,
        };
        let html = render_app(newsview::address::article_page(&slug), prepared);
        let mut ids: Vec<&str> = html
            .split(" id=\"")
            .skip(1)
            .map(|rest| rest.split('"').next().unwrap())
            .collect();
        assert!(ids.contains(&"timeline_heading") && ids.contains(&"heading_timeline"));
        ids.sort_unstable();
        let twice: Vec<_> = ids
            .windows(2)
            .filter(|w| w[0] == w[1])
            .map(|w| w[0])
            .collect();
        assert!(twice.is_empty(), "ids given twice: {twice:?}");
    }

    #[test]
    fn a_picture_keeps_its_room_and_only_the_lead_loads_at_once() {
        let mut json: serde_json::Value = serde_json::from_str(include_str!(
            "../../../public/articles/us-russia-talks-despite-collisions.json"
        ))
        .unwrap();
        let picture = |id: &str, file: &str| {
            serde_json::json!({
                "type": "image", "id": id, "src": format!("https://images.example.net/{file}"),
                "alt": "The pier", "caption": [{"type": "text", "text": "The pier at dawn."}],
                "width": 1200, "height": 800
            })
        };
        json["sections"][0]["blocks"]
            .as_array_mut()
            .unwrap()
            .insert(0, picture("image-pier", "pier.jpg"));
        json["sections"][1]["blocks"]
            .as_array_mut()
            .unwrap()
            .push(picture("image-later", "later.jpg"));
        let slug = json["id"].as_str().unwrap().to_string();
        let loaded = article::load_article("test.json", &json.to_string()).unwrap();
        let prepared = Prepared {
            base_url: None,
            image_hosts: vec!["https://images.example.net".into()],
            site_name: "Test".into(),
            article: Some(Arc::new(loaded)),
            library: None,
        };
        let html = render_app(newsview::address::article_page(&slug), prepared);
        let img = html
            .split("<img")
            .find(|tag| tag.contains("pier.jpg"))
            .and_then(|tag| tag.split('>').next())
            .expect("the picture");
        assert!(img.contains("width=\"1200\""), "{img}");
        assert!(img.contains("height=\"800\""), "{img}");
        assert!(
            img.contains("loading=\"eager\"") && img.contains("fetchpriority=\"high\""),
            "{img}"
        );
        let later = html
            .split("<img")
            .find(|tag| tag.contains("later.jpg"))
            .and_then(|tag| tag.split('>').next())
            .expect("the later picture");
        assert!(
            later.contains("loading=\"lazy\"") && !later.contains("fetchpriority"),
            "{later}"
        );
    }

    /// An interview of many quotes: each quote is a plain element (its
    /// highlight moved by one effect for the page), and the quotes panel
    /// lists a speaker's first twenty and counts the rest, rather than
    /// repeating the article with two controls per quote.
    #[test]
    fn many_quotes_give_a_bounded_panel_and_no_island_per_quote() {
        let mut json: serde_json::Value = serde_json::from_str(include_str!(
            "../../../public/articles/us-russia-talks-despite-collisions.json"
        ))
        .unwrap();
        let kerry_items = |html: &str| {
            let group = html.split("id=\"quotes_by_kerry\"").nth(1).unwrap();
            let list = group.split("</ul>").next().unwrap();
            list.matches("class=\"panel-quote\"").count()
        };
        // The seed's own items for Kerry, before the interview's.
        let kerry_before = {
            let loaded = article::load_article("seed.json", &json.to_string()).unwrap();
            let slug = json["id"].as_str().unwrap();
            kerry_items(&render_app(
                newsview::address::article_page(slug),
                Prepared {
                    article: Some(Arc::new(loaded)),
                    ..Prepared::default()
                },
            ))
        };
        assert!(kerry_before > 0 && kerry_before < 20);
        let blocks = json["sections"][0]["blocks"].as_array_mut().unwrap();
        for n in 0..25 {
            blocks.push(serde_json::json!({
                "type": "paragraph", "id": format!("p-many-{n}"),
                "runs": [{"type": "quote", "id": format!("many-{n}"), "speaker": "kerry",
                          "text": format!("Point {n} stands")}]
            }));
        }
        let slug = json["id"].as_str().unwrap().to_string();
        let loaded = Arc::new(article::load_article("test.json", &json.to_string()).unwrap());
        let prepared = Prepared {
            article: Some(loaded.clone()),
            ..Prepared::default()
        };
        let target = Target::Quote("many-24".into());
        let at = newsview::address::article_view(&slug, &[], Some(&target), true);
        let html = render_app(at, prepared);
        assert!(!html.contains("QuoteShell"), "a quote is not an island");
        for n in 0..25 {
            assert!(
                html.contains(&format!("id=\"many-{n}\"")),
                "quote {n} is in the text"
            );
        }
        // The page opened on a quote shows it marked before any script runs.
        let marked = html.split("<q").filter(|q| q.contains("quote--target"));
        assert_eq!(
            marked
                .map(|q| q.contains("id=\"many-24\""))
                .collect::<Vec<_>>(),
            [true]
        );
        assert_eq!(kerry_items(&html), 20);
        let more = 25 + kerry_before - 20;
        assert!(
            html.contains(&format!("{more} more quotes in the article")),
            "the rest are counted"
        );
    }
}
