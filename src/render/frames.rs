//! Frames to a file: an animated GIF, an APNG or an MP4, written atomically.
//! The map animations (`animate`) and the story animations (`story export`)
//! both come through here.
//!
//! - GIF: the colours that carry meaning are exact palette entries
//!   ([`Reserved`]); either one palette for every frame (colours never
//!   flicker, and each frame stores only the rectangle that changed) or one
//!   palette per frame (for slides that share little).
//! - APNG: full colour; after the first frame each frame stores only the
//!   rectangle that changed, its unchanged pixels transparent and blended
//!   over the previous frame. The title, a description and the sources go
//!   into iTXt chunks (all but the title after the frames).
//! - MP4: through the system's ffmpeg ([`super::mp4`]).

use std::io::Write;
use std::path::Path;

use super::animation::AnimationFormat;
use super::export::{ExportError, write_atomically};
use super::gif_palette::{Palette, Reserved, TRANSPARENT};
use super::mp4::Mp4Writer;
use super::raster::RgbaImage;

/// How a GIF's palettes are chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GifPalettes {
    /// One palette for every frame, from the first and the last frame, and
    /// frames that store only what changed: for dates of one map.
    Shared,
    /// A palette of each frame's own: for slides that differ entirely.
    PerFrame,
}

/// How to encode an animation.
#[derive(Clone, Debug)]
pub struct Encoding {
    /// GIF, APNG or MP4.
    pub format: AnimationFormat,
    /// Width and height of every frame, in pixels.
    pub size: (u32, u32),
    /// The colours a GIF keeps exactly.
    pub reserved: Reserved,
    /// How a GIF's palettes are chosen.
    pub gif_palettes: GifPalettes,
    /// Video frames per second of an MP4 (a frame held longer is repeated).
    pub video_fps: f32,
    /// Text to embed: (keyword, text), e.g. `Title`, `Description`, `Sources`.
    pub text: Vec<(String, String)>,
}

/// Writes `delays.len()` frames to `path`: `render(i)` draws frame `i`, shown
/// for `delays[i]` hundredths of a second; `done(i)` is called once frame `i`
/// is written. On any error (a cancel returned by `render` included) nothing
/// is left behind.
pub fn write_frames(
    path: &Path,
    encoding: &Encoding,
    delays: &[u16],
    render: &mut dyn FnMut(usize) -> Result<RgbaImage, ExportError>,
    done: &mut dyn FnMut(usize),
) -> Result<(), ExportError> {
    if delays.is_empty() {
        return Err(ExportError(format!(
            "\"{}\" would have no frames",
            path.display()
        )));
    }
    let (w, h) = encoding.size;
    match encoding.format {
        AnimationFormat::Mp4 => {
            let metadata = mp4_tags(&encoding.text);
            let mut writer = Mp4Writer::start(path, (w, h), encoding.video_fps, &metadata)?;
            for (i, &delay) in delays.iter().enumerate() {
                let image = render(i)?;
                writer.push(&image, delay)?;
                done(i);
            }
            writer.finish()
        }
        AnimationFormat::Gif => {
            if w > u16::MAX as u32 || h > u16::MAX as u32 {
                return Err(ExportError(format!("a GIF cannot be {w}×{h} pixels")));
            }
            write_atomically(path, |out| {
                write_gif(out, path, encoding, delays, render, done)?;
                out.flush().map_err(|e| io_error(path, e))
            })
        }
        AnimationFormat::Apng => write_atomically(path, |out| {
            write_apng(out, path, encoding, delays, render, done)?;
            out.flush().map_err(|e| io_error(path, e))
        }),
    }
}

fn io_error(path: &Path, e: impl std::fmt::Display) -> ExportError {
    ExportError(format!("\"{}\" cannot be written ({e})", path.display()))
}

/// The text as MP4 tags (ffmpeg's names).
fn mp4_tags(text: &[(String, String)]) -> Vec<(&'static str, String)> {
    text.iter()
        .filter_map(|(k, v)| {
            let tag = match k.as_str() {
                "Title" => "title",
                "Description" => "description",
                "Sources" => "comment",
                "Copyright" => "copyright",
                _ => return None,
            };
            Some((tag, v.clone()))
        })
        .collect()
}

fn write_gif(
    out: &mut dyn Write,
    path: &Path,
    encoding: &Encoding,
    delays: &[u16],
    render: &mut dyn FnMut(usize) -> Result<RgbaImage, ExportError>,
    done: &mut dyn FnMut(usize),
) -> Result<(), ExportError> {
    let (w, h) = encoding.size;
    let total = delays.len();
    let gif_error = |e: gif::EncodingError| io_error(path, e);
    match encoding.gif_palettes {
        GifPalettes::PerFrame => {
            let mut encoder = gif::Encoder::new(out, w as u16, h as u16, &[]).map_err(gif_error)?;
            encoder
                .set_repeat(gif::Repeat::Infinite)
                .map_err(gif_error)?;
            write_gif_comment(&mut encoder, &encoding.text).map_err(gif_error)?;
            for (i, &delay) in delays.iter().enumerate() {
                let image = render(i)?;
                let mut palette = Palette::new(&encoding.reserved, &[&image]);
                let indices = palette.index_image(&image);
                let frame = gif::Frame {
                    delay,
                    width: w as u16,
                    height: h as u16,
                    palette: Some(palette.rgb()),
                    buffer: indices.into(),
                    ..gif::Frame::default()
                };
                encoder.write_frame(&frame).map_err(gif_error)?;
                done(i);
            }
        }
        GifPalettes::Shared => {
            // One palette for every frame, from the first and last frames.
            let mut first = Some(render(0)?);
            let mut last = if total > 1 {
                Some(render(total - 1)?)
            } else {
                None
            };
            let samples: Vec<&RgbaImage> = first.iter().chain(last.iter()).collect();
            let mut palette = Palette::new(&encoding.reserved, &samples);
            let mut encoder =
                gif::Encoder::new(out, w as u16, h as u16, &palette.rgb()).map_err(gif_error)?;
            encoder
                .set_repeat(gif::Repeat::Infinite)
                .map_err(gif_error)?;
            write_gif_comment(&mut encoder, &encoding.text).map_err(gif_error)?;
            let mut previous: Option<Vec<u8>> = None;
            for (i, &delay) in delays.iter().enumerate() {
                let cached = if i == 0 {
                    first.take()
                } else if i + 1 == total {
                    last.take()
                } else {
                    None
                };
                let image = match cached {
                    Some(image) => image,
                    None => render(i)?,
                };
                let indices = palette.index_image(&image);
                let frame = delta_frame(previous.as_deref(), &indices, w, h, delay);
                encoder.write_frame(&frame).map_err(gif_error)?;
                previous = Some(indices);
                done(i);
            }
        }
    }
    Ok(())
}

/// The embedded text as one GIF comment block (what `gifsicle --info` and
/// image viewers show).
fn write_gif_comment<W: Write>(
    encoder: &mut gif::Encoder<W>,
    text: &[(String, String)],
) -> Result<(), gif::EncodingError> {
    if text.is_empty() {
        return Ok(());
    }
    let comment: String = text
        .iter()
        .map(|(k, v)| format!("{k}: {v}"))
        .collect::<Vec<_>>()
        .join("\n");
    encoder.write_raw_extension(gif::AnyExtension(0xFE), &[comment.as_bytes()])
}

fn write_apng(
    out: &mut dyn Write,
    path: &Path,
    encoding: &Encoding,
    delays: &[u16],
    render: &mut dyn FnMut(usize) -> Result<RgbaImage, ExportError>,
    done: &mut dyn FnMut(usize),
) -> Result<(), ExportError> {
    let (w, h) = encoding.size;
    let png_error = |e: png::EncodingError| io_error(path, e);
    let mut encoder = png::Encoder::new(out, w, h);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Balanced);
    // Only the title goes before the frames: a large chunk there hides
    // the animation from readers that look for it in the first kilobytes
    // (ffmpeg's); the rest follows the last frame, where PNG allows it too.
    let (before, after): (Vec<_>, Vec<_>) = encoding
        .text
        .iter()
        .partition(|(keyword, _)| keyword == "Title");
    for (keyword, value) in before {
        encoder
            .add_itxt_chunk(keyword.clone(), value.clone())
            .map_err(png_error)?;
    }
    encoder
        .set_animated(delays.len() as u32, 0)
        .map_err(png_error)?;
    let mut writer = encoder.write_header().map_err(png_error)?;
    let mut previous: Option<RgbaImage> = None;
    for (i, &delay) in delays.iter().enumerate() {
        let image = render(i)?;
        if (image.width, image.height) != (w, h) {
            return Err(ExportError(format!(
                "a frame of {}×{} pixels does not fit an animation of {w}×{h}",
                image.width, image.height
            )));
        }
        let part = match &previous {
            None => Patch::whole(&image),
            Some(before) => Patch::between(before, &image),
        };
        writer.reset_frame_position().map_err(png_error)?;
        writer
            .set_frame_dimension(part.width, part.height)
            .map_err(png_error)?;
        writer
            .set_frame_position(part.x, part.y)
            .map_err(png_error)?;
        writer
            .set_blend_op(if part.over {
                png::BlendOp::Over
            } else {
                png::BlendOp::Source
            })
            .map_err(png_error)?;
        writer
            .set_dispose_op(png::DisposeOp::None)
            .map_err(png_error)?;
        writer.set_frame_delay(delay, 100).map_err(png_error)?;
        writer.write_image_data(&part.pixels).map_err(png_error)?;
        previous = Some(image);
        done(i);
    }
    for (keyword, value) in after {
        let chunk = png::text_metadata::ITXtChunk::new(keyword.clone(), value.clone());
        writer.write_text_chunk(&chunk).map_err(png_error)?;
    }
    writer.finish().map_err(png_error)
}

/// The part of a frame an APNG stores.
#[derive(Debug, PartialEq)]
struct Patch {
    x: u32,
    y: u32,
    width: u32,
    height: u32,
    /// Blended over the previous frame (its transparent pixels keep what was
    /// there) rather than replacing it.
    over: bool,
    pixels: Vec<u8>,
}

impl Patch {
    fn whole(image: &RgbaImage) -> Patch {
        Patch {
            x: 0,
            y: 0,
            width: image.width,
            height: image.height,
            over: false,
            pixels: image.pixels.clone(),
        }
    }

    /// The smallest rectangle holding every pixel that differs; inside it,
    /// unchanged pixels become transparent (they compress to almost nothing)
    /// when every changed one is opaque, so blending over gives them back.
    // The rows and pixels indexed are inside both frames: they have the same
    // width and height (checked when a frame is added).
    #[allow(clippy::indexing_slicing)]
    fn between(before: &RgbaImage, after: &RgbaImage) -> Patch {
        let (w, h) = (after.width as usize, after.height as usize);
        // Pixel offsets come from the frame's own width and height (every frame of an animation has
        // the same size, checked when it is added), so each index lies inside its buffer.
        #[allow(clippy::indexing_slicing)]
        fn row(img: &RgbaImage, y: usize) -> &[u8] {
            let w = img.width as usize;
            &img.pixels[y * w * 4..(y + 1) * w * 4]
        }
        let (mut x0, mut y0, mut x1, mut y1) = (w, h, 0, 0);
        for y in 0..h {
            let (a, b) = (row(before, y), row(after, y));
            if a == b {
                continue;
            }
            let differs = |x: &usize| a[x * 4..x * 4 + 4] != b[x * 4..x * 4 + 4];
            let first = (0..w).find(differs).unwrap_or(0);
            let last = (0..w).rev().find(differs).unwrap_or(0);
            x0 = x0.min(first);
            x1 = x1.max(last + 1);
            y0 = y0.min(y);
            y1 = y + 1;
        }
        if x0 >= x1 {
            // Nothing changed: one transparent pixel keeps the timing.
            return Patch {
                x: 0,
                y: 0,
                width: 1,
                height: 1,
                over: true,
                pixels: vec![0; 4],
            };
        }
        let mut pixels = Vec::with_capacity((x1 - x0) * (y1 - y0) * 4);
        let mut over = true;
        for y in y0..y1 {
            let (a, b) = (row(before, y), row(after, y));
            for x in x0..x1 {
                let (p, q) = (&a[x * 4..x * 4 + 4], &b[x * 4..x * 4 + 4]);
                if p == q {
                    pixels.extend_from_slice(&[0, 0, 0, 0]);
                } else {
                    over &= q[3] == 255;
                    pixels.extend_from_slice(q);
                }
            }
        }
        if !over {
            // A changed pixel is not opaque: blending would mix it with the
            // old one, so the rectangle replaces the old pixels as it is.
            pixels.clear();
            for y in y0..y1 {
                pixels.extend_from_slice(&row(after, y)[x0 * 4..x1 * 4]);
            }
        }
        Patch {
            x: x0 as u32,
            y: y0 as u32,
            width: (x1 - x0) as u32,
            height: (y1 - y0) as u32,
            over,
            pixels,
        }
    }
}

/// A GIF frame holding only the rectangle that changed since `previous`,
/// with unchanged pixels inside it transparent (they compress to almost nothing).
// Pixel offsets come from the frame's own width and height (every frame of an animation has the
// same size, checked when it is added), so each index lies inside its buffer.
#[allow(clippy::indexing_slicing)]
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
    fn an_unchanged_gif_frame_is_one_transparent_pixel() {
        let a = vec![1u8, 2, 3, 4];
        let f = delta_frame(Some(&a), &a, 2, 2, 50);
        assert_eq!((f.width, f.height), (1, 1));
        let mut b = a.clone();
        b[3] = 9;
        let f = delta_frame(Some(&a), &b, 2, 2, 50);
        assert_eq!((f.left, f.top, f.width, f.height), (1, 1, 1, 1));
        assert_eq!(f.buffer.as_ref(), &[9]);
    }

    fn image(w: u32, h: u32, f: impl Fn(u32, u32) -> [u8; 4]) -> RgbaImage {
        let mut pixels = Vec::new();
        for y in 0..h {
            for x in 0..w {
                pixels.extend_from_slice(&f(x, y));
            }
        }
        RgbaImage {
            width: w,
            height: h,
            pixels,
        }
    }

    #[test]
    fn an_apng_patch_covers_exactly_what_changed() {
        let a = image(5, 4, |_, _| [10, 20, 30, 255]);
        let b = image(5, 4, |x, y| {
            if (x, y) == (1, 1) || (x, y) == (3, 2) {
                [200, 0, 0, 255]
            } else {
                [10, 20, 30, 255]
            }
        });
        let p = Patch::between(&a, &b);
        assert_eq!((p.x, p.y, p.width, p.height, p.over), (1, 1, 3, 2, true));
        // Changed pixels at the rectangle's corners, transparent between.
        assert_eq!(&p.pixels[0..4], &[200, 0, 0, 255]);
        assert_eq!(&p.pixels[4..8], &[0, 0, 0, 0]);
        assert_eq!(&p.pixels[20..24], &[200, 0, 0, 255]);
        let same = Patch::between(&a, &a);
        assert_eq!((same.width, same.height), (1, 1));
        // A changed pixel that is not opaque makes the patch replace.
        let c = image(5, 4, |x, _| {
            if x == 4 {
                [0, 0, 0, 7]
            } else {
                [10, 20, 30, 255]
            }
        });
        let p = Patch::between(&a, &c);
        assert!(!p.over);
        assert_eq!(&p.pixels[..4], &[0, 0, 0, 7]);
    }
}
