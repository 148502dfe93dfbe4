//! One style per layer kind: how its features are drawn and what the legend
//! says about them. "How is a control zone coloured?" is answered in
//! `control.rs`, and nowhere else.
//!
//! Adding a layer kind: its rules in `atlas::schema`, a file here with a
//! [`LayerStyle`], and its line in [`LayerStyles::style_for`].

mod base;
mod control;
mod corridor;
mod events;
mod forces;
mod lines;
mod places;
mod shapes;
mod user;

pub(super) use base::{sea, sea_labels};
pub use user::{USER_PALETTE, user_layer_color};

use super::{LegendEntry, Scene, SceneOptions, Stroke, Swatch};
use crate::atlas::{Atlas, Feature, LayerKind};
use crate::spatial::ProjectedFeature;
use ecolor::Color32;

/// Where a style draws: the Scene, and the outlines that go on top of every
/// fill (collected apart and appended by the driver).
pub(super) struct Canvas<'a> {
    /// The atlas drawn (for what a feature's own properties cannot say, such
    /// as who holds the ground a place stands on).
    pub atlas: &'a Atlas,
    /// The Scene being built.
    pub scene: &'a mut Scene,
    /// Lines drawn over all fills.
    pub outlines: &'a mut Vec<Stroke>,
}

/// How one kind of layer is drawn. A style is made fresh for each Scene and
/// remembers what it drew, for its legend lines.
pub(super) trait LayerStyle {
    /// Draws one feature shown on `options.date`. `listed` says whether it
    /// lies in the shown extent: only then does it count for the legend.
    fn draw(
        &mut self,
        feature: &Feature,
        pf: &ProjectedFeature,
        options: &SceneOptions,
        listed: bool,
        canvas: &mut Canvas<'_>,
    );

    /// The legend lines for what was drawn and listed.
    fn legend(&self, _atlas: &Atlas, _entries: &mut Vec<LegendEntry>) {}
}

/// The styles of every layer kind for one Scene.
#[derive(Default)]
pub(super) struct LayerStyles {
    base: base::BaseStyle,
    control: control::ControlStyle,
    lines: lines::LinesStyle,
    corridor: corridor::CorridorStyle,
    forces: forces::ForcesStyle,
    events: events::EventsStyle,
    places: places::PlacesStyle,
    user: user::UserStyle,
}

impl LayerStyles {
    /// The styles for a Scene of `atlas` (users' layers each get a colour).
    pub fn for_atlas(atlas: &Atlas) -> LayerStyles {
        LayerStyles {
            user: user::UserStyle::new(atlas),
            ..LayerStyles::default()
        }
    }

    /// The style that draws features of `layer`.
    pub fn style_for(&mut self, layer: &LayerKind) -> &mut dyn LayerStyle {
        match layer {
            LayerKind::Countries | LayerKind::Lakes | LayerKind::Admin1 => &mut self.base,
            LayerKind::Control => &mut self.control,
            LayerKind::Lines => &mut self.lines,
            LayerKind::Corridor => &mut self.corridor,
            LayerKind::RussianForces => &mut self.forces,
            LayerKind::Events => &mut self.events,
            LayerKind::Places => &mut self.places,
            LayerKind::User(_) => &mut self.user,
        }
    }

    /// The legend: areas first, then lines and symbols, the base map last.
    pub fn legend(&self, atlas: &Atlas) -> Vec<LegendEntry> {
        let mut entries = Vec::new();
        let in_legend_order: [&dyn LayerStyle; 8] = [
            &self.control,
            &self.lines,
            &self.corridor,
            &self.forces,
            &self.events,
            &self.places,
            &self.user,
            &self.base,
        ];
        for style in in_legend_order {
            style.legend(atlas, &mut entries);
        }
        entries
    }
}

/// A legend line with a filled box.
fn area_entry(color: Color32, text: impl Into<String>) -> LegendEntry {
    LegendEntry {
        color,
        swatch: Swatch::Area,
        text: text.into(),
    }
}

/// A legend line with a line sample.
fn line_entry(color: Color32, dashed: bool, width: f32, text: impl Into<String>) -> LegendEntry {
    LegendEntry {
        color,
        swatch: Swatch::Line { dashed, width },
        text: text.into(),
    }
}
