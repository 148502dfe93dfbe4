//! `caucasus-atlas export --date D --out F.png|F.svg [...]`: one map, written
//! through the same library call the window's export dialog uses.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::picture::PictureArgs;
use super::{parse_date, parse_height, parse_width};
use crate::atlas::{LINE_CHARS, printable};
use crate::data::{AtlasData, DataSource};
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
    /// Area, layers, language and what goes around the map.
    #[command(flatten)]
    pub picture: PictureArgs,
}

/// Loads the data (printing load problems as warnings); an atlas with no
/// layer at all is an error, since the export would be empty.
pub fn load(source: &DataSource, err: &mut dyn Write) -> std::io::Result<Option<AtlasData>> {
    let data = AtlasData::load_source(source);
    print_load_problems(&data, err)?;
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

/// Prints what went wrong while loading as warnings (the rest loaded): the
/// problems of the data and of users' layers.
pub(crate) fn print_load_problems(data: &AtlasData, err: &mut dyn Write) -> std::io::Result<()> {
    for e in data.errors.iter().chain(&data.warnings) {
        writeln!(err, "warning: {e}")?;
    }
    Ok(())
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
    source: &DataSource,
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
    let Some(data) = load(source, err)? else {
        return Ok(1);
    };
    let request = args
        .picture
        .request(args.date, (args.width, args.height), format);
    match export::export_to_file(&data.atlas, &data.projected, &request, &args.out) {
        Ok(()) => {
            writeln!(
                out,
                "wrote {} ({}×{} pixels, {})",
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
