//! `caucasus-atlas at --date D --lon X --lat Y [--json]`.

use std::io::Write;
use std::path::PathBuf;

use serde_json::json;

use crate::app::AtlasData;
use crate::atlas::{SHOWN_CHARS, printable};
use crate::spatial::{REGION, conformal_conic, features_at};
use crate::time::Date;

/// Prints what is at the point on the date.
#[allow(clippy::too_many_arguments)]
pub fn run(
    data: Option<&PathBuf>,
    date: Date,
    lon: f64,
    lat: f64,
    radius_km: f64,
    as_json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
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
    let data = AtlasData::load(data);
    for e in &data.errors {
        writeln!(err, "warning: {e}")?;
    }
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

    if as_json {
        let features: Vec<serde_json::Value> = hits
            .iter()
            .map(|h| {
                let f = h.feature;
                let mut obj = json!({
                    "layer": f.layer,
                    "id": f.id,
                    "name": f.name.en,
                    "kind": f.kind,
                    "sources": f.sources.iter().map(|s| json!({"title": s.title, "url": s.url})).collect::<Vec<_>>(),
                });
                let span = match f.state_on(date) {
                    Some(state) => {
                        if let Some(c) = state.controller {
                            obj["controller"] = json!(c.code());
                        }
                        if let Some(status) = &state.status {
                            obj["status"] = json!(status);
                        }
                        state.span
                    }
                    None => f.lifespan,
                };
                if let Some(from) = span.from {
                    obj["from"] = json!(from.to_string());
                }
                if let Some(until) = span.until {
                    obj["until"] = json!(until.to_string());
                }
                obj
            })
            .collect();
        let doc = json!({"date": date.to_string(), "lon": lon, "lat": lat, "features": features});
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
        if hits.is_empty() {
            writeln!(out, "  nothing in the atlas here on this date")?;
        }
        for h in &hits {
            let f = h.feature;
            let state = match f.state_on(date) {
                Some(s) => {
                    let mut parts = Vec::new();
                    if let Some(c) = s.controller {
                        parts.push(format!("held by {} ({})", c.code(), c.description()));
                    }
                    if let Some(status) = &s.status {
                        parts.push(printable(status, SHOWN_CHARS).into_owned());
                    }
                    if let Some(from) = s.span.from {
                        parts.push(format!("since {from}"));
                    }
                    parts.join(", ")
                }
                None => {
                    let kind = printable(&f.kind, SHOWN_CHARS);
                    match (f.layer.as_str(), f.lifespan.from) {
                        ("events", Some(from)) => format!("{kind} event of {from}"),
                        (_, Some(from)) => format!("{kind} since {from}"),
                        _ => kind.into_owned(),
                    }
                }
            };
            // Values from the data are escaped (see `printable`).
            writeln!(
                out,
                "  {:<15} {:<32} {}",
                printable(&f.layer, SHOWN_CHARS),
                printable(&f.name.en, SHOWN_CHARS),
                state
            )?;
        }
    }
    Ok(0)
}
