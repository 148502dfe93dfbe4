//! `caucasus-atlas export --date D --out F.png|F.svg [...]`: one map, written
//! through the same library call the window's export dialog uses.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::picture::PictureArgs;
use super::{parse_date, parse_height, parse_width};
use crate::atlas::{LINE_CHARS, printable};
use crate::data::{AtlasData, DataSource};
use crate::render::citation;
use crate::render::export::{self, ExportError, Format};
use crate::render::paper::{Orientation, Paper, PaperPage};
use crate::render::preset::Preset;
use crate::scene::theme::Theme;
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
    /// Also write the citation beside the image: F.sources.json (CSL-JSON) and F.sources.txt.
    #[arg(long)]
    pub cite: bool,
    /// Compare with this earlier date (YYYY-MM-DD): the areas that changed
    /// hands since then are hatched and outlined, with a table of their km².
    #[arg(long, value_parser = parse_date, value_name = "D1")]
    pub compare: Option<Date>,
    /// Area, layers, language and what goes around the map.
    #[command(flatten)]
    pub picture: PictureArgs,
    /// Lay the map out on a sheet of paper: a4, a3 or letter (the size then
    /// comes from the paper and --dpi; --width and --height are not used).
    #[arg(long, value_parser = Paper::parse)]
    pub paper: Option<Paper>,
    /// Which way up the paper is: portrait or landscape.
    #[arg(long, default_value = "landscape", value_parser = Orientation::parse, requires = "paper")]
    pub orientation: Orientation,
    /// The white margin round the map on paper, in millimetres.
    #[arg(long, default_value_t = PaperPage::DEFAULT_MARGIN_MM, requires = "paper", allow_negative_numbers = true)]
    pub margin_mm: f32,
    /// Dots per inch: of a PNG on paper (default 300), or the size of a PDF
    /// page of --width × --height pixels (default 96).
    #[arg(long, value_parser = parse_dpi)]
    pub dpi: Option<f32>,
    /// Turn the text of an SVG or PDF into outlines, for machines without the fonts.
    #[arg(long)]
    pub text_as_paths: bool,
    /// Colours: light (default), dark, or print (high contrast, no hairlines).
    #[arg(long, value_parser = Theme::parse)]
    pub theme: Option<Theme>,
    /// A named size: web-16x9 (1200×675), square (1080×1080), portrait
    /// (1080×1350) or a4-print (A4 landscape, print theme); wins over
    /// --width and --height.
    #[arg(long, value_parser = Preset::parse, conflicts_with = "paper")]
    pub preset: Option<Preset>,
    /// Print the map's alt text (the description a screen reader reads, also
    /// in the file) as the only output; "wrote …" then goes to stderr.
    #[arg(long)]
    pub alt_text: bool,
}

fn parse_dpi(text: &str) -> Result<f32, String> {
    let value: f32 = text
        .trim()
        .parse()
        .map_err(|_| format!("\"{text}\" is not a number of dots per inch"))?;
    export::check_dpi(value).map_err(|e| e.to_string())
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
    let size = args
        .preset
        .and_then(Preset::size)
        .unwrap_or((args.width, args.height));
    let mut request = args.picture.request(args.date, size, format);
    request.paper = args
        .paper
        .map(|paper| PaperPage {
            paper,
            orientation: args.orientation,
            margin_mm: args.margin_mm,
        })
        .or_else(|| args.preset.and_then(Preset::paper));
    request.include.theme = args
        .theme
        .unwrap_or_else(|| args.preset.map_or(Theme::Light, Preset::theme));
    request.dpi = args.dpi;
    request.text_as_paths = args.text_as_paths;
    request.compare_from = args.compare;
    let written = export::export_to_file(&data.atlas, &data.projected, &request, &args.out)
        .and_then(|()| {
            if args.cite {
                citation::write_citation_files(&data.atlas, &data.projected, &request, &args.out)
                    .map(Some)
            } else {
                Ok(None)
            }
        });
    match written {
        Ok(cited) => {
            let (w, h) = request.output_size();
            let size = match (format, &request.paper) {
                (Format::Pdf, Some(page)) => format!(
                    "{} {} PDF",
                    page.paper.label(),
                    match page.orientation {
                        Orientation::Portrait => "portrait",
                        Orientation::Landscape => "landscape",
                    }
                ),
                (Format::Pdf, None) => format!("{w}×{h} pixels as a PDF at {} dpi", request.dpi()),
                _ => format!("{w}×{h} pixels"),
            };
            let compared = args
                .compare
                .map_or(String::new(), |from| format!(", compared with {from}"));
            let mut wrote = format!(
                "wrote {} ({size}, {}{compared})",
                display(&args.out),
                args.date
            );
            if let Some((json, text)) = cited {
                wrote.push_str(&format!(
                    "\nwrote {} and {}",
                    display(&json),
                    display(&text)
                ));
            }
            if args.alt_text {
                writeln!(err, "{wrote}")?;
                match export::render_alt_text(&data.atlas, &data.projected, &request) {
                    Ok(text) => writeln!(out, "{}", printable(&text, usize::MAX))?,
                    Err(e) => return report(err, &e),
                }
            } else {
                writeln!(out, "{wrote}")?;
            }
            Ok(0)
        }
        Err(e) => report(err, &e),
    }
}

/// A path as printed: escaped, like every value from outside.
pub(crate) fn display(path: &Path) -> String {
    printable(&path.display().to_string(), LINE_CHARS).into_owned()
}
