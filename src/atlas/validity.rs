//! Polygon validity in O(n log n): rings that cross or touch themselves, rings
//! that cross each other, holes outside their shell, parts of a MultiPolygon
//! that overlap.
//!
//! geo's `Validation` finds the same faults but compares every pair of a
//! ring's segments; on Natural Earth's long borders that took most of the
//! loading time. Here the segments go into an R-tree and only neighbours are
//! compared.

use geo::line_intersection::{LineIntersection, line_intersection};
use geo::{BoundingRect, Contains, Coord, Intersects, Line, LineString, Polygon};
use rstar::{AABB, RTree, RTreeObject};

/// One edge of one ring.
#[derive(Clone, Copy)]
struct Edge {
    /// Which ring (index into the list of rings).
    ring: usize,
    /// Position of the edge along its ring.
    index: usize,
    line: Line<f64>,
}

impl RTreeObject for Edge {
    type Envelope = AABB<[f64; 2]>;

    fn envelope(&self) -> Self::Envelope {
        let (a, b) = (self.line.start, self.line.end);
        AABB::from_corners([a.x.min(b.x), a.y.min(b.y)], [a.x.max(b.x), a.y.max(b.y)])
    }
}

/// A ring with the polygon it belongs to.
struct Ring<'a> {
    polygon: usize,
    is_shell: bool,
    line: &'a LineString<f64>,
}

/// The first fault found in `polygons` (the parts of one geometry), as a
/// phrase, or `None` when they are valid.
///
/// ```
/// use geo::polygon;
/// use caucasus_atlas::atlas::validity::polygon_fault;
///
/// let square = polygon![(x: 0., y: 0.), (x: 1., y: 0.), (x: 1., y: 1.), (x: 0., y: 1.)];
/// assert_eq!(polygon_fault(&[square]), None);
/// let bow_tie = polygon![(x: 0., y: 0.), (x: 1., y: 1.), (x: 1., y: 0.), (x: 0., y: 1.)];
/// assert!(polygon_fault(&[bow_tie]).unwrap().contains("crosses itself"));
/// ```
pub fn polygon_fault(polygons: &[Polygon<f64>]) -> Option<String> {
    let mut rings = Vec::new();
    for (p, polygon) in polygons.iter().enumerate() {
        let all = std::iter::once((true, polygon.exterior()))
            .chain(polygon.interiors().iter().map(|hole| (false, hole)));
        for (is_shell, line) in all {
            rings.push(Ring {
                polygon: p,
                is_shell,
                line,
            });
        }
    }
    for (r, ring) in rings.iter().enumerate() {
        if distinct_points(ring.line) < 3 {
            return Some(format!(
                "{} has fewer than 3 distinct points",
                ring_name(&rings, r)
            ));
        }
    }
    if let Some(fault) = crossing(&rings) {
        return Some(fault);
    }
    nesting(polygons, &rings)
}

fn distinct_points(line: &LineString<f64>) -> usize {
    let mut points: Vec<(u64, u64)> = line
        .0
        .iter()
        .map(|c| (c.x.to_bits(), c.y.to_bits()))
        .collect();
    points.sort_unstable();
    points.dedup();
    points.len()
}

fn ring_name(rings: &[Ring<'_>], r: usize) -> String {
    let Some(ring) = rings.get(r) else {
        return "a ring".to_owned();
    };
    let part = if rings.iter().any(|other| other.polygon != ring.polygon) {
        format!(" of part {}", ring.polygon)
    } else {
        String::new()
    };
    if ring.is_shell {
        format!("the outer ring{part}")
    } else {
        let hole = rings
            .iter()
            .take(r)
            .filter(|o| o.polygon == ring.polygon && !o.is_shell)
            .count();
        format!("hole {hole}{part}")
    }
}

fn at(c: Coord<f64>) -> String {
    format!("({:.5}, {:.5})", c.x, c.y)
}

/// Edges that meet where they should not: within a ring, anywhere but the
/// vertex two neighbouring edges share; between rings, anywhere but at a
/// single touching point.
fn crossing(rings: &[Ring<'_>]) -> Option<String> {
    let mut edges = Vec::new();
    let mut edge_counts = Vec::with_capacity(rings.len());
    for (r, ring) in rings.iter().enumerate() {
        // Repeated points are allowed; dropping them keeps "neighbouring
        // edges" meaning consecutive ones.
        let mut points = ring.line.0.clone();
        points.dedup();
        edge_counts.push(points.len().saturating_sub(1));
        edges.extend(points.windows(2).enumerate().filter_map(|(index, pair)| {
            let &[a, b] = pair else { return None };
            Some(Edge {
                ring: r,
                index,
                line: Line::new(a, b),
            })
        }));
    }
    let tree = RTree::bulk_load(edges.clone());
    for a in &edges {
        for b in tree.locate_in_envelope_intersecting(&a.envelope()) {
            // Each pair once.
            if (b.ring, b.index) <= (a.ring, a.index) {
                continue;
            }
            let Some(meeting) = line_intersection(a.line, b.line) else {
                continue;
            };
            let same_ring = a.ring == b.ring;
            match meeting {
                LineIntersection::Collinear { intersection } => {
                    let where_ = at(intersection.start);
                    return Some(if same_ring {
                        format!(
                            "{} runs back over itself at {where_}",
                            ring_name(rings, a.ring)
                        )
                    } else {
                        format!(
                            "{} and {} share an edge at {where_}",
                            ring_name(rings, a.ring),
                            ring_name(rings, b.ring)
                        )
                    });
                }
                LineIntersection::SinglePoint {
                    intersection,
                    is_proper,
                } => {
                    if same_ring {
                        let n = edge_counts.get(a.ring).copied().unwrap_or(0);
                        let neighbours =
                            b.index == a.index + 1 || (a.index == 0 && b.index + 1 == n);
                        if !neighbours {
                            return Some(format!(
                                "{} crosses itself at {}",
                                ring_name(rings, a.ring),
                                at(intersection)
                            ));
                        }
                    } else if is_proper {
                        return Some(format!(
                            "{} crosses {} at {}",
                            ring_name(rings, a.ring),
                            ring_name(rings, b.ring),
                            at(intersection)
                        ));
                    }
                }
            }
        }
    }
    None
}

/// With no crossings left, a ring is wholly inside or wholly outside another:
/// one of its vertices that is not on the other's boundary tells which.
fn inside(ring: &LineString<f64>, other: &LineString<f64>) -> bool {
    let (Some(inner), Some(outer)) = (ring.bounding_rect(), other.bounding_rect()) else {
        return false;
    };
    // Cheap first: a ring can only be inside another whose box holds its box.
    let boxed = outer.min().x <= inner.min().x
        && outer.min().y <= inner.min().y
        && inner.max().x <= outer.max().x
        && inner.max().y <= outer.max().y;
    if !boxed {
        return false;
    }
    let area = Polygon::new(other.clone(), vec![]);
    ring.0
        .iter()
        .find(|c| !other.intersects(*c))
        .is_some_and(|c| area.contains(c))
}

/// Holes must lie inside their shell and outside each other; parts of a
/// MultiPolygon must not lie inside one another (unless inside a hole).
fn nesting(polygons: &[Polygon<f64>], rings: &[Ring<'_>]) -> Option<String> {
    for (r, ring) in rings.iter().enumerate() {
        if ring.is_shell {
            continue;
        }
        let Some(polygon) = polygons.get(ring.polygon) else {
            continue;
        };
        let shell = polygon.exterior();
        if !inside(ring.line, shell) {
            return Some(format!(
                "{} lies outside its outer ring",
                ring_name(rings, r)
            ));
        }
        for (o, other) in rings.iter().enumerate() {
            if o != r
                && !other.is_shell
                && other.polygon == ring.polygon
                && inside(ring.line, other.line)
            {
                return Some(format!(
                    "{} lies inside {}",
                    ring_name(rings, r),
                    ring_name(rings, o)
                ));
            }
        }
    }
    for (i, a) in polygons.iter().enumerate() {
        for (j, b) in polygons.iter().enumerate() {
            if i != j
                && inside(a.exterior(), b.exterior())
                && !b.interiors().iter().any(|hole| inside(a.exterior(), hole))
            {
                return Some(format!("part {i} lies inside part {j} (the parts overlap)"));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Validation, polygon};

    fn square(x: f64, y: f64, size: f64) -> LineString<f64> {
        LineString::from(vec![
            (x, y),
            (x + size, y),
            (x + size, y + size),
            (x, y + size),
            (x, y),
        ])
    }

    fn fault(polygons: &[Polygon<f64>]) -> String {
        polygon_fault(polygons).expect("a fault")
    }

    #[test]
    fn valid_shapes_pass() {
        let with_hole = Polygon::new(
            square(0., 0., 10.),
            vec![square(2., 2., 2.), square(5., 5., 2.)],
        );
        assert_eq!(polygon_fault(std::slice::from_ref(&with_hole)), None);
        // Two parts touching at one corner, one part inside the other's hole.
        let corner = Polygon::new(square(10., 10., 3.), vec![]);
        let in_hole = Polygon::new(square(2.5, 2.5, 1.), vec![]);
        assert_eq!(polygon_fault(&[with_hole, corner, in_hole]), None);
        // Repeated points are allowed.
        let repeated = polygon![(x: 0., y: 0.), (x: 1., y: 0.), (x: 1., y: 0.), (x: 1., y: 1.), (x: 0., y: 1.)];
        assert_eq!(polygon_fault(&[repeated]), None);
    }

    #[test]
    fn rings_that_cross_or_touch_themselves_fail() {
        let bow_tie = polygon![(x: 0., y: 0.), (x: 2., y: 2.), (x: 2., y: 0.), (x: 0., y: 2.)];
        assert_eq!(
            fault(&[bow_tie]),
            "the outer ring crosses itself at (1.00000, 1.00000)"
        );
        // A figure eight through one vertex.
        let eight = polygon![(x: 0., y: 0.), (x: 1., y: 1.), (x: 2., y: 0.), (x: 2., y: 2.), (x: 1., y: 1.), (x: 0., y: 2.)];
        assert!(fault(&[eight]).contains("crosses itself at (1.00000, 1.00000)"));
        let spike = polygon![(x: 0., y: 0.), (x: 2., y: 0.), (x: 3., y: 0.), (x: 1., y: 0.), (x: 1., y: 1.)];
        // It runs back over itself and touches itself: either is reported.
        assert!(fault(&[spike]).contains("itself"));
        let flat = polygon![(x: 0., y: 0.), (x: 1., y: 0.), (x: 0., y: 0.)];
        assert!(fault(&[flat]).contains("fewer than 3 distinct points"));
    }

    #[test]
    fn holes_and_parts_in_the_wrong_place_fail() {
        let crossing_hole = Polygon::new(square(0., 0., 4.), vec![square(3., 1., 2.)]);
        assert!(fault(&[crossing_hole]).starts_with("the outer ring crosses hole 0"));
        let outside = Polygon::new(square(0., 0., 4.), vec![square(6., 6., 1.)]);
        assert_eq!(fault(&[outside]), "hole 0 lies outside its outer ring");
        let nested = Polygon::new(
            square(0., 0., 10.),
            vec![square(1., 1., 8.), square(2., 2., 1.)],
        );
        assert_eq!(fault(&[nested]), "hole 1 lies inside hole 0");
        let overlapping = [
            Polygon::new(square(0., 0., 4.), vec![]),
            Polygon::new(square(1., 1., 1.), vec![]),
        ];
        assert_eq!(
            fault(&overlapping),
            "part 1 lies inside part 0 (the parts overlap)"
        );
        let sharing = [
            Polygon::new(square(0., 0., 2.), vec![]),
            Polygon::new(square(2., 0., 2.), vec![]),
        ];
        assert!(
            fault(&sharing).contains("share an edge"),
            "{}",
            fault(&sharing)
        );
    }

    #[test]
    fn agrees_with_geo_on_the_cases_above() {
        let cases = [
            polygon![(x: 0., y: 0.), (x: 2., y: 2.), (x: 2., y: 0.), (x: 0., y: 2.)],
            Polygon::new(square(0., 0., 4.), vec![square(6., 6., 1.)]),
            Polygon::new(square(0., 0., 4.), vec![square(3., 1., 2.)]),
            Polygon::new(square(0., 0., 10.), vec![square(2., 2., 2.)]),
        ];
        for case in cases {
            assert_eq!(
                polygon_fault(std::slice::from_ref(&case)).is_none(),
                case.is_valid(),
                "{case:?}"
            );
        }
    }
}
