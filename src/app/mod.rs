//! The eframe application: a map of the South Caucasus with its controls.

pub mod command;
pub mod data;
pub mod fonts;
pub mod map_view;
pub mod screenshot;

use std::collections::BTreeSet;

use egui::{Key, RichText};

pub use command::Command;
pub use data::AtlasData;

use crate::atlas::Language;
use crate::scene::{Scene, SceneOptions, build_scene};
use crate::spatial::MapView;
use crate::time::Date;

/// The window's state: the data, the view, the chosen date and language.
pub struct AtlasApp {
    data: AtlasData,
    /// The map's pan/zoom; `None` until the first frame fits the region.
    pub view: Option<MapView>,
    /// The date shown.
    pub date: Date,
    /// The label language.
    pub language: Language,
    scene_cache: Option<(SceneOptions, Scene)>,
    /// The cursor's position on the map (lon, lat), for the status bar.
    pub cursor_lonlat: Option<(f64, f64)>,
    show_errors: bool,
    screenshot: Option<screenshot::ScreenshotThenQuit>,
}

impl AtlasApp {
    /// An app showing `data` on today's date.
    pub fn new(cc: &eframe::CreationContext<'_>, data: AtlasData) -> AtlasApp {
        fonts::install(&cc.egui_ctx);
        AtlasApp::with_data(data)
    }

    /// An app without an eframe context (the fonts must be installed separately).
    pub fn with_data(data: AtlasData) -> AtlasApp {
        let show_errors = !data.errors.is_empty();
        AtlasApp {
            data,
            view: None,
            date: Date::today(),
            language: Language::En,
            scene_cache: None,
            cursor_lonlat: None,
            show_errors,
            screenshot: None,
        }
    }

    /// Saves a screenshot to `path` once the window has drawn, then closes it.
    pub fn save_screenshot_and_quit(&mut self, path: std::path::PathBuf) {
        self.screenshot = Some(screenshot::ScreenshotThenQuit {
            path,
            frames: 0,
            requested: false,
        });
    }

    /// The loaded data.
    pub fn data(&self) -> &AtlasData {
        &self.data
    }

    /// Carries out a command.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::ResetView => self.view = None,
            Command::SetLanguage(lang) => self.language = lang,
        }
    }

    fn scene_options(&self) -> SceneOptions {
        SceneOptions {
            date: self.date,
            language: self.language,
            hidden_layers: BTreeSet::new(),
        }
    }

    /// The Scene for the current options, rebuilt only when they change.
    fn scene(&mut self) -> &Scene {
        let options = self.scene_options();
        let stale = self.scene_cache.as_ref().is_none_or(|(o, _)| *o != options);
        if stale {
            let scene = build_scene(&self.data.atlas, &self.data.projected, &options);
            self.scene_cache = Some((options, scene));
        }
        match &self.scene_cache {
            Some((_, scene)) => scene,
            None => unreachable!("the cache was filled just above"),
        }
    }

    fn keyboard_commands(&self, ctx: &egui::Context) -> Vec<Command> {
        if ctx.egui_wants_keyboard_input() {
            return Vec::new();
        }
        let mut commands = Vec::new();
        ctx.input(|i| {
            if i.key_pressed(Key::R) && i.modifiers.is_none() {
                commands.push(Command::ResetView);
            }
        });
        commands
    }

    fn top_bar(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        ui.horizontal(|ui| {
            ui.heading("Caucasus Atlas");
            ui.separator();
            ui.label(RichText::new(self.date.to_string()).strong());
            ui.separator();
            if ui
                .button("Reset view")
                .on_hover_text("Show the whole region (R)")
                .clicked()
            {
                commands.push(Command::ResetView);
            }
            let mut language = self.language;
            egui::ComboBox::from_label("Labels")
                .selected_text(language.endonym())
                .show_ui(ui, |ui| {
                    for lang in Language::ALL {
                        ui.selectable_value(&mut language, lang, lang.endonym());
                    }
                });
            if language != self.language {
                commands.push(Command::SetLanguage(language));
            }
            if !self.data.errors.is_empty()
                && ui
                    .button(format!("{} data problem(s)", self.data.errors.len()))
                    .clicked()
            {
                self.show_errors = !self.show_errors;
            }
        });
        commands
    }

    fn status_bar(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            match self.cursor_lonlat {
                Some((lon, lat)) => ui.monospace(format!("{lat:.4}° N  {lon:.4}° E")),
                None => ui.monospace("—"),
            };
            ui.separator();
            ui.small("Borders: Natural Earth (public domain) · Places: GeoNames (CC BY 4.0)");
        });
    }

    fn errors_window(&mut self, ctx: &egui::Context) {
        let mut open = self.show_errors;
        egui::Window::new("Data problems")
            .open(&mut open)
            .default_width(520.0)
            .show(ctx, |ui| {
                ui.label("These features were left out; everything else is shown.");
                egui::ScrollArea::vertical()
                    .max_height(300.0)
                    .show(ui, |ui| {
                        for e in &self.data.errors {
                            ui.label(e.to_string());
                        }
                    });
            });
        self.show_errors = open;
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let mut commands = self.keyboard_commands(&ctx);
        egui::Panel::top("top-bar").show(ui, |ui| commands.extend(self.top_bar(ui)));
        egui::Panel::bottom("status-bar").show(ui, |ui| self.status_bar(ui));
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE.fill(crate::scene::style::PAPER))
            .show(ui, |ui| {
                let mut view = self.view;
                let out = map_view::show_map(ui, &mut view, self.scene());
                self.view = view;
                self.cursor_lonlat = out
                    .response
                    .hover_pos()
                    .and_then(|p| out.projector.screen_to_lonlat(p));
            });
        if self.show_errors {
            self.errors_window(&ctx);
        }
        for command in commands {
            self.apply(command);
        }
        if let Some(shot) = &mut self.screenshot {
            shot.on_frame(&ctx);
        }
    }
}
