//! `meta.json` beside the layers: facts about the data as a whole, such as
//! the day it was last reviewed against its sources (`{ "reviewed": "YYYY-MM-DD" }`).

use serde_json::Value;

use super::error::DataError;
use super::properties::parse_opt_date;
use crate::time::Date;

/// The name of the file in a data folder.
pub const META_FILE: &str = "meta.json";

/// What `meta.json` says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// The last day the data was reviewed against its sources.
    pub reviewed: Option<Date>,
}

/// Reads `meta.json` text; `file` names it in errors. `reviewed` is required.
/// (It is not compared with today: a machine whose clock is behind would
/// otherwise reject the bundled data.)
///
/// ```
/// use caucasus_atlas::atlas::parse_meta;
/// let meta = parse_meta("meta.json", r#"{ "reviewed": "2026-11-30" }"#).unwrap();
/// assert_eq!(meta.reviewed.unwrap().to_string(), "2026-11-30");
/// let err = parse_meta("meta.json", r#"{ "reviewed": "2026-13-01" }"#).unwrap_err();
/// assert!(err.to_string().starts_with("meta.json: property \"reviewed\": "));
/// ```
pub fn parse_meta(file: &str, text: &str) -> Result<Meta, DataError> {
    let root: Value = serde_json::from_str(text)
        .map_err(|e| DataError::file(file, format!("is not valid JSON ({e})")))?;
    let Value::Object(obj) = &root else {
        return Err(DataError::file(
            file,
            "is not a JSON object like { \"reviewed\": \"YYYY-MM-DD\" }",
        ));
    };
    let property = |message: String| DataError {
        file: file.to_string(),
        feature: None,
        property: Some("reviewed".to_string()),
        message,
    };
    // parse_opt_date names a feature; meta.json has none, so map its message.
    let site = super::error::ErrorSite { file, feature: "" };
    let reviewed = parse_opt_date(site, "reviewed", obj.get("reviewed"))
        .map_err(|e| property(e.message))?
        .ok_or_else(|| property("is missing (the day the data was last reviewed)".to_string()))?;
    Ok(Meta {
        reviewed: Some(reviewed),
    })
}
