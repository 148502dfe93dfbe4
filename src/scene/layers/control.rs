//! Control zones: each zone filled in the colour of who held it on the date,
//! its edge dashed where the line or the day of the change is approximate.

use std::collections::BTreeSet;

use super::shapes::push_area;
use super::{Canvas, LayerStyle, area_entry, line_entry};
use crate::atlas::{Atlas, Controller, Feature};
use crate::scene::style::{self, controller_color, controller_fill};
use crate::scene::{LegendEntry, SceneOptions};
use crate::spatial::ProjectedFeature;

/// Control zones, and which controllers and qualifiers the legend must explain.
#[derive(Default)]
pub struct ControlStyle {
    controllers: BTreeSet<Controller>,
    approximate: bool,
}

impl LayerStyle for ControlStyle {
    fn draw(
        &mut self,
        feature: &Feature,
        pf: &ProjectedFeature,
        options: &SceneOptions,
        listed: bool,
        canvas: &mut Canvas<'_>,
    ) {
        let Some(c) = feature.controller_on(options.date) else {
            return;
        };
        // Approximate in place, or in time (the day of the change is only
        // known as a range): either way the edge is dashed.
        let approximate = feature.precision.is_approximate()
            || feature
                .state_on(options.date)
                .is_some_and(|s| s.from_range.is_some());
        if listed {
            self.controllers.insert(c);
            self.approximate |= approximate;
        }
        let edge = (
            0.6,
            style::mix(controller_color(c), style::BORDER, 0.5),
            approximate.then_some((4.0, 3.0)),
        );
        push_area(canvas, pf, controller_fill(c), edge);
    }

    fn legend(&self, _atlas: &Atlas, entries: &mut Vec<LegendEntry>) {
        if self.controllers.is_empty() {
            // No zone drawn: the countries show in the same colours, by name.
            entries.extend(
                [Controller::Arm, Controller::Aze, Controller::Geo]
                    .into_iter()
                    .map(|c| area_entry(controller_fill(c), c.description())),
            );
        } else {
            entries.extend(
                self.controllers.iter().map(|&c| {
                    area_entry(controller_fill(c), format!("Held by {}", c.description()))
                }),
            );
        }
        if self.approximate {
            entries.push(line_entry(
                style::BORDER,
                true,
                1.0,
                "Dashed edge: approximate boundary or date",
            ));
        }
    }
}
