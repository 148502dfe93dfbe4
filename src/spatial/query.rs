//! "What is at this point on this date": the one query behind a click in the
//! window and `caucasus-atlas at` on the command line.

use geo::{Distance, Euclidean, Intersects};

use super::projected::{ProjectedAtlas, ProjectedFeature};
use super::projection::MapPoint;
use crate::atlas::{Atlas, Feature, LayerKind};
use crate::time::Date;

/// A feature found at a point.
#[derive(Clone, Copy, Debug)]
pub struct Hit<'a> {
    /// The feature.
    pub feature: &'a Feature,
    /// Its projected form.
    pub projected: &'a ProjectedFeature,
    /// Distance from the point in km (0 inside an area).
    pub distance_km: f64,
}

/// Every feature shown on `date` (see [`Feature::is_shown_on`]) in a visible
/// layer, bottom layer first: what the Scene draws and what a click can find.
pub fn visible_on<'a: 'v, 'v>(
    atlas: &'a Atlas,
    projected: &'a ProjectedAtlas,
    date: Date,
    visible: &'v dyn Fn(&LayerKind) -> bool,
) -> impl Iterator<Item = (&'a Feature, &'a ProjectedFeature)> + 'v {
    projected.features.iter().filter_map(move |pf| {
        let feature = projected.feature(atlas, pf);
        (visible(&feature.layer) && feature.is_shown_on(date)).then_some((feature, pf))
    })
}

/// Every feature that is shown on `date` and lies at `point`: areas that contain
/// it, lines and points within `tolerance_km`. Topmost layer first; within a
/// layer, nearest first. `visible` filters layers (hidden layers are neither
/// drawn nor found).
///
/// ```
/// use caucasus_atlas::atlas::{Controller, LayerKind};
/// use caucasus_atlas::data::AtlasData;
/// use caucasus_atlas::spatial::{conformal_conic, features_at};
///
/// let data = AtlasData::load(None);
/// // Shusha / Shushi, the day after and the day before it was taken in 2020.
/// let shusha = conformal_conic().forward(46.74989, 39.76006).unwrap();
/// let controller = |date: &str| {
///     let hits = features_at(&data.atlas, &data.projected, date.parse().unwrap(), shusha, 0.0,
///         &|layer| *layer == LayerKind::Control);
///     hits[0].feature.controller_on(date.parse().unwrap())
/// };
/// assert_eq!(controller("2020-11-09"), Some(Controller::Aze));
/// assert_eq!(controller("2020-11-07"), Some(Controller::Nkr));
/// ```
pub fn features_at<'a>(
    atlas: &'a Atlas,
    projected: &'a ProjectedAtlas,
    date: Date,
    point: MapPoint,
    tolerance_km: f64,
    visible: &dyn Fn(&LayerKind) -> bool,
) -> Vec<Hit<'a>> {
    let probe = geo::Point(point);
    let reach = geo::Rect::new(
        geo::coord! {x: point.x - tolerance_km, y: point.y - tolerance_km},
        geo::coord! {x: point.x + tolerance_km, y: point.y + tolerance_km},
    );
    // Only the features whose boxes reach the point (an R-tree lookup), in
    // drawing order like `visible_on`.
    let mut hits: Vec<Hit<'a>> = projected
        .candidates(&reach)
        .into_iter()
        .filter_map(|i| projected.features.get(i))
        .map(|pf| (projected.feature(atlas, pf), pf))
        .filter(|(feature, _)| visible(&feature.layer) && feature.is_shown_on(date))
        .filter_map(|(feature, pf)| {
            let distance_km = match &pf.geometry {
                // Inside or on the edge of an area counts as "at" it.
                geo::Geometry::Polygon(_) | geo::Geometry::MultiPolygon(_)
                    if pf.geometry.intersects(&probe) =>
                {
                    0.0
                }
                geo::Geometry::LineString(l) => Euclidean.distance(&probe, l),
                geo::Geometry::MultiLineString(ml) => Euclidean.distance(&probe, ml),
                geo::Geometry::Point(p) => Euclidean.distance(&probe, p),
                geo::Geometry::MultiPoint(mp) => Euclidean.distance(&probe, mp),
                _ => f64::INFINITY,
            };
            (distance_km <= tolerance_km).then_some(Hit {
                feature,
                projected: pf,
                distance_km,
            })
        })
        .collect();
    hits.sort_by(|a, b| {
        b.projected
            .layer_index
            .cmp(&a.projected.layer_index)
            .then(a.distance_km.total_cmp(&b.distance_km))
    });
    hits
}
