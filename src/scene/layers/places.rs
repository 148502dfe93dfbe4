//! Places: a dot (a ringed one for capitals) and a label, sized by rank; minor
//! places and the neighbours' towns appear only when zoomed in, and quieter.

use super::{Canvas, LayerStyle};
use crate::atlas::Feature;
use crate::scene::style;
use crate::scene::{Label, Marker, SceneOptions, Symbol};
use crate::spatial::{ProjectedFeature, ProjectedShape};

/// Places (they add nothing to the legend).
#[derive(Default)]
pub struct PlacesStyle;

impl LayerStyle for PlacesStyle {
    fn draw(
        &mut self,
        feature: &Feature,
        pf: &ProjectedFeature,
        options: &SceneOptions,
        _listed: bool,
        canvas: &mut Canvas<'_>,
    ) {
        let ProjectedShape::Points(points) = &pf.shape else {
            return;
        };
        let Some(&at) = points.first() else { return };
        let rank = feature.extra_u64("rank").unwrap_or(4).clamp(1, 4) as u32;
        let population = feature.extra_u64("population").unwrap_or(0);
        let (symbol, radius, size, min_scale) = match rank {
            1 => (Symbol::Capital, 4.0, 15.0, 0.0),
            2 => (Symbol::Town, 3.0, 12.5, 0.0),
            3 => (Symbol::Town, 2.5, 11.5, 0.75),
            _ => (Symbol::Town, 2.0, 10.5, 1.5),
        };
        // Rank 4 holds minor places and the neighbours' towns: a quieter colour.
        let color = if rank < 4 {
            style::LABEL
        } else {
            style::LABEL_MUTED
        };
        canvas.scene.markers.push(Marker {
            at,
            symbol,
            color,
            radius,
            min_scale,
        });
        canvas.scene.labels.push(Label {
            // Rank first, then larger towns first.
            priority: rank * 10_000_000 - population.min(9_999_999) as u32,
            min_scale,
            marker_radius: radius,
            stand_off: rank <= 2,
            ..Label::new(
                at,
                canvas
                    .atlas
                    .name_on(feature, options.date, options.language, options.names),
                size,
                color,
            )
        });
    }
}
