//! A deterministic generator of large user layers, for benchmarks, the
//! memory test and the side-by-side comparison with GeoPandas: dated
//! polygons and dated points scattered over the region, every run the same.

use std::io::Write;

/// The size of a generated layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyntheticLayer {
    /// Polygons (each with a `date` and an `end`).
    pub polygons: usize,
    /// Vertices per polygon ring (the closing one not counted).
    pub vertices_per_polygon: usize,
    /// Points (each with a `date`).
    pub points: usize,
    /// The seed: the same seed gives the same file.
    pub seed: u64,
}

impl SyntheticLayer {
    /// The million-vertex layer: 10,000 polygons of 90 vertices and 100,000
    /// points.
    pub const MILLION: SyntheticLayer = SyntheticLayer {
        polygons: 10_000,
        vertices_per_polygon: 90,
        points: 100_000,
        seed: 1988,
    };

    /// Vertices in the layer.
    pub fn vertices(&self) -> usize {
        self.polygons * self.vertices_per_polygon + self.points
    }
}

/// SplitMix64: small, fast and the same everywhere.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [lo, hi).
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * ((self.next() >> 11) as f64 / (1u64 << 53) as f64)
    }
}

/// A day between 1988-02-20 and 2024-12-31, as YYYY-MM-DD.
fn day(random: &mut Random, offset: i64) -> String {
    let start = crate::time::ATLAS_START;
    let days = (random.next() % 13_100) as i64;
    start.add_days(days + offset).to_string()
}

/// Writes the layer as a GeoJSON FeatureCollection: one polygon after every
/// `points / polygons` points. Polygons are star-shaped (angles in order), so
/// none crosses itself.
pub fn write_layer(out: &mut impl Write, layer: &SyntheticLayer) -> std::io::Result<()> {
    let mut random = Random(layer.seed);
    out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")?;
    let total = layer.polygons + layer.points;
    let every = total
        .checked_div(layer.polygons)
        .map_or(usize::MAX, |n| n.max(1));
    let (mut polygons, mut points) = (0, 0);
    for i in 0..total {
        if i > 0 {
            out.write_all(b",\n")?;
        }
        let polygon = polygons < layer.polygons && (i % every == 0 || points >= layer.points);
        if polygon {
            polygons += 1;
            let (cx, cy) = (random.range(38.5, 50.5), random.range(37.5, 44.0));
            let radius = random.range(0.01, 0.05);
            let start = day(&mut random, 0);
            let length = (random.next() % 365) as i64 + 1;
            let end = start
                .parse::<crate::time::Date>()
                .map(|d| d.add_days(length).to_string())
                .unwrap_or_else(|_| start.clone());
            write!(
                out,
                "{{\"type\":\"Feature\",\"properties\":{{\"id\":\"area-{polygons}\",\"name\":\"Area {polygons}\",\"date\":\"{start}\",\"end\":\"{end}\",\"category\":\"survey\"}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[["
            )?;
            let n = layer.vertices_per_polygon.max(3);
            let mut first = None;
            for v in 0..n {
                let step = std::f64::consts::TAU / n as f64;
                let angle = step * (v as f64 + random.range(-0.3, 0.3));
                let r = radius * random.range(0.7, 1.0);
                let (x, y) = (cx + r * angle.cos(), cy + r * angle.sin() * 0.8);
                let (x, y) = (format!("{x:.5}"), format!("{y:.5}"));
                if v > 0 {
                    out.write_all(b",")?;
                }
                write!(out, "[{x},{y}]")?;
                first.get_or_insert((x, y));
            }
            if let Some((x, y)) = first {
                write!(out, ",[{x},{y}]")?;
            }
            out.write_all(b"]]}}")?;
        } else {
            points += 1;
            let (x, y) = (random.range(38.5, 50.5), random.range(37.5, 44.0));
            let date = day(&mut random, 0);
            let fatalities = random.next() % 12;
            write!(
                out,
                "{{\"type\":\"Feature\",\"properties\":{{\"fid\":{points},\"name\":\"Incident {points}\",\"date\":\"{date}\",\"event_type\":\"incident\",\"fatalities\":{fatalities}}},\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{x:.5},{y:.5}]}}}}"
            )?;
        }
    }
    out.write_all(b"\n]}\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::import::{Mapping, import_text};

    #[test]
    fn the_same_seed_gives_the_same_valid_layer() {
        let layer = SyntheticLayer {
            polygons: 20,
            vertices_per_polygon: 30,
            points: 200,
            seed: 7,
        };
        let (mut a, mut b) = (Vec::new(), Vec::new());
        write_layer(&mut a, &layer).unwrap();
        write_layer(&mut b, &layer).unwrap();
        assert_eq!(a, b);
        let text = String::from_utf8(a).unwrap();
        let imported = import_text("big", "big", &text, &Mapping::default(), None).unwrap();
        assert_eq!(imported.problems, vec![]);
        assert_eq!(imported.layer.features.len(), 220);
        let info = imported.layer.user.unwrap();
        assert_eq!(info.fields.time.as_deref(), Some("date"));
        assert_eq!(info.fields.end.as_deref(), Some("end"));
        assert!(
            imported
                .layer
                .features
                .iter()
                .all(|f| f.lifespan.from.is_some())
        );
    }
}
