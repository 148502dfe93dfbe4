//! `caucasus-atlas cite --date D [--bbox …] [--layers …] [--format …]`: the
//! citation of a map state and its sources, the same selection an export of
//! that map credits.

use std::io::Write;

use clap::Args;

use super::{parse_bbox_arg, parse_date, parse_layer};
use crate::atlas::{LINE_CHARS, LayerKind, printable, printable_json};
use crate::render::citation::{CitationFormat, cite};
use crate::render::export::{ExportRequest, Format};
use crate::spatial::RegionBox;
use crate::time::Date;

/// A citation line is never cut (a title and its address may be long); this
/// only bounds what a corrupt file could print.
const LONGEST_LINE: usize = 100_000;

/// The `cite` options.
#[derive(Clone, Debug, Args)]
pub struct CiteArgs {
    /// The date, YYYY-MM-DD.
    #[arg(long, value_parser = parse_date)]
    pub date: Date,
    /// Cite the map of this lon/lat box: minlon,minlat,maxlon,maxlat (default: the whole region).
    #[arg(long, value_parser = parse_bbox_arg, allow_hyphen_values = true)]
    pub bbox: Option<RegionBox>,
    /// Only these layers (comma-separated names; default: all).
    #[arg(long, value_delimiter = ',', value_parser = parse_layer)]
    pub layers: Option<Vec<LayerKind>>,
    /// text, csl-json, bibtex or ris.
    #[arg(long, value_enum, default_value = "text")]
    pub format: CitationFormat,
}

/// Prints the citation; returns the exit code.
pub fn run(
    args: CiteArgs,
    data: &crate::data::DataSource,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    let Some(data) = super::export::load(data, err)? else {
        return Ok(1);
    };
    // The map a default export of the same date, box and layers would draw.
    let request = ExportRequest {
        bbox: args.bbox,
        layers: args.layers,
        format: Format::Png,
        ..ExportRequest::new(args.date)
    };
    match cite(&data.atlas, &data.projected, &request) {
        Ok(citation) => {
            // Titles come from data files: escaped like every value from
            // outside (JSON with JSON's escapes, so it parses the same).
            let text = citation.render(args.format);
            if args.format == CitationFormat::CslJson {
                write!(out, "{}", printable_json(&text))?;
            } else {
                for line in text.lines() {
                    writeln!(out, "{}", printable(line, LONGEST_LINE))?;
                }
            }
            Ok(0)
        }
        Err(e) => {
            writeln!(err, "error: {}", printable(&e.to_string(), LINE_CHARS))?;
            Ok(1)
        }
    }
}
