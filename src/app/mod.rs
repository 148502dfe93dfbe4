//! The eframe application: the map, the timeline, the details and layer panels.
//!
//! State lives here and changes only through [`Command`]s; the widgets are
//! rebuilt every frame from it.

pub mod command;
pub mod data;
pub mod details;
pub mod export_dialog;
pub mod export_job;
pub mod file_picker;
pub mod fonts;
pub mod keys;
pub mod legend;
pub mod map_view;
pub mod screenshot;
pub mod state;
pub mod timeline_bar;
pub mod timeline_panel;

use std::collections::BTreeSet;

use egui::RichText;

pub use command::Command;
pub use data::AtlasData;

use crate::atlas::{Language, Mark};
use crate::scene::{Scene, SceneOptions, build_scene};
use crate::spatial::{Hit, MapPoint, MapView, Projector, features_at};
use crate::time::{Date, Timeline};
pub use export_dialog::SaveTarget;
use state::PersistedState;
use timeline_panel::DateField;

/// How far (screen points) from a point or line a click still picks it.
const PICK_RADIUS_POINTS: f64 = 6.0;

/// The window's state.
pub struct AtlasApp {
    data: AtlasData,
    marks: Vec<Mark>,
    mark_dates: Vec<Date>,
    /// The timeline (date, playback).
    pub timeline: Timeline,
    /// The map's pan/zoom; `None` until the first frame fits the region.
    pub view: Option<MapView>,
    /// Whether the view follows the map's size (until the user pans or zooms):
    /// panels settle over the first frames, and a fitted map should stay fitted.
    auto_fit: bool,
    /// The label language.
    pub language: Language,
    /// Layers the user has hidden.
    pub hidden_layers: BTreeSet<String>,
    /// The selected feature and where it was clicked.
    pub selection: Option<(String, MapPoint)>,
    /// Whether the layer panel is shown.
    pub layers_panel_open: bool,
    date_field: DateField,
    scene_cache: Option<(SceneOptions, Scene)>,
    /// The cursor's position on the map (lon, lat), for the status bar.
    pub cursor_lonlat: Option<(f64, f64)>,
    /// The map's projector in the last frame (where things are on screen).
    pub map_projector: Option<Projector>,
    /// Notes for the user (e.g. a stored state that could not be used).
    pub notes: Vec<String>,
    show_errors: bool,
    screenshot: Option<screenshot::ScreenshotThenQuit>,
    /// The export dialogs.
    pub exports: export_dialog::ExportDialogs,
    /// Where the next screenshot goes, once the frame is drawn.
    pending_screenshot: Option<std::path::PathBuf>,
    /// Asks where to save (the native dialog; tests put their own answers here).
    pub file_picker: std::sync::Arc<dyn file_picker::FilePicker>,
    /// A save dialog that is open, and what its answer is for.
    pending_pick: Option<file_picker::PendingPick<SaveTarget>>,
    /// The window's context (known from the first frame), to wake it from threads.
    ctx: Option<egui::Context>,
    /// Where the last screenshot went (or why it failed), shown in the top bar.
    toast: std::sync::Arc<std::sync::Mutex<Option<String>>>,
}

impl AtlasApp {
    /// An app showing `data`, restoring the stored state when there is one.
    pub fn new(cc: &eframe::CreationContext<'_>, data: AtlasData) -> AtlasApp {
        fonts::install(&cc.egui_ctx);
        let mut app = AtlasApp::with_data(data);
        match state::load(cc.storage) {
            Ok(Some(stored)) => app.restore(stored),
            Ok(None) => {}
            Err(note) => app.notes.push(note),
        }
        app
    }

    /// An app on today's date without stored state (the fonts must be installed separately).
    pub fn with_data(data: AtlasData) -> AtlasApp {
        let show_errors = !data.errors.is_empty();
        let marks = data.atlas.marks();
        let mut mark_dates: Vec<Date> = marks.iter().map(|m| m.date).collect();
        mark_dates.dedup();
        let today = Date::today();
        AtlasApp {
            data,
            marks,
            mark_dates,
            timeline: Timeline::new(today, today),
            view: None,
            auto_fit: true,
            language: Language::En,
            hidden_layers: BTreeSet::new(),
            selection: None,
            layers_panel_open: true,
            date_field: DateField::default(),
            scene_cache: None,
            cursor_lonlat: None,
            map_projector: None,
            notes: Vec::new(),
            show_errors,
            screenshot: None,
            exports: export_dialog::ExportDialogs::default(),
            pending_screenshot: None,
            file_picker: std::sync::Arc::new(file_picker::NativeFilePicker),
            pending_pick: None,
            ctx: None,
            toast: Default::default(),
        }
    }

    fn restore(&mut self, stored: PersistedState) {
        let end = self.timeline.end;
        self.timeline = Timeline::new(stored.date, end);
        self.timeline.days_per_second = stored.days_per_second.clamp(1.0, 365.25);
        self.timeline.looping = stored.looping;
        self.view = stored.view;
        self.auto_fit = stored.view.is_none();
        self.hidden_layers = stored.hidden_layers;
        self.language = stored.language;
        self.layers_panel_open = stored.layers_panel_open;
    }

    /// What is remembered between runs.
    pub fn persisted(&self) -> PersistedState {
        PersistedState {
            version: state::STATE_VERSION,
            date: self.timeline.date,
            view: if self.auto_fit { None } else { self.view },
            hidden_layers: self.hidden_layers.clone(),
            language: self.language,
            days_per_second: self.timeline.days_per_second,
            looping: self.timeline.looping,
            layers_panel_open: self.layers_panel_open,
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

    /// The date shown.
    pub fn date(&self) -> Date {
        self.timeline.date
    }

    /// Carries out a command.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Time(t) => self.timeline.apply(t, &self.mark_dates),
            Command::ResetView => {
                self.view = None;
                self.auto_fit = true;
            }
            Command::SetLanguage(lang) => self.language = lang,
            Command::SetLayerVisible(layer, visible) => {
                if visible {
                    self.hidden_layers.remove(&layer);
                } else {
                    self.hidden_layers.insert(layer.clone());
                    // A hidden feature cannot stay selected.
                    if self
                        .selection
                        .as_ref()
                        .and_then(|(id, _)| self.data.atlas.feature(id))
                        .is_some_and(|f| f.layer == layer)
                    {
                        self.selection = None;
                    }
                }
            }
            Command::Select(selection) => self.selection = selection,
            Command::Screenshot => {
                self.pending_screenshot = Some(
                    export_dialog::default_folder()
                        .join(export_dialog::timestamped_name("caucasus-atlas", "png")),
                )
            }
            Command::ScreenshotAs => self.ask_where_to_save(SaveTarget::Screenshot),
            Command::ScreenshotTo(path) => self.pending_screenshot = Some(path),
        }
    }

    /// Opens the save dialog for `target` (one at a time), suggesting the
    /// path the target would use now.
    fn ask_where_to_save(&mut self, target: SaveTarget) {
        if self.pending_pick.is_some() {
            return;
        }
        let Some(ctx) = self.ctx.clone() else { return };
        let dialog = match target {
            SaveTarget::Screenshot => file_picker::SaveDialog::suggesting(
                "Save screenshot",
                &export_dialog::default_folder()
                    .join(export_dialog::timestamped_name("caucasus-atlas", "png")),
                "PNG image",
                "png",
            ),
            SaveTarget::Map | SaveTarget::Animation => self.exports.save_dialog(target),
        };
        self.pending_pick = Some(file_picker::PendingPick::ask(
            self.file_picker.clone(),
            dialog,
            target,
            &ctx,
        ));
    }

    /// Carries out the save dialog's answer once it arrives.
    fn poll_save_dialog(&mut self) {
        let Some(pick) = &self.pending_pick else {
            return;
        };
        let state = pick.poll();
        let target = pick.purpose;
        match state {
            file_picker::PickState::Waiting => {}
            file_picker::PickState::Cancelled => {
                self.pending_pick = None;
                // Cancelling and having no dialog at all look the same from here.
                let note = "No file chosen (if no dialog appeared, this desktop has neither \
                            the XDG desktop portal nor zenity)."
                    .to_string();
                match target {
                    SaveTarget::Screenshot => self.set_toast(note),
                    SaveTarget::Map | SaveTarget::Animation => self.exports.message = Some(note),
                }
            }
            file_picker::PickState::Chosen(path) => {
                self.pending_pick = None;
                match target {
                    SaveTarget::Screenshot => {
                        let path = if path.extension().is_none() {
                            path.with_extension("png")
                        } else {
                            path
                        };
                        self.apply(Command::ScreenshotTo(path));
                    }
                    SaveTarget::Map | SaveTarget::Animation => self.exports.set_path(target, &path),
                }
            }
        }
    }

    fn set_toast(&self, message: String) {
        if let Ok(mut slot) = self.toast.lock() {
            *slot = Some(message);
        }
    }

    fn scene_options(&self) -> SceneOptions {
        SceneOptions {
            date: self.timeline.date,
            language: self.language,
            hidden_layers: self.hidden_layers.clone(),
            // The last frame's map area: the legend lists what is on screen.
            extent: self.map_projector.as_ref().map(Projector::visible_map_rect),
        }
    }

    /// The Scene for the current options, rebuilt only when they change.
    pub fn scene(&mut self) -> &Scene {
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

    /// What a click or hover at `point` finds, top first (hidden layers excluded).
    pub fn features_at(&self, point: MapPoint, tolerance_km: f64) -> Vec<Hit<'_>> {
        let hidden = &self.hidden_layers;
        let visible = move |layer: &str| !hidden.contains(layer);
        features_at(
            &self.data.atlas,
            &self.data.projected,
            self.timeline.date,
            point,
            tolerance_km,
            &visible,
        )
    }

    /// The feature a click at `point` selects: the topmost point or line within
    /// reach, else the area under it.
    fn pick(&self, point: MapPoint, projector: &Projector) -> Option<String> {
        let hits = self.features_at(point, PICK_RADIUS_POINTS * projector.km_per_point());
        hits.iter()
            .find(|h| {
                !matches!(
                    h.projected.shape,
                    crate::spatial::ProjectedShape::Area { .. }
                )
            })
            .or_else(|| hits.first())
            .map(|h| h.feature.id.clone())
    }

    fn top_bar(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        ui.horizontal(|ui| {
            ui.heading("Caucasus Atlas");
            ui.separator();
            if ui
                .button("Reset view")
                .on_hover_text("Show the whole region (R)")
                .clicked()
            {
                commands.push(Command::ResetView);
            }
            ui.toggle_value(&mut self.layers_panel_open, "Layers")
                .on_hover_text("Show or hide the layer panel");
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
            ui.separator();
            if ui
                .button("Screenshot")
                .on_hover_text("Save what the window shows as PNG (Ctrl+Shift+S, F12)")
                .clicked()
            {
                commands.push(Command::Screenshot);
            }
            if ui
                .add_enabled(
                    self.pending_pick.is_none(),
                    egui::Button::new("Screenshot as…"),
                )
                .on_hover_text("Choose where to save the screenshot")
                .clicked()
            {
                commands.push(Command::ScreenshotAs);
            }
            if ui
                .button("Export map…")
                .on_hover_text("PNG or SVG for publication")
                .clicked()
            {
                self.exports.map_open = true;
            }
            if ui
                .button("Export animation…")
                .on_hover_text("GIF or APNG over a range of dates")
                .clicked()
            {
                self.exports.animation_open = true;
            }
            if let Some(toast) = self.toast.lock().ok().and_then(|t| t.clone()) {
                ui.weak(toast);
            }
            if !self.data.errors.is_empty()
                && ui
                    .button(format!("{} data problem(s)", self.data.errors.len()))
                    .clicked()
            {
                self.show_errors = !self.show_errors;
            }
            for note in &self.notes {
                ui.weak(note);
            }
        });
        commands
    }

    fn layers_panel(&self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        ui.label(RichText::new("Layers").strong());
        for layer in &self.data.atlas.layers {
            let mut shown = !self.hidden_layers.contains(&layer.name);
            let label = format!("{} ({})", layer.name, layer.features.len());
            if ui
                .checkbox(&mut shown, label)
                .on_hover_text(&layer.file)
                .changed()
            {
                commands.push(Command::SetLayerVisible(layer.name.clone(), shown));
            }
        }
        commands
    }

    fn status_bar(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            match self.cursor_lonlat {
                Some((lon, lat)) => ui.monospace(format!("{lat:.4}° N  {lon:.4}° E")),
                None => ui.monospace("—"),
            };
            ui.separator();
            ui.small("Borders: Natural Earth (public domain) · Places: GeoNames (CC BY 4.0) · Historical layers: see each feature's sources");
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

    fn map_panel(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        let mut view = if self.auto_fit { None } else { self.view };
        let out = map_view::show_map(ui, &mut view, self.scene());
        self.view = view;
        if out.moved {
            self.auto_fit = false;
        }
        self.cursor_lonlat = out
            .response
            .hover_pos()
            .and_then(|p| out.projector.screen_to_lonlat(p));
        self.map_projector = Some(out.projector.clone());
        if let Some(pointer) = out.response.hover_pos()
            && !out.response.dragged()
        {
            let at = out.projector.screen_to_map(pointer);
            let hits = self.features_at(at, PICK_RADIUS_POINTS * out.projector.km_per_point());
            let date = self.timeline.date;
            let lines: Vec<String> = hits
                .iter()
                .filter(|h| h.feature.layer != "countries")
                .take(4)
                .map(|h| match h.feature.controller_on(date) {
                    Some(c) => format!(
                        "{} — held by {} ({})",
                        h.feature.name.en,
                        c.code(),
                        c.description()
                    ),
                    None => h.feature.name.en.clone(),
                })
                .collect();
            if !lines.is_empty() {
                out.response.clone().on_hover_ui_at_pointer(|ui| {
                    for line in &lines {
                        ui.label(line);
                    }
                });
            }
        }
        if out.response.clicked()
            && let Some(pointer) = out.response.interact_pointer_pos()
        {
            let at = out.projector.screen_to_map(pointer);
            commands.push(Command::Select(
                self.pick(at, &out.projector).map(|id| (id, at)),
            ));
        }
        commands
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.ctx = Some(ctx.clone());
        let mut commands = keys::read_shortcuts(&ctx);

        // Playback moves the date by wall time; keep frames coming while playing.
        let dt = ctx.input(|i| i.stable_dt) as f64;
        if self.timeline.playing {
            self.timeline.advance(dt);
            ctx.request_repaint();
        }

        egui::Panel::top("top-bar").show(ui, |ui| commands.extend(self.top_bar(ui)));
        egui::Panel::bottom("status-bar").show(ui, |ui| self.status_bar(ui));
        let caption = self.scene().caption.clone();
        egui::Panel::bottom("timeline").show(ui, |ui| {
            commands.extend(timeline_panel::timeline_panel(
                ui,
                &self.timeline,
                &self.marks,
                &caption,
                &mut self.date_field,
            ));
        });
        if self.layers_panel_open {
            egui::Panel::left("layers")
                .resizable(true)
                .default_size(170.0)
                .show(ui, |ui| {
                    commands.extend(self.layers_panel(ui));
                });
        }
        let selected = self
            .selection
            .as_ref()
            .and_then(|(id, at)| self.data.atlas.feature(id).map(|f| (f.clone(), *at)));
        if let Some((feature, at)) = selected {
            let date = self.timeline.date;
            egui::Panel::right("details")
                .resizable(true)
                .default_size(340.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        commands.extend(details::details_panel(
                            ui,
                            &self.data.atlas,
                            &self.data.projected,
                            &feature,
                            at,
                            date,
                        ));
                    });
                });
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE.fill(crate::scene::style::PAPER))
            .show(ui, |ui| commands.extend(self.map_panel(ui)));
        if self.show_errors {
            self.errors_window(&ctx);
        }
        for command in commands {
            self.apply(command);
        }
        if let Some(shot) = &mut self.screenshot {
            shot.on_frame(&ctx);
        }
        self.poll_save_dialog();
        if let Some(path) = self.pending_screenshot.take() {
            let toast = self.toast.clone();
            let ctx2 = ctx.clone();
            ctx.request_screenshot(move |image| {
                let message = match screenshot::write_png(&image, &path) {
                    Ok(()) => format!("Screenshot saved to {}", path.display()),
                    Err(e) => format!("Screenshot not saved: {e}"),
                };
                if let Ok(mut slot) = toast.lock() {
                    *slot = Some(message);
                }
                ctx2.request_repaint();
            });
        }
        if self.exports.map_open || self.exports.animation_open {
            let hidden: Vec<String> = self.hidden_layers.iter().cloned().collect();
            let view = self
                .map_projector
                .as_ref()
                .and_then(export_dialog::visible_box);
            let wants_dialog = self.exports.show(
                &ctx,
                &self.data,
                self.timeline.date,
                self.language,
                view,
                &hidden,
                self.pending_pick.is_none(),
            );
            if let Some(target) = wants_dialog {
                self.ask_where_to_save(target);
            }
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        state::save(storage, &self.persisted());
    }
}
