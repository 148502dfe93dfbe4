//! The one geographic projection: a Lambert conformal conic fitted to the
//! South Caucasus, computed by `proj4rs` (a pure-Rust port of PROJ).
//!
//! Map coordinates are kilometres from the region's centre with x east and
//! **y south** (down), so that map → screen needs only a translation and a
//! uniform scale (egui's `TSTransform` cannot flip an axis).

use std::sync::{Arc, OnceLock};

use proj4rs::proj::Proj;

/// A point in map space: kilometres, x east, y south.
pub type MapPoint = geo::Coord<f64>;

/// A lon/lat box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RegionBox {
    /// Western edge (degrees east).
    pub min_lon: f64,
    /// Southern edge (degrees north).
    pub min_lat: f64,
    /// Eastern edge.
    pub max_lon: f64,
    /// Northern edge.
    pub max_lat: f64,
}

impl RegionBox {
    /// Whether the position lies inside the box (edges included).
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        (self.min_lon..=self.max_lon).contains(&lon) && (self.min_lat..=self.max_lat).contains(&lat)
    }
}

/// The area the atlas covers: the South Caucasus and its neighbourhood.
pub const REGION: RegionBox = RegionBox {
    min_lon: 38.0,
    min_lat: 37.0,
    max_lon: 51.0,
    max_lat: 44.5,
};

/// The Lambert conformal conic used for the whole atlas.
///
/// Standard parallels at 38.5° and 43° N keep the scale error under 0.3 % across
/// the region; conformal, so town shapes and angles stay true.
pub struct ConformalConic {
    geographic: Proj,
    conic: Proj,
}

impl std::fmt::Debug for ConformalConic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ConformalConic(lcc 38.5/43, lon_0 44.5, WGS84)")
    }
}

/// The shared projection (built once; cheap to clone the `Arc`).
pub fn conformal_conic() -> Arc<ConformalConic> {
    static INSTANCE: OnceLock<Arc<ConformalConic>> = OnceLock::new();
    INSTANCE
        .get_or_init(|| Arc::new(ConformalConic::new()))
        .clone()
}

impl ConformalConic {
    fn new() -> Self {
        // Both strings are constants checked by the tests below; a failure here is
        // a programming error, not user input.
        #[allow(clippy::expect_used)]
        let geographic = Proj::from_proj_string("+proj=longlat +ellps=WGS84 +datum=WGS84 +no_defs")
            .expect("constant geographic CRS parses");
        #[allow(clippy::expect_used)]
        let conic = Proj::from_proj_string(
            "+proj=lcc +lat_1=38.5 +lat_2=43 +lat_0=40.75 +lon_0=44.5 +ellps=WGS84 +datum=WGS84 +units=m +no_defs",
        )
        .expect("constant conic CRS parses");
        ConformalConic { geographic, conic }
    }

    /// lon/lat degrees → map kilometres (y south). `None` if PROJ refuses the point.
    pub fn forward(&self, lon: f64, lat: f64) -> Option<MapPoint> {
        let mut p = (lon.to_radians(), lat.to_radians(), 0.0);
        proj4rs::transform::transform(&self.geographic, &self.conic, &mut p).ok()?;
        Some(MapPoint {
            x: p.0 / 1000.0,
            y: -p.1 / 1000.0,
        })
    }

    /// map kilometres → lon/lat degrees.
    pub fn inverse(&self, p: MapPoint) -> Option<(f64, f64)> {
        let mut q = (p.x * 1000.0, -p.y * 1000.0, 0.0);
        proj4rs::transform::transform(&self.conic, &self.geographic, &mut q).ok()?;
        Some((q.0.to_degrees(), q.1.to_degrees()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_is_exact_to_a_billionth_of_a_degree() {
        let lcc = conformal_conic();
        let mut worst: f64 = 0.0;
        for i in 0..=26 {
            for j in 0..=15 {
                let lon = REGION.min_lon + i as f64 * 0.5;
                let lat = REGION.min_lat + j as f64 * 0.5;
                let (lon2, lat2) = lcc.inverse(lcc.forward(lon, lat).unwrap()).unwrap();
                worst = worst.max((lon2 - lon).abs()).max((lat2 - lat).abs());
            }
        }
        assert!(worst < 1e-9, "worst round-trip error {worst}°");
    }

    #[test]
    fn north_is_up_and_east_is_right() {
        let lcc = conformal_conic();
        let yerevan = lcc.forward(44.51, 40.18).unwrap();
        let tbilisi = lcc.forward(44.79, 41.69).unwrap();
        let baku = lcc.forward(49.87, 40.41).unwrap();
        assert!(
            tbilisi.y < yerevan.y,
            "Tbilisi is north of Yerevan, so above it"
        );
        assert!(
            baku.x > yerevan.x + 400.0,
            "Baku is ~450 km east of Yerevan"
        );
        // Yerevan–Tbilisi is about 170 km.
        let d = ((tbilisi.x - yerevan.x).powi(2) + (tbilisi.y - yerevan.y).powi(2)).sqrt();
        assert!((165.0..180.0).contains(&d), "{d} km");
    }
}
