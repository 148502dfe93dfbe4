//! Animations: one exported map per date over a range, as an animated GIF
//! (one palette for all frames with every style colour exact, so colours
//! never flicker or merge, and each frame stores only what changed), an APNG
//! (full colour, each frame only what changed, with the sources in its
//! metadata) or an MP4 through ffmpeg (see [`super::frames`]). A progress
//! callback and a cancel flag let the window run it on a worker thread.
//!
//! Frame dates: `from`, then `from + step`, `from + 2·step`, … while they are
//! on or before `to`. The end date is included only when a step lands on it
//! (2020-09-27 … 2020-11-10 weekly gives 7 frames, the last on 2020-11-08).
//! With the `event` step the frames are `from` and every event date after it
//! up to and including `to`.

use std::collections::HashSet;
use std::path::Path;
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, Ordering};

use super::export::{ExportError, ExportRequest, Prepared, extension};
use super::frames::{Encoding, GifPalettes, write_frames};
use super::gif_palette::Reserved;
use super::mp4::{find_ffmpeg, missing_ffmpeg};
use super::svg::ATTRIBUTION;
use crate::atlas::{Atlas, LayerKind};
use crate::scene::Credit;
use crate::scene::credits::rank;
use crate::scene::ghost::{Ghost, control_ghost};
use crate::scene::{Scene, caption};
use crate::spatial::ProjectedAtlas;
use crate::time::Date;

/// The most frames one animation may have.
pub const MAX_FRAMES: usize = 5000;

/// How far apart the frames are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Every `n` days.
    Days(u32),
    /// Every `n` months (the day clamped to the month's end).
    Months(u32),
    /// From one event date to the next.
    Events,
}

impl FromStr for Step {
    type Err = ExportError;
    /// `1d`, `7d`, `2w`, `1m`, `event`.
    fn from_str(text: &str) -> Result<Step, ExportError> {
        let bad = || {
            ExportError(format!(
                "\"{text}\" is not a step (use 1d, 7d, 1m or event)"
            ))
        };
        let t = text.trim().to_ascii_lowercase();
        if t == "event" || t == "events" {
            return Ok(Step::Events);
        }
        // The unit is the last character, whatever its width in bytes.
        let Some(unit) = t.chars().next_back() else {
            return Err(bad());
        };
        let digits = t.strip_suffix(unit).unwrap_or_default();
        let n: u32 = digits.parse().map_err(|_| bad())?;
        if n == 0 || n > 10_000 {
            return Err(bad());
        }
        match unit {
            'd' => Ok(Step::Days(n)),
            'w' => Ok(Step::Days(n * 7)),
            'm' => Ok(Step::Months(n)),
            _ => Err(bad()),
        }
    }
}

/// The dates of the frames (see the module documentation).
pub fn frame_dates(atlas: &Atlas, from: Date, to: Date, step: Step) -> Vec<Date> {
    let mut dates = Vec::new();
    if to < from {
        return dates;
    }
    match step {
        Step::Days(n) => {
            let mut d = from;
            while d <= to && dates.len() <= MAX_FRAMES {
                dates.push(d);
                d = d.add_days(n as i64);
            }
        }
        Step::Months(n) => {
            // Always count from `from`, so 31 January stays the month's last day.
            let mut k = 0;
            loop {
                let d = from.add_months((k * n) as i32);
                if d > to || dates.len() > MAX_FRAMES {
                    break;
                }
                dates.push(d);
                k += 1;
            }
        }
        Step::Events => {
            dates.push(from);
            if let Some(layer) = atlas.layer(&LayerKind::Events) {
                let mut events: Vec<Date> = layer
                    .features
                    .iter()
                    .filter_map(|f| f.lifespan.from)
                    .filter(|d| *d > from && *d <= to)
                    .collect();
                events.sort();
                events.dedup();
                dates.extend(events);
            }
        }
    }
    dates
}

/// The dates on which an event starts (for pausing on them).
fn event_dates(atlas: &Atlas) -> Vec<Date> {
    let mut dates: Vec<Date> = atlas
        .layer(&LayerKind::Events)
        .map(|l| l.features.iter().filter_map(|f| f.lifespan.from).collect())
        .unwrap_or_default();
    dates.sort();
    dates.dedup();
    dates
}

/// The container of an animation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnimationFormat {
    /// Animated GIF (256 colours).
    Gif,
    /// Animated PNG (full colour, larger).
    Apng,
    /// H.264 video in MP4, through the system's ffmpeg.
    Mp4,
}

impl AnimationFormat {
    /// The format named by a file's extension: `.gif`, `.png` (APNG) or `.mp4`.
    pub fn from_path(path: &Path) -> Result<AnimationFormat, ExportError> {
        match extension(path).as_deref() {
            Some("gif") => Ok(AnimationFormat::Gif),
            Some("png") | Some("apng") => Ok(AnimationFormat::Apng),
            Some("mp4") => Ok(AnimationFormat::Mp4),
            _ => Err(ExportError(format!(
                "\"{}\" has no known extension for an animation (use .gif, .png or .mp4)",
                path.display()
            ))),
        }
    }

    /// The file extension written for this format.
    pub fn extension(self) -> &'static str {
        match self {
            AnimationFormat::Gif => "gif",
            AnimationFormat::Apng => "png",
            AnimationFormat::Mp4 => "mp4",
        }
    }
}

/// Everything that defines an animation.
#[derive(Clone, Debug, PartialEq)]
pub struct AnimationRequest {
    /// First date.
    pub from: Date,
    /// Last date (included when a step lands on it).
    pub to: Date,
    /// Distance between frames.
    pub step: Step,
    /// Frames per second, 0.1 to 50.
    pub fps: f32,
    /// Hold frames on which an event happened three times as long.
    pub pause_on_events: bool,
    /// GIF, APNG or MP4.
    pub format: AnimationFormat,
    /// Size, view, layers, language and what to draw around the map (its
    /// `date` and `format` are not used).
    pub frame: ExportRequest,
    /// Draw the lines of control on this date over every frame.
    pub ghost: Option<Date>,
}

impl AnimationRequest {
    /// The command line's defaults: 1280×720 GIF at 2 frames per second.
    pub fn new(from: Date, to: Date, step: Step) -> AnimationRequest {
        let mut frame = ExportRequest::new(from);
        frame.width = 1280;
        frame.height = 720;
        AnimationRequest {
            from,
            to,
            step,
            fps: 2.0,
            pause_on_events: false,
            format: AnimationFormat::Gif,
            frame,
            ghost: None,
        }
    }
}

/// What an animation wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct AnimationSummary {
    /// The frames' dates.
    pub dates: Vec<Date>,
    /// Width and height in pixels.
    pub size: (u32, u32),
}

/// Checks the request and lists its frames.
pub fn plan(atlas: &Atlas, request: &AnimationRequest) -> Result<Vec<Date>, ExportError> {
    if request.to < request.from {
        return Err(ExportError(format!(
            "the end date {} is before the start date {}",
            request.to, request.from
        )));
    }
    if !(request.fps.is_finite() && (0.1..=50.0).contains(&request.fps)) {
        return Err(ExportError(format!(
            "{} frames per second is out of range (0.1 to 50)",
            request.fps
        )));
    }
    let dates = frame_dates(atlas, request.from, request.to, request.step);
    if dates.len() > MAX_FRAMES {
        return Err(ExportError(format!(
            "{} to {} makes more than {MAX_FRAMES} frames; choose a longer step",
            request.from, request.to
        )));
    }
    Ok(dates)
}

fn cancelled() -> ExportError {
    ExportError("the export was cancelled".to_string())
}

/// The frames' durations in hundredths of a second; the last frame (and,
/// when asked, a frame on which an event happened) holds three times as long,
/// so the loop visibly restarts.
// Frame numbers run over 0..dates.len(): `write_frames` asks for one frame per delay, and there is
// one delay per date.
#[allow(clippy::indexing_slicing)]
fn frame_delays(atlas: &Atlas, request: &AnimationRequest, dates: &[Date]) -> Vec<u16> {
    let events = event_dates(atlas);
    let base = (100.0 / request.fps).round().clamp(2.0, 1000.0) as u16;
    dates
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let previous = if i == 0 { None } else { Some(dates[i - 1]) };
            let event = request.pause_on_events
                && events
                    .iter()
                    .any(|&e| e <= d && previous.is_none_or(|p| e > p));
            let hold = i + 1 == dates.len() || event;
            if hold { base.saturating_mul(3) } else { base }
        })
        .collect()
}

/// What every frame of an animation shows, gathered from their Scenes before
/// any is drawn: the colours to keep exact and the text to embed.
struct Survey {
    reserved: Reserved,
    legend: Vec<String>,
    sources: Vec<String>,
    /// The sources of every frame, ranked: one credit line for the whole
    /// animation, so that it does not change (and cost a changed rectangle)
    /// from frame to frame.
    credits: Vec<Credit>,
}

impl Survey {
    fn new() -> Survey {
        Survey {
            reserved: Reserved::style(),
            legend: Vec::new(),
            sources: Vec::new(),
            credits: Vec::new(),
        }
    }

    fn add(&mut self, scene: &Scene, seen: &mut HashSet<String>) {
        self.reserved.add_scene(scene);
        for entry in &scene.legend {
            if seen.insert(format!("legend {}", entry.text)) {
                self.legend.push(entry.text.clone());
            }
        }
        for credit in &scene.credits {
            if seen.insert(format!("source {}", credit.full())) {
                self.sources.push(credit.full());
                self.credits.push(credit.clone());
            }
        }
    }
}

/// The one credit list of an animation: the sources of every frame's Scene,
/// each once, ranked. Every frame shows it, so the credit line stays put
/// instead of changing (and costing a changed rectangle) from frame to frame.
pub fn animation_credits<'s>(scenes: impl IntoIterator<Item = &'s Scene>) -> Vec<Credit> {
    let mut survey = Survey::new();
    let mut seen = HashSet::new();
    for scene in scenes {
        survey.add(scene, &mut seen);
    }
    rank(&mut survey.credits);
    survey.credits
}

/// The title of an animation's frames when none is given (the command
/// line's default): the atlas and the range of dates; each frame's own date
/// is under it.
pub fn default_title(from: Date, to: Date) -> String {
    if from == to {
        return format!("Caucasus Atlas: {}", caption(from));
    }
    format!("Caucasus Atlas: {} to {}", caption(from), caption(to))
}

/// A description of an animation a screen reader can read: what it shows,
/// over which dates, what its legend explains.
pub fn describe_animation(
    dates: &[Date],
    step: Step,
    legend: &[String],
    ghost: Option<Date>,
) -> String {
    let (Some(first), Some(last)) = (dates.first(), dates.last()) else {
        return String::new();
    };
    let every = match step {
        Step::Days(1) => "one a day".to_string(),
        Step::Days(7) => "one a week".to_string(),
        Step::Days(n) => format!("one every {n} days"),
        Step::Months(1) => "one a month".to_string(),
        Step::Months(n) => format!("one every {n} months"),
        Step::Events => "one on each event date".to_string(),
    };
    let mut text = format!(
        "Animated map of the South Caucasus from {} to {}, {} frames ({every}). \
         Each frame shows who held the ground on its date, with the date, a legend and a scale bar beside the map.",
        caption(*first),
        caption(*last),
        dates.len()
    );
    if let Some(d) = ghost {
        text.push_str(&format!(
            " Dashed lines show the lines of control on {} for comparison.",
            caption(d)
        ));
    }
    if !legend.is_empty() {
        text.push_str(&format!(" Legend: {}.", legend.join("; ")));
    }
    text
}

/// The Scene of one frame: the map on `date`, with the ghost if there is one.
fn frame_scene(
    prepared: &Prepared,
    atlas: &Atlas,
    projected: &ProjectedAtlas,
    date: Date,
    ghost: Option<&Ghost>,
) -> Scene {
    let mut scene = prepared.scene(atlas, projected, date);
    if let Some(ghost) = ghost {
        scene.legend.push(ghost.legend_entry());
        scene.ghost = Some(ghost.clone());
    }
    scene
}

/// Renders the animation and writes it to `path` (atomically: on an error or
/// a cancel nothing is left behind). `progress(done, total, date)` is called
/// after each frame; setting `cancel` stops at the next frame.
// Frame numbers run over 0..dates.len(): `write_frames` asks for one frame per delay, and there is
// one delay per date.
#[allow(clippy::indexing_slicing)]
pub fn write_animation(
    atlas: &Atlas,
    projected: &ProjectedAtlas,
    request: &AnimationRequest,
    path: &Path,
    progress: &mut dyn FnMut(usize, usize, Date),
    cancel: &AtomicBool,
) -> Result<AnimationSummary, ExportError> {
    let dates = plan(atlas, request)?;
    if request.format == AnimationFormat::Mp4 && find_ffmpeg().is_none() {
        return Err(missing_ffmpeg(path));
    }
    let prepared = Prepared::new(atlas, &request.frame)?;
    let size = prepared.layout.pixel_size();
    let delays = frame_delays(atlas, request, &dates);
    let ghost = request.ghost.map(|d| control_ghost(atlas, projected, d));
    // Building a Scene is cheap next to drawing it: survey them all first.
    let mut survey = Survey::new();
    let mut seen = HashSet::new();
    for &date in &dates {
        if cancel.load(Ordering::Relaxed) {
            return Err(cancelled());
        }
        let scene = frame_scene(&prepared, atlas, projected, date, ghost.as_ref());
        survey.add(&scene, &mut seen);
    }
    rank(&mut survey.credits);
    let title = match &request.frame.include.title {
        Some(t) => t.clone(),
        None => default_title(request.from, request.to),
    };
    let mut text = vec![
        ("Title".to_string(), title),
        (
            "Description".to_string(),
            describe_animation(&dates, request.step, &survey.legend, request.ghost),
        ),
        ("Copyright".to_string(), ATTRIBUTION.to_string()),
    ];
    if !survey.sources.is_empty() {
        text.push(("Sources".to_string(), survey.sources.join("\n")));
    }
    let encoding = Encoding {
        format: request.format,
        size,
        reserved: survey.reserved,
        gif_palettes: GifPalettes::Shared,
        video_fps: request.fps,
        text,
    };
    let total = dates.len();
    let mut render = |i: usize| {
        if cancel.load(Ordering::Relaxed) {
            return Err(cancelled());
        }
        let mut scene = frame_scene(&prepared, atlas, projected, dates[i], ghost.as_ref());
        scene.credits.clone_from(&survey.credits);
        prepared.image(&scene)
    };
    let mut done = |i: usize| progress(i + 1, total, dates[i]);
    write_frames(path, &encoding, &delays, &mut render, &mut done)?;
    Ok(AnimationSummary { dates, size })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_title_names_the_range_once() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(
            default_title(d("2020-09-27"), d("2020-11-10")),
            "Caucasus Atlas: 27 September 2020 to 10 November 2020"
        );
        assert_eq!(
            default_title(d("2020-12-01"), d("2020-12-01")),
            "Caucasus Atlas: 1 December 2020"
        );
    }

    #[test]
    fn steps_parse() {
        assert_eq!("1d".parse::<Step>(), Ok(Step::Days(1)));
        assert_eq!("7d".parse::<Step>(), Ok(Step::Days(7)));
        assert_eq!("2w".parse::<Step>(), Ok(Step::Days(14)));
        assert_eq!("1m".parse::<Step>(), Ok(Step::Months(1)));
        assert_eq!("event".parse::<Step>(), Ok(Step::Events));
        for bad in ["0d", "d", "1y", "", "-1d", "1é", "é", "1d́", "١d", "1\u{0}"] {
            assert!(bad.parse::<Step>().is_err(), "{bad}");
        }
    }

    #[test]
    fn weekly_frames_stop_at_the_last_step_not_after_the_end() {
        let atlas = Atlas::default();
        let d = |s: &str| s.parse::<Date>().unwrap();
        let dates = frame_dates(&atlas, d("2020-09-27"), d("2020-11-10"), Step::Days(7));
        assert_eq!(dates.len(), 7);
        assert_eq!(dates[6], d("2020-11-08"));
        let monthly = frame_dates(&atlas, d("2020-01-31"), d("2020-04-30"), Step::Months(1));
        let texts: Vec<String> = monthly.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            texts,
            ["2020-01-31", "2020-02-29", "2020-03-31", "2020-04-30"]
        );
    }
}
