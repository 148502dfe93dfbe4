//! The help window (F1 or ?): every shortcut and mouse gesture, and how to read
//! the map.

use egui::RichText;

use super::keys::shortcuts;

/// Mouse and touch gestures, as (gesture, what it does).
const GESTURES: [(&str, &str); 8] = [
    ("Drag the map", "pan"),
    ("Wheel or pinch over the map", "zoom about the pointer"),
    (
        "Click a zone, line, town, position or event",
        "its details and history",
    ),
    ("Click empty sea", "clear the selection"),
    ("Drag or click the timeline", "set the date"),
    (
        "Hover a tick on the timeline",
        "what happened then; click to go there",
    ),
    ("Click a date in a history", "go to that date"),
    ("Click the legend's header", "fold or unfold it"),
];

/// How to read the map, one line each.
const READING: [&str; 6] = [
    "Colours: who held the ground on the date shown (the legend names each).",
    "A dashed edge: the line, or the day it changed, is known only approximately.",
    "Thick dark lines: lines of contact and ceasefire lines.",
    "Diamonds: events, on their day and fading over the month after; never before.",
    "Squares, triangles and rings: Russian bases, posts and missions (and the EU mission).",
    "Contested places carry both names, the holder's first: Stepanakert (Khankendi) until 2023, Khankendi (Stepanakert) after (Layers panel: Place names).",
];

/// Shows the window while `open`.
pub fn help_window(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Help")
        .open(open)
        .default_width(460.0)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(520.0)
                .show(ui, |ui| {
                    ui.label(RichText::new("Keys").strong());
                    egui::Grid::new("help-keys").striped(true).show(ui, |ui| {
                        for (_, _, command, keys) in shortcuts() {
                            ui.monospace(keys);
                            ui.label(super::keys::describe(&command));
                            ui.end_row();
                        }
                    });
                    ui.separator();
                    ui.label(RichText::new("Mouse").strong());
                    egui::Grid::new("help-mouse").striped(true).show(ui, |ui| {
                        for (gesture, effect) in GESTURES {
                            ui.label(gesture);
                            ui.label(effect);
                            ui.end_row();
                        }
                    });
                    ui.separator();
                    ui.label(RichText::new("How to read the map").strong());
                    for line in READING {
                        ui.label(line);
                    }
                });
        });
}
