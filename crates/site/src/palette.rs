//! Cards as palette PNGs: a card is a few flat colours and the anti-aliased
//! edges between them, so an 8-bit palette holds it, at a quarter of the
//! pixels' bytes before compression and far less after. Colours are kept
//! exact when the card has at most 256; otherwise each channel is rounded
//! to fewer levels (at most 8 apart) until it has.

use std::collections::HashMap;

/// The rounding tried, as bits dropped per channel.
const MOST_BITS_DROPPED: u32 = 4;

/// An opaque RGBA image as a palette PNG; `None` when it has transparency
/// or needs more than 256 colours even at the coarsest rounding.
pub fn encode(width: u32, height: u32, rgba: &[u8]) -> Option<Vec<u8>> {
    if rgba.chunks_exact(4).any(|p| p[3] != 255) {
        return None;
    }
    (0..=MOST_BITS_DROPPED).find_map(|bits| {
        let (palette, indexes) = quantise(rgba, bits)?;
        write_png(width, height, &palette, &indexes)
    })
}

/// A channel rounded to the nearest multiple of `2^bits` (255 at most).
fn round(value: u8, bits: u32) -> u8 {
    if bits == 0 {
        return value;
    }
    let half = 1u16 << (bits - 1);
    (((u16::from(value) + half) >> bits) << bits).min(255) as u8
}

/// The palette (RGB triples) and each pixel's index into it, or `None` if
/// more than 256 colours remain.
fn quantise(rgba: &[u8], bits: u32) -> Option<(Vec<u8>, Vec<u8>)> {
    let mut palette: Vec<u8> = Vec::with_capacity(256 * 3);
    let mut seen: HashMap<[u8; 3], u8> = HashMap::new();
    let mut indexes = Vec::with_capacity(rgba.len() / 4);
    // Most pixels repeat the one before (flat colour): skip the lookup.
    let mut last: Option<(&[u8], u8)> = None;
    for pixel in rgba.chunks_exact(4) {
        if let Some((before, index)) = last.filter(|(before, _)| *before == pixel) {
            indexes.push(index);
            last = Some((before, index));
            continue;
        }
        let colour = [
            round(pixel[0], bits),
            round(pixel[1], bits),
            round(pixel[2], bits),
        ];
        let index = match seen.get(&colour) {
            Some(&index) => index,
            None => {
                let index = u8::try_from(seen.len()).ok()?;
                seen.insert(colour, index);
                palette.extend_from_slice(&colour);
                index
            }
        };
        indexes.push(index);
        last = Some((pixel, index));
    }
    Some((palette, indexes))
}

fn write_png(width: u32, height: u32, palette: &[u8], indexes: &[u8]) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Indexed);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_palette(palette.to_vec());
    // Fast: of a card's 10 ms, the best compression took 8 and saved 15%
    // of its bytes; this takes 3 (docs/performance.md).
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header().ok()?;
    writer.write_image_data(indexes).ok()?;
    writer.finish().ok()?;
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(png_bytes: &[u8]) -> (png::OutputInfo, Vec<u8>, Vec<u8>) {
        let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().unwrap();
        let palette = reader.info().palette.clone().unwrap().into_owned();
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut pixels).unwrap();
        (info, pixels, palette)
    }

    #[test]
    fn few_colours_are_kept_exact() {
        let mut rgba = Vec::new();
        for i in 0..64u8 {
            rgba.extend_from_slice(&[i, 255 - i, 7, 255]);
        }
        let bytes = encode(8, 8, &rgba).unwrap();
        let (info, pixels, palette) = decode(&bytes);
        assert_eq!((info.width, info.height), (8, 8));
        assert_eq!(palette.len(), 64 * 3);
        let rgb: Vec<u8> = rgba.chunks(4).flat_map(|p| p[..3].to_vec()).collect();
        assert_eq!(pixels, rgb);
    }

    #[test]
    fn many_colours_are_rounded_to_a_palette_close_to_them() {
        // Every grey and a ramp of red: 512 colours.
        let mut rgba = Vec::new();
        for i in 0..=255u8 {
            rgba.extend_from_slice(&[i, i, i, 255, i, 0, 0, 255]);
        }
        let bytes = encode(32, 16, &rgba).unwrap();
        let (_, pixels, palette) = decode(&bytes);
        assert!(palette.len() <= 256 * 3);
        let original: Vec<u8> = rgba.chunks(4).flat_map(|p| p[..3].to_vec()).collect();
        let worst = original
            .iter()
            .zip(&pixels)
            .map(|(a, b)| a.abs_diff(*b))
            .max()
            .unwrap();
        assert!(worst > 0 && worst <= 8, "{worst}");
    }

    #[test]
    fn transparency_is_left_to_a_full_colour_png() {
        assert!(encode(1, 1, &[0, 0, 0, 128]).is_none());
    }
}
