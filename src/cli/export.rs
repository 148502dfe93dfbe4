//! `caucasus-atlas export --date D --out F.png|F.svg [...]`: one map, written
//! through the same library call the window's export dialog uses.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::picture::PictureArgs;
use super::{parse_date, parse_height, parse_width};
use crate::atlas::{LINE_CHARS, printable};
use crate::data::AtlasData;
use crate::render::export::{self, ExportError, Format};
use crate::time::Date;

/// The `export` options.
#[derive(Clone, Debug, Args)]
pub struct ExportArgs {
    /// The date, YYYY-MM-DD.
    #[arg(long, value_parser = parse_date)]
    pub date: Date,
    /// The file to write; its extension (.png or .svg) chooses the format.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Width in pixels (1 to 16384).
    #[arg(long, default_value_t = 1920, value_parser = parse_width, allow_negative_numbers = true)]
    pub width: u32,
    /// Height in pixels (1 to 16384).
    #[arg(long, default_value_t = 1080, value_parser = parse_height, allow_negative_numbers = true)]
    pub height: u32,
    /// Compare with this earlier date (YYYY-MM-DD): the areas that changed
    /// hands since then are hatched and outlined, with a table of their km².
    #[arg(long, value_parser = parse_date, value_name = "D1")]
    pub compare: Option<Date>,
    /// Area, layers, language and what goes around the map.
    #[command(flatten)]
    pub picture: PictureArgs,
}

/// Loads the data (printing load problems as warnings); an atlas with no
/// layer at all is an error, since the export would be empty.
pub fn load(data: Option<&PathBuf>, err: &mut dyn Write) -> std::io::Result<Option<AtlasData>> {
    let data = AtlasData::load(data);
    for e in &data.errors {
        writeln!(err, "warning: {e}")?;
    }
    warn_unplaced(&data, err)?;
    if data.atlas.layers.is_empty() {
        writeln!(
            err,
            "error: no layer could be loaded, so there is nothing to draw"
        )?;
        return Ok(None);
    }
    Ok(Some(data))
}

/// Says so when some loaded features could not be projected (they are not
/// drawn; `check` names them).
pub(crate) fn warn_unplaced(data: &AtlasData, err: &mut dyn Write) -> std::io::Result<()> {
    let missing = data.atlas.features().count()
        - data
            .projected
            .features
            .len()
            .min(data.atlas.features().count());
    if missing > 0 {
        writeln!(
            err,
            "warning: {missing} feature(s) cannot be placed on the map and are not drawn (`caucasus-atlas check` names them)"
        )?;
    }
    Ok(())
}

/// Prints the error as one line (it may quote layer names or paths, which
/// are escaped like every value from outside).
fn report(err: &mut dyn Write, e: &ExportError) -> std::io::Result<i32> {
    writeln!(err, "error: {}", printable(&e.to_string(), LINE_CHARS))?;
    Ok(1)
}

/// Writes the map; returns the exit code.
pub fn run(
    args: ExportArgs,
    data: Option<&PathBuf>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    // Everything that can be checked without the data is checked first.
    let format = match Format::from_path(&args.out) {
        Ok(f) => f,
        Err(e) => return report(err, &e),
    };
    if let Err(e) = export::check_destination(&args.out) {
        return report(err, &e);
    }
    let Some(data) = load(data, err)? else {
        return Ok(1);
    };
    if let Some(from) = args.compare
        && from >= args.date
    {
        writeln!(
            err,
            "error: --compare {from} is not before --date {} (the map shows the later date, with what changed since the earlier one)",
            args.date
        )?;
        return Ok(2);
    }
    let mut request = args
        .picture
        .request(args.date, (args.width, args.height), format);
    request.compare_from = args.compare;
    match export::export_to_file(&data.atlas, &data.projected, &request, &args.out) {
        Ok(()) => {
            let compared = args
                .compare
                .map_or(String::new(), |from| format!(", compared with {from}"));
            writeln!(
                out,
                "wrote {} ({}×{} pixels, {}{compared})",
                display(&args.out),
                args.width,
                args.height,
                args.date
            )?;
            Ok(0)
        }
        Err(e) => report(err, &e),
    }
}

/// A path as printed: escaped, like every value from outside.
pub(crate) fn display(path: &Path) -> String {
    printable(&path.display().to_string(), LINE_CHARS).into_owned()
}
