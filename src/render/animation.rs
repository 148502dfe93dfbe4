//! Animations: one exported map per date over a range, as an animated GIF
//! (one palette for all frames, so colours never flicker, and each frame
//! stores only what changed) or an APNG. A progress callback and a cancel
//! flag let the window run it on a worker thread.
//!
//! Frame dates: `from`, then `from + step`, `from + 2·step`, … while they are
//! on or before `to`. The end date is included only when a step lands on it
//! (2020-09-27 … 2020-11-10 weekly gives 7 frames, the last on 2020-11-08).
//! With the `event` step the frames are `from` and every event date after it
//! up to and including `to`.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, Ordering};

use super::export::{ExportError, ExportRequest, Prepared, extension, write_atomically};
use super::raster::RgbaImage;
use crate::atlas::{Atlas, LayerKind};
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
}

impl AnimationFormat {
    /// The format named by a file's extension: `.gif` or `.png` (APNG).
    pub fn from_path(path: &Path) -> Result<AnimationFormat, ExportError> {
        match extension(path).as_deref() {
            Some("gif") => Ok(AnimationFormat::Gif),
            Some("png") | Some("apng") => Ok(AnimationFormat::Apng),
            _ => Err(ExportError(format!(
                "\"{}\" has no known extension for an animation (use .gif or .png)",
                path.display()
            ))),
        }
    }

    /// The file extension written for this format.
    pub fn extension(self) -> &'static str {
        match self {
            AnimationFormat::Gif => "gif",
            AnimationFormat::Apng => "png",
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
    /// GIF or APNG.
    pub format: AnimationFormat,
    /// Size, view, layers, language and what to draw around the map (its
    /// `date` and `format` are not used).
    pub frame: ExportRequest,
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

/// Renders the animation and writes it to `path` (atomically: on an error or
/// a cancel nothing is left behind). `progress(done, total, date)` is called
/// after each frame; setting `cancel` stops at the next frame.
pub fn write_animation(
    atlas: &Atlas,
    projected: &ProjectedAtlas,
    request: &AnimationRequest,
    path: &Path,
    progress: &mut dyn FnMut(usize, usize, Date),
    cancel: &AtomicBool,
) -> Result<AnimationSummary, ExportError> {
    let dates = plan(atlas, request)?;
    let prepared = Prepared::new(atlas, &request.frame)?;
    let size = prepared.layout.pixel_size();
    let (w, h) = size;
    let events = event_dates(atlas);
    // Frame durations in hundredths of a second; the last frame holds longer
    // so the loop visibly restarts.
    let base = (100.0 / request.fps).round().clamp(2.0, 1000.0) as u16;
    let delays: Vec<u16> = dates
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
        .collect();
    let render = |date: Date| -> Result<RgbaImage, ExportError> {
        if cancel.load(Ordering::Relaxed) {
            return Err(cancelled());
        }
        let scene = prepared.scene(atlas, projected, date);
        prepared.image(&scene)
    };
    let total = dates.len();
    write_atomically(path, |out| {
        let io = |e: std::io::Error| {
            ExportError(format!("\"{}\" cannot be written ({e})", path.display()))
        };
        match request.format {
            AnimationFormat::Gif => {
                if w > u16::MAX as u32 || h > u16::MAX as u32 {
                    return Err(ExportError(format!("a GIF cannot be {w}×{h} pixels")));
                }
                // One palette for every frame, from the first and last frames.
                let first = render(dates[0])?;
                let last = if total > 1 {
                    Some(render(dates[total - 1])?)
                } else {
                    None
                };
                let mut samples = vec![&first];
                samples.extend(last.as_ref());
                let mut palette = Palette::from_images(&samples);
                let mut encoder = gif::Encoder::new(&mut *out, w as u16, h as u16, &palette.rgb())
                    .map_err(|e| gif_error(path, e))?;
                encoder
                    .set_repeat(gif::Repeat::Infinite)
                    .map_err(|e| gif_error(path, e))?;
                let mut previous: Option<Vec<u8>> = None;
                let mut first = Some(first);
                let mut last = last;
                for (i, &date) in dates.iter().enumerate() {
                    let image = if i == 0 {
                        first.take().ok_or_else(cancelled)?
                    } else if i + 1 == total {
                        last.take().ok_or_else(cancelled)?
                    } else {
                        render(date)?
                    };
                    let indices = palette.index_image(&image);
                    let frame = delta_frame(previous.as_deref(), &indices, w, h, delays[i]);
                    encoder
                        .write_frame(&frame)
                        .map_err(|e| gif_error(path, e))?;
                    previous = Some(indices);
                    progress(i + 1, total, date);
                }
                drop(encoder);
            }
            AnimationFormat::Apng => {
                let mut encoder = png::Encoder::new(&mut *out, w, h);
                encoder.set_color(png::ColorType::Rgba);
                encoder.set_depth(png::BitDepth::Eight);
                encoder.set_compression(png::Compression::Fast);
                encoder
                    .set_animated(total as u32, 0)
                    .map_err(|e| png_error(path, e))?;
                let mut writer = encoder.write_header().map_err(|e| png_error(path, e))?;
                for (i, &date) in dates.iter().enumerate() {
                    let image = render(date)?;
                    writer
                        .set_frame_delay(delays[i], 100)
                        .map_err(|e| png_error(path, e))?;
                    writer
                        .write_image_data(&image.pixels)
                        .map_err(|e| png_error(path, e))?;
                    progress(i + 1, total, date);
                }
                writer.finish().map_err(|e| png_error(path, e))?;
            }
        }
        out.flush().map_err(io)
    })?;
    Ok(AnimationSummary { dates, size })
}

fn gif_error(path: &Path, e: gif::EncodingError) -> ExportError {
    ExportError(format!("\"{}\" cannot be written ({e})", path.display()))
}

fn png_error(path: &Path, e: png::EncodingError) -> ExportError {
    ExportError(format!("\"{}\" cannot be written ({e})", path.display()))
}

/// The palette index left free for "unchanged since the last frame".
const TRANSPARENT: u8 = 255;

/// Up to 255 colours shared by every frame, with a cache from exact colour to
/// index (the maps are mostly flat colours, so the cache nearly always hits).
struct Palette {
    colors: Vec<[u8; 3]>,
    cache: HashMap<u32, u8>,
}

impl Palette {
    /// The colours of the sample images: every colour when there are at most
    /// 255; otherwise the most common ones exactly (the flat fills), and
    /// NeuQuant's choice for the rest (anti-aliased edges and text).
    fn from_images(images: &[&RgbaImage]) -> Palette {
        let mut counts: HashMap<u32, u32> = HashMap::new();
        let mut total = 0u64;
        for image in images {
            for px in image.pixels.chunks_exact(4) {
                *counts.entry(pack(px)).or_default() += 1;
                total += 1;
            }
        }
        let mut by_count: Vec<(u32, u32)> = counts.into_iter().collect();
        by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut colors: Vec<[u8; 3]> = if by_count.len() <= 255 {
            by_count.iter().map(|&(c, _)| unpack(c)).collect()
        } else {
            // Colours covering at least 0.02 % of the pixels, at most 128 of them.
            let threshold = (total / 5000).max(1) as u32;
            let mut pinned: Vec<[u8; 3]> = by_count
                .iter()
                .take_while(|&&(_, n)| n >= threshold)
                .take(128)
                .map(|&(c, _)| unpack(c))
                .collect();
            let mut sample = Vec::new();
            for image in images {
                sample.extend_from_slice(&image.pixels);
            }
            let quant = color_quant::NeuQuant::new(10, 255 - pinned.len(), &sample);
            for c in quant.color_map_rgb().chunks_exact(3) {
                let c = [c[0], c[1], c[2]];
                if !pinned.contains(&c) && pinned.len() < 255 {
                    pinned.push(c);
                }
            }
            pinned
        };
        colors.truncate(255);
        Palette {
            colors,
            cache: HashMap::new(),
        }
    }

    /// 256 RGB triples for the GIF header (the last one is the transparent slot).
    fn rgb(&self) -> Vec<u8> {
        let mut out: Vec<u8> = self.colors.iter().flatten().copied().collect();
        out.resize(256 * 3, 0);
        out
    }

    fn nearest(&self, c: [u8; 3]) -> u8 {
        let mut best = (u32::MAX, 0u8);
        for (i, p) in self.colors.iter().enumerate() {
            let d = |a: u8, b: u8| (a as i32 - b as i32).pow(2) as u32;
            // Green weighs most for the eye.
            let dist = 2 * d(c[0], p[0]) + 4 * d(c[1], p[1]) + 3 * d(c[2], p[2]);
            if dist < best.0 {
                best = (dist, i as u8);
            }
        }
        best.1
    }

    fn index_image(&mut self, image: &RgbaImage) -> Vec<u8> {
        let mut out = Vec::with_capacity(image.pixels.len() / 4);
        let mut last = (u32::MAX, 0u8);
        for px in image.pixels.chunks_exact(4) {
            let key = pack(px);
            if key != last.0 {
                let index = match self.cache.get(&key) {
                    Some(&i) => i,
                    None => {
                        let i = self.nearest(unpack(key));
                        self.cache.insert(key, i);
                        i
                    }
                };
                last = (key, index);
            }
            out.push(last.1);
        }
        out
    }
}

fn pack(px: &[u8]) -> u32 {
    (px[0] as u32) << 16 | (px[1] as u32) << 8 | px[2] as u32
}

fn unpack(c: u32) -> [u8; 3] {
    [(c >> 16) as u8, (c >> 8) as u8, c as u8]
}

/// A GIF frame holding only the rectangle that changed since `previous`,
/// with unchanged pixels inside it transparent (they compress to almost nothing).
fn delta_frame<'a>(
    previous: Option<&[u8]>,
    indices: &[u8],
    w: u32,
    h: u32,
    delay: u16,
) -> gif::Frame<'a> {
    let (w, h) = (w as usize, h as usize);
    let Some(previous) = previous else {
        return gif::Frame {
            delay,
            width: w as u16,
            height: h as u16,
            buffer: indices.to_vec().into(),
            ..gif::Frame::default()
        };
    };
    let (mut x0, mut y0, mut x1, mut y1) = (w, h, 0, 0);
    for y in 0..h {
        let row = y * w..(y + 1) * w;
        let (a, b) = (&previous[row.clone()], &indices[row]);
        if a == b {
            continue;
        }
        let first = a.iter().zip(b).position(|(p, q)| p != q).unwrap_or(0);
        let last = a.iter().zip(b).rposition(|(p, q)| p != q).unwrap_or(0);
        x0 = x0.min(first);
        x1 = x1.max(last + 1);
        y0 = y0.min(y);
        y1 = y + 1;
    }
    if x0 >= x1 {
        // Nothing changed: a single transparent pixel keeps the timing.
        return gif::Frame {
            delay,
            width: 1,
            height: 1,
            transparent: Some(TRANSPARENT),
            buffer: vec![TRANSPARENT].into(),
            ..gif::Frame::default()
        };
    }
    let mut buffer = Vec::with_capacity((x1 - x0) * (y1 - y0));
    for y in y0..y1 {
        for x in x0..x1 {
            let i = y * w + x;
            buffer.push(if indices[i] == previous[i] {
                TRANSPARENT
            } else {
                indices[i]
            });
        }
    }
    gif::Frame {
        delay,
        left: x0 as u16,
        top: y0 as u16,
        width: (x1 - x0) as u16,
        height: (y1 - y0) as u16,
        transparent: Some(TRANSPARENT),
        buffer: buffer.into(),
        ..gif::Frame::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn an_unchanged_frame_is_one_transparent_pixel() {
        let a = vec![1u8, 2, 3, 4];
        let f = delta_frame(Some(&a), &a, 2, 2, 50);
        assert_eq!((f.width, f.height), (1, 1));
        let mut b = a.clone();
        b[3] = 9;
        let f = delta_frame(Some(&a), &b, 2, 2, 50);
        assert_eq!((f.left, f.top, f.width, f.height), (1, 1, 1, 1));
        assert_eq!(f.buffer.as_ref(), &[9]);
    }
}
