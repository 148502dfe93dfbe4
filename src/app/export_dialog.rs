//! The window's exports: a screenshot of exactly what the window shows, a
//! publication map (PNG/SVG) and an animation (GIF/APNG). Maps and animations
//! are rendered on a worker thread from the same Scene code as the command
//! line, so the window stays responsive; an animation can be cancelled.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{ProgressBar, Ui};

use super::AtlasData;
use super::export_job::ExportJob;
use super::file_picker::SaveDialog;
use crate::atlas::Language;
use crate::render::animation::{AnimationFormat, AnimationRequest, Step, write_animation};
use crate::render::export::{ExportRequest, Format, export_to_file};
use crate::spatial::{Projector, RegionBox};
use crate::time::Date;

/// Where files go by default: the user's pictures folder, else the home
/// folder, else the current folder.
pub fn default_folder() -> PathBuf {
    if let Some(dir) = std::env::var_os("XDG_PICTURES_DIR").map(PathBuf::from)
        && dir.is_dir()
    {
        return dir;
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from) {
        let pictures = home.join("Pictures");
        return if pictures.is_dir() { pictures } else { home };
    }
    PathBuf::from(".")
}

/// A file name with the local time, so screenshots never overwrite each other.
pub fn timestamped_name(prefix: &str, extension: &str) -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let day = Date::from_ymd(1970, 1, 1).map(|d| d.add_days((secs / 86_400) as i64));
    let t = secs % 86_400;
    format!(
        "{prefix}-{}-{:02}{:02}{:02}.{extension}",
        day.map(|d| d.to_string()).unwrap_or_default(),
        t / 3600,
        (t / 60) % 60,
        t % 60
    )
}

/// A file the user can choose a place for with the save dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveTarget {
    /// A screenshot of the window.
    Screenshot,
    /// The publication map of the "Export map" dialog.
    Map,
    /// The animation of the "Export animation" dialog.
    Animation,
}

/// The export dialogs' state.
pub struct ExportDialogs {
    /// Whether the map dialog is open.
    pub map_open: bool,
    /// Whether the animation dialog is open.
    pub animation_open: bool,
    format: Format,
    size: (u32, u32),
    current_view: bool,
    include_title: bool,
    title: String,
    legend: bool,
    caption: bool,
    scale_bar: bool,
    attribution: bool,
    sources: bool,
    map_path: String,
    from: String,
    to: String,
    step: Step,
    fps: f32,
    pause_on_events: bool,
    animation_format: AnimationFormat,
    animation_path: String,
    job: Option<Arc<ExportJob>>,
    /// The last message for the user (saved where, or what went wrong).
    pub message: Option<String>,
}

/// Size presets: (label, width, height).
const SIZES: [(&str, u32, u32); 3] = [
    ("1920 × 1080 (HD)", 1920, 1080),
    ("3840 × 2160 (4K)", 3840, 2160),
    ("A4 landscape, 300 dpi (3508 × 2480)", 3508, 2480),
];

impl Default for ExportDialogs {
    fn default() -> Self {
        ExportDialogs {
            map_open: false,
            animation_open: false,
            format: Format::Png,
            size: (1920, 1080),
            current_view: true,
            include_title: false,
            title: "The South Caucasus".to_string(),
            legend: true,
            caption: true,
            scale_bar: true,
            attribution: true,
            sources: true,
            map_path: String::new(),
            from: "2020-09-27".to_string(),
            to: "2020-11-10".to_string(),
            step: Step::Days(7),
            fps: 2.0,
            pause_on_events: true,
            animation_format: AnimationFormat::Gif,
            animation_path: String::new(),
            job: None,
            message: None,
        }
    }
}

impl ExportDialogs {
    /// Whether a worker is busy.
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    fn request(
        &self,
        date: Date,
        language: Language,
        view: Option<RegionBox>,
        hidden: &[String],
        data: &AtlasData,
    ) -> ExportRequest {
        let mut request = ExportRequest::new(date);
        request.width = self.size.0;
        request.height = self.size.1;
        request.format = self.format;
        request.language = language;
        // The current view is exported as the lon/lat box the window shows, so a
        // larger image frames the same area at a higher resolution.
        request.bbox = if self.current_view { view } else { None };
        request.layers = Some(
            data.atlas
                .layers
                .iter()
                .map(|l| l.name.clone())
                .filter(|name| !hidden.contains(name))
                .collect(),
        );
        request.include.title = self.include_title.then(|| self.title.clone());
        request.include.legend = self.legend;
        request.include.caption = self.caption;
        request.include.scale_bar = self.scale_bar;
        request.include.attribution = self.attribution;
        request.include.sources = self.sources;
        request
    }

    /// The save dialog for the map or the animation, suggesting the current path.
    pub fn save_dialog(&self, target: SaveTarget) -> SaveDialog {
        match target {
            SaveTarget::Animation => {
                let kind = match self.animation_format {
                    AnimationFormat::Gif => "GIF animation",
                    AnimationFormat::Apng => "Animated PNG",
                };
                SaveDialog::suggesting(
                    "Save animation",
                    Path::new(self.animation_path.trim()),
                    kind,
                    self.animation_format.extension(),
                )
            }
            SaveTarget::Map | SaveTarget::Screenshot => {
                let kind = match self.format {
                    Format::Png => "PNG image",
                    Format::Svg => "SVG drawing",
                };
                SaveDialog::suggesting(
                    "Save map",
                    Path::new(self.map_path.trim()),
                    kind,
                    self.format.extension(),
                )
            }
        }
    }

    /// Takes the path the user chose for the map or the animation; its
    /// extension picks the format when it names one (as on the command
    /// line), else the current format's extension is added.
    pub fn set_path(&mut self, target: SaveTarget, path: &Path) {
        match target {
            SaveTarget::Animation => {
                let path = match AnimationFormat::from_path(path) {
                    Ok(format) => {
                        self.animation_format = format;
                        path.to_path_buf()
                    }
                    Err(_) => path.with_extension(self.animation_format.extension()),
                };
                self.animation_path = path.display().to_string();
            }
            SaveTarget::Map | SaveTarget::Screenshot => {
                let path = match Format::from_path(path) {
                    Ok(format) => {
                        self.format = format;
                        path.to_path_buf()
                    }
                    Err(_) => path.with_extension(self.format.extension()),
                };
                self.map_path = path.display().to_string();
            }
        }
    }

    /// Picks up a finished job's result.
    fn poll(&mut self) {
        let finished = self.job.as_ref().and_then(|job| job.take_result());
        if let Some(result) = finished {
            self.message = Some(match result {
                Ok(path) => format!("Saved to {path}"),
                Err(e) => format!("Export failed: {e}"),
            });
            self.job = None;
        }
    }

    fn progress(&self, ui: &mut Ui) {
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
        }
    }

    fn include_controls(&mut self, ui: &mut Ui) {
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

    /// The "Save as" path field with its "Choose…" button (the save dialog).
    fn path_row(path: &mut String, can_ask: bool, ui: &mut Ui) -> bool {
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

    /// Shows the open dialogs. Returns the file the user wants to choose a
    /// place for with the save dialog (`can_ask` is false while one is open).
    #[allow(clippy::too_many_arguments)]
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        data: &AtlasData,
        date: Date,
        language: Language,
        view: Option<RegionBox>,
        hidden: &[String],
        can_ask: bool,
    ) -> Option<SaveTarget> {
        let mut wants_dialog = None;
        self.poll();
        if self.map_path.is_empty() {
            self.map_path = default_folder()
                .join(format!("caucasus-atlas-{date}.png"))
                .display()
                .to_string();
        }
        if self.animation_path.is_empty() {
            self.animation_path = default_folder()
                .join("caucasus-atlas-animation.gif")
                .display()
                .to_string();
        }
        let mut map_open = self.map_open;
        egui::Window::new("Export map")
            .open(&mut map_open)
            .default_width(420.0)
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    ui.label("Format");
                    let before = self.format;
                    ui.selectable_value(&mut self.format, Format::Png, "PNG");
                    ui.selectable_value(&mut self.format, Format::Svg, "SVG");
                    if before != self.format {
                        let ext = self.format.extension();
                        self.map_path = PathBuf::from(&self.map_path)
                            .with_extension(ext)
                            .display()
                            .to_string();
                    }
                });
                egui::ComboBox::from_label("Size")
                    .selected_text(format!("{} × {}", self.size.0, self.size.1))
                    .show_ui(ui, |ui| {
                        for (label, w, h) in SIZES {
                            ui.selectable_value(&mut self.size, (w, h), label);
                        }
                    });
                ui.horizontal(|ui| {
                    ui.label("Custom");
                    ui.add(
                        egui::DragValue::new(&mut self.size.0)
                            .range(1..=16384)
                            .suffix(" px wide"),
                    );
                    ui.add(
                        egui::DragValue::new(&mut self.size.1)
                            .range(1..=16384)
                            .suffix(" px high"),
                    );
                });
                ui.horizontal(|ui| {
                    ui.radio_value(&mut self.current_view, true, "Current view");
                    ui.radio_value(&mut self.current_view, false, "Whole region");
                });
                self.include_controls(ui);
                if Self::path_row(&mut self.map_path, can_ask, ui) {
                    wants_dialog = Some(SaveTarget::Map);
                }
                ui.label(format!(
                    "Shows {date}, the visible layers, labels in {}.",
                    language.endonym()
                ));
                if self.busy() {
                    self.progress(ui);
                } else if ui.button("Export").clicked() {
                    let request = self.request(date, language, view, hidden, data);
                    let path = PathBuf::from(self.map_path.trim());
                    let (atlas, projected) = (data.atlas.clone(), data.projected.clone());
                    self.job = Some(ExportJob::spawn(ctx, move |job| {
                        let result = export_to_file(&atlas, &projected, &request, &path)
                            .map(|()| path.display().to_string())
                            .map_err(|e| e.to_string());
                        job.progress(1, 1);
                        result
                    }));
                }
                if let Some(message) = &self.message {
                    ui.label(message);
                }
            });
        self.map_open = map_open;

        let mut animation_open = self.animation_open;
        egui::Window::new("Export animation")
            .open(&mut animation_open)
            .default_width(420.0)
            .show(ctx, |ui| {
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
                    ui.label("Frames per second");
                    ui.add(
                        egui::DragValue::new(&mut self.fps)
                            .range(0.1..=50.0)
                            .speed(0.1),
                    );
                    ui.checkbox(&mut self.pause_on_events, "Pause on event dates");
                });
                ui.horizontal(|ui| {
                    ui.label("Format");
                    let before = self.animation_format;
                    ui.selectable_value(&mut self.animation_format, AnimationFormat::Gif, "GIF");
                    ui.selectable_value(&mut self.animation_format, AnimationFormat::Apng, "APNG");
                    if before != self.animation_format {
                        self.animation_path = PathBuf::from(&self.animation_path)
                            .with_extension(self.animation_format.extension())
                            .display()
                            .to_string();
                    }
                });
                egui::ComboBox::from_label("Frame size")
                    .selected_text(format!("{} × {}", self.size.0, self.size.1))
                    .show_ui(ui, |ui| {
                        for (label, w, h) in
                            [("1280 × 720", 1280, 720), ("1920 × 1080", 1920, 1080)]
                        {
                            ui.selectable_value(&mut self.size, (w, h), label);
                        }
                    });
                self.include_controls(ui);
                if Self::path_row(&mut self.animation_path, can_ask, ui) {
                    wants_dialog = Some(SaveTarget::Animation);
                }
                if self.busy() {
                    self.progress(ui);
                } else if ui.button("Export animation").clicked() {
                    match (
                        self.from.trim().parse::<Date>(),
                        self.to.trim().parse::<Date>(),
                    ) {
                        (Ok(from), Ok(to)) => {
                            let mut request = AnimationRequest::new(from, to, self.step);
                            request.fps = self.fps;
                            request.pause_on_events = self.pause_on_events;
                            request.format = self.animation_format;
                            request.frame = self.request(from, language, view, hidden, data);
                            let path = PathBuf::from(self.animation_path.trim());
                            let (atlas, projected) = (data.atlas.clone(), data.projected.clone());
                            self.job = Some(ExportJob::spawn(ctx, move |job| {
                                let mut progress = |done: usize, total: usize, _date: Date| {
                                    job.progress(done, total)
                                };
                                write_animation(
                                    &atlas,
                                    &projected,
                                    &request,
                                    &path,
                                    &mut progress,
                                    job.cancel_flag(),
                                )
                                .map(|summary| {
                                    format!("{} ({} frames)", path.display(), summary.dates.len())
                                })
                                .map_err(|e| e.to_string())
                            }));
                        }
                        (Err(e), _) | (_, Err(e)) => self.message = Some(format!("{e}.")),
                    }
                }
                if let Some(message) = &self.message {
                    ui.label(message);
                }
            });
        self.animation_open = animation_open;
        wants_dialog
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
