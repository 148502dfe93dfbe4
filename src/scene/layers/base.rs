//! The base map: the sea, country outlines (the three states in their own
//! colours, neighbours in grey), lakes and first-level divisions.

use std::sync::{Arc, OnceLock};

use ecolor::Color32;

use super::shapes::{push_area, push_lines};
use super::{Canvas, LayerStyle, line_entry};
use crate::atlas::{Atlas, Controller, Feature, LayerKind};
use crate::scene::style::{self, controller_fill};
use crate::scene::{Fill, LegendEntry, SceneOptions};
use crate::spatial::projected::MapPath;
use crate::spatial::triangulate::Triangulation;
use crate::spatial::{ProjectedFeature, REGION, conformal_conic};

/// Countries, lakes and first-level divisions, and which of them the legend
/// must explain (only what is drawn in the shown area).
#[derive(Default)]
pub struct BaseStyle {
    borders: bool,
    divisions: bool,
}

impl LayerStyle for BaseStyle {
    fn draw(
        &mut self,
        feature: &Feature,
        pf: &ProjectedFeature,
        _options: &SceneOptions,
        listed: bool,
        canvas: &mut Canvas<'_>,
    ) {
        match feature.layer {
            LayerKind::Countries => self.borders |= listed,
            LayerKind::Admin1 => self.divisions |= listed,
            _ => {}
        }
        match feature.layer {
            LayerKind::Countries => push_area(
                canvas,
                pf,
                country_fill(feature),
                (1.1, style::BORDER, None),
            ),
            LayerKind::Lakes => push_area(canvas, pf, style::WATER, (0.6, style::WATER_EDGE, None)),
            _ => push_lines(canvas, pf, 0.5, style::ADMIN1, None),
        }
    }

    fn legend(&self, _atlas: &Atlas, entries: &mut Vec<LegendEntry>) {
        if self.borders {
            entries.push(line_entry(
                style::BORDER,
                false,
                1.1,
                "International border",
            ));
        }
        if self.divisions {
            entries.push(line_entry(
                style::ADMIN1,
                false,
                0.5,
                "First-level division",
            ));
        }
    }
}

/// The three states in their controllers' colours (what shows where no control
/// zone is drawn), every other country in a neutral grey.
fn country_fill(feature: &Feature) -> Color32 {
    match feature.extra_str("iso_a3") {
        Some("ARM") => controller_fill(Controller::Arm),
        Some("AZE") => controller_fill(Controller::Aze),
        Some("GEO") => controller_fill(Controller::Geo),
        _ => style::NEIGHBOUR_LAND,
    }
}

/// The region box as one area, drawn first: water-coloured, so the seas show
/// through wherever no country is drawn — or, with the countries hidden, the
/// paper's colour (land must not look like sea). The shape is built once.
pub fn sea(countries_shown: bool) -> Fill {
    static CACHE: OnceLock<(Arc<Triangulation>, MapPath, geo::Rect<f64>)> = OnceLock::new();
    let (triangles, ring, bbox) = CACHE.get_or_init(|| {
        let conic = conformal_conic();
        let steps = 40;
        let mut ring = Vec::new();
        let edge =
            |t: f64, a: (f64, f64), b: (f64, f64)| (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1));
        let corners = [
            (REGION.min_lon, REGION.min_lat),
            (REGION.max_lon, REGION.min_lat),
            (REGION.max_lon, REGION.max_lat),
            (REGION.min_lon, REGION.max_lat),
        ];
        let next_corners = corners.iter().cycle().skip(1);
        for (&from, &to) in corners.iter().zip(next_corners) {
            for i in 0..steps {
                let (lon, lat) = edge(i as f64 / steps as f64, from, to);
                if let Some(p) = conic.forward(lon, lat) {
                    ring.push(p);
                }
            }
        }
        let polygon = geo::Polygon::new(geo::LineString::from(ring), vec![]);
        let path: MapPath = polygon
            .exterior()
            .0
            .iter()
            .map(|c| [c.x as f32, c.y as f32])
            .collect();
        let bbox = geo::BoundingRect::bounding_rect(&polygon).unwrap_or_else(|| {
            geo::Rect::new(geo::coord! {x: 0.0, y: 0.0}, geo::coord! {x: 0.0, y: 0.0})
        });
        (Arc::new(Triangulation::of_polygons(&[polygon])), path, bbox)
    });
    Fill {
        triangles: triangles.clone(),
        rings: vec![ring.clone()],
        color: if countries_shown {
            style::WATER
        } else {
            style::PAPER
        },
        bbox: *bbox,
    }
}
