//! Themes: the light map (the style's own colours), a dark one, and one for
//! print. A theme is applied to a built Scene ([`Theme::apply`]), so the
//! window and every export that draw that Scene share it; the page around the
//! map (paper, panel, text) asks the theme for its colours.

use ecolor::Color32;

use super::style::{self, mix};
use super::{Scene, Swatch};
use crate::atlas::Controller;

/// How the map is coloured. The window can follow the system's dark mode by
/// drawing its Scene through `Theme::Dark`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// The atlas's colours on cream paper (the default).
    #[default]
    Light,
    /// Light lines and text on a dark page, for screens in dark mode.
    Dark,
    /// High contrast for print: black text and borders, stronger area
    /// colours, and no line thinner than half a point.
    Print,
}

/// The thinnest line the print theme draws, in points.
pub const PRINT_MIN_LINE: f32 = 0.5;

impl Theme {
    /// Every theme, in the order the window offers them.
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Print];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Print => "print",
        }
    }

    /// The theme named `text` (`light`, `dark` or `print`, any case).
    pub fn parse(text: &str) -> Result<Theme, String> {
        let t = text.trim().to_ascii_lowercase();
        Theme::ALL
            .into_iter()
            .find(|th| th.name() == t)
            .ok_or_else(|| format!("\"{text}\" is not a theme (use light, dark or print)"))
    }

    /// The page around the region.
    pub fn paper(self) -> Color32 {
        match self {
            Theme::Light => style::PAPER,
            Theme::Dark => Color32::from_rgb(0x1F, 0x22, 0x26),
            Theme::Print => Color32::WHITE,
        }
    }

    /// The side panel's background.
    pub fn panel(self) -> Color32 {
        match self {
            Theme::Light => Color32::from_rgb(0xFB, 0xFA, 0xF6),
            Theme::Dark => Color32::from_rgb(0x27, 0x2B, 0x30),
            Theme::Print => Color32::WHITE,
        }
    }

    /// Text.
    pub fn text(self) -> Color32 {
        match self {
            Theme::Light => style::LABEL,
            Theme::Dark => Color32::from_rgb(0xEE, 0xEE, 0xEE),
            Theme::Print => Color32::BLACK,
        }
    }

    /// Secondary text (headings, sources, neighbours' towns).
    pub fn muted_text(self) -> Color32 {
        match self {
            Theme::Light => style::LABEL_MUTED,
            Theme::Dark => Color32::from_rgb(0xB4, 0xB4, 0xB4),
            Theme::Print => Color32::from_rgb(0x33, 0x33, 0x33),
        }
    }

    /// The halo behind map labels.
    pub fn halo(self) -> Color32 {
        match self {
            Theme::Light => style::HALO,
            Theme::Dark => Color32::from_rgba_unmultiplied(0x1F, 0x22, 0x26, 0xD8),
            Theme::Print => Color32::from_rgba_unmultiplied(0xFF, 0xFF, 0xFF, 0xE0),
        }
    }

    /// The hairline frame round the map.
    pub fn frame(self) -> Color32 {
        match self {
            Theme::Light => style::ADMIN1,
            Theme::Dark => Color32::from_rgb(0x5A, 0x5E, 0x64),
            Theme::Print => Color32::BLACK,
        }
    }

    /// The colour this theme draws in place of the light theme's `c`.
    pub fn color(self, c: Color32) -> Color32 {
        if self == Theme::Light {
            return c;
        }
        let base = [
            (style::PAPER, self.paper()),
            (style::LABEL, self.text()),
            (style::LABEL_MUTED, self.muted_text()),
            (style::HALO, self.halo()),
            (style::ADMIN1, self.frame()),
        ];
        if let Some((_, to)) = base.iter().find(|(from, _)| *from == c) {
            return *to;
        }
        // Area fills are the controller's colour mixed with the paper:
        // mixed with this theme's paper instead, more strongly for print.
        for controller in Controller::ALL {
            if c == style::controller_fill(controller) {
                let full = style::controller_color(controller);
                return match self {
                    Theme::Dark => mix(full, self.paper(), 0.5),
                    _ => mix(full, self.paper(), 0.75),
                };
            }
        }
        match (self, c) {
            (Theme::Dark, c) if c == style::WATER => Color32::from_rgb(0x2B, 0x45, 0x57),
            (Theme::Dark, c) if c == style::NEIGHBOUR_LAND => Color32::from_rgb(0x33, 0x36, 0x3A),
            (Theme::Dark, c) if c == style::BORDER || c == style::FRONT_LINE => {
                Color32::from_rgb(0xD8, 0xD8, 0xD8)
            }
            (Theme::Print, c) if c == style::BORDER || c == style::FRONT_LINE => Color32::BLACK,
            (Theme::Print, c) if c == style::NEIGHBOUR_LAND => Color32::from_rgb(0xE8, 0xE8, 0xE8),
            _ => c,
        }
    }

    /// Recolours `scene` (and, for print, thickens hairlines). The light
    /// theme leaves it as built.
    pub fn apply(self, scene: &mut Scene) {
        if scene.theme != Theme::Light {
            // Colours are mapped from the light theme's: applying twice
            // would map them again.
            return;
        }
        scene.theme = self;
        if self == Theme::Light {
            return;
        }
        for fill in &mut scene.fills {
            fill.color = self.color(fill.color);
        }
        for stroke in &mut scene.strokes {
            stroke.color = self.color(stroke.color);
            if self == Theme::Print {
                stroke.width = stroke.width.max(PRINT_MIN_LINE);
            }
        }
        for marker in &mut scene.markers {
            marker.color = self.color(marker.color);
        }
        for label in &mut scene.labels {
            label.color = self.color(label.color);
        }
        for entry in &mut scene.legend {
            entry.color = self.color(entry.color);
            match &mut entry.swatch {
                Swatch::Hatched(lines) => *lines = self.color(*lines),
                Swatch::Line { width, .. } if self == Theme::Print => {
                    *width = width.max(PRINT_MIN_LINE);
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse() {
        assert_eq!(Theme::parse("Dark"), Ok(Theme::Dark));
        assert!(Theme::parse("sepia").unwrap_err().contains("\"sepia\""));
    }

    #[test]
    fn dark_areas_stay_apart_and_text_is_light() {
        let t = Theme::Dark;
        assert!(t.text().r() > 200 && t.paper().r() < 60);
        let arm = t.color(style::controller_fill(Controller::Arm));
        let aze = t.color(style::controller_fill(Controller::Aze));
        assert_ne!(arm, aze);
        assert_ne!(arm, style::controller_fill(Controller::Arm));
        assert_eq!(Theme::Light.color(style::WATER), style::WATER);
    }
}
