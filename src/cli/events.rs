//! `caucasus-atlas events [--from D --to D] [--json]`.

use std::io::Write;
use std::path::PathBuf;

use geo::Centroid;
use serde_json::json;

use crate::atlas::{Feature, LayerKind, Loaded, SHOWN_CHARS, printable};
use crate::time::Date;

/// The most characters of a summary printed (the bundled ones have under 300).
const SUMMARY_CHARS: usize = 1000;

/// Prints the events in date order, optionally limited to a date range (inclusive).
pub fn run(
    data: Option<&PathBuf>,
    from: Option<Date>,
    to: Option<Date>,
    as_json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    if let (Some(f), Some(t)) = (from, to)
        && t < f
    {
        writeln!(err, "error: --to {t} is before --from {f}")?;
        return Ok(2);
    }
    let loaded = match data {
        Some(dir) => Loaded::from_dir(dir),
        None => Loaded::bundled(),
    };
    for e in &loaded.errors {
        writeln!(err, "warning: {e}")?;
    }
    let mut events: Vec<&Feature> = loaded
        .atlas
        .layer(&LayerKind::Events)
        .map(|l| l.features.iter().collect())
        .unwrap_or_default();
    events.retain(|e| {
        let start = e.lifespan.from;
        start.is_some_and(|d| from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t))
    });
    events.sort_by_key(|e| (e.lifespan.from, e.id.clone()));
    if as_json {
        let list: Vec<serde_json::Value> = events
            .iter()
            .map(|e| {
                let at = e.geometry.centroid();
                json!({
                    "id": e.id,
                    "date": e.lifespan.from.map(|d| d.to_string()),
                    "until": e.lifespan.until.map(|d| d.to_string()),
                    "kind": e.kind,
                    "name": e.name.en,
                    "summary": e.summary,
                    "lon": at.map(|p| p.x()),
                    "lat": at.map(|p| p.y()),
                    "sources": e.sources.iter().map(|s| json!({"title": s.title, "url": s.url})).collect::<Vec<_>>(),
                })
            })
            .collect();
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&list).unwrap_or_default()
        )?;
    } else {
        // Values from the data are escaped: a name cannot move the cursor,
        // clear the screen or reorder the line.
        for e in &events {
            let date = e.lifespan.from.map(|d| d.to_string()).unwrap_or_default();
            writeln!(
                out,
                "{date}  {:<10} {}",
                printable(&e.kind, SHOWN_CHARS),
                printable(&e.name.en, SHOWN_CHARS)
            )?;
            if let Some(summary) = &e.summary {
                writeln!(out, "            {}", printable(summary, SUMMARY_CHARS))?;
            }
        }
        writeln!(out, "{} event(s)", events.len())?;
    }
    Ok(0)
}
