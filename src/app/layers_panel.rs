//! The layer panel: a box per loaded layer, with its feature count; users'
//! layers with their colour and a remove button, and *Open layer…*.

use egui::{RichText, Ui};

use super::Command;
use super::document::Document;
use super::user_layers::layer_tooltip;
use crate::scene::user_layer_color;

/// Shows the layer list; returns the layers the user showed, hid, opened or
/// removed.
pub fn layers_panel(ui: &mut Ui, document: &Document) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.label(RichText::new("Layers").strong());
    let atlas = &document.data().atlas;
    for layer in &atlas.layers {
        let mut shown = document.shows(&layer.kind);
        let label = format!("{} ({})", layer.kind, layer.features.len());
        ui.horizontal(|ui| {
            if layer.kind.is_user() {
                let color = user_layer_color(atlas, &layer.kind);
                let (rect, _) =
                    ui.allocate_exact_size(egui::Vec2::splat(10.0), egui::Sense::hover());
                ui.painter().rect_filled(rect, 2.0, color);
            }
            if ui
                .checkbox(&mut shown, label)
                .on_hover_text(layer_tooltip(layer))
                .changed()
            {
                commands.push(Command::SetLayerVisible(layer.kind.clone(), shown));
            }
            if layer.kind.is_user()
                && ui
                    .small_button("Remove")
                    .on_hover_text(format!("Remove the layer {}", layer.kind))
                    .clicked()
            {
                commands.push(Command::RemoveLayer(layer.kind.clone()));
            }
        });
    }
    ui.add_space(6.0);
    if ui
        .button("Open layer…")
        .on_hover_text("Add a GeoJSON file of your own (or drop it on the window)")
        .clicked()
    {
        commands.push(Command::OpenLayer);
    }
    commands
}
