//! A card's layout drawn into pixels. A card is flat rectangles and lines
//! of text in a handful of sizes, so each glyph is rasterised once per
//! drawing thread (at each size and quarter-pixel offset it is used at) and
//! then only blended where it goes: a general SVG renderer filled every
//! glyph's outline again on every card, most of a large site's build.

use std::collections::HashMap;

use tiny_skia::{FillRule, Mask, PathBuilder, Transform};
use ttf_parser::{Face, GlyphId, OutlineBuilder};

use crate::card::{Layout, Mark, HEIGHT, WIDTH};

/// Horizontal offsets a glyph is rasterised at, per pixel: a quarter pixel
/// is closer than the eye can tell apart, and keeps the masks few.
const PHASES: f32 = 4.0;

/// Masks kept per thread at most: an article in an unusual script can use
/// thousands of glyphs, and the cache must not grow with the archive.
const MOST_MASKS: usize = 4096;

/// One glyph's coverage, placed relative to its pen position on the
/// baseline.
struct GlyphMask {
    left: i32,
    top: i32,
    width: usize,
    alpha: Vec<u8>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct GlyphKey {
    bold: bool,
    glyph: u16,
    /// The font size in 1/64 px.
    size: u32,
    phase: u8,
}

/// A drawing thread's glyph masks.
#[derive(Default)]
pub struct Glyphs {
    masks: HashMap<GlyphKey, GlyphMask>,
}

/// The two faces a card is set in.
pub struct Faces<'a> {
    pub regular: &'a Face<'a>,
    pub bold: &'a Face<'a>,
}

/// The card as palette indexes, a byte a pixel, and the palette (RGB
/// triples).
pub fn draw(layout: &Layout, faces: &Faces, glyphs: &mut Glyphs) -> (Vec<u8>, Vec<u8>) {
    let mut canvas = Canvas::new();
    for mark in &layout.marks {
        match mark {
            Mark::Rect {
                x,
                y,
                width,
                height,
                colour,
            } => canvas.rect(*x, *y, *width, *height, *colour),
            Mark::Line {
                x,
                baseline,
                size,
                bold,
                colour,
                text,
            } => {
                let face = if *bold { faces.bold } else { faces.regular };
                let pen = Pen {
                    face,
                    bold: *bold,
                    size: *size,
                    colour: *colour,
                };
                pen.write(&mut canvas, glyphs, *x, *baseline, text);
            }
        }
    }
    (canvas.pixels, canvas.palette.concat())
}

/// Anti-aliased edges are blended at this many steps of coverage: few
/// enough that every text colour's edges fit one 256-colour palette, more
/// than the eye tells apart.
const COVERAGE_STEPS: u32 = 32;

/// Pixels as indexes into a palette that grows as colours are first used:
/// a card is drawn straight into what its palette PNG stores.
struct Canvas {
    pixels: Vec<u8>,
    palette: Vec<[u8; 3]>,
    indexes: HashMap<[u8; 3], u8>,
}

impl Canvas {
    fn new() -> Canvas {
        let mut canvas = Canvas {
            pixels: vec![0; (WIDTH * HEIGHT) as usize],
            palette: Vec::with_capacity(256),
            indexes: HashMap::with_capacity(256),
        };
        canvas.index([0, 0, 0]);
        canvas
    }

    /// The colour's palette index; once the palette is full, the nearest
    /// colour in it.
    fn index(&mut self, colour: [u8; 3]) -> u8 {
        if let Some(&i) = self.indexes.get(&colour) {
            return i;
        }
        if self.palette.len() < 256 {
            let i = self.palette.len() as u8;
            self.palette.push(colour);
            self.indexes.insert(colour, i);
            return i;
        }
        let distance = |c: &[u8; 3]| -> u32 {
            c.iter()
                .zip(colour)
                .map(|(&a, b)| u32::from(a.abs_diff(b)).pow(2))
                .sum()
        };
        (0..=255u8)
            .min_by_key(|&i| distance(&self.palette[usize::from(i)]))
            .unwrap_or(0)
    }

    /// A rectangle, its edges rounded to whole pixels.
    fn rect(&mut self, x: f32, y: f32, width: f32, height: f32, colour: [u8; 3]) {
        let index = self.index(colour);
        let columns = clamp(x, WIDTH)..clamp(x + width, WIDTH);
        for row in clamp(y, HEIGHT)..clamp(y + height, HEIGHT) {
            let start = row * WIDTH as usize;
            self.pixels[start + columns.start..start + columns.end].fill(index);
        }
    }

    /// `colour` over the canvas through `mask`, its top left at (x, y);
    /// `mixed` remembers each blend's palette index for the line.
    fn blend(&mut self, mask: &GlyphMask, x: i32, y: i32, colour: [u8; 3], mixed: &mut Mixes) {
        for (row, coverage) in mask.alpha.chunks_exact(mask.width).enumerate() {
            let py = y + row as i32;
            if !(0..HEIGHT as i32).contains(&py) {
                continue;
            }
            for (column, &a) in coverage.iter().enumerate() {
                let px = x + column as i32;
                let step = (u32::from(a) * COVERAGE_STEPS + 127) / 255;
                if step == 0 || !(0..WIDTH as i32).contains(&px) {
                    continue;
                }
                let at = py as usize * WIDTH as usize + px as usize;
                let under = self.pixels[at];
                let known = &mut mixed[usize::from(under)][step as usize];
                if *known == UNKNOWN {
                    let below = self.palette[usize::from(under)];
                    *known = u16::from(
                        self.index(std::array::from_fn(|c| mix(colour[c], below[c], step))),
                    );
                }
                self.pixels[at] = *known as u8;
            }
        }
    }
}

/// For one colour of text: the palette index of each (index under it,
/// coverage step), once blended.
type Mixes = [[u16; COVERAGE_STEPS as usize + 1]; 256];
const UNKNOWN: u16 = u16::MAX;

/// `over` at `step` of `COVERAGE_STEPS` on `under`, rounded.
fn mix(over: u8, under: u8, step: u32) -> u8 {
    let (o, u) = (u32::from(over), u32::from(under));
    ((o * step + u * (COVERAGE_STEPS - step) + COVERAGE_STEPS / 2) / COVERAGE_STEPS) as u8
}

fn clamp(v: f32, most: u32) -> usize {
    v.round().clamp(0.0, most as f32) as usize
}

/// Text in one face, size and colour.
struct Pen<'a> {
    face: &'a Face<'a>,
    bold: bool,
    size: f32,
    colour: [u8; 3],
}

impl Pen<'_> {
    /// `text` from `x` along `baseline`, advancing exactly as
    /// `card::measure` does, so every line is as wide as its layout says.
    fn write(&self, canvas: &mut Canvas, glyphs: &mut Glyphs, x: f32, baseline: f32, text: &str) {
        let scale = self.size / f32::from(self.face.units_per_em());
        let baseline = baseline.round() as i32;
        let mut pen = x;
        let mut mixed: Box<Mixes> = Box::new([[UNKNOWN; COVERAGE_STEPS as usize + 1]; 256]);
        for c in text.chars() {
            let glyph = self.face.glyph_index(c);
            if !c.is_control() {
                let whole = pen.floor();
                let phase = ((pen - whole) * PHASES).round() as u8;
                let key = GlyphKey {
                    bold: self.bold,
                    glyph: glyph.unwrap_or(GlyphId(0)).0,
                    size: (self.size * 64.0).round() as u32,
                    phase,
                };
                let mask = glyphs.mask(key, || self.rasterise(key, scale));
                canvas.blend(
                    mask,
                    whole as i32 + mask.left,
                    baseline + mask.top,
                    self.colour,
                    &mut mixed,
                );
            }
            pen += crate::card::advance(self.face, glyph) * scale;
        }
    }

    /// The glyph's coverage at its size, shifted right by its phase.
    fn rasterise(&self, key: GlyphKey, scale: f32) -> GlyphMask {
        let empty = GlyphMask {
            left: 0,
            top: 0,
            width: 1,
            alpha: vec![0],
        };
        let glyph = GlyphId(key.glyph);
        let Some(bounds) = self.face.glyph_bounding_box(glyph) else {
            return empty;
        };
        let shift = f32::from(key.phase) / PHASES;
        // One pixel of room on every side for the anti-aliased edge.
        let left = (f32::from(bounds.x_min) * scale + shift).floor() as i32 - 1;
        let right = (f32::from(bounds.x_max) * scale + shift).ceil() as i32 + 1;
        let top = (-f32::from(bounds.y_max) * scale).floor() as i32 - 1;
        let bottom = (-f32::from(bounds.y_min) * scale).ceil() as i32 + 1;
        let (width, height) = ((right - left) as u32, (bottom - top) as u32);
        let mut outline = Outline {
            path: PathBuilder::new(),
            scale,
            dx: shift - left as f32,
            dy: -top as f32,
        };
        let (Some(_), Some(mut mask)) = (
            self.face.outline_glyph(glyph, &mut outline),
            Mask::new(width, height),
        ) else {
            return empty;
        };
        if let Some(path) = outline.path.finish() {
            mask.fill_path(&path, FillRule::Winding, true, Transform::identity());
        }
        GlyphMask {
            left,
            top,
            width: width as usize,
            alpha: mask.data().to_vec(),
        }
    }
}

impl Glyphs {
    fn mask(&mut self, key: GlyphKey, make: impl FnOnce() -> GlyphMask) -> &GlyphMask {
        if self.masks.len() >= MOST_MASKS && !self.masks.contains_key(&key) {
            self.masks.clear();
        }
        self.masks.entry(key).or_insert_with(make)
    }
}

/// A glyph's outline in the mask's pixels: font units scaled, y turned
/// downwards, moved so the mask's top left is the origin.
struct Outline {
    path: PathBuilder,
    scale: f32,
    dx: f32,
    dy: f32,
}

impl Outline {
    fn at(&self, x: f32, y: f32) -> (f32, f32) {
        (x * self.scale + self.dx, -y * self.scale + self.dy)
    }
}

impl OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.at(x, y);
        self.path.move_to(x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.at(x, y);
        self.path.line_to(x, y);
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let ((x1, y1), (x, y)) = (self.at(x1, y1), self.at(x, y));
        self.path.quad_to(x1, y1, x, y);
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let ((x1, y1), (x2, y2), (x, y)) = (self.at(x1, y1), self.at(x2, y2), self.at(x, y));
        self.path.cubic_to(x1, y1, x2, y2, x, y);
    }

    fn close(&mut self) {
        self.path.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::Painter;

    const BACK: [u8; 3] = [10, 20, 30];

    fn line(x: f32, baseline: f32, size: f32, colour: [u8; 3], text: &str) -> Mark {
        Mark::Line {
            x,
            baseline,
            size,
            bold: true,
            colour,
            text: text.into(),
        }
    }

    fn layout(lines: Vec<Mark>) -> Layout {
        let mut marks = vec![Mark::Rect {
            x: 0.0,
            y: 0.0,
            width: WIDTH as f32,
            height: HEIGHT as f32,
            colour: BACK,
        }];
        marks.extend(lines);
        Layout { marks }
    }

    fn colour_at(drawn: &(Vec<u8>, Vec<u8>), x: usize, y: usize) -> [u8; 3] {
        let i = usize::from(drawn.0[y * WIDTH as usize + x]) * 3;
        [drawn.1[i], drawn.1[i + 1], drawn.1[i + 2]]
    }

    fn draw_with_painter(layout: &Layout, glyphs: &mut Glyphs) -> (Vec<u8>, Vec<u8>) {
        draw(layout, &Painter::new().unwrap().faces(), glyphs)
    }

    #[test]
    fn a_glyph_is_drawn_where_its_line_puts_it_and_nowhere_else() {
        // A bold "I" is a solid bar from the baseline up to the cap height.
        let drawn = draw_with_painter(
            &layout(vec![line(100.0, 300.0, 100.0, [255, 255, 255], "I")]),
            &mut Glyphs::default(),
        );
        let inked: Vec<(usize, usize)> = (0..HEIGHT as usize)
            .flat_map(|y| (0..WIDTH as usize).map(move |x| (x, y)))
            .filter(|&(x, y)| colour_at(&drawn, x, y) != BACK)
            .collect();
        assert!(inked.len() > 1000, "{} pixels inked", inked.len());
        assert!(inked
            .iter()
            .all(|&(x, y)| (100..150).contains(&x) && (220..=300).contains(&y)));
        // Its middle is the text colour itself, not a blend.
        let (sx, sy) = inked.iter().fold((0, 0), |(a, b), &(x, y)| (a + x, b + y));
        let middle = (sx / inked.len(), sy / inked.len());
        assert_eq!(colour_at(&drawn, middle.0, middle.1), [255, 255, 255]);
    }

    #[test]
    fn the_palette_never_holds_more_than_256_colours() {
        // Twenty colours of text on top of each other: far more blends
        // than a palette holds; the nearest colour stands in for the rest.
        let lines = (0..20u8)
            .map(|i| {
                line(
                    80.0,
                    200.0,
                    64.0,
                    [i * 12, 255 - i * 12, 128],
                    "Overlapping ink",
                )
            })
            .collect();
        let drawn = draw_with_painter(&layout(lines), &mut Glyphs::default());
        assert!(drawn.1.len() <= 256 * 3);
        assert!(drawn.0.iter().all(|&i| usize::from(i) * 3 < drawn.1.len()));
    }

    #[test]
    fn the_glyph_cache_stays_bounded() {
        // 36 glyphs at 200 sizes: far more masks than are kept.
        let text: String = "abcdefghijklmnopqrstuvwxyz0123456789".into();
        let lines = (0..200)
            .map(|i| {
                line(
                    10.0 + i as f32 * 0.37,
                    100.0,
                    20.0 + i as f32 * 0.5,
                    [255, 255, 255],
                    &text,
                )
            })
            .collect();
        let mut glyphs = Glyphs::default();
        draw_with_painter(&layout(lines), &mut glyphs);
        assert!(glyphs.masks.len() <= MOST_MASKS);
        assert!(!glyphs.masks.is_empty());
    }
}
