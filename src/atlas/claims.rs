//! A control zone's `de_jure` state and `claimed_by` list (geodata/SCHEMA.md,
//! "Held, contested, de jure, claimed").

use serde_json::Value;

use super::Controller;
use super::error::{DataError, ErrorSite};
use super::model::Claim;
use super::properties::{parse_opt_date, parse_sources};
use crate::time::Lifespan;

/// The states whose internationally recognised territory the atlas covers.
pub const RECOGNISED_STATES: [Controller; 3] = [Controller::Arm, Controller::Aze, Controller::Geo];

fn code_at(site: ErrorSite<'_>, key: &str, value: &Value) -> Result<Controller, DataError> {
    match value {
        Value::String(code) => code.parse::<Controller>().map_err(|_| {
            site.property(
                key,
                format!(
                    "\"{code}\" is not a controller code (ARM, AZE, NKR, GEO, ABK, SOS, RUS, TUR, IRN)"
                ),
            )
        }),
        _ => Err(site.property(key, "is not a string such as \"AZE\"")),
    }
}

/// `de_jure`: required on control zones, one of ARM, AZE, GEO.
pub(crate) fn parse_de_jure(
    site: ErrorSite<'_>,
    value: Option<&Value>,
    required: bool,
) -> Result<Option<Controller>, DataError> {
    let key = "de_jure";
    let value = match value {
        None | Some(Value::Null) if required => {
            return Err(site.property(
                key,
                "is missing (a control zone names its recognised state: ARM, AZE or GEO)",
            ));
        }
        None | Some(Value::Null) => return Ok(None),
        Some(v) => v,
    };
    let code = code_at(site, key, value)?;
    if !RECOGNISED_STATES.contains(&code) {
        return Err(site.property(
            key,
            format!("\"{code}\" is not a recognised state here (ARM, AZE or GEO)"),
        ));
    }
    Ok(Some(code))
}

/// `claimed_by`: required (possibly empty) on control zones; each claim is
/// `{ "by", "from", "until"?, "note"?, "sources"? }` by someone other than
/// the de jure state, and one claimant's claims do not overlap.
pub(crate) fn parse_claims(
    site: ErrorSite<'_>,
    value: Option<&Value>,
    required: bool,
    de_jure: Option<Controller>,
) -> Result<Vec<Claim>, DataError> {
    let key = "claimed_by";
    let items = match value {
        None | Some(Value::Null) if required => {
            return Err(site.property(
                key,
                "is missing (a control zone lists its other claimants, [] for none)",
            ));
        }
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(site.property(key, "is not an array")),
    };
    let mut claims: Vec<Claim> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = format!("{key}[{i}]");
        let field = |name: &str| format!("{path}.{name}");
        let Value::Object(obj) = item else {
            return Err(site.property(
                &path,
                "is not an object like {\"by\": \"NKR\", \"from\": \"YYYY-MM-DD\"}",
            ));
        };
        let by = match obj.get("by") {
            None | Some(Value::Null) => return Err(site.property(&field("by"), "is missing")),
            Some(v) => code_at(site, &field("by"), v)?,
        };
        if Some(by) == de_jure {
            return Err(site.property(
                &field("by"),
                format!("is {by}, the zone's de jure state (claimed_by lists the others)"),
            ));
        }
        let from = parse_opt_date(site, &field("from"), obj.get("from"))?
            .ok_or_else(|| site.property(&field("from"), "is missing"))?;
        let until = parse_opt_date(site, &field("until"), obj.get("until"))?;
        if let Some(until) = until
            && until <= from
        {
            return Err(site.property(
                &field("until"),
                format!("is {until}, not after \"from\" {from}"),
            ));
        }
        let span = Lifespan::new(Some(from), until);
        if let Some(other) = claims.iter().find(|c| c.by == by && c.span.overlaps(&span)) {
            return Err(site.property(
                &field("from"),
                format!(
                    "overlaps an earlier claim by {by} from {}",
                    other.span.from.map_or("?".to_string(), |d| d.to_string())
                ),
            ));
        }
        let note = match obj.get("note") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => return Err(site.property(&field("note"), "is not a string")),
        };
        let sources = match obj.get("sources") {
            None | Some(Value::Null) => Vec::new(),
            Some(v) => parse_sources(site, &field("sources"), v)?,
        };
        claims.push(Claim {
            by,
            span,
            note,
            sources,
        });
    }
    Ok(claims)
}
