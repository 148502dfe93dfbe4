//! Bundled fonts (SIL OFL 1.1, see `assets/fonts/OFL.txt`): Noto Sans for Latin
//! (with Azerbaijani ə) and Cyrillic, Noto Sans Armenian and Noto Sans Georgian.
//! Exports measure and draw text with these and nothing else, so a map looks
//! the same on every machine; the window registers the same files.

/// The bundled font files, by name, in fallback order.
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
