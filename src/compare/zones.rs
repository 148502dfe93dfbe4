//! Geodesic area and perimeter of every control zone, computed once per atlas.
//!
//! Control zones are static polygons with a dated history, so their areas never
//! change with the date: a [`ZoneAreas`] built at load time serves every pair of
//! dates.

use geo::{BoundingRect, GeodesicArea, MultiPolygon, Rect};

use crate::atlas::{Atlas, Feature, LayerKind, Precision};

/// One control zone with its measurements (WGS84 ellipsoid, Karney's geodesics).
#[derive(Clone, Debug)]
pub struct ZoneArea {
    /// The zone's index in `Atlas::layers`.
    pub layer_index: usize,
    /// Its index in the layer.
    pub feature_index: usize,
    /// The zone id.
    pub id: String,
    /// Its outline in lon/lat.
    pub geometry: MultiPolygon<f64>,
    /// Geodesic area in km².
    pub area_km2: f64,
    /// Geodesic length of all its rings (holes included) in km.
    pub perimeter_km: f64,
    /// Its lon/lat bounding box.
    pub bbox: Rect<f64>,
    /// The stated uncertainty of its edges in km (0 for exact zones).
    pub uncertainty_km: f64,
    /// Whether its geometry is approximate.
    pub approximate: bool,
}

impl ZoneArea {
    /// The atlas feature of this zone.
    pub fn feature<'a>(&self, atlas: &'a Atlas) -> Option<&'a Feature> {
        atlas
            .layers
            .get(self.layer_index)?
            .features
            .get(self.feature_index)
    }
}

/// Every control zone of an atlas, measured once.
///
/// ```
/// use caucasus_atlas::atlas::Loaded;
/// use caucasus_atlas::compare::ZoneAreas;
/// let atlas = Loaded::bundled().atlas;
/// let zones = ZoneAreas::build(&atlas);
/// let kalbajar = zones.get("zone-kalbajar").unwrap();
/// assert!((kalbajar.area_km2 - 2098.0).abs() < 10.0, "{}", kalbajar.area_km2);
/// ```
#[derive(Clone, Debug, Default)]
pub struct ZoneAreas {
    /// The zones, in atlas order.
    pub zones: Vec<ZoneArea>,
}

impl ZoneAreas {
    /// Measures every polygon feature of the control layer.
    pub fn build(atlas: &Atlas) -> ZoneAreas {
        let mut zones = Vec::new();
        for (layer_index, layer) in atlas.layers.iter().enumerate() {
            if layer.kind != LayerKind::Control {
                continue;
            }
            for (feature_index, feature) in layer.features.iter().enumerate() {
                let geometry = match &feature.geometry {
                    geo::Geometry::Polygon(p) => MultiPolygon(vec![p.clone()]),
                    geo::Geometry::MultiPolygon(mp) => mp.clone(),
                    _ => continue,
                };
                let Some(bbox) = geometry.bounding_rect() else {
                    continue;
                };
                let (perimeter_m, area_m2) = geometry.geodesic_perimeter_area_unsigned();
                let (approximate, uncertainty_km) = match feature.precision {
                    Precision::Exact => (false, 0.0),
                    Precision::Approximate { uncertainty_km } => (true, uncertainty_km),
                };
                zones.push(ZoneArea {
                    layer_index,
                    feature_index,
                    id: feature.id.clone(),
                    geometry,
                    area_km2: area_m2 / 1e6,
                    perimeter_km: perimeter_m / 1e3,
                    bbox,
                    uncertainty_km,
                    approximate,
                });
            }
        }
        ZoneAreas { zones }
    }

    /// The zone with this id.
    pub fn get(&self, id: &str) -> Option<&ZoneArea> {
        self.zones.iter().find(|z| z.id == id)
    }

    /// The sum of all zone areas in km² (the three countries' land).
    pub fn total_km2(&self) -> f64 {
        self.zones.iter().map(|z| z.area_km2).sum()
    }
}
