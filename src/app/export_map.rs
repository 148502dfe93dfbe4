//! The "Export map" window: a publication map (PNG or SVG) of the date shown,
//! rendered on a worker thread from the same Scene code as `caucasus-atlas
//! export`, so the window stays responsive.

use std::path::{Path, PathBuf};

use egui::Ui;

use super::document::Document;
use super::export_common::{Dressing, ExportRunner, Framing, path_row, request_for};
use super::file_picker::SaveDialog;
use super::save_paths::default_folder;
use crate::render::export::{Format, export_to_file};
use crate::spatial::RegionBox;

/// Size presets: (label, width, height).
const SIZES: [(&str, u32, u32); 3] = [
    ("1920 × 1080 (HD)", 1920, 1080),
    ("3840 × 2160 (4K)", 3840, 2160),
    ("A4 landscape, 300 dpi (3508 × 2480)", 3508, 2480),
];

/// The map export window's settings and its worker.
pub struct MapExportWindow {
    /// Whether the window is open.
    pub open: bool,
    format: Format,
    size: (u32, u32),
    current_view: bool,
    dressing: Dressing,
    path: String,
    runner: ExportRunner,
    /// Compare mode's earlier date while compare mode is on (the export then
    /// draws what changed hands since, with its table).
    pub compare_from: Option<crate::time::Date>,
}

impl Default for MapExportWindow {
    fn default() -> Self {
        MapExportWindow {
            open: false,
            format: Format::Png,
            size: (1920, 1080),
            current_view: true,
            dressing: Dressing::default(),
            path: String::new(),
            runner: ExportRunner::default(),
            compare_from: None,
        }
    }
}

impl MapExportWindow {
    /// The save dialog, suggesting the current path and format.
    pub fn save_dialog(&self) -> SaveDialog {
        let kind = match self.format {
            Format::Png => "PNG image",
            Format::Svg => "SVG drawing",
        };
        SaveDialog::suggesting(
            "Save map",
            Path::new(self.path.trim()),
            kind,
            self.format.extension(),
        )
    }

    /// Takes the path the user chose; its extension picks the format when it
    /// names one (as on the command line), else the format's extension is added.
    pub fn set_path(&mut self, path: &Path) {
        let path = match Format::from_path(path) {
            Ok(format) => {
                self.format = format;
                path.to_path_buf()
            }
            Err(_) => path.with_extension(self.format.extension()),
        };
        self.path = path.display().to_string();
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
                .join(format!("caucasus-atlas-{}.png", document.date()))
                .display()
                .to_string();
        }
        let mut wants_dialog = false;
        let mut open = self.open;
        egui::Window::new("Export map")
            .open(&mut open)
            .default_width(420.0)
            .show(ctx, |ui| {
                self.format_row(ui);
                self.size_rows(ui);
                ui.horizontal(|ui| {
                    ui.radio_value(&mut self.current_view, true, "Current view");
                    ui.radio_value(&mut self.current_view, false, "Whole region");
                });
                self.dressing.controls(ui);
                wants_dialog = path_row(&mut self.path, can_ask, ui);
                ui.label(format!(
                    "Shows {}, the visible layers, labels in {}.",
                    document.date(),
                    document.language().endonym()
                ));
                if let Some(from) = self.compare_from {
                    ui.label(format!(
                        "Compare mode: what changed hands since {from}, with its table."
                    ));
                }
                if self.runner.controls(ui, "Export") {
                    self.start(ctx, document, view);
                }
                self.runner.message(ui);
            });
        self.open = open;
        wants_dialog
    }

    /// PNG or SVG; switching changes the path's extension.
    fn format_row(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.label("Format");
            let before = self.format;
            ui.selectable_value(&mut self.format, Format::Png, "PNG");
            ui.selectable_value(&mut self.format, Format::Svg, "SVG");
            if before != self.format {
                self.path = PathBuf::from(&self.path)
                    .with_extension(self.format.extension())
                    .display()
                    .to_string();
            }
        });
    }

    /// The size presets and a custom size.
    fn size_rows(&mut self, ui: &mut Ui) {
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
    }

    /// Renders and writes the map on a worker thread.
    fn start(&mut self, ctx: &egui::Context, document: &Document, view: Option<RegionBox>) {
        let framing = Framing {
            size: self.size,
            view: if self.current_view { view } else { None },
        };
        let mut request = request_for(
            document,
            document.date(),
            self.format,
            framing,
            &self.dressing,
        );
        request.compare_from = self.compare_from;
        let path = PathBuf::from(self.path.trim());
        let (atlas, projected) = (
            document.data().atlas.clone(),
            document.data().projected.clone(),
        );
        self.runner.start(ctx, move |job| {
            let result = export_to_file(&atlas, &projected, &request, &path)
                .map(|()| path.display().to_string())
                .map_err(|e| e.to_string());
            job.progress(1, 1);
            result
        });
    }
}
