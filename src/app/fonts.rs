//! The bundled fonts ([`crate::render::fonts`]) registered with egui as
//! fallbacks, so every script renders in the window as in the exports.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

use crate::render::fonts::BUNDLED_FONTS;

/// egui's default fonts plus the bundled ones as fallbacks for every family.
pub fn font_definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    for (name, bytes) in BUNDLED_FONTS {
        fonts
            .font_data
            .insert(name.to_string(), Arc::new(FontData::from_static(bytes)));
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            fonts
                .families
                .entry(family)
                .or_default()
                .push(name.to_string());
        }
    }
    // egui's monospace face has the arrows the shortcut texts use ("Alt+←");
    // the proportional faces do not, so it is their last fallback.
    if fonts.font_data.contains_key("Hack") {
        fonts
            .families
            .entry(FontFamily::Proportional)
            .or_default()
            .push("Hack".to_string());
    }
    fonts
}

/// Installs the fonts into a context.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}
