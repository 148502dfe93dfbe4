//! The map's pan/zoom state, kept apart from the widget so it can be stored
//! between runs and shared with exports.

use serde::{Deserialize, Serialize};

use super::projection::{MapPoint, REGION, RegionBox, conformal_conic};

/// Where the map looks: a centre in map kilometres and a scale.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapView {
    /// Map point at the centre of the viewport (km, y south).
    pub center: [f64; 2],
    /// Screen points per map kilometre.
    pub points_per_km: f64,
}

impl MapView {
    /// Smallest scale: the whole region fits several times over.
    pub const MIN_SCALE: f64 = 0.05;
    /// Largest scale: a village fills the screen.
    pub const MAX_SCALE: f64 = 200.0;

    /// The view that shows the whole region in a viewport of `width`×`height` points.
    pub fn fit_region(width: f32, height: f32) -> MapView {
        MapView::fit_box(&REGION, width, height)
    }

    /// The view that fits a lon/lat box into a viewport of `width`×`height` points
    /// (centred, the box touching the viewport's edges on one axis).
    pub fn fit_box(b: &RegionBox, width: f32, height: f32) -> MapView {
        let lcc = conformal_conic();
        let mut min = [f64::MAX; 2];
        let mut max = [f64::MIN; 2];
        // Sample the box's edges: parallels are curved in a conic projection.
        for i in 0..=24 {
            let t = i as f64 / 24.0;
            let lon = b.min_lon + t * (b.max_lon - b.min_lon);
            let lat = b.min_lat + t * (b.max_lat - b.min_lat);
            for (x, y) in [
                (lon, b.min_lat),
                (lon, b.max_lat),
                (b.min_lon, lat),
                (b.max_lon, lat),
            ] {
                if let Some(p) = lcc.forward(x, y) {
                    min = [min[0].min(p.x), min[1].min(p.y)];
                    max = [max[0].max(p.x), max[1].max(p.y)];
                }
            }
        }
        if min[0] > max[0] {
            // Nothing projected (a box far outside the projection's domain).
            return if *b == REGION {
                MapView {
                    center: [0.0, 0.0],
                    points_per_km: 1.0,
                }
            } else {
                MapView::fit_region(width, height)
            };
        }
        let (w, h) = ((max[0] - min[0]).max(0.01), (max[1] - min[1]).max(0.01));
        let scale = (width.max(1.0) as f64 / w).min(height.max(1.0) as f64 / h);
        MapView {
            center: [(min[0] + max[0]) / 2.0, (min[1] + max[1]) / 2.0],
            points_per_km: scale.clamp(Self::MIN_SCALE, Self::MAX_SCALE),
        }
    }

    /// The view that fits a box in map kilometres into a viewport of
    /// `width`×`height` points, showing at least `min_km` across (a town is
    /// shown with its surroundings), with a tenth of margin on each side.
    pub fn fit_map_rect(rect: &geo::Rect<f64>, min_km: f64, width: f32, height: f32) -> MapView {
        let (w, h) = (
            (rect.width() * 1.2).max(min_km),
            (rect.height() * 1.2).max(min_km),
        );
        let scale = (width.max(1.0) as f64 / w).min(height.max(1.0) as f64 / h);
        let c = rect.center();
        MapView {
            center: [c.x, c.y],
            points_per_km: scale.clamp(Self::MIN_SCALE, Self::MAX_SCALE),
        }
    }

    /// The centre as a map point.
    pub fn center_point(&self) -> MapPoint {
        MapPoint {
            x: self.center[0],
            y: self.center[1],
        }
    }

    /// Moves the view by a screen-space drag of `(dx, dy)` points.
    pub fn pan_by_points(&mut self, dx: f64, dy: f64) {
        self.center[0] -= dx / self.points_per_km;
        self.center[1] -= dy / self.points_per_km;
    }

    /// Zooms by `factor` keeping the map point `anchor` (under the cursor) fixed on screen.
    pub fn zoom_about(&mut self, factor: f64, anchor: MapPoint) {
        if !factor.is_finite() || factor <= 0.0 {
            return;
        }
        let new_scale = (self.points_per_km * factor).clamp(Self::MIN_SCALE, Self::MAX_SCALE);
        let applied = new_scale / self.points_per_km;
        // Keep `anchor` at the same screen position: c' = a + (c - a) / applied.
        self.center[0] = anchor.x + (self.center[0] - anchor.x) / applied;
        self.center[1] = anchor.y + (self.center[1] - anchor.y) / applied;
        self.points_per_km = new_scale;
    }

    /// Whether every number is finite and the scale within bounds (guards stored state).
    pub fn is_sane(&self) -> bool {
        self.center.iter().all(|c| c.is_finite() && c.abs() < 1.0e5)
            && (Self::MIN_SCALE..=Self::MAX_SCALE).contains(&self.points_per_km)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_keeps_the_anchor_in_place() {
        let mut v = MapView {
            center: [0.0, 0.0],
            points_per_km: 1.0,
        };
        let anchor = MapPoint { x: 100.0, y: 50.0 };
        let before = (anchor.x - v.center[0]) * v.points_per_km;
        v.zoom_about(2.0, anchor);
        let after = (anchor.x - v.center[0]) * v.points_per_km;
        assert!((before - after).abs() < 1e-9);
        assert_eq!(v.points_per_km, 2.0);
    }

    #[test]
    fn fit_region_centres_the_caucasus() {
        let v = MapView::fit_region(1280.0, 800.0);
        assert!(v.is_sane());
        // ~1,100 km wide region into 1,280 points.
        assert!((0.8..1.4).contains(&v.points_per_km), "{}", v.points_per_km);
    }
}
