//! SVG → pixels on the CPU with resvg, using only the bundled fonts (never the
//! system's), so an export is the same image on every machine.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::Pixmap;
use resvg::usvg::{self, fontdb};

/// The font database: the bundled Noto fonts and nothing else. Built once.
pub fn font_database() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        for (_, bytes) in crate::app::fonts::BUNDLED_FONTS {
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

/// Rasterises an SVG document at its own size (its `width` and `height`).
pub fn rasterize(svg: &str) -> Result<RgbaImage, String> {
    let tree = parse_svg(svg)?;
    let size = tree.size().to_int_size();
    let mut pixmap = Pixmap::new(size.width(), size.height()).ok_or_else(|| {
        format!(
            "an image of {}×{} pixels cannot be allocated",
            size.width(),
            size.height()
        )
    })?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    let width = pixmap.width();
    let height = pixmap.height();
    let mut pixels = pixmap.take();
    // tiny-skia keeps premultiplied alpha; PNG and GIF want it straight.
    for px in pixels.chunks_exact_mut(4) {
        let a = px[3];
        if a != 255 && a != 0 {
            for c in &mut px[..3] {
                *c = ((*c as u32 * 255 + a as u32 / 2) / a as u32).min(255) as u8;
            }
        }
    }
    Ok(RgbaImage {
        width,
        height,
        pixels,
    })
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
    fn armenian_text_draws_ink() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"><rect width="100%" height="100%" fill="#fff"/><text x="4" y="22" font-size="18" font-family="'Noto Sans', 'Noto Sans Armenian'">Շուշի</text></svg>"##;
        let image = rasterize(svg).unwrap();
        let dark = image.pixels.chunks_exact(4).filter(|p| p[0] < 128).count();
        assert!(dark > 40, "only {dark} dark pixels");
    }
}
