//! Scene building: atlas + date + options → styled primitives.

use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

use egui::Color32;

use super::style::{self, controller_color, controller_fill};
use super::{Credit, Fill, Label, LegendEntry, Marker, Scene, Stroke, Symbol};
use crate::atlas::{Atlas, Controller, Feature, Language};
use crate::spatial::projected::{MapPath, ProjectedFeature, ProjectedShape};
use crate::spatial::triangulate::Triangulation;
use crate::spatial::{ProjectedAtlas, REGION, conformal_conic, visible_on};
use crate::time::Date;

/// What the user chose: the date, the label language, the hidden layers.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneOptions {
    /// The date to show.
    pub date: Date,
    /// The label language.
    pub language: Language,
    /// Layers not to draw (by name).
    pub hidden_layers: BTreeSet<String>,
}

impl SceneOptions {
    /// Whether a layer is shown.
    pub fn shows(&self, layer: &str) -> bool {
        !self.hidden_layers.contains(layer)
    }
}

/// Builds the Scene for one date. Cheap: it only picks and styles the cached
/// projected shapes (no parsing, projection or triangulation).
pub fn build_scene(atlas: &Atlas, projected: &ProjectedAtlas, options: &SceneOptions) -> Scene {
    let mut scene = Scene {
        date: options.date,
        fills: vec![region_water()],
        strokes: Vec::new(),
        markers: Vec::new(),
        labels: Vec::new(),
        legend: Vec::new(),
        caption: caption(options.date),
        credits: Vec::new(),
    };
    let mut credits = Credits::default();
    let mut controllers_seen = BTreeSet::new();
    // Outlines go on top of every fill, so collect them apart and append later.
    let mut outlines = Vec::new();
    for (feature, pf) in visible_on(atlas, projected, options.date, &|layer| {
        options.shows(layer)
    }) {
        credits.add(feature);
        match feature.layer.as_str() {
            "countries" => {
                let color = country_fill(feature);
                push_area(
                    &mut scene,
                    &mut outlines,
                    pf,
                    color,
                    (1.1, style::BORDER, None),
                );
            }
            "control" => {
                if let Some(c) = feature.controller_on(options.date) {
                    controllers_seen.insert(c);
                    let approximate = feature.precision.is_approximate();
                    let edge = (
                        0.6,
                        style::mix(controller_color(c), style::BORDER, 0.5),
                        approximate.then_some((4.0, 3.0)),
                    );
                    push_area(&mut scene, &mut outlines, pf, controller_fill(c), edge);
                }
            }
            "lakes" => push_area(
                &mut scene,
                &mut outlines,
                pf,
                style::WATER,
                (0.6, style::WATER_EDGE, None),
            ),
            "admin1" => push_lines(&mut outlines, pf, 0.5, style::ADMIN1, Some((3.0, 2.0))),
            "places" => push_place(&mut scene, feature, pf, options.language),
            _ => push_generic(&mut scene, &mut outlines, feature, pf),
        }
    }
    scene.strokes.extend(outlines);
    scene.legend = legend(atlas, &controllers_seen);
    scene.credits = credits.list;
    scene
}

/// Collects each distinct source once, in the order met.
#[derive(Default)]
struct Credits {
    seen: BTreeSet<String>,
    list: Vec<Credit>,
}

impl Credits {
    fn add(&mut self, feature: &Feature) {
        for source in &feature.sources {
            let key = source.url.clone().unwrap_or_else(|| source.title.clone());
            // GeoNames cites one page per place: credit the database once.
            let key = if key.starts_with("https://www.geonames.org/") {
                "geonames".to_string()
            } else {
                key
            };
            if self.seen.insert(key.clone()) {
                let credit = if key == "geonames" {
                    Credit {
                        title: "GeoNames (CC BY 4.0)".to_string(),
                        url: Some("https://www.geonames.org/".to_string()),
                    }
                } else {
                    Credit {
                        title: source.title.clone(),
                        url: source.url.clone(),
                    }
                };
                self.list.push(credit);
            }
        }
    }
}

fn caption(date: Date) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[(date.month() - 1) as usize],
        date.year()
    )
}

fn country_fill(feature: &Feature) -> Color32 {
    match feature.extra_str("iso_a3") {
        Some("ARM") => controller_fill(Controller::Arm),
        Some("AZE") => controller_fill(Controller::Aze),
        Some("GEO") => controller_fill(Controller::Geo),
        _ => style::NEIGHBOUR_LAND,
    }
}

fn push_area(
    scene: &mut Scene,
    outlines: &mut Vec<Stroke>,
    pf: &ProjectedFeature,
    color: Color32,
    (width, edge, dash): (f32, Color32, Option<(f32, f32)>),
) {
    if let ProjectedShape::Area { triangles, rings } = &pf.shape {
        scene.fills.push(Fill {
            triangles: triangles.clone(),
            rings: rings.clone(),
            color,
            bbox: pf.bbox,
        });
        for ring in rings {
            outlines.push(Stroke {
                path: ring.clone(),
                width,
                color: edge,
                dash,
                bbox: pf.bbox,
            });
        }
    }
}

fn push_lines(
    outlines: &mut Vec<Stroke>,
    pf: &ProjectedFeature,
    width: f32,
    color: Color32,
    dash: Option<(f32, f32)>,
) {
    if let ProjectedShape::Lines(paths) = &pf.shape {
        for path in paths {
            outlines.push(Stroke {
                path: path.clone(),
                width,
                color,
                dash,
                bbox: pf.bbox,
            });
        }
    }
}

fn push_place(scene: &mut Scene, feature: &Feature, pf: &ProjectedFeature, language: Language) {
    let ProjectedShape::Points(points) = &pf.shape else {
        return;
    };
    let Some(&at) = points.first() else { return };
    let rank = feature.extra_u64("rank").unwrap_or(4).clamp(1, 4) as u32;
    let population = feature.extra_u64("population").unwrap_or(0);
    let (symbol, radius, size, min_scale) = match rank {
        1 => (Symbol::Capital, 4.0, 15.0, 0.0),
        2 => (Symbol::Town, 3.0, 12.5, 0.0),
        3 => (Symbol::Town, 2.5, 11.5, 0.75),
        _ => (Symbol::Town, 2.0, 10.5, 1.5),
    };
    // Rank 4 holds minor places and the neighbours' towns: a quieter colour.
    let color = if rank < 4 {
        style::LABEL
    } else {
        style::LABEL_MUTED
    };
    scene.markers.push(Marker {
        at,
        symbol,
        color,
        radius,
        min_scale,
    });
    scene.labels.push(Label {
        at,
        text: feature.name.get(language).to_string(),
        size,
        color,
        // Rank first, then larger towns first.
        priority: rank * 10_000_000 - population.min(9_999_999) as u32,
        min_scale,
    });
}

/// Features of the history layers and of users' own layers.
fn push_generic(
    scene: &mut Scene,
    outlines: &mut Vec<Stroke>,
    feature: &Feature,
    pf: &ProjectedFeature,
) {
    let approximate = feature.precision.is_approximate();
    let dash = approximate.then_some((5.0, 3.0));
    match &pf.shape {
        ProjectedShape::Area { .. } => {
            push_area(
                scene,
                outlines,
                pf,
                Color32::from_rgba_unmultiplied(120, 120, 120, 70),
                (1.0, style::BORDER, dash),
            );
        }
        ProjectedShape::Lines(_) => {
            push_lines(outlines, pf, 1.8, Color32::from_rgb(0x33, 0x33, 0x33), dash)
        }
        ProjectedShape::Points(points) => {
            let symbol = if feature.layer == "events" {
                Symbol::Event
            } else {
                Symbol::Base
            };
            for &at in points {
                scene.markers.push(Marker {
                    at,
                    symbol,
                    color: Color32::from_rgb(0x55, 0x55, 0x55),
                    radius: 3.5,
                    min_scale: 0.0,
                });
            }
        }
    }
}

fn legend(atlas: &Atlas, controllers: &BTreeSet<Controller>) -> Vec<LegendEntry> {
    let mut entries: Vec<LegendEntry> = if controllers.is_empty() {
        [Controller::Arm, Controller::Aze, Controller::Geo]
            .into_iter()
            .map(|c| LegendEntry {
                color: controller_fill(c),
                text: c.description().to_string(),
            })
            .collect()
    } else {
        controllers
            .iter()
            .map(|&c| LegendEntry {
                color: controller_fill(c),
                text: format!("Held by {}", c.description()),
            })
            .collect()
    };
    entries.push(LegendEntry {
        color: style::BORDER,
        text: "International border".to_string(),
    });
    if atlas.layer("admin1").is_some() {
        entries.push(LegendEntry {
            color: style::ADMIN1,
            text: "First-level division".to_string(),
        });
    }
    entries
}

/// The region box as one water-coloured area: the seas show through wherever
/// no country is drawn. Built once.
fn region_water() -> Fill {
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
        for k in 0..4 {
            for i in 0..steps {
                let (lon, lat) = edge(i as f64 / steps as f64, corners[k], corners[(k + 1) % 4]);
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
        color: style::WATER,
        bbox: *bbox,
    }
}
