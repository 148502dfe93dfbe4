//! The layer panel: a box per loaded layer, with its feature count.

use egui::{RichText, Ui};

use super::Command;
use super::document::Document;

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
    commands
}
