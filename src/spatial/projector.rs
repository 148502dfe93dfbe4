//! Every coordinate conversion in one place: lon/lat ↔ map ↔ screen.

use std::sync::Arc;

use emath::{Pos2, Rect, TSTransform, Vec2};

use super::projection::{ConformalConic, MapPoint, conformal_conic};
use super::view::MapView;

/// Converts between lon/lat, map kilometres and screen points for one view
/// of one viewport. The window builds one per frame; exports build one per image.
#[derive(Clone, Debug)]
pub struct Projector {
    conic: Arc<ConformalConic>,
    /// The pan/zoom state.
    pub view: MapView,
    /// The screen rectangle the map is drawn into.
    pub viewport: Rect,
}

impl Projector {
    /// A projector for `view` drawn into `viewport`.
    pub fn new(view: MapView, viewport: Rect) -> Projector {
        Projector {
            conic: conformal_conic(),
            view,
            viewport,
        }
    }

    /// lon/lat → map kilometres.
    pub fn lonlat_to_map(&self, lon: f64, lat: f64) -> Option<MapPoint> {
        self.conic.forward(lon, lat)
    }

    /// map kilometres → lon/lat.
    pub fn map_to_lonlat(&self, p: MapPoint) -> Option<(f64, f64)> {
        self.conic.inverse(p)
    }

    /// map kilometres → screen points.
    pub fn map_to_screen(&self, p: MapPoint) -> Pos2 {
        let c = self.viewport.center();
        let s = self.view.points_per_km;
        Pos2::new(
            (c.x as f64 + (p.x - self.view.center[0]) * s) as f32,
            (c.y as f64 + (p.y - self.view.center[1]) * s) as f32,
        )
    }

    /// screen points → map kilometres.
    pub fn screen_to_map(&self, p: Pos2) -> MapPoint {
        let c = self.viewport.center();
        let s = self.view.points_per_km;
        MapPoint {
            x: self.view.center[0] + (p.x - c.x) as f64 / s,
            y: self.view.center[1] + (p.y - c.y) as f64 / s,
        }
    }

    /// lon/lat → screen points.
    pub fn lonlat_to_screen(&self, lon: f64, lat: f64) -> Option<Pos2> {
        self.lonlat_to_map(lon, lat).map(|p| self.map_to_screen(p))
    }

    /// screen points → lon/lat.
    pub fn screen_to_lonlat(&self, p: Pos2) -> Option<(f64, f64)> {
        self.map_to_lonlat(self.screen_to_map(p))
    }

    /// The map → screen transform for meshes stored in map kilometres (f32).
    pub fn map_to_screen_transform(&self) -> TSTransform {
        let s = self.view.points_per_km as f32;
        let origin = self.map_to_screen(MapPoint { x: 0.0, y: 0.0 });
        TSTransform::new(Vec2::new(origin.x, origin.y), s)
    }

    /// The map-space box the viewport shows (for culling).
    pub fn visible_map_rect(&self) -> geo::Rect<f64> {
        self.map_rect_of(self.viewport)
    }

    /// The map-space box a part of the screen shows (for culling what a
    /// clipped painter would not draw).
    pub fn map_rect_of(&self, screen: Rect) -> geo::Rect<f64> {
        let a = self.screen_to_map(screen.min);
        let b = self.screen_to_map(screen.max);
        geo::Rect::new(geo::coord! {x: a.x, y: a.y}, geo::coord! {x: b.x, y: b.y})
    }

    /// Kilometres covered by one screen point.
    pub fn km_per_point(&self) -> f64 {
        1.0 / self.view.points_per_km
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screen_round_trip() {
        let view = MapView::fit_region(1000.0, 700.0);
        let pr = Projector::new(
            view,
            Rect::from_min_size(Pos2::new(10.0, 20.0), Vec2::new(1000.0, 700.0)),
        );
        let s = pr.lonlat_to_screen(46.75, 39.82).unwrap();
        let (lon, lat) = pr.screen_to_lonlat(s).unwrap();
        assert!((lon - 46.75).abs() < 1e-3 && (lat - 39.82).abs() < 1e-3);
        let t = pr.map_to_screen_transform();
        let m = pr.lonlat_to_map(46.75, 39.82).unwrap();
        let via_t = t * Pos2::new(m.x as f32, m.y as f32);
        assert!((via_t - s).length() < 0.01);
    }
}
