//! Compare mode in the Scene: the areas that changed hands between two dates
//! drawn over the second date's map (hatched in the gainer's colour and
//! outlined), and the table of gains and losses that the window and every
//! export print beside the legend.
//!
//! A [`CompareOverlay`] is built once per pair of dates from a
//! [`Comparison`] (projection and hatching are the slow part, so the window
//! builds it off the UI thread); [`super::build_scene`] then only copies its
//! strokes and its table into the Scene of the second date.

use std::sync::Arc;

use ecolor::Color32;
use geo::{BoundingRect, MapCoords};

use super::style::{self, controller_color};
use super::{LegendEntry, Stroke, Swatch, caption};
use crate::atlas::Controller;
use crate::compare::Comparison;
use crate::spatial::conformal_conic;
use crate::spatial::hatch::hatch_lines;
use crate::spatial::projected::MapPath;
use crate::time::Date;

/// The distance between the compare hatch lines, in map kilometres (denser
/// than the held-outside-de-jure hatching, so the two read apart).
pub const COMPARE_HATCH_KM: f64 = 3.0;

/// `1234.5` → `1,234.5`; under 10 with one decimal, else whole (the figures
/// of `diff`'s table, the window's table and the exports).
///
/// ```
/// use caucasus_atlas::scene::compare::format_km2;
/// assert_eq!(format_km2(3456.4), "3,456");
/// assert_eq!(format_km2(7.25), "7.2");
/// assert_eq!(format_km2(-12345.0), "-12,345");
/// ```
pub fn format_km2(v: f64) -> String {
    if v.abs() < 10.0 {
        return format!("{v:.1}");
    }
    let whole = format!("{:.0}", v.abs());
    let mut grouped = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    if v < 0.0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// One area that changed hands, as the table prints it.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareRow {
    /// The controller on the first date.
    pub from: Controller,
    /// The controller on the second date (the gainer).
    pub to: Controller,
    /// "Armenia to Azerbaijan", in the words of each date (no arrow: not
    /// every export font has one).
    pub label: String,
    /// "3,456 km² ± 210 km²" (or "3,456 km², exact").
    pub area: String,
    /// "32.5 % of what Artsakh held on 26 September 2020".
    pub share: String,
    /// The area in km².
    pub area_km2: f64,
    /// The bound on its error in km².
    pub uncertainty_km2: f64,
    /// Whether any of its zones is approximate.
    pub approximate: bool,
    /// The gainer's colour (the row's hatched swatch).
    pub color: Color32,
}

/// The table of gains and losses between two dates.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareTable {
    /// The first date.
    pub from: Date,
    /// The second date.
    pub to: Date,
    /// "Changed hands, 26 September 2020 to 10 November 2020".
    pub heading: String,
    /// One row per (from, to) pair, largest first.
    pub rows: Vec<CompareRow>,
    /// "In all 8,000 km² ± 500 km² changed hands" or "No area changed hands".
    pub total: String,
    /// The net change per controller that gained or lost:
    /// "AZE: +8,000 km² (2,000 then 10,000)".
    pub net: Vec<String>,
    /// What the ± means, when some zone is approximate.
    pub note: Option<String>,
}

impl CompareTable {
    /// The table of a comparison.
    pub fn of(comparison: &Comparison) -> CompareTable {
        let (d1, d2) = (comparison.from, comparison.to);
        let rows = comparison
            .changes
            .iter()
            .map(|c| CompareRow {
                from: c.from,
                to: c.to,
                label: format!(
                    "{} to {}",
                    c.from.description_on(d1),
                    c.to.description_on(d2)
                ),
                area: if c.uncertainty_km2 > 0.0 {
                    format!(
                        "{} km² ± {} km²",
                        format_km2(c.area_km2),
                        format_km2(c.uncertainty_km2)
                    )
                } else {
                    format!("{} km², exact", format_km2(c.area_km2))
                },
                share: format!(
                    "{:.1} % of what {} held on {}",
                    c.share_of_from * 100.0,
                    c.from.code(),
                    caption(d1)
                ),
                area_km2: c.area_km2,
                uncertainty_km2: c.uncertainty_km2,
                approximate: c.approximate,
                color: controller_color(c.to),
            })
            .collect();
        let total = if comparison.changes.is_empty() {
            "No area changed hands".to_string()
        } else if comparison.changed_uncertainty_km2() > 0.0 {
            format!(
                "In all {} km² ± {} km² changed hands",
                format_km2(comparison.changed_km2()),
                format_km2(comparison.changed_uncertainty_km2())
            )
        } else {
            format!(
                "In all {} km² changed hands",
                format_km2(comparison.changed_km2())
            )
        };
        let net = comparison
            .totals
            .iter()
            .filter(|(_, t)| t.gained_km2 > 0.0 || t.lost_km2 > 0.0)
            .map(|(c, t)| {
                let sign = if t.net_km2() >= 0.0 { "+" } else { "" };
                format!(
                    "{}: {sign}{} km² ({} then {})",
                    c.code(),
                    format_km2(t.net_km2()),
                    format_km2(t.from_km2),
                    format_km2(t.to_km2)
                )
            })
            .collect();
        CompareTable {
            from: d1,
            to: d2,
            heading: format!("Changed hands, {} to {}", caption(d1), caption(d2)),
            rows,
            total,
            net,
            note: comparison.approximate().then(|| {
                "Areas are geodesic (WGS84); the ± bound is each approximate zone's edge length × its stated uncertainty, summed."
                    .to_string()
            }),
        }
    }
}

/// The changed areas of a comparison, ready to draw: hatch lines and
/// outlines in map kilometres, with the table.
#[derive(Clone, Debug)]
pub struct CompareOverlay {
    /// What was compared (for clicks: which change is at a point).
    pub comparison: Arc<Comparison>,
    /// The table of gains and losses.
    pub table: CompareTable,
    /// Hatch lines and outlines, drawn over every other line.
    pub strokes: Vec<Stroke>,
}

/// Two overlays are the same when they compare the same dates and region
/// (Scene options compare equal without walking the geometry).
impl PartialEq for CompareOverlay {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.comparison, &other.comparison)
            || (self.comparison.from == other.comparison.from
                && self.comparison.to == other.comparison.to
                && region_box(&self.comparison) == region_box(&other.comparison))
    }
}

/// The box a comparison was limited to, as comparable numbers.
fn region_box(c: &Comparison) -> Option<[f64; 4]> {
    c.region
        .as_ref()
        .and_then(|r| r.bbox)
        .map(|b| [b.min_lon, b.min_lat, b.max_lon, b.max_lat])
}

impl CompareOverlay {
    /// Projects and hatches the changed areas of `comparison`.
    pub fn build(comparison: Arc<Comparison>) -> CompareOverlay {
        let conic = conformal_conic();
        let mut strokes = Vec::new();
        for change in &comparison.changes {
            // A ring outside PROJ's domain cannot occur for validated lon/lat;
            // such a change would simply not be drawn.
            let Ok(area) = change
                .geometry
                .try_map_coords(|c| conic.forward(c.x, c.y).ok_or(()))
            else {
                continue;
            };
            let Some(bbox) = area.bounding_rect() else {
                continue;
            };
            let color = controller_color(change.to);
            for line in hatch_lines(&area, COMPARE_HATCH_KM).iter() {
                strokes.push(Stroke {
                    path: line.clone(),
                    width: 1.1,
                    color,
                    dash: None,
                    bbox,
                });
            }
            // A dark edge under a coloured one: the outline reads over any fill.
            for polygon in &area.0 {
                for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                    let path: MapPath = ring.0.iter().map(|c| [c.x as f32, c.y as f32]).collect();
                    strokes.push(Stroke {
                        path: path.clone(),
                        width: 3.2,
                        color: style::LABEL,
                        dash: None,
                        bbox,
                    });
                    strokes.push(Stroke {
                        path,
                        width: 1.6,
                        color,
                        dash: None,
                        bbox,
                    });
                }
            }
        }
        CompareOverlay {
            table: CompareTable::of(&comparison),
            comparison,
            strokes,
        }
    }

    /// The first date.
    pub fn from(&self) -> Date {
        self.comparison.from
    }

    /// The second date (the date whose map it is drawn over).
    pub fn to(&self) -> Date {
        self.comparison.to
    }

    /// The legend line for the overlay.
    pub fn legend_entry(&self) -> LegendEntry {
        LegendEntry {
            color: style::PAPER,
            swatch: Swatch::Hatched(style::LABEL),
            text: format!(
                "Outlined and densely hatched: changed hands since {} (lines in the colour of who took it)",
                caption(self.from())
            ),
        }
    }
}
