//! The panel beside (or under) the map: title, date, a story's card, the
//! compare table, the legend and the scale bar, top to bottom.
//!
//! Nothing is left out to make it fit. The panel is written at full density
//! first; when its blocks do not fit, it is written again tighter — smaller
//! type and spacing (down to [`MIN_DENSITY`], never under
//! [`MIN_TEXT_PT`]), and the blocks in two to four columns where the panel
//! is wide enough — and the first complete layout is kept. Only a panel too
//! small even for the tightest layout drops legend rows, and then says how
//! many.

use std::fmt::Write as _;

use ecolor::Color32;
use emath::{Pos2, Rect};

use super::{card, compare_block, escape_xml, paint, wrap, write_swatch};
use crate::scene::Scene;
use crate::scene::scale_bar::scale_bar;
use crate::scene::text::{MIN_TEXT_PT, text_width};
use crate::scene::theme::Theme;
use crate::spatial::Projector;

use super::ExportOptions;

/// The smallest density tried: 12.5 pt legend type becomes 9 pt.
pub const MIN_DENSITY: f32 = 0.72;

/// The densities tried, loosest first.
const DENSITIES: [f32; 4] = [1.0, 0.9, 0.8, MIN_DENSITY];

/// The most legend columns.
const MAX_COLUMNS: usize = 4;

/// The narrowest text a legend column may have, in points.
const MIN_COLUMN_TEXT: f32 = 90.0;

/// Where the panel's next piece goes. The title, the date and a card run
/// across the panel; below them the compare table, the legend and the scale
/// bar flow through one to four columns, top to bottom, then left to right.
pub(super) struct PanelColumn<'a> {
    pub theme: Theme,
    pub svg: &'a mut String,
    /// The current column's left edge.
    pub left: f32,
    /// The current column's width (the panel's, before the flow starts).
    pub width: f32,
    pub bottom: f32,
    pub y: f32,
    /// Type and spacing relative to full size (1.0).
    pub density: f32,
    /// Pieces left out because no column had room for them.
    pub dropped: usize,
    flow: Flow,
}

/// The columns the blocks flow through.
struct Flow {
    left: f32,
    top: f32,
    columns: usize,
    column: usize,
    gap: f32,
}

impl PanelColumn<'_> {
    /// A type size at this density, never under [`MIN_TEXT_PT`].
    pub fn pt(&self, size: f32) -> f32 {
        (size * self.density).max(MIN_TEXT_PT)
    }

    /// A distance at this density.
    pub fn gap(&self, points: f32) -> f32 {
        points * self.density
    }

    /// The distance from one line of `size` type to the next: `nominal` at
    /// this density, but never tighter than the type allows.
    pub fn advance(&self, size: f32, nominal: f32) -> f32 {
        self.gap(nominal).max(self.pt(size) * 1.25)
    }

    /// One line of text with its baseline at `y`.
    pub fn text(&mut self, x: f32, y: f32, size: f32, color: Color32, s: &str) {
        let _ = writeln!(
            self.svg,
            "<text x=\"{x:.2}\" y=\"{y:.2}\" font-size=\"{size:.2}\" {}>{}</text>",
            paint("fill", color),
            escape_xml(s)
        );
    }

    /// The height of a block's heading.
    pub fn heading_height(&self) -> f32 {
        self.gap(10.0) + self.advance(11.0, 18.0)
    }

    /// A block's small heading, kept with the `next` points that follow it;
    /// false (nothing written) when no column has room for both.
    pub fn heading(&mut self, s: &str, next: f32) -> bool {
        if !self.room(self.heading_height() + next) {
            return false;
        }
        self.y += self.gap(10.0);
        let (left, y, size) = (self.left, self.y, self.pt(11.0));
        let muted = self.theme.muted_text();
        self.text(left, y + size, size, muted, s);
        self.y += self.advance(11.0, 18.0);
        true
    }

    /// Starts the flow of blocks in `columns` columns below what is written.
    fn begin_flow(&mut self, columns: usize) {
        let columns = columns.max(1);
        let gap = self.gap(COLUMN_GAP);
        self.flow = Flow {
            left: self.left,
            top: self.y,
            columns,
            column: 0,
            gap,
        };
        self.width = (self.width - gap * (columns - 1) as f32) / columns as f32;
    }

    /// Makes room for a piece `height` points tall: in this column, else at
    /// the top of the next one. False when there is none.
    pub fn room(&mut self, height: f32) -> bool {
        if self.y + height <= self.bottom {
            return true;
        }
        let flow = &mut self.flow;
        if flow.column + 1 < flow.columns && self.y > flow.top {
            flow.column += 1;
            self.left = flow.left + flow.column as f32 * (self.width + flow.gap);
            self.y = flow.top;
            return self.y + height <= self.bottom;
        }
        false
    }

    /// `text` wrapped to `width` at `size`; a word too long for the width
    /// (cut between characters) counts against this layout like a piece left
    /// out, so a looser one is preferred where there is one.
    pub fn wrap(&mut self, text: &str, size: f32, width: f32) -> Vec<String> {
        if text
            .split_whitespace()
            .any(|word| text_width(word, size) > width)
        {
            self.dropped += 1;
        }
        wrap(text, size, width)
    }

    /// A 22×14 swatch scaled to the density, its top left corner at `at`.
    pub fn swatch(&mut self, scene: &Scene, entry: &crate::scene::LegendEntry, at: Pos2) {
        let _ = writeln!(
            self.svg,
            "<g transform=\"translate({:.2} {:.2}) scale({})\">",
            at.x, at.y, self.density
        );
        write_swatch(self.svg, scene, entry, Pos2::ZERO);
        self.svg.push_str("</g>\n");
    }
}

/// Writes the panel's blocks, at the loosest density and fewest legend
/// columns that leave nothing out.
pub(super) fn write_panel(
    svg: &mut String,
    scene: &Scene,
    projector: &Projector,
    panel: Rect,
    options: &ExportOptions,
) {
    let _ = writeln!(
        svg,
        "<rect x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{:.2}\" {}/>",
        panel.min.x,
        panel.min.y,
        panel.width(),
        panel.height(),
        paint("fill", options.theme.panel())
    );
    // Failing a complete layout, the one that leaves the least out.
    let mut best: Option<(usize, String)> = None;
    for density in DENSITIES {
        for columns in 1..=MAX_COLUMNS {
            if columns > 1 && !columns_fit(panel, density, columns) {
                break;
            }
            let mut body = String::new();
            let dropped = write_blocks(
                &mut body, scene, projector, panel, options, density, columns,
            );
            if dropped == 0 {
                svg.push_str(&body);
                return;
            }
            if best.as_ref().is_none_or(|(least, _)| dropped < *least) {
                best = Some((dropped, body));
            }
        }
    }
    if let Some((_, body)) = best {
        svg.push_str(&body);
    }
}

/// Whether `columns` legend columns leave each at least [`MIN_COLUMN_TEXT`]
/// points of text.
fn columns_fit(panel: Rect, density: f32, columns: usize) -> bool {
    let width = panel.width() - 2.0 * PAD;
    let gaps = (columns - 1) as f32 * COLUMN_GAP * density;
    (width - gaps) / columns as f32 - SWATCH_ROOM * density >= MIN_COLUMN_TEXT
}

/// The panel's inner margin, in points (at every density: it frames the page).
const PAD: f32 = 18.0;
/// The room between legend columns at full density.
const COLUMN_GAP: f32 = 14.0;
/// The swatch and the space after it at full density.
const SWATCH_ROOM: f32 = 30.0;

/// Writes the blocks at one density into `svg` and returns how many
/// pieces were left out.
fn write_blocks(
    svg: &mut String,
    scene: &Scene,
    projector: &Projector,
    panel: Rect,
    options: &ExportOptions,
    density: f32,
    columns: usize,
) -> usize {
    let mut column = PanelColumn {
        theme: options.theme,
        svg,
        left: panel.min.x + PAD,
        width: panel.width() - 2.0 * PAD,
        bottom: panel.max.y - PAD,
        y: panel.min.y + PAD,
        density,
        dropped: 0,
        flow: Flow {
            left: panel.min.x + PAD,
            top: panel.min.y + PAD,
            columns: 1,
            column: 0,
            gap: 0.0,
        },
    };
    write_title_block(&mut column, scene, options);
    if let Some(c) = &options.card {
        let top = column.y + column.gap(8.0);
        let room = Rect::from_min_max(
            Pos2::new(column.left, top),
            Pos2::new(column.left + column.width, column.bottom),
        );
        let ink = card::CardInk {
            text: options.theme.text(),
            muted: options.theme.muted_text(),
        };
        column.y = top + card::write_card(column.svg, c, room, ink) + column.gap(4.0);
    }
    if column.y > column.bottom + 0.5 {
        // The title or the caption alone ran past the bottom.
        column.dropped += 1;
    }
    column.begin_flow(columns);
    if let Some(table) = &scene.compare {
        compare_block::write_compare_block(&mut column, scene, table);
    }
    if options.legend && !scene.legend.is_empty() {
        write_legend_block(&mut column, scene);
    }
    if options.scale_bar {
        write_scale_block(&mut column, projector);
    }
    column.dropped
}

/// The title (wrapped) and the date caption, as asked for.
fn write_title_block(column: &mut PanelColumn<'_>, scene: &Scene, options: &ExportOptions) {
    let left = column.left;
    if let Some(title) = &options.title {
        let size = column.pt(22.0);
        for line in wrap(title, size, column.width) {
            let y = column.y;
            column.text(left, y + size, size, column.theme.text(), &line);
            column.y += column.advance(22.0, 29.0);
        }
    }
    if options.caption {
        let size = column.pt(19.0);
        for line in wrap(&scene.caption, size, column.width) {
            let y = column.y;
            column.text(left, y + size, size, column.theme.text(), &line);
            column.y += column.advance(19.0, 28.0);
        }
        if let Some(note) = &scene.data_note {
            let size = column.pt(11.0);
            for line in wrap(note, size, column.width) {
                let y = column.y;
                column.text(left, y + size * 0.2, size, column.theme.muted_text(), &line);
                column.y += column.advance(11.0, 14.0);
            }
        }
    }
}

/// The legend: a swatch and the wrapped text of each entry, in order down
/// the columns. Entries no column has room for are counted as dropped and
/// named in a last line when there is room for it.
fn write_legend_block(column: &mut PanelColumn<'_>, scene: &Scene) {
    let size = column.pt(12.5);
    let line = column.advance(12.5, 18.0);
    let row_gap = column.gap(3.0);
    let swatch_room = column.gap(SWATCH_ROOM);
    let text_room = column.width - swatch_room;
    let laid: Vec<(Vec<String>, f32)> = scene
        .legend
        .iter()
        .map(|entry| {
            let lines = column.wrap(&entry.text, size, text_room);
            let height = line * lines.len() as f32;
            (lines, height)
        })
        .collect();
    let first = laid.first().map_or(0.0, |(_, h)| *h);
    let mut shown = 0;
    if column.heading("Legend", first) {
        for (entry, (lines, height)) in scene.legend.iter().zip(&laid) {
            if !column.room(*height) {
                break;
            }
            let (left, y) = (column.left, column.y);
            column.swatch(scene, entry, Pos2::new(left, y + column.gap(2.0)));
            for (k, text) in lines.iter().enumerate() {
                let baseline = y + k as f32 * line + size * 1.04;
                let ink = column.theme.text();
                column.text(left + swatch_room, baseline, size, ink, text);
            }
            column.y += height + row_gap;
            shown += 1;
        }
    }
    let left_out = scene.legend.len() - shown;
    if left_out > 0 {
        column.dropped += left_out;
        let note = format!("… and {left_out} more (listed in the file’s description)");
        let small = column.pt(10.0);
        let lines = wrap(&note, small, column.width);
        if column.room(small * 1.3 * lines.len() as f32) {
            for l in &lines {
                let (x, y) = (column.left, column.y + small);
                let muted = column.theme.muted_text();
                column.text(x, y, small, muted, l);
                column.y += small * 1.3;
            }
        }
    }
}

/// A scale bar of four alternating segments with 0, half and full lengths.
fn write_scale_block(column: &mut PanelColumn<'_>, projector: &Projector) {
    let bar = column.gap(5.0);
    let size = column.pt(10.5);
    if !column.heading("Scale", 4.0 + bar + size * 1.4) {
        column.dropped += 1;
        return;
    }
    let (left, y) = (column.left, column.y);
    // The same choice of round length as the window's scale bar.
    let (km, length) = scale_bar(
        projector.km_per_point(),
        (column.width - 40.0).min(200.0) as f64,
    );
    let length = length as f32;
    if km <= 0.0 || !length.is_finite() {
        return;
    }
    for k in 0..4 {
        let x = left + length * k as f32 / 4.0;
        let color = if k % 2 == 0 {
            column.theme.text()
        } else {
            column.theme.paper()
        };
        let _ = writeln!(
            column.svg,
            "<rect x=\"{x:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{bar:.2}\" {} {} stroke-width=\"0.8\"/>",
            y + 2.0,
            length / 4.0,
            paint("fill", color),
            paint("stroke", column.theme.text())
        );
    }
    for (x, s) in [
        (left, "0".to_string()),
        (left + length / 2.0, format_km(km / 2.0)),
        (left + length, format!("{} km", format_km(km))),
    ] {
        let _ = writeln!(
            column.svg,
            "<text x=\"{x:.2}\" y=\"{:.2}\" font-size=\"{size:.2}\" text-anchor=\"middle\" {}>{}</text>",
            y + 4.0 + bar + size,
            paint("fill", column.theme.text()),
            escape_xml(&s)
        );
    }
    column.y += 4.0 + bar + size * 1.4;
}

/// A length in km without trailing zeros ("2.5", "10").
fn format_km(km: f64) -> String {
    if km.fract() == 0.0 {
        format!("{km:.0}")
    } else {
        let s = format!("{km:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}
