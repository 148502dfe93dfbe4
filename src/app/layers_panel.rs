//! The layer panel: a box per loaded layer, with its feature count, and how
//! the two names of a place are shown.

use egui::{RichText, Ui};

use super::Command;
use super::document::Document;
use crate::atlas::NameOrder;

/// Shows the layer list; returns the layers the user showed or hid.
pub fn layers_panel(ui: &mut Ui, document: &Document) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.label(RichText::new("Layers").strong());
    for layer in &document.data().atlas.layers {
        let mut shown = document.shows(&layer.kind);
        let label = format!("{} ({})", layer.kind, layer.features.len());
        if ui
            .checkbox(&mut shown, label)
            .on_hover_text(&layer.file)
            .changed()
        {
            commands.push(Command::SetLayerVisible(layer.kind.clone(), shown));
        }
    }
    ui.separator();
    names_choice(ui, document.names(), &mut commands);
    commands
}

/// The order of a place's two names ("Khankendi (Stepanakert)"): one radio
/// button per order.
fn names_choice(ui: &mut Ui, current: NameOrder, commands: &mut Vec<Command>) {
    ui.label(RichText::new("Place names").strong())
        .on_hover_text("Places the sides name differently, such as Stepanakert and Khankendi");
    let mut names = current;
    for order in NameOrder::ALL {
        ui.radio_value(&mut names, order, order.label());
    }
    if names != current {
        commands.push(Command::SetNames(names));
    }
}
