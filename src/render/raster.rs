//! SVG → pixels on the CPU with resvg, using only the bundled fonts (never the
//! system's), so an export is the same image on every machine.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};

/// The font database: the bundled Noto fonts and nothing else. Built once.
pub fn font_database() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        for (_, bytes) in super::fonts::BUNDLED_FONTS {
            db.load_font_data(bytes.to_vec());
        }
        db.set_sans_serif_family("Noto Sans");
        db.set_serif_family("Noto Sans");
        db.set_monospace_family("Noto Sans");
        db.set_cursive_family("Noto Sans");
        db.set_fantasy_family("Noto Sans");
        Arc::new(db)
    })
    .clone()
}

/// An RGBA image with straight (not premultiplied) alpha.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RgbaImage {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width × height × 4` bytes, row by row.
    pub pixels: Vec<u8>,
}

impl RgbaImage {
    /// The pixel at (x, y) as `[r, g, b, a]`.
    // Pixel offsets come from the image's own width and height, so each index lies inside its
    // buffer.
    #[allow(clippy::indexing_slicing)]
    pub fn pixel(&self, x: u32, y: u32) -> [u8; 4] {
        let i = (y as usize * self.width as usize + x as usize) * 4;
        [
            self.pixels[i],
            self.pixels[i + 1],
            self.pixels[i + 2],
            self.pixels[i + 3],
        ]
    }
}

/// Parses an SVG document with the bundled fonts.
pub fn parse_svg(svg: &str) -> Result<usvg::Tree, String> {
    let options = usvg::Options {
        font_family: "Noto Sans".to_string(),
        fontdb: font_database(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| format!("the SVG could not be read ({e})"))
}

/// The SVG document with its text turned into outlines (paths) drawn from
/// the bundled fonts, for machines that do not have them; groups and ids are
/// kept.
pub fn outline_text(svg: &str) -> Result<Vec<u8>, String> {
    let tree = parse_svg(svg)?;
    Ok(tree.to_string(&usvg::WriteOptions::default()).into_bytes())
}

/// Rasterises an SVG document at its own size (its `width` and `height`),
/// in horizontal bands drawn in parallel.
pub fn rasterize(svg: &str) -> Result<RgbaImage, String> {
    rasterize_in_bands(svg, BANDS)
}

/// How many strips an image is drawn in. Fixed, not the number of cores: the
/// strips' edges shift anti-aliasing by a few levels, and a given command must
/// give the same pixels on every machine. Each strip walks every path again,
/// so more strips cost more work: on 2 cores, 2 and 4 strips take the same
/// time (1.25× faster than 1), and 4 keep a larger machine busy.
const BANDS: usize = 4;

/// Rows drawn beyond each strip's edges (anti-aliasing reaches two or three).
const BAND_MARGIN: usize = 8;

/// Rasterises in `bands` horizontal strips, each on its own thread. Every
/// strip is drawn on a canvas of its own, shifted by a whole number of pixels
/// and a few rows taller, so the threads share no pixel and the image is the
/// one a single pass would draw.
// Pixel offsets come from the image's own width and height, so each index lies inside its buffer.
#[allow(clippy::indexing_slicing)]
fn rasterize_in_bands(svg: &str, bands: usize) -> Result<RgbaImage, String> {
    let tree = parse_svg(svg)?;
    let size = tree.size().to_int_size();
    let (width, height) = (size.width(), size.height());
    let row_bytes = width as usize * 4;
    let mut pixels = Vec::new();
    pixels
        .try_reserve_exact(row_bytes * height as usize)
        .map_err(|_| format!("an image of {width}×{height} pixels cannot be allocated"))?;
    pixels.resize(row_bytes * height as usize, 0);
    let rows_per_band = (height as usize).div_ceil(bands.max(1)).max(1);
    std::thread::scope(|scope| {
        for (i, strip) in pixels.chunks_mut(rows_per_band * row_bytes).enumerate() {
            let tree = &tree;
            scope.spawn(move || {
                let rows = strip.len() / row_bytes;
                let top = i * rows_per_band;
                // Anti-aliasing differs in the rows next to a canvas's edge:
                // draw a margin beyond the strip and keep only its own rows.
                let above = top.min(BAND_MARGIN);
                let below = (height as usize - top - rows).min(BAND_MARGIN);
                let canvas_rows = (above + rows + below) as u32;
                if let Some(mut canvas) = Pixmap::new(width, canvas_rows) {
                    let shift = Transform::from_translate(0.0, -((top - above) as f32));
                    resvg::render(tree, shift, &mut canvas.as_mut());
                    let start = above * row_bytes;
                    strip.copy_from_slice(&canvas.data()[start..start + strip.len()]);
                }
                unpremultiply(strip);
            });
        }
    });
    Ok(RgbaImage {
        width,
        height,
        pixels,
    })
}

/// tiny-skia keeps premultiplied alpha; PNG and GIF want it straight.
// Pixel offsets come from the image's own width and height, so each index lies inside its buffer.
#[allow(clippy::indexing_slicing)]
fn unpremultiply(pixels: &mut [u8]) {
    for px in pixels.chunks_exact_mut(4) {
        let a = px[3];
        if a != 255 && a != 0 {
            for c in &mut px[..3] {
                *c = ((*c as u32 * 255 + a as u32 / 2) / a as u32).min(255) as u8;
            }
        }
    }
}

/// Encodes an image as PNG with text chunks (keyword, UTF-8 text) such as
/// the title and the sources. Fast compression: the maps' flat colours
/// compress well anyway.
pub fn encode_png(image: &RgbaImage, text: &[(String, String)]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, image.width, image.height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        for (keyword, value) in text {
            encoder
                .add_itxt_chunk(keyword.clone(), value.clone())
                .map_err(|e| format!("the PNG could not be encoded ({e})"))?;
        }
        let mut writer = encoder
            .write_header()
            .map_err(|e| format!("the PNG could not be encoded ({e})"))?;
        writer
            .write_image_data(&image.pixels)
            .map_err(|e| format!("the PNG could not be encoded ({e})"))?;
        writer
            .finish()
            .map_err(|e| format!("the PNG could not be encoded ({e})"))?;
    }
    Ok(out)
}

/// The image's pixels over white, as RGB (JPEG has no transparency).
// Pixel offsets come from the image's own width and height, so each index lies inside its buffer.
#[allow(clippy::indexing_slicing)]
fn over_white(image: &RgbaImage) -> Vec<u8> {
    let mut rgb = Vec::with_capacity(image.pixels.len() / 4 * 3);
    for px in image.pixels.chunks_exact(4) {
        let a = px[3] as u32;
        for &c in &px[..3] {
            rgb.push(((c as u32 * a + 255 * (255 - a) + 127) / 255) as u8);
        }
    }
    rgb
}

/// An XMP packet (Dublin Core title, description and rights) for the
/// formats whose text metadata is XMP: JPEG and WebP.
pub fn xmp_packet(title: &str, description: &str, rights: &str) -> String {
    let alt = |tag: &str, text: &str| {
        format!(
            "<dc:{tag}><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:{tag}>",
            super::svg::escape_xml(text)
        )
    };
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">{}{}{}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"r\"?>",
        alt("title", title),
        alt("description", description),
        alt("rights", rights)
    )
}

/// The signature that opens a JPEG's XMP segment.
const JPEG_XMP: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";

/// Encodes an image as JPEG (quality 90, which keeps the thin lines and
/// small type of a map clean), with `xmp` in an APP1 segment after the JFIF
/// header when it fits one (64 KB).
pub fn encode_jpeg(image: &RgbaImage, xmp: Option<&str>) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .encode(
            &over_white(image),
            image.width,
            image.height,
            image::ExtendedColorType::Rgb8,
        )
        .map_err(|e| format!("the JPEG could not be encoded ({e})"))?;
    let Some(xmp) = xmp else { return Ok(out) };
    let length = 2 + JPEG_XMP.len() + xmp.len();
    // After SOI (2 bytes) and, when present, the APP0 (JFIF) segment.
    let mut at = 2;
    if let [0xFF, 0xD8, 0xFF, 0xE0, hi, lo, ..] = out[..] {
        at = 4 + u16::from_be_bytes([hi, lo]) as usize;
    }
    if length > u16::MAX as usize || at > out.len() {
        return Ok(out);
    }
    let mut segment = vec![0xFF, 0xE1];
    segment.extend_from_slice(&(length as u16).to_be_bytes());
    segment.extend_from_slice(JPEG_XMP);
    segment.extend_from_slice(xmp.as_bytes());
    out.splice(at..at, segment);
    Ok(out)
}

/// Encodes an image as lossless WebP, with `xmp` in its XMP chunk.
pub fn encode_webp(image: &RgbaImage, xmp: Option<&str>) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut encoder = image_webp::WebPEncoder::new(&mut out);
    if let Some(xmp) = xmp {
        encoder.set_xmp_metadata(xmp.as_bytes().to_vec());
    }
    encoder
        .encode(
            &image.pixels,
            image.width,
            image.height,
            image_webp::ColorType::Rgba8,
        )
        .map_err(|e| format!("the WebP could not be encoded ({e})"))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_bundled_fonts_are_loaded() {
        let db = font_database();
        let mut families: Vec<String> = db
            .faces()
            .flat_map(|f| f.families.iter().map(|(name, _)| name.clone()))
            .collect();
        families.sort();
        families.dedup();
        assert_eq!(
            families,
            ["Noto Sans", "Noto Sans Armenian", "Noto Sans Georgian"]
        );
    }

    #[test]
    fn bands_draw_the_image_of_a_single_pass_up_to_anti_aliasing() {
        // Shapes, strokes and text that cross the strips' edges.
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="97" height="61"><rect width="100%" height="100%" fill="#eef"/><circle cx="40" cy="30" r="27" fill="#c62" fill-opacity="0.6" stroke="#222" stroke-width="1.5"/><path d="M3 58 L90 4 L94 50 Z" fill="none" stroke="#06c" stroke-width="3" stroke-dasharray="5 2"/><text x="6" y="36" font-size="17" font-family="'Noto Sans'">Gori</text></svg>"##;
        let single = rasterize_in_bands(svg, 1).unwrap();
        for bands in [2, BANDS, 7] {
            let banded = rasterize_in_bands(svg, bands).unwrap();
            assert_eq!((banded.width, banded.height), (97, 61));
            // tiny-skia clips a path's edges to each canvas, which moves edge
            // pixels' coverage a little; nothing else may change.
            let differing = single
                .pixels
                .chunks_exact(4)
                .zip(banded.pixels.chunks_exact(4))
                .filter(|(a, b)| a.iter().zip(b.iter()).any(|(x, y)| x.abs_diff(*y) > 2))
                .count();
            let worst = single
                .pixels
                .iter()
                .zip(&banded.pixels)
                .map(|(a, b)| a.abs_diff(*b))
                .max()
                .unwrap_or(0);
            assert!(
                differing * 50 < 97 * 61,
                "{bands} bands: {differing} pixels differ"
            );
            assert!(worst <= 64, "{bands} bands differ by up to {worst}");
        }
        // The same band count gives the same pixels every time.
        assert_eq!(rasterize(svg).unwrap(), rasterize(svg).unwrap());
    }

    fn sample() -> RgbaImage {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="64" height="40"><rect width="100%" height="100%" fill="#c4dcea"/><rect x="8" y="8" width="30" height="20" fill="#009e73"/></svg>"##;
        rasterize(svg).unwrap()
    }

    #[test]
    fn jpeg_bytes_are_a_jpeg_of_the_image() {
        let image = sample();
        let xmp = xmp_packet("Map", "A green box & water", "Caucasus Atlas");
        let bytes = encode_jpeg(&image, Some(&xmp)).unwrap();
        assert_eq!(&bytes[..3], &[0xFF, 0xD8, 0xFF]);
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("http://ns.adobe.com/xap/1.0/"));
        assert!(text.contains("A green box &amp; water"));
        assert_eq!(&bytes[..3], &[0xFF, 0xD8, 0xFF]);
        let decoded = image::load_from_memory_with_format(&bytes, image::ImageFormat::Jpeg)
            .unwrap()
            .to_rgb8();
        assert_eq!(decoded.dimensions(), (64, 40));
        // The green box is green and the water is blue, within JPEG's loss.
        let close =
            |p: &image::Rgb<u8>, q: [u8; 3]| p.0.iter().zip(q).all(|(a, b)| a.abs_diff(b) < 12);
        assert!(close(decoded.get_pixel(20, 18), [0x00, 0x9e, 0x73]));
        assert!(close(decoded.get_pixel(55, 35), [0xc4, 0xdc, 0xea]));
    }

    #[test]
    fn webp_bytes_are_a_lossless_webp_of_the_image() {
        let image = sample();
        let xmp = xmp_packet("Map", "A green box", "Caucasus Atlas");
        let bytes = encode_webp(&image, Some(&xmp)).unwrap();
        assert!(String::from_utf8_lossy(&bytes).contains("<dc:description>"));
        assert_eq!(&bytes[..4], b"RIFF");
        assert_eq!(&bytes[8..12], b"WEBP");
        let mut decoder = image_webp::WebPDecoder::new(std::io::Cursor::new(&bytes)).unwrap();
        assert_eq!(decoder.dimensions(), (64, 40));
        let mut pixels = vec![0; decoder.output_buffer_size().unwrap()];
        decoder.read_image(&mut pixels).unwrap();
        if decoder.has_alpha() {
            assert_eq!(pixels, image.pixels);
        } else {
            let rgb: Vec<u8> = image
                .pixels
                .chunks_exact(4)
                .flat_map(|p| [p[0], p[1], p[2]])
                .collect();
            assert_eq!(pixels, rgb);
        }
    }

    #[test]
    fn armenian_text_draws_ink() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"><rect width="100%" height="100%" fill="#fff"/><text x="4" y="22" font-size="18" font-family="'Noto Sans', 'Noto Sans Armenian'">Շուշի</text></svg>"##;
        let image = rasterize(svg).unwrap();
        let dark = image.pixels.chunks_exact(4).filter(|p| p[0] < 128).count();
        assert!(dark > 40, "only {dark} dark pixels");
    }
}
