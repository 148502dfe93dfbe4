//! `caucasus-atlas export --date D --out F.png|F.svg [...]`: one map, written
//! through the same library call the window's export dialog uses.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::app::AtlasData;
use crate::atlas::Language;
use crate::render::export::{self, ExportError, ExportRequest, Format};
use crate::render::svg::ExportOptions;
use crate::spatial::RegionBox;
use crate::time::Date;

/// The `export` options, as parsed.
#[derive(Clone, Debug)]
pub struct ExportArgs {
    /// The date shown.
    pub date: Date,
    /// Where to write (.png or .svg).
    pub out: PathBuf,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The lon/lat box to show.
    pub bbox: Option<RegionBox>,
    /// Layers to draw (all if none given).
    pub layers: Option<Vec<String>>,
    /// Label language.
    pub language: Language,
    /// Title in the panel.
    pub title: Option<String>,
    /// The map alone, without the panel and attribution.
    pub map_only: bool,
}

/// What to draw around the map for the command line's flags.
pub fn include(title: Option<String>, map_only: bool) -> ExportOptions {
    if map_only {
        ExportOptions::map_only()
    } else {
        ExportOptions {
            title,
            ..ExportOptions::default()
        }
    }
}

/// Loads the data (printing load problems as warnings); an atlas with no
/// layer at all is an error, since the export would be empty.
pub fn load(data: Option<&PathBuf>, err: &mut dyn Write) -> std::io::Result<Option<AtlasData>> {
    let data = AtlasData::load(data);
    for e in &data.errors {
        writeln!(err, "warning: {e}")?;
    }
    if data.atlas.layers.is_empty() {
        writeln!(
            err,
            "error: no layer could be loaded, so there is nothing to draw"
        )?;
        return Ok(None);
    }
    Ok(Some(data))
}

fn report(err: &mut dyn Write, e: &ExportError) -> std::io::Result<i32> {
    writeln!(err, "error: {e}")?;
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
    let request = ExportRequest {
        date: args.date,
        width: args.width,
        height: args.height,
        bbox: args.bbox,
        view: None,
        layers: args.layers,
        language: args.language,
        format,
        include: include(args.title, args.map_only),
        pixels_per_point: None,
    };
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

pub(crate) fn display(path: &Path) -> String {
    path.display().to_string()
}
