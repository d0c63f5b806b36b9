//! Article JSON v1 as Rust types. The JSON Schema in `public/schema/` is
//! generated from these (see `schema()`), so these are the one definition.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::date::{Date, Moment, Written};
pub use crate::date::{EventDate, Precision, Status};

/// The format version this crate reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// One news article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// Format version; always 1 for this schema.
    pub format: u32,
    /// Stable id, also the file name (`<id>.json`) and the URL slug: `a-z`, `0-9` and `-`.
    pub id: String,
    /// BCP 47 language tag of the text, e.g. `en-GB`.
    #[serde(default = "default_language")]
    pub language: String,
    /// Section label shown above the headline ("US & Canada"), if the
    /// source names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    pub headline: String,
    /// Optional standfirst; shown under the headline and used in listings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Who wrote it as one line ("Jane Roe, BBC News, Washington"), without
    /// "By". Shown when `authors` is empty; files written before `authors`
    /// existed carry only this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// Who wrote it, each with their role, in the order credited.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Author>,
    /// Publication date, `YYYY-MM-DD`, if known (a text copied from a page
    /// often has none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Written<Date>>,
    /// When the article was last changed: date, time and offset from UTC
    /// (RFC 3339, `2013-08-09T16:05:00+01:00`; seconds optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Written<Moment>>,
    pub source: Source,
    /// Countries or organisations that people belong to and events involve.
    #[serde(default)]
    pub parties: Vec<Party>,
    #[serde(default)]
    pub people: Vec<Person>,
    /// People who face each other across the story, shown side by side
    /// (a foreign minister and their counterpart).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counterparts: Vec<Counterparts>,
    #[serde(default)]
    pub topics: Vec<Topic>,
    /// The body, in reading order. The first section usually has no heading.
    pub sections: Vec<Section>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related: Option<Related>,
    /// Events the article is about; any order (views sort by date).
    #[serde(default)]
    pub timeline: Vec<Event>,
}

fn default_language() -> String {
    "en".to_string()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Publisher name ("BBC News").
    pub name: String,
    /// Where the article was first published; `http`/`https` only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One writer of the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Author {
    pub name: String,
    /// Their role or desk ("Diplomatic correspondent", "BBC News, Moscow").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Party {
    pub id: String,
    /// Display name ("United States").
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    pub name: String,
    /// Role as of the article ("US Secretary of State").
    pub role: String,
    /// Party id this person speaks for, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// A person (the default) or an organisation that speaks as one ("the
    /// Environment Agency said in a statement").
    #[serde(default, skip_serializing_if = "SpeakerKind::is_person")]
    pub kind: SpeakerKind,
}

/// Who can be quoted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    #[default]
    Person,
    Organisation,
}

impl Person {
    /// "John Kerry, US Secretary of State", or the name alone without a role.
    pub fn described(&self) -> String {
        match self.role.as_str() {
            "" => self.name.clone(),
            role => format!("{}, {role}", self.name),
        }
    }
}

impl SpeakerKind {
    pub fn is_person(&self) -> bool {
        *self == SpeakerKind::Person
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Counterparts {
    /// What the pair have in common ("Foreign ministers").
    pub label: String,
    /// Two person ids, in the order of the timeline's lanes.
    pub people: [String; 2],
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Used as the HTML id, so links like `#future-work` reach the section.
    pub id: String,
    /// Subheading; `null` for the opening section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// Set when the section is a boxed analysis by a correspondent (its
    /// heading is the box's title), not the article's own text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analysis: Option<Analysis>,
    pub blocks: Vec<Block>,
}

impl Section {
    /// The ids of the section's paragraphs, in order.
    pub fn paragraph_ids(&self) -> Vec<String> {
        self.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some(p.id.clone()),
                _ => None,
            })
            .collect()
    }
}

/// An analysis box's byline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Analysis {
    /// "Laura Finch, technology correspondent".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
}

/// A body block. Deserialisation is hand-written (see `load.rs`) so that an
/// unknown `type` is kept as [`Block::Unsupported`] instead of failing the article.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph(Paragraph),
    Media(Media),
    Image(Image),
    Embed(Embed),
    /// A block of a type this version does not know, kept verbatim.
    #[serde(untagged)]
    #[schemars(skip)]
    Unsupported(Value),
}

impl Block {
    pub fn id(&self) -> Option<&str> {
        match self {
            Block::Paragraph(p) => Some(&p.id),
            Block::Media(m) => Some(&m.id),
            Block::Image(i) => Some(&i.id),
            Block::Embed(e) => Some(&e.id),
            Block::Unsupported(_) => None,
        }
    }

    /// The block's text runs: a paragraph's body, a figure's caption or a
    /// post's text.
    pub fn runs(&self) -> &[Inline] {
        match self {
            Block::Paragraph(p) => &p.runs,
            Block::Media(m) => &m.caption,
            Block::Image(i) => &i.caption,
            Block::Embed(e) => &e.text,
            Block::Unsupported(_) => &[],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    pub id: String,
    /// Topic ids this paragraph is about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    pub runs: Vec<Inline>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MediaKind {
    Video,
    Audio,
}

/// Embedded audio or video. The viewer shows the placeholder text where a
/// player would be.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Media {
    pub id: String,
    pub kind: MediaKind,
    /// What the original page showed in place of its player ("Media
    /// playback is unsupported on your device"): kept as data, not shown.
    pub placeholder: String,
    pub caption: Vec<Inline>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Image {
    pub id: String,
    /// Image address; `http`/`https` or a path relative to the page. Optional:
    /// without it the figure shows only its caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub src: Option<String>,
    /// Text alternative describing the picture.
    pub alt: String,
    pub caption: Vec<Inline>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// The picture's width in pixels, with `height`: the page keeps the
    /// picture's room before it loads, so nothing moves. Both or neither.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    /// The picture's height in pixels, with `width`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
}

impl Image {
    /// Width and height, when both are given and neither is zero.
    pub fn size(&self) -> Option<(u32, u32)> {
        match (self.width, self.height) {
            (Some(w), Some(h)) if w > 0 && h > 0 => Some((w, h)),
            _ => None,
        }
    }
}

/// A post from a social network embedded in the page (copied pages carry
/// its text between "Skip Twitter post by …" and "End of Twitter post").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Embed {
    pub id: String,
    /// "Twitter", "Instagram", "Facebook", "YouTube", ….
    pub provider: String,
    /// The author's display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The author's handle ("@name").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handle: Option<String>,
    /// When it was posted, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posted: Option<Written<Date>>,
    /// The post's address; `http`/`https` only. Without it the post is shown
    /// with no link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub text: Vec<Inline>,
}

/// A run of paragraph or caption text. Hand-deserialised like [`Block`] so
/// errors keep their field path.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    Text(Text),
    /// Words someone said, without the quotation marks (the view adds them).
    Quote(Quote),
}

/// The text of inline runs, quotes in quotation marks.
pub fn runs_text(runs: &[Inline]) -> String {
    runs.iter()
        .map(|r| match r {
            Inline::Text(t) => t.text.clone(),
            Inline::Quote(q) => format!("“{}”", q.text),
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// Stable id; quote links (`#<id>`) use it.
    pub id: String,
    /// Person id of who said it; `null` when the speaker is not known
    /// (an imported quote whose attribution could not be decided).
    pub speaker: Option<String>,
    pub text: String,
    /// For a quote that runs over several paragraphs: the id of its first
    /// part (links and highlights treat the parts as one quote).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Related {
    /// Block heading ("More on this story").
    pub heading: String,
    #[serde(default)]
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub title: String,
    /// `http` or `https` only; anything else is shown as text, not a link.
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub date: EventDate,
    pub title: String,
    /// Party ids involved.
    pub parties: Vec<String>,
    /// Ids of the paragraphs that mention this event.
    pub paragraphs: Vec<String>,
}

/// `public/articles/index.json`: the bundled articles, newest first.
///
/// A large library is split: this file holds the newest entries (enough for
/// the first screen) and `more` names further files, each a manifest of its
/// own, that the home page fetches after the first screen is shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: u32,
    /// Entries in all parts together (absent: just these).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<usize>,
    pub articles: Vec<ManifestEntry>,
    /// Further parts, relative to this file, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub more: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ManifestEntry {
    /// The article id; its file is `<slug>.json` beside the manifest.
    pub slug: String,
    pub headline: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Written<Date>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Topic labels, for searching and filtering the library.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    /// The article's lead picture, for its card in the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picture: Option<Picture>,
}

/// A picture shown on an article's card: the first of its images that has
/// a usable source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Picture {
    /// As an image's `src`: `http`/`https` or a path relative to the site.
    pub src: String,
    pub alt: String,
}

impl ManifestEntry {
    pub fn for_article(article: &Article) -> Self {
        ManifestEntry {
            slug: article.id.clone(),
            headline: article.headline.clone(),
            section: article.section.clone(),
            published: article.published.clone(),
            summary: article.summary.clone(),
            topics: article.topics.iter().map(|t| t.label.clone()).collect(),
            picture: Picture::lead_of(article),
        }
    }
}

impl Picture {
    /// The first image of the article whose source the URL policy accepts.
    pub fn lead_of(article: &Article) -> Option<Picture> {
        article
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .find_map(|b| match b {
                Block::Image(i) => i
                    .src
                    .as_ref()
                    .filter(|src| crate::validate::is_safe_image_src(src))
                    .map(|src| Picture {
                        src: src.clone(),
                        alt: i.alt.clone(),
                    }),
                _ => None,
            })
    }
}

impl Article {
    /// The direction the article's language is written in, for the `dir`
    /// attribute: `rtl` for Arabic, Hebrew, Persian, Urdu and the other
    /// right-to-left scripts' languages, else `ltr`.
    pub fn direction(&self) -> &'static str {
        const RTL: [&str; 12] = [
            "ar", "arc", "ckb", "dv", "fa", "he", "ku-arab", "ps", "sd", "ug", "ur", "yi",
        ];
        let tag = self.language.to_ascii_lowercase();
        let rtl = RTL.iter().any(|l| {
            tag == *l
                || tag
                    .strip_prefix(l)
                    .is_some_and(|rest| rest.starts_with('-'))
        }) || tag
            .split('-')
            .any(|part| matches!(part, "arab" | "hebr" | "thaa" | "syrc"));
        if rtl {
            "rtl"
        } else {
            "ltr"
        }
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    pub fn party(&self, id: &str) -> Option<&Party> {
        self.parties.iter().find(|p| p.id == id)
    }

    /// Every direct quote with the id of the block that holds it, in reading order.
    pub fn quotes(&self) -> impl Iterator<Item = (&str, &Quote)> {
        self.sections.iter().flat_map(|s| &s.blocks).flat_map(|b| {
            let block = b.id().unwrap_or_default();
            b.runs().iter().filter_map(move |r| match r {
                Inline::Quote(q) => Some((block, q)),
                Inline::Text(_) => None,
            })
        })
    }

    /// Every paragraph, in reading order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.sections
            .iter()
            .flat_map(|s| s.blocks.iter())
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some(p),
                _ => None,
            })
    }
}

/// The JSON Schema of article JSON v1, generated from the types.
pub fn schema() -> schemars::Schema {
    schemars::schema_for!(Article)
}

/// The JSON Schema of the manifest.
pub fn manifest_schema() -> schemars::Schema {
    schemars::schema_for!(Manifest)
}
