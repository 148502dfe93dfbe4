//! Saving what the window shows as a PNG file.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};

use egui::ColorImage;

use crate::render::export::write_file;
use crate::render::raster::{RgbaImage, encode_png};

/// Writes the window's pixels as PNG, atomically like every export (a failed
/// write never leaves a broken file), with the bundled PNG encoder.
pub fn write_png(image: &ColorImage, path: &Path) -> Result<(), String> {
    let [w, h] = image.size;
    let pixels = RgbaImage {
        width: w as u32,
        height: h as u32,
        pixels: image.as_raw().to_vec(),
    };
    let bytes = encode_png(
        &pixels,
        &[("Software".to_string(), "Caucasus Atlas".to_string())],
    )?;
    write_file(path, &bytes).map_err(|e| e.to_string())
}

/// What became of the `--screenshot` request: not yet saved, saved, failed.
static OUTCOME: AtomicU8 = AtomicU8::new(0);
const SAVED: u8 = 1;
const FAILED: u8 = 2;

/// Whether the `--screenshot` file was written (for the exit code: a window
/// closed before the shot, or a shot that could not be saved, is a failure).
pub fn screenshot_saved() -> bool {
    OUTCOME.load(Ordering::SeqCst) == SAVED
}

/// Whether saving the `--screenshot` file failed (its error is printed already).
pub fn screenshot_failed() -> bool {
    OUTCOME.load(Ordering::SeqCst) == FAILED
}

/// A pending "save a screenshot then quit" request (used by `--screenshot`).
#[derive(Debug)]
pub struct ScreenshotThenQuit {
    /// Where to save.
    pub path: PathBuf,
    /// Frames drawn so far; the shot is taken once the map has settled.
    pub frames: u32,
    /// Whether the request was sent.
    pub requested: bool,
}

impl ScreenshotThenQuit {
    /// Counts a frame and, on the fifth, asks for the screenshot; the callback
    /// saves it and closes the window.
    pub fn on_frame(&mut self, ctx: &egui::Context) {
        self.frames += 1;
        ctx.request_repaint();
        if self.requested || self.frames < 5 {
            return;
        }
        self.requested = true;
        let path = self.path.clone();
        let ctx2 = ctx.clone();
        ctx.request_screenshot(move |image: Arc<ColorImage>| {
            match write_png(&image, &path) {
                Ok(()) => {
                    OUTCOME.store(SAVED, Ordering::SeqCst);
                    eprintln!("screenshot saved to {}", path.display());
                }
                Err(e) => {
                    OUTCOME.store(FAILED, Ordering::SeqCst);
                    eprintln!("error: screenshot {e}");
                }
            }
            ctx2.send_viewport_cmd(egui::ViewportCommand::Close);
            ctx2.request_repaint();
        });
    }
}
