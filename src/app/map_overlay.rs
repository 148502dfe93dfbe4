//! Outlines drawn over the map for features named by id: the selection, the
//! features a story step is about, and the zones flashing after a change of
//! date. Drawn from the projected geometry each frame (a handful of
//! features), in screen space so they stay crisp at every zoom.

use egui::epaint::{PathStroke, Shape};
use egui::{Color32, Painter, Pos2};

use crate::data::AtlasData;
use crate::spatial::{ProjectedFeature, ProjectedShape, Projector};

/// The projected features with these ids, in the order of `ids` (unknown
/// ids are skipped); a lookup each, not a scan of every feature per frame.
pub fn projected_with_ids<'a>(
    data: &'a AtlasData,
    ids: &'a [String],
) -> impl Iterator<Item = &'a ProjectedFeature> + 'a {
    ids.iter().filter_map(|id| data.projected.of_id(id))
}

/// Outlines the features `ids`: areas and lines along their paths, points
/// with a ring a little larger than their symbol.
pub fn paint_outlines(
    painter: &Painter,
    projector: &Projector,
    data: &AtlasData,
    ids: &[String],
    width: f32,
    color: Color32,
) {
    if ids.is_empty() || color.a() == 0 {
        return;
    }
    let transform = projector.map_to_screen_transform();
    let to_screen = |path: &[[f32; 2]]| -> Vec<Pos2> {
        path.iter()
            .map(|&[x, y]| transform * Pos2::new(x, y))
            .collect()
    };
    let mut shapes = Vec::new();
    for pf in projected_with_ids(data, ids) {
        match &pf.shape {
            ProjectedShape::Area { rings, .. } => {
                for ring in rings {
                    shapes.push(Shape::line(to_screen(ring), PathStroke::new(width, color)));
                }
            }
            ProjectedShape::Lines(lines) => {
                for line in lines {
                    shapes.push(Shape::line(to_screen(line), PathStroke::new(width, color)));
                }
            }
            ProjectedShape::Points(points) => {
                for p in points {
                    shapes.push(Shape::circle_stroke(
                        projector.map_to_screen(*p),
                        9.0,
                        egui::Stroke::new(width, color),
                    ));
                }
            }
        }
    }
    painter.extend(shapes);
}
