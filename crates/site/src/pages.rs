//! The pages themselves: an article's page with a small page per quote and
//! per timeline event (and the cards their link previews show), the
//! library's first screen, and `404.html`. Each is the viewer's `App` (or,
//! for a quote's or event's page, its frame with `SharedPage`, and no app)
//! rendered for its address inside the page shell, with its own head.

use std::sync::Arc;

use article::index::Target;
use article::{Article, Loaded, Manifest};
use newsview::address::{article_page, target_page, Address};
use newsview::api;
use newsview::context::Prepared;

use crate::card::{self, Card};
use crate::head::{self, Head};
use crate::render::{render_app, render_shared};
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

/// What rendering an article makes, handed over one file at a time so a
/// long article's pages are never all in memory together.
pub enum Made {
    /// A page file (relative to `dist/`) and its HTML.
    Page(String, String),
    /// A card file and what it draws.
    Card(String, card::Layout),
}

/// How many quote and event pages an article made.
pub type Counted = (usize, usize);

impl Pages<'_> {
    /// The article's page, a page per quote and per timeline event, and
    /// their cards, laid out (drawing them is the caller's), each handed to
    /// `emit` as soon as it is made.
    pub fn article(
        &self,
        painter: &card::Painter,
        loaded: &Arc<Loaded>,
        fingerprint: &str,
        emit: &mut dyn FnMut(Made) -> Result<(), String>,
    ) -> Result<Counted, String> {
        let a = loaded.article();
        let page = article_page(&a.id);
        // The article's own picture previews it; without one, a card.
        let image = match head::lead_picture(self.site, a) {
            Some(picture) => picture,
            None => card_for(
                &page,
                painter.layout(&self.article_card(a)),
                article_alt(a),
                emit,
            )?,
        };
        let head = head::article(self.site, a, Some(image));
        emit(self.page(&page, loaded, fingerprint, &head))?;
        let mut counted = (0, 0);
        for (_, quote) in a.quotes() {
            let target = Target::Quote(quote.id.clone());
            let quote_page = target_page(&a.id, &target);
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
            let image = card_for(&quote_page, painter.layout(&card), alt, emit)?;
            let head = head::target(self.site, a, &target, quote_page.clone(), Some(image));
            emit(self.shared(&quote_page, loaded, target, &head))?;
            counted.0 += 1;
        }
        for event in &a.timeline {
            let target = Target::Event(event.id.clone());
            let event_page = target_page(&a.id, &target);
            let when = event.date.display();
            // Standing alone on its line: "Date to be set", "About 2013".
            let byline = upper_first(&when);
            let card = Card {
                kicker: "Event",
                text: &event.title,
                quoted: false,
                byline: &byline,
                context: &a.headline,
                site: &self.site.name,
            };
            let alt = head::plain(&format!("{}, {when}", event.title), 400);
            let image = card_for(&event_page, painter.layout(&card), alt, emit)?;
            let head = head::target(self.site, a, &target, event_page.clone(), Some(image));
            emit(self.shared(&event_page, loaded, target, &head))?;
            counted.1 += 1;
        }
        Ok(counted)
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
    fn page(&self, page: &Address, loaded: &Arc<Loaded>, fingerprint: &str, head: &Head) -> Made {
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
        Made::Page(format!("{}index.html", page.path), html)
    }

    /// A quote's or an event's own page: small, and no app runs there.
    fn shared(&self, page: &Address, loaded: &Arc<Loaded>, target: Target, head: &Head) -> Made {
        let body = render_shared(page.clone(), self.prepared.clone(), loaded.clone(), target);
        let html = self.shell.static_page(page, &head.html(self.site), &body);
        Made::Page(format!("{}index.html", page.path), html)
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

    /// `404.html`, served by hosts at whatever address was missing: with
    /// search and the latest articles, from the manifest's first part.
    pub fn not_found(&self, first: Manifest) -> String {
        let missing = Address::new("missing/404.html", "");
        let prepared = Prepared {
            library: Some(first),
            ..self.prepared.clone()
        };
        self.shell
            .not_found(self.site, &render_app(missing, prepared))
    }
}

/// A card beside its page (`a/<slug>/q/<id>/card.png`), handed to `emit`,
/// and what the page's head says of it.
fn card_for(
    page: &Address,
    layout: card::Layout,
    alt: String,
    emit: &mut dyn FnMut(Made) -> Result<(), String>,
) -> Result<head::Image, String> {
    let path = format!("{}card.png", page.path);
    emit(Made::Card(path.clone(), layout))?;
    Ok(head::Image {
        path,
        size: Some((card::WIDTH, card::HEIGHT)),
        alt,
    })
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

/// `text` with its first letter a capital.
fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
