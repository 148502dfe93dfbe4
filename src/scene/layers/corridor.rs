//! The Lachin corridor: the band as a light dashed area, the route coloured by
//! its status on the date (open, checkpoint, blockaded; dashed when closed).

use std::collections::BTreeSet;

use ecolor::Color32;

use super::shapes::{push_area, push_lines};
use super::{Canvas, LayerStyle, line_entry};
use crate::atlas::{Atlas, Feature};
use crate::scene::style;
use crate::scene::{LegendEntry, SceneOptions};
use crate::spatial::{ProjectedFeature, ProjectedShape};

/// The corridor, and the statuses the legend must explain.
#[derive(Default)]
pub struct CorridorStyle {
    statuses: BTreeSet<String>,
}

impl LayerStyle for CorridorStyle {
    fn draw(
        &mut self,
        feature: &Feature,
        pf: &ProjectedFeature,
        options: &SceneOptions,
        listed: bool,
        canvas: &mut Canvas<'_>,
    ) {
        let status = feature
            .state_on(options.date)
            .and_then(|s| s.status.as_deref());
        if listed && let Some(status) = status {
            self.statuses.insert(status.to_string());
        }
        match &pf.shape {
            ProjectedShape::Area { .. } => push_area(
                canvas,
                pf,
                Color32::from_rgba_unmultiplied(0x7F, 0x00, 0x00, 40),
                (1.0, Color32::from_rgb(0x7F, 0x00, 0x00), Some((4.0, 3.0))),
            ),
            _ => {
                let dash = (status == Some("closed")).then_some((4.0, 4.0));
                push_lines(canvas, pf, 3.0, style::corridor_color(status), dash);
            }
        }
    }

    fn legend(&self, _atlas: &Atlas, entries: &mut Vec<LegendEntry>) {
        for status in &self.statuses {
            entries.push(line_entry(
                style::corridor_color(Some(status)),
                status == "closed",
                3.0,
                format!("Lachin corridor: {status}"),
            ));
        }
    }
}
