//! Colours and sizes, in one place so the window and exports agree.
//!
//! The controller palette is Okabe & Ito's colour-blind-safe set.

use egui::Color32;

use crate::atlas::Controller;

/// The page around the region.
pub const PAPER: Color32 = Color32::from_rgb(0xF4, 0xF1, 0xEA);
/// Seas and lakes.
pub const WATER: Color32 = Color32::from_rgb(0xC4, 0xDC, 0xEA);
/// Lake and coast outlines.
pub const WATER_EDGE: Color32 = Color32::from_rgb(0x7F, 0xA8, 0xC4);
/// Land of countries outside the three.
pub const NEIGHBOUR_LAND: Color32 = Color32::from_rgb(0xE4, 0xE0, 0xD8);
/// International borders.
pub const BORDER: Color32 = Color32::from_rgb(0x4A, 0x4A, 0x4A);
/// First-level division lines.
pub const ADMIN1: Color32 = Color32::from_rgb(0xA8, 0xA2, 0x98);
/// Label text.
pub const LABEL: Color32 = Color32::from_rgb(0x22, 0x22, 0x22);
/// Neighbouring countries' town labels.
pub const LABEL_MUTED: Color32 = Color32::from_rgb(0x66, 0x66, 0x66);
/// Halo behind labels.
pub const HALO: Color32 = Color32::from_rgba_premultiplied(0xF8, 0xF6, 0xF0, 0xD8);

/// The full-strength colour for a controller.
pub fn controller_color(c: Controller) -> Color32 {
    match c {
        Controller::Arm => Color32::from_rgb(0xE6, 0x9F, 0x00),
        Controller::Nkr => Color32::from_rgb(0xD5, 0x5E, 0x00),
        Controller::Aze => Color32::from_rgb(0x00, 0x9E, 0x73),
        Controller::Geo => Color32::from_rgb(0xCC, 0x79, 0xA7),
        Controller::Abk => Color32::from_rgb(0xF0, 0xE4, 0x42),
        Controller::Sos => Color32::from_rgb(0x00, 0x72, 0xB2),
        Controller::Rus => Color32::from_rgb(0x99, 0x99, 0x99),
        Controller::Tur => Color32::from_rgb(0xBB, 0xBB, 0xBB),
        Controller::Irn => Color32::from_rgb(0xBB, 0xBB, 0xBB),
    }
}

/// The same colour mixed with the paper, for area fills under labels.
pub fn controller_fill(c: Controller) -> Color32 {
    mix(controller_color(c), PAPER, 0.55)
}

/// Linear mix of two opaque colours: `t` of `a`, `1 - t` of `b`.
pub fn mix(a: Color32, b: Color32, t: f32) -> Color32 {
    let m = |x: u8, y: u8| (x as f32 * t + y as f32 * (1.0 - t)).round() as u8;
    Color32::from_rgb(m(a.r(), b.r()), m(a.g(), b.g()), m(a.b(), b.b()))
}
