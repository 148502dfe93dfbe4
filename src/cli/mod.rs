//! The command line (the contract in DESIGN.md). No subcommand opens the window.

mod animate;
mod at;
mod check;
mod events;
mod export;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::atlas::Language;
use crate::render::animation::Step;
use crate::render::export::{check_size, parse_bbox};
use crate::spatial::RegionBox;
use crate::time::Date;

/// A desktop atlas of the South Caucasus, 1988 to today.
#[derive(Debug, Parser)]
#[command(name = "caucasus-atlas", version, about)]
pub struct Cli {
    /// Read the layers from this folder's *.geojson files instead of the bundled data.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Open the window on this date (YYYY-MM-DD; default: today).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub date: Option<Date>,

    /// Open the window, save a screenshot of it as PNG after it has drawn, and exit
    /// (for checking that the window works on a machine without a person at it).
    #[arg(long, value_name = "FILE")]
    pub screenshot: Option<PathBuf>,

    /// What to do (nothing: open the window).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the bundled data, or each given GeoJSON file on its own.
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
    /// Export the map on a date as PNG or SVG, with legend, date, scale and sources.
    Export {
        /// The date, YYYY-MM-DD.
        #[arg(long, value_parser = parse_date)]
        date: Date,
        /// The file to write; its extension (.png or .svg) chooses the format.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Width in pixels (1 to 16384).
        #[arg(long, default_value_t = 1920, value_parser = parse_width, allow_negative_numbers = true)]
        width: u32,
        /// Height in pixels (1 to 16384).
        #[arg(long, default_value_t = 1080, value_parser = parse_height, allow_negative_numbers = true)]
        height: u32,
        /// Show this lon/lat box instead of the whole region: minlon,minlat,maxlon,maxlat.
        #[arg(long, value_parser = parse_bbox_arg, allow_hyphen_values = true)]
        bbox: Option<RegionBox>,
        /// Draw only these layers (comma-separated names; default: all).
        #[arg(long, value_delimiter = ',')]
        layers: Option<Vec<String>>,
        /// Label language: en, hy, az, ru or ka.
        #[arg(long, default_value = "en", value_parser = parse_language)]
        lang: Language,
        /// A title at the top of the side panel.
        #[arg(long)]
        title: Option<String>,
        /// The map alone: no panel (legend, date, scale, sources) and no attribution line.
        #[arg(long)]
        map_only: bool,
    },
    /// Export an animation over a date range as GIF (or APNG with .png).
    Animate {
        /// First date, YYYY-MM-DD.
        #[arg(long, value_parser = parse_date)]
        from: Date,
        /// Last date; included when a step lands on it.
        #[arg(long, value_parser = parse_date)]
        to: Date,
        /// Distance between frames: 1d, 7d, 1m (any number of d, w or m) or event.
        #[arg(long, value_parser = parse_step)]
        step: Step,
        /// The file to write: .gif, or .png for an animated PNG.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Frames per second (0.1 to 50).
        #[arg(long, default_value_t = 2.0)]
        fps: f32,
        /// Width in pixels (1 to 16384).
        #[arg(long, default_value_t = 1280, value_parser = parse_width, allow_negative_numbers = true)]
        width: u32,
        /// Height in pixels (1 to 16384).
        #[arg(long, default_value_t = 720, value_parser = parse_height, allow_negative_numbers = true)]
        height: u32,
        /// Show this lon/lat box instead of the whole region: minlon,minlat,maxlon,maxlat.
        #[arg(long, value_parser = parse_bbox_arg, allow_hyphen_values = true)]
        bbox: Option<RegionBox>,
        /// Draw only these layers (comma-separated names; default: all).
        #[arg(long, value_delimiter = ',')]
        layers: Option<Vec<String>>,
        /// Label language: en, hy, az, ru or ka.
        #[arg(long, default_value = "en", value_parser = parse_language)]
        lang: Language,
        /// A title at the top of the side panel.
        #[arg(long)]
        title: Option<String>,
        /// Hold the frames on which an event happened three times as long.
        #[arg(long)]
        pause_on_events: bool,
        /// The map alone: no panel and no attribution line.
        #[arg(long)]
        map_only: bool,
    },
}

fn parse_date(text: &str) -> Result<Date, String> {
    text.parse::<Date>().map_err(|e| e.to_string())
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

fn parse_step(text: &str) -> Result<Step, String> {
    text.parse::<Step>().map_err(|e| e.to_string())
}

/// Runs a subcommand; returns the process exit code. Output goes to `out`,
/// errors to `err`, so tests can read both.
pub fn run(
    command: Command,
    data: Option<PathBuf>,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> i32 {
    let result = match command {
        Command::Check { paths } => check::run(&paths, data.as_ref(), out, err),
        Command::At {
            date,
            lon,
            lat,
            radius_km,
            json,
        } => at::run(data.as_ref(), date, lon, lat, radius_km, json, out, err),
        Command::Events { from, to, json } => events::run(data.as_ref(), from, to, json, out, err),
        Command::Export {
            date,
            out: path,
            width,
            height,
            bbox,
            layers,
            lang,
            title,
            map_only,
        } => export::run(
            export::ExportArgs {
                date,
                out: path,
                width,
                height,
                bbox,
                layers,
                language: lang,
                title,
                map_only,
            },
            data.as_ref(),
            out,
            err,
        ),
        Command::Animate {
            from,
            to,
            step,
            out: path,
            fps,
            width,
            height,
            bbox,
            layers,
            lang,
            title,
            pause_on_events,
            map_only,
        } => animate::run(
            animate::AnimateArgs {
                from,
                to,
                step,
                out: path,
                fps,
                width,
                height,
                bbox,
                layers,
                language: lang,
                title,
                pause_on_events,
                map_only,
            },
            data.as_ref(),
            out,
            err,
        ),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(err, "error: cannot write the output ({e})");
            1
        }
    }
}
