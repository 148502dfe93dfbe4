//! Saving what the window shows as a PNG file.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::ColorImage;

/// Writes an RGBA image as PNG, first to a temporary name in the same folder,
/// then renamed, so a failed write never leaves a broken file.
pub fn write_png(image: &ColorImage, path: &Path) -> Result<(), String> {
    let [w, h] = image.size;
    let tmp: PathBuf = {
        let mut name = path
            .file_name()
            .map(|n| n.to_os_string())
            .unwrap_or_default();
        name.push(".partial");
        path.with_file_name(name)
    };
    let write = || -> Result<(), String> {
        let file = std::fs::File::create(&tmp).map_err(|e| e.to_string())?;
        let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), w as u32, h as u32);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
        writer
            .write_image_data(image.as_raw())
            .map_err(|e| e.to_string())?;
        writer.finish().map_err(|e| e.to_string())?;
        std::fs::rename(&tmp, path).map_err(|e| e.to_string())
    };
    write().map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        format!("{} could not be written ({e})", path.display())
    })
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
                Ok(()) => eprintln!("screenshot saved to {}", path.display()),
                Err(e) => eprintln!("error: screenshot {e}"),
            }
            ctx2.send_viewport_cmd(egui::ViewportCommand::Close);
            ctx2.request_repaint();
        });
    }
}
