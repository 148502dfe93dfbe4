//! The "Export animation" window: a GIF, APNG or MP4 over a range of dates, one
//! frame per step, rendered on a worker thread with progress and Cancel.

use std::path::{Path, PathBuf};

use egui::Ui;

use super::document::Document;
use super::export_common::{Dressing, ExportRunner, Framing, path_row, request_for};
use super::file_picker::SaveDialog;
use super::save_paths::default_folder;
use crate::render::animation::{AnimationFormat, AnimationRequest, Step, write_animation};
use crate::render::export::Format;
use crate::spatial::RegionBox;
use crate::time::Date;

/// Frame size presets: (label, width, height).
const FRAME_SIZES: [(&str, u32, u32); 2] = [("1280 × 720", 1280, 720), ("1920 × 1080", 1920, 1080)];

/// The animation export window's settings and its worker.
pub struct AnimationExportWindow {
    /// Whether the window is open.
    pub open: bool,
    from: String,
    to: String,
    step: Step,
    fps: f32,
    pause_on_events: bool,
    /// The date whose lines of control are drawn over every frame (empty: none).
    ghost: String,
    format: AnimationFormat,
    size: (u32, u32),
    current_view: bool,
    dressing: Dressing,
    path: String,
    runner: ExportRunner,
}

impl Default for AnimationExportWindow {
    fn default() -> Self {
        AnimationExportWindow {
            open: false,
            from: "2020-09-27".to_string(),
            to: "2020-11-10".to_string(),
            step: Step::Days(7),
            fps: 2.0,
            pause_on_events: true,
            ghost: String::new(),
            format: AnimationFormat::Gif,
            size: (1920, 1080),
            current_view: true,
            dressing: Dressing::default(),
            path: String::new(),
            runner: ExportRunner::default(),
        }
    }
}

impl AnimationExportWindow {
    /// The save dialog, suggesting the current path and format.
    pub fn save_dialog(&self) -> SaveDialog {
        let kind = match self.format {
            AnimationFormat::Gif => "GIF animation",
            AnimationFormat::Apng => "Animated PNG",
            AnimationFormat::Mp4 => "MP4 video",
        };
        SaveDialog::suggesting(
            "Save animation",
            Path::new(self.path.trim()),
            kind,
            self.format.extension(),
        )
    }

    /// Takes the path the user chose; its extension picks the format when it
    /// names one (as on the command line), else the format's extension is added.
    pub fn set_path(&mut self, path: &Path) {
        let path = match AnimationFormat::from_path(path) {
            Ok(format) => {
                self.format = format;
                path.to_path_buf()
            }
            Err(_) => path.with_extension(self.format.extension()),
        };
        self.path = path.display().to_string();
    }

    /// Opens the window on `range` (the timeline's playback range), if one is set.
    pub fn open_on(&mut self, range: Option<(Date, Date)>) {
        self.open = true;
        if let Some((from, to)) = range {
            self.from = from.to_string();
            self.to = to.to_string();
        }
    }

    /// Shows a message in the window.
    pub fn note(&mut self, message: String) {
        self.runner.message = Some(message);
    }

    /// Shows the window while open. `view` is the window's current view;
    /// returns whether the user asked for the save dialog.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        document: &Document,
        view: Option<RegionBox>,
        can_ask: bool,
    ) -> bool {
        self.runner.poll();
        if self.path.is_empty() {
            self.path = default_folder()
                .join("caucasus-atlas-animation.gif")
                .display()
                .to_string();
        }
        let mut wants_dialog = false;
        let mut open = self.open;
        egui::Window::new("Export animation")
            .open(&mut open)
            .default_width(420.0)
            .show(ctx, |ui| {
                self.range_rows(ui);
                self.format_row(ui);
                egui::ComboBox::from_label("Frame size")
                    .selected_text(format!("{} × {}", self.size.0, self.size.1))
                    .show_ui(ui, |ui| {
                        for (label, w, h) in FRAME_SIZES {
                            ui.selectable_value(&mut self.size, (w, h), label);
                        }
                    });
                ui.horizontal(|ui| {
                    ui.radio_value(&mut self.current_view, true, "Current view");
                    ui.radio_value(&mut self.current_view, false, "Whole region");
                });
                self.dressing.controls(ui);
                wants_dialog = path_row(&mut self.path, can_ask, ui);
                if self.runner.controls(ui, "Export animation") {
                    self.start(ctx, document, view);
                }
                self.runner.message(ui);
            });
        self.open = open;
        wants_dialog
    }

    /// The dates, the step, the frame rate and the pause on events.
    fn range_rows(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            let from = ui.label("From");
            ui.add(egui::TextEdit::singleline(&mut self.from).desired_width(90.0))
                .labelled_by(from.id);
            let to = ui.label("to");
            ui.add(egui::TextEdit::singleline(&mut self.to).desired_width(90.0))
                .labelled_by(to.id);
        });
        ui.horizontal(|ui| {
            ui.label("Step");
            ui.selectable_value(&mut self.step, Step::Days(1), "day");
            ui.selectable_value(&mut self.step, Step::Days(7), "week");
            ui.selectable_value(&mut self.step, Step::Months(1), "month");
            ui.selectable_value(&mut self.step, Step::Events, "event to event");
        });
        ui.horizontal(|ui| {
            let label = ui.label("Frames per second");
            ui.add(
                egui::DragValue::new(&mut self.fps)
                    .range(0.1..=50.0)
                    .speed(0.1),
            )
            .labelled_by(label.id);
            ui.checkbox(&mut self.pause_on_events, "Pause on event dates");
        });
        ui.horizontal(|ui| {
            let label = ui
                .label("Ghost of")
                .on_hover_text("Draw the lines of control on this date over every frame, dashed");
            ui.add(
                egui::TextEdit::singleline(&mut self.ghost)
                    .desired_width(90.0)
                    .hint_text("YYYY-MM-DD"),
            )
            .labelled_by(label.id);
        });
    }

    /// GIF or APNG; switching changes the path's extension.
    fn format_row(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.label("Format");
            let before = self.format;
            ui.selectable_value(&mut self.format, AnimationFormat::Gif, "GIF");
            ui.selectable_value(&mut self.format, AnimationFormat::Apng, "APNG");
            ui.selectable_value(&mut self.format, AnimationFormat::Mp4, "MP4")
                .on_hover_text("Needs ffmpeg on PATH");
            if before != self.format {
                self.path = PathBuf::from(&self.path)
                    .with_extension(self.format.extension())
                    .display()
                    .to_string();
            }
        });
    }

    /// Checks the dates, then renders and writes the frames on a worker thread.
    fn start(&mut self, ctx: &egui::Context, document: &Document, view: Option<RegionBox>) {
        let (from, to) = match (
            self.from.trim().parse::<Date>(),
            self.to.trim().parse::<Date>(),
        ) {
            (Ok(from), Ok(to)) => (from, to),
            (Err(e), _) | (_, Err(e)) => {
                self.runner.message = Some(format!("{e}."));
                return;
            }
        };
        let ghost = match self.ghost.trim() {
            "" => None,
            text => match text.parse::<Date>() {
                Ok(d) => Some(d),
                Err(e) => {
                    self.runner.message = Some(format!("Ghost: {e}."));
                    return;
                }
            },
        };
        let framing = Framing {
            size: self.size,
            view: if self.current_view { view } else { None },
        };
        let mut request = AnimationRequest::new(from, to, self.step);
        request.fps = self.fps;
        request.pause_on_events = self.pause_on_events;
        request.format = self.format;
        request.ghost = ghost;
        request.frame = request_for(document, from, Format::Png, framing, &self.dressing);
        let path = PathBuf::from(self.path.trim());
        let (atlas, projected) = (
            document.data().atlas.clone(),
            document.data().projected.clone(),
        );
        self.runner.start(ctx, move |job| {
            let mut progress = |done: usize, total: usize, _date: Date| job.progress(done, total);
            write_animation(
                &atlas,
                &projected,
                &request,
                &path,
                &mut progress,
                job.cancel_flag(),
            )
            .map(|summary| format!("{} ({} frames)", path.display(), summary.dates.len()))
            .map_err(|e| e.to_string())
        });
    }
}
