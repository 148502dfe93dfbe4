//! Each feature projected to map space once, with its bounding box and (for
//! areas) its triangles and outlines — the persistent map memory that every
//! frame and every export reads without recomputing.

use std::collections::HashMap;
use std::sync::Arc;

use geo::{BoundingRect, Intersects, MapCoords};
use rstar::{AABB, RTree, RTreeObject};

use super::hatch::{HATCH_SPACING_KM, hatch_lines};
use super::projection::{MapPoint, conformal_conic};
use super::triangulate::Triangulation;
use crate::atlas::{Atlas, Feature, LayerKind};

/// A polyline or ring in map kilometres (f32 for the painter).
pub type MapPath = Arc<[[f32; 2]]>;

/// A feature's geometry in map space, in the form the painter needs.
#[derive(Clone, Debug)]
pub enum ProjectedShape {
    /// Polygons: triangles for the fill, rings for the outline.
    Area {
        /// Triangles for filling.
        triangles: Arc<Triangulation>,
        /// Exterior and interior rings, closed.
        rings: Vec<MapPath>,
    },
    /// Lines.
    Lines(Vec<MapPath>),
    /// Points.
    Points(Vec<MapPoint>),
}

/// One feature with its projected geometry.
#[derive(Clone, Debug)]
pub struct ProjectedFeature {
    /// Index of the layer in `Atlas::layers`.
    pub layer_index: usize,
    /// Index of the feature in its layer.
    pub feature_index: usize,
    /// Geometry in map kilometres (f64), for picking.
    pub geometry: geo::Geometry<f64>,
    /// Bounding box in map kilometres.
    pub bbox: geo::Rect<f64>,
    /// What the painter draws.
    pub shape: ProjectedShape,
    /// Hatch lines over the area, for a control zone that is on some date held
    /// by a side other than its de jure state, or changing hands (computed
    /// once; `None` for every other feature).
    pub hatch: Option<Arc<[MapPath]>>,
}

/// Every feature of an atlas, projected; built once after loading.
#[derive(Clone, Debug, Default)]
pub struct ProjectedAtlas {
    /// Parallel to the atlas's features, layer by layer.
    pub features: Vec<ProjectedFeature>,
    /// Feature id → index in `features`, built with them (the first
    /// feature of an id wins, as a scan would find it).
    by_id: HashMap<String, usize>,
    /// The features' boxes in an R-tree, for "what is here" (hover, click,
    /// `at`) without looking at every feature.
    index: RTree<FeatureBox>,
}

/// A feature's bounding box in the index.
#[derive(Clone, Debug, PartialEq)]
struct FeatureBox {
    /// Position in `ProjectedAtlas::features`.
    index: usize,
    envelope: AABB<[f64; 2]>,
}

impl RTreeObject for FeatureBox {
    type Envelope = AABB<[f64; 2]>;

    fn envelope(&self) -> Self::Envelope {
        self.envelope
    }
}

fn feature_boxes(features: &[ProjectedFeature]) -> RTree<FeatureBox> {
    RTree::bulk_load(
        features
            .iter()
            .enumerate()
            .map(|(index, pf)| FeatureBox {
                index,
                envelope: AABB::from_corners(
                    [pf.bbox.min().x, pf.bbox.min().y],
                    [pf.bbox.max().x, pf.bbox.max().y],
                ),
            })
            .collect(),
    )
}

fn to_path(line: &geo::LineString<f64>) -> MapPath {
    line.0.iter().map(|c| [c.x as f32, c.y as f32]).collect()
}

impl ProjectedAtlas {
    /// Projects and triangulates every feature of `atlas`.
    pub fn build(atlas: &Atlas) -> ProjectedAtlas {
        let mut features = Vec::new();
        for (layer_index, layer) in atlas.layers.iter().enumerate() {
            for (feature_index, feature) in layer.features.iter().enumerate() {
                if let Some(pf) = project_feature(feature, layer_index, feature_index) {
                    features.push(pf);
                }
            }
        }
        let mut by_id = HashMap::with_capacity(features.len());
        for (i, pf) in features.iter().enumerate() {
            #[allow(clippy::indexing_slicing)] // indices just taken from `atlas`
            let id = &atlas.layers[pf.layer_index].features[pf.feature_index].id;
            by_id.entry(id.clone()).or_insert(i);
        }
        let index = feature_boxes(&features);
        ProjectedAtlas {
            features,
            by_id,
            index,
        }
    }

    /// The projected feature with the id `id`, found in constant time (the
    /// panels, the story player and the overlays look features up by id).
    ///
    /// ```
    /// use caucasus_atlas::data::AtlasData;
    /// let data = AtlasData::load(None);
    /// let pf = data.projected.of_id("stepanakert").expect("Stepanakert is projected");
    /// assert_eq!(data.projected.feature(&data.atlas, pf).id, "stepanakert");
    /// assert!(data.projected.of_id("no-such-feature").is_none());
    /// ```
    pub fn of_id(&self, id: &str) -> Option<&ProjectedFeature> {
        self.by_id.get(id).and_then(|&i| self.features.get(i))
    }

    /// The positions in `features` of every feature whose box meets `area`
    /// (map km), in ascending order. Falls back to looking at every feature
    /// if `features` was changed without rebuilding the index.
    pub fn candidates(&self, area: &geo::Rect<f64>) -> Vec<usize> {
        if self.index.size() != self.features.len() {
            return (0..self.features.len())
                .filter(|&i| {
                    self.features
                        .get(i)
                        .is_some_and(|f| f.bbox.intersects(area))
                })
                .collect();
        }
        let envelope =
            AABB::from_corners([area.min().x, area.min().y], [area.max().x, area.max().y]);
        let mut found: Vec<usize> = self
            .index
            .locate_in_envelope_intersecting(&envelope)
            .map(|b| b.index)
            .collect();
        found.sort_unstable();
        found
    }

    /// Projects one more layer of `atlas` (a user's layer just added at
    /// `layer_index`), leaving the others as they are.
    pub fn add_layer(&mut self, atlas: &Atlas, layer_index: usize) {
        if let Some(layer) = atlas.layers.get(layer_index) {
            let first = self.features.len();
            self.features.extend(
                layer
                    .features
                    .iter()
                    .enumerate()
                    .filter_map(|(i, f)| project_feature(f, layer_index, i)),
            );
            for (i, pf) in self.features.iter().enumerate().skip(first) {
                if let Some(f) = layer.features.get(pf.feature_index) {
                    self.by_id.entry(f.id.clone()).or_insert(i);
                }
            }
            self.index = feature_boxes(&self.features);
        }
    }

    /// Drops the projected features of the layer at `layer_index` (removed
    /// from the atlas); the layers after it move down by one.
    pub fn remove_layer(&mut self, layer_index: usize) {
        // Where each feature moves to (`None`: removed), for the id lookup.
        let mut kept = 0;
        let moved: Vec<Option<usize>> = self
            .features
            .iter()
            .map(|pf| {
                (pf.layer_index != layer_index).then(|| {
                    kept += 1;
                    kept - 1
                })
            })
            .collect();
        self.by_id
            .retain(|_, i| match moved.get(*i).copied().flatten() {
                Some(new) => {
                    *i = new;
                    true
                }
                None => false,
            });
        self.features.retain(|pf| pf.layer_index != layer_index);
        for pf in &mut self.features {
            if pf.layer_index > layer_index {
                pf.layer_index -= 1;
            }
        }
        self.index = feature_boxes(&self.features);
    }

    /// The atlas feature a projected feature stands for.
    pub fn feature<'a>(&self, atlas: &'a Atlas, pf: &ProjectedFeature) -> &'a Feature {
        // The indices were taken from this atlas when it was projected
        // (`ProjectedAtlas::new`, `add_layer`) and follow its layers when one
        // is removed (`remove_layer`).
        #[allow(clippy::indexing_slicing)]
        &atlas.layers[pf.layer_index].features[pf.feature_index]
    }
}

fn project_feature(
    feature: &Feature,
    layer_index: usize,
    feature_index: usize,
) -> Option<ProjectedFeature> {
    let conic = conformal_conic();
    // Points outside PROJ's domain cannot occur for validated lon/lat, but a
    // feature that fails is skipped rather than drawn wrongly.
    let geometry = feature
        .geometry
        .try_map_coords(|c| conic.forward(c.x, c.y).ok_or(()))
        .ok()?;
    let bbox = geometry.bounding_rect()?;
    let shape = match &geometry {
        geo::Geometry::Polygon(p) => area_shape(std::slice::from_ref(p)),
        geo::Geometry::MultiPolygon(mp) => area_shape(&mp.0),
        geo::Geometry::LineString(l) => ProjectedShape::Lines(vec![to_path(l)]),
        geo::Geometry::MultiLineString(ml) => {
            ProjectedShape::Lines(ml.0.iter().map(to_path).collect())
        }
        geo::Geometry::Point(p) => ProjectedShape::Points(vec![p.0]),
        geo::Geometry::MultiPoint(mp) => ProjectedShape::Points(mp.0.iter().map(|p| p.0).collect()),
        _ => return None,
    };
    let hatch = may_be_hatched(feature).then(|| {
        let area = match &geometry {
            geo::Geometry::Polygon(p) => geo::MultiPolygon::new(vec![p.clone()]),
            geo::Geometry::MultiPolygon(mp) => mp.clone(),
            _ => geo::MultiPolygon::new(Vec::new()),
        };
        hatch_lines(&area, HATCH_SPACING_KM)
    });
    Some(ProjectedFeature {
        layer_index,
        feature_index,
        geometry,
        bbox,
        shape,
        hatch,
    })
}

/// Whether a control zone is ever drawn hatched: held on some date by another
/// side than its de jure state, or changing hands on a day known as a range.
fn may_be_hatched(feature: &Feature) -> bool {
    feature.layer == LayerKind::Control
        && feature.history.iter().any(|h| {
            h.from_range.is_some() || (h.controller.is_some() && h.controller != feature.de_jure())
        })
}

fn area_shape(polygons: &[geo::Polygon<f64>]) -> ProjectedShape {
    let rings = polygons
        .iter()
        .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
        .map(to_path)
        .collect();
    ProjectedShape::Area {
        triangles: Arc::new(Triangulation::of_polygons(polygons)),
        rings,
    }
}
