//! The base map: the sea, country outlines (the three states in their own
//! colours, neighbours in grey), lakes and first-level divisions.

use std::sync::{Arc, OnceLock};

use ecolor::Color32;

use super::shapes::{push_area, push_lines};
use super::{Canvas, LayerStyle, line_entry};
use crate::atlas::{Atlas, Controller, Feature, Language, LayerKind};
use crate::scene::style::{self, controller_fill};
use crate::scene::{Fill, Label, LabelStyle, LegendEntry, SceneOptions};
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
        options: &SceneOptions,
        listed: bool,
        canvas: &mut Canvas<'_>,
    ) {
        if feature.layer == LayerKind::Countries
            && let Some(label) = country_label(feature, options.language)
        {
            canvas.scene.labels.push(label);
        }
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

/// Where each country's name goes: a point well inside the part of it the
/// region shows, chosen by hand as cartographers do (clear of the capitals).
/// Countries not listed (slivers at the region's edge) are not named.
const COUNTRY_LABEL_POINTS: [(&str, f64, f64); 6] = [
    ("ARM", 44.15, 40.5),
    ("AZE", 47.75, 40.35),
    ("GEO", 43.35, 42.05),
    ("RUS", 45.6, 44.15),
    ("TUR", 40.6, 39.25),
    ("IRN", 47.3, 37.75),
];

/// Country names come before all towns but the capitals (see `places.rs`).
const COUNTRY_PRIORITY: u32 = 15_000_000;

/// The lon/lat where a country's name goes, by ISO code.
fn country_label_point(iso_a3: &str) -> Option<(f64, f64)> {
    COUNTRY_LABEL_POINTS
        .iter()
        .find(|(code, _, _)| *code == iso_a3)
        .map(|&(_, lon, lat)| (lon, lat))
}

/// A country's name, in capitals where the script has them (Georgian's
/// capitals are not in the bundled font), centred on its label point.
fn country_label(feature: &Feature, language: Language) -> Option<Label> {
    let (lon, lat) = country_label_point(feature.extra_str("iso_a3")?)?;
    let at = conformal_conic().forward(lon, lat)?;
    let name = feature.name.get(language);
    let text = if language == Language::Ka {
        name.to_string()
    } else {
        name.to_uppercase()
    };
    Some(Label {
        priority: COUNTRY_PRIORITY,
        style: LabelStyle::Country,
        ..Label::new(at, text, 15.0, style::COUNTRY_LABEL)
    })
}

/// The seas' names in each label language, and where they go.
const SEAS: [([&str; 5], f64, f64); 2] = [
    (
        [
            "Black Sea",
            "Սև ծով",
            "Qara dəniz",
            "Чёрное море",
            "შავი ზღვა",
        ],
        39.45,
        42.45,
    ),
    (
        [
            "Caspian Sea",
            "Կասպից ծով",
            "Xəzər dənizi",
            "Каспийское море",
            "კასპიის ზღვა",
        ],
        50.35,
        41.75,
    ),
];

/// The Black Sea's and the Caspian's names, italic and blue, when the base
/// map (which draws the water) is shown.
// `index` is a position in the same fixed list of sea names.
#[allow(clippy::indexing_slicing)]
pub fn sea_labels(language: Language) -> Vec<Label> {
    let conic = conformal_conic();
    let index = Language::ALL
        .iter()
        .position(|l| *l == language)
        .unwrap_or(0);
    SEAS.iter()
        .filter_map(|(names, lon, lat)| {
            let at = conic.forward(*lon, *lat)?;
            Some(Label {
                priority: COUNTRY_PRIORITY + 500_000,
                style: LabelStyle::Sea,
                ..Label::new(at, names[index].to_string(), 13.0, style::SEA_LABEL)
            })
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use geo::Contains;

    #[test]
    fn each_country_name_sits_inside_its_country() {
        let atlas = crate::atlas::Loaded::bundled().atlas;
        let countries = atlas.layer(&LayerKind::Countries).expect("countries");
        for (code, lon, lat) in COUNTRY_LABEL_POINTS {
            let country = countries
                .features
                .iter()
                .find(|f| f.extra_str("iso_a3") == Some(code))
                .unwrap_or_else(|| panic!("{code} is in countries.geojson"));
            assert!(
                country.geometry.contains(&geo::point!(x: lon, y: lat)),
                "{code}: ({lon}, {lat}) is not inside it"
            );
        }
    }
}
