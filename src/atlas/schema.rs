//! The layers the atlas knows ([`LayerKind`]) and what each allows: kinds,
//! geometry types, required properties. A user's own layer (any other name)
//! accepts any kind and geometry.
//!
//! This is the one place that spells layer names: everything else matches on
//! [`LayerKind`], so a misspelt layer is a compile error, not a grey map.

use std::fmt;

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

/// Which layer a feature belongs to: one of the bundled layers, or a user's own.
/// Parsed once, from the file stem, when a layer is loaded. Ordered as the
/// layers are drawn (bottom first; users' layers on top).
///
/// ```
/// use caucasus_atlas::atlas::LayerKind;
/// assert_eq!(LayerKind::from_name("control"), LayerKind::Control);
/// assert_eq!(LayerKind::RussianForces.name(), "russian-forces");
/// assert_eq!(LayerKind::from_name("incidents"), LayerKind::User("incidents".into()));
/// assert!(LayerKind::Countries < LayerKind::Places);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LayerKind {
    /// Country outlines (Natural Earth).
    Countries,
    /// Control zones: who held the ground, with a dated history.
    Control,
    /// Lakes and reservoirs.
    Lakes,
    /// First-level divisions (lines).
    Admin1,
    /// Lines of contact, ceasefire lines, dated borders.
    Lines,
    /// The Lachin corridor's route and band.
    Corridor,
    /// Russian (and other foreign) forces: bases, posts, missions.
    RussianForces,
    /// Dated events.
    Events,
    /// Cities, towns and villages.
    Places,
    /// A user's own layer, by name.
    User(String),
}

impl LayerKind {
    /// The bundled layers, in drawing order.
    pub const BUNDLED: [LayerKind; 9] = [
        LayerKind::Countries,
        LayerKind::Control,
        LayerKind::Lakes,
        LayerKind::Admin1,
        LayerKind::Lines,
        LayerKind::Corridor,
        LayerKind::RussianForces,
        LayerKind::Events,
        LayerKind::Places,
    ];

    /// The kind of the layer with this name (a file stem); any name the atlas
    /// does not know is a user's layer.
    pub fn from_name(name: &str) -> LayerKind {
        LayerKind::BUNDLED
            .into_iter()
            .find(|k| k.name() == name)
            .unwrap_or_else(|| LayerKind::User(name.to_string()))
    }

    /// The layer's name, as in file names, `--layers` and the data's `layer`.
    pub fn name(&self) -> &str {
        match self {
            LayerKind::Countries => "countries",
            LayerKind::Control => "control",
            LayerKind::Lakes => "lakes",
            LayerKind::Admin1 => "admin1",
            LayerKind::Lines => "lines",
            LayerKind::Corridor => "corridor",
            LayerKind::RussianForces => "russian-forces",
            LayerKind::Events => "events",
            LayerKind::Places => "places",
            LayerKind::User(name) => name,
        }
    }

    /// Whether this is a user's own layer.
    pub fn is_user(&self) -> bool {
        matches!(self, LayerKind::User(_))
    }

    /// What the layer allows; `None` for a user's layer (anything goes).
    pub fn rules(&self) -> Option<&'static LayerRules> {
        KNOWN_LAYERS.iter().find(|r| r.kind == *self)
    }
}

impl fmt::Display for LayerKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `pad`, so that widths such as `{:<15}` apply.
        f.pad(self.name())
    }
}

// Stored (window state) and printed (`at --json`) by name.
impl serde::Serialize for LayerKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> serde::Deserialize<'de> for LayerKind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        Ok(LayerKind::from_name(&name))
    }
}

/// The rules for one known layer.
#[derive(Debug)]
pub struct LayerRules {
    /// The layer.
    pub kind: LayerKind,
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
    kind: LayerKind,
    kinds: &'static [&'static str],
    geometry: GeometryClass,
) -> LayerRules {
    LayerRules {
        kind,
        kinds,
        geometry,
        needs_from: false,
        needs_precision: false,
        needs_summary: false,
        is_control: false,
    }
}

// Builder steps, written without struct update syntax: `..base(…)` would drop
// the rest of a value holding a `LayerKind`, which constants cannot do.
impl LayerRules {
    /// Dated features: `from` and `precision` required.
    const fn dated(mut self) -> LayerRules {
        self.needs_from = true;
        self.needs_precision = true;
        self
    }

    /// `precision` required.
    const fn precise(mut self) -> LayerRules {
        self.needs_precision = true;
        self
    }

    /// The control layer.
    const fn control(mut self) -> LayerRules {
        self.is_control = true;
        self
    }

    /// `summary` required.
    const fn summarised(mut self) -> LayerRules {
        self.needs_summary = true;
        self
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
    base(LayerKind::Countries, &["country"], GeometryClass::Areas),
    base(LayerKind::Control, &["zone"], GeometryClass::Areas)
        .precise()
        .control(),
    base(LayerKind::Lakes, &["lake"], GeometryClass::Areas),
    base(LayerKind::Admin1, &["admin1-line"], GeometryClass::Lines),
    base(
        LayerKind::Lines,
        &["line-of-contact", "ceasefire-line", "border"],
        GeometryClass::Lines,
    )
    .dated(),
    base(
        LayerKind::Corridor,
        &["corridor-route", "corridor-band"],
        GeometryClass::Any,
    )
    .dated(),
    base(
        LayerKind::RussianForces,
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
    )
    .dated(),
    base(LayerKind::Events, EVENT_KINDS, GeometryClass::Points)
        .dated()
        .summarised(),
    base(
        LayerKind::Places,
        &["capital", "city", "town", "village"],
        GeometryClass::Points,
    ),
];

/// A layer's position in drawing order; user layers come after the known ones.
pub fn draw_order(layer: &LayerKind) -> usize {
    KNOWN_LAYERS
        .iter()
        .position(|r| r.kind == *layer)
        .unwrap_or(KNOWN_LAYERS.len())
}
