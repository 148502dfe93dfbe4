//! The map widget: rebuilt every frame from the persistent [`MapView`] state and
//! the cached Scene; handles drag-to-pan and wheel/pinch zoom about the cursor,
//! and draws the caption, legend and scale bar over the map.

use egui::{Response, Sense, Ui};

use crate::render::egui_painter::{
    PaintStats, paint_caption, paint_scale_bar, paint_scene, register_label_accessibility,
};
use crate::scene::Scene;
use crate::spatial::{MapView, Projector};

/// What the map did this frame.
pub struct MapOutput {
    /// The widget's response (for hover and clicks).
    pub response: Response,
    /// The projector used this frame.
    pub projector: Projector,
    /// What was drawn.
    pub stats: PaintStats,
    /// Whether the user panned or zoomed this frame.
    pub moved: bool,
}

/// Shows the map, updating `view` from the user's drag and zoom. When `view`
/// is `None` (first frame, or after a reset) the whole region is fitted in.
pub fn show_map(ui: &mut Ui, view: &mut Option<MapView>, scene: &Scene) -> MapOutput {
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    let mut current = view.unwrap_or_else(|| MapView::fit_region(rect.width(), rect.height()));
    let before = current;

    if response.dragged() {
        let d = response.drag_delta();
        current.pan_by_points(d.x as f64, d.y as f64);
    }
    if let Some(pointer) = response.hover_pos() {
        let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = (scroll as f64 * 0.0025).exp() * pinch as f64;
        if (factor - 1.0).abs() > 1e-6 {
            let anchor = Projector::new(current, rect).screen_to_map(pointer);
            current.zoom_about(factor, anchor);
        }
    }
    *view = Some(current);
    let moved = current != before;

    let projector = Projector::new(current, rect);
    let painter = ui.painter_at(rect);
    let (stats, placed) = paint_scene(&painter, scene, &projector);
    paint_caption(&painter, rect, &scene.caption);
    paint_scale_bar(&painter, &projector);
    register_label_accessibility(ui.ctx(), response.id, &placed);
    super::legend::show_legend(ui, rect, &scene.legend);
    MapOutput {
        response,
        projector,
        stats,
        moved,
    }
}
