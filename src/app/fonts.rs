//! Bundled fonts (SIL OFL 1.1, see `assets/fonts/OFL.txt`): Noto Sans for Latin
//! (with Azerbaijani ə) and Cyrillic, Noto Sans Armenian and Noto Sans Georgian.
//! They are added as fallbacks so every script renders the same on every machine.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// The bundled font files, by name.
pub const BUNDLED_FONTS: [(&str, &[u8]); 3] = [
    (
        "NotoSans",
        include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"),
    ),
    (
        "NotoSansArmenian",
        include_bytes!("../../assets/fonts/NotoSansArmenian-Regular.ttf"),
    ),
    (
        "NotoSansGeorgian",
        include_bytes!("../../assets/fonts/NotoSansGeorgian-Regular.ttf"),
    ),
];

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
    fonts
}

/// Installs the fonts into a context.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}
