//! A feature's `history`: dated states, ordered and without overlaps.

use serde_json::Value;

use super::error::{DataError, ErrorSite, SHOWN_CHARS, printable};
use super::model::HistoryEntry;
use super::properties::{parse_opt_date, parse_range, parse_sources};
use crate::time::{ATLAS_START, Lifespan};

/// Parses the `history` array. For control zones (`is_control`) every entry
/// needs a controller and the entries must run without gaps from the atlas's
/// first day to `null`.
pub(crate) fn parse_history(
    site: ErrorSite<'_>,
    value: Option<&Value>,
    is_control: bool,
) -> Result<Vec<HistoryEntry>, DataError> {
    let items = match value {
        None | Some(Value::Null) if is_control => {
            return Err(site.property("history", "is missing (a control zone needs one)"));
        }
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(site.property("history", "is not an array")),
    };
    let mut entries = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = format!("history[{i}]");
        let Value::Object(obj) = item else {
            return Err(site.property(&path, "is not an object"));
        };
        let field = |name: &str| format!("{path}.{name}");
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
        let controller = match obj.get("controller") {
            None | Some(Value::Null) => None,
            Some(Value::String(code)) => Some(code.parse().map_err(|_| {
                site.property(
                    &field("controller"),
                    format!(
                        "\"{}\" is not a controller code (ARM, AZE, NKR, GEO, ABK, SOS, RUS, TUR, IRN)",
                        printable(code, SHOWN_CHARS)
                    ),
                )
            })?),
            Some(_) => return Err(site.property(&field("controller"), "is not a string")),
        };
        if is_control && controller.is_none() {
            return Err(site.property(&field("controller"), "is missing"));
        }
        let text = |name: &str| -> Result<Option<String>, DataError> {
            match obj.get(name) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(_) => Err(site.property(&field(name), "is not a string")),
            }
        };
        let strength = match obj.get("strength") {
            None | Some(Value::Null) => None,
            Some(v) => Some(
                v.as_u64()
                    .and_then(|n| u32::try_from(n).ok())
                    .ok_or_else(|| site.property(&field("strength"), "is not a whole number"))?,
            ),
        };
        let from_range = parse_range(site, &field("from_range"), obj.get("from_range"))?;
        if let Some((a, b)) = from_range
            && !(a <= from && from <= b)
        {
            return Err(site.property(
                &field("from_range"),
                format!("[{a}, {b}] does not contain \"from\" {from}"),
            ));
        }
        let sources = match obj.get("sources") {
            None | Some(Value::Null) => Vec::new(),
            Some(v) => parse_sources(site, &field("sources"), v)?,
        };
        entries.push(HistoryEntry {
            span: Lifespan::new(Some(from), until),
            from_range,
            controller,
            status: text("status")?,
            strength,
            note: text("note")?,
            sources,
        });
    }
    check_order(site, &entries, is_control)?;
    Ok(entries)
}

fn check_order(
    site: ErrorSite<'_>,
    entries: &[HistoryEntry],
    is_control: bool,
) -> Result<(), DataError> {
    for (i, pair) in entries.windows(2).enumerate() {
        let [a, b] = pair else { continue };
        let next = format!("history[{}].from", i + 1);
        if b.span.from < a.span.from {
            return Err(site.property(
                &next,
                "is earlier than the entry before it (history must be in date order)",
            ));
        }
        if a.span.overlaps(&b.span) {
            return Err(site.property(
                &next,
                format!(
                    "overlaps the entry before it, which runs until {}",
                    a.span.until.map_or("null".to_string(), |d| d.to_string())
                ),
            ));
        }
        if is_control && a.span.until != b.span.from {
            return Err(site.property(
                &next,
                format!(
                    "leaves a gap after {} (a control zone needs a controller on every day)",
                    a.span.until.map_or("null".to_string(), |d| d.to_string())
                ),
            ));
        }
    }
    if is_control {
        if let Some(first) = entries.first()
            && first.span.from != Some(ATLAS_START)
        {
            return Err(site.property(
                "history[0].from",
                format!("must be {ATLAS_START}, the atlas's first day"),
            ));
        }
        match entries.last() {
            None => return Err(site.property("history", "is empty (a control zone needs one)")),
            Some(last) if last.span.until.is_some() => {
                return Err(site.property(
                    &format!("history[{}].until", entries.len() - 1),
                    "must be null: the last entry of a control zone lasts to today",
                ));
            }
            _ => {}
        }
    }
    Ok(())
}
