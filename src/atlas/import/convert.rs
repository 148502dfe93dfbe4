//! Stage two: one raw feature → a [`Feature`] of a user's layer, with every
//! problem it has. Errors skip the feature; warnings say what was adjusted.

use std::collections::BTreeMap;

use geo::{Coord, Geometry, LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon};
use serde_json::{Map, Value};

use super::dates::{parse_duration, parse_user_date};
use super::raw::{Nest, RawFeature, RawGeometry};
use super::{Fields, Problem, Severity};
use crate::atlas::LayerKind;
use crate::atlas::error::{ErrorSite, SHOWN_CHARS, printable};
use crate::atlas::model::{Feature, Names, Precision, Source};
use crate::atlas::parse::is_forbidden_char;
use crate::atlas::properties::parse_sources;
use crate::atlas::validity::polygon_fault;
use crate::time::Lifespan;

/// What every feature of one import shares.
pub(crate) struct Context<'a> {
    pub file: &'a str,
    pub layer: &'a LayerKind,
    pub fields: &'a Fields,
    /// Whether polygons are checked for self-intersections (`check`): a
    /// polygon that fails is drawn as given all the same, so loading for the
    /// map skips the cost.
    pub check_polygons: bool,
}

/// Properties that may name what a feature is, best first.
const KIND_PROPERTIES: &[&str] = &["kind", "category", "event_type", "type"];

/// Collects one feature's problems.
struct Report<'a> {
    file: &'a str,
    label: String,
    problems: Vec<Problem>,
}

impl Report<'_> {
    fn push(&mut self, severity: Severity, property: &str, message: impl Into<String>) {
        let site = ErrorSite {
            file: self.file,
            feature: &self.label,
        };
        self.problems.push(Problem {
            severity,
            error: site.property(property, message),
        });
    }
    fn error(&mut self, property: &str, message: impl Into<String>) {
        self.push(Severity::Error, property, message);
    }
    fn warn(&mut self, property: &str, message: impl Into<String>) {
        self.push(Severity::Warning, property, message);
    }
    fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

/// An id from a string or a number.
fn id_text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Replaces the characters no export can carry (see [`is_forbidden_char`])
/// with U+FFFD; returns the first property path where it did.
fn scrub(value: &mut Value, path: &str) -> Option<String> {
    match value {
        Value::String(s) => {
            if s.chars().any(is_forbidden_char) {
                *s = s
                    .chars()
                    .map(|c| if is_forbidden_char(c) { '\u{FFFD}' } else { c })
                    .collect();
                Some(path.to_string())
            } else {
                None
            }
        }
        Value::Array(items) => {
            let mut first = None;
            for (i, item) in items.iter_mut().enumerate() {
                let found = scrub(item, &format!("{path}[{i}]"));
                first = first.or(found);
            }
            first
        }
        Value::Object(map) => scrub_map(map, Some(path)),
        _ => None,
    }
}

fn scrub_map(map: &mut Map<String, Value>, prefix: Option<&str>) -> Option<String> {
    let mut first = None;
    for (key, item) in map.iter_mut() {
        let path = match prefix {
            Some(p) => format!("{p}.{key}"),
            None => key.clone(),
        };
        let found = scrub(item, &path);
        first = first.or(found);
    }
    // Keys are rare offenders; a key that holds one is renamed.
    let bad_keys: Vec<String> = map
        .keys()
        .filter(|k| k.chars().any(is_forbidden_char))
        .cloned()
        .collect();
    for key in bad_keys {
        if let Some(value) = map.remove(&key) {
            let clean: String = key
                .chars()
                .map(|c| if is_forbidden_char(c) { '\u{FFFD}' } else { c })
                .collect();
            first = first.or(Some(clean.clone()));
            map.insert(clean, value);
        }
    }
    first
}

/// A position checked for range.
fn position(nest: Nest, path: &str) -> Result<Coord<f64>, String> {
    match nest {
        Nest::Pos([lon, lat]) => {
            if !lon.is_finite() || !(-180.0..=180.0).contains(&lon) {
                Err(format!("{path} has longitude {lon}, outside -180..180"))
            } else if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
                Err(format!("{path} has latitude {lat}, outside -90..90"))
            } else {
                Ok(Coord { x: lon, y: lat })
            }
        }
        Nest::Num(_) => Err(format!(
            "{path} is a number, expected a position [lon, lat]"
        )),
        Nest::List(_) => Err(format!(
            "{path} is a list of lists, expected a position [lon, lat]"
        )),
        Nest::Bad(what) => Err(format!("{path} is {what}, expected a position [lon, lat]")),
    }
}

/// The items of a list, or why it is not one.
fn list(nest: Nest, path: &str, of: &str) -> Result<Vec<Nest>, String> {
    match nest {
        Nest::List(items) => Ok(items),
        Nest::Pos(_) => Err(format!("{path} is a position, expected a list of {of}")),
        Nest::Num(_) => Err(format!("{path} is a number, expected a list of {of}")),
        Nest::Bad(what) => Err(format!("{path} is {what}, expected a list of {of}")),
    }
}

fn line(nest: Nest, path: &str) -> Result<LineString<f64>, String> {
    let items = list(nest, path, "positions")?;
    if items.len() < 2 {
        return Err(format!(
            "{path} has {} position(s), a line needs 2",
            items.len()
        ));
    }
    let mut coords = Vec::with_capacity(items.len());
    for (i, p) in items.into_iter().enumerate() {
        // The path is spelt out only for an error (this runs per vertex).
        coords.push(match p {
            Nest::Pos([lon, lat])
                if lon.is_finite()
                    && lat.is_finite()
                    && (-180.0..=180.0).contains(&lon)
                    && (-90.0..=90.0).contains(&lat) =>
            {
                Coord { x: lon, y: lat }
            }
            other => position(other, &format!("{path}[{i}]"))?,
        });
    }
    Ok(LineString::new(coords))
}

/// A polygon; rings left open are closed (noted in `closed`).
fn polygon(nest: Nest, path: &str, closed: &mut Option<String>) -> Result<Polygon<f64>, String> {
    let rings = list(nest, path, "rings")?;
    if rings.is_empty() {
        return Err(format!("{path} has no rings"));
    }
    let mut out = Vec::with_capacity(rings.len());
    for (r, ring) in rings.into_iter().enumerate() {
        let ring_path = format!("{path}[{r}]");
        let mut ring = line(ring, &ring_path)?;
        if ring.0.first() != ring.0.last() {
            if let Some(first) = ring.0.first().copied() {
                ring.0.push(first);
            }
            closed.get_or_insert(ring_path.clone());
        }
        if ring.0.len() < 4 {
            return Err(format!(
                "{ring_path} has {} position(s), a ring needs at least 4",
                ring.0.len()
            ));
        }
        out.push(ring);
    }
    let mut rings = out.into_iter();
    let exterior = rings.next().unwrap_or_else(|| LineString::new(Vec::new()));
    Ok(Polygon::new(exterior, rings.collect()))
}

fn each<T>(
    items: Vec<Nest>,
    path: &str,
    mut one: impl FnMut(Nest, &str) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    if items.is_empty() {
        return Err(format!("{path} is empty"));
    }
    items
        .into_iter()
        .enumerate()
        .map(|(i, n)| one(n, &format!("{path}[{i}]")))
        .collect()
}

/// The geometry, or a phrase; with the ring left open, if one was closed.
fn geometry(raw: RawGeometry) -> Result<(Geometry<f64>, Option<String>), String> {
    let (kind, coordinates) = match raw {
        RawGeometry::Missing => {
            return Err("is missing or null (a feature needs a place on the map)".to_string());
        }
        RawGeometry::NotObject(what) => {
            return Err(format!("is {what}, not a GeoJSON geometry object"));
        }
        RawGeometry::Object { kind, coordinates } => (kind, coordinates),
    };
    let kind = match kind {
        Some(Value::String(k)) => k,
        _ => return Err("has no \"type\" (Point, LineString, Polygon, …)".to_string()),
    };
    if kind == "GeometryCollection" {
        return Err(
            "is a GeometryCollection, which is not supported (one geometry per feature)"
                .to_string(),
        );
    }
    let Some(nest) = coordinates else {
        return Err("has no \"coordinates\"".to_string());
    };
    let path = "coordinates";
    let mut closed = None;
    let geometry = match kind.as_str() {
        "Point" => Geometry::Point(Point(position(nest, path)?)),
        "MultiPoint" => Geometry::MultiPoint(MultiPoint(each(
            list(nest, path, "positions")?,
            path,
            |n, p| position(n, p).map(Point),
        )?)),
        "LineString" => Geometry::LineString(line(nest, path)?),
        "MultiLineString" => Geometry::MultiLineString(MultiLineString(each(
            list(nest, path, "lines")?,
            path,
            line,
        )?)),
        "Polygon" => Geometry::Polygon(polygon(nest, path, &mut closed)?),
        "MultiPolygon" => Geometry::MultiPolygon(MultiPolygon(each(
            list(nest, path, "polygons")?,
            path,
            |n, p| polygon(n, p, &mut closed),
        )?)),
        other => {
            return Err(format!(
                "has the type \"{}\", not a GeoJSON geometry type",
                printable(other, SHOWN_CHARS)
            ));
        }
    };
    Ok((geometry, closed))
}

/// The feature's name as text: a string, or a number written out.
fn text_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Converts one raw feature (number `index` in the file). Returns the
/// feature unless it has errors, and every problem found.
pub(crate) fn convert(
    raw: RawFeature,
    index: usize,
    ctx: &Context<'_>,
) -> (Option<Feature>, Vec<Problem>) {
    let RawFeature {
        is_object,
        kind,
        id,
        properties,
        geometry: raw_geometry,
    } = raw;
    let properties_not_object = !matches!(properties, None | Some(Value::Null | Value::Object(_)));
    let mut map = match properties {
        Some(Value::Object(map)) => map,
        _ => Map::new(),
    };
    let given_id = id_text(id.as_ref()).or_else(|| id_text(map.get("id")));
    let mut report = Report {
        file: ctx.file,
        label: match &given_id {
            Some(id) => id.clone(),
            None => format!("#{index}"),
        },
        problems: Vec::new(),
    };
    if !is_object {
        report.error("type", "the feature is not a JSON object");
        return (None, report.problems);
    }
    match &kind {
        Some(Value::String(k)) if k == "Feature" => {}
        None => report.warn("type", "is missing (read as \"Feature\")"),
        Some(other) => report.error(
            "type",
            format!(
                "is {}, not \"Feature\"",
                printable(&other.to_string(), SHOWN_CHARS)
            ),
        ),
    }
    if properties_not_object {
        report.warn("properties", "is not an object (read as no properties)");
    }
    if let Some(path) = scrub_map(&mut map, None) {
        report.warn(
            &path,
            "held characters no export can carry (control characters or noncharacters); they are shown as \u{FFFD}",
        );
    }

    // Dates.
    let fields = ctx.fields;
    let read_date = |report: &mut Report<'_>, field: &Option<String>| {
        let field = field.as_deref()?;
        match parse_user_date(map.get(field)?) {
            Ok(date) => date,
            Err(message) => {
                report.error(field, message);
                None
            }
        }
    };
    let start = read_date(&mut report, &fields.time);
    let end = read_date(&mut report, &fields.end);
    let mut until = end.map(|e| e.end_exclusive());
    if let (Some(s), Some(e), Some(field)) = (start, end, fields.end.as_deref())
        && e.first < s.first
    {
        report.error(
            field,
            format!("is {}, before the feature's date {}", e.first, s.first),
        );
    }
    if until.is_none()
        && let (Some(s), Some(field)) = (start, fields.duration.as_deref())
        && let Some(value) = map.get(field)
    {
        match parse_duration(value, s.first) {
            Ok(u) => until = u,
            Err(message) => report.error(field, message),
        }
    }
    if until.is_none() {
        until = start.map(|s| s.end_exclusive());
    }
    let lifespan = Lifespan::new(start.map(|s| s.first), until);

    // Geometry.
    let geometry = match geometry(raw_geometry) {
        Ok((geometry, closed)) => {
            if let Some(ring) = closed {
                report.warn(
                    "geometry",
                    format!(
                        "{ring} is not closed (its first and last positions differ); it was closed"
                    ),
                );
            }
            let fault = match &geometry {
                _ if !ctx.check_polygons => None,
                Geometry::Polygon(p) => polygon_fault(std::slice::from_ref(p)),
                Geometry::MultiPolygon(mp) => polygon_fault(&mp.0),
                _ => None,
            };
            if let Some(fault) = fault {
                report.warn(
                    "geometry",
                    format!("is not a valid polygon: {fault} (it is drawn as given)"),
                );
            }
            Some(geometry)
        }
        Err(message) => {
            report.error("geometry", message);
            None
        }
    };

    // Sources: the feature's own, or the layer's.
    let site = ErrorSite {
        file: ctx.file,
        feature: &report.label.clone(),
    };
    let mut sources = Vec::new();
    if let Some(value) = map.get("sources").filter(|v| !v.is_null()) {
        match parse_sources(site, "sources", value) {
            Ok(list) => sources = list,
            Err(e) => report.warn(
                e.property.as_deref().unwrap_or("sources"),
                format!("{} (the layer's source is credited instead)", e.message),
            ),
        }
    }
    if sources.is_empty()
        && let Some(title) = text_of(map.get("source"))
    {
        sources.push(Source {
            title,
            url: None,
            date: None,
            partisan: None,
        });
    }
    // Without a source of its own, the feature is credited to its layer's
    // (see `Atlas::sources_of`), held once for the layer.

    if report.has_errors() {
        return (None, report.problems);
    }
    let Some(geometry) = geometry else {
        return (None, report.problems);
    };
    let name = fields
        .name
        .as_deref()
        .and_then(|f| text_of(map.get(f)))
        .or_else(|| given_id.clone())
        .unwrap_or_else(|| format!("{} #{index}", ctx.layer));
    let kind = KIND_PROPERTIES
        .iter()
        .find_map(|k| text_of(map.get(*k)))
        .unwrap_or_else(|| "feature".to_string());
    let id = given_id.unwrap_or_else(|| format!("{}-{index}", ctx.layer));
    // Kept as text: far smaller than a map per feature.
    let properties_json = serde_json::to_string(&Value::Object(map))
        .ok()
        .map(String::into_boxed_str);
    let feature = Feature {
        id,
        layer: ctx.layer.clone(),
        kind,
        name: Names {
            en: name,
            ..Names::default()
        },
        contested: false,
        lifespan,
        from_range: None,
        until_range: None,
        history: Vec::new(),
        de_jure: None,
        claims: Vec::new(),
        sources,
        precision: Precision::Exact,
        summary: None,
        note: None,
        extra: BTreeMap::new(),
        properties_json,
        geometry,
    };
    (Some(feature), report.problems)
}
