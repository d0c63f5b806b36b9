//! Link-preview cards: a 1200×630 PNG per quote (and per article). A card
//! is laid out here (text measured with the committed font's own advances
//! and broken into lines; whatever does not fit is cut at a word with an
//! ellipsis) and drawn by `raster`. The layout's SVG is what the card
//! shows, in a form a person can open: its key in the build manifest.

use crate::raster::{self, Faces, Glyphs};

/// How a layout becomes PNG (the drawing and the encoding). A card's key in
/// the build manifest is its layout and this: change it whenever the same
/// layout would be drawn or encoded differently, so every card is drawn
/// again.
pub const DRAWING: &str =
    "glyph masks at quarter pixels (tiny-skia 0.12), 8-bit palette PNG, fast deflate";

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;
const MARGIN: f32 = 72.0;
const FAMILY: &str = "DejaVu Sans";

const BACKGROUND: [u8; 3] = [0x0f, 0x22, 0x38];
const AMBER: [u8; 3] = [0xe8, 0xa3, 0x3d];
const WHITE: [u8; 3] = [0xff, 0xff, 0xff];
const BYLINE: [u8; 3] = [0xff, 0xd4, 0x8a];
const CONTEXT: [u8; 3] = [0xd5, 0xdd, 0xe6];
const SITE: [u8; 3] = [0x9f, 0xb3, 0xc8];

static REGULAR: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("fonts/DejaVuSans-Bold.ttf");

/// What a card says, top to bottom.
pub struct Card<'a> {
    /// Small capitals above the text ("Quote", or the article's section).
    pub kicker: &'a str,
    /// The quote or the headline: as large as fits.
    pub text: &'a str,
    /// Put the text in quotation marks.
    pub quoted: bool,
    /// Who said it ("John Kerry, US Secretary of State") or the date.
    pub byline: &'a str,
    /// The article's headline under a rule, or empty.
    pub context: &'a str,
    pub site: &'a str,
}

/// One thing drawn on a card, in pixels from its top left.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    Rect {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        colour: [u8; 3],
    },
    /// One line of text, already broken to fit.
    Line {
        x: f32,
        baseline: f32,
        size: f32,
        bold: bool,
        colour: [u8; 3],
        text: String,
    },
}

/// A card laid out: what to draw, back to front.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub marks: Vec<Mark>,
}

/// The fonts, parsed once for every card of a build.
pub struct Painter {
    regular: ttf_parser::Face<'static>,
    bold: ttf_parser::Face<'static>,
}

impl Painter {
    pub fn new() -> Result<Self, String> {
        let face = |bytes| ttf_parser::Face::parse(bytes, 0).map_err(|e| format!("font: {e}"));
        Ok(Painter {
            regular: face(REGULAR)?,
            bold: face(BOLD)?,
        })
    }

    /// The card as PNG bytes.
    pub fn png(&self, card: &Card) -> Result<Vec<u8>, String> {
        self.draw(&self.layout(card), &mut Glyphs::default())
    }

    /// A card's layout as a PNG, with a drawing thread's glyph masks: the
    /// costly part, which the build runs on every core.
    pub fn draw(&self, layout: &Layout, glyphs: &mut Glyphs) -> Result<Vec<u8>, String> {
        let (pixels, palette) = raster::draw(layout, &self.faces(), glyphs);
        crate::palette::write_png(WIDTH, HEIGHT, &palette, &pixels)
            .ok_or_else(|| "card: the PNG encoder failed".into())
    }

    pub fn faces(&self) -> Faces<'_> {
        Faces {
            regular: &self.regular,
            bold: &self.bold,
        }
    }

    /// The card laid out, every line already broken to fit.
    pub fn layout(&self, card: &Card) -> Layout {
        let width = WIDTH as f32 - 2.0 * MARGIN;
        let mut marks = vec![
            rect(0.0, 0.0, WIDTH as f32, HEIGHT as f32, BACKGROUND),
            rect(0.0, 0.0, 16.0, HEIGHT as f32, AMBER),
        ];
        let mut y = MARGIN + 8.0;
        let kicker = fit(&self.bold, &card.kicker.to_uppercase(), 24.0, width, 1);
        lines(&mut marks, &kicker, y + 24.0, 24.0, 0.0, AMBER, true);
        y += 24.0 + 28.0;

        // The bottom block (byline, context, site) is laid out first so the
        // main text gets exactly the height that is left.
        let site = fit(&self.bold, card.site, 24.0, width, 1);
        let context = fit(&self.regular, card.context, 26.0, width, 2);
        let byline = fit(&self.bold, card.byline, 32.0, width, 2);
        let bottom_height = block_height(&byline, 32.0)
            + if context.is_empty() {
                0.0
            } else {
                20.0 + block_height(&context, 26.0)
            }
            + 24.0
            + block_height(&site, 24.0);
        let main_bottom = HEIGHT as f32 - MARGIN - bottom_height - 28.0;

        let text = if card.quoted {
            format!("“{}”", card.text.trim())
        } else {
            card.text.trim().to_string()
        };
        let (size, main) = self.largest_that_fits(&text, width, (main_bottom - y).max(0.0));
        lines(&mut marks, &main, y + size, size, size * LINE, WHITE, true);

        let mut y = HEIGHT as f32 - MARGIN - bottom_height;
        lines(
            &mut marks,
            &byline,
            y + 32.0,
            32.0,
            32.0 * LINE,
            BYLINE,
            true,
        );
        y += block_height(&byline, 32.0);
        if !context.is_empty() {
            y += 20.0;
            marks.push(rect(MARGIN, y - 10.0, 120.0, 3.0, AMBER));
            lines(
                &mut marks,
                &context,
                y + 26.0,
                26.0,
                26.0 * LINE,
                CONTEXT,
                false,
            );
            y += block_height(&context, 26.0);
        }
        y += 24.0;
        lines(&mut marks, &site, y + 24.0, 24.0, 0.0, SITE, true);
        Layout { marks }
    }

    /// The largest size at which the whole text fits in `height`; at the
    /// smallest, what fits, cut at a word.
    fn largest_that_fits(&self, text: &str, width: f32, height: f32) -> (f32, Vec<String>) {
        const SIZES: [f32; 7] = [64.0, 56.0, 50.0, 44.0, 40.0, 36.0, 32.0];
        for size in SIZES {
            let max_lines = (height / (size * LINE)).floor() as usize;
            let lines = fit(&self.bold, text, size, width, max_lines);
            let whole = lines.last().is_some_and(|l| !l.ends_with('…')) || text.is_empty();
            if whole || size == SIZES[SIZES.len() - 1] {
                return (size, lines);
            }
        }
        (SIZES[SIZES.len() - 1], Vec::new())
    }

    /// Width of `text` in pixels at `size`, in the given face.
    pub fn width(&self, bold: bool, text: &str, size: f32) -> f32 {
        measure(if bold { &self.bold } else { &self.regular }, text, size)
    }
}

impl Layout {
    /// The layout as SVG: what the card shows, readable and exact, and the
    /// card's key in the build manifest.
    pub fn svg(&self) -> String {
        let mut out = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}">"#
        );
        for mark in &self.marks {
            match mark {
                Mark::Rect {
                    x,
                    y,
                    width,
                    height,
                    colour,
                } => out.push_str(&format!(
                    r#"<rect x="{x}" y="{y}" width="{width}" height="{height}" fill="{}"/>"#,
                    hex(*colour)
                )),
                Mark::Line {
                    x,
                    baseline,
                    size,
                    bold,
                    colour,
                    text,
                } => out.push_str(&format!(
                    r#"<text x="{x}" y="{baseline}" font-family="{FAMILY}" font-size="{size}" font-weight="{}" fill="{}">{}</text>"#,
                    if *bold { "bold" } else { "normal" },
                    hex(*colour),
                    xml_escape(text)
                )),
            }
        }
        out.push_str("</svg>");
        out
    }
}

fn rect(x: f32, y: f32, width: f32, height: f32, colour: [u8; 3]) -> Mark {
    Mark::Rect {
        x,
        y,
        width,
        height,
        colour,
    }
}

fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Line height as a multiple of the font size.
const LINE: f32 = 1.22;

fn block_height(lines: &[String], size: f32) -> f32 {
    if lines.is_empty() {
        0.0
    } else {
        size * LINE * lines.len() as f32
    }
}

fn measure(face: &ttf_parser::Face, text: &str, size: f32) -> f32 {
    let scale = size / f32::from(face.units_per_em());
    text.chars()
        .map(|c| advance(face, face.glyph_index(c)))
        .sum::<f32>()
        * scale
}

/// A glyph's advance in font units; a character the font lacks takes
/// 0.6 em (its missing-glyph box is drawn there).
pub fn advance(face: &ttf_parser::Face, glyph: Option<ttf_parser::GlyphId>) -> f32 {
    glyph
        .and_then(|g| face.glyph_hor_advance(g))
        .map_or(f32::from(face.units_per_em()) * 0.6, f32::from)
}

/// Break `text` into at most `max_lines` lines no wider than `width`; if it
/// does not fit, the last line ends at a word with an ellipsis. A word
/// wider than a line is cut by characters. Linear in the text: each
/// character is measured once, a word's width only up to a line's, and
/// nothing past the last line is laid out (an unbroken word of 100,000
/// characters costs what one line does).
pub fn fit(
    face: &ttf_parser::Face,
    text: &str,
    size: f32,
    width: f32,
    max_lines: usize,
) -> Vec<String> {
    let scale = size / f32::from(face.units_per_em());
    let char_width = |c: char| advance(face, face.glyph_index(c)) * scale;
    let space = char_width(' ');
    let mut line = Line::default();
    let mut lines: Vec<String> = Vec::new();
    let mut cut = false;
    'words: for word in text.split_whitespace() {
        if lines.len() >= max_lines {
            cut = true;
            break;
        }
        // Measured only as far as a line: past that it is cut anyway.
        let mut word_width = 0.0;
        for c in word.chars() {
            word_width += char_width(c);
            if word_width > width {
                break;
            }
        }
        let joined = match line.text.is_empty() {
            true => word_width,
            false => line.width + space + word_width,
        };
        if joined <= width {
            line.add_word(word, joined);
            continue;
        }
        if !line.text.is_empty() {
            lines.push(line.take());
            if lines.len() >= max_lines {
                cut = true;
                break;
            }
        }
        if word_width <= width {
            line.add_word(word, word_width);
            continue;
        }
        // A word longer than a whole line: split it by characters.
        for c in word.chars() {
            let w = char_width(c);
            if line.width + w > width && !line.text.is_empty() {
                lines.push(line.take());
                if lines.len() >= max_lines {
                    cut = true;
                    break 'words;
                }
            }
            line.text.push(c);
            line.width += w;
        }
    }
    if !line.text.is_empty() {
        match lines.len() < max_lines {
            true => lines.push(line.take()),
            false => cut = true,
        }
    }
    if cut {
        let fits = |s: &str| measure(face, s, size) <= width;
        if let Some(last) = lines.last_mut() {
            ellipsis(last, &fits);
        }
    }
    lines
}

/// The line being filled, and its width so far.
#[derive(Default)]
struct Line {
    text: String,
    width: f32,
}

impl Line {
    fn add_word(&mut self, word: &str, width: f32) {
        if !self.text.is_empty() {
            self.text.push(' ');
        }
        self.text.push_str(word);
        self.width = width;
    }

    fn take(&mut self) -> String {
        self.width = 0.0;
        std::mem::take(&mut self.text)
    }
}

/// End `line` with "…", dropping whole words (or, for one long word,
/// characters) until it fits.
fn ellipsis(line: &mut String, fits: &impl Fn(&str) -> bool) {
    loop {
        let trimmed = line.trim_end_matches(|c: char| c.is_ascii_punctuation() || c == ' ');
        let candidate = format!("{trimmed}…");
        if fits(&candidate) || trimmed.is_empty() {
            *line = candidate;
            return;
        }
        match trimmed.rfind(' ') {
            Some(space) => line.truncate(space),
            None => {
                let mut t = trimmed.to_string();
                t.pop();
                *line = t;
            }
        }
    }
}

/// `text`, one line under another from `first_baseline`, `step` apart.
fn lines(
    marks: &mut Vec<Mark>,
    text: &[String],
    first_baseline: f32,
    size: f32,
    step: f32,
    colour: [u8; 3],
    bold: bool,
) {
    marks.extend(text.iter().enumerate().map(|(i, line)| Mark::Line {
        x: MARGIN,
        baseline: first_baseline + step * i as f32,
        size,
        bold,
        colour,
        text: line.clone(),
    }));
}

fn xml_escape(s: &str) -> String {
    // Characters XML 1.0 does not allow at all go; the rest is escaped as
    // for HTML.
    let allowed: String = s
        .chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
        })
        .collect();
    super::head::esc(&allowed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn painter() -> Painter {
        Painter::new().unwrap()
    }

    #[test]
    fn long_text_is_cut_at_a_word_with_an_ellipsis() {
        let p = painter();
        let text = "We must keep talking even when we disagree, because the alternative is far worse for everyone concerned ".repeat(20);
        let lines = fit(&p.bold, &text, 40.0, 900.0, 3);
        assert_eq!(lines.len(), 3);
        for line in &lines {
            assert!(p.width(true, line, 40.0) <= 900.0, "{line}");
        }
        let last = lines.last().unwrap();
        assert!(last.ends_with('…'), "{last}");
        // Cut at a word: what precedes the ellipsis is whole words of the text.
        let kept = lines.join(" ");
        let kept = kept.trim_end_matches('…');
        assert!(text.starts_with(kept), "{kept}");
    }

    #[test]
    fn short_text_is_kept_whole() {
        let p = painter();
        assert_eq!(
            fit(&p.bold, "Talks go on", 40.0, 900.0, 3),
            vec!["Talks go on"]
        );
        assert!(fit(&p.bold, "", 40.0, 900.0, 3).is_empty());
    }

    #[test]
    fn an_unbroken_word_is_split_to_fit() {
        let p = painter();
        let word = "W".repeat(400);
        let lines = fit(&p.bold, &word, 40.0, 600.0, 4);
        assert_eq!(lines.len(), 4);
        assert!(lines.iter().all(|l| p.width(true, l, 40.0) <= 600.0));
        assert!(lines[3].ends_with('…'));
        // What is laid out stops at the last line: the lines of a word of
        // 100,000 characters are those of a word of 400.
        assert_eq!(fit(&p.bold, &"W".repeat(100_000), 40.0, 600.0, 4), lines);
        let text = format!("A {} b", "W".repeat(100_000));
        let lines = fit(&p.bold, &text, 40.0, 600.0, 2);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0], "A");
        assert!(lines[1].ends_with('…'));
    }

    #[test]
    fn every_line_of_a_card_stays_inside_it() {
        let p = painter();
        let long = "Ω".repeat(30) + &" word".repeat(500);
        for text in ["Yes.", long.as_str()] {
            let card = Card {
                kicker: "Quote",
                text,
                quoted: true,
                byline: &"Sergei Lavrov, Russian Foreign Minister ".repeat(5),
                context: &"US and Russia must talk despite collisions ".repeat(5),
                site: "Newsview",
            };
            let svg = p.layout(&card).svg();
            for t in svg.split("<text ").skip(1) {
                let attr = |name: &str| -> f32 {
                    let start = t.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                    t[start..].split('"').next().unwrap().parse().unwrap()
                };
                let (x, y, size) = (attr("x"), attr("y"), attr("font-size"));
                let body = &t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()];
                let body = body
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"");
                let bold = t.contains("font-weight=\"bold\"");
                assert!(
                    x + p.width(bold, &body, size) <= WIDTH as f32 - MARGIN + 0.5,
                    "too wide: {body}"
                );
                assert!(
                    y <= HEIGHT as f32 - MARGIN + 1.0 && y - size >= 0.0,
                    "outside: {body} at {y}"
                );
            }
            let png = p.png(&card).unwrap();
            assert_eq!(&png[1..4], b"PNG");
            // Width and height from the IHDR chunk.
            assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), WIDTH);
            assert_eq!(u32::from_be_bytes(png[20..24].try_into().unwrap()), HEIGHT);
        }
    }
}
