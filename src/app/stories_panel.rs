//! The story player: pick a story (a text checked claim by claim), step through
//! its claims; each step moves the date and the view to what shows it, selects
//! the feature it is about, and shows the claim, the verdict as a coloured
//! badge, the correction and the sources. The last step sums up the verdicts.
//! The step's box is fitted to the part of the map the window leaves
//! visible, and its layers are shown while it plays. Closing the story
//! returns the user's own date, view and layers, and they are what the
//! window saves while a story plays.
//!
//! ← and → step the story while one is being played (the same
//! [`Command::StoryStep`] as the buttons); the map glides to each step's view
//! and outlines every feature the step names. *Open story…* adds a story
//! file of the user's own (the format of `geodata/SCHEMA.md`); a file that
//! cannot be used is named with its problems, and nothing else changes.

use egui::{Color32, RichText, Ui};

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::Command;
use super::document::Document;
use super::state::PersistedState;
use crate::atlas::LayerKind;
use crate::spatial::{MapView, RegionBox};
use crate::story::{Step, Stories, Story, Verdict};
use crate::time::{Date, TimeCommand};

/// Where the user was before the story took over the map: the date, the
/// view and the layers shown, given back on leaving the story.
#[derive(Clone)]
struct UsersPlace {
    date: Date,
    view: Option<MapView>,
    hidden_layers: BTreeSet<LayerKind>,
}

/// The player's state.
#[derive(Default)]
pub struct StoriesPanel {
    /// Whether the window is open.
    pub open: bool,
    /// The bundled stories, read when the window first opens.
    stories: Option<Stories>,
    /// The story being played and the step shown (0: its title page;
    /// `steps.len() + 1`: the summary).
    playing: Option<(usize, usize)>,
    users_place: Option<UsersPlace>,
    /// The path typed into the "Open story" field.
    path: String,
    /// Why the last story file could not be opened, one sentence a problem.
    open_errors: Vec<String>,
    /// A story file chosen in the desktop's dialog, arriving from its thread.
    chosen: Option<std::sync::mpsc::Receiver<Option<PathBuf>>>,
    /// Where the window was in the last frame: a step's box is fitted to
    /// the part of the map it leaves visible.
    window_rect: Option<egui::Rect>,
}

impl StoriesPanel {
    /// Shows the window while open; returns the commands of a step (or of
    /// leaving the story).
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        document: &Document,
        map_rect: egui::Rect,
        picker: &std::sync::Arc<dyn super::file_picker::FilePicker>,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        if !self.open {
            if self.playing.is_some() {
                commands.extend(self.leave(document));
            }
            return commands;
        }
        self.receive_chosen_file(document);
        self.stories.get_or_insert_with(crate::story::bundled);
        let mut go_to: Option<(usize, usize)> = None;
        let mut leave = false;
        let mut open = true;
        let mut open_path = false;
        let mut choose_file = false;
        let window = egui::Window::new("Stories")
            .open(&mut open)
            .default_width(420.0)
            .default_pos(ctx.content_rect().left_top() + egui::Vec2::new(190.0, 70.0))
            .show(ctx, |ui| match (self.playing, self.stories.as_ref()) {
                (None, Some(stories)) => {
                    ui.label("Texts about the region, checked claim by claim on the map.");
                    for (i, story) in stories.stories.iter().enumerate() {
                        if ui
                            .button(&story.title)
                            .on_hover_text(format!(
                                "{} — {}",
                                story.checks.outlet, story.checks.date
                            ))
                            .clicked()
                        {
                            go_to = Some((i, 1));
                        }
                    }
                    for e in &stories.errors {
                        ui.colored_label(ui.visuals().error_fg_color, e.to_string());
                    }
                    ui.separator();
                    (open_path, choose_file) =
                        open_story_ui(ui, &mut self.path, &self.open_errors, self.chosen.is_none());
                }
                (Some((index, step)), Some(stories)) => {
                    if let Some(story) = stories.stories.get(index) {
                        let (next, left) = step_ui(ui, story, step);
                        commands.extend(next.map(Command::StoryStep));
                        leave = left;
                    }
                }
                (_, None) => {}
            });
        self.window_rect = window.map(|w| w.response.rect);
        if open_path {
            let path = PathBuf::from(self.path.trim());
            self.open_file(&path, document);
        }
        if choose_file {
            self.chosen = Some(ask_for_story_file(picker, ctx));
        }
        if !open || leave {
            self.open = open;
            commands.extend(self.leave(document));
            return commands;
        }
        if let Some((index, step)) = go_to {
            commands.extend(self.go_to(index, step, document, map_rect));
        }
        commands
    }

    /// `state` with the user's own date, view and layers while a story has
    /// the map (the ones given back on leaving it), so that quitting in the
    /// middle of a story does not make a step's map the next start.
    pub fn with_users_place(&self, state: PersistedState) -> PersistedState {
        match &self.users_place {
            Some(place) => PersistedState {
                date: place.date,
                view: place.view,
                hidden_layers: place.hidden_layers.clone(),
                ..state
            },
            None => state,
        }
    }

    /// Whether a story is being played (its steps take ← and →).
    pub fn playing(&self) -> bool {
        self.open && self.playing.is_some()
    }

    /// The ids of the features the step shown is about (empty outside a step).
    pub fn highlighted(&self) -> &[String] {
        let Some((index, step)) = self.playing.filter(|_| self.open) else {
            return &[];
        };
        self.stories
            .as_ref()
            .and_then(|s| s.stories.get(index))
            .and_then(|story| story.step(step))
            .map_or(&[], |s| s.view.highlight.as_slice())
    }

    /// Where the Stories window was drawn in the last frame, if open.
    pub fn window_rect(&self) -> Option<egui::Rect> {
        self.window_rect.filter(|_| self.open)
    }

    /// The titles of the stories that can be played, bundled and opened.
    pub fn titles(&self) -> Vec<&str> {
        self.stories
            .iter()
            .flat_map(|s| s.stories.iter().map(|story| story.title.as_str()))
            .collect()
    }

    /// The next (`forward`) or previous step of the story being played, from
    /// its first claim to its summary; nothing at either end.
    pub fn step_by(
        &mut self,
        forward: bool,
        document: &Document,
        map_rect: egui::Rect,
    ) -> Vec<Command> {
        let Some((index, step)) = self.playing.filter(|_| self.open) else {
            return Vec::new();
        };
        let total = self
            .stories
            .as_ref()
            .and_then(|s| s.stories.get(index))
            .map_or(0, |s| s.steps.len());
        let next = match forward {
            true if step <= total => step + 1,
            false if step > 1 => step - 1,
            _ => return Vec::new(),
        };
        self.go_to(index, next, document, map_rect)
    }

    /// Shows step `step` of story `index`: remembers the user's place on
    /// entering, then moves the date and the view to the step's.
    fn go_to(
        &mut self,
        index: usize,
        step: usize,
        document: &Document,
        map_rect: egui::Rect,
    ) -> Vec<Command> {
        if self.users_place.is_none() {
            self.users_place = Some(UsersPlace {
                date: document.date(),
                view: document.view(),
                hidden_layers: document.hidden_layers().clone(),
            });
        }
        self.playing = Some((index, step));
        let story = self.stories.as_ref().and_then(|s| s.stories.get(index));
        story
            .and_then(|s| s.step(step))
            .map(|step| {
                let free = free_area(map_rect, self.window_rect);
                step_commands(document, step, map_rect, free)
            })
            .unwrap_or_default()
    }

    /// Reads a story file of the user's and adds it to the list; a file that
    /// cannot be used leaves the list as it was and says why.
    pub fn open_file(&mut self, path: &std::path::Path, document: &Document) {
        self.open_errors.clear();
        if path.as_os_str().is_empty() {
            self.open_errors
                .push("Type the path of a story file (.json) first.".to_string());
            return;
        }
        let story = crate::story::load_file(path).and_then(|story| {
            let problems = crate::story::check_story(&story, &document.data().atlas);
            if problems.is_empty() {
                Ok(story)
            } else {
                Err(problems)
            }
        });
        let stories = self.stories.get_or_insert_with(crate::story::bundled);
        let errors_before = stories.errors.len();
        match story {
            Ok(story) => stories.push(Ok(story)),
            Err(errors) => {
                self.open_errors = errors.iter().map(|e| e.to_string()).collect();
                return;
            }
        }
        // A clash of ids is an error of the new file, not of the list.
        let new: Vec<String> = stories
            .errors
            .drain(errors_before..)
            .map(|e| e.to_string())
            .collect();
        self.open_errors = new;
    }

    /// Takes the answer of the desktop's open dialog when it arrives.
    fn receive_chosen_file(&mut self, document: &Document) {
        let Some(receiver) = &self.chosen else {
            return;
        };
        match receiver.try_recv() {
            Ok(Some(path)) => {
                self.chosen = None;
                self.path = path.display().to_string();
                self.open_file(&path, document);
            }
            Ok(None) | Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.chosen = None;
                self.open_errors = vec![
                    "No file chosen (without a desktop dialog, type the path above and \
                     press Open)."
                        .to_string(),
                ];
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
        }
    }

    /// Back to the list, the date and the view the user had.
    fn leave(&mut self, document: &Document) -> Vec<Command> {
        self.playing = None;
        let Some(place) = self.users_place.take() else {
            return Vec::new();
        };
        let mut commands = vec![
            Command::Time(TimeCommand::SetDate(place.date)),
            match place.view {
                Some(view) => Command::SetView(view),
                None => Command::ResetView,
            },
            Command::Select(None),
        ];
        commands.extend(layer_commands(document, &place.hidden_layers));
        commands
    }
}

/// One step (or the summary) and its buttons; returns the way to step
/// (forward or back) and whether to leave the story.
fn step_ui(ui: &mut Ui, story: &Story, step: usize) -> (Option<bool>, bool) {
    let total = story.steps.len();
    ui.label(RichText::new(&story.title).strong());
    ui.weak(format!("{}, {}", story.checks.outlet, story.checks.date));
    ui.separator();
    match story.step(step) {
        Some(s) => {
            ui.label(format!("Claim {step} of {total}"));
            ui.label(RichText::new(&s.claim).italics());
            badge(ui, s.verdict);
            ui.label(&s.correction);
            if let Some(caption) = &s.view.caption {
                ui.weak(caption);
            }
            ui.label(RichText::new("Sources").strong());
            for source in &s.sources {
                match &source.url {
                    Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
                        ui.hyperlink_to(&source.title, url);
                    }
                    _ => {
                        ui.label(&source.title);
                    }
                }
            }
        }
        None => {
            ui.label(RichText::new("Summary").strong());
            let summary = story.summary();
            for (verdict, count) in &summary.counts {
                ui.horizontal(|ui| {
                    badge(ui, *verdict);
                    ui.label(count.to_string());
                });
            }
            ui.label(summary.to_string());
        }
    }
    ui.separator();
    let mut next = None;
    let mut leave = false;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(step > 1, egui::Button::new("Previous claim"))
            .on_hover_text("←")
            .clicked()
        {
            next = Some(false);
        }
        if ui
            .add_enabled(step <= total, egui::Button::new("Next claim"))
            .on_hover_text("→")
            .clicked()
        {
            next = Some(true);
        }
        if ui.button("Leave the story").clicked() {
            leave = true;
        }
    });
    (next, leave)
}

/// The "Open story" row: a path field, *Open* and *Choose file…*; returns
/// whether to open the typed path and whether to ask the desktop's dialog.
fn open_story_ui(ui: &mut Ui, path: &mut String, errors: &[String], can_ask: bool) -> (bool, bool) {
    ui.label(RichText::new("Open story…").strong());
    let mut open = false;
    let mut ask = false;
    ui.horizontal(|ui| {
        let field = ui.add(
            egui::TextEdit::singleline(path)
                .id_salt("story-path")
                .hint_text("path of a story file (.json)")
                .desired_width(240.0),
        );
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        open = ui.button("Open").clicked() || entered;
        ask = ui
            .add_enabled(can_ask, egui::Button::new("Choose file…"))
            .on_hover_text("The desktop's file dialog")
            .clicked();
    });
    for e in errors {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    (open, ask)
}

/// Asks the desktop's dialog for a story file on its own thread.
fn ask_for_story_file(
    picker: &std::sync::Arc<dyn super::file_picker::FilePicker>,
    ctx: &egui::Context,
) -> std::sync::mpsc::Receiver<Option<PathBuf>> {
    let (send, receive) = std::sync::mpsc::channel();
    let picker = picker.clone();
    let ctx = ctx.clone();
    let dialog = super::file_picker::SaveDialog {
        title: "Open story".to_string(),
        folder: super::save_paths::default_folder(),
        file_name: String::new(),
        filter: ("Story".to_string(), vec!["json".to_string()]),
    };
    std::thread::spawn(move || {
        let _ = send.send(picker.open_file(&dialog));
        ctx.request_repaint();
    });
    receive
}

/// The verdict as a coloured badge.
fn badge(ui: &mut Ui, verdict: Verdict) {
    let [r, g, b] = verdict.rgb();
    ui.label(
        RichText::new(format!(" {} ", verdict.label()))
            .color(Color32::WHITE)
            .background_color(Color32::from_rgb(r, g, b))
            .strong(),
    );
}

/// The commands that show exactly the layers not in `hidden` (every layer
/// of the atlas, the user's own included).
fn layer_commands(document: &Document, hidden: &BTreeSet<LayerKind>) -> Vec<Command> {
    document
        .data()
        .atlas
        .layers
        .iter()
        .map(|l| Command::SetLayerVisible(l.kind.clone(), !hidden.contains(&l.kind)))
        .collect()
}

/// The largest part of the map `map` that the window `covering` leaves
/// visible: the strip beside, above or below the window with the most room
/// (the whole map when the window does not cover it).
pub fn free_area(map: egui::Rect, covering: Option<egui::Rect>) -> egui::Rect {
    let Some(window) = covering
        .map(|w| w.intersect(map))
        .filter(|w| w.is_positive())
    else {
        return map;
    };
    let strips = [
        egui::Rect::from_min_max(map.min, egui::pos2(window.left(), map.bottom())),
        egui::Rect::from_min_max(egui::pos2(window.right(), map.top()), map.max),
        egui::Rect::from_min_max(map.min, egui::pos2(map.right(), window.top())),
        egui::Rect::from_min_max(egui::pos2(map.left(), window.bottom()), map.max),
    ];
    strips
        .into_iter()
        .filter(|r| r.is_positive())
        .max_by(|a, b| a.area().total_cmp(&b.area()))
        // A window over the whole map: fit to the map all the same.
        .filter(|r| r.width() >= 120.0 && r.height() >= 120.0)
        .unwrap_or(map)
}

/// The view of the map `map` that shows `bbox` whole inside `free`, a part
/// of the map: fitted to `free`'s size, then moved so that the box's centre
/// lies at `free`'s centre rather than the map's.
pub fn fit_box_in(bbox: &RegionBox, map: egui::Rect, free: egui::Rect) -> MapView {
    let mut view = MapView::fit_box(bbox, free.width(), free.height());
    let shift = free.center() - map.center();
    // Screen y and map y both grow downwards (see `Projector::map_to_screen`).
    view.pan_by_points(shift.x as f64, shift.y as f64);
    view
}

/// The date, the view and the selection that show a step.
fn step_commands(
    document: &Document,
    step: &Step,
    map: egui::Rect,
    free: egui::Rect,
) -> Vec<Command> {
    let view = &step.view;
    let mut commands = vec![
        Command::Time(TimeCommand::SetDate(view.date)),
        Command::SetView(fit_box_in(&view.bbox, map, free)),
    ];
    let data = document.data();
    // The step's layers (every layer when it names none); the story was
    // checked against the atlas, so an unknown layer shows all of them.
    let hidden = view.hidden_layers(&data.atlas).unwrap_or_default();
    commands.extend(layer_commands(document, &hidden));
    let highlighted = view.highlight.iter().find_map(|id| {
        data.projected
            .of_id(id)
            .map(|pf| (id.clone(), pf.bbox.center()))
    });
    commands.push(Command::Select(highlighted));
    commands
}
