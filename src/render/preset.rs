//! Export presets: the sizes a web page or a newspaper asks for, by name.

use super::paper::{Orientation, Paper, PaperPage};
use crate::scene::theme::Theme;

/// A named export size (and, for print, paper and theme).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// 1200 × 675 pixels, 16:9, for articles and social cards.
    Web16x9,
    /// 1080 × 1080 pixels.
    Square,
    /// 1080 × 1350 pixels (4:5), for phones.
    Portrait,
    /// A4 landscape with a 10 mm margin in the print theme.
    A4Print,
}

impl Preset {
    /// Every preset, in the order the window offers them.
    pub const ALL: [Preset; 4] = [
        Preset::Web16x9,
        Preset::Square,
        Preset::Portrait,
        Preset::A4Print,
    ];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Preset::Web16x9 => "web-16x9",
            Preset::Square => "square",
            Preset::Portrait => "portrait",
            Preset::A4Print => "a4-print",
        }
    }

    /// The name as the window shows it.
    pub fn label(self) -> &'static str {
        match self {
            Preset::Web16x9 => "Web 16:9 (1200 × 675)",
            Preset::Square => "Square (1080 × 1080)",
            Preset::Portrait => "Portrait 4:5 (1080 × 1350)",
            Preset::A4Print => "A4 print (landscape, print colours)",
        }
    }

    /// The preset named `text`.
    pub fn parse(text: &str) -> Result<Preset, String> {
        let t = text.trim().to_ascii_lowercase();
        Preset::ALL
            .into_iter()
            .find(|p| p.name() == t)
            .ok_or_else(|| {
                let names: Vec<&str> = Preset::ALL.iter().map(|p| p.name()).collect();
                format!("\"{text}\" is not a preset (use {})", names.join(", "))
            })
    }

    /// The size in pixels (for print: `None`, the paper decides).
    pub fn size(self) -> Option<(u32, u32)> {
        match self {
            Preset::Web16x9 => Some((1200, 675)),
            Preset::Square => Some((1080, 1080)),
            Preset::Portrait => Some((1080, 1350)),
            Preset::A4Print => None,
        }
    }

    /// The paper, for print.
    pub fn paper(self) -> Option<PaperPage> {
        (self == Preset::A4Print).then_some(PaperPage {
            paper: Paper::A4,
            orientation: Orientation::Landscape,
            margin_mm: PaperPage::DEFAULT_MARGIN_MM,
        })
    }

    /// The theme it suggests.
    pub fn theme(self) -> Theme {
        match self {
            Preset::A4Print => Theme::Print,
            _ => Theme::Light,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_have_the_sizes_editors_ask_for() {
        assert_eq!(Preset::parse("web-16x9").unwrap().size(), Some((1200, 675)));
        assert_eq!(Preset::parse("square").unwrap().size(), Some((1080, 1080)));
        assert_eq!(
            Preset::parse("Portrait").unwrap().size(),
            Some((1080, 1350))
        );
        let print = Preset::parse("a4-print").unwrap();
        assert_eq!(print.paper().map(|p| p.paper), Some(Paper::A4));
        assert_eq!(print.theme(), Theme::Print);
        assert!(Preset::parse("poster").unwrap_err().contains("web-16x9"));
    }
}
