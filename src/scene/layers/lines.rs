//! Lines of contact and ceasefire lines: dark, dashed where approximate.

use super::shapes::push_lines;
use super::{Canvas, LayerStyle, line_entry};
use crate::atlas::{Atlas, Feature};
use crate::scene::style;
use crate::scene::{LegendEntry, SceneOptions};
use crate::spatial::ProjectedFeature;

/// Front lines, and whether any was listed.
#[derive(Default)]
pub struct LinesStyle {
    listed: bool,
}

impl LayerStyle for LinesStyle {
    fn draw(
        &mut self,
        feature: &Feature,
        pf: &ProjectedFeature,
        _options: &SceneOptions,
        listed: bool,
        canvas: &mut Canvas<'_>,
    ) {
        self.listed |= listed;
        let dash = feature.precision.is_approximate().then_some((7.0, 3.0));
        push_lines(canvas, pf, 2.2, style::FRONT_LINE, dash);
    }

    fn legend(&self, _atlas: &Atlas, entries: &mut Vec<LegendEntry>) {
        if self.listed {
            entries.push(line_entry(
                style::FRONT_LINE,
                true,
                2.2,
                "Line of contact / ceasefire line (approximate)",
            ));
        }
    }
}
