//! The panel's table of gains and losses in compare mode (`export --compare
//! D1`): the heading, one row per change (its gainer's hatched swatch, from →
//! to, km² ± bound and the share), the total, the net per controller and what
//! the ± means — the same [`CompareTable`] the window prints.

use super::panel::PanelColumn;
use crate::scene::compare::CompareTable;
use crate::scene::style;
use crate::scene::{LegendEntry, Scene, Swatch};
use emath::Pos2;

/// Writes the table down the panel's columns, at its density; pieces no
/// column has room for are counted as dropped (the panel is then written
/// tighter).
pub(super) fn write_compare_block(
    column: &mut PanelColumn<'_>,
    scene: &Scene,
    table: &CompareTable,
) {
    let (text, muted) = (column.theme.text(), column.theme.muted_text());
    let left_of = |column: &PanelColumn<'_>| column.left;
    let head = column.pt(13.5);
    let head_step = column.advance(13.5, 18.0);
    let width = column.width;
    let heading = column.wrap(&table.heading, head, width);
    column.y += column.gap(10.0);
    if !column.room(head_step * heading.len() as f32) {
        column.dropped += 1 + table.rows.len() + 1 + table.net.len();
        return;
    }
    for line in &heading {
        let (left, y) = (left_of(column), column.y);
        column.text(left, y + head, head, text, line);
        column.y += head_step;
    }
    let (size, small) = (column.pt(12.5), column.pt(11.0));
    let indent = column.gap(30.0);
    let line = column.advance(12.5, 17.0);
    let share_line = column.advance(11.0, 15.0);
    for row in &table.rows {
        let label = column.wrap(&row.label, size, width - indent);
        let area = column.wrap(&row.area, size, width - indent);
        let share = column.wrap(&row.share, small, width - indent);
        let height = line * (label.len() + area.len()) as f32 + share_line * share.len() as f32;
        if !column.room(height) {
            column.dropped += 1;
            continue;
        }
        let swatch = LegendEntry {
            color: style::mix(row.color, style::PAPER, 0.55),
            swatch: Swatch::Hatched(row.color),
            text: String::new(),
        };
        let at = Pos2::new(left_of(column), column.y + column.gap(2.0));
        column.swatch(scene, &swatch, at);
        let x = left_of(column) + indent;
        for l in label.iter().chain(&area) {
            let y = column.y;
            column.text(x, y + size, size, text, l);
            column.y += line;
        }
        for l in &share {
            let y = column.y;
            column.text(x, y + small, small, muted, l);
            column.y += share_line;
        }
        column.y += column.gap(4.0);
    }
    let mut rest: Vec<(f32, &str, bool)> = vec![(12.5, table.total.as_str(), true)];
    rest.extend(table.net.iter().map(|n| (11.0, n.as_str(), false)));
    if let Some(note) = &table.note {
        rest.push((10.5, note.as_str(), false));
    }
    for (nominal, words, strong) in rest {
        let size = column.pt(nominal);
        let step = column.advance(nominal, nominal + 4.5);
        let lines = column.wrap(words, size, width);
        if !column.room(step * lines.len() as f32) {
            column.dropped += 1;
            continue;
        }
        for l in &lines {
            let (left, y) = (left_of(column), column.y);
            column.text(left, y + size, size, if strong { text } else { muted }, l);
            column.y += step;
        }
    }
}
