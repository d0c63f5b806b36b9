//! Cards as palette PNGs: a card is a few flat colours and the anti-aliased
//! edges between them, drawn straight into palette indexes (`raster`), so
//! an 8-bit palette PNG holds it exactly, at a quarter of the pixels' bytes
//! before compression and far less after.

/// `indexes` (a byte a pixel, row by row) into `palette` (RGB triples) as
/// a PNG; `None` if the encoder refuses them.
pub fn write_png(width: u32, height: u32, palette: &[u8], indexes: &[u8]) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Indexed);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_palette(palette.to_vec());
    // Fast: the best compression took several times as long and saved
    // 15% of a card's bytes (docs/performance.md).
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
    fn every_pixel_keeps_its_palette_colour() {
        let palette: Vec<u8> = (0..64u8).flat_map(|i| [i, 255 - i, 7]).collect();
        let indexes: Vec<u8> = (0..64u8).rev().collect();
        let bytes = write_png(8, 8, &palette, &indexes).unwrap();
        let (info, pixels, kept) = decode(&bytes);
        assert_eq!((info.width, info.height), (8, 8));
        assert_eq!(kept, palette);
        let expected: Vec<u8> = indexes
            .iter()
            .flat_map(|&i| palette[usize::from(i) * 3..usize::from(i) * 3 + 3].to_vec())
            .collect();
        assert_eq!(pixels, expected);
    }
}
