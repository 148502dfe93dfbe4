//! Typed reading of a feature's `properties`, each failure naming the property.

use serde_json::{Map, Value};

use super::Controller;
use super::error::{DataError, ErrorSite, SHOWN_CHARS, printable};
use super::model::{Names, Precision, Source};
use crate::time::Date;

/// Reads one feature's properties, producing errors that name the file,
/// the feature and the property.
pub(crate) struct Properties<'a> {
    pub site: ErrorSite<'a>,
    pub map: &'a Map<String, Value>,
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

impl<'a> Properties<'a> {
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn wrong_type(&self, key: &str, wanted: &str, got: &Value) -> DataError {
        self.site
            .property(key, format!("is {}, expected {wanted}", type_name(got)))
    }

    /// A string property that may be absent.
    pub fn opt_str(&self, key: &str) -> Result<Option<&'a str>, DataError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => {
                Err(self.site.property(key, "is an empty string"))
            }
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(self.wrong_type(key, "a string", other)),
        }
    }

    /// A string property that must be present.
    pub fn str(&self, key: &str) -> Result<&'a str, DataError> {
        self.opt_str(key)?
            .ok_or_else(|| self.site.property(key, "is missing"))
    }

    /// A boolean that defaults to false.
    pub fn flag(&self, key: &str) -> Result<bool, DataError> {
        match self.get(key) {
            None => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(other) => Err(self.wrong_type(key, "true or false", other)),
        }
    }

    /// An ISO date that may be absent or null.
    pub fn opt_date(&self, key: &str) -> Result<Option<Date>, DataError> {
        parse_opt_date(self.site, key, self.get(key))
    }

    /// A `[date, date]` range that may be absent.
    pub fn opt_range(&self, key: &str) -> Result<Option<(Date, Date)>, DataError> {
        parse_range(self.site, key, self.get(key))
    }

    /// The `name` object.
    pub fn names(&self) -> Result<Names, DataError> {
        let key = "name";
        let obj = match self.get(key) {
            None => return Err(self.site.property(key, "is missing")),
            Some(Value::Object(o)) => o,
            Some(other) => {
                return Err(self.wrong_type(key, "an object like {\"en\": …}", other));
            }
        };
        let lang = |code: &str| -> Result<Option<String>, DataError> {
            let prop = format!("name.{code}");
            match obj.get(code) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) if s.trim().is_empty() => {
                    Err(self.site.property(&prop, "is an empty string"))
                }
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(other) => Err(self.wrong_type(&prop, "a string", other)),
            }
        };
        let en = lang("en")?.ok_or_else(|| self.site.property("name.en", "is missing"))?;
        Ok(Names {
            en,
            hy: lang("hy")?,
            az: lang("az")?,
            ru: lang("ru")?,
            ka: lang("ka")?,
            // Filled in by the loader, which knows `contested` and `name_sides`.
            sides: None,
        })
    }

    /// The `sources` array (at least one source).
    pub fn sources(&self) -> Result<Vec<Source>, DataError> {
        match self.get("sources") {
            None => Err(self.site.property(
                "sources",
                "is missing (every feature needs at least one source)",
            )),
            Some(v) => {
                let list = parse_sources(self.site, "sources", v)?;
                if list.is_empty() {
                    Err(self.site.property(
                        "sources",
                        "is empty (every feature needs at least one source)",
                    ))
                } else {
                    Ok(list)
                }
            }
        }
    }

    /// `precision` and `uncertainty_km`; `default` when absent.
    pub fn precision(&self, required: bool) -> Result<Precision, DataError> {
        match self.opt_str("precision")? {
            None if required => Err(self
                .site
                .property("precision", "is missing (\"exact\" or \"approximate\")")),
            None | Some("exact") => Ok(Precision::Exact),
            Some("approximate") => match self.get("uncertainty_km") {
                Some(Value::Number(n)) => match n.as_f64() {
                    Some(km) if km > 0.0 && km.is_finite() => {
                        Ok(Precision::Approximate { uncertainty_km: km })
                    }
                    _ => Err(self.site.property(
                        "uncertainty_km",
                        format!("is {n}, expected a number above 0"),
                    )),
                },
                Some(other) => {
                    Err(self.wrong_type("uncertainty_km", "a number of kilometres", other))
                }
                None => Err(self.site.property(
                    "uncertainty_km",
                    "is missing (required when precision is \"approximate\")",
                )),
            },
            Some(other) => Err(self.site.property(
                "precision",
                format!(
                    "is \"{}\", expected \"exact\" or \"approximate\"",
                    printable(other, SHOWN_CHARS)
                ),
            )),
        }
    }
}

/// Parses an optional date value at `key` (which may be a nested path).
pub(crate) fn parse_opt_date(
    site: ErrorSite<'_>,
    key: &str,
    value: Option<&Value>,
) -> Result<Option<Date>, DataError> {
    match value {
        None | Some(Value::Null) => Ok(None),
        // The text is shortened here, where it is quoted.
        Some(Value::String(s)) => Date::parse_iso(s).map(Some).map_err(|_| {
            site.property(
                key,
                format!(
                    "\"{}\" is not a date (expected YYYY-MM-DD)",
                    printable(s, SHOWN_CHARS)
                ),
            )
        }),
        Some(other) => Err(site.property(
            key,
            format!("is {}, expected a date \"YYYY-MM-DD\"", type_name(other)),
        )),
    }
}

/// Parses an optional `[date, date]` range at `key`.
pub(crate) fn parse_range(
    site: ErrorSite<'_>,
    key: &str,
    value: Option<&Value>,
) -> Result<Option<(Date, Date)>, DataError> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Array(items)) if items.len() == 2 => {
            let a = parse_opt_date(site, key, items.first())?;
            let b = parse_opt_date(site, key, items.get(1))?;
            match (a, b) {
                (Some(a), Some(b)) if a <= b => Ok(Some((a, b))),
                (Some(a), Some(b)) => {
                    Err(site.property(key, format!("runs backwards ({a} is after {b})")))
                }
                _ => Err(site.property(key, "needs two dates")),
            }
        }
        Some(other) => Err(site.property(
            key,
            format!(
                "is {}, expected [\"YYYY-MM-DD\", \"YYYY-MM-DD\"]",
                type_name(other)
            ),
        )),
    }
}

/// Parses a `sources` array at `key` (possibly empty).
pub(crate) fn parse_sources(
    site: ErrorSite<'_>,
    key: &str,
    value: &Value,
) -> Result<Vec<Source>, DataError> {
    let Value::Array(items) = value else {
        return Err(site.property(key, format!("is {}, expected an array", type_name(value))));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let path = format!("{key}[{i}]");
            let Value::Object(obj) = item else {
                return Err(site.property(
                    &path,
                    format!("is {}, expected {{\"title\", \"url\"?}}", type_name(item)),
                ));
            };
            let title = match obj.get("title") {
                Some(Value::String(t)) if !t.trim().is_empty() => t.clone(),
                _ => return Err(site.property(&format!("{path}.title"), "is missing or empty")),
            };
            let url = match obj.get("url") {
                None | Some(Value::Null) => None,
                Some(Value::String(u)) if u.starts_with("https://") || u.starts_with("http://") => {
                    Some(u.clone())
                }
                Some(Value::String(u)) => {
                    return Err(site.property(
                        &format!("{path}.url"),
                        format!(
                            "is \"{}\", expected an http:// or https:// address",
                            printable(u, SHOWN_CHARS)
                        ),
                    ));
                }
                Some(other) => {
                    return Err(site.property(
                        &format!("{path}.url"),
                        format!("is {}, expected a string", type_name(other)),
                    ));
                }
            };
            let date = parse_opt_date(site, &format!("{path}.date"), obj.get("date"))?;
            let partisan = match obj.get("partisan") {
                None | Some(Value::Null) => None,
                Some(Value::String(code)) => Some(code.parse::<Controller>().map_err(|_| {
                    site.property(
                        &format!("{path}.partisan"),
                        format!(
                            "\"{code}\" is not a controller code (ARM, AZE, NKR, GEO, ABK, SOS, RUS, TUR, IRN)"
                        ),
                    )
                })?),
                Some(other) => {
                    return Err(site.property(
                        &format!("{path}.partisan"),
                        format!("is {}, expected a controller code such as \"AZE\"", type_name(other)),
                    ));
                }
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
