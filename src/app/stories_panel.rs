//! The story player: pick a story (a text checked claim by claim), step through
//! its claims; each step moves the date and the view to what shows it, selects
//! the feature it is about, and shows the claim, the verdict as a coloured
//! badge, the correction and the sources. The last step sums up the verdicts.
//! Closing the story returns the user's own date and view.

use egui::{Color32, RichText, Ui};

use super::Command;
use super::document::Document;
use crate::spatial::{MapView, RegionBox};
use crate::story::{Step, Stories, Story, Verdict};
use crate::time::{Date, TimeCommand};

/// Where the user was before the story took over the map.
#[derive(Clone, Copy)]
struct UsersPlace {
    date: Date,
    view: Option<MapView>,
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
}

impl StoriesPanel {
    /// Shows the window while open; returns the commands of a step (or of
    /// leaving the story).
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        document: &Document,
        map_size: egui::Vec2,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        if !self.open {
            if self.playing.is_some() {
                commands.extend(self.leave());
            }
            return commands;
        }
        let stories = self.stories.get_or_insert_with(crate::story::bundled);
        let mut go_to: Option<(usize, usize)> = None;
        let mut leave = false;
        let mut open = true;
        egui::Window::new("Stories")
            .open(&mut open)
            .default_width(420.0)
            .default_pos(ctx.content_rect().left_top() + egui::Vec2::new(190.0, 70.0))
            .show(ctx, |ui| match self.playing {
                None => {
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
                }
                Some((index, step)) => {
                    if let Some(story) = stories.stories.get(index) {
                        let (next, left) = step_ui(ui, story, step);
                        go_to = next.map(|s| (index, s));
                        leave = left;
                    }
                }
            });
        if !open || leave {
            self.open = open;
            commands.extend(self.leave());
            return commands;
        }
        if let Some((index, step)) = go_to {
            if self.users_place.is_none() {
                self.users_place = Some(UsersPlace {
                    date: document.date(),
                    view: document.view(),
                });
            }
            self.playing = Some((index, step));
            let story = self.stories.as_ref().and_then(|s| s.stories.get(index));
            if let Some(step) = story.and_then(|s| s.step(step)) {
                commands.extend(step_commands(document, step, map_size));
            }
        }
        commands
    }

    /// Back to the list, the date and the view the user had.
    fn leave(&mut self) -> Vec<Command> {
        self.playing = None;
        let Some(place) = self.users_place.take() else {
            return Vec::new();
        };
        vec![
            Command::Time(TimeCommand::SetDate(place.date)),
            match place.view {
                Some(view) => Command::SetView(view),
                None => Command::ResetView,
            },
            Command::Select(None),
        ]
    }
}

/// One step (or the summary) and its buttons; returns the step to go to and
/// whether to leave the story.
fn step_ui(ui: &mut Ui, story: &Story, step: usize) -> (Option<usize>, bool) {
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
            .clicked()
        {
            next = Some(step - 1);
        }
        if ui
            .add_enabled(step <= total, egui::Button::new("Next claim"))
            .clicked()
        {
            next = Some(step + 1);
        }
        if ui.button("Leave the story").clicked() {
            leave = true;
        }
    });
    (next, leave)
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

/// The date, the view and the selection that show a step.
fn step_commands(document: &Document, step: &Step, map_size: egui::Vec2) -> Vec<Command> {
    let view = &step.view;
    let bbox: &RegionBox = &view.bbox;
    let mut commands = vec![
        Command::Time(TimeCommand::SetDate(view.date)),
        Command::SetView(MapView::fit_box(bbox, map_size.x, map_size.y)),
    ];
    let data = document.data();
    let highlighted = view.highlight.iter().find_map(|id| {
        data.projected
            .features
            .iter()
            .find(|pf| data.projected.feature(&data.atlas, pf).id == *id)
            .map(|pf| (id.clone(), pf.bbox.center()))
    });
    commands.push(Command::Select(highlighted));
    commands
}
