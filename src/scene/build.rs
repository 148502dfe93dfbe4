//! Scene building: atlas + date + options → styled primitives.

use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

use geo::{Contains, Intersects};

use egui::Color32;

use super::style::{self, controller_color, controller_fill};
use super::{Credit, Fill, Label, LegendEntry, Marker, Scene, Stroke, Swatch, Symbol};
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
    /// The part of the map that is shown (map km), when known: the legend and the
    /// credits then list only what lies in it. Everything is still drawn; the
    /// painters cull what is off screen.
    pub extent: Option<geo::Rect<f64>>,
}

impl SceneOptions {
    /// Whether a layer is shown.
    pub fn shows(&self, layer: &str) -> bool {
        !self.hidden_layers.contains(layer)
    }

    /// Whether a feature lies (at least partly) in the shown extent.
    fn in_extent(&self, pf: &ProjectedFeature) -> bool {
        let Some(extent) = &self.extent else {
            return true;
        };
        if !pf.bbox.intersects(extent) {
            return false;
        }
        // A bounding box that overlaps the extent does not mean the shape does
        // (think of a long border zone seen from its corner).
        extent.contains(&pf.bbox) || pf.geometry.intersects(extent)
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
    let mut seen = Seen::default();
    // Outlines go on top of every fill, so collect them apart and append later.
    let mut outlines = Vec::new();
    for (feature, pf) in visible_on(atlas, projected, options.date, &|layer| {
        options.shows(layer)
    }) {
        // What lies outside the extent is drawn (and culled later) but neither
        // credited nor listed in the legend.
        let in_extent = options.in_extent(pf);
        let mut seen_here = Seen::default();
        let seen = if in_extent { &mut seen } else { &mut seen_here };
        if in_extent {
            credits.add(feature);
        }
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
                    seen.controllers.insert(c);
                    // Approximate in place, or in time (the day of the change is only
                    // known as a range): either way the edge is dashed.
                    let approximate = feature.precision.is_approximate()
                        || feature
                            .state_on(options.date)
                            .is_some_and(|s| s.from_range.is_some());
                    seen.approximate_zones |= approximate;
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
            "admin1" => push_lines(&mut outlines, pf, 0.5, style::ADMIN1, None),
            "places" => push_place(&mut scene, feature, pf, options.language),
            "lines" => {
                seen.front_lines = true;
                push_front_line(&mut outlines, feature, pf);
            }
            "corridor" => {
                if let Some(status) = feature
                    .state_on(options.date)
                    .and_then(|s| s.status.clone())
                {
                    seen.corridor_statuses.insert(status);
                }
                push_corridor(&mut scene, &mut outlines, feature, pf, options.date);
            }
            "russian-forces" => {
                seen.force_kinds.insert(force_legend_key(feature));
                push_force(&mut scene, feature, pf);
            }
            "events" => {
                seen.event_kinds.insert(feature.kind.clone());
                push_event(&mut scene, feature, pf, options.date);
            }
            _ => push_generic(&mut scene, &mut outlines, feature, pf),
        }
    }
    scene.strokes.extend(outlines);
    scene.legend = legend(atlas, &seen);
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

/// The lines of contact and ceasefire lines: dark, dashed where approximate.
fn push_front_line(outlines: &mut Vec<Stroke>, feature: &Feature, pf: &ProjectedFeature) {
    let dash = feature.precision.is_approximate().then_some((7.0, 3.0));
    push_lines(outlines, pf, 2.2, style::FRONT_LINE, dash);
}

/// The Lachin corridor: the band as a light dashed area, the route coloured by
/// its status on the date.
fn push_corridor(
    scene: &mut Scene,
    outlines: &mut Vec<Stroke>,
    feature: &Feature,
    pf: &ProjectedFeature,
    date: Date,
) {
    match &pf.shape {
        ProjectedShape::Area { .. } => push_area(
            scene,
            outlines,
            pf,
            Color32::from_rgba_unmultiplied(0x7F, 0x00, 0x00, 40),
            (1.0, Color32::from_rgb(0x7F, 0x00, 0x00), Some((4.0, 3.0))),
        ),
        _ => {
            let status = feature.state_on(date).and_then(|s| s.status.as_deref());
            let dash = (status == Some("closed")).then_some((4.0, 4.0));
            push_lines(outlines, pf, 3.0, style::corridor_color(status), dash);
        }
    }
}

/// The legend line a force belongs to: (symbol, operator).
fn force_legend_key(feature: &Feature) -> (&'static str, &'static str) {
    let symbol = match feature.kind.as_str() {
        "peacekeeping-post" | "border-guards" => "post",
        "monitoring-centre" | "mission" => "mission",
        _ => "base",
    };
    let operator = match feature.extra_str("operator") {
        Some("EU") => "EU",
        Some("RUS+TUR") => "RUS+TUR",
        _ => "RUS",
    };
    (symbol, operator)
}

fn force_symbol(name: &str) -> Symbol {
    match name {
        "post" => Symbol::Post,
        "mission" => Symbol::Mission,
        _ => Symbol::Base,
    }
}

/// Russian (and other) forces: a symbol by kind, a colour by operator.
fn push_force(scene: &mut Scene, feature: &Feature, pf: &ProjectedFeature) {
    let (symbol_name, operator) = force_legend_key(feature);
    let symbol = force_symbol(symbol_name);
    push_points(scene, pf, symbol, style::force_color(Some(operator)), 4.5);
}

/// Events near the date: a diamond coloured by kind that fades in before the
/// event and out in the weeks after it.
fn push_event(scene: &mut Scene, feature: &Feature, pf: &ProjectedFeature, date: Date) {
    let Some(start) = feature.lifespan.from else {
        return;
    };
    let end = feature.lifespan.until.unwrap_or(start.add_days(1));
    let days_away = if date < start {
        start.days_since(date)
    } else if date >= end {
        date.days_since(end) + 1
    } else {
        0
    };
    // Full strength during the event, fading linearly over the following month.
    let strength = (1.0 - days_away as f32 / 31.0).clamp(0.15, 1.0);
    let color = style::event_color(&feature.kind).gamma_multiply(strength);
    push_points(scene, pf, Symbol::Event, color, 5.0);
}

fn push_points(
    scene: &mut Scene,
    pf: &ProjectedFeature,
    symbol: Symbol,
    color: Color32,
    radius: f32,
) {
    if let ProjectedShape::Points(points) = &pf.shape {
        for &at in points {
            scene.markers.push(Marker {
                at,
                symbol,
                color,
                radius,
                min_scale: 0.0,
            });
        }
    }
}

/// Features of users' own layers: grey, dashed where approximate.
fn push_generic(
    scene: &mut Scene,
    outlines: &mut Vec<Stroke>,
    feature: &Feature,
    pf: &ProjectedFeature,
) {
    let dash = feature.precision.is_approximate().then_some((5.0, 3.0));
    match &pf.shape {
        ProjectedShape::Area { .. } => push_area(
            scene,
            outlines,
            pf,
            Color32::from_rgba_unmultiplied(120, 120, 120, 70),
            (1.0, style::BORDER, dash),
        ),
        ProjectedShape::Lines(_) => {
            push_lines(outlines, pf, 1.8, Color32::from_rgb(0x33, 0x33, 0x33), dash)
        }
        ProjectedShape::Points(_) => push_points(
            scene,
            pf,
            Symbol::Base,
            Color32::from_rgb(0x55, 0x55, 0x55),
            3.5,
        ),
    }
}

/// What the Scene met while building, for the legend.
#[derive(Default)]
struct Seen {
    controllers: BTreeSet<Controller>,
    approximate_zones: bool,
    front_lines: bool,
    corridor_statuses: BTreeSet<String>,
    force_kinds: BTreeSet<(&'static str, &'static str)>,
    event_kinds: BTreeSet<String>,
}

fn legend(atlas: &Atlas, seen: &Seen) -> Vec<LegendEntry> {
    let area = |color, text: String| LegendEntry {
        color,
        swatch: Swatch::Area,
        text,
    };
    let line = |color, dashed, width, text: &str| LegendEntry {
        color,
        swatch: Swatch::Line { dashed, width },
        text: text.to_string(),
    };
    let mut entries: Vec<LegendEntry> = if seen.controllers.is_empty() {
        [Controller::Arm, Controller::Aze, Controller::Geo]
            .into_iter()
            .map(|c| area(controller_fill(c), c.description().to_string()))
            .collect()
    } else {
        seen.controllers
            .iter()
            .map(|&c| area(controller_fill(c), format!("Held by {}", c.description())))
            .collect()
    };
    if seen.approximate_zones {
        entries.push(line(
            style::BORDER,
            true,
            1.0,
            "Dashed edge: approximate boundary or date",
        ));
    }
    if seen.front_lines {
        entries.push(line(
            style::FRONT_LINE,
            true,
            2.2,
            "Line of contact / ceasefire line (approximate)",
        ));
    }
    for status in &seen.corridor_statuses {
        entries.push(line(
            style::corridor_color(Some(status)),
            status == "closed",
            3.0,
            &format!("Lachin corridor: {status}"),
        ));
    }
    for (symbol_name, operator) in &seen.force_kinds {
        let symbol = force_symbol(symbol_name);
        let who = match *operator {
            "EU" => "EU mission",
            "RUS+TUR" => "Russian–Turkish monitoring centre",
            _ => match *symbol_name {
                "post" => "Russian post (peacekeepers, border guards)",
                _ => "Russian base or headquarters",
            },
        };
        entries.push(LegendEntry {
            color: style::force_color(Some(operator)),
            swatch: Swatch::Symbol(symbol),
            text: who.to_string(),
        });
    }
    for kind in &seen.event_kinds {
        entries.push(LegendEntry {
            color: style::event_color(kind),
            swatch: Swatch::Symbol(Symbol::Event),
            text: format!("Event: {kind}"),
        });
    }
    entries.push(line(style::BORDER, false, 1.1, "International border"));
    if atlas.layer("admin1").is_some() {
        entries.push(line(style::ADMIN1, false, 0.5, "First-level division"));
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
