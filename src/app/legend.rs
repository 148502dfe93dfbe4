//! The map's legend: a collapsible box docked in the map's bottom-left corner
//! (bottom-right when the selection lies under it) whose rows are real labels
//! (screen readers and UI tests read them).

use egui::{Align2, CollapsingHeader, Frame, Pos2, Rect, RichText, Sense, Ui, Vec2};

use super::scene_painter::paint_swatch;
use crate::scene::LegendEntry;
use crate::scene::theme::Theme;

/// The legend's widest row, swatch included (points).
const LEGEND_WIDTH: f32 = 250.0;

/// How far the legend sits from the map's edges (points).
const MARGIN: f32 = 10.0;

/// Shows `legend` over the map in `map_rect`, open or folded as the user left
/// it, out of the way of `avoid` (the selected feature on screen). Returns
/// the box it took (compare mode's table docks beside it).
pub fn show_legend(
    ui: &Ui,
    map_rect: Rect,
    legend: &[LegendEntry],
    avoid: Option<Pos2>,
    theme: Theme,
) -> Option<Rect> {
    if legend.is_empty() {
        return None;
    }
    let id = ui.scope_id().with("map-legend");
    // Where the box would stand in the left corner, with last frame's size.
    let size = ui
        .ctx()
        .memory(|m| m.area_rect(id))
        .map_or(Vec2::ZERO, |r| r.size());
    let left_corner = map_rect.left_bottom() + Vec2::new(MARGIN, -MARGIN);
    let left_box = Rect::from_min_size(left_corner - Vec2::new(0.0, size.y), size);
    let (pivot, anchor) = if avoid.is_some_and(|p| left_box.expand(8.0).contains(p)) {
        (
            Align2::RIGHT_BOTTOM,
            map_rect.right_bottom() + Vec2::new(-MARGIN, -MARGIN),
        )
    } else {
        (Align2::LEFT_BOTTOM, left_corner)
    };
    let shown = egui::Area::new(id)
        .pivot(pivot)
        .fixed_pos(anchor)
        .constrain_to(map_rect)
        .show(ui.ctx(), |ui| {
            // The plate follows the map's theme, not the window's widgets.
            // (Only this Ui's visuals: `ui.set_visuals` would reach through to
            // the Context and restyle the whole window.)
            *ui.visuals_mut() = plate_visuals(theme);
            Frame::new()
                .fill(theme.halo())
                .corner_radius(4.0)
                .inner_margin(6.0)
                .show(ui, |ui| {
                    CollapsingHeader::new(RichText::new("Legend").color(theme.text()).strong())
                        .id_salt("map-legend-header")
                        .default_open(true)
                        .show(ui, |ui| {
                            // Long entries wrap: the box should cover little of the map.
                            ui.set_max_width(LEGEND_WIDTH);
                            ui.spacing_mut().item_spacing.y = 2.0;
                            for entry in legend {
                                legend_row(ui, entry, theme);
                            }
                        });
                });
        });
    Some(shown.response.rect)
}

fn legend_row(ui: &mut Ui, entry: &LegendEntry, theme: Theme) {
    // Top-aligned: a wrapped entry keeps its swatch beside its first line.
    ui.horizontal_top(|ui| {
        let (swatch, _) = ui.allocate_exact_size(Vec2::new(24.0, 14.0), Sense::hover());
        paint_swatch(ui.painter(), swatch.center(), entry, theme);
        ui.add(egui::Label::new(RichText::new(&entry.text).color(theme.text()).size(12.0)).wrap());
    });
}

/// The widget style on a plate over the map (the legend, compare mode's
/// table): dark widgets on the dark map, light ones on the light map and on
/// print, whatever the window's own theme.
pub fn plate_visuals(theme: Theme) -> egui::Visuals {
    match theme {
        Theme::Dark => egui::Visuals::dark(),
        Theme::Light | Theme::Print => egui::Visuals::light(),
    }
}
