//! The eframe application: the map, the timeline, the details and layer
//! panels, and the export windows.
//!
//! What is shown lives in the [`Document`], which changes only through
//! [`Command`]s. The panels read it and return commands; [`AtlasApp`] carries
//! them out and owns the platform's plumbing (screenshots, save dialogs,
//! stored state). The widgets are rebuilt every frame.

pub mod command;
pub mod compare_mode;
pub mod compare_view;
pub mod data_problems;
pub mod details;
pub mod document;
pub mod events_panel;
pub mod export_animation;
pub mod export_common;
pub mod export_job;
pub mod export_map;
pub mod file_picker;
pub mod fonts;
pub mod help;
pub mod keys;
pub mod layers_panel;
pub mod legend;
pub mod map_overlay;
pub mod map_panel;
pub mod navigation;
pub mod plain_words;
pub mod save_note;
pub mod save_paths;
pub mod scene_cache;
pub mod scene_painter;
pub mod screenshot;
pub mod search_panel;
pub mod state;
pub mod state_file;
pub mod status_bar;
pub mod stories_panel;
pub mod timeline_bar;
pub mod timeline_panel;
pub mod top_bar;
pub mod user_layers;
pub mod zone_flash;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

pub use command::Command;
pub use document::{Changes, Document};

use crate::data::AtlasData;
use crate::scene::Scene;
use crate::spatial::{Hit, MapPoint, MapView, Projector};
use crate::time::Date;
use export_animation::AnimationExportWindow;
use export_map::MapExportWindow;
use file_picker::{FilePicker, PendingPick, PickState, SaveDialog};
use map_panel::MapPanel;
use scene_cache::SceneCache;
use timeline_panel::TimelinePanel;

/// A file the user can choose a place for with the save dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveTarget {
    /// A screenshot of the window.
    Screenshot,
    /// The publication map of the "Export map" window.
    Map,
    /// The animation of the "Export animation" window.
    Animation,
    /// Not a save: a GeoJSON file to open as a layer.
    OpenLayer,
}

/// The panels and windows: what each remembers between frames of its own
/// (nothing of the document).
#[derive(Default)]
pub struct Panels {
    /// The map.
    pub map: MapPanel,
    /// The Scene the map draws, rebuilt when the document changes.
    pub scene: SceneCache,
    /// The timeline's controls.
    pub timeline: TimelinePanel,
    /// Whether the layer panel is open.
    pub layers_open: bool,
    /// Whether the list of data problems is open.
    pub problems_open: bool,
    /// The "Export map" window.
    pub map_export: MapExportWindow,
    /// The "Export animation" window.
    pub animation_export: AnimationExportWindow,
    /// The search window.
    pub search: search_panel::SearchPanel,
    /// The event list.
    pub events: events_panel::EventsPanel,
    /// Whether the help is shown.
    pub help_open: bool,
    /// The story player.
    pub stories: stories_panel::StoriesPanel,
    /// The zones flashing after a change of date.
    pub flash: zone_flash::ZoneFlash,
    /// Light, dark, or as the system says (stored between runs).
    pub theme: egui::ThemePreference,
    /// Compare mode: the earlier date, the swipe view and the cached comparisons.
    pub compare: compare_mode::CompareMode,
    /// The Scene of compare mode's earlier date (the swipe view's left side).
    pub swipe_scene: SceneCache,
    /// Users' layers: the load in progress and the mapping dialog.
    pub user_layers: user_layers::UserLayersPanel,
}

/// What the window needs from the desktop: dialogs, screenshots, waking up.
pub struct Platform {
    /// Asks where to save (the native dialog; tests put their own answers here).
    pub file_picker: Arc<dyn FilePicker>,
    /// A save dialog that is open, and what its answer is for.
    pending_pick: Option<PendingPick<SaveTarget>>,
    /// The window's context (known from the first frame), to wake it from threads.
    ctx: Option<egui::Context>,
    /// Where the last screenshot went (or why it failed), shown over the map.
    toast: Arc<Mutex<Option<save_note::SaveNote>>>,
    /// Opens a folder in the file manager (tests record the call instead).
    pub folder_opener: save_note::FolderOpener,
    /// The path window shown when no save dialog answered.
    path_prompt: save_note::PathPrompt,
    /// Notes for the user (e.g. a stored state that could not be used).
    notes: Vec<String>,
    /// `--screenshot`: save a screenshot once drawn, then quit.
    screenshot_then_quit: Option<screenshot::ScreenshotThenQuit>,
    /// Where the next screenshot goes, once the frame is drawn.
    pending_screenshot: Option<PathBuf>,
}

impl Default for Platform {
    fn default() -> Self {
        Platform {
            file_picker: Arc::new(file_picker::NativeFilePicker),
            pending_pick: None,
            ctx: None,
            toast: Arc::default(),
            folder_opener: save_note::system_folder_opener(),
            path_prompt: save_note::PathPrompt::default(),
            notes: Vec::new(),
            screenshot_then_quit: None,
            pending_screenshot: None,
        }
    }
}

/// The window: the document, its panels and the platform plumbing.
pub struct AtlasApp {
    document: Document,
    panels: Panels,
    /// The desktop side (tests replace its file picker).
    pub platform: Platform,
}

impl AtlasApp {
    /// An app showing `data`, restoring the stored state when there is one.
    pub fn new(cc: &eframe::CreationContext<'_>, data: AtlasData) -> AtlasApp {
        fonts::install(&cc.egui_ctx);
        let (stored, note) = match state::load(cc.storage) {
            Ok(stored) => (stored, None),
            Err(note) => (None, Some(note)),
        };
        let mut app = AtlasApp::build(data, stored.as_ref());
        // A desktop that does not say which look it prefers gets the light
        // one, which matches the map's palette.
        cc.egui_ctx
            .options_mut(|o| o.fallback_theme = egui::Theme::Light);
        cc.egui_ctx.set_theme(app.panels.theme);
        app.platform.notes.extend(note);
        if let Some(text) = cc
            .storage
            .and_then(|s| s.get_string(user_layers::MAPPINGS_KEY))
        {
            app.panels.user_layers.mappings = user_layers::parse_mappings(&text);
        }
        app
    }

    /// An app on today's date without stored state (the fonts must be installed separately).
    pub fn with_data(data: AtlasData) -> AtlasApp {
        AtlasApp::build(data, None)
    }

    fn build(data: AtlasData, stored: Option<&state::PersistedState>) -> AtlasApp {
        let panels = Panels {
            layers_open: stored.is_none_or(|s| s.layers_panel_open),
            problems_open: !data.errors.is_empty(),
            theme: stored.map_or(egui::ThemePreference::System, |s| s.theme),
            ..Panels::default()
        };
        AtlasApp {
            document: Document::new(data, Date::today(), stored),
            panels,
            platform: Platform::default(),
        }
    }

    /// Notes for the user, shown in the top bar (e.g. a stored state that had
    /// to be reset).
    pub fn add_notes(&mut self, notes: impl IntoIterator<Item = String>) {
        self.platform.notes.extend(notes);
    }

    /// What is shown.
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The panels' own state.
    pub fn panels(&self) -> &Panels {
        &self.panels
    }

    /// The loaded data.
    pub fn data(&self) -> &AtlasData {
        self.document.data()
    }

    /// The date shown.
    pub fn date(&self) -> Date {
        self.document.date()
    }

    /// The view the map showed in the last frame (fitted, or as the user left it).
    pub fn view(&self) -> Option<MapView> {
        self.panels.map.shown_view()
    }

    /// The map's projector in the last frame (where things are on screen).
    pub fn map_projector(&self) -> Option<&Projector> {
        self.panels.map.projector()
    }

    /// What is remembered between runs (the user's own place, not a
    /// story step's, while a story plays).
    pub fn persisted(&self) -> state::PersistedState {
        self.panels.stories.with_users_place(state::PersistedState {
            theme: self.panels.theme,
            ..self.document.persisted(self.panels.layers_open)
        })
    }

    /// The map's palette: dark when the window looks dark (the user's
    /// choice, or the system's when following it), else the light one. The
    /// one place the map follows the window's look.
    pub fn map_theme(&self) -> crate::scene::theme::Theme {
        let look = match (self.panels.theme, &self.platform.ctx) {
            (egui::ThemePreference::Dark, _) => egui::Theme::Dark,
            (egui::ThemePreference::Light, _) => egui::Theme::Light,
            (egui::ThemePreference::System, Some(ctx)) => ctx.theme(),
            (egui::ThemePreference::System, None) => egui::Theme::Light,
        };
        match look {
            egui::Theme::Dark => crate::scene::theme::Theme::Dark,
            egui::Theme::Light => crate::scene::theme::Theme::Light,
        }
    }

    /// Saves a screenshot to `path` once the window has drawn, then closes it.
    pub fn save_screenshot_and_quit(&mut self, path: PathBuf) {
        self.platform.screenshot_then_quit = Some(screenshot::ScreenshotThenQuit {
            path,
            frames: 0,
            requested: false,
        });
    }

    /// Carries out a command: the document's own, or the window's.
    pub fn apply(&mut self, command: Command) -> Changes {
        let changes = self.document.apply(command.clone());
        match command {
            Command::Screenshot => {
                self.platform.pending_screenshot =
                    Some(default_screenshot_path(self.document.date()));
            }
            Command::ScreenshotAs => self.ask_where_to_save(SaveTarget::Screenshot),
            Command::ScreenshotTo(path) => self.platform.pending_screenshot = Some(path),
            Command::ShowLayersPanel(open) => self.panels.layers_open = open,
            Command::OpenMapExport => self.panels.map_export.open = true,
            Command::OpenAnimationExport => self
                .panels
                .animation_export
                .open_on(self.document.timeline().range()),
            Command::ToggleDataProblems => self.panels.problems_open ^= true,
            Command::OpenSearch => self.panels.search.open(),
            Command::ToggleEventList => self.panels.events.open ^= true,
            Command::ToggleHelp => self.panels.help_open ^= true,
            Command::ToggleStories => self.panels.stories.open ^= true,
            Command::SetTheme(theme) => {
                self.panels.theme = theme;
                if let Some(ctx) = &self.platform.ctx {
                    ctx.set_theme(theme);
                }
            }
            Command::StoryStep(forward) => {
                let steps = self
                    .panels
                    .stories
                    .step_by(forward, &self.document, self.map_rect());
                self.apply_story_commands(steps);
            }
            Command::ToggleCompare
            | Command::SetCompareFrom(_)
            | Command::ToggleSwipe
            | Command::SetSwipeDivider(_) => self.apply_compare(command),
            Command::Quit => {
                if let Some(ctx) = &self.platform.ctx {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            Command::OpenLayer => self.ask_for_layer_file(),
            Command::LoadLayer(path) => {
                let mapping = self.panels.user_layers.mapping_for(&path);
                self.load_layer(path, mapping);
            }
            Command::LoadLayerWith(path, mapping) => {
                self.panels.user_layers.remember(&path, &mapping);
                self.load_layer(path, mapping);
            }
            Command::EditLayerFields(layer) => {
                let data = self.document.data();
                if let Some(l) = data.atlas.layers.iter().find(|l| l.kind == layer)
                    && let Some(info) = &l.user
                {
                    self.panels
                        .user_layers
                        .edit(std::path::PathBuf::from(&l.file), info);
                }
            }
            Command::CancelLayerLoad => {
                self.panels.user_layers.cancel();
                self.platform
                    .set_toast(Some(save_note::SaveNote::plain("Loading cancelled.")));
            }
            Command::RemoveLayer(layer) => {
                if let Some(data) = self.document.data().without_user_layer(&layer) {
                    self.document.replace_data(data);
                    self.panels.scene.clear();
                }
            }
            _ => {}
        }
        changes
    }

    /// Carries out a story step's commands; its new view is reached by a glide.
    fn apply_story_commands(&mut self, commands: Vec<Command>) {
        if commands.iter().any(|c| matches!(c, Command::SetView(_))) {
            self.panels.map.glide_to_next_view();
        }
        for command in commands {
            self.apply(command);
        }
    }

    /// The map's size in the last frame (a guess before the first).
    fn map_size(&self) -> egui::Vec2 {
        self.panels
            .map
            .projector()
            .map_or(egui::Vec2::new(800.0, 600.0), |p| p.viewport.size())
    }

    /// Where the map was drawn in the last frame (a guess before the first).
    fn map_rect(&self) -> egui::Rect {
        self.panels.map.projector().map_or(
            egui::Rect::from_min_size(egui::Pos2::ZERO, egui::Vec2::new(800.0, 600.0)),
            |p| p.viewport,
        )
    }

    /// Carries out a compare mode command.
    fn apply_compare(&mut self, command: Command) {
        let compare = &mut self.panels.compare;
        let timeline = self.document.timeline();
        let default_from =
            || compare_mode::CompareMode::default_from(timeline.date(), timeline.range());
        match command {
            Command::ToggleCompare => {
                compare.on ^= true;
                if !compare.on {
                    compare.swipe = false;
                }
            }
            Command::SetCompareFrom(date) => {
                compare.from = Some(date.clamp(timeline.start(), timeline.end()));
                compare.on = true;
            }
            Command::ToggleSwipe => {
                compare.swipe ^= true;
                compare.on |= compare.swipe;
            }
            Command::SetSwipeDivider(share) if share.is_finite() => {
                compare.divider = share.clamp(0.02, 0.98);
            }
            _ => {}
        }
        if compare.on && compare.from.is_none() {
            compare.from = Some(default_from());
        }
    }

    /// Compare mode's state (its status, D1, the swipe view).
    pub fn compare_mode(&self) -> &compare_mode::CompareMode {
        &self.panels.compare
    }

    /// Waits (at most `limit`) until compare mode's comparison for the shown
    /// date is ready: for tests and `--screenshot`, which have no user to wait.
    pub fn wait_for_compare(&mut self, limit: std::time::Duration) {
        let atlas = self.document.data().atlas.clone();
        self.panels
            .compare
            .wait(&atlas, self.document.date(), limit);
    }

    /// Starts loading a user's file, in place of the same file if it is
    /// loaded already.
    fn load_layer(&mut self, path: PathBuf, mapping: crate::atlas::import::Mapping) {
        let file = path.display().to_string();
        let data = self.document.data();
        let same = data
            .atlas
            .layers
            .iter()
            .find(|l| l.kind.is_user() && l.file == file)
            .map(|l| l.kind.clone());
        let base = same
            .and_then(|layer| data.without_user_layer(&layer))
            .unwrap_or_else(|| data.clone());
        self.panels
            .user_layers
            .start(path, mapping, &base, self.platform.ctx.as_ref());
    }

    /// Takes a finished load, and files dropped on the window.
    fn poll_user_layers(&mut self, ctx: &egui::Context) {
        match self.panels.user_layers.poll() {
            Some(user_layers::Loaded::Done(data, line)) => {
                self.document.replace_data(data);
                self.panels.scene.clear();
                self.platform
                    .set_toast(Some(save_note::SaveNote::plain(line)));
            }
            Some(user_layers::Loaded::Cancelled) | None => {}
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        for path in dropped {
            if user_layers::is_geojson_path(&path) {
                self.apply(Command::LoadLayer(path));
            } else {
                self.platform
                    .set_toast(Some(save_note::SaveNote::plain(format!(
                        "{} is not a .geojson or .json file, so it was not opened as a layer.",
                        crate::atlas::printable(
                            &path.display().to_string(),
                            crate::atlas::LINE_CHARS
                        )
                    ))));
            }
        }
    }

    /// Opens the "open file" dialog for a layer.
    fn ask_for_layer_file(&mut self) {
        if self.platform.pending_pick.is_some() {
            return;
        }
        let Some(ctx) = self.platform.ctx.clone() else {
            return;
        };
        let dialog = SaveDialog {
            title: "Open layer".to_string(),
            folder: save_paths::default_folder(),
            file_name: String::new(),
            filter: (
                "GeoJSON".to_string(),
                vec!["geojson".to_string(), "json".to_string()],
            ),
        };
        self.platform.pending_pick = Some(PendingPick::ask_open(
            self.platform.file_picker.clone(),
            dialog,
            SaveTarget::OpenLayer,
            &ctx,
        ));
    }

    /// The Scene for the current document, rebuilt only when it changes.
    pub fn scene(&mut self) -> &Scene {
        let extent = self.panels.map.visible_extent();
        let overlay = self.panels.compare.status().overlay().cloned();
        let theme = self.map_theme();
        self.panels
            .scene
            .get(&self.document, extent, overlay, theme)
    }

    /// What a click or hover at `point` finds, top first (hidden layers excluded).
    pub fn features_at(&self, point: MapPoint, tolerance_km: f64) -> Vec<Hit<'_>> {
        self.document.features_at(point, tolerance_km)
    }

    /// Opens the save dialog for `target` (one at a time), suggesting the
    /// path the target would use now.
    fn ask_where_to_save(&mut self, target: SaveTarget) {
        if self.platform.pending_pick.is_some() {
            return;
        }
        let Some(ctx) = self.platform.ctx.clone() else {
            return;
        };
        let dialog = match target {
            SaveTarget::Screenshot => SaveDialog::suggesting(
                "Save screenshot",
                &default_screenshot_path(self.document.date()),
                "PNG image",
                "png",
            ),
            SaveTarget::Map => self.panels.map_export.save_dialog(),
            SaveTarget::Animation => self.panels.animation_export.save_dialog(),
            SaveTarget::OpenLayer => return self.ask_for_layer_file(),
        };
        self.platform.pending_pick = Some(PendingPick::ask(
            self.platform.file_picker.clone(),
            dialog,
            target,
            &ctx,
        ));
    }

    /// Carries out the save dialog's answer once it arrives.
    fn poll_save_dialog(&mut self) {
        let Some(pick) = &self.platform.pending_pick else {
            return;
        };
        let (state, target) = (pick.poll(), pick.purpose);
        match state {
            PickState::Waiting => {}
            PickState::Cancelled => {
                self.platform.pending_pick = None;
                // Cancelling and having no dialog at all look the same from here.
                let note = "No file chosen (if no dialog appeared, this desktop has neither \
                            the XDG desktop portal nor zenity)."
                    .to_string();
                match target {
                    // No dialog (or a cancelled one): the path, editable, in a small window.
                    SaveTarget::Screenshot => self
                        .platform
                        .path_prompt
                        .ask(&default_screenshot_path(self.document.date())),
                    SaveTarget::Map => self.panels.map_export.note(note),
                    SaveTarget::Animation => self.panels.animation_export.note(note),
                    SaveTarget::OpenLayer => self
                        .platform
                        .set_toast(Some(save_note::SaveNote::plain(note))),
                }
            }
            PickState::Chosen(path) => {
                self.platform.pending_pick = None;
                match target {
                    SaveTarget::Screenshot => {
                        let path = if path.extension().is_none() {
                            path.with_extension("png")
                        } else {
                            path
                        };
                        self.apply(Command::ScreenshotTo(path));
                    }
                    SaveTarget::Map => self.panels.map_export.set_path(&path),
                    SaveTarget::Animation => self.panels.animation_export.set_path(&path),
                    SaveTarget::OpenLayer => {
                        self.apply(Command::LoadLayer(path));
                    }
                }
            }
        }
    }

    /// The side panels (layers, details), the bars and the map, in the order
    /// egui lays them out; returns the commands they gave.
    fn panels_ui(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        let bar = top_bar::TopBarState {
            layers_open: self.panels.layers_open,
            can_ask: self.platform.pending_pick.is_none(),
            theme: self.panels.theme,
            problems: self.document.data().errors.len(),
            warnings: self.document.data().warnings.len(),
            notes: &self.platform.notes,
        };
        egui::Panel::top("top-bar").show(ui, |ui| {
            commands.extend(top_bar::top_bar(ui, &self.document, &bar))
        });
        let cursor = self.panels.map.cursor_lonlat();
        egui::Panel::bottom("status-bar").show(ui, |ui| status_bar::status_bar(ui, cursor));
        let caption = crate::scene::caption(self.document.date());
        let compare = self.panels.compare.controls();
        egui::Panel::bottom("timeline").show(ui, |ui| {
            commands.extend(self.panels.timeline.show(
                ui,
                self.document.timeline(),
                &self.document.data().marks,
                &caption,
                compare,
            ));
        });
        // The side panels together never take more than half the window
        // (layers up to 15%, details up to 35%), so the map keeps the other
        // half; a stored or dragged width is clamped every frame.
        let window_width = ui.ctx().content_rect().width();
        let (layers_widest, details_widest) = (window_width * 0.15, window_width * 0.35);
        if self.panels.layers_open {
            egui::Panel::left("layers")
                .resizable(true)
                .default_size(170.0_f32.min(layers_widest))
                .size_range(100.0_f32.min(layers_widest)..=layers_widest.max(100.0))
                .show(ui, |ui| {
                    commands.extend(layers_panel::layers_panel(ui, &self.document));
                });
        }
        self.panels.compare.update(
            &self.document.data().atlas,
            self.document.date(),
            self.platform.ctx.as_ref(),
        );
        let overlay = self.panels.compare.status().overlay().cloned();
        if let (Some(feature), Some((_, at))) =
            (self.document.selected(), self.document.selection())
        {
            egui::Panel::right("details")
                .resizable(true)
                .default_size(340.0_f32.min(details_widest))
                .size_range(200.0_f32.min(details_widest)..=details_widest.max(200.0))
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        if let Some(overlay) = &overlay {
                            compare_view::change_details(ui, &self.document, overlay, *at);
                        }
                        commands.extend(details::details_panel(ui, &self.document, feature, *at));
                    });
                });
        }
        let extent = self.panels.map.visible_extent();
        let theme = self.map_theme();
        let scene = self
            .panels
            .scene
            .get(&self.document, extent, overlay, theme);
        let compare = &self.panels.compare;
        let swipe = match (compare.on && compare.swipe, compare.from) {
            (true, Some(from)) => Some((
                self.panels
                    .swipe_scene
                    .get_on(&self.document, extent, from, theme),
                compare.divider,
            )),
            _ => None,
        };
        let view = compare_view::CompareView {
            status: compare.status(),
            swipe,
        };
        let now = ui.input(|i| i.time);
        let marks = map_panel::Overlay {
            highlights: self.panels.stories.highlighted(),
            flash: self.panels.flash.zones(now),
            flash_strength: self.panels.flash.strength(now),
        };
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE.fill(theme.paper()))
            .show(ui, |ui| {
                commands.extend(
                    self.panels
                        .map
                        .show(ui, &self.document, scene, marks, &view),
                );
            });
        commands
    }

    /// The floating windows: search, events, help, data problems and the two
    /// exports; returns the commands given in them.
    fn windows_ui(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        let map_size = self.map_size();
        commands.extend(self.panels.search.show(ctx, &self.document, map_size));
        let story = self.panels.stories.show(
            ctx,
            &self.document,
            self.map_rect(),
            &self.platform.file_picker,
        );
        if story.iter().any(|c| matches!(c, Command::SetView(_))) {
            self.panels.map.glide_to_next_view();
        }
        commands.extend(story);
        commands.extend(self.panels.user_layers.show(ctx));
        if self.panels.events.open {
            let mut open = true;
            egui::Window::new("Event list")
                .open(&mut open)
                .default_size(egui::Vec2::new(360.0, 420.0))
                .default_pos(ctx.content_rect().right_top() + egui::Vec2::new(-380.0, 80.0))
                .show(ctx, |ui| {
                    commands.extend(self.panels.events.show(ui, &self.document));
                });
            self.panels.events.open &= open;
        }
        if self.panels.help_open {
            help::help_window(ctx, &mut self.panels.help_open);
        }
        if self.panels.problems_open {
            data_problems::data_problems_window(
                ctx,
                &self.document.data().errors,
                &self.document.data().warnings,
                &mut self.panels.problems_open,
            );
        }
        let view = self
            .panels
            .map
            .projector()
            .and_then(export_common::visible_box);
        let can_ask = self.platform.pending_pick.is_none();
        let compare = &self.panels.compare;
        self.panels.map_export.compare_from = compare
            .from
            .filter(|from| compare.on && *from < self.document.date());
        let mut wants_dialog = None;
        let extent = self.panels.map.visible_extent();
        if self.panels.map_export.open
            && self
                .panels
                .map_export
                .show(ctx, &self.document, extent, can_ask)
        {
            wants_dialog = Some(SaveTarget::Map);
        }
        if self.panels.animation_export.open
            && self
                .panels
                .animation_export
                .show(ctx, &self.document, view, can_ask)
        {
            wants_dialog = Some(SaveTarget::Animation);
        }
        if let Some(target) = wants_dialog {
            self.ask_where_to_save(target);
        }
        commands
    }

    /// Takes a requested screenshot once this frame is drawn.
    fn take_pending_screenshot(&mut self, ctx: &egui::Context) {
        if let Some(shot) = &mut self.platform.screenshot_then_quit {
            // A screenshot in compare mode waits for the comparison.
            if self.panels.compare.computing() {
                ctx.request_repaint();
            } else {
                shot.on_frame(ctx);
            }
        }
        let Some(path) = self.platform.pending_screenshot.take() else {
            return;
        };
        let toast = self.platform.toast.clone();
        let waker = ctx.clone();
        ctx.request_screenshot(move |image| {
            let note = match screenshot::write_png(&image, &path) {
                Ok(()) => save_note::SaveNote::saved(&path),
                Err(e) => save_note::SaveNote::plain(format!("Screenshot not saved: {e}")),
            };
            if let Ok(mut slot) = toast.lock() {
                *slot = Some(note);
            }
            waker.request_repaint();
        });
    }
}

impl AtlasApp {
    /// Starts a flash when the date moved (by whatever means) onto a change of
    /// control, and keeps frames coming only while it lasts.
    fn update_flash(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        self.panels
            .flash
            .update(self.document.date(), &self.document.data().marks, now);
        if self.panels.flash.strength(now) > 0.0 {
            ctx.request_repaint_after(std::time::Duration::from_millis(16));
        }
    }
}

impl Platform {
    fn set_toast(&self, note: Option<save_note::SaveNote>) {
        if let Ok(mut slot) = self.toast.lock() {
            *slot = note;
        }
    }

    /// What the card over the map says, if it is shown.
    pub fn toast(&self) -> Option<save_note::SaveNote> {
        self.toast.lock().ok().and_then(|t| t.clone())
    }

    /// The card about the last save and the path window; returns a path to
    /// save the screenshot to when the window gave one.
    fn save_ui(&mut self, ctx: &egui::Context) -> Option<PathBuf> {
        if let Some(note) = self.toast() {
            match save_note::show_note(ctx, &note) {
                save_note::NoteAction::None => {}
                save_note::NoteAction::Close => self.set_toast(None),
                save_note::NoteAction::OpenFolder(folder) => {
                    if let Err(e) = (self.folder_opener)(&folder) {
                        self.set_toast(Some(save_note::SaveNote {
                            message: format!(
                                "{} (the folder could not be opened: {e})",
                                note.message
                            ),
                            folder: None,
                        }));
                    }
                }
            }
        }
        self.path_prompt.show(ctx)
    }
}

/// Where a screenshot of the map on `date` goes unless the user says otherwise.
fn default_screenshot_path(date: Date) -> PathBuf {
    save_paths::dated_name(&save_paths::default_folder(), date, "png")
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.platform.ctx = Some(ctx.clone());
        let mut commands = keys::read_shortcuts(&ctx, self.panels.stories.playing());
        self.update_flash(&ctx);

        // Playback moves the date by wall time; keep frames coming while playing.
        if self.document.timeline().playing() {
            let dt = ctx.input(|i| i.stable_dt) as f64;
            self.document.advance_playback(dt);
            ctx.request_repaint();
        }
        commands.extend(self.panels_ui(ui));
        commands.extend(self.windows_ui(&ctx));
        for command in commands {
            self.apply(command);
        }
        // A drag, a scrub or a playback run becomes one undo step when it ends.
        let at_rest = !self.document.timeline().playing()
            && !ctx.input(|i| i.pointer.any_down() || i.smooth_scroll_delta != egui::Vec2::ZERO);
        if at_rest {
            self.document.settle();
        }
        if let Some(path) = self.platform.save_ui(&ctx) {
            self.apply(Command::ScreenshotTo(path));
        }
        self.take_pending_screenshot(&ctx);
        self.poll_save_dialog();
        self.poll_user_layers(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        state::save(storage, &self.persisted());
        if let Ok(text) = serde_json::to_string(&self.panels.user_layers.mappings) {
            storage.set_string(user_layers::MAPPINGS_KEY, text);
        }
    }
}
