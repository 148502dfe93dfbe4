//! `caucasus-atlas at --date D --lon X --lat Y [--json]`.

use crate::json::put;
use std::io::Write;

use serde_json::json;

use crate::atlas::{ControlStatus, Language, LayerKind, NameOrder, SHOWN_CHARS, Source, printable};
use crate::data::{AtlasData, DataSource};
use crate::spatial::{REGION, conformal_conic, features_at};
use crate::time::{ATLAS_START, Date};

/// What `at` is asked.
pub struct Query {
    /// The date.
    pub date: Date,
    /// Longitude in degrees east.
    pub lon: f64,
    /// Latitude in degrees north.
    pub lat: f64,
    /// How far a point or line may be and still count.
    pub radius_km: f64,
    /// The order of a place's two names.
    pub names: NameOrder,
}

/// Prints what is at the point on the date.
pub fn run(
    source: &DataSource,
    query: Query,
    as_json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    let Query {
        date,
        lon,
        lat,
        radius_km,
        names,
    } = query;
    if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
        writeln!(
            err,
            "error: --lon {lon} --lat {lat} is not a position (lon -180..180, lat -90..90)"
        )?;
        return Ok(2);
    }
    if !(0.0..=100.0).contains(&radius_km) {
        writeln!(
            err,
            "error: --radius-km {radius_km} must be between 0 and 100"
        )?;
        return Ok(2);
    }
    let data = AtlasData::load_source(source);
    super::export::print_load_problems(&data, err)?;
    super::export::warn_unplaced(&data, err)?;
    let Some(point) = conformal_conic().forward(lon, lat) else {
        writeln!(err, "error: --lon {lon} --lat {lat} cannot be projected")?;
        return Ok(2);
    };
    let hits = features_at(
        &data.atlas,
        &data.projected,
        date,
        point,
        radius_km,
        &|_| true,
    );
    let outside = !REGION.contains(lon, lat);
    // Said only when the asked day is later than the last review of the data.
    let reviewed_before = data.atlas.reviewed.filter(|r| date > *r);

    if as_json {
        let features: Vec<serde_json::Value> = hits
            .iter()
            .map(|h| {
                let f = h.feature;
                let mut obj = json!({
                    "layer": f.layer,
                    "id": f.id,
                    "name": data.atlas.name_on(f, date, Language::En, names),
                    "kind": f.kind,
                    "sources": data.atlas.sources_of(f).iter().map(source_json).collect::<Vec<_>>(),
                });
                let span = match f.state_on(date) {
                    Some(state) => {
                        if let Some(c) = state.controller {
                            put(&mut obj, "controller", json!(c.code()));
                        }
                        // "status" is the control status (held|contested); the
                        // corridor's own status word has its own name.
                        if let Some(status) = &state.status {
                            put(&mut obj, "corridor_status", json!(status));
                        }
                        state.span
                    }
                    None => f.lifespan,
                };
                if let Some(status) = f.status_on(date) {
                    put(&mut obj, "status", json!(status.as_str()));
                }
                if f.layer == LayerKind::Control || f.de_jure().is_some() {
                    put(&mut obj, "de_jure", json!(f.de_jure().map(|c| c.code())));
                    put(
                        &mut obj,
                        "claimed_by",
                        json!(
                            f.claimed_by(date)
                                .iter()
                                .map(|c| c.code())
                                .collect::<Vec<_>>()
                        ),
                    );
                }
                if let Some(since) = f.since(date) {
                    put(&mut obj, "since", json!(since.to_string()));
                }
                if let Some(phase) = f.phase_since(date) {
                    put(&mut obj, "phase_since", json!(phase.to_string()));
                }
                if let Some(from) = span.from {
                    put(&mut obj, "from", json!(from.to_string()));
                }
                if let Some(until) = span.until {
                    put(&mut obj, "until", json!(until.to_string()));
                }
                // A user's feature carries all its properties as given.
                if f.layer.is_user() {
                    put(
                        &mut obj,
                        "properties",
                        serde_json::Value::Object(f.properties()),
                    );
                }
                obj
            })
            .collect();
        let mut doc =
            json!({"date": date.to_string(), "lon": lon, "lat": lat, "features": features});
        if let Some(reviewed) = reviewed_before {
            put(&mut doc, "data_reviewed", json!(reviewed.to_string()));
        }
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&doc).unwrap_or_default()
        )?;
    } else {
        writeln!(out, "{date} at {lat:.4}° N, {lon:.4}° E:")?;
        if outside {
            writeln!(
                out,
                "  (outside the atlas's region, lon 38–51, lat 37–44.5)"
            )?;
        }
        if let Some(reviewed) = reviewed_before {
            writeln!(
                out,
                "  (data reviewed to {reviewed}: later changes may be missing)"
            )?;
        }
        if hits.is_empty() {
            writeln!(out, "  nothing in the atlas here on this date")?;
        }
        for h in &hits {
            let f = h.feature;
            let state = match f.state_on(date) {
                Some(s) => {
                    let mut parts = Vec::new();
                    let since = f.since(date);
                    match (s.controller, since) {
                        (Some(c), Some(since)) => parts.push(format!(
                            "held by {} ({}) since {}",
                            c.code(),
                            c.description(),
                            since_words(since)
                        )),
                        (Some(c), None) => {
                            parts.push(format!("held by {} ({})", c.code(), c.description()))
                        }
                        (None, Some(since)) => {
                            parts.push(format!("{} since {}", f.kind, since_words(since)))
                        }
                        (None, None) => parts.push(f.kind.clone()),
                    }
                    if f.status_on(date) == Some(ControlStatus::Contested) {
                        parts.push("changing hands (the day is known only as a range)".to_string());
                    }
                    if let Some(status) = &s.status {
                        parts.push(printable(status, SHOWN_CHARS).into_owned());
                    }
                    if let Some(phase) = s.span.from.filter(|p| since.is_some_and(|s| *p > s)) {
                        parts.push(format!("this phase since {phase}"));
                    }
                    if let Some(de_jure) = f.de_jure().filter(|j| Some(*j) != s.controller) {
                        parts.push(format!("de jure {}", de_jure.code()));
                    }
                    let claims = f.claimed_by(date);
                    if !claims.is_empty() {
                        let codes: Vec<&str> = claims.iter().map(|c| c.code()).collect();
                        parts.push(format!("claimed by {}", codes.join(", ")));
                    }
                    parts.join(", ")
                }
                None => {
                    let kind = printable(&f.kind, SHOWN_CHARS);
                    match (&f.layer, f.lifespan.from) {
                        (LayerKind::Events, Some(from)) => format!("{kind} event of {from}"),
                        (LayerKind::User(_), Some(from)) => match f.lifespan.until {
                            Some(until) if until == from.add_days(1) => format!("{kind} on {from}"),
                            Some(until) => {
                                format!("{kind} from {from} to {}", until.add_days(-1))
                            }
                            None => format!("{kind} since {from}"),
                        },
                        (_, Some(from)) => format!("{kind} since {from}"),
                        _ => kind.into_owned(),
                    }
                }
            };
            // Values from the data are escaped (see `printable`).
            writeln!(
                out,
                "  {:<15} {:<32} {}",
                printable(f.layer.name(), SHOWN_CHARS),
                printable(
                    &data.atlas.name_on(f, date, Language::En, names),
                    SHOWN_CHARS
                ),
                state
            )?;
        }
    }
    Ok(0)
}

/// A source as printed by `at --json`: title, url and, when set, the side it
/// speaks for.
fn source_json(source: &Source) -> serde_json::Value {
    let mut obj = json!({"title": source.title, "url": source.url});
    if let Some(side) = source.partisan {
        put(&mut obj, "partisan", json!(side.code()));
    }
    obj
}

/// "1992-01-06", or for the atlas's first day, which only says that it was so
/// before the atlas begins, "the atlas's start (1988-02-20)".
fn since_words(since: Date) -> String {
    if since == ATLAS_START {
        format!("the atlas's start ({since})")
    } else {
        since.to_string()
    }
}
