//! Users' own layers: each in its own colour (areas filled lightly, lines,
//! squares), dashed where approximate, with a legend line per layer drawn.

use std::collections::BTreeMap;

use ecolor::Color32;

use super::shapes::{push_area, push_lines, push_points};
use super::{Canvas, LayerStyle};
use crate::atlas::{Atlas, Feature, LayerKind};
use crate::scene::{LegendEntry, SceneOptions, Swatch, Symbol};
use crate::spatial::{ProjectedFeature, ProjectedShape};

/// Colours for users' layers, in turn: strong, apart from the control
/// zones' colours and from each other.
pub const USER_PALETTE: [Color32; 6] = [
    Color32::from_rgb(0xC2, 0x18, 0x5B),
    Color32::from_rgb(0x00, 0x79, 0x6B),
    Color32::from_rgb(0xE6, 0x51, 0x00),
    Color32::from_rgb(0x4A, 0x14, 0x8C),
    Color32::from_rgb(0x15, 0x65, 0xC0),
    Color32::from_rgb(0x5D, 0x40, 0x37),
];

/// The colour of a user's layer: the n-th user layer of the atlas gets the
/// n-th palette colour.
pub fn user_layer_color(atlas: &Atlas, layer: &LayerKind) -> Color32 {
    let n = atlas
        .layers
        .iter()
        .filter(|l| l.kind.is_user())
        .position(|l| l.kind == *layer)
        .unwrap_or(0);
    // The palette is a non-empty constant, so the remainder is one of its positions.
    #[allow(clippy::indexing_slicing)]
    USER_PALETTE[n % USER_PALETTE.len()]
}

/// What a user's layer drew, for its legend line.
#[derive(Clone, Copy, Default)]
struct Drawn {
    color: Option<Color32>,
    areas: bool,
    lines: bool,
    points: bool,
}

/// Users' layers.
#[derive(Default)]
pub struct UserStyle {
    /// The colour of each user layer (from the Scene's atlas and options).
    colors: BTreeMap<String, Color32>,
    /// By layer name, what was drawn and listed.
    drawn: BTreeMap<String, Drawn>,
}

impl UserStyle {
    /// The style with every user layer's colour worked out once.
    pub fn new(atlas: &Atlas) -> UserStyle {
        UserStyle {
            colors: atlas
                .layers
                .iter()
                .filter(|l| l.kind.is_user())
                .map(|l| (l.kind.name().to_string(), user_layer_color(atlas, &l.kind)))
                .collect(),
            drawn: BTreeMap::new(),
        }
    }
}

impl LayerStyle for UserStyle {
    fn draw(
        &mut self,
        feature: &Feature,
        pf: &ProjectedFeature,
        _options: &SceneOptions,
        listed: bool,
        canvas: &mut Canvas<'_>,
    ) {
        let color = self
            .colors
            .get(feature.layer.name())
            .copied()
            .unwrap_or(USER_PALETTE[0]);
        let dash = feature.precision.is_approximate().then_some((5.0, 3.0));
        let drawn = self
            .drawn
            .entry(feature.layer.name().to_string())
            .or_default();
        if listed {
            drawn.color = Some(color);
        }
        match &pf.shape {
            ProjectedShape::Area { .. } => {
                drawn.areas |= listed;
                push_area(canvas, pf, color.gamma_multiply(0.3), (1.2, color, dash))
            }
            ProjectedShape::Lines(_) => {
                drawn.lines |= listed;
                push_lines(canvas, pf, 2.0, color, dash)
            }
            ProjectedShape::Points(_) => {
                drawn.points |= listed;
                push_points(canvas, pf, Symbol::Base, color, 3.5)
            }
        }
    }

    fn legend(&self, _atlas: &Atlas, entries: &mut Vec<LegendEntry>) {
        for (name, drawn) in &self.drawn {
            let Some(color) = drawn.color else {
                continue;
            };
            let swatch = if drawn.points {
                Swatch::Symbol(Symbol::Base)
            } else if drawn.lines {
                Swatch::Line {
                    dashed: false,
                    width: 2.0,
                }
            } else {
                Swatch::Area
            };
            entries.push(LegendEntry {
                color,
                swatch,
                text: format!("Your layer: {name}"),
            });
        }
    }
}
