//! Reading a story in two stages: JSON text → JSON tree → validated [`Story`].
//! Every error names the file, the step (from 1) and the property; one broken
//! step is reported without hiding the problems of the others.

use serde_json::{Map, Value};

use super::error::{Site, StoryError};
use super::model::{CheckedText, Step, StepView, Story, Verdict};
use crate::atlas::{Controller, LayerKind, Source};
use crate::render::export::check_bbox;
use crate::spatial::RegionBox;
use crate::time::Date;

/// Whether `text` is a story rather than a GeoJSON layer: a JSON object with
/// a `"steps"` member (`check` decides by content, not by file name).
pub fn looks_like_story(text: &str) -> bool {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(obj)) => obj.contains_key("steps"),
        _ => false,
    }
}

/// Reads one story. `file` names it in errors. Either the whole story is
/// valid, or every problem found is returned (at most one per step).
pub fn parse_story(file: &str, text: &str) -> Result<Story, Vec<StoryError>> {
    let root: Value = serde_json::from_str(text).map_err(|e| {
        let what = if e.is_eof() {
            "is truncated or empty"
        } else {
            "is not valid JSON"
        };
        vec![StoryError::file(file, format!("{what} ({e})"))]
    })?;
    let Value::Object(obj) = &root else {
        return Err(vec![StoryError::file(
            file,
            "is not a story (expected a JSON object with \"id\", \"title\", \"checks\" and \"steps\")",
        )]);
    };
    let site = Site { file, step: None };
    let mut errors = Vec::new();
    let head = (|| {
        let fields = Fields { site, map: obj };
        let id = fields.str("id")?;
        if !is_id(id) {
            return Err(site.property(
                "id",
                format!(
                    "\"{id}\" is not an id (lowercase letters, digits and single '-' between words)"
                ),
            ));
        }
        let title = fields.str("title")?.to_string();
        let intro = fields.opt_str("intro")?.map(str::to_string);
        let checks = match obj.get("checks") {
            Some(Value::Object(map)) => parse_checked(Fields { site, map })?,
            Some(other) => {
                return Err(site.property(
                    "checks",
                    format!(
                        "is {}, expected an object {{\"title\", \"outlet\", \"date\", \"url\"?}}",
                        type_name(other)
                    ),
                ));
            }
            None => return Err(site.property("checks", "is missing (the text the story checks)")),
        };
        Ok((id.to_string(), title, intro, checks))
    })();
    let head = head.map_err(|e| errors.push(e)).ok();
    let mut steps = Vec::new();
    match obj.get("steps") {
        Some(Value::Array(items)) if items.is_empty() => {
            errors.push(site.property("steps", "is empty (a story needs at least one step)"));
        }
        Some(Value::Array(items)) => {
            for (index, item) in items.iter().enumerate() {
                match parse_step(file, index + 1, item) {
                    Ok(step) => steps.push(step),
                    Err(e) => errors.push(e),
                }
            }
        }
        Some(other) => errors.push(site.property(
            "steps",
            format!("is {}, expected an array of steps", type_name(other)),
        )),
        None => errors.push(site.property("steps", "is missing")),
    }
    match head {
        Some((id, title, intro, checks)) if errors.is_empty() => Ok(Story {
            id,
            title,
            intro,
            checks,
            steps,
            file: file.to_string(),
        }),
        _ => Err(errors),
    }
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn parse_checked(fields: Fields<'_>) -> Result<CheckedText, StoryError> {
    Ok(CheckedText {
        title: fields.str_at("checks.title", "title")?.to_string(),
        outlet: fields.str_at("checks.outlet", "outlet")?.to_string(),
        date: fields
            .date_at("checks.date", "date")?
            .ok_or_else(|| fields.site.property("checks.date", "is missing"))?,
        url: fields.url_at("checks.url", fields.map.get("url"))?,
        kind: fields
            .opt_str_at("checks.kind", "kind")?
            .map(str::to_string),
    })
}

const STEP_PROPERTIES: &[&str] = &[
    "claim",
    "verdict",
    "correction",
    "sources",
    "date",
    "compare_from",
    "bbox",
    "layers",
    "highlight",
    "caption",
];

fn parse_step(file: &str, number: usize, raw: &Value) -> Result<Step, StoryError> {
    let site = Site {
        file,
        step: Some(number),
    };
    let Value::Object(map) = raw else {
        return Err(StoryError {
            file: file.to_string(),
            step: Some(number),
            property: None,
            message: format!("is {}, expected an object", type_name(raw)),
        });
    };
    if let Some(unknown) = map.keys().find(|k| !STEP_PROPERTIES.contains(&k.as_str())) {
        return Err(site.property(
            unknown,
            format!("is not a step property ({})", STEP_PROPERTIES.join(", ")),
        ));
    }
    let fields = Fields { site, map };
    let claim = fields.str("claim")?.to_string();
    let code = fields.str("verdict")?;
    let verdict = Verdict::from_code(code).ok_or_else(|| {
        let known: Vec<&str> = Verdict::ALL.iter().map(|v| v.code()).collect();
        site.property(
            "verdict",
            format!("\"{code}\" is not a verdict ({})", known.join(", ")),
        )
    })?;
    let correction = fields.str("correction")?.to_string();
    let sources = match map.get("sources") {
        None | Some(Value::Null) => {
            return Err(site.property(
                "sources",
                "is missing (every step needs at least one source)",
            ));
        }
        Some(v) => fields.sources(v)?,
    };
    if sources.is_empty() {
        return Err(site.property("sources", "is empty (every step needs at least one source)"));
    }
    let date = fields
        .date_at("date", "date")?
        .ok_or_else(|| site.property("date", "is missing (the date the map shows)"))?;
    let compare_from = fields.date_at("compare_from", "compare_from")?;
    if let Some(earlier) = compare_from
        && earlier >= date
    {
        return Err(site.property(
            "compare_from",
            format!("is {earlier}, not before \"date\" {date}"),
        ));
    }
    let bbox = fields.bbox()?;
    let layers = match map.get("layers") {
        None | Some(Value::Null) => None,
        Some(v) => Some(
            fields
                .strings("layers", v)?
                .into_iter()
                .map(LayerKind::from_name)
                .collect(),
        ),
    };
    let highlight = match map.get("highlight") {
        None | Some(Value::Null) => Vec::new(),
        Some(v) => fields
            .strings("highlight", v)?
            .into_iter()
            .map(str::to_string)
            .collect(),
    };
    let caption = fields.opt_str("caption")?.map(str::to_string);
    Ok(Step {
        claim,
        verdict,
        correction,
        sources,
        view: StepView {
            date,
            compare_from,
            bbox,
            layers,
            highlight,
            caption,
        },
    })
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Typed reading of one JSON object, each failure naming the property.
#[derive(Clone, Copy)]
struct Fields<'a> {
    site: Site<'a>,
    map: &'a Map<String, Value>,
}

impl<'a> Fields<'a> {
    fn opt_str_at(&self, path: &str, key: &str) -> Result<Option<&'a str>, StoryError> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => {
                Err(self.site.property(path, "is an empty string"))
            }
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(self
                .site
                .property(path, format!("is {}, expected a string", type_name(other)))),
        }
    }

    fn str_at(&self, path: &str, key: &str) -> Result<&'a str, StoryError> {
        self.opt_str_at(path, key)?
            .ok_or_else(|| self.site.property(path, "is missing"))
    }

    fn opt_str(&self, key: &str) -> Result<Option<&'a str>, StoryError> {
        self.opt_str_at(key, key)
    }

    fn str(&self, key: &str) -> Result<&'a str, StoryError> {
        self.str_at(key, key)
    }

    fn date_at(&self, path: &str, key: &str) -> Result<Option<Date>, StoryError> {
        date_value(self.site, path, self.map.get(key))
    }

    fn url_at(&self, path: &str, value: Option<&Value>) -> Result<Option<String>, StoryError> {
        match value {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(u)) if u.starts_with("https://") || u.starts_with("http://") => {
                Ok(Some(u.clone()))
            }
            Some(Value::String(u)) => Err(self.site.property(
                path,
                format!("is \"{u}\", expected an http:// or https:// address"),
            )),
            Some(other) => Err(self
                .site
                .property(path, format!("is {}, expected a string", type_name(other)))),
        }
    }

    fn strings(&self, key: &str, value: &'a Value) -> Result<Vec<&'a str>, StoryError> {
        let Value::Array(items) = value else {
            return Err(self.site.property(
                key,
                format!("is {}, expected an array of strings", type_name(value)),
            ));
        };
        items
            .iter()
            .enumerate()
            .map(|(i, item)| match item {
                Value::String(s) if !s.trim().is_empty() => Ok(s.as_str()),
                other => Err(self.site.property(
                    &format!("{key}[{i}]"),
                    format!("is {}, expected a non-empty string", type_name(other)),
                )),
            })
            .collect()
    }

    fn bbox(&self) -> Result<RegionBox, StoryError> {
        let expected = "expected [minlon, minlat, maxlon, maxlat]";
        let values: Vec<f64> = match self.map.get("bbox") {
            None | Some(Value::Null) => {
                return Err(self
                    .site
                    .property("bbox", format!("is missing ({expected})")));
            }
            Some(Value::Array(items)) => items.iter().filter_map(Value::as_f64).collect(),
            Some(other) => {
                return Err(self
                    .site
                    .property("bbox", format!("is {}, {expected}", type_name(other))));
            }
        };
        let items = self
            .map
            .get("bbox")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        let [min_lon, min_lat, max_lon, max_lat] = values[..] else {
            return Err(self.site.property(
                "bbox",
                format!("has {items} item(s), {expected} as four numbers"),
            ));
        };
        if items != 4 {
            return Err(self
                .site
                .property("bbox", format!("{expected} as four numbers")));
        }
        let bbox = RegionBox {
            min_lon,
            min_lat,
            max_lon,
            max_lat,
        };
        check_bbox(&bbox).map_err(|e| self.site.property("bbox", e.0))?;
        Ok(bbox)
    }

    fn sources(&self, value: &Value) -> Result<Vec<Source>, StoryError> {
        let Value::Array(items) = value else {
            return Err(self.site.property(
                "sources",
                format!("is {}, expected an array", type_name(value)),
            ));
        };
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let path = format!("sources[{i}]");
                let Value::Object(map) = item else {
                    return Err(self.site.property(
                        &path,
                        format!("is {}, expected {{\"title\", \"url\"?, \"date\"?, \"partisan\"?}}", type_name(item)),
                    ));
                };
                let fields = Fields {
                    site: self.site,
                    map,
                };
                let title = fields.str_at(&format!("{path}.title"), "title")?.to_string();
                let url = fields.url_at(&format!("{path}.url"), map.get("url"))?;
                let date = fields.date_at(&format!("{path}.date"), "date")?;
                let partisan = match fields.opt_str_at(&format!("{path}.partisan"), "partisan")? {
                    None => None,
                    Some(code) => Some(code.parse::<Controller>().map_err(|_| {
                        self.site.property(
                            &format!("{path}.partisan"),
                            format!(
                                "\"{code}\" is not a controller code (ARM, AZE, NKR, GEO, ABK, SOS, RUS, TUR, IRN)"
                            ),
                        )
                    })?),
                };
                Ok(Source {
                    title,
                    url,
                    date,
                    partisan,
                })
            })
            .collect()
    }
}

fn date_value(
    site: Site<'_>,
    path: &str,
    value: Option<&Value>,
) -> Result<Option<Date>, StoryError> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => s
            .parse::<Date>()
            .map(Some)
            .map_err(|e| site.property(path, e.to_string())),
        Some(other) => Err(site.property(
            path,
            format!("is {}, expected a date YYYY-MM-DD", type_name(other)),
        )),
    }
}
