//! The data built into the binary, so the program runs from any folder.
//! `--data DIR` reads another folder instead.

use super::LayerKind;

/// (layer, GeoJSON text) for every bundled layer; each file is
/// `geodata/<layer name>.geojson`.
pub const BUNDLED_LAYERS: &[(LayerKind, &str)] = &[
    (
        LayerKind::Countries,
        include_str!("../../geodata/countries.geojson"),
    ),
    (
        LayerKind::Control,
        include_str!("../../geodata/control.geojson"),
    ),
    (
        LayerKind::Lakes,
        include_str!("../../geodata/lakes.geojson"),
    ),
    (
        LayerKind::Admin1,
        include_str!("../../geodata/admin1.geojson"),
    ),
    (
        LayerKind::Lines,
        include_str!("../../geodata/lines.geojson"),
    ),
    (
        LayerKind::Corridor,
        include_str!("../../geodata/corridor.geojson"),
    ),
    (
        LayerKind::RussianForces,
        include_str!("../../geodata/russian-forces.geojson"),
    ),
    (
        LayerKind::Events,
        include_str!("../../geodata/events.geojson"),
    ),
    (
        LayerKind::Places,
        include_str!("../../geodata/places.geojson"),
    ),
];

/// The bundled `geodata/meta.json` (the day the data was last reviewed).
pub const BUNDLED_META: &str = include_str!("../../geodata/meta.json");
