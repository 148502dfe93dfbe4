//! The part of the map a comparison looks at: everything, a lon/lat box, or any
//! polygon (for example the former NKAO). Zones are clipped to it with geo's
//! boolean operations, and their edges with `clip`, so that areas and
//! uncertainties count only what lies inside.

use std::borrow::Cow;

use geo::{
    BooleanOps, BoundingRect, Contains, Coord, Geodesic, GeodesicArea, Intersects, Length,
    MultiLineString, MultiPolygon, Point, Rect,
};

use super::zones::ZoneArea;
use crate::spatial::RegionBox;

/// Where to compare.
#[derive(Clone, Debug)]
pub struct Region {
    /// The box, when the region was given as one.
    pub bbox: Option<RegionBox>,
    shape: MultiPolygon<f64>,
    rect: Rect<f64>,
    is_rect: bool,
}

/// A zone's part inside a region.
#[derive(Clone, Debug)]
pub(crate) struct Clipped<'a> {
    /// The part, in lon/lat.
    pub geometry: Cow<'a, MultiPolygon<f64>>,
    /// Its geodesic area in km².
    pub area_km2: f64,
    /// The length of the zone's own edges inside the region, in km (the edge of
    /// the region itself is exact and carries no uncertainty).
    pub edge_km: f64,
}

impl Region {
    /// A lon/lat box.
    pub fn from_box(b: RegionBox) -> Region {
        let rect = Rect::new(
            Coord {
                x: b.min_lon,
                y: b.min_lat,
            },
            Coord {
                x: b.max_lon,
                y: b.max_lat,
            },
        );
        Region {
            bbox: Some(b),
            shape: MultiPolygon(vec![rect.to_polygon()]),
            rect,
            is_rect: true,
        }
    }

    /// Any area in lon/lat (outer rings counter-clockwise). `None` if it is empty.
    pub fn from_polygons(shape: MultiPolygon<f64>) -> Option<Region> {
        let rect = shape.bounding_rect()?;
        Some(Region {
            bbox: None,
            shape,
            rect,
            is_rect: false,
        })
    }

    /// The region's outline.
    pub fn shape(&self) -> &MultiPolygon<f64> {
        &self.shape
    }

    /// Whether a lon/lat position lies in the region.
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        let p = Point::new(lon, lat);
        if !self.rect.intersects(&p) {
            return false;
        }
        self.is_rect || self.shape.intersects(&p)
    }

    /// The zone's part inside the region; `None` when nothing of it is.
    pub(crate) fn clip<'a>(&self, zone: &'a ZoneArea) -> Option<Clipped<'a>> {
        if !self.rect.intersects(&zone.bbox) {
            return None;
        }
        if self.is_rect && self.rect.contains(&zone.bbox) {
            return Some(whole(zone));
        }
        let part = zone.geometry.intersection(&self.shape);
        if part.0.is_empty() {
            return None;
        }
        let area_km2 = part.geodesic_area_unsigned() / 1e6;
        if area_km2 <= 0.0 {
            return None;
        }
        let rings: MultiLineString<f64> = MultiLineString(
            zone.geometry
                .0
                .iter()
                .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
                .cloned()
                .collect(),
        );
        let edge_km = Geodesic.length(&self.shape.clip(&rings, false)) / 1e3;
        Some(Clipped {
            geometry: Cow::Owned(part),
            area_km2,
            edge_km,
        })
    }
}

/// The whole zone, with its cached measurements.
pub(crate) fn whole(zone: &ZoneArea) -> Clipped<'_> {
    Clipped {
        geometry: Cow::Borrowed(&zone.geometry),
        area_km2: zone.area_km2,
        edge_km: zone.perimeter_km,
    }
}
