//! What each known layer allows: kinds, geometry types, required properties.
//! A user's own layer (any other name) accepts any kind and geometry.

/// The broad shape a layer's geometries must have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GeometryClass {
    /// Point or MultiPoint.
    Points,
    /// LineString or MultiLineString.
    Lines,
    /// Polygon or MultiPolygon.
    Areas,
    /// Any of the six allowed types.
    Any,
}

/// The rules for one known layer.
#[derive(Debug)]
pub struct LayerRules {
    /// The layer's name (and file stem).
    pub name: &'static str,
    /// The allowed `kind` values.
    pub kinds: &'static [&'static str],
    /// The allowed geometry.
    pub geometry: GeometryClass,
    /// Whether `from` is required.
    pub needs_from: bool,
    /// Whether `precision` is required.
    pub needs_precision: bool,
    /// Whether `summary` is required.
    pub needs_summary: bool,
    /// Whether this is the control layer, whose `history` must name a controller
    /// for every day of the atlas.
    pub is_control: bool,
}

const fn base(
    name: &'static str,
    kinds: &'static [&'static str],
    geometry: GeometryClass,
) -> LayerRules {
    LayerRules {
        name,
        kinds,
        geometry,
        needs_from: false,
        needs_precision: false,
        needs_summary: false,
        is_control: false,
    }
}

const fn dated(
    name: &'static str,
    kinds: &'static [&'static str],
    geometry: GeometryClass,
) -> LayerRules {
    LayerRules {
        needs_from: true,
        needs_precision: true,
        ..base(name, kinds, geometry)
    }
}

/// Kinds of event, in legend order.
pub const EVENT_KINDS: &[&str] = &[
    "war",
    "ceasefire",
    "handover",
    "deployment",
    "withdrawal",
    "blockade",
    "checkpoint",
    "exodus",
    "political",
    "protest",
    "border",
];

/// The layers this program knows, in drawing order (bottom first).
pub const KNOWN_LAYERS: &[LayerRules] = &[
    base("countries", &["country"], GeometryClass::Areas),
    LayerRules {
        needs_precision: true,
        is_control: true,
        ..base("control", &["zone"], GeometryClass::Areas)
    },
    base("lakes", &["lake"], GeometryClass::Areas),
    base("admin1", &["admin1-line"], GeometryClass::Lines),
    dated(
        "lines",
        &["line-of-contact", "ceasefire-line", "border"],
        GeometryClass::Lines,
    ),
    dated(
        "corridor",
        &["corridor-route", "corridor-band"],
        GeometryClass::Any,
    ),
    dated(
        "russian-forces",
        &[
            "peacekeeping-hq",
            "peacekeeping-post",
            "military-base",
            "air-base",
            "border-guards",
            "monitoring-centre",
            "troops",
            "mission",
        ],
        GeometryClass::Any,
    ),
    LayerRules {
        needs_summary: true,
        ..dated("events", EVENT_KINDS, GeometryClass::Points)
    },
    base(
        "places",
        &["capital", "city", "town", "village"],
        GeometryClass::Points,
    ),
];

/// The rules for a layer name, if it is one of the known layers.
pub fn rules_for(layer: &str) -> Option<&'static LayerRules> {
    KNOWN_LAYERS.iter().find(|r| r.name == layer)
}

/// A layer's position in drawing order; user layers come after the known ones.
pub fn draw_order(layer: &str) -> usize {
    KNOWN_LAYERS
        .iter()
        .position(|r| r.name == layer)
        .unwrap_or(KNOWN_LAYERS.len())
}
