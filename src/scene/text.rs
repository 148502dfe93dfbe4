//! Text measured in the bundled fonts (their advances, read once with
//! ttf-parser), and the type sizes every Scene and export keeps to. Label
//! placement, the credit line and the SVG writer all measure with this, so a
//! box computed here fits the text resvg draws with the same fonts.

use std::sync::OnceLock;

/// The smallest type anywhere on a map, in layout points. A 1920×1080 export
/// is laid out at one point per pixel, so 9 pt there is 9 px (about 1/213 of
/// the width); larger and smaller pages scale the whole layout
/// (`render::svg::auto_pixels_per_point`), so the type keeps that share of
/// the page at every size.
pub const MIN_TEXT_PT: f32 = 9.0;

/// The faces, parsed once.
struct Measure {
    faces: Vec<ttf_parser::Face<'static>>,
}

fn measure() -> &'static Measure {
    static FACES: OnceLock<Measure> = OnceLock::new();
    FACES.get_or_init(|| Measure {
        faces: crate::render::fonts::BUNDLED_FONTS
            .iter()
            .filter_map(|(_, bytes)| ttf_parser::Face::parse(bytes, 0).ok())
            .collect(),
    })
}

/// The advance of one character in ems, from the first bundled font that has
/// it (half an em if none does).
pub fn char_advance(c: char) -> f32 {
    measure()
        .faces
        .iter()
        .find_map(|face| {
            let glyph = face.glyph_index(c)?;
            let advance = face.glyph_hor_advance(glyph)? as f32;
            Some(advance / face.units_per_em() as f32)
        })
        .unwrap_or(0.5)
}

/// The width of `text` at `size` points in the bundled fonts (no kerning).
pub fn text_width(text: &str, size: f32) -> f32 {
    text.chars().map(char_advance).sum::<f32>() * size
}

/// Breaks `text` into lines no wider than `max_width` (words longer than a
/// line are cut between characters). Widths are summed as it goes, so long
/// texts cost one lookup per character.
pub fn wrap(text: &str, size: f32, max_width: f32) -> Vec<String> {
    let limit = max_width / size;
    let space = char_advance(' ');
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    for word in text.split_whitespace() {
        let advances: Vec<f32> = word.chars().map(char_advance).collect();
        let word_width: f32 = advances.iter().sum();
        if line.is_empty() && word_width <= limit {
            line.push_str(word);
            line_width = word_width;
            continue;
        }
        if !line.is_empty() && line_width + space + word_width <= limit {
            line.push(' ');
            line.push_str(word);
            line_width += space + word_width;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line_width = 0.0;
        }
        // The word alone: cut it where it overflows.
        for (c, advance) in word.chars().zip(advances) {
            if !line.is_empty() && line_width + advance > limit {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
            line.push(c);
            line_width += advance;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
