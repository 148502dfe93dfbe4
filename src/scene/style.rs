//! Colours and sizes, in one place so the window and exports agree.
//!
//! The controller palette is Okabe & Ito's colour-blind-safe set.

use ecolor::Color32;

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
/// Country names: quiet, so they read as a background to the places.
pub const COUNTRY_LABEL: Color32 = Color32::from_rgb(0x5A, 0x55, 0x4E);
/// Sea names (in italics).
pub const SEA_LABEL: Color32 = Color32::from_rgb(0x2F, 0x6A, 0x9A);
/// Halo behind labels.
pub const HALO: Color32 = Color32::from_rgba_unmultiplied_const(0xF8, 0xF6, 0xF0, 0xD8);

/// The full-strength colour for a controller.
pub fn controller_color(c: Controller) -> Color32 {
    match c {
        Controller::Arm => Color32::from_rgb(0xE6, 0x9F, 0x00),
        Controller::Nkr => Color32::from_rgb(0xCC, 0x79, 0xA7),
        Controller::Aze => Color32::from_rgb(0x00, 0x9E, 0x73),
        Controller::Geo => Color32::from_rgb(0xF0, 0xE4, 0x42),
        Controller::Abk => Color32::from_rgb(0xD5, 0x5E, 0x00),
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

/// The colour of an event marker by kind (the timeline's ticks use the same).
pub fn event_color(kind: &str) -> Color32 {
    match kind {
        "war" => Color32::from_rgb(0xB2, 0x18, 0x2B),
        "ceasefire" => Color32::from_rgb(0x1A, 0x98, 0x50),
        "handover" => Color32::from_rgb(0xF4, 0x6D, 0x43),
        "deployment" => Color32::from_rgb(0x6A, 0x3D, 0x9A),
        "withdrawal" => Color32::from_rgb(0x9E, 0x9A, 0xC8),
        "blockade" => Color32::from_rgb(0xD7, 0x30, 0x27),
        "checkpoint" => Color32::from_rgb(0xE0, 0x8A, 0x1E),
        "exodus" => Color32::from_rgb(0x76, 0x2A, 0x83),
        "political" => Color32::from_rgb(0x45, 0x75, 0xB4),
        "protest" => Color32::from_rgb(0x74, 0xAD, 0xD1),
        "border" => Color32::from_rgb(0x8C, 0x51, 0x0A),
        _ => Color32::from_rgb(0x55, 0x55, 0x55),
    }
}

/// Ticks for changes of control on the timeline.
pub const CONTROL_CHANGE: Color32 = Color32::from_rgb(0x44, 0x44, 0x44);

/// The Lachin corridor's route colour by status.
pub fn corridor_color(status: Option<&str>) -> Color32 {
    match status {
        Some("open") => Color32::from_rgb(0x1B, 0x78, 0x37),
        Some("checkpoint") => Color32::from_rgb(0x7B, 0x32, 0x94),
        Some("blockaded") => Color32::from_rgb(0xC5, 0x1B, 0x1B),
        _ => Color32::from_rgb(0x77, 0x77, 0x77),
    }
}

/// Markers of forces by operator: Russian, Russian–Turkish, EU.
pub fn force_color(operator: Option<&str>) -> Color32 {
    match operator {
        Some("EU") => Color32::from_rgb(0x21, 0x66, 0xAC),
        Some("RUS+TUR") => Color32::from_rgb(0x8E, 0x01, 0x52),
        _ => Color32::from_rgb(0x7F, 0x00, 0x00),
    }
}

/// Lines of contact and ceasefire lines.
pub const FRONT_LINE: Color32 = Color32::from_rgb(0x1A, 0x1A, 0x1A);
