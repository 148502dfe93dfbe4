//! The map: rebuilt every frame from the document's view and the cached
//! Scene. Dragging pans and the wheel or a pinch zooms about the cursor (both
//! sent as [`Command::SetView`]); hovering names what is under the pointer and
//! a click selects it. The caption, legend and scale bar are drawn over it.

use egui::{Response, Sense, Ui};

use super::Command;
use super::compare_view::{self, CompareView};
use super::document::Document;
use super::scene_painter::{
    PaintStats, paint_caption, paint_scale_bar, paint_scene, register_label_accessibility,
};
use crate::atlas::LayerKind;
use crate::scene::Scene;
use crate::spatial::{MapPoint, MapView, ProjectedShape, Projector};

/// How far (screen points) from a point or line a click still picks it.
const PICK_RADIUS_POINTS: f64 = 6.0;

/// What the map remembers between frames: where it was drawn and the pointer.
#[derive(Default)]
pub struct MapPanel {
    /// The projector of the last frame (where things are on screen).
    projector: Option<Projector>,
    /// The pointer's position on the map (lon, lat), for the status bar.
    cursor_lonlat: Option<(f64, f64)>,
    /// What the last frame drew.
    stats: PaintStats,
}

impl MapPanel {
    /// The last frame's projector.
    pub fn projector(&self) -> Option<&Projector> {
        self.projector.as_ref()
    }

    /// The view the last frame showed (fitted or set by the user).
    pub fn shown_view(&self) -> Option<MapView> {
        self.projector.as_ref().map(|p| p.view)
    }

    /// The map area the last frame showed (map km), for the legend and credits.
    pub fn visible_extent(&self) -> Option<geo::Rect<f64>> {
        self.projector.as_ref().map(Projector::visible_map_rect)
    }

    /// Where the pointer is on the map (lon, lat).
    pub fn cursor_lonlat(&self) -> Option<(f64, f64)> {
        self.cursor_lonlat
    }

    /// What the last frame drew.
    pub fn stats(&self) -> &PaintStats {
        &self.stats
    }

    /// Shows the map (with compare mode's overlay, table and swipe view);
    /// returns the user's pans, zooms and selections.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        document: &Document,
        scene: &Scene,
        compare: &CompareView<'_>,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        let shown = document
            .view()
            .unwrap_or_else(|| MapView::fit_region(rect.width(), rect.height()));
        let view = moved_view(ui, &response, shown, rect);
        if view != shown {
            commands.push(Command::SetView(view));
        }
        let projector = Projector::new(view, rect);
        let painter = ui.painter_at(rect);
        let (stats, placed) = match compare.swipe {
            Some((before, share)) => {
                compare_view::paint_swipe(&painter, before, scene, &projector, share)
            }
            None => {
                let painted = paint_scene(&painter, scene, &projector);
                paint_caption(&painter, rect, &scene.caption, scene.data_note.as_deref());
                painted
            }
        };
        paint_scale_bar(&painter, &projector);
        register_label_accessibility(ui.ctx(), response.id, &placed);
        let selected_on_screen = document
            .selection()
            .map(|(_, at)| projector.map_to_screen(*at));
        let legend = super::legend::show_legend(ui, rect, &scene.legend, selected_on_screen);
        compare_view::show_table(ui, rect, compare.status, legend);
        if let Some((_, share)) = compare.swipe {
            commands.extend(compare_view::divider_handle(ui, rect, share));
        }

        self.cursor_lonlat = response
            .hover_pos()
            .and_then(|p| projector.screen_to_lonlat(p));
        if let Some(pointer) = response.hover_pos()
            && !response.dragged()
        {
            hover_tooltip(
                &response,
                document,
                &projector,
                projector.screen_to_map(pointer),
            );
        }
        if response.clicked()
            && let Some(pointer) = response.interact_pointer_pos()
        {
            let at = projector.screen_to_map(pointer);
            commands.push(Command::Select(
                pick(document, at, &projector).map(|id| (id, at)),
            ));
        }
        self.stats = stats;
        self.projector = Some(projector);
        commands
    }
}

/// The view after this frame's drag, wheel and pinch.
fn moved_view(ui: &Ui, response: &Response, mut view: MapView, rect: egui::Rect) -> MapView {
    if response.dragged() {
        let d = response.drag_delta();
        view.pan_by_points(d.x as f64, d.y as f64);
    }
    if let Some(pointer) = response.hover_pos() {
        let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = (scroll as f64 * 0.0025).exp() * pinch as f64;
        if (factor - 1.0).abs() > 1e-6 {
            let anchor = Projector::new(view, rect).screen_to_map(pointer);
            view.zoom_about(factor, anchor);
        }
    }
    view
}

/// Names what lies under the pointer (up to four features, countries left out).
fn hover_tooltip(response: &Response, document: &Document, projector: &Projector, at: MapPoint) {
    let date = document.date();
    let hits = document.features_at(at, PICK_RADIUS_POINTS * projector.km_per_point());
    let lines: Vec<String> = hits
        .iter()
        .filter(|h| h.feature.layer != LayerKind::Countries)
        .take(4)
        .map(
            |h| match (h.feature.controller_on(date), &h.feature.layer) {
                (Some(c), _) => format!(
                    "{} — held by {} ({})",
                    h.feature.name.en,
                    c.code(),
                    c.description_on(date)
                ),
                // An event says when it happened.
                (None, LayerKind::Events) => match h.feature.lifespan.from {
                    Some(day) => format!("{} ({day})", h.feature.name.en),
                    None => h.feature.name.en.clone(),
                },
                (None, _) => h.feature.name.en.clone(),
            },
        )
        .collect();
    if !lines.is_empty() {
        response.clone().on_hover_ui_at_pointer(|ui| {
            for line in &lines {
                ui.label(line);
            }
        });
    }
}

/// The feature a click at `point` selects: the topmost point or line within
/// reach, else the area under it.
fn pick(document: &Document, point: MapPoint, projector: &Projector) -> Option<String> {
    let hits = document.features_at(point, PICK_RADIUS_POINTS * projector.km_per_point());
    hits.iter()
        .find(|h| !matches!(h.projected.shape, ProjectedShape::Area { .. }))
        .or_else(|| hits.first())
        .map(|h| h.feature.id.clone())
}
