//! A card: a coloured badge (with a short note beside it) over paragraphs of
//! wrapped text, fitted to a width and a height. A story's step is drawn as
//! one — its verdict the badge, its claim and correction the paragraphs — in
//! the panel of its static maps and over the foot of its animation frames,
//! through this one writer.

use std::fmt::Write as _;

use ecolor::Color32;
use emath::Rect;

use super::{escape_xml, paint};
use crate::scene::text::{MIN_TEXT_PT, text_width, wrap};

/// What a card says.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// The badge's text (drawn in capitals, white on `badge_rgb`).
    pub badge: String,
    /// The badge's colour (sRGB).
    pub badge_rgb: [u8; 3],
    /// A muted note beside the badge ("Step 3 of 10"); empty for none.
    pub note: String,
    /// The text under the badge, top to bottom.
    pub paragraphs: Vec<Paragraph>,
}

/// One paragraph of a card.
#[derive(Clone, Debug, PartialEq)]
pub struct Paragraph {
    /// The text, wrapped to the card's width.
    pub text: String,
    /// The type size in points (never below [`MIN_TEXT_PT`]).
    pub size: f32,
    /// The most lines it takes; what is left is cut with an ellipsis.
    pub max_lines: usize,
}

/// The colours of a card's text (its badge keeps its own).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CardInk {
    /// The paragraphs.
    pub text: Color32,
    /// The note beside the badge.
    pub muted: Color32,
}

const BADGE_H: f32 = 22.0;
const BADGE_PT: f32 = 13.0;
const NOTE_PT: f32 = 13.0;
const LINE: f32 = 1.3;
const PARAGRAPH_GAP: f32 = 7.0;

/// `text` wrapped to `width` at `size`, at most `max_lines` lines, the last
/// one cut with an ellipsis when text was left over.
pub fn wrap_at_most(text: &str, size: f32, width: f32, max_lines: usize) -> Vec<String> {
    let mut lines = wrap(text, size, width);
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && text_width(&format!("{last}…"), size) > width {
                last.pop();
            }
            *last = format!("{}…", last.trim_end());
        }
    }
    lines
}

/// A card laid out: each paragraph's lines and size.
struct Laid {
    paragraphs: Vec<(f32, Vec<String>)>,
}

impl Laid {
    fn height(&self) -> f32 {
        let mut h = BADGE_H;
        for (size, lines) in &self.paragraphs {
            h += PARAGRAPH_GAP + lines.len() as f32 * size * LINE;
        }
        h + 4.0
    }
}

/// Lays `card` out in `width`, taking lines from the last paragraphs (then
/// whole paragraphs) until it is no taller than `max_height`.
fn lay_out(card: &Card, width: f32, max_height: f32) -> Laid {
    let mut limits: Vec<usize> = card.paragraphs.iter().map(|p| p.max_lines.max(1)).collect();
    loop {
        let laid = Laid {
            paragraphs: card
                .paragraphs
                .iter()
                .zip(&limits)
                .map(|(p, &n)| {
                    let size = p.size.max(MIN_TEXT_PT);
                    (size, wrap_at_most(&p.text, size, width, n))
                })
                .collect(),
        };
        if laid.height() <= max_height {
            return laid;
        }
        // The last paragraph longer than a line gives one up; when every
        // paragraph is one line, the last one goes.
        let longest = laid
            .paragraphs
            .iter()
            .zip(limits.iter_mut())
            .rev()
            .find(|((_, lines), _)| lines.len() > 1);
        match longest {
            Some(((_, lines), limit)) => *limit = lines.len() - 1,
            None => {
                if limits.pop().is_none() {
                    return laid;
                }
            }
        }
    }
}

/// The height `card` takes in `width` (at most `max_height`, unless not even
/// its badge fits).
pub fn card_height(card: &Card, width: f32, max_height: f32) -> f32 {
    lay_out(card, width, max_height).height()
}

/// Writes `card` into `room` (its top left corner and width; as much of its
/// height as it needs, at most the room's) and returns the height it took.
pub fn write_card(svg: &mut String, card: &Card, room: Rect, ink: CardInk) -> f32 {
    let laid = lay_out(card, room.width(), room.height());
    let (left, top) = (room.min.x, room.min.y);
    let label = card.badge.to_uppercase();
    let badge_w = text_width(&label, BADGE_PT) + 18.0;
    let [r, g, b] = card.badge_rgb;
    let _ = writeln!(
        svg,
        "<g class=\"card\"><rect x=\"{left:.1}\" y=\"{top:.1}\" width=\"{badge_w:.1}\" height=\"{BADGE_H}\" rx=\"4\" fill=\"#{r:02x}{g:02x}{b:02x}\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{BADGE_PT}\" font-weight=\"bold\" fill=\"#ffffff\">{}</text>",
        left + 9.0,
        top + 15.5,
        escape_xml(&label)
    );
    let note_x = left + badge_w + 10.0;
    if !card.note.is_empty() && note_x + text_width(&card.note, NOTE_PT) <= room.max.x {
        let _ = writeln!(
            svg,
            "<text x=\"{note_x:.1}\" y=\"{:.1}\" font-size=\"{NOTE_PT}\" {}>{}</text>",
            top + 15.5,
            paint("fill", ink.muted),
            escape_xml(&card.note)
        );
    }
    let mut y = top + BADGE_H;
    for (size, lines) in &laid.paragraphs {
        y += PARAGRAPH_GAP;
        for line in lines {
            y += size * LINE;
            let _ = writeln!(
                svg,
                "<text x=\"{left:.1}\" y=\"{:.1}\" font-size=\"{size}\" {}>{}</text>",
                y - size * 0.3,
                paint("fill", ink.text),
                escape_xml(line)
            );
        }
    }
    svg.push_str("</g>\n");
    laid.height()
}

#[cfg(test)]
mod tests {
    use super::*;
    use emath::pos2;

    fn card(claim: &str) -> Card {
        Card {
            badge: "Wrong".to_string(),
            badge_rgb: [0xc6, 0x28, 0x28],
            note: String::new(),
            paragraphs: vec![
                Paragraph {
                    text: claim.to_string(),
                    size: 15.0,
                    max_lines: 8,
                },
                Paragraph {
                    text: "The offensive was in September 2023.".to_string(),
                    size: 8.0,
                    max_lines: 8,
                },
            ],
        }
    }

    const INK: CardInk = CardInk {
        text: Color32::BLACK,
        muted: Color32::GRAY,
    };

    #[test]
    fn a_long_claim_wraps_inside_the_width_and_the_height() {
        let long = "word ".repeat(400);
        let room = Rect::from_min_size(pos2(10.0, 20.0), emath::vec2(200.0, 150.0));
        let mut svg = String::new();
        let height = write_card(&mut svg, &card(&long), room, INK);
        assert!(height <= 150.0, "{height}");
        assert!(svg.contains('…'), "the cut is shown");
        for line in svg.lines().filter(|l| l.starts_with("<text")) {
            let text = line.split('>').nth(1).unwrap().trim_end_matches("</text");
            let size: f32 = line
                .split("font-size=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            assert!(size >= MIN_TEXT_PT, "{line}");
            assert!(text_width(text, size) <= 200.0 + 0.01, "{line}");
        }
    }

    #[test]
    fn a_short_card_keeps_all_its_text_and_the_badge_colour() {
        let mut svg = String::new();
        let room = Rect::from_min_size(pos2(0.0, 0.0), emath::vec2(400.0, 600.0));
        let h = write_card(&mut svg, &card("Troops left in 2024."), room, INK);
        assert_eq!(h, card_height(&card("Troops left in 2024."), 400.0, 600.0));
        assert!(svg.contains(">WRONG<"));
        assert!(svg.contains("fill=\"#c62828\""));
        assert!(svg.contains(">Troops left in 2024.<"));
        assert!(svg.contains(">The offensive was in September 2023.<"));
        // The correction asked for 8 pt and got the smallest allowed size.
        assert!(svg.contains(&format!("font-size=\"{MIN_TEXT_PT}\"")));
    }
}
