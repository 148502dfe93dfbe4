//! `caucasus-atlas animate --from D --to D --step 1d|7d|1m|event --out F.gif`:
//! one frame per date, with a progress bar when stderr is a terminal.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use super::export::{display, include, load};
use crate::atlas::Language;
use crate::render::animation::{AnimationFormat, AnimationRequest, Step, plan, write_animation};
use crate::render::export::{self, ExportRequest, Format};
use crate::spatial::RegionBox;
use crate::time::Date;

/// The `animate` options, as parsed.
#[derive(Clone, Debug)]
pub struct AnimateArgs {
    /// First date.
    pub from: Date,
    /// Last date (included when a step lands on it).
    pub to: Date,
    /// Distance between frames.
    pub step: Step,
    /// Where to write (.gif, or .png for APNG).
    pub out: PathBuf,
    /// Frames per second.
    pub fps: f32,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The lon/lat box to show.
    pub bbox: Option<RegionBox>,
    /// Layers to draw.
    pub layers: Option<Vec<String>>,
    /// Label language.
    pub language: Language,
    /// Title in the panel.
    pub title: Option<String>,
    /// Hold event dates longer.
    pub pause_on_events: bool,
    /// The map alone.
    pub map_only: bool,
}

/// Writes the animation; returns the exit code.
pub fn run(
    args: AnimateArgs,
    data: Option<&PathBuf>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    let format = match AnimationFormat::from_path(&args.out) {
        Ok(f) => f,
        Err(e) => {
            writeln!(err, "error: {e}")?;
            return Ok(1);
        }
    };
    if let Err(e) = export::check_destination(&args.out) {
        writeln!(err, "error: {e}")?;
        return Ok(1);
    }
    let Some(data) = load(data, err)? else {
        return Ok(1);
    };
    let request = AnimationRequest {
        from: args.from,
        to: args.to,
        step: args.step,
        fps: args.fps,
        pause_on_events: args.pause_on_events,
        format,
        frame: ExportRequest {
            date: args.from,
            width: args.width,
            height: args.height,
            bbox: args.bbox,
            view: None,
            layers: args.layers,
            language: args.language,
            format: Format::Png,
            include: include(args.title, args.map_only),
            pixels_per_point: None,
        },
    };
    let total = match plan(&data.atlas, &request) {
        Ok(dates) => dates.len(),
        Err(e) => {
            writeln!(err, "error: {e}")?;
            return Ok(1);
        }
    };
    let show_bar = std::io::stderr().is_terminal();
    let cancel = AtomicBool::new(false);
    let mut bar_error = None;
    let mut progress = |done: usize, total: usize, date: Date| {
        if show_bar && bar_error.is_none() {
            bar_error = draw_bar(err, done, total, date).err();
        }
    };
    if show_bar {
        progress(0, total, args.from);
    }
    let result = write_animation(
        &data.atlas,
        &data.projected,
        &request,
        &args.out,
        &mut progress,
        &cancel,
    );
    if show_bar {
        writeln!(err)?;
    }
    match result {
        Ok(summary) => {
            writeln!(
                out,
                "wrote {} ({} frames, {}×{} pixels, {} to {})",
                display(&args.out),
                summary.dates.len(),
                summary.size.0,
                summary.size.1,
                summary.dates.first().copied().unwrap_or(args.from),
                summary.dates.last().copied().unwrap_or(args.to),
            )?;
            Ok(0)
        }
        Err(e) => {
            writeln!(err, "error: {e}")?;
            Ok(1)
        }
    }
}

/// `[#########-----------]  9/20  2020-10-11`, redrawn in place.
fn draw_bar(err: &mut dyn Write, done: usize, total: usize, date: Date) -> std::io::Result<()> {
    const WIDTH: usize = 30;
    let filled = (done * WIDTH).checked_div(total).unwrap_or(WIDTH);
    write!(
        err,
        "\r[{}{}] {done:>4}/{total}  {date}",
        "#".repeat(filled),
        "-".repeat(WIDTH - filled)
    )?;
    err.flush()
}
