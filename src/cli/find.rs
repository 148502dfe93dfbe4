//! `caucasus-atlas find TEXT [--json]`: places, zones, Russian positions and
//! events by name, in any language, with or without diacritics.

use std::io::Write;
use std::path::PathBuf;

use serde_json::json;

use crate::atlas::{Feature, Loaded, SHOWN_CHARS, printable};
use crate::search::find;

/// How many results are listed.
const LIMIT: usize = 20;

/// Prints what matches `text`, best first; exit code 1 when nothing does.
pub fn run(
    data: Option<&PathBuf>,
    text: &str,
    as_json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    let loaded = match data {
        Some(dir) => Loaded::from_dir(dir),
        None => Loaded::bundled(),
    };
    for e in &loaded.errors {
        writeln!(err, "warning: {e}")?;
    }
    let found = find(&loaded.atlas, text, LIMIT);
    if as_json {
        let list: Vec<serde_json::Value> = found
            .iter()
            .map(|f| {
                json!({
                    "layer": f.feature.layer,
                    "id": f.feature.id,
                    "name": f.feature.name.en,
                    "matched": f.matched,
                    "kind": f.feature.kind,
                    "from": f.feature.lifespan.from.map(|d| d.to_string()),
                    "until": f.feature.lifespan.until.map(|d| d.to_string()),
                })
            })
            .collect();
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&json!({ "query": text, "results": list }))
                .unwrap_or_default()
        )?;
    } else if found.is_empty() {
        writeln!(
            out,
            "nothing in the atlas is called \"{}\"",
            printable(text.trim(), SHOWN_CHARS)
        )?;
    } else {
        for f in &found {
            writeln!(
                out,
                "{:<15} {:<40} {}",
                printable(f.feature.layer.name(), SHOWN_CHARS),
                printable(&f.feature.name.en, SHOWN_CHARS),
                dates(f.feature)
            )?;
        }
    }
    Ok(if found.is_empty() { 1 } else { 0 })
}

/// "2020-11-10", "1992-09-30 – 2024-07-31" or "" for undated features.
fn dates(feature: &Feature) -> String {
    match (feature.lifespan.from, feature.lifespan.until) {
        (Some(from), Some(until)) if until == from.add_days(1) => from.to_string(),
        (Some(from), Some(until)) => format!("{from} – {}", until.add_days(-1)),
        (Some(from), None) => format!("since {from}"),
        _ => String::new(),
    }
}
