//! `caucasus-atlas animate --from D --to D --step 1d|7d|1m|event --out F.gif|F.png|F.mp4`:
//! one frame per date, with a progress bar when stderr is a terminal.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use clap::Args;

use super::export::{display, load};
use super::picture::PictureArgs;
use super::{parse_date, parse_height, parse_step, parse_width};
use crate::atlas::{LINE_CHARS, printable};
use crate::render::animation::{
    AnimationFormat, AnimationRequest, Step, default_title, plan, write_animation,
};
use crate::render::export::{self, Format};
use crate::render::mp4::{find_ffmpeg, missing_ffmpeg};
use crate::time::Date;

/// The `animate` options.
#[derive(Clone, Debug, Args)]
pub struct AnimateArgs {
    /// First date, YYYY-MM-DD.
    #[arg(long, value_parser = parse_date)]
    pub from: Date,
    /// Last date; included when a step lands on it.
    #[arg(long, value_parser = parse_date)]
    pub to: Date,
    /// Distance between frames: 1d, 7d, 1m (any number of d, w or m) or event.
    #[arg(long, value_parser = parse_step)]
    pub step: Step,
    /// The file to write: .gif, .png for an animated PNG, or .mp4 (needs ffmpeg on PATH).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Frames per second (0.1 to 50).
    #[arg(long, default_value_t = 2.0)]
    pub fps: f32,
    /// Width in pixels (1 to 16384).
    #[arg(long, default_value_t = 1280, value_parser = parse_width, allow_negative_numbers = true)]
    pub width: u32,
    /// Height in pixels (1 to 16384).
    #[arg(long, default_value_t = 720, value_parser = parse_height, allow_negative_numbers = true)]
    pub height: u32,
    /// Hold the frames on which an event happened three times as long.
    #[arg(long)]
    pub pause_on_events: bool,
    /// Hold the lines of control on this date (YYYY-MM-DD) over every frame,
    /// thin and dashed, to compare with.
    #[arg(long, value_name = "D1", value_parser = parse_date)]
    pub ghost: Option<Date>,
    /// Area, layers, language and what goes around the map.
    #[command(flatten)]
    pub picture: PictureArgs,
}

/// From this many frames on, `animate` says that it will take a while (on
/// stderr, terminal or not: a script's log shows why it is slow).
pub const MANY_FRAMES: usize = 1000;

/// Sets `cancel` on SIGINT, SIGTERM and SIGHUP, and records which signal came
/// in `signal`, so the animation stops after its current frame and removes its
/// temporary file. A second signal ends the program at once.
pub(super) fn stop_on_signals(cancel: &Arc<AtomicBool>, signal: &Arc<AtomicUsize>) {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            // The first registration ends the program if the flag is set already.
            let _ = signal_hook::flag::register_conditional_shutdown(
                sig,
                128 + sig,
                Arc::clone(cancel),
            );
            let _ = signal_hook::flag::register_usize(sig, Arc::clone(signal), sig as usize);
            let _ = signal_hook::flag::register(sig, Arc::clone(cancel));
        }
    }
    #[cfg(not(unix))]
    let _ = (cancel, signal);
}

/// Writes the animation; returns the exit code.
pub fn run(
    args: AnimateArgs,
    source: &crate::data::DataSource,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    let format = match AnimationFormat::from_path(&args.out) {
        Ok(f) => f,
        Err(e) => {
            writeln!(err, "error: {}", printable(&e.to_string(), LINE_CHARS))?;
            return Ok(1);
        }
    };
    if let Err(e) = export::check_destination(&args.out) {
        writeln!(err, "error: {}", printable(&e.to_string(), LINE_CHARS))?;
        return Ok(1);
    }
    let Some(data) = load(source, err)? else {
        return Ok(1);
    };
    let mut picture = args.picture;
    if picture.title.is_none() && !picture.map_only {
        picture.title = Some(default_title(args.from, args.to));
    }
    let request = AnimationRequest {
        from: args.from,
        to: args.to,
        step: args.step,
        fps: args.fps,
        pause_on_events: args.pause_on_events,
        format,
        frame: picture.request(args.from, (args.width, args.height), Format::Png),
        ghost: args.ghost,
    };
    if format == AnimationFormat::Mp4 && find_ffmpeg().is_none() {
        let e = missing_ffmpeg(&args.out);
        writeln!(err, "error: {}", printable(&e.to_string(), LINE_CHARS))?;
        return Ok(1);
    }
    let total = match plan(&data.atlas, &request) {
        Ok(dates) => dates.len(),
        Err(e) => {
            writeln!(err, "error: {}", printable(&e.to_string(), LINE_CHARS))?;
            return Ok(1);
        }
    };
    if total >= MANY_FRAMES {
        writeln!(
            err,
            "note: {total} frames of {}×{} pixels will take a while (Ctrl-C stops and leaves no file)",
            args.width, args.height
        )?;
    }
    let show_bar = std::io::stderr().is_terminal();
    let cancel = Arc::new(AtomicBool::new(false));
    let signal = Arc::new(AtomicUsize::new(0));
    stop_on_signals(&cancel, &signal);
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
        Err(_) if signal.load(Ordering::SeqCst) != 0 => {
            let sig = signal.load(Ordering::SeqCst);
            writeln!(
                err,
                "error: stopped by signal {sig}; {} was not written",
                display(&args.out)
            )?;
            Ok(128 + sig as i32)
        }
        Err(e) => {
            writeln!(err, "error: {}", printable(&e.to_string(), LINE_CHARS))?;
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
