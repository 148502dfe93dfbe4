//! Control zones: each zone filled in the colour of who held it on the date,
//! its edge dashed where the line or the day of the change is approximate.
//! Ground held by one side inside another state's recognised territory is
//! hatched in the recognised state's colour; ground changing hands on a day
//! known only as a range is drawn in a mix of both sides' colours, hatched in
//! the colour of the side not yet (or no longer) in force.

use std::collections::BTreeSet;

use super::shapes::push_area;
use super::{Canvas, LayerStyle, area_entry, line_entry};
use crate::atlas::{Atlas, ControlStatus, Controller, Feature};
use crate::scene::style::{self, controller_color, controller_fill};
use crate::scene::{LegendEntry, SceneOptions, Stroke, Swatch};
use crate::spatial::ProjectedFeature;
use crate::time::Date;

/// Control zones, and which controllers and qualifiers the legend must explain.
#[derive(Default)]
pub struct ControlStyle {
    controllers: BTreeSet<Controller>,
    approximate: bool,
    outside_de_jure: bool,
    contested: bool,
    date: Option<Date>,
}

/// The two sides of a change of hands whose day is known only as a range and
/// that `date` lies in: (before, after).
fn changing_hands(feature: &Feature, date: Date) -> Option<(Controller, Controller)> {
    feature
        .history
        .iter()
        .zip(feature.history.iter().skip(1))
        .find_map(|(before, after)| {
            let (first, last) = after.from_range?;
            let (a, b) = (before.controller?, after.controller?);
            (a != b && first <= date && date <= last).then_some((a, b))
        })
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
        let date = options.date;
        self.date = Some(date);
        let Some(c) = feature.controller_on(date) else {
            return;
        };
        // Approximate in place, or in time (the day of the change is only
        // known as a range): either way the edge is dashed.
        let approximate = feature.precision.is_approximate()
            || feature
                .state_on(date)
                .is_some_and(|s| s.from_range.is_some());
        let contested = (feature.status_on(date) == Some(ControlStatus::Contested))
            .then(|| changing_hands(feature, date))
            .flatten();
        let de_jure = feature.de_jure().filter(|&d| d != c);
        let (fill, hatch) = match contested {
            Some((before, after)) => {
                let other = if before == c { after } else { before };
                (
                    style::mix(controller_fill(before), controller_fill(after), 0.5),
                    Some(controller_color(other)),
                )
            }
            None => (controller_fill(c), de_jure.map(controller_color)),
        };
        if listed {
            self.controllers.insert(c);
            self.approximate |= approximate;
            self.contested |= contested.is_some();
            self.outside_de_jure |= contested.is_none() && de_jure.is_some();
        }
        let edge = (
            0.6,
            style::mix(controller_color(c), style::BORDER, 0.5),
            approximate.then_some((4.0, 3.0)),
        );
        push_area(canvas, pf, fill, edge);
        if let (Some(color), Some(lines)) = (hatch, &pf.hatch) {
            for line in lines.iter() {
                canvas.outlines.push(Stroke {
                    path: line.clone(),
                    // Thin and light, so the holder's colour still reads
                    // at the scale of the whole region.
                    width: 0.7,
                    color: color.gamma_multiply(0.6),
                    dash: None,
                    bbox: pf.bbox,
                });
            }
        }
    }

    fn legend(&self, _atlas: &Atlas, entries: &mut Vec<LegendEntry>) {
        let describe = |c: Controller| match self.date {
            Some(date) => c.description_on(date),
            None => c.description(),
        };
        if self.controllers.is_empty() {
            // No zone drawn: the countries show in the same colours, by name.
            entries.extend(
                [Controller::Arm, Controller::Aze, Controller::Geo]
                    .into_iter()
                    .map(|c| area_entry(controller_fill(c), describe(c))),
            );
        } else {
            // "Held by …", or the peacekeepers' control of the corridor.
            let held = |c: Controller| match self.date {
                Some(date) => c.control_phrase_on(date),
                None => format!("Held by {}", c.description()),
            };
            entries.extend(
                self.controllers
                    .iter()
                    .map(|&c| area_entry(controller_fill(c), held(c))),
            );
        }
        if self.outside_de_jure {
            entries.push(LegendEntry {
                color: style::PAPER,
                swatch: Swatch::Hatched(style::BORDER),
                text: "Hatched: held inside another state's recognised territory (lines in that state's colour)"
                    .to_string(),
            });
        }
        if self.contested {
            entries.push(LegendEntry {
                color: style::mix(style::PAPER, style::BORDER, 0.8),
                swatch: Swatch::Hatched(style::BORDER),
                text: "Mixed colours: changing hands; the day is known only as a range".to_string(),
            });
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
