//! The data built into the binary, so the program runs from any folder.
//! `--data DIR` reads another folder instead.

/// (layer name, GeoJSON text) for every bundled layer.
pub const BUNDLED_LAYERS: &[(&str, &str)] = &[
    ("countries", include_str!("../../geodata/countries.geojson")),
    ("control", include_str!("../../geodata/control.geojson")),
    ("lakes", include_str!("../../geodata/lakes.geojson")),
    ("admin1", include_str!("../../geodata/admin1.geojson")),
    ("lines", include_str!("../../geodata/lines.geojson")),
    ("corridor", include_str!("../../geodata/corridor.geojson")),
    (
        "russian-forces",
        include_str!("../../geodata/russian-forces.geojson"),
    ),
    ("events", include_str!("../../geodata/events.geojson")),
    ("places", include_str!("../../geodata/places.geojson")),
];
