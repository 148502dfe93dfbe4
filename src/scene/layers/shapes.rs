//! The three ways a projected shape goes into the Scene: as a filled area with
//! its outline, as lines, or as point symbols.

use ecolor::Color32;

use super::Canvas;
use crate::scene::{Fill, Marker, Stroke, Symbol};
use crate::spatial::{ProjectedFeature, ProjectedShape};

/// An outline: width in points, colour, dash pattern.
pub type Edge = (f32, Color32, Option<(f32, f32)>);

/// An area filled with `color` and outlined with `edge` (nothing if the shape
/// is not an area).
pub fn push_area(canvas: &mut Canvas<'_>, pf: &ProjectedFeature, color: Color32, edge: Edge) {
    let (width, edge_color, dash) = edge;
    if let ProjectedShape::Area { triangles, rings } = &pf.shape {
        canvas.scene.fills.push(Fill {
            triangles: triangles.clone(),
            rings: rings.clone(),
            color,
            bbox: pf.bbox,
        });
        for ring in rings {
            canvas.outlines.push(Stroke {
                path: ring.clone(),
                width,
                color: edge_color,
                dash,
                bbox: pf.bbox,
            });
        }
    }
}

/// Lines of `width` points (nothing if the shape is not lines).
pub fn push_lines(
    canvas: &mut Canvas<'_>,
    pf: &ProjectedFeature,
    width: f32,
    color: Color32,
    dash: Option<(f32, f32)>,
) {
    if let ProjectedShape::Lines(paths) = &pf.shape {
        for path in paths {
            canvas.outlines.push(Stroke {
                path: path.clone(),
                width,
                color,
                dash,
                bbox: pf.bbox,
            });
        }
    }
}

/// A symbol at every point (nothing if the shape is not points), shown at
/// every zoom.
pub fn push_points(
    canvas: &mut Canvas<'_>,
    pf: &ProjectedFeature,
    symbol: Symbol,
    color: Color32,
    radius: f32,
) {
    if let ProjectedShape::Points(points) = &pf.shape {
        for &at in points {
            canvas.scene.markers.push(Marker {
                at,
                symbol,
                color,
                radius,
                min_scale: 0.0,
            });
        }
    }
}
