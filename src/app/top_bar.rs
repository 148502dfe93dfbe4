//! The top bar: reset, layers, label language, screenshots, exports, and the
//! notes and messages the window has for the user.

use egui::Ui;

use super::Command;
use super::document::Document;
use crate::atlas::Language;

/// What the top bar shows besides the document.
pub struct TopBarState<'a> {
    /// Whether the layer panel is open.
    pub layers_open: bool,
    /// Whether a save dialog can be opened now (none is open).
    pub can_ask: bool,
    /// The window's look as the user chose it.
    pub theme: egui::ThemePreference,
    /// How many features could not be loaded.
    pub problems: usize,
    /// How many were loaded with a warning.
    pub warnings: usize,
    /// Notes for the user (e.g. a stored state that could not be used).
    pub notes: &'a [String],
}

/// Shows the bar; returns the commands given with it.
pub fn top_bar(ui: &mut Ui, document: &Document, state: &TopBarState<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    // Wraps into more rows in a narrow window rather than running off it.
    ui.horizontal_wrapped(|ui| {
        ui.heading("Caucasus Atlas");
        ui.separator();
        if ui
            .button("Reset view")
            .on_hover_text("Show the whole region (R)")
            .clicked()
        {
            commands.push(Command::ResetView);
        }
        let mut layers_open = state.layers_open;
        if ui
            .toggle_value(&mut layers_open, "Layers")
            .on_hover_text("Show or hide the layer panel")
            .changed()
        {
            commands.push(Command::ShowLayersPanel(layers_open));
        }
        language_menu(ui, document.language(), &mut commands);
        view_menu(ui, state.theme, &mut commands);
        ui.separator();
        for (label, tip, command) in [
            (
                "Find…",
                "Find a place, zone, position or event (Ctrl+F or /)",
                Command::OpenSearch,
            ),
            ("Events", "The list of events (E)", Command::ToggleEventList),
            (
                "Stories",
                "Texts about the region checked claim by claim on the map",
                Command::ToggleStories,
            ),
            (
                "Help",
                "Keys, gestures and how to read the map (F1 or ?)",
                Command::ToggleHelp,
            ),
        ] {
            if ui.button(label).on_hover_text(tip).clicked() {
                commands.push(command);
            }
        }
        ui.separator();
        save_buttons(ui, state.can_ask, &mut commands);
        if let Some(label) = super::data_problems::problems_label(state.problems, state.warnings)
            && ui.button(label).clicked()
        {
            commands.push(Command::ToggleDataProblems);
        }
        for note in state.notes {
            ui.weak(note);
        }
    });
    commands
}

/// The View menu: light, dark, or the system's look.
fn view_menu(ui: &mut Ui, current: egui::ThemePreference, commands: &mut Vec<Command>) {
    use egui::ThemePreference::{Dark, Light, System};
    ui.menu_button("View", |ui| {
        for (theme, label) in [
            (System, "Follow the system's theme"),
            (Light, "Light"),
            (Dark, "Dark"),
        ] {
            if ui.radio(current == theme, label).clicked() {
                commands.push(Command::SetTheme(theme));
                ui.close();
            }
        }
    })
    .response
    .on_hover_text("Light or dark window");
}

/// The label language menu.
fn language_menu(ui: &mut Ui, current: Language, commands: &mut Vec<Command>) {
    let mut language = current;
    egui::ComboBox::from_label("Labels")
        .selected_text(language.endonym())
        .show_ui(ui, |ui| {
            for lang in Language::ALL {
                ui.selectable_value(&mut language, lang, lang.endonym());
            }
        });
    if language != current {
        commands.push(Command::SetLanguage(language));
    }
}

/// Screenshot, Screenshot as…, Export map…, Export animation….
fn save_buttons(ui: &mut Ui, can_ask: bool, commands: &mut Vec<Command>) {
    if ui
        .button("Screenshot")
        .on_hover_text("Save what the window shows as PNG (Ctrl+Shift+S, F12)")
        .clicked()
    {
        commands.push(Command::Screenshot);
    }
    if ui
        .add_enabled(can_ask, egui::Button::new("Screenshot as…"))
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
        commands.push(Command::OpenMapExport);
    }
    if ui
        .button("Export animation…")
        .on_hover_text("GIF or APNG over a range of dates")
        .clicked()
    {
        commands.push(Command::OpenAnimationExport);
    }
}
