//! What compare mode adds to the map: the swipe view (two cached Scenes
//! painted each on its side of a divider the user drags), the table of gains
//! and losses beside the legend, and the details of a clicked changed area.

use egui::{Align2, Color32, Frame, Painter, Pos2, Rect, RichText, Sense, Stroke, Ui, Vec2};

use super::Command;
use super::compare_mode::CompareStatus;
use super::document::Document;
use super::scene_painter::{PaintStats, paint_caption, paint_scene, paint_swatch};
use crate::atlas::LayerKind;
use crate::scene::compare::{CompareOverlay, format_km2};
use crate::scene::labels::PlacedLabel;
use crate::scene::style;
use crate::scene::theme::Theme;
use crate::scene::{LegendEntry, Scene, Swatch, caption};
use crate::spatial::{MapPoint, Projector, conformal_conic};

/// How wide the table may grow (points).
const TABLE_WIDTH: f32 = 300.0;

/// What compare mode gives the map this frame.
pub struct CompareView<'a> {
    /// The comparison for the shown date (or why there is none).
    pub status: &'a CompareStatus,
    /// The swipe view: the earlier date's Scene and where the divider stands
    /// (a share of the map's width).
    pub swipe: Option<(&'a Scene, f32)>,
}

/// The map's width at the divider's share.
fn divider_x(rect: Rect, share: f32) -> f32 {
    rect.left() + rect.width() * share.clamp(0.0, 1.0)
}

/// Paints the earlier Scene left of the divider and the shown one right of it,
/// each with its date at the top of its side.
pub fn paint_swipe<'a>(
    painter: &Painter,
    before: &'a Scene,
    after: &'a Scene,
    projector: &Projector,
    share: f32,
) -> (PaintStats, Vec<PlacedLabel<'a>>) {
    let rect = painter.clip_rect();
    let theme = after.theme;
    let x = divider_x(rect, share);
    let left = Rect::from_min_max(rect.min, Pos2::new(x, rect.max.y));
    let right = Rect::from_min_max(Pos2::new(x, rect.min.y), rect.max);
    let (mut stats, mut placed) = paint_scene(&painter.with_clip_rect(left), before, projector);
    let (stats_right, placed_right) = paint_scene(&painter.with_clip_rect(right), after, projector);
    stats.fills += stats_right.fills;
    stats.strokes += stats_right.strokes;
    stats.labels += stats_right.labels;
    placed.extend(placed_right);
    painter.line_segment(
        [Pos2::new(x, rect.top()), Pos2::new(x, rect.bottom())],
        Stroke::new(2.0, Color32::WHITE),
    );
    painter.line_segment(
        [Pos2::new(x, rect.top()), Pos2::new(x, rect.bottom())],
        Stroke::new(1.0, theme.text()),
    );
    let grip = Pos2::new(x, rect.center().y);
    painter.circle(grip, 11.0, theme.halo(), Stroke::new(1.5, theme.text()));
    painter.text(
        grip,
        Align2::CENTER_CENTER,
        "< >",
        egui::FontId::proportional(11.0),
        theme.text(),
    );
    paint_caption(
        &painter.with_clip_rect(left),
        left,
        &before.caption,
        before.data_note.as_deref(),
        before.theme,
    );
    paint_caption(
        &painter.with_clip_rect(right),
        right,
        &after.caption,
        after.data_note.as_deref(),
        theme,
    );
    (stats, placed)
}

/// The divider's drag handle (the whole line, a few points either side):
/// dragging it, or clicking beside the map's edge, moves the divider.
pub fn divider_handle(ui: &mut Ui, rect: Rect, share: f32) -> Option<Command> {
    let x = divider_x(rect, share);
    let grip = Rect::from_min_max(
        Pos2::new(x - 8.0, rect.top()),
        Pos2::new(x + 8.0, rect.bottom()),
    );
    let response = ui
        .interact(grip, ui.scope_id().with("swipe-divider"), Sense::drag())
        .on_hover_cursor(egui::CursorIcon::ResizeHorizontal);
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::slider(true, share as f64, "Swipe divider");
        info.value = Some(share as f64);
        info
    });
    if response.dragged()
        && let Some(p) = response.interact_pointer_pos()
    {
        let share = ((p.x - rect.left()) / rect.width().max(1.0)).clamp(0.02, 0.98);
        return Some(Command::SetSwipeDivider(share));
    }
    None
}

/// The table of gains and losses, in the map's top-right corner: opposite
/// the legend (bottom left, or bottom right when the selection lies under it,
/// `legend` is its box this frame), and clear of the caption, the scale bar
/// and, in the region's view, of the ground that changes hands.
pub fn show_table(
    ui: &Ui,
    map_rect: Rect,
    status: &CompareStatus,
    legend: Option<Rect>,
    theme: Theme,
) {
    if matches!(status, CompareStatus::Off) {
        return;
    }
    let corner = map_rect.right_top() + Vec2::new(-10.0, 10.0);
    // A legend docked on the right (the selection under the left corner)
    // keeps its room: the table stops above it.
    let room = match legend {
        Some(l) if l.right() > map_rect.center().x => (l.top() - corner.y - 10.0).max(120.0),
        _ => map_rect.height() - 60.0,
    };
    egui::Area::new(ui.scope_id().with("compare-table"))
        .pivot(Align2::RIGHT_TOP)
        .fixed_pos(corner)
        .constrain_to(map_rect)
        .show(ui.ctx(), |ui| {
            // Only this Ui's visuals (`ui.set_visuals` would restyle the
            // whole window).
            *ui.visuals_mut() = super::legend::plate_visuals(theme);
            Frame::new()
                .fill(theme.halo())
                .corner_radius(4.0)
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.set_max_width(TABLE_WIDTH);
                    ui.spacing_mut().item_spacing.y = 2.0;
                    table_rows(ui, status, room, theme);
                });
        });
}

fn table_rows(ui: &mut Ui, status: &CompareStatus, room: f32, theme: Theme) {
    let muted = |ui: &mut Ui, text: String| {
        ui.add(egui::Label::new(RichText::new(text).color(theme.muted_text()).size(11.5)).wrap());
    };
    match status {
        CompareStatus::Off => {}
        CompareStatus::NotAfter(from) => {
            ui.label(RichText::new("Compare").color(theme.text()).strong());
            muted(
                ui,
                format!(
                    "Move the date after {} (the second handle) to see what changed hands.",
                    caption(*from)
                ),
            );
        }
        CompareStatus::Computing(from) => {
            ui.label(RichText::new("Compare").color(theme.text()).strong());
            // No spinner: it would repaint every frame; the worker wakes the
            // window when the comparison is ready.
            muted(ui, format!("computing… (since {})", caption(*from)));
        }
        CompareStatus::Failed(e) => {
            ui.label(RichText::new("Compare").color(theme.text()).strong());
            muted(ui, format!("Cannot compare: {e}."));
        }
        CompareStatus::Ready(overlay) => ready_rows(ui, overlay, room, theme),
    }
}

/// The heading, the rows while they fit in `room` points (then how many are
/// left out), the total, the net per side and the note.
fn ready_rows(ui: &mut Ui, overlay: &CompareOverlay, room: f32, theme: Theme) {
    let table = &overlay.table;
    let top = ui.cursor().top();
    ui.add(egui::Label::new(RichText::new(&table.heading).color(theme.text()).strong()).wrap());
    for (i, row) in table.rows.iter().enumerate() {
        // Keep room for the total and the net lines below.
        let reserve = 40.0 + 16.0 * table.net.len() as f32;
        if ui.cursor().top() - top > room - reserve {
            ui.label(
                RichText::new(format!("… and {} more changes", table.rows.len() - i))
                    .color(theme.muted_text())
                    .size(11.0),
            );
            break;
        }
        ui.horizontal_top(|ui| {
            let (swatch, _) = ui.allocate_exact_size(Vec2::new(24.0, 14.0), Sense::hover());
            paint_swatch(
                ui.painter(),
                swatch.center(),
                &LegendEntry {
                    color: style::mix(row.color, theme.paper(), 0.55),
                    swatch: Swatch::Hatched(row.color),
                    text: String::new(),
                },
                theme,
            );
            ui.vertical(|ui| {
                ui.add(
                    egui::Label::new(RichText::new(&row.label).color(theme.text()).size(12.0))
                        .wrap(),
                );
                ui.label(RichText::new(&row.area).color(theme.text()).size(12.0));
                ui.add(
                    egui::Label::new(
                        RichText::new(&row.share)
                            .color(theme.muted_text())
                            .size(11.0),
                    )
                    .wrap(),
                );
            });
        });
    }
    ui.label(RichText::new(&table.total).color(theme.text()).size(12.0));
    for net in &table.net {
        ui.label(RichText::new(net).color(theme.muted_text()).size(11.0));
    }
    if let Some(note) = &table.note {
        ui.add(egui::Label::new(RichText::new(note).color(theme.muted_text()).size(10.5)).wrap());
    }
}

/// The details of a changed area clicked at `at` (map km): from and to, its
/// area, and the history rows of the zone there that explain it, with their
/// sources. Nothing when the point did not change hands.
pub fn change_details(ui: &mut Ui, document: &Document, overlay: &CompareOverlay, at: MapPoint) {
    let Some((lon, lat)) = conformal_conic().inverse(at) else {
        return;
    };
    let comparison = &overlay.comparison;
    let Some(change) = comparison.change_at(lon, lat) else {
        return;
    };
    let (d1, d2) = (comparison.from, comparison.to);
    ui.label(RichText::new("Changed hands").strong());
    ui.label(format!(
        "Held by {} on {}, by {} on {}",
        change.from.description_on(d1),
        d1,
        change.to.description_on(d2),
        d2
    ));
    let zone = document
        .features_at(at, 0.0)
        .into_iter()
        .find(|h| h.feature.layer == LayerKind::Control)
        .map(|h| h.feature);
    if let Some(zone) = zone
        && let Some((_, part)) = comparison.zone_part(&zone.id)
    {
        ui.label(format!(
            "{}: {} km²{}",
            zone.name.en,
            format_km2(part.area_km2),
            if part.uncertainty_km2 > 0.0 {
                format!(" ± {} km²", format_km2(part.uncertainty_km2))
            } else {
                String::new()
            }
        ));
    }
    let (low, high) = change.range_km2();
    ui.label(format!(
        "The whole change ({} zone(s)): {} km² (between {} and {} km²), {:.1} % of what {} held on {d1}",
        change.zones.len(),
        format_km2(change.area_km2),
        format_km2(low),
        format_km2(high),
        change.share_of_from * 100.0,
        change.from.code()
    ));
    for step in &change.via {
        let until = step.until.map_or("today".to_string(), |d| d.to_string());
        ui.weak(format!(
            "via {} from {} to {until} ({})",
            step.controller.description(),
            step.from,
            step.zone
        ));
    }
    let rows: Vec<_> = comparison
        .history_of(change)
        .filter(|h| zone.is_none_or(|z| z.id == h.zone))
        .collect();
    if !rows.is_empty() {
        ui.label(RichText::new("What explains it").strong());
    }
    for h in rows {
        let who = match (h.before, h.controller) {
            (Some(a), Some(b)) if a != b => format!("{} to {}", a.code(), b.code()),
            (_, Some(b)) => format!(
                "{}, {}",
                b.code(),
                h.status.as_deref().unwrap_or("new entry")
            ),
            _ => String::new(),
        };
        let when = match h.from_range {
            Some((a, b)) => format!("{} (between {a} and {b})", h.date),
            None => h.date.to_string(),
        };
        ui.label(format!("{when}  {}: {who}", h.zone_name));
        if let Some(note) = &h.note {
            ui.weak(note);
        }
        for source in &h.sources {
            match &source.url {
                Some(url) => {
                    ui.hyperlink_to(source.title.as_str(), url);
                }
                None => {
                    ui.weak(source.title.as_str());
                }
            }
        }
    }
    ui.separator();
}
