//! Events: a diamond coloured by kind, from the event's first day (never
//! before it), fading out in the weeks after it.

use std::collections::BTreeSet;

use super::shapes::push_points;
use super::{Canvas, LayerStyle};
use crate::atlas::{Atlas, Feature};
use crate::scene::style;
use crate::scene::{LegendEntry, SceneOptions, Swatch, Symbol};
use crate::spatial::ProjectedFeature;

/// Days over which an event's marker fades after it.
const FADE_DAYS: f32 = 31.0;

/// Events, and the kinds the legend must explain.
#[derive(Default)]
pub struct EventsStyle {
    kinds: BTreeSet<String>,
}

impl LayerStyle for EventsStyle {
    fn draw(
        &mut self,
        feature: &Feature,
        pf: &ProjectedFeature,
        options: &SceneOptions,
        listed: bool,
        canvas: &mut Canvas<'_>,
    ) {
        if listed {
            self.kinds.insert(feature.kind.clone());
        }
        let Some(start) = feature.lifespan.from else {
            return;
        };
        let date = options.date;
        let end = feature.lifespan.until.unwrap_or(start.add_days(1));
        // `is_shown_on` keeps events off the map before their first day.
        let days_after = if date >= end {
            date.days_since(end) + 1
        } else {
            0
        };
        // Full strength during the event, fading linearly over the month after it.
        let strength = (1.0 - days_after as f32 / FADE_DAYS).clamp(0.15, 1.0);
        let color = style::event_color(&feature.kind).gamma_multiply(strength);
        push_points(canvas, pf, Symbol::Event, color, 5.0);
    }

    fn legend(&self, _atlas: &Atlas, entries: &mut Vec<LegendEntry>) {
        for kind in &self.kinds {
            entries.push(LegendEntry {
                color: style::event_color(kind),
                swatch: Swatch::Symbol(Symbol::Event),
                text: format!("Event: {kind}"),
            });
        }
    }
}
