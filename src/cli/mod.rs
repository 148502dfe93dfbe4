//! The command line (the contract in DESIGN.md). No subcommand opens the window.

mod animate;
mod at;
mod check;
mod cite;
mod diff;
mod events;
mod export;
mod find;
mod picture;
mod story;
mod user_layers;

pub use user_layers::UserLayerArgs;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::atlas::{Language, LayerKind, NameOrder};
use crate::data::DataSource;
use crate::render::animation::Step;
use crate::render::export::{check_size, parse_bbox};
use crate::spatial::RegionBox;
use crate::time::{ATLAS_START, Date};

/// A desktop atlas of the South Caucasus, 1988 to today.
#[derive(Debug, Parser)]
#[command(name = "caucasus-atlas", version, about)]
pub struct Cli {
    /// Read the layers from this folder's *.geojson files instead of the bundled data.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Your own GeoJSON layers, on top of the atlas's.
    #[command(flatten)]
    pub user_layers: UserLayerArgs,

    /// Open the window on this date (YYYY-MM-DD; default: today).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub date: Option<Date>,

    /// Open the window in compare mode: what changed hands between this
    /// earlier date (YYYY-MM-DD) and the date shown, hatched, with its km².
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub compare: Option<Date>,

    /// Open the window, save a screenshot of it as PNG after it has drawn, and exit
    /// (for checking that the window works on a machine without a person at it).
    #[arg(long, value_name = "FILE")]
    pub screenshot: Option<PathBuf>,

    /// Open the window with this order of a place's two names: holder, hy-first,
    /// az-first or single (default: what the window last used, else holder).
    #[arg(long, value_parser = parse_names, value_name = "ORDER")]
    pub names: Option<NameOrder>,

    /// What to do (nothing: open the window).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the bundled data, or each given GeoJSON file on its own (a
    /// file in the atlas's schema against it, any other as a user's layer);
    /// `--layer FILE` checks FILE as a user's layer.
    Check {
        /// Files to check (default: the bundled data, or --data DIR).
        paths: Vec<PathBuf>,
    },
    /// What is at a point on a date.
    At {
        /// The date, YYYY-MM-DD.
        #[arg(long, value_parser = parse_date)]
        date: Date,
        /// Longitude in degrees east.
        #[arg(long, allow_negative_numbers = true)]
        lon: f64,
        /// Latitude in degrees north.
        #[arg(long, allow_negative_numbers = true)]
        lat: f64,
        /// How far (km) a point or line may be from the location and still count.
        #[arg(long, default_value_t = 2.0)]
        radius_km: f64,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// The order of a place's two names: holder, hy-first, az-first or single.
        #[arg(long, default_value = "holder", value_parser = parse_names)]
        names: NameOrder,
    },
    /// List the dated events.
    Events {
        /// First date to include.
        #[arg(long, value_parser = parse_date)]
        from: Option<Date>,
        /// Last date to include.
        #[arg(long, value_parser = parse_date)]
        to: Option<Date>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Find places, control zones, Russian positions and events by name (any
    /// language, with or without diacritics).
    Find {
        /// The name or part of it.
        text: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// The areas that changed hands between two dates, in km², with totals per
    /// controller, the events and the history entries in between.
    Diff {
        /// The first date, YYYY-MM-DD.
        #[arg(long, value_parser = parse_date)]
        from: Date,
        /// The second date (later than the first).
        #[arg(long, value_parser = parse_date)]
        to: Date,
        /// Only this box: minlon,minlat,maxlon,maxlat.
        #[arg(long, value_parser = parse_bbox_arg, allow_hyphen_values = true)]
        bbox: Option<RegionBox>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Export the map on a date as PNG or SVG, with legend, date, scale and sources.
    Export(export::ExportArgs),
    /// Cite the map on a date (atlas, data version, extent, layers) and its sources.
    Cite(cite::CiteArgs),
    /// Export an animation over a date range as GIF (or APNG with .png).
    Animate(animate::AnimateArgs),
    /// Stories: a text (news article, statement) checked claim by claim on the map.
    Story {
        /// list, show ID or export ID --out DIR.
        #[command(subcommand)]
        action: story::StoryCommand,
    },
}

/// A date on the command line: a real day within the atlas, from its first day
/// (1988-02-20) to today. Today is taken in UTC with a day's grace, so that
/// "today" east of Greenwich (UTC+4 in the Caucasus) is accepted too.
pub(crate) fn parse_date(text: &str) -> Result<Date, String> {
    let date = text.parse::<Date>().map_err(|e| e.to_string())?;
    let today = Date::today();
    if date < ATLAS_START || date > today.add_days(1) {
        return Err(format!(
            "{date} is outside the atlas, which runs from {ATLAS_START} to today ({today})"
        ));
    }
    Ok(date)
}

fn parse_pixels(what: &str, text: &str) -> Result<u32, String> {
    let value: i64 = text
        .trim()
        .parse()
        .map_err(|_| format!("\"{text}\" is not a whole number of pixels"))?;
    let value = u32::try_from(value).unwrap_or(if value < 0 { 0 } else { u32::MAX });
    match check_size(what, value) {
        Ok(v) => Ok(v),
        // Name the value as typed (a negative width is reported as given).
        Err(_) => Err(format!(
            "the {what} {} is not between 1 and {} pixels",
            text.trim(),
            crate::render::export::MAX_SIZE
        )),
    }
}

fn parse_width(text: &str) -> Result<u32, String> {
    parse_pixels("width", text)
}

fn parse_height(text: &str) -> Result<u32, String> {
    parse_pixels("height", text)
}

fn parse_bbox_arg(text: &str) -> Result<RegionBox, String> {
    parse_bbox(text).map_err(|e| e.to_string())
}

fn parse_language(text: &str) -> Result<Language, String> {
    Language::from_code(text.trim())
        .ok_or_else(|| format!("\"{text}\" is not a label language (use en, hy, az, ru or ka)"))
}

fn parse_names(text: &str) -> Result<NameOrder, String> {
    text.parse()
}

/// A layer name; whether the data has it is checked once the data is loaded
/// (a user's folder may hold any layer).
fn parse_layer(text: &str) -> Result<LayerKind, String> {
    let name = text.trim();
    if name.is_empty() {
        return Err("an empty layer name".to_string());
    }
    Ok(LayerKind::from_name(name))
}

fn parse_step(text: &str) -> Result<Step, String> {
    text.parse::<Step>().map_err(|e| e.to_string())
}

/// Runs a subcommand on the data of `source` (its folder, or the bundled
/// data, and users' layers); returns the process exit code. Output goes to
/// `out`, errors to `err`, so tests can read both.
pub fn run(
    command: Command,
    source: DataSource,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> i32 {
    let data = source.dir.clone();
    let result = match command {
        Command::Check { paths } => check::run(&paths, &source, out, err),
        Command::At {
            date,
            lon,
            lat,
            radius_km,
            json,
            names,
        } => at::run(
            &source,
            at::Query {
                date,
                lon,
                lat,
                radius_km,
                names,
            },
            json,
            out,
            err,
        ),
        Command::Events { from, to, json } => events::run(data.as_ref(), from, to, json, out, err),
        Command::Find { text, json } => find::run(data.as_ref(), &text, json, out, err),
        Command::Diff {
            from,
            to,
            bbox,
            json,
        } => diff::run(data.as_ref(), from, to, bbox, json, out, err),
        Command::Export(args) => export::run(args, &source, out, err),
        Command::Animate(args) => animate::run(args, &source, out, err),
        Command::Cite(args) => cite::run(args, &source, out, err),
        Command::Story { action } => story::run(action, data.as_ref(), out, err),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(err, "error: cannot write the output ({e})");
            1
        }
    }
}
