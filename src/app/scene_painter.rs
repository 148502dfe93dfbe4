//! Paints a Scene with egui: cached triangles transformed to the screen, strokes
//! in screen space (crisp at every zoom), labels placed without overlaps.

use egui::emath::{Align2, Pos2, Rect, Vec2};
use egui::epaint::{Mesh, PathStroke, Shape};
use egui::{Color32, FontId, Id, Painter};

use crate::scene::labels::{PlacedLabel, place_labels};
use crate::scene::theme::Theme;
use crate::scene::{Fill, Scene, Stroke, Symbol};
use crate::spatial::Projector;

/// Counts of what one paint call drew (for tests and benchmarks).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PaintStats {
    /// Fills drawn (not culled).
    pub fills: usize,
    /// Strokes drawn (not culled).
    pub strokes: usize,
    /// Labels placed.
    pub labels: usize,
}

fn visible(bbox: &geo::Rect<f64>, view: &geo::Rect<f64>) -> bool {
    bbox.min().x <= view.max().x
        && bbox.max().x >= view.min().x
        && bbox.min().y <= view.max().y
        && bbox.max().y >= view.min().y
}

/// Paints `scene` with `painter` as seen through `projector`. Returns the placed
/// labels so the caller can expose them to accessibility tools.
pub fn paint_scene<'a>(
    painter: &Painter,
    scene: &'a Scene,
    projector: &Projector,
) -> (PaintStats, Vec<PlacedLabel<'a>>) {
    // Only what the painter's clip shows (half the map each in the swipe view).
    let view = projector.map_rect_of(painter.clip_rect());
    let mut stats = PaintStats::default();
    let transform = projector.map_to_screen_transform();
    let mut shapes: Vec<Shape> = Vec::with_capacity(scene.fills.len() + scene.strokes.len());
    for fill in scene.fills.iter().filter(|f| visible(&f.bbox, &view)) {
        shapes.push(fill_shape(fill, transform));
        stats.fills += 1;
    }
    for stroke in scene.strokes.iter().filter(|s| visible(&s.bbox, &view)) {
        shapes.extend(stroke_shapes(stroke, projector));
        stats.strokes += 1;
    }
    // An earlier date's lines of control, when the Scene carries them.
    if let Some(ghost) = &scene.ghost {
        for stroke in ghost.strokes.iter().filter(|s| visible(&s.bbox, &view)) {
            shapes.extend(stroke_shapes(stroke, projector));
        }
    }
    for (marker, p) in scene.markers_on_screen(projector) {
        shapes.extend(marker_shapes(marker.symbol, p, marker.radius, marker.color));
    }
    painter.extend(shapes);
    // Placed over the whole map (so a label sits where it would without a
    // clip), painted and returned only where the clip shows it.
    let clip = painter.clip_rect();
    let mut placed = place_labels(scene, projector);
    placed.retain(|p| p.rect.intersects(clip));
    for placed_label in &placed {
        paint_label(painter, placed_label, scene.theme.halo());
    }
    stats.labels = placed.len();
    (stats, placed)
}

/// The shapes of one point symbol at `p` (shared with the legend's swatches).
pub fn marker_shapes(symbol: Symbol, p: Pos2, r: f32, color: Color32) -> Vec<Shape> {
    let outline = egui::Stroke::new(1.0, Color32::WHITE);
    match symbol {
        Symbol::Town => vec![Shape::circle_filled(p, r, color)],
        Symbol::Capital => vec![
            Shape::circle_filled(p, r, Color32::WHITE),
            Shape::circle_stroke(p, r, egui::Stroke::new(1.5, color)),
            Shape::circle_filled(p, r * 0.45, color),
        ],
        Symbol::Base => vec![
            Shape::rect_filled(Rect::from_center_size(p, Vec2::splat(2.0 * r)), 0.0, color),
            Shape::rect_stroke(
                Rect::from_center_size(p, Vec2::splat(2.0 * r)),
                0.0,
                outline,
                egui::StrokeKind::Outside,
            ),
        ],
        Symbol::Post => vec![Shape::convex_polygon(
            vec![
                p + Vec2::new(0.0, -r * 1.2),
                p + Vec2::new(r * 1.1, r * 0.8),
                p + Vec2::new(-r * 1.1, r * 0.8),
            ],
            color,
            outline,
        )],
        Symbol::Mission => vec![
            Shape::circle_filled(p, r, Color32::WHITE),
            Shape::circle_stroke(p, r, egui::Stroke::new(2.0, color)),
        ],
        Symbol::Event => vec![Shape::convex_polygon(
            vec![
                p + Vec2::new(0.0, -r * 1.3),
                p + Vec2::new(r * 1.3, 0.0),
                p + Vec2::new(0.0, r * 1.3),
                p + Vec2::new(-r * 1.3, 0.0),
            ],
            color,
            outline,
        )],
    }
}

/// A cached triangulation moved to the screen and coloured, in one pass.
fn fill_shape(fill: &Fill, transform: egui::emath::TSTransform) -> Shape {
    let mut mesh = Mesh::default();
    mesh.reserve_vertices(fill.triangles.vertices.len());
    mesh.reserve_triangles(fill.triangles.indices.len() / 3);
    for &[x, y] in &fill.triangles.vertices {
        mesh.colored_vertex(transform * Pos2::new(x, y), fill.color);
    }
    mesh.indices.extend_from_slice(&fill.triangles.indices);
    Shape::mesh(mesh)
}

/// Screen points closer than this to the last kept one are skipped: at low zoom
/// many vertices fall on the same pixel, and each costs tessellation time.
const MIN_SCREEN_STEP: f32 = 0.8;

fn stroke_shapes(stroke: &Stroke, projector: &Projector) -> Vec<Shape> {
    let transform = projector.map_to_screen_transform();
    let mut points: Vec<Pos2> = Vec::with_capacity(stroke.path.len());
    let last = stroke.path.len().saturating_sub(1);
    for (i, &[x, y]) in stroke.path.iter().enumerate() {
        let p = transform * Pos2::new(x, y);
        // Keep the last point so rings stay closed.
        if i == last
            || points
                .last()
                .is_none_or(|q: &Pos2| q.distance(p) >= MIN_SCREEN_STEP)
        {
            points.push(p);
        }
    }
    match stroke.dash {
        None => vec![Shape::line(
            points,
            PathStroke::new(stroke.width, stroke.color),
        )],
        Some((dash, gap)) => Shape::dashed_line(
            &points,
            egui::Stroke::new(stroke.width, stroke.color),
            dash,
            gap,
        ),
    }
}

fn paint_label(painter: &Painter, placed: &PlacedLabel<'_>, halo: Color32) {
    let label = placed.label;
    let rect = placed.rect;
    let format = |size: f32| egui::TextFormat {
        font_id: FontId::proportional(size),
        color: label.color,
        italics: label.style == crate::scene::LabelStyle::Sea,
        ..Default::default()
    };
    let layout = |size: f32| {
        painter.layout_job(egui::text::LayoutJob::single_section(
            label.text.clone(),
            format(size),
        ))
    };
    let mut galley = layout(label.size);
    // The box was measured in the bundled fonts; the window's Latin face may
    // run a little wider, and the text must stay inside the box it was given.
    if galley.size().x > rect.width() * 1.02 {
        galley = layout(label.size * rect.width() / galley.size().x);
    }
    if let Some([a, b]) = placed.leader {
        painter.line_segment([a, b], egui::Stroke::new(0.8, label.color));
    }
    let text_rect = Align2::CENTER_CENTER.anchor_size(rect.center(), galley.size());
    if label.style != crate::scene::LabelStyle::Sea {
        painter.rect_filled(text_rect.expand2(Vec2::new(2.0, 0.0)), 2.0, halo);
    }
    painter.galley(text_rect.min, galley, label.color);
}

/// Exposes placed labels to accessibility tools (screen readers and UI tests
/// read the map's labels this way).
pub fn register_label_accessibility(ctx: &egui::Context, parent: Id, placed: &[PlacedLabel<'_>]) {
    for (i, p) in placed.iter().enumerate() {
        let id = parent.with(("map-label", i));
        let text = p.label.text.clone();
        let rect = p.rect;
        ctx.accesskit_node_builder(id, |node| {
            node.set_role(egui::accesskit::Role::Label);
            // AccessKit keeps a Label's text in its value.
            node.set_value(text);
            node.set_bounds(egui::accesskit::Rect {
                x0: rect.min.x as f64,
                y0: rect.min.y as f64,
                x1: rect.max.x as f64,
                y1: rect.max.y as f64,
            });
        });
    }
}

/// The date caption in the map's top-left corner, large, on a plate in
/// `theme`'s halo colour.
pub fn paint_caption(
    painter: &Painter,
    viewport: Rect,
    caption: &str,
    note: Option<&str>,
    theme: Theme,
) {
    let galley = painter.layout_no_wrap(
        caption.to_string(),
        FontId::proportional(26.0),
        theme.text(),
    );
    let pos = viewport.min + Vec2::new(14.0, 10.0);
    let mut plate = Rect::from_min_size(pos, galley.size());
    let note = note.map(|n| {
        painter.layout_no_wrap(
            n.to_string(),
            FontId::proportional(12.0),
            theme.muted_text(),
        )
    });
    if let Some(n) = &note {
        plate = plate.union(Rect::from_min_size(
            plate.left_bottom() + Vec2::new(0.0, 2.0),
            n.size(),
        ));
    }
    painter.rect_filled(plate.expand(6.0), 4.0, theme.halo());
    let below = pos + Vec2::new(0.0, galley.size().y + 2.0);
    painter.galley(pos, galley, theme.text());
    if let Some(n) = note {
        painter.galley(below, n, theme.muted_text());
    }
}

/// A legend entry's swatch (area, line or symbol) centred on `center`, about
/// 20 × 11 points: the same look as on the map (`theme` the Scene's, for
/// the outline).
pub fn paint_swatch(
    painter: &Painter,
    center: Pos2,
    entry: &crate::scene::LegendEntry,
    theme: Theme,
) {
    let outline = egui::Stroke::new(0.5, theme.color(crate::scene::style::BORDER));
    use crate::scene::Swatch;
    match entry.swatch {
        Swatch::Area => {
            let r = Rect::from_center_size(center, Vec2::new(20.0, 11.0));
            painter.rect_filled(r, 1.0, entry.color);
            painter.rect_stroke(r, 1.0, outline, egui::StrokeKind::Inside);
        }
        Swatch::Line { dashed, width } => {
            let a = center - Vec2::new(10.0, 0.0);
            let b = center + Vec2::new(10.0, 0.0);
            let stroke = egui::Stroke::new(width, entry.color);
            if dashed {
                painter.extend(Shape::dashed_line(&[a, b], stroke, 4.0, 2.0));
            } else {
                painter.line_segment([a, b], stroke);
            }
        }
        Swatch::Symbol(symbol) => painter.extend(marker_shapes(symbol, center, 4.5, entry.color)),
        Swatch::Hatched(lines) => {
            let r = Rect::from_center_size(center, Vec2::new(20.0, 11.0));
            painter.rect_filled(r, 1.0, entry.color);
            for [a, b] in crate::scene::swatch_hatch(r.width(), r.height(), 4.0) {
                painter.line_segment(
                    [r.min + Vec2::new(a.0, a.1), r.min + Vec2::new(b.0, b.1)],
                    egui::Stroke::new(0.9, lines),
                );
            }
            painter.rect_stroke(r, 1.0, outline, egui::StrokeKind::Inside);
        }
    }
}

/// The scale bar in the map's bottom-right corner, in `theme`'s colours.
pub fn paint_scale_bar(painter: &Painter, projector: &Projector, theme: Theme) {
    let (km, length) = crate::scene::scale_bar::scale_bar(projector.km_per_point(), 140.0);
    if length <= 0.0 {
        return;
    }
    let length = length as f32;
    let right = projector.viewport.right() - 16.0;
    let y = projector.viewport.bottom() - 18.0;
    let left = right - length;
    let plate = Rect::from_min_max(
        Pos2::new(left - 8.0, y - 20.0),
        Pos2::new(right + 8.0, y + 8.0),
    );
    painter.rect_filled(plate, 4.0, theme.halo());
    let stroke = egui::Stroke::new(2.0, theme.text());
    painter.line_segment([Pos2::new(left, y), Pos2::new(right, y)], stroke);
    painter.line_segment([Pos2::new(left, y - 5.0), Pos2::new(left, y + 3.0)], stroke);
    painter.line_segment(
        [Pos2::new(right, y - 5.0), Pos2::new(right, y + 3.0)],
        stroke,
    );
    painter.text(
        Pos2::new((left + right) / 2.0, y - 4.0),
        Align2::CENTER_BOTTOM,
        format!("{km} km"),
        FontId::proportional(12.0),
        theme.text(),
    );
}
