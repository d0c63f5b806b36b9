//! The HTML front end: a saved web page (or a CMS's HTML export) to the
//! header facts and the body blocks the shared stages read. The page's
//! metadata (JSON-LD `NewsArticle`, Open Graph and `article:` tags) gives the
//! header first, the page itself second; the body is the element that holds
//! most of the page's paragraph text, scored as readability-style
//! extractors do, read in document order with navigation, asides, comments,
//! share bars, adverts and related links left out. Every text stays text:
//! nothing of the page's markup reaches the article.

use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

/// Whether the input is HTML rather than copied text: it opens with a tag
/// and a document-level or body tag appears early. Decided by content,
/// never by the file's name.
pub fn is_html(text: &str) -> bool {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if !start.starts_with('<') {
        return false;
    }
    let head: String = start
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<article",
        "<p>",
        "<p ",
        "<div",
    ]
    .iter()
    .any(|tag| head.contains(tag))
}

/// How deep a page may nest its elements. Parsing HTML checks the stack of
/// open elements for each tag, so nesting costs time with the square of its
/// depth; news pages nest a few dozen deep, and a page nested deeper than
/// this is refused before it is parsed.
pub const MAX_NESTING: usize = 4_000;

/// The deepest nesting of elements in `text`, counted from its tags
/// (elements that need no end tag, `<p>` and `<li>` among them, and the
/// insides of scripts, styles and comments left out): an upper bound
/// cheap enough to take before parsing.
pub fn nesting(text: &str) -> usize {
    const NO_END: [&str; 32] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "param", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup",
        "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp", "html", "body",
    ];
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let closing = rest.starts_with('/');
        let name: String = rest[usize::from(closing)..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name.is_empty() || NO_END.contains(&name.as_str()) {
            continue;
        }
        let tag_end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let self_closing = rest[..tag_end].ends_with("/>");
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closing {
            depth += 1;
            deepest = deepest.max(depth);
            // A script's or style's text is not markup.
            if matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
                rest = &rest[end_tag(rest, &name).unwrap_or(rest.len())..];
            }
        }
    }
    deepest
}

/// Where `</name` next starts in `text`, in any case.
fn end_tag(text: &str, name: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = text[from..].find("</") {
        let start = from + at;
        let after = &text.as_bytes()[start + 2..];
        if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return Some(start);
        }
        from = start + 2;
    }
    None
}

/// What the page says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub headline: Option<String>,
    pub standfirst: Option<String>,
    /// As the page gives it (ISO 8601, often with a time and zone).
    pub published: Option<String>,
    pub updated: Option<String>,
    pub section: Option<String>,
    pub authors: Vec<String>,
    pub publisher: Option<String>,
    /// The page's own address (canonical link, `og:url`, JSON-LD `url`).
    pub url: Option<String>,
    pub language: Option<String>,
    /// Where each fact came from, for `--explain`.
    pub rules: Vec<&'static str>,
}

/// A block of the body, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(String),
    Paragraph(String),
    Image {
        /// Resolved against the page's address; `None` when it could not
        /// be (a relative address on a page that does not say where it
        /// lives) or the URL policy refused it.
        src: Option<String>,
        alt: String,
        caption: String,
        credit: Option<String>,
        /// `width` and `height` of the `<img>`, in pixels.
        size: Option<(u32, u32)>,
        /// The picture's file beside the saved page (`page_files/x.jpg`),
        /// when the page was read from a folder that has it.
        local: Option<std::path::PathBuf>,
    },
    /// A post from a social network, embedded as its quoted text.
    Embed {
        provider: &'static str,
        author: Option<String>,
        handle: Option<String>,
        text: Vec<String>,
    },
}

/// The page read: its metadata, its body and why each block is there.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub meta: Meta,
    pub blocks: Vec<(Block, &'static str)>,
    /// Pictures whose address was dropped, and why.
    pub dropped: Vec<String>,
}

/// Read a page; `folder`, where it was saved, is where its relative
/// picture addresses are looked for first.
pub fn read(text: &str, folder: Option<&std::path::Path>) -> Page {
    let doc = Html::parse_document(text);
    let meta = meta_of(&doc);
    let base = base_of(&doc, &meta);
    let mut page = Page {
        meta,
        ..Page::default()
    };
    if let Some(body) = body_of(&doc) {
        let mut walk = Walk {
            page: &mut page,
            base: base.as_ref(),
            folder,
        };
        walk.element(body, 0);
    }
    page
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("the importer's own selectors parse")
}

/// Whitespace runs as one space, trimmed.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn non_empty(text: String) -> Option<String> {
    Some(text).filter(|t| !t.is_empty())
}

// ---- metadata ----

fn meta_of(doc: &Html) -> Meta {
    let mut meta = Meta::default();
    if let Some(ld) = json_ld_article(doc) {
        meta.rules.push("header: the page's JSON-LD article");
        read_json_ld(&ld, &mut meta);
    }
    let tag = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|key| {
            let css = format!("meta[property=\"{key}\"], meta[name=\"{key}\"]");
            doc.select(&selector(&css))
                .find_map(|m| m.value().attr("content").map(squeeze).and_then(non_empty))
        })
    };
    fill(&mut meta.headline, || tag(&["og:title", "twitter:title"]));
    fill(&mut meta.standfirst, || {
        tag(&["og:description", "description", "twitter:description"])
    });
    // A standfirst set on the page only ("subtitle", "standfirst", "dek").
    fill(&mut meta.standfirst, || {
        let css = "[class*=standfirst], [class*=subtitle], [class~=dek], [data-name=standfirst]";
        doc.select(&selector(css))
            .map(|el| squeeze(&el.text().collect::<String>()))
            .find(|t| !t.is_empty())
    });
    fill(&mut meta.published, || {
        tag(&["article:published_time", "datePublished", "date", "pubdate"])
    });
    fill(&mut meta.updated, || {
        tag(&["article:modified_time", "dateModified"])
    });
    fill(&mut meta.section, || tag(&["article:section"]));
    fill(&mut meta.publisher, || {
        tag(&["og:site_name", "application-name"])
    });
    fill(&mut meta.url, || {
        doc.select(&selector("link[rel=canonical]"))
            .find_map(|l| l.value().attr("href").map(str::trim).map(String::from))
            .or_else(|| tag(&["og:url"]))
    });
    if meta.authors.is_empty() {
        // `article:author` is often a profile address, not a name.
        meta.authors = tag(&["author", "article:author", "byl"])
            .filter(|a| !a.contains("://"))
            .map(|a| split_names(a.trim_start_matches("By ").trim_start_matches("by ")))
            .unwrap_or_default();
        meta.authors.retain(|a| is_name(a));
    }
    fill(&mut meta.language, || {
        doc.root_element()
            .value()
            .attr("lang")
            .map(|l| l.trim().to_string())
            .and_then(non_empty)
    });
    // The page itself: its first top-level heading, or its title.
    fill(&mut meta.headline, || {
        doc.select(&selector("h1"))
            .map(|h| squeeze(&h.text().collect::<String>()))
            .find(|h| !h.is_empty())
    });
    fill(&mut meta.headline, || {
        doc.select(&selector("title"))
            .map(|t| squeeze(&t.text().collect::<String>()))
            .find(|t| !t.is_empty())
    });
    meta
}

fn fill(slot: &mut Option<String>, get: impl FnOnce() -> Option<String>) {
    if slot.is_none() {
        *slot = get();
    }
}

/// "Jane Roe and John Doe" / "Jane Roe, John Doe" as names.
fn split_names(names: &str) -> Vec<String> {
    names
        .split(" and ")
        .flat_map(|n| n.split([',', '&']))
        .map(squeeze)
        .filter(|n| !n.is_empty())
        .collect()
}

const ARTICLE_TYPES: [&str; 6] = [
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
];

/// The first JSON-LD object that is an article (at the top, in an array or
/// in an `@graph`). A script that is not JSON is passed over.
fn json_ld_article(doc: &Html) -> Option<Value> {
    doc.select(&selector("script[type=\"application/ld+json\"]"))
        .filter_map(|s| serde_json::from_str::<Value>(&s.text().collect::<String>()).ok())
        .find_map(|v| find_article(&v).cloned())
}

fn find_article(v: &Value) -> Option<&Value> {
    match v {
        Value::Array(items) => items.iter().find_map(find_article),
        Value::Object(o) => {
            let is_article = match o.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                _ => false,
            };
            if is_article {
                Some(v)
            } else {
                o.get("@graph").and_then(find_article)
            }
        }
        _ => None,
    }
}

fn read_json_ld(ld: &Value, meta: &mut Meta) {
    let text = |key: &str| ld.get(key).and_then(name_of).and_then(non_empty);
    meta.headline = text("headline").or_else(|| text("name"));
    meta.standfirst = text("description");
    meta.published = text("datePublished");
    meta.updated = text("dateModified");
    meta.section = match ld.get("articleSection") {
        Some(Value::Array(s)) => s.iter().find_map(name_of),
        other => other.and_then(name_of),
    }
    .and_then(non_empty);
    meta.publisher = ld.get("publisher").and_then(name_of).and_then(non_empty);
    meta.url = text("url").or_else(|| ld.get("mainEntityOfPage").and_then(id_of));
    meta.language = text("inLanguage");
    meta.authors = match ld.get("author") {
        Some(Value::Array(all)) => all.iter().filter_map(name_of).collect(),
        Some(one) => name_of(one).map(|n| split_names(&n)).unwrap_or_default(),
        None => Vec::new(),
    };
    meta.authors.retain(|a| is_name(a));
}

/// Words of a byline that say what someone does, not who: a byline of
/// nothing else names nobody ("Staff Reporter", "News Desk").
const ROLE_WORDS: [&str; 14] = [
    "staff",
    "reporter",
    "reporters",
    "correspondent",
    "editor",
    "editors",
    "newsroom",
    "desk",
    "team",
    "writer",
    "writers",
    "agency",
    "news",
    "wire",
];

fn is_name(author: &str) -> bool {
    !author.is_empty()
        && !author.contains("://")
        && !author
            .split_whitespace()
            .all(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str()))
}

/// A string, or an object's `name`.
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(squeeze(s)),
        Value::Object(o) => o.get("name").and_then(Value::as_str).map(squeeze),
        _ => None,
    }
}

fn id_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Object(o) => o
            .get("@id")
            .and_then(Value::as_str)
            .map(|s| s.trim().to_string()),
        _ => None,
    }
}

/// What relative addresses in the page are relative to: `<base href>`,
/// else the page's own address, when it is absolute.
fn base_of(doc: &Html, meta: &Meta) -> Option<url::Url> {
    let base = doc
        .select(&selector("base[href]"))
        .find_map(|b| b.value().attr("href").map(str::trim).map(String::from));
    let page = meta.url.as_deref().and_then(|u| url::Url::parse(u).ok());
    match (base, page) {
        (Some(b), Some(page)) => page.join(&b).ok(),
        (Some(b), None) => url::Url::parse(&b).ok(),
        (None, page) => page,
    }
}

// ---- the body ----

/// Elements whose contents are never the article's text.
const SKIPPED: [&str; 17] = [
    "script", "style", "noscript", "template", "nav", "aside", "footer", "header", "form",
    "button", "select", "textarea", "iframe", "svg", "canvas", "dialog", "menu",
];

/// Class and id words of page furniture: what a news page puts around the
/// story. Matched against whole words of the `class` and `id` values.
const FURNITURE_WORDS: [&str; 40] = [
    "comment",
    "comments",
    "related",
    "share",
    "sharing",
    "social",
    "newsletter",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "cookie",
    "cookies",
    "consent",
    "subscribe",
    "subscription",
    "recommended",
    "recommendations",
    "outbrain",
    "taboola",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "footer",
    "nav",
    "navigation",
    "popular",
    "trending",
    "viewed",
    "byline",
    "copyright",
    "discussion",
    "meta",
    "tags",
    "topics",
    // The header's: shown above the story, not in it.
    "standfirst",
    "subtitle",
    "dek",
    "strapline",
];

/// Class and id words of the story's own container.
const STORY_WORDS: [&str; 10] = [
    "article",
    "story",
    "content",
    "body",
    "entry",
    "post",
    "main",
    "text",
    "articlebody",
    "story-body",
];

/// The words of an element's class, id and the data attributes sites
/// name their components with (`data-component="byline-block"`), split on
/// anything that is not a letter, lower case.
fn name_words(el: &ElementRef) -> Vec<String> {
    let v = el.value();
    let mut words = Vec::new();
    let named = ["data-component", "data-name", "data-testid"]
        .iter()
        .filter_map(|a| v.attr(a));
    for value in v.classes().chain(v.id()).chain(named) {
        words.extend(
            value
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_ascii_lowercase),
        );
    }
    words
}

fn is_furniture(el: &ElementRef) -> bool {
    let v = el.value();
    if SKIPPED.contains(&v.name()) {
        return true;
    }
    if v.attr("hidden").is_some() || v.attr("aria-hidden") == Some("true") {
        return true;
    }
    if matches!(
        v.attr("role"),
        Some("navigation" | "complementary" | "banner" | "contentinfo" | "search")
    ) {
        return true;
    }
    let words = name_words(el);
    // Whole words, or the start of one for the longer furniture words
    // ("relatedposts", "commentlist"); never "ad" in "address".
    let furniture = |w: &String| {
        FURNITURE_WORDS
            .iter()
            .any(|f| w == f || (f.len() >= 5 && w.starts_with(f)))
    };
    words.iter().any(furniture)
        // "story-body" and the like name the story even with a furniture
        // word beside them ("article-body ad-free" is rare; "ad" alone is not).
        && !words.iter().any(|w| w == "articlebody")
}

/// The element that holds the story: an explicit `articleBody`, else the
/// one whose paragraphs (and those of its children, at half weight) carry
/// the most text, with a bonus for a story-like name.
fn body_of<'d>(doc: &'d Html) -> Option<ElementRef<'d>> {
    if let Some(body) = doc.select(&selector("[itemprop=articleBody]")).next() {
        return Some(body);
    }
    // In document order (ties go to the first), found by node id.
    let mut scores: Vec<(ElementRef<'d>, f64)> = Vec::new();
    let mut at: std::collections::HashMap<_, usize> = std::collections::HashMap::new();
    let mut add = |el: ElementRef<'d>, score: f64| match at.get(&el.id()) {
        Some(&k) => scores[k].1 += score,
        None => {
            at.insert(el.id(), scores.len());
            scores.push((el, score));
        }
    };
    for p in doc.select(&selector("p, pre, td")) {
        if p.ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| is_furniture(&a))
        {
            continue;
        }
        let text = squeeze(&p.text().collect::<String>());
        let chars = text.chars().count();
        if chars < 25 {
            continue;
        }
        let score = 1.0 + text.matches(',').count() as f64 + (chars as f64 / 100.0).min(3.0);
        let mut up = p.ancestors().filter_map(ElementRef::wrap);
        if let Some(parent) = up.next() {
            add(parent, score);
            if let Some(grand) = up.next() {
                add(grand, score / 2.0);
            }
        }
    }
    let weighted = |el: ElementRef<'d>, score: f64| {
        let words = name_words(&el);
        let bonus = if el.value().name() == "article"
            || words.iter().any(|w| STORY_WORDS.contains(&w.as_str()))
        {
            1.25
        } else {
            1.0
        };
        (el, score * bonus)
    };
    let best = scores
        .into_iter()
        .map(|(el, s)| weighted(el, s))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(el, _)| widened(el));
    best.or_else(|| doc.select(&selector("body")).next())
}

/// The story's whole container around its paragraphs: a lead picture or a
/// subheading often sits beside the element that holds the text. Climb
/// while the parent adds no more than a little text of its own (furniture
/// left out), never to `<body>`.
fn widened(mut root: ElementRef<'_>) -> ElementRef<'_> {
    let inside = story_chars(root);
    while let Some(parent) = root.parent().and_then(ElementRef::wrap) {
        // An <article> is the story's own container: what is around it is
        // the page's.
        if matches!(parent.value().name(), "body" | "html" | "main")
            || root.value().name() == "article"
        {
            break;
        }
        let around = story_chars(parent);
        if around > inside + (inside / 10).min(200) {
            break;
        }
        root = parent;
    }
    root
}

/// How much paragraph text an element holds outside page furniture.
fn story_chars(el: ElementRef) -> usize {
    story_chars_within(el, 0)
}

fn story_chars_within(el: ElementRef, depth: usize) -> usize {
    if depth > MAX_DEPTH {
        return 0;
    }
    el.children()
        .filter_map(ElementRef::wrap)
        .filter(|c| !is_furniture(c))
        .map(|c| match c.value().name() {
            "p" | "li" | "blockquote" | "pre" if !is_link_line(c) => {
                c.text().map(|t| t.trim().len()).sum()
            }
            "p" | "li" | "blockquote" | "pre" => 0,
            _ => story_chars_within(c, depth + 1),
        })
        .sum()
}

struct Walk<'p, 'u> {
    page: &'p mut Page,
    base: Option<&'u url::Url>,
    folder: Option<&'u std::path::Path>,
}

impl Walk<'_, '_> {
    fn push(&mut self, block: Block, rule: &'static str) {
        self.page.blocks.push((block, rule));
    }

    /// The body in document order: headings, paragraphs, quotes, lists and
    /// figures become blocks; anything else is looked through, down to
    /// [`MAX_DEPTH`] (no page nests its story deeper).
    fn element(&mut self, el: ElementRef, depth: usize) {
        if depth > MAX_DEPTH {
            let note = format!("elements nested more than {MAX_DEPTH} deep are left out");
            if !self.page.dropped.contains(&note) {
                self.page.dropped.push(note);
            }
            return;
        }
        for child in el.children().filter_map(ElementRef::wrap) {
            if is_furniture(&child) {
                continue;
            }
            match child.value().name() {
                "h1" => {
                    let text = inline_text(child);
                    let is_headline = self.page.meta.headline.as_deref() == Some(text.as_str());
                    if !text.is_empty() && !is_headline {
                        self.push(
                            Block::Heading(text),
                            "subheading: an <h1> that is not the headline",
                        );
                    }
                }
                "h2" | "h3" | "h4" | "h5" | "h6" => {
                    let text = inline_text(child);
                    if !text.is_empty() {
                        self.push(
                            Block::Heading(text),
                            "subheading: an <h2>–<h6> in the story",
                        );
                    }
                }
                "p" | "pre" => self.paragraph(child),
                "blockquote" => self.quote(child),
                "figure" | "picture" | "img" | "amp-img" => self.figure(child),
                "ul" | "ol" => {
                    for item in child.children().filter_map(ElementRef::wrap) {
                        let link = is_link_line(item);
                        if item.value().name() == "li" && !is_furniture(&item) && !link {
                            let text = inline_text(item);
                            if !text.is_empty() {
                                self.push(
                                    Block::Paragraph(text),
                                    "paragraph: an item of a list in the story",
                                );
                            }
                        }
                    }
                }
                "table" => {
                    let text = inline_text(child);
                    if !text.is_empty() {
                        self.push(
                            Block::Paragraph(text),
                            "paragraph: a table's text, in reading order",
                        );
                    }
                }
                _ if is_captioned_picture(child) => self.figure(child),
                _ => self.element(child, depth + 1),
            }
        }
    }

    fn paragraph(&mut self, p: ElementRef) {
        // A paragraph that holds only a picture is the picture.
        let text = inline_text(p);
        if text.is_empty() {
            if let Some(img) = p.select(&selector("img, amp-img")).next() {
                self.figure(img);
            }
            return;
        }
        // "READ MORE: …", a list of section links: a way elsewhere; "Download
        // our app …" set in bold: a call to the reader, not the story.
        if is_link_line(p) || is_call_to_action(p, &text) {
            return;
        }
        // "Published: 12 March 2024": the header's, not the story's.
        if text.chars().count() < 80 && is_date_line(&text) {
            return;
        }
        self.push(Block::Paragraph(text), "paragraph: a <p> in the story");
    }

    /// A quotation set apart: its words as a quote the quote stage reads
    /// (marks added when the page draws them with style alone). A pull
    /// quote repeats the story's words and is left out.
    fn quote(&mut self, q: ElementRef) {
        let words = name_words(&q);
        if words.iter().any(|w| w.starts_with("pull")) {
            return;
        }
        if let Some(provider) = embedded_post(&words) {
            self.embed(q, provider);
            return;
        }
        let paragraphs: Vec<ElementRef> = q
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|c| c.value().name() == "p")
            .collect();
        let texts: Vec<String> = if paragraphs.is_empty() {
            vec![inline_text(q)]
        } else {
            paragraphs.into_iter().map(inline_text).collect()
        };
        for text in texts.into_iter().filter(|t| !t.is_empty()) {
            let quoted = if text
                .starts_with(['"', '\u{201c}', '\u{2018}', '\u{201e}', '\u{ab}', '\u{bb}'])
            {
                text
            } else {
                format!("\u{201c}{text}\u{201d}")
            };
            self.push(
                Block::Paragraph(quoted),
                "quote: a <blockquote> in the story",
            );
        }
    }

    /// An embedded post (the blockquote a network's embed code leaves):
    /// its paragraphs, and the author and handle its signature gives
    /// ("— Name (@handle) date").
    fn embed(&mut self, q: ElementRef, provider: &'static str) {
        let text: Vec<String> = q
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|c| c.value().name() == "p")
            .map(inline_text)
            .filter(|t| !t.is_empty())
            .collect();
        if text.is_empty() {
            return;
        }
        let signature: String = q
            .children()
            .filter(|c| ElementRef::wrap(*c).is_none_or(|e| e.value().name() != "p"))
            .map(|c| match c.value() {
                Node::Text(t) => t.to_string(),
                _ => ElementRef::wrap(c).map(inline_text).unwrap_or_default(),
            })
            .collect();
        let signature = squeeze(&signature);
        let signature = signature.trim_start_matches(['\u{2014}', '\u{2013}', '-', ' ']);
        let (author, handle) = match signature.split_once("(@") {
            Some((name, rest)) => (
                non_empty(squeeze(name)),
                rest.split_once(')').map(|(h, _)| format!("@{}", h.trim())),
            ),
            None => (None, None),
        };
        self.push(
            Block::Embed {
                provider,
                author,
                handle,
                text,
            },
            "post: a social network's embedded post",
        );
    }

    fn figure(&mut self, figure: ElementRef) {
        let img = if matches!(figure.value().name(), "img" | "amp-img") {
            Some(figure)
        } else {
            figure.select(&selector("img, amp-img")).next()
        };
        let Some(img) = img else { return };
        let local = image_source(img).and_then(|s| self.local_file(s));
        let src = match local {
            Some(_) => None,
            None => image_source(img).and_then(|s| self.resolve(s)),
        };
        let alt = squeeze(img.value().attr("alt").unwrap_or(""));
        let caption_el = figure
            .select(&selector("figcaption, [class*=caption], [class*=Caption]"))
            .next();
        let credit = caption_el.and_then(|c| {
            c.select(&selector(
                "small, cite, [class*=credit], [class*=copyright], [class*=source]",
            ))
            .map(inline_text)
            .find(|t| !t.is_empty())
        });
        let mut caption = caption_el.map(inline_text).unwrap_or_default();
        if let Some(credit) = &credit {
            caption = squeeze(&caption.replacen(credit.as_str(), "", 1));
        }
        if src.is_none() && caption.is_empty() && alt.is_empty() {
            return;
        }
        let pixels = |name: &str| {
            img.value()
                .attr(name)
                .and_then(|v| v.trim().parse::<u32>().ok())
                .filter(|&n| n > 0)
        };
        let size = pixels("width").zip(pixels("height"));
        self.push(
            Block::Image {
                src,
                alt,
                caption,
                credit,
                size,
                local,
            },
            "image: a picture in the story, with its caption and credit",
        );
    }

    /// The file a relative picture address names in the folder the page
    /// was saved in (a saved page's `page_files/`), if it is there: never
    /// outside that folder.
    fn local_file(&self, src: &str) -> Option<std::path::PathBuf> {
        let folder = self.folder?;
        if src.contains(':') || src.starts_with(['/', '\\']) {
            return None;
        }
        let path = src.split(['?', '#']).next()?;
        let decoded = url::Url::parse("file:///")
            .ok()?
            .join(path)
            .ok()?
            .to_file_path()
            .ok()?;
        let relative = decoded.strip_prefix("/").ok()?;
        let safe = relative
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        let file = folder.join(relative);
        (safe && file.is_file()).then_some(file)
    }

    /// An image address resolved against the page's, kept only when the
    /// URL policy allows it as a picture.
    fn resolve(&mut self, src: &str) -> Option<String> {
        let resolved = match url::Url::parse(src) {
            Ok(absolute) => Some(absolute),
            Err(_) => self.base.and_then(|b| b.join(src).ok()),
        };
        match resolved {
            Some(u)
                if matches!(u.scheme(), "http" | "https")
                    && article::validate::is_safe_image_src(u.as_str()) =>
            {
                Some(u.to_string())
            }
            Some(u) => {
                self.page.dropped.push(format!(
                    "the picture at \"{u}\" is not an http(s) address; its caption is kept"
                ));
                None
            }
            None => {
                self.page.dropped.push(format!(
                    "the picture \"{src}\" is relative and the page does not say where it lives; its caption is kept"
                ));
                None
            }
        }
    }
}

/// The network an embedded post's class names, if it is one.
fn embedded_post(words: &[String]) -> Option<&'static str> {
    words.iter().find_map(|w| match w.as_str() {
        "twitter" | "tweet" => Some("Twitter"),
        "instagram" => Some("Instagram"),
        "tiktok" => Some("TikTok"),
        "bluesky" => Some("Bluesky"),
        "mastodon" => Some("Mastodon"),
        "threads" => Some("Threads"),
        "facebook" => Some("Facebook"),
        _ => None,
    })
}

/// A box that is a picture and its caption without saying `<figure>`: one
/// image, and an element named as its caption.
fn is_captioned_picture(el: ElementRef) -> bool {
    el.select(&selector("img, amp-img")).count() == 1
        && el
            .select(&selector("[class*=caption], [class*=Caption]"))
            .next()
            .is_some()
        && el.select(&selector("h1, h2, h3, h4")).next().is_none()
        && el.text().map(|t| t.trim().len()).sum::<usize>() < 600
}

/// A paragraph all of whose text is in links: a way to other pages.
fn is_link_line(el: ElementRef) -> bool {
    let all: usize = el.text().map(|t| t.trim().len()).sum();
    let linked: usize = el
        .select(&selector("a"))
        .flat_map(|a| a.text())
        .map(|t| t.trim().len())
        .sum();
    all > 0 && linked * 10 >= all * 9
}

/// A paragraph set wholly in bold or italics that opens by asking the
/// reader to do something ("Download the … app", "Sign up to …", "Follow
/// us …"): the site speaking, not the story.
fn is_call_to_action(p: ElementRef, text: &str) -> bool {
    const ASKS: [&str; 11] = [
        "download",
        "sign",
        "subscribe",
        "follow",
        "click",
        "join",
        "get",
        "watch",
        "listen",
        "read",
        "like",
    ];
    let mut children = p.children().filter(|c| match c.value().as_text() {
        Some(t) => !t.trim().is_empty(),
        None => true,
    });
    let only = children.next().and_then(ElementRef::wrap);
    let emphasised = children.next().is_none()
        && only.is_some_and(|c| matches!(c.value().name(), "strong" | "b" | "em" | "i"));
    let first = text.split_whitespace().next().unwrap_or("").to_lowercase();
    emphasised && ASKS.contains(&first.as_str())
}

/// "Published: …", "Updated …", or a date alone.
fn is_date_line(text: &str) -> bool {
    crate::dates::parse_date_line(text).is_some()
        || (crate::dates::is_dateish(text)
            && text.chars().filter(char::is_ascii_digit).count() >= 4)
}

/// The address of the picture itself: `src`, or the lazy loaders' copies
/// (`data-src`), or the first of a `srcset`.
fn image_source<'a>(img: ElementRef<'a>) -> Option<&'a str> {
    let v = img.value();
    let plain = |s: &'a str| Some(s.trim()).filter(|s| !s.is_empty() && !s.starts_with("data:"));
    v.attr("src")
        .and_then(plain)
        .or_else(|| v.attr("data-src").and_then(plain))
        .or_else(|| {
            v.attr("srcset")
                .or_else(|| v.attr("data-srcset"))
                .and_then(|s| s.split(',').next())
                .and_then(|first| first.split_whitespace().next())
                .and_then(plain)
        })
}

/// An element's text as a reader reads it: whitespace squeezed, `<br>` as
/// a space, `<q>` between quotation marks (the page draws them with
/// style), scripts and hidden parts left out.
fn inline_text(el: ElementRef) -> String {
    let mut out = String::new();
    collect_text(el, &mut out, 0);
    squeeze(&out)
}

/// How deep the body is read: a hostile page can nest elements without
/// end, and each level is a call.
const MAX_DEPTH: usize = 200;

fn collect_text(el: ElementRef, out: &mut String, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let Some(child) = ElementRef::wrap(child) else {
                    continue;
                };
                match e.name() {
                    "br" => out.push(' '),
                    "script" | "style" | "noscript" | "template" | "button" | "svg" => {}
                    _ if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") => {}
                    "q" => {
                        out.push('\u{201c}');
                        collect_text(child, out, depth + 1);
                        out.push('\u{201d}');
                    }
                    _ => collect_text(child, out, depth + 1),
                }
            }
            _ => {}
        }
    }
}
