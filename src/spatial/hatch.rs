//! Hatching: parallel diagonal lines clipped to an area, in map kilometres,
//! computed once per area with geo's boolean operations (the painters only
//! transform them). The map hatches ground held by one side inside another's
//! recognised territory, and ground changing hands.

use std::sync::Arc;

use geo::{BooleanOps, BoundingRect, Coord, LineString, MultiLineString, MultiPolygon};

use super::projected::MapPath;

/// The distance between hatch lines, in map kilometres.
pub const HATCH_SPACING_KM: f64 = 5.0;

/// Lines at 45° (rising to the right on screen, where y points down) every
/// `spacing_km`, clipped to `area`.
///
/// ```
/// use caucasus_atlas::spatial::hatch::hatch_lines;
/// let square = geo::MultiPolygon::new(vec![geo::Rect::new(
///     geo::coord! { x: 0.0, y: 0.0 },
///     geo::coord! { x: 10.0, y: 10.0 },
/// )
/// .to_polygon()]);
/// let lines = hatch_lines(&square, 2.0);
/// assert!(lines.len() >= 8);
/// // Every end lies on or inside the square.
/// assert!(lines.iter().flat_map(|l| l.iter()).all(|p| {
///     (-1e-3..=10.001).contains(&p[0]) && (-1e-3..=10.001).contains(&p[1])
/// }));
/// ```
pub fn hatch_lines(area: &MultiPolygon<f64>, spacing_km: f64) -> Arc<[MapPath]> {
    let Some(bbox) = area.bounding_rect() else {
        return Arc::from(Vec::new());
    };
    if !(spacing_km.is_finite() && spacing_km > 0.0) {
        return Arc::from(Vec::new());
    }
    let (min, max) = (bbox.min(), bbox.max());
    // Lines x + y = c for c across the box's range.
    let (first, last) = (min.x + min.y, max.x + max.y);
    let count = ((last - first) / spacing_km).ceil() as usize;
    let lines: Vec<LineString<f64>> = (0..=count)
        .map(|i| {
            let c = (first / spacing_km).floor() * spacing_km + i as f64 * spacing_km;
            LineString::new(vec![
                Coord {
                    x: c - max.y,
                    y: max.y,
                },
                Coord {
                    x: c - min.y,
                    y: min.y,
                },
            ])
        })
        .collect();
    let clipped = area.clip(&MultiLineString::new(lines), false);
    clipped
        .0
        .iter()
        .map(|l| {
            l.0.iter()
                .map(|c| [c.x as f32, c.y as f32])
                .collect::<MapPath>()
        })
        .collect::<Vec<MapPath>>()
        .into()
}
