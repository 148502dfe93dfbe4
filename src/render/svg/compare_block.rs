//! The panel's table of gains and losses in compare mode (`export --compare
//! D1`): the heading, one row per change (its gainer's hatched swatch, from →
//! to, km² ± bound and the share), the total, the net per controller and what
//! the ± means — the same [`CompareTable`] the window prints.

use super::{PanelColumn, wrap, write_swatch};
use crate::scene::compare::CompareTable;
use crate::scene::style;
use crate::scene::{LegendEntry, Scene, Swatch};
use emath::Pos2;

/// Writes the table while it fits; the block is left out when not even its
/// heading and total fit.
pub(super) fn write_compare_block(
    column: &mut PanelColumn<'_>,
    scene: &Scene,
    table: &CompareTable,
) {
    if !column.fits(60.0) {
        return;
    }
    column.y += 10.0;
    let left = column.left;
    let heading = wrap(&table.heading, 13.5, column.width);
    for line in &heading {
        let y = column.y;
        column.text(left, y + 13.5, 13.5, style::LABEL, line);
        column.y += 18.0;
    }
    for row in &table.rows {
        let label = wrap(&row.label, 12.5, column.width - 30.0);
        let height = 17.0 * (label.len() + 2) as f32;
        if !column.fits(height) {
            break;
        }
        let swatch = LegendEntry {
            color: style::mix(row.color, style::PAPER, 0.55),
            swatch: Swatch::Hatched(row.color),
            text: String::new(),
        };
        write_swatch(column.svg, scene, &swatch, Pos2::new(left, column.y + 2.0));
        for line in &label {
            let y = column.y;
            column.text(left + 30.0, y + 13.0, 12.5, style::LABEL, line);
            column.y += 17.0;
        }
        let y = column.y;
        column.text(left + 30.0, y + 13.0, 12.5, style::LABEL, &row.area);
        column.y += 17.0;
        let y = column.y;
        column.text(left + 30.0, y + 12.0, 11.0, style::LABEL_MUTED, &row.share);
        column.y += 19.0;
    }
    let mut rest: Vec<(f32, &str)> = vec![(12.5, table.total.as_str())];
    rest.extend(table.net.iter().map(|n| (11.0, n.as_str())));
    for (size, text) in rest {
        let lines = wrap(text, size, column.width);
        if !column.fits(16.0 * lines.len() as f32) {
            return;
        }
        for line in &lines {
            let y = column.y;
            let color = if size > 12.0 {
                style::LABEL
            } else {
                style::LABEL_MUTED
            };
            column.text(left, y + size, size, color, line);
            column.y += size + 4.5;
        }
    }
    if let Some(note) = &table.note {
        let lines = wrap(note, 10.5, column.width);
        if column.fits(14.0 * lines.len() as f32) {
            for line in &lines {
                let y = column.y;
                column.text(left, y + 10.5, 10.5, style::LABEL_MUTED, line);
                column.y += 14.0;
            }
        }
    }
}
