//! The layer panel: a box per loaded layer, with its feature count; users'
//! layers with their colour, *Fields…* (the mapping dialog, to reload it
//! with other fields) and a remove button, *Open layer…*; and how the
//! two names of a place are shown.

use egui::{RichText, Ui};

use super::Command;
use super::document::Document;
use super::user_layers::layer_tooltip;
use crate::atlas::NameOrder;
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
        ui.horizontal_wrapped(|ui| {
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
                    .small_button("Fields…")
                    .on_hover_text("Which properties hold the date, the end and the name")
                    .clicked()
            {
                commands.push(Command::EditLayerFields(layer.kind.clone()));
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
