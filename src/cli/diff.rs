//! `caucasus-atlas diff --from D1 --to D2 [--bbox …] [--json]`: the areas that
//! changed hands between two dates, with km², totals, events and history.

use std::io::Write;
use std::path::PathBuf;

use crate::atlas::Loaded;
use crate::compare::{Comparison, Region, ZoneAreas, compare};
use crate::scene::compare::format_km2 as km2;
use crate::spatial::RegionBox;
use crate::time::Date;

/// Prints the comparison of `from` and `to` as a table or JSON.
pub fn run(
    data: Option<&PathBuf>,
    from: Date,
    to: Date,
    bbox: Option<RegionBox>,
    as_json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    if from >= to {
        writeln!(
            err,
            "error: --to {to} is not after --from {from} (diff compares an earlier date with a later one)"
        )?;
        return Ok(2);
    }
    // No projection or triangulation needed: the atlas alone.
    let loaded = match data {
        Some(dir) => Loaded::from_dir(dir),
        None => Loaded::bundled(),
    };
    for e in &loaded.errors {
        writeln!(err, "warning: {e}")?;
    }
    let zones = ZoneAreas::build(&loaded.atlas);
    let region = bbox.map(Region::from_box);
    let comparison = match compare(&loaded.atlas, &zones, from, to, region.as_ref()) {
        Ok(c) => c,
        Err(e) => {
            writeln!(err, "error: {e}")?;
            return Ok(2);
        }
    };
    if as_json {
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&comparison.to_json()).unwrap_or_default()
        )?;
    } else {
        write_table(&comparison, out)?;
    }
    Ok(0)
}

fn write_table(c: &Comparison, out: &mut dyn Write) -> std::io::Result<()> {
    let place = match c.region.as_ref().and_then(|r| r.bbox) {
        Some(b) => format!(
            " inside lon {}–{}, lat {}–{}",
            b.min_lon, b.max_lon, b.min_lat, b.max_lat
        ),
        None => String::new(),
    };
    writeln!(out, "Changes of control from {} to {}{place}", c.from, c.to)?;
    if c.changes.is_empty() {
        writeln!(out, "  no area changed hands")?;
    } else {
        writeln!(
            out,
            "  {:<4} {:<4} {:>9} {:>9} {:>8}  zones",
            "from", "to", "km²", "± km²", "of from"
        )?;
        for ch in &c.changes {
            let zones = match ch.zones.as_slice() {
                [first, second, _, _, ..] => {
                    format!("{first}, {second}, … ({} zones)", ch.zones.len())
                }
                few => few.join(", "),
            };
            writeln!(
                out,
                "  {:<4} {:<4} {:>9} {:>9} {:>7.1}%  {zones}",
                ch.from.code(),
                ch.to.code(),
                km2(ch.area_km2),
                km2(ch.uncertainty_km2),
                ch.share_of_from * 100.0,
            )?;
            for step in &ch.via {
                let until = step.until.map_or("today".to_string(), |d| d.to_string());
                writeln!(
                    out,
                    "             via {} {}–{} ({})",
                    step.controller.code(),
                    step.from,
                    until,
                    step.zone
                )?;
            }
        }
        writeln!(
            out,
            "  changed hands: {} km² ± {} km²{}",
            km2(c.changed_km2()),
            km2(c.changed_uncertainty_km2()),
            if c.approximate() {
                " (approximate zones: the bound is each zone's edge length × its uncertainty)"
            } else {
                ""
            }
        )?;
    }
    for trip in &c.round_trips {
        let via: Vec<String> = trip
            .via
            .iter()
            .map(|s| {
                format!(
                    "{} {}–{}",
                    s.controller.code(),
                    s.from,
                    s.until.map_or("today".to_string(), |d| d.to_string())
                )
            })
            .collect();
        writeln!(
            out,
            "  and back: {} ({} km²) held by {} on both dates, by {} in between",
            trip.zone,
            km2(trip.area_km2),
            trip.controller.code(),
            via.join(", ")
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "Totals (km²)  {:>11} {:>11} {:>9} {:>9}",
        c.from.to_string(),
        c.to.to_string(),
        "gained",
        "lost"
    )?;
    for (code, t) in &c.totals {
        if t.from_km2 == 0.0 && t.to_km2 == 0.0 {
            continue;
        }
        writeln!(
            out,
            "  {:<11} {:>11} {:>11} {:>9} {:>9}",
            code.code(),
            km2(t.from_km2),
            km2(t.to_km2),
            km2(t.gained_km2),
            km2(t.lost_km2)
        )?;
    }
    writeln!(out)?;
    writeln!(out, "History ({} entries)", c.history.len())?;
    for h in &c.history {
        let who = match (h.before, h.controller) {
            (Some(a), Some(b)) if a != b => format!("{} → {}", a.code(), b.code()),
            (_, Some(b)) => format!(
                "{}, {}",
                b.code(),
                h.status.as_deref().unwrap_or("new entry")
            ),
            _ => String::new(),
        };
        let source = match h.sources.first() {
            Some(s) if h.own_sources => s.title.clone(),
            Some(_) => format!("(the zone's {} source(s), see --json)", h.sources.len()),
            None => String::new(),
        };
        writeln!(out, "  {}  {:<34} {:<15} {source}", h.date, h.zone, who)?;
    }
    writeln!(out)?;
    writeln!(out, "Events ({})", c.events.len())?;
    for e in &c.events {
        writeln!(out, "  {}  {:<10} {}", e.date, e.kind, e.name)?;
    }
    Ok(())
}
