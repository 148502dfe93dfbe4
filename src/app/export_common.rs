//! What the two export windows share: what goes around the map, the "Save as"
//! row, the worker that renders off the UI thread with its progress bar, and
//! the box of the window's current view.

use std::sync::Arc;

use egui::{ProgressBar, Ui};

use super::document::Document;
use super::export_job::{ExportJob, JobHandle};
use crate::render::export::{ExportRequest, Format};
use crate::spatial::{Projector, RegionBox};
use crate::time::Date;

/// What is drawn around the map (the export's panel and footer).
#[derive(Clone, Debug)]
pub struct Dressing {
    include_title: bool,
    title: String,
    legend: bool,
    caption: bool,
    scale_bar: bool,
    attribution: bool,
    sources: bool,
}

impl Default for Dressing {
    fn default() -> Self {
        Dressing {
            include_title: false,
            title: "The South Caucasus".to_string(),
            legend: true,
            caption: true,
            scale_bar: true,
            attribution: true,
            sources: true,
        }
    }
}

impl Dressing {
    /// The boxes for each part, and the title's text when it is on.
    pub fn controls(&mut self, ui: &mut Ui) {
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(&mut self.legend, "Legend");
            ui.checkbox(&mut self.caption, "Date caption");
            ui.checkbox(&mut self.scale_bar, "Scale bar");
            ui.checkbox(&mut self.attribution, "Attribution");
            ui.checkbox(&mut self.sources, "Sources");
            ui.checkbox(&mut self.include_title, "Title");
        });
        if self.include_title {
            let label = ui.label("Title");
            ui.text_edit_singleline(&mut self.title)
                .labelled_by(label.id);
        }
    }
}

/// The framing of an export: its size, and the window's view or the region.
#[derive(Clone, Copy, Debug)]
pub struct Framing {
    /// Width and height in pixels.
    pub size: (u32, u32),
    /// The view's lon/lat box (`None`: the whole region).
    pub view: Option<RegionBox>,
}

/// The export request for the document on `date`: its visible layers and
/// language, framed and dressed as chosen.
pub fn request_for(
    document: &Document,
    date: Date,
    format: Format,
    framing: Framing,
    dressing: &Dressing,
) -> ExportRequest {
    let mut request = ExportRequest::new(date);
    (request.width, request.height) = framing.size;
    request.format = format;
    request.language = document.language();
    request.names = document.names();
    // The current view is exported as the lon/lat box the window shows, so a
    // larger image frames the same area at a higher resolution.
    request.bbox = framing.view;
    request.layers = Some(document.visible_layers());
    request.include.title = dressing.include_title.then(|| dressing.title.clone());
    request.include.legend = dressing.legend;
    request.include.caption = dressing.caption;
    request.include.scale_bar = dressing.scale_bar;
    request.include.attribution = dressing.attribution;
    request.include.sources = dressing.sources;
    request
}

/// The "Save as" path field with its "Choose…" button; says whether the
/// button was pressed (`can_ask` is false while a save dialog is open).
pub fn path_row(path: &mut String, can_ask: bool, ui: &mut Ui) -> bool {
    let label = ui.label("Save as");
    let mut choose = false;
    ui.horizontal(|ui| {
        choose = ui
            .add_enabled(can_ask, egui::Button::new("Choose…"))
            .on_hover_text("Pick the file with the system's save dialog")
            .clicked();
        ui.add(egui::TextEdit::singleline(path).desired_width(f32::INFINITY))
            .labelled_by(label.id);
    });
    choose
}

/// An export on a worker thread and the last message about one.
#[derive(Default)]
pub struct ExportRunner {
    job: Option<Arc<ExportJob>>,
    /// The last message for the user (saved where, or what went wrong).
    pub message: Option<String>,
}

impl ExportRunner {
    /// Whether a worker is busy.
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// Starts `work` on a worker thread (see [`ExportJob::spawn`]).
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        work: impl FnOnce(&JobHandle<'_>) -> Result<String, String> + Send + 'static,
    ) {
        self.job = Some(ExportJob::spawn(ctx, work));
    }

    /// Picks up a finished job's result as the message.
    pub fn poll(&mut self) {
        let finished = self.job.as_ref().and_then(|job| job.take_result());
        if let Some(result) = finished {
            self.message = Some(match result {
                Ok(path) => format!("Saved to {path}"),
                Err(e) => format!("Export failed: {e}"),
            });
            self.job = None;
        }
    }

    /// The progress bar and Cancel while busy; `start_button` (the export
    /// button) otherwise, returning whether it was pressed. The message follows.
    pub fn controls(&self, ui: &mut Ui, start_button: &str) -> bool {
        let mut start = false;
        if let Some(job) = &self.job {
            ui.add(
                ProgressBar::new(job.fraction())
                    .show_percentage()
                    .animate(true),
            );
            if ui.button("Cancel").clicked() {
                job.cancel();
            }
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        } else {
            start = ui.button(start_button).clicked();
        }
        start
    }

    /// Shows the last message, if any.
    pub fn message(&self, ui: &mut Ui) {
        if let Some(message) = &self.message {
            ui.label(message);
        }
    }
}

/// The lon/lat box a map projector shows (the window's current view).
pub fn visible_box(projector: &Projector) -> Option<RegionBox> {
    let r = projector.viewport;
    let corners = [
        r.left_top(),
        r.right_top(),
        r.left_bottom(),
        r.right_bottom(),
        r.center_top(),
        r.center_bottom(),
    ];
    let points: Vec<(f64, f64)> = corners
        .iter()
        .filter_map(|&p| projector.screen_to_lonlat(p))
        .collect();
    if points.len() < corners.len() {
        return None;
    }
    let fold = |f: fn(f64, f64) -> f64, init: f64, pick: fn(&(f64, f64)) -> f64| {
        points.iter().map(pick).fold(init, f)
    };
    Some(RegionBox {
        min_lon: fold(f64::min, f64::INFINITY, |p| p.0),
        min_lat: fold(f64::min, f64::INFINITY, |p| p.1),
        max_lon: fold(f64::max, f64::NEG_INFINITY, |p| p.0),
        max_lat: fold(f64::max, f64::NEG_INFINITY, |p| p.1),
    })
}
