//! The "Export map" window: a publication map (PNG, SVG or PDF) of the date shown,
//! rendered on a worker thread from the same Scene code as `caucasus-atlas
//! export`, so the window stays responsive.

use std::path::{Path, PathBuf};

use egui::Ui;

use super::document::Document;
use super::export_common::{Dressing, ExportRunner, Framing, path_row, request_for};
use super::file_picker::SaveDialog;
use super::save_paths::default_folder;
use crate::render::citation::{cite, write_citation_files};
use crate::render::export::{ExportRequest, Format, export_to_file};
use crate::render::paper::{Orientation, Paper, PaperPage};
use crate::render::preset::Preset;
use crate::scene::alt_text::alt_text;
use crate::scene::theme::Theme;
use crate::scene::{SceneOptions, build_scene};

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
    /// The sheet to print on (`None`: a page of `size` pixels).
    paper: Option<PaperPage>,
    /// The export's colours.
    theme: Theme,
    current_view: bool,
    dressing: Dressing,
    /// Whether the citation files are written beside the image (`export --cite`).
    cite: bool,
    path: String,
    runner: ExportRunner,
    /// The alt text of the map to export, with the scene options it was made
    /// for (made again only when they change, and only while it is shown).
    alt_text: Option<(SceneOptions, String)>,
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
            paper: None,
            theme: Theme::Light,
            current_view: true,
            dressing: Dressing::default(),
            cite: false,
            path: String::new(),
            runner: ExportRunner::default(),
            alt_text: None,
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
            Format::Pdf => "PDF document",
            Format::Jpeg => "JPEG image",
            Format::Webp => "WebP image",
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

    /// Shows the window while open. `extent` is the part of the map the
    /// window shows (map km); returns whether the user asked for the save dialog.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        document: &Document,
        extent: Option<geo::Rect<f64>>,
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
                self.citation_row(ctx, ui, document, extent);
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
                    self.start(ctx, document, extent);
                }
                self.runner.message(ui);
                egui::CollapsingHeader::new("Alt text")
                    .id_salt("export alt text")
                    .show(ui, |ui| self.alt_text_box(ui, document, extent));
            });
        self.open = open;
        wants_dialog
    }

    /// PNG, SVG or PDF; switching changes the path's extension.
    fn format_row(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.label("Format");
            let before = self.format;
            for format in Format::ALL {
                ui.selectable_value(&mut self.format, format, format.label());
            }
            if before != self.format {
                self.path = PathBuf::from(&self.path)
                    .with_extension(self.format.extension())
                    .display()
                    .to_string();
            }
        });
    }

    /// The description a screen reader reads (also written into the file),
    /// selectable, with a button that copies it.
    fn alt_text_box(&mut self, ui: &mut Ui, document: &Document, extent: Option<geo::Rect<f64>>) {
        let options = document.scene_options(if self.current_view { extent } else { None });
        if self.alt_text.as_ref().map(|(o, _)| o) != Some(&options) {
            let data = document.data();
            let scene = build_scene(&data.atlas, &data.projected, &options);
            self.alt_text = Some((options, alt_text(&scene)));
        }
        let Some((_, text)) = &self.alt_text else {
            return;
        };
        let mut shown = text.as_str();
        ui.add(
            egui::TextEdit::multiline(&mut shown)
                .desired_width(f32::INFINITY)
                .desired_rows(4),
        )
        .on_hover_text("Written into the file too: PNG Description, SVG <desc>, PDF Subject");
        if ui.button("Copy alt text").clicked() {
            ui.ctx().copy_text(text.clone());
        }
    }

    /// The paper (or none: a page of pixels) and which way up it is.
    fn paper_rows(&mut self, ui: &mut Ui) {
        let label = |p: &Option<PaperPage>| match p {
            Some(page) => page.paper.label(),
            None => "None (a size in pixels)",
        };
        egui::ComboBox::from_label("Paper")
            .selected_text(label(&self.paper))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.paper, None, label(&None));
                let orientation = self.paper.map_or(Orientation::Landscape, |p| p.orientation);
                for paper in Paper::ALL {
                    let page = PaperPage {
                        paper,
                        orientation,
                        margin_mm: PaperPage::DEFAULT_MARGIN_MM,
                    };
                    let selected = self.paper.is_some_and(|p| p.paper == paper);
                    if ui.selectable_label(selected, paper.label()).clicked() {
                        self.paper = Some(page);
                    }
                }
            });
        if let Some(page) = &mut self.paper {
            ui.horizontal(|ui| {
                ui.radio_value(&mut page.orientation, Orientation::Landscape, "Landscape");
                ui.radio_value(&mut page.orientation, Orientation::Portrait, "Portrait");
                ui.add(
                    egui::DragValue::new(&mut page.margin_mm)
                        .range(0.0..=60.0)
                        .suffix(" mm margin"),
                );
            });
        }
    }

    /// The presets for the web and print, and the theme.
    fn preset_rows(&mut self, ui: &mut Ui) {
        ui.horizontal_wrapped(|ui| {
            ui.label("Presets");
            for preset in Preset::ALL {
                if ui.button(preset.label()).clicked() {
                    if let Some(size) = preset.size() {
                        self.size = size;
                    }
                    self.paper = preset.paper();
                    self.theme = preset.theme();
                }
            }
        });
        ui.horizontal(|ui| {
            ui.label("Colours");
            for theme in Theme::ALL {
                let label = match theme {
                    Theme::Light => "Light",
                    Theme::Dark => "Dark",
                    Theme::Print => "Print (high contrast)",
                };
                ui.selectable_value(&mut self.theme, theme, label);
            }
        });
    }

    /// The size presets and a custom size.
    fn size_rows(&mut self, ui: &mut Ui) {
        self.preset_rows(ui);
        self.paper_rows(ui);
        if self.paper.is_some() {
            return;
        }
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

    /// The request for the map as set up in the window; `extent` is the part
    /// of the map the window shows (map km).
    fn request(&self, document: &Document, extent: Option<geo::Rect<f64>>) -> ExportRequest {
        let framing = Framing {
            size: self.size,
            view: None,
        };
        let mut request = request_for(
            document,
            document.date(),
            self.format,
            framing,
            &self.dressing,
        );
        request.paper = self.paper;
        request.include.theme = self.theme;
        // Exactly what the window shows, in its aspect.
        request.extent = if self.current_view { extent } else { None };
        request.compare_from = self.compare_from;
        request
    }

    /// Whether to write the citation files, and *Copy citation*: the text
    /// citation of this map and its sources (`caucasus-atlas cite`) on the clipboard.
    fn citation_row(
        &mut self,
        ctx: &egui::Context,
        ui: &mut Ui,
        document: &Document,
        extent: Option<geo::Rect<f64>>,
    ) {
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(&mut self.cite, "Citation files").on_hover_text(
                "Also write F.sources.json (CSL-JSON) and F.sources.txt beside the image",
            );
            let copy = ui
                .button("Copy citation")
                .on_hover_text("Copy the citation of this map and its sources as text");
            if copy.clicked() {
                let data = document.data();
                let request = self.request(document, extent);
                match cite(&data.atlas, &data.projected, &request) {
                    Ok(citation) => {
                        ctx.copy_text(citation.text());
                        self.note(format!(
                            "Citation copied ({} sources).",
                            citation.sources.len()
                        ));
                    }
                    Err(e) => self.note(e.to_string()),
                }
            }
        });
    }

    /// Renders and writes the map on a worker thread.
    fn start(&mut self, ctx: &egui::Context, document: &Document, extent: Option<geo::Rect<f64>>) {
        let request = self.request(document, extent);
        let cite_too = self.cite;
        let path = PathBuf::from(self.path.trim());
        let (atlas, projected) = (
            document.data().atlas.clone(),
            document.data().projected.clone(),
        );
        self.runner.start(ctx, move |job| {
            let result = export_to_file(&atlas, &projected, &request, &path)
                .and_then(|()| {
                    if cite_too {
                        write_citation_files(&atlas, &projected, &request, &path).map(|_| ())
                    } else {
                        Ok(())
                    }
                })
                .map(|()| path.display().to_string())
                .map_err(|e| e.to_string());
            job.progress(1, 1);
            result
        });
    }
}
