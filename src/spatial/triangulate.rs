//! Polygons → triangles, once, so the painter can fill concave shapes with holes
//! (egui only fills convex paths).

use geo::TriangulateEarcut;

/// Triangles in map kilometres, stored as f32 (the painter's precision; map
/// coordinates stay within ±1,000 km of the origin, so f32 keeps ~0.1 m).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Triangulation {
    /// Vertex positions.
    pub vertices: Vec<[f32; 2]>,
    /// Three indices per triangle.
    pub indices: Vec<u32>,
}

impl Triangulation {
    /// Triangulates every part of a multipolygon (holes supported) with geo's earcut.
    pub fn of_polygons(polygons: &[geo::Polygon<f64>]) -> Triangulation {
        let mut out = Triangulation::default();
        for polygon in polygons {
            let raw = polygon.earcut_triangles_raw();
            let base = out.vertices.len() as u32;
            out.vertices
                .extend(raw.vertices.iter().map(|[x, y]| [*x as f32, *y as f32]));
            out.indices
                .extend(raw.triangle_indices.iter().map(|&i| base + i as u32));
        }
        out
    }

    /// The summed area of the triangles (for checking the triangulation).
    pub fn area(&self) -> f64 {
        self.indices
            .chunks_exact(3)
            .map(|t| {
                let corner = |i: &u32| {
                    let [x, y] = *self.vertices.get(*i as usize)?;
                    Some((x as f64, y as f64))
                };
                let [Some(a), Some(b), Some(c)] = [0, 1, 2].map(|k| t.get(k).and_then(corner))
                else {
                    return 0.0;
                };
                ((b.0 - a.0) * (c.1 - a.1) - (c.0 - a.0) * (b.1 - a.1)).abs() / 2.0
            })
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Area, polygon};

    #[test]
    fn a_square_with_a_hole_keeps_its_area() {
        let p = polygon!(
            exterior: [(x: 0., y: 0.), (x: 10., y: 0.), (x: 10., y: 10.), (x: 0., y: 10.), (x: 0., y: 0.)],
            interiors: [[(x: 4., y: 4.), (x: 6., y: 4.), (x: 6., y: 6.), (x: 4., y: 6.), (x: 4., y: 4.)]],
        );
        let t = Triangulation::of_polygons(std::slice::from_ref(&p));
        assert!((t.area() - p.unsigned_area()).abs() < 1e-6);
        assert!((t.area() - 96.0).abs() < 1e-6);
    }
}
