//! A user's own layers: grey areas, lines and squares, dashed where approximate.

use ecolor::Color32;

use super::shapes::{push_area, push_lines, push_points};
use super::{Canvas, LayerStyle};
use crate::atlas::Feature;
use crate::scene::style;
use crate::scene::{SceneOptions, Symbol};
use crate::spatial::{ProjectedFeature, ProjectedShape};

/// Users' layers.
#[derive(Default)]
pub struct UserStyle;

impl LayerStyle for UserStyle {
    fn draw(
        &mut self,
        feature: &Feature,
        pf: &ProjectedFeature,
        _options: &SceneOptions,
        _listed: bool,
        canvas: &mut Canvas<'_>,
    ) {
        let dash = feature.precision.is_approximate().then_some((5.0, 3.0));
        match &pf.shape {
            ProjectedShape::Area { .. } => push_area(
                canvas,
                pf,
                Color32::from_rgba_unmultiplied(120, 120, 120, 70),
                (1.0, style::BORDER, dash),
            ),
            ProjectedShape::Lines(_) => {
                push_lines(canvas, pf, 1.8, Color32::from_rgb(0x33, 0x33, 0x33), dash)
            }
            ProjectedShape::Points(_) => push_points(
                canvas,
                pf,
                Symbol::Base,
                Color32::from_rgb(0x55, 0x55, 0x55),
                3.5,
            ),
        }
    }
}
