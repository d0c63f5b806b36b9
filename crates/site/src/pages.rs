//! The pages themselves: an article's page with a page per quote and per
//! timeline event (and the cards their link previews show), the library's
//! first screen, and `404.html`. Each is the viewer's `App` rendered for
//! its address inside the page shell, with its own head.

use std::sync::Arc;

use article::index::Target;
use article::{Article, Loaded, Manifest};
use newsview::address::{article_page, article_view, Address};
use newsview::api;
use newsview::context::Prepared;

use crate::card::{self, Card};
use crate::head::{self, Head};
use crate::render::render_app;
use crate::settings::Site;
use crate::shell::{Template, APP_START};

/// Marks `<html>` when the address asks for an article on the home page
/// (allowed by its hash in the page's policy, like trunk's start-up script).
const CLIENT_ROUTE_SCRIPT: &str = include_str!("../js/client-route.js");

/// What the home page shows for an old `?article=` link until the app has
/// rendered the article (and, if the app fails, a reload link).
const CLIENT_ROUTE_BOOT: &str = "<p class=\"client-route-boot loading\" role=\"status\">Loading the article…<span class=\"boot-slow\"> This is taking longer than it should. <a href=\"\">Reload the page</a>.</span></p>";

/// Renders pages for one build: its settings, its shell, and the facts
/// every page is rendered with.
pub struct Pages<'a> {
    pub site: &'a Site,
    pub shell: &'a Template,
    pub prepared: Prepared,
}

/// One article's pages, rendered but not yet written.
#[derive(Default)]
pub struct ArticlePages {
    /// Page files (relative to `dist/`) and their HTML.
    pub pages: Vec<(String, String)>,
    /// Card files and the SVG each draws.
    pub cards: Vec<(String, String)>,
    pub quote_pages: usize,
    pub event_pages: usize,
}

impl Pages<'_> {
    /// The article's page, a page per quote and per timeline event, and
    /// their cards, laid out (drawing them is the caller's).
    pub fn article(
        &self,
        painter: &card::Painter,
        loaded: &Arc<Loaded>,
        fingerprint: &str,
    ) -> ArticlePages {
        let a = loaded.article();
        let mut out = ArticlePages::default();
        let page = article_page(&a.id);
        let image = out.card(&page, painter.svg(&self.article_card(a)), article_alt(a));
        let head = head::article(self.site, a, Some(image));
        out.pages.push(self.page(&page, loaded, fingerprint, &head));
        for (_, quote) in a.quotes() {
            let target = Target::Quote(quote.id.clone());
            let quote_page = article_view(&a.id, &[], Some(&target), true);
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
            let image = out.card(&quote_page, painter.svg(&card), alt);
            let head = head::target(self.site, a, &target, quote_page.clone(), Some(image));
            out.pages
                .push(self.page(&quote_page, loaded, fingerprint, &head));
            out.quote_pages += 1;
        }
        for event in &a.timeline {
            let target = Target::Event(event.id.clone());
            let event_page = article_view(&a.id, &[], Some(&target), true);
            let head = head::target(self.site, a, &target, event_page.clone(), None);
            out.pages
                .push(self.page(&event_page, loaded, fingerprint, &head));
            out.event_pages += 1;
        }
        out
    }

    fn article_card<'c>(&'c self, a: &'c Article) -> Card<'c> {
        Card {
            kicker: a.section.as_deref().unwrap_or(""),
            text: &a.headline,
            quoted: false,
            byline: &a.source.name,
            context: a.summary.as_deref().unwrap_or(""),
            site: &self.site.name,
        }
    }

    /// One page of an article, naming the fingerprint of the article file
    /// it was rendered from: its file and its HTML.
    fn page(
        &self,
        page: &Address,
        loaded: &Arc<Loaded>,
        fingerprint: &str,
        head: &Head,
    ) -> (String, String) {
        let prepared = Prepared {
            article: Some(loaded.clone()),
            ..self.prepared.clone()
        };
        let html = self.shell.page(
            page,
            &head.html(self.site),
            &render_app(page.clone(), prepared),
            Some((&api::article_file(&loaded.article().id), fingerprint)),
        );
        (format!("{}index.html", page.path), html)
    }

    /// The library's first screen, from the manifest's first part.
    pub fn home(&self, first: Manifest, fingerprint: &str) -> String {
        let home = Address::default();
        let home_head = Head {
            title: newsview::meta::library_title(&self.site.name),
            description: format!("The latest articles on {}.", self.site.name),
            kind: "website",
            address: home.clone(),
            canonical: home.clone(),
            image: None,
            published: None,
            section: None,
            json_ld: None,
        };
        let prepared = Prepared {
            library: Some(first),
            ..self.prepared.clone()
        };
        let html = self.shell.page(
            &home,
            &format!(
                "{}    <script>{CLIENT_ROUTE_SCRIPT}</script>\n",
                home_head.html(self.site)
            ),
            &render_app(home.clone(), prepared),
            Some((api::MANIFEST, fingerprint)),
        );
        // The old `?article=` links open on this page.
        html.replacen(APP_START, &format!("{CLIENT_ROUTE_BOOT}{APP_START}"), 1)
    }

    /// `404.html`, served by hosts at whatever address was missing.
    pub fn not_found(&self) -> String {
        let missing = Address::new("missing/404.html", "");
        self.shell
            .not_found(self.site, &render_app(missing, self.prepared.clone()))
    }
}

impl ArticlePages {
    /// A card beside its page (`a/<slug>/q/<id>/card.png`), and what the
    /// page's head says of it.
    fn card(&mut self, page: &Address, svg: String, alt: String) -> head::Image {
        let path = format!("{}card.png", page.path);
        self.cards.push((path.clone(), svg));
        head::Image {
            path,
            width: card::WIDTH,
            height: card::HEIGHT,
            alt,
        }
    }
}

/// The article card's alternative text: the section and the headline.
fn article_alt(a: &Article) -> String {
    head::plain(
        &match &a.section {
            Some(section) => format!("{section}: {}", a.headline),
            None => a.headline.clone(),
        },
        400,
    )
}
