//! Paper pages for print exports: A4, A3 and US Letter, portrait or
//! landscape, with a margin in millimetres. Sizes are in PDF points (1/72 in),
//! which is also the unit an export lays its map out in when it is on paper,
//! so a 10.5 pt caption on an A4 PDF is 10.5 pt on the printed sheet.

use emath::Vec2;

use super::export::ExportError;

/// Points per millimetre (72 points to the inch, 25.4 mm to the inch).
pub const POINTS_PER_MM: f32 = 72.0 / 25.4;

/// A sheet of paper.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// ISO A3, 297 × 420 mm.
    A3,
    /// US Letter, 8.5 × 11 in (215.9 × 279.4 mm).
    Letter,
}

impl Paper {
    /// Every paper, in the order the window offers them.
    pub const ALL: [Paper; 3] = [Paper::A4, Paper::A3, Paper::Letter];

    /// The short side and the long side in millimetres.
    pub fn size_mm(self) -> (f32, f32) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::A3 => (297.0, 420.0),
            Paper::Letter => (215.9, 279.4),
        }
    }

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::A3 => "a3",
            Paper::Letter => "letter",
        }
    }

    /// The name as the window shows it.
    pub fn label(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::A3 => "A3",
            Paper::Letter => "Letter",
        }
    }

    /// The paper named `text` (`a4`, `a3` or `letter`, any case).
    pub fn parse(text: &str) -> Result<Paper, String> {
        let t = text.trim().to_ascii_lowercase();
        Paper::ALL
            .into_iter()
            .find(|p| p.name() == t)
            .ok_or_else(|| format!("\"{text}\" is not a paper size (use a4, a3 or letter)"))
    }
}

/// Which way up the sheet is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    /// Taller than wide.
    Portrait,
    /// Wider than tall.
    Landscape,
}

impl Orientation {
    /// The orientation named `text` (`portrait` or `landscape`, any case).
    pub fn parse(text: &str) -> Result<Orientation, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "portrait" => Ok(Orientation::Portrait),
            "landscape" => Ok(Orientation::Landscape),
            _ => Err(format!(
                "\"{text}\" is not an orientation (use portrait or landscape)"
            )),
        }
    }
}

/// A printed page: its paper, which way up, and the white margin round the map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PaperPage {
    /// The sheet.
    pub paper: Paper,
    /// Which way up.
    pub orientation: Orientation,
    /// The margin on every side, in millimetres.
    pub margin_mm: f32,
}

impl PaperPage {
    /// The default margin, in millimetres.
    pub const DEFAULT_MARGIN_MM: f32 = 10.0;

    /// The whole sheet in points, width × height.
    pub fn sheet_points(&self) -> Vec2 {
        let (short, long) = self.paper.size_mm();
        let (w, h) = match self.orientation {
            Orientation::Portrait => (short, long),
            Orientation::Landscape => (long, short),
        };
        Vec2::new(w, h) * POINTS_PER_MM
    }

    /// The margin in points.
    pub fn margin_points(&self) -> f32 {
        self.margin_mm * POINTS_PER_MM
    }

    /// The printed area inside the margins, in points.
    pub fn printable_points(&self) -> Vec2 {
        self.sheet_points() - Vec2::splat(2.0 * self.margin_points())
    }

    /// Checks that the margin is a number and leaves at least a quarter of
    /// the short side to print on.
    pub fn check(&self) -> Result<(), ExportError> {
        let (short, _) = self.paper.size_mm();
        let most = (short * 3.0 / 8.0).floor();
        if !self.margin_mm.is_finite() || self.margin_mm < 0.0 || self.margin_mm > most {
            return Err(ExportError(format!(
                "a margin of {} mm does not fit {} paper (use 0 to {most} mm)",
                self.margin_mm,
                self.paper.label()
            )));
        }
        Ok(())
    }

    /// The size in whole pixels of the sheet at `dpi` dots per inch.
    pub fn sheet_pixels(&self, dpi: f32) -> (u32, u32) {
        let px = self.sheet_points() * (dpi / 72.0);
        (px.x.round() as u32, px.y.round() as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a4_landscape_at_300_dpi_is_3508_by_2480_pixels() {
        let page = PaperPage {
            paper: Paper::A4,
            orientation: Orientation::Landscape,
            margin_mm: 0.0,
        };
        assert_eq!(page.sheet_pixels(300.0), (3508, 2480));
        let s = page.sheet_points();
        assert!((s.x - 841.89).abs() < 0.01 && (s.y - 595.28).abs() < 0.01);
    }

    #[test]
    fn letter_portrait_with_margins() {
        let page = PaperPage {
            paper: Paper::Letter,
            orientation: Orientation::Portrait,
            margin_mm: 25.4,
        };
        // 8.5 × 11 in less an inch on each side: 6.5 × 9 in.
        let p = page.printable_points();
        assert!(
            (p.x - 468.0).abs() < 0.01 && (p.y - 648.0).abs() < 0.01,
            "{p:?}"
        );
        assert!(page.check().is_ok());
    }

    #[test]
    fn names_and_margins_are_checked() {
        assert_eq!(Paper::parse("A3"), Ok(Paper::A3));
        assert!(Paper::parse("b5").unwrap_err().contains("\"b5\""));
        assert_eq!(Orientation::parse("Landscape"), Ok(Orientation::Landscape));
        assert!(Orientation::parse("sideways").is_err());
        let wide = PaperPage {
            paper: Paper::A4,
            orientation: Orientation::Portrait,
            margin_mm: 90.0,
        };
        assert!(wide.check().unwrap_err().0.contains("90 mm"));
        let nan = PaperPage {
            margin_mm: f32::NAN,
            ..wide
        };
        assert!(nan.check().is_err());
    }
}
