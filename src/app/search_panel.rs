//! The search field (Ctrl+F or /): finds places, zones, Russian positions and
//! events by any of their names ([`crate::search::find`]); Enter or a click
//! zooms to the result, selects it and, for an event or anything not there on
//! the date shown, moves the date to when it was.

use egui::{Key, RichText};

use super::Command;
use super::document::Document;
use crate::atlas::{Feature, LayerKind};
use crate::spatial::MapView;
use crate::time::TimeCommand;

/// How many results are listed.
const SHOWN: usize = 10;
/// The smallest area a result is shown with (km across), so a town keeps its surroundings.
const MIN_EXTENT_KM: f64 = 40.0;

/// The search window's state.
#[derive(Default)]
pub struct SearchPanel {
    /// Whether the window is open.
    pub open: bool,
    query: String,
    /// The highlighted result (Enter picks it).
    highlighted: usize,
    /// Give the field the keyboard on the next frame.
    focus: bool,
}

impl SearchPanel {
    /// Opens the window with the keyboard in the field.
    pub fn open(&mut self) {
        self.open = true;
        self.focus = true;
    }

    /// Shows the window while open; `map_size` is the map's size in points
    /// (for zooming to a result). Returns the commands of a pick.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        document: &Document,
        map_size: egui::Vec2,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        if !self.open {
            return commands;
        }
        let mut open = self.open;
        let mut picked = None;
        egui::Window::new("Find")
            .open(&mut open)
            .default_width(360.0)
            .anchor(egui::Align2::CENTER_TOP, egui::Vec2::new(0.0, 60.0))
            .collapsible(false)
            .show(ctx, |ui| {
                let label = ui.label("Place, zone, Russian position or event");
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.query)
                            .hint_text("e.g. Khankendi, Gyumri, ceasefire")
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                if std::mem::take(&mut self.focus) {
                    field.request_focus();
                }
                if field.changed() {
                    self.highlighted = 0;
                }
                let data = document.data();
                let found = data.search.find(&data.atlas, &self.query, SHOWN);
                let (up, down, enter, escape) = ui.input(|i| {
                    (
                        i.key_pressed(Key::ArrowUp),
                        i.key_pressed(Key::ArrowDown),
                        i.key_pressed(Key::Enter),
                        i.key_pressed(Key::Escape),
                    )
                });
                if down {
                    self.highlighted = (self.highlighted + 1).min(found.len().saturating_sub(1));
                }
                if up {
                    self.highlighted = self.highlighted.saturating_sub(1);
                }
                if escape {
                    self.open = false;
                }
                if enter && let Some(f) = found.get(self.highlighted) {
                    picked = Some(f.feature);
                }
                if !self.query.trim().is_empty() && found.is_empty() {
                    ui.weak("Nothing in the atlas has that name.");
                }
                for (i, f) in found.iter().enumerate() {
                    let text = result_text(f.feature, f.matched);
                    if ui.selectable_label(i == self.highlighted, text).clicked() {
                        picked = Some(f.feature);
                    }
                }
            });
        self.open &= open;
        if let Some(feature) = picked {
            commands = go_to(document, feature, map_size);
            self.open = false;
        }
        commands
    }
}

/// A result's line: its name (and the name that matched, if another), what it
/// is, and when.
fn result_text(feature: &Feature, matched: &str) -> RichText {
    let mut text = feature.name.en.clone();
    if !feature.name.en.contains(matched) {
        text.push_str(&format!(" ({matched})"));
    }
    let what = match &feature.layer {
        LayerKind::Places => feature.kind.clone(),
        LayerKind::Control => "control zone".to_string(),
        LayerKind::RussianForces => feature.kind.replace('-', " "),
        LayerKind::Events => format!("event, {}", feature.kind),
        other => other.name().to_string(),
    };
    text.push_str(&format!(" — {what}"));
    if let Some(from) = feature.lifespan.from {
        text.push_str(&format!(", {from}"));
    }
    RichText::new(text)
}

/// Zoom to `feature`, select it, and move the date to it when it is not
/// there on the date shown (an event: its day).
fn go_to(document: &Document, feature: &Feature, map_size: egui::Vec2) -> Vec<Command> {
    let mut commands = Vec::new();
    let data = document.data();
    let date = match (&feature.layer, feature.lifespan.from) {
        (LayerKind::Events, Some(from)) => Some(from),
        (_, Some(from)) if !feature.is_shown_on(document.date()) => Some(from),
        _ => None,
    };
    if let Some(date) = date {
        commands.push(Command::Time(TimeCommand::SetDate(date)));
    }
    if !document.shows(&feature.layer) {
        commands.push(Command::SetLayerVisible(feature.layer.clone(), true));
    }
    if let Some(pf) = data.projected.of_id(&feature.id) {
        commands.push(Command::SetView(MapView::fit_map_rect(
            &pf.bbox,
            MIN_EXTENT_KM,
            map_size.x,
            map_size.y,
        )));
        let c = pf.bbox.center();
        commands.push(Command::Select(Some((feature.id.clone(), c))));
    }
    commands
}
