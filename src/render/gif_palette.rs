//! The 255 colours of an animated GIF. The colours that carry meaning — every
//! style colour of `scene::style` and every opaque colour a Scene draws — are
//! reserved as exact entries, so a legend swatch in a frame is the colour of
//! the legend and of the map; only the rest (anti-aliased edges, text) is
//! left to NeuQuant.

use std::collections::{BTreeSet, HashMap};

use ecolor::Color32;

use super::raster::RgbaImage;
use crate::atlas::Controller;
use crate::atlas::schema::EVENT_KINDS;
use crate::scene::{Scene, Swatch, style};

/// The palette index left free for "unchanged since the last frame".
pub const TRANSPARENT: u8 = 255;

/// At most this many reserved colours, so NeuQuant keeps room for the edges.
const MAX_RESERVED: usize = 192;

/// Colours that mean something, in a fixed order: the style's colours first,
/// then whatever the Scenes add. Colours that are not opaque are left out
/// (what they become depends on what lies under them).
#[derive(Clone, Debug, Default)]
pub struct Reserved {
    colors: Vec<[u8; 3]>,
    seen: BTreeSet<[u8; 3]>,
}

impl Reserved {
    /// Every colour of `scene::style`: the paper, water, borders and labels,
    /// each controller's colour and fill, every event kind, corridor status
    /// and force operator, and the white and panel colours of the exports.
    pub fn style() -> Reserved {
        let mut reserved = Reserved::default();
        for c in [
            style::PAPER,
            style::WATER,
            style::WATER_EDGE,
            style::NEIGHBOUR_LAND,
            style::BORDER,
            style::ADMIN1,
            style::LABEL,
            style::LABEL_MUTED,
            style::CONTROL_CHANGE,
            style::FRONT_LINE,
            Color32::WHITE,
            // The export panel's background (`render::svg`).
            Color32::from_rgb(0xFB, 0xFA, 0xF6),
        ] {
            reserved.add(c);
        }
        for c in Controller::ALL {
            reserved.add(style::controller_color(c));
            reserved.add(style::controller_fill(c));
        }
        for kind in EVENT_KINDS {
            reserved.add(style::event_color(kind));
        }
        for status in [None, Some("open"), Some("checkpoint"), Some("blockaded")] {
            reserved.add(style::corridor_color(status));
        }
        for operator in [None, Some("EU"), Some("RUS+TUR")] {
            reserved.add(style::force_color(operator));
        }
        reserved
    }

    /// Adds one colour (ignored when not opaque, already there, or when the
    /// reserve is full).
    pub fn add(&mut self, c: Color32) {
        if c.a() != 255 || self.colors.len() >= MAX_RESERVED {
            return;
        }
        let rgb = [c.r(), c.g(), c.b()];
        if self.seen.insert(rgb) {
            self.colors.push(rgb);
        }
    }

    /// Adds an exact RGB colour (an overlay's, such as a story's badge).
    pub fn add_rgb(&mut self, [r, g, b]: [u8; 3]) {
        self.add(Color32::from_rgb(r, g, b));
    }

    /// Adds every opaque colour a Scene draws: fills, lines, markers, labels
    /// and the legend's swatches.
    pub fn add_scene(&mut self, scene: &Scene) {
        for entry in &scene.legend {
            self.add(entry.color);
            if let Swatch::Hatched(lines) = entry.swatch {
                self.add(lines);
            }
        }
        for fill in &scene.fills {
            self.add(fill.color);
        }
        for stroke in &scene.strokes {
            self.add(stroke.color);
        }
        for marker in &scene.markers {
            self.add(marker.color);
        }
        for label in &scene.labels {
            self.add(label.color);
        }
        if let Some(ghost) = &scene.ghost {
            for stroke in &ghost.strokes {
                self.add(stroke.color);
            }
        }
    }

    /// The reserved colours, in order.
    pub fn colors(&self) -> &[[u8; 3]] {
        &self.colors
    }
}

/// Up to 255 colours, with a cache from exact colour to index (the maps are
/// mostly flat colours, so the cache nearly always hits).
pub struct Palette {
    colors: Vec<[u8; 3]>,
    cache: HashMap<u32, u8>,
}

impl Palette {
    /// The reserved colours exactly; then the sample images' colours: all of
    /// them when they fit, otherwise the most common ones exactly (flat
    /// fills) and NeuQuant's choice for the rest.
    // Indices are palette positions (below the palette's length, 256 at most) and RGB triples of
    // chunks_exact(3/4) slices.
    #[allow(clippy::indexing_slicing)]
    pub fn new(reserved: &Reserved, images: &[&RgbaImage]) -> Palette {
        let mut colors: Vec<[u8; 3]> = reserved.colors().to_vec();
        let mut taken: BTreeSet<[u8; 3]> = colors.iter().copied().collect();
        let mut counts: HashMap<u32, u32> = HashMap::new();
        let mut total = 0u64;
        for image in images {
            for px in image.pixels.chunks_exact(4) {
                *counts.entry(pack(px)).or_default() += 1;
                total += 1;
            }
        }
        let mut by_count: Vec<(u32, u32)> = counts
            .into_iter()
            .filter(|(c, _)| !taken.contains(&unpack(*c)))
            .collect();
        by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let room = 255usize.saturating_sub(colors.len());
        if by_count.len() <= room {
            colors.extend(by_count.iter().map(|&(c, _)| unpack(c)));
            return Palette::from_colors(colors);
        }
        // Colours covering at least 0.02 % of the pixels, up to half the room.
        let threshold = (total / 5000).max(1) as u32;
        for &(c, _) in by_count
            .iter()
            .take_while(|&&(_, n)| n >= threshold)
            .take(room / 2)
        {
            colors.push(unpack(c));
            taken.insert(unpack(c));
        }
        let room = 255usize.saturating_sub(colors.len());
        if room > 0 {
            let mut sample = Vec::new();
            for image in images {
                sample.extend_from_slice(&image.pixels);
            }
            // NeuQuant needs a few colours to work with.
            let quant = color_quant::NeuQuant::new(10, room.max(4), &sample);
            for c in quant.color_map_rgb().chunks_exact(3) {
                let c = [c[0], c[1], c[2]];
                if colors.len() < 255 && taken.insert(c) {
                    colors.push(c);
                }
            }
        }
        Palette::from_colors(colors)
    }

    fn from_colors(mut colors: Vec<[u8; 3]>) -> Palette {
        colors.truncate(255);
        if colors.is_empty() {
            colors.push([0, 0, 0]);
        }
        Palette {
            colors,
            cache: HashMap::new(),
        }
    }

    /// 256 RGB triples for the GIF (the last one is the transparent slot).
    pub fn rgb(&self) -> Vec<u8> {
        let mut out: Vec<u8> = self.colors.iter().flatten().copied().collect();
        out.resize(256 * 3, 0);
        out
    }

    fn nearest(&self, c: [u8; 3]) -> u8 {
        let mut best = (u32::MAX, 0u8);
        for (i, p) in self.colors.iter().enumerate() {
            let d = |a: u8, b: u8| (a as i32 - b as i32).pow(2) as u32;
            // Green weighs most for the eye.
            let dist = 2 * d(c[0], p[0]) + 4 * d(c[1], p[1]) + 3 * d(c[2], p[2]);
            if dist < best.0 {
                best = (dist, i as u8);
                if dist == 0 {
                    break;
                }
            }
        }
        best.1
    }

    /// Each pixel's palette index (a colour in the palette maps to itself).
    pub fn index_image(&mut self, image: &RgbaImage) -> Vec<u8> {
        let mut out = Vec::with_capacity(image.pixels.len() / 4);
        let mut last = (u32::MAX, 0u8);
        for px in image.pixels.chunks_exact(4) {
            let key = pack(px);
            if key != last.0 {
                let index = match self.cache.get(&key) {
                    Some(&i) => i,
                    None => {
                        let i = self.nearest(unpack(key));
                        self.cache.insert(key, i);
                        i
                    }
                };
                last = (key, index);
            }
            out.push(last.1);
        }
        out
    }
}

// Indices are palette positions (below the palette's length, 256 at most) and RGB triples of
// chunks_exact(3/4) slices.
#[allow(clippy::indexing_slicing)]
fn pack(px: &[u8]) -> u32 {
    (px[0] as u32) << 16 | (px[1] as u32) << 8 | px[2] as u32
}

fn unpack(c: u32) -> [u8; 3] {
    [(c >> 16) as u8, (c >> 8) as u8, c as u8]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An image of many colours (a gradient) with two close oranges in it.
    fn busy_image() -> RgbaImage {
        let (w, h) = (64u32, 64u32);
        let mut pixels = Vec::new();
        for y in 0..h {
            for x in 0..w {
                let c = if x < 4 {
                    [0xF4, 0x6D, 0x43] // handover
                } else if x < 8 {
                    [0xE0, 0x8A, 0x1E] // checkpoint
                } else {
                    [(x * 4) as u8, (y * 4) as u8, ((x + y) * 2) as u8]
                };
                pixels.extend_from_slice(&[c[0], c[1], c[2], 255]);
            }
        }
        RgbaImage {
            width: w,
            height: h,
            pixels,
        }
    }

    #[test]
    fn reserved_colours_map_to_themselves_among_thousands_of_others() {
        let image = busy_image();
        let reserved = Reserved::style();
        let mut palette = Palette::new(&reserved, &[&image]);
        assert!(palette.colors.len() <= 255);
        let indices = palette.index_image(&image);
        for (x, expected) in [(0, [0xF4, 0x6D, 0x43]), (5, [0xE0, 0x8A, 0x1E])] {
            let i = indices[x] as usize;
            assert_eq!(palette.colors[i], expected);
        }
        for &c in reserved.colors() {
            assert!(palette.colors.contains(&c), "{c:?} lost");
        }
    }

    #[test]
    fn colours_that_are_not_opaque_are_not_reserved() {
        let mut r = Reserved::default();
        r.add(Color32::from_rgba_unmultiplied(10, 20, 30, 100));
        r.add(Color32::from_rgb(1, 2, 3));
        r.add(Color32::from_rgb(1, 2, 3));
        assert_eq!(r.colors(), &[[1, 2, 3]]);
    }
}
