//! Stage one and two of loading: GeoJSON text → JSON tree → validated features.

use std::collections::{BTreeMap, HashSet};

use serde_json::Value;

use super::claims::{parse_claims, parse_de_jure};
use super::error::{DataError, ErrorSite, SHOWN_CHARS, is_noncharacter, printable};
use super::geometry::parse_geometry;
use super::history::parse_history;
use super::model::Feature;
use super::properties::Properties;
use super::schema::{GeometryClass, LayerKind};
use super::{Controller, NameSides};
use crate::time::Lifespan;

/// Properties the loader reads itself; everything else is kept in `extra`.
const READ_PROPERTIES: &[&str] = &[
    "id",
    "layer",
    "kind",
    "name",
    "contested",
    "name_sides",
    "name_sides_from",
    "de_jure",
    "claimed_by",
    "from",
    "until",
    "from_range",
    "until_range",
    "history",
    "sources",
    "precision",
    "uncertainty_km",
    "summary",
    "note",
];

/// The outcome of reading one layer file: the features that passed and an
/// error for each that did not (a broken feature never hides the others).
#[derive(Debug, Default)]
pub struct LayerParse {
    /// Valid features, in file order.
    pub features: Vec<Feature>,
    /// One error for each rejected feature, or one for the whole file.
    pub errors: Vec<DataError>,
}

/// Reads one layer. `file` names it in errors; `layer` is the layer it is
/// loaded as (from the file stem), which the features' `layer` must name.
pub fn parse_layer(file: &str, layer: &LayerKind, text: &str) -> LayerParse {
    let mut out = LayerParse::default();
    let root: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let what = if e.is_eof() {
                "is truncated or empty"
            } else {
                "is not valid JSON"
            };
            out.errors
                .push(DataError::file(file, format!("{what} ({e})")));
            return out;
        }
    };
    let features = match (&root.get("type"), root.get("features")) {
        (Some(Value::String(t)), Some(Value::Array(features))) if t == "FeatureCollection" => {
            features
        }
        _ => {
            out.errors.push(DataError::file(
                file,
                "is not a GeoJSON FeatureCollection (needs \"type\": \"FeatureCollection\" and a \"features\" array)",
            ));
            return out;
        }
    };
    let mut seen = HashSet::new();
    for (index, raw) in features.iter().enumerate() {
        match parse_feature(file, layer, index, raw) {
            Ok(feature) => {
                if seen.insert(feature.id.clone()) {
                    out.features.push(feature);
                } else {
                    out.errors.push(DataError {
                        file: file.to_string(),
                        feature: Some(feature.id.clone()),
                        property: Some("id".to_string()),
                        message: "is used by an earlier feature (ids must be unique)".to_string(),
                    });
                }
            }
            Err(mut problems) => out.errors.append(&mut problems),
        }
    }
    out
}

/// The feature's id (from the Feature's `id` or `properties.id`), if it has
/// a string one.
fn feature_id(raw: &Value) -> Option<&str> {
    let id = raw
        .get("id")
        .or_else(|| raw.get("properties").and_then(|p| p.get("id")));
    match id {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s),
        _ => None,
    }
}

/// The longest id accepted, in bytes.
const MAX_ID_LEN: usize = 100;

/// Whether `id` has the schema's form: lowercase words (ASCII letters and
/// digits) joined by single hyphens, at most [`MAX_ID_LEN`] bytes.
fn is_schema_id(id: &str) -> bool {
    id.len() <= MAX_ID_LEN
        && id.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Whether a text value may hold `c`. Not: what XML 1.0 (and so an SVG
/// export) cannot carry — control characters but tab, line feed and
/// carriage return, U+FFFE and U+FFFF — nor the other controls (DEL, C1)
/// and noncharacters, which have no place in a name, note or address.
pub(crate) fn is_forbidden_char(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || is_noncharacter(c)
}

/// The first forbidden character in any key or string of `value`, with the
/// path of the property that holds it left in `path` (`name.en`,
/// `sources[0].url`).
fn forbidden_text(value: &Value, path: &mut String) -> Option<char> {
    match value {
        Value::String(s) => s.chars().find(|&c| is_forbidden_char(c)),
        Value::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
            let len = path.len();
            path.push_str(&format!("[{i}]"));
            let found = forbidden_text(item, path);
            if found.is_none() {
                path.truncate(len);
            }
            found
        }),
        Value::Object(map) => forbidden_in_object(map, path),
        Value::Null | Value::Bool(_) | Value::Number(_) => None,
    }
}

/// [`forbidden_text`] for the members of an object.
fn forbidden_in_object(map: &serde_json::Map<String, Value>, path: &mut String) -> Option<char> {
    map.iter().find_map(|(key, item)| {
        let len = path.len();
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(key);
        let found = key
            .chars()
            .find(|&c| is_forbidden_char(c))
            .or_else(|| forbidden_text(item, path));
        if found.is_none() {
            path.truncate(len);
        }
        found
    })
}

/// A phrase naming a forbidden character.
fn forbidden_phrase(c: char) -> String {
    let what = if c.is_control() {
        "the control character"
    } else {
        "the noncharacter"
    };
    format!(
        "contains {what} U+{:04X}, which is not allowed in text (exports could not hold it)",
        c as u32
    )
}

/// Reads one feature, with every problem it has (not only the first): a
/// broken date does not hide the bad ring beside it.
fn parse_feature(
    file: &str,
    layer: &LayerKind,
    index: usize,
    raw: &Value,
) -> Result<Feature, Vec<DataError>> {
    let id = feature_id(raw);
    let position_label = format!("#{index}");
    let valid_id = id.filter(|id| is_schema_id(id));
    let label = match valid_id {
        Some(id) => id.to_string(),
        None => position_label.clone(),
    };
    let site = ErrorSite {
        file,
        feature: &label,
    };
    let Value::Object(obj) = raw else {
        return Err(vec![
            site.property("type", "the feature is not a JSON object"),
        ]);
    };
    let mut problems: Vec<DataError> = Vec::new();
    // Keeps a check's value, or its error for the list.
    macro_rules! check {
        ($result:expr) => {
            match $result {
                Ok(value) => Some(value),
                Err(e) => {
                    problems.push(e);
                    None
                }
            }
        };
    }
    if obj.get("type").and_then(Value::as_str) != Some("Feature") {
        problems.push(site.property("type", "is not \"Feature\""));
    }
    match id {
        None => problems.push(site.property("id", "is missing (every feature needs a string id)")),
        // Named by position: the id itself is what is wrong.
        Some(id) if !is_schema_id(id) => problems.push(site.property(
            "id",
            format!(
                "\"{}\" is not an id (lowercase letters and digits in words joined by \"-\", such as \"line-1994\", at most {MAX_ID_LEN} characters)",
                printable(id, SHOWN_CHARS)
            ),
        )),
        Some(_) => {}
    }
    let Some(Value::Object(map)) = obj.get("properties") else {
        problems.push(site.property("properties", "is missing or not an object"));
        return Err(one_per_property(problems));
    };
    let mut path = String::new();
    if let Some(c) = forbidden_in_object(map, &mut path) {
        problems.push(site.property(&path, forbidden_phrase(c)));
    }
    let props = Properties { site, map };
    let rules = layer.rules();

    if let Some(declared_layer) = check!(props.opt_str("layer")).flatten()
        && declared_layer != layer.name()
    {
        problems.push(site.property(
            "layer",
            format!(
                "is \"{}\" but the file holds layer \"{}\"",
                printable(declared_layer, SHOWN_CHARS),
                printable(layer.name(), SHOWN_CHARS)
            ),
        ));
    }
    let kind = check!(props.str("kind"));
    if let (Some(kind), Some(rules)) = (kind, rules)
        && !rules.kinds.contains(&kind)
    {
        problems.push(site.property(
            "kind",
            format!(
                "\"{}\" is not a kind of layer \"{}\" ({})",
                printable(kind, SHOWN_CHARS),
                printable(layer.name(), SHOWN_CHARS),
                rules.kinds.join(", ")
            ),
        ));
    }
    let mut name = check!(props.names());
    let contested = check!(props.flag("contested")).unwrap_or(false);
    if contested && let Some(name) = &name {
        if !name.en.contains(" / ") {
            problems.push(site.property(
                "name.en",
                "of a contested place must give both names as \"Armenian / Azerbaijani\"",
            ));
        }
        if name.hy.is_none() || name.az.is_none() {
            problems
                .push(site.property("name", "of a contested place needs both \"hy\" and \"az\""));
        }
    }
    if let Some(name) = name.as_mut() {
        name.sides = check!(parse_name_sides(site, map.get("name_sides"), &name.en))
            .flatten()
            .or_else(|| contested.then(NameSides::armenian_azerbaijani));
        if let Some(Some(from)) = check!(props.opt_date("name_sides_from")) {
            match name.sides.as_mut() {
                Some(sides) => sides.from = Some(from),
                None => problems.push(site.property(
                    "name_sides_from",
                    "is given but the feature's names hold no pair (needs \"contested\" or \"name_sides\")",
                )),
            }
        }
    }
    let from = check!(props.opt_date("from"));
    let until = check!(props.opt_date("until"));
    if rules.is_some_and(|r| r.needs_from) && from == Some(None) {
        problems.push(site.property("from", "is missing (features of this layer are dated)"));
    }
    if let (Some(Some(f)), Some(Some(u))) = (from, until)
        && u <= f
    {
        problems.push(site.property("until", format!("is {u}, not after \"from\" {f}")));
    }
    let lifespan = Lifespan::new(from.flatten(), until.flatten());
    let from_range = check!(props.opt_range("from_range"));
    let until_range = check!(props.opt_range("until_range"));
    let is_control = rules.is_some_and(|r| r.is_control);
    let history = check!(parse_history(site, map.get("history"), is_control));
    let de_jure = check!(parse_de_jure(site, map.get("de_jure"), is_control));
    let claims = match de_jure {
        Some(de_jure) => check!(parse_claims(
            site,
            map.get("claimed_by"),
            is_control,
            de_jure
        )),
        None => None,
    };
    let sources = check!(props.sources());
    let precision = check!(props.precision(rules.is_some_and(|r| r.needs_precision)));
    let summary = check!(props.opt_str("summary")).map(|s| s.map(str::to_string));
    if rules.is_some_and(|r| r.needs_summary) && summary == Some(None) {
        problems.push(site.property("summary", "is missing (events need a one-sentence summary)"));
    }
    let note = check!(props.opt_str("note")).map(|s| s.map(str::to_string));

    let class = rules.map_or(GeometryClass::Any, |r| r.geometry);
    let geometry = match obj.get("geometry").filter(|g| !g.is_null()) {
        None => {
            problems.push(site.property("geometry", "is missing"));
            None
        }
        Some(value) => {
            check!(parse_geometry(value, class).map_err(|msg| site.property("geometry", msg)))
        }
    };

    let (
        Some(kind),
        Some(name),
        Some(from_range),
        Some(until_range),
        Some(history),
        Some(de_jure),
        Some(claims),
        Some(sources),
        Some(precision),
        Some(summary),
        Some(note),
        Some(geometry),
    ) = (
        kind,
        name,
        from_range,
        until_range,
        history,
        de_jure,
        claims,
        sources,
        precision,
        summary,
        note,
        geometry,
    )
    else {
        return Err(one_per_property(problems));
    };
    if !problems.is_empty() {
        return Err(one_per_property(problems));
    }
    let extra: BTreeMap<String, Value> = map
        .iter()
        .filter(|(k, _)| !READ_PROPERTIES.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();

    Ok(Feature {
        id: label.clone(),
        layer: layer.clone(),
        kind: kind.to_string(),
        name,
        contested,
        lifespan,
        from_range,
        until_range,
        history,
        de_jure,
        claims,
        sources,
        precision,
        summary,
        note,
        extra,
        properties_json: None,
        geometry,
    })
}

/// `name_sides`: `[["ABK"], ["GEO"]]`, who uses the first and who the second
/// name of each "A / B" pair in `name.en` (absent: `None`).
fn parse_name_sides(
    site: ErrorSite<'_>,
    value: Option<&Value>,
    en: &str,
) -> Result<Option<NameSides>, DataError> {
    let key = "name_sides";
    let Some(value) = value.filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    let wrong = || {
        site.property(
            key,
            "must be two lists of controller codes, the sides of the first and of the second name (e.g. [[\"ABK\"], [\"GEO\"]])",
        )
    };
    let Value::Array(lists) = value else {
        return Err(wrong());
    };
    let [first, second] = lists.as_slice() else {
        return Err(wrong());
    };
    let codes = |index: usize, list: &Value| -> Result<Vec<Controller>, DataError> {
        let Value::Array(items) = list else {
            return Err(wrong());
        };
        if items.is_empty() {
            return Err(wrong());
        }
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                item.as_str()
                    .and_then(|code| code.parse::<Controller>().ok())
                    .ok_or_else(|| {
                        site.property(
                            &format!("{key}[{index}][{i}]"),
                            "is not a controller code (ARM, AZE, NKR, GEO, ABK, SOS, RUS, TUR, IRN)",
                        )
                    })
            })
            .collect()
    };
    let sides = NameSides {
        first: codes(0, first)?,
        second: codes(1, second)?,
        from: None,
    };
    if sides.first.iter().any(|c| sides.second.contains(c)) {
        return Err(site.property(key, "names one side for both names"));
    }
    if !en.contains(" / ") {
        return Err(site.property(key, "is given but name.en holds no \"A / B\" pair of names"));
    }
    Ok(Some(sides))
}

/// The first problem of each property (a name with a control character is
/// not also reported as the wrong kind of name); a property and one inside
/// it (`name` and `name.en`) count as one.
fn one_per_property(problems: Vec<DataError>) -> Vec<DataError> {
    let within = |inner: &str, outer: &str| {
        inner == outer
            || inner
                .strip_prefix(outer)
                .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
    };
    let mut kept: Vec<DataError> = Vec::new();
    for problem in problems {
        let property = problem.property.as_deref().unwrap_or("");
        let repeats = kept.iter().any(|k| {
            let other = k.property.as_deref().unwrap_or("");
            within(property, other) || within(other, property)
        });
        if !repeats {
            kept.push(problem);
        }
    }
    kept
}
