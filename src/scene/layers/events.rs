//! Events: a diamond coloured by kind, from the event's first day (never
//! before it), fading out in the weeks after it.

use std::collections::BTreeSet;

use super::shapes::push_points;
use super::{Canvas, LayerStyle};
use crate::atlas::{Atlas, Feature, Language};
use crate::scene::style;
use crate::scene::{Label, LabelStyle, LegendEntry, SceneOptions, Swatch, Symbol};
use crate::spatial::{ProjectedFeature, ProjectedShape};
use crate::time::Date;

/// Days over which an event's marker fades after it.
const FADE_DAYS: f32 = 31.0;

/// Event labels come after the capitals, countries and seas, before other towns.
const EVENT_PRIORITY: u32 = 17_000_000;

/// An event's label: its name and its day, or its days ("Trilateral
/// ceasefire statement, 10 Nov 2020"; "…, 10–21 Nov 2020").
fn event_label(feature: &Feature, language: Language, start: Date, end: Date) -> String {
    let last = end.add_days(-1);
    format!("{}, {}", feature.name.get(language), day_span(start, last))
}

/// A day or a span of days, short: "10 Nov 2020", "10–21 Nov 2020",
/// "28 Nov – 3 Dec 2020", "20 Dec 2020 – 2 Jan 2021".
pub fn day_span(first: Date, last: Date) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    // chrono's months run 1..=12, so the lookup never misses.
    let month = |d: Date| {
        MONTHS
            .get((d.month() as usize).wrapping_sub(1))
            .copied()
            .unwrap_or("")
    };
    if last <= first {
        format!("{} {} {}", first.day(), month(first), first.year())
    } else if first.year() != last.year() {
        format!(
            "{} {} {} – {} {} {}",
            first.day(),
            month(first),
            first.year(),
            last.day(),
            month(last),
            last.year()
        )
    } else if first.month() != last.month() {
        format!(
            "{} {} – {} {} {}",
            first.day(),
            month(first),
            last.day(),
            month(last),
            last.year()
        )
    } else {
        format!(
            "{}–{} {} {}",
            first.day(),
            last.day(),
            month(last),
            last.year()
        )
    }
}

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
        if let ProjectedShape::Points(points) = &pf.shape
            && let Some(&at) = points.first()
        {
            canvas.scene.labels.push(Label {
                // The newest events first, all before the towns below the
                // capitals (see `places.rs`).
                priority: EVENT_PRIORITY + days_after.clamp(0, 99) as u32 * 10_000,
                style: LabelStyle::Event,
                marker_radius: 5.0,
                stand_off: true,
                ..Label::new(
                    at,
                    event_label(feature, options.language, start, end),
                    10.5,
                    style::LABEL,
                )
            });
        }
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
