//! What explains a comparison: the events between the two dates and the
//! control zones' history entries that start between them, with their sources.

use geo::Centroid;

use crate::atlas::{Atlas, Controller, Feature, LayerKind, Source};
use crate::time::Date;

use super::region::Region;

/// An event between the dates.
#[derive(Clone, Debug)]
pub struct EventNote {
    /// The event id.
    pub id: String,
    /// Its first day.
    pub date: Date,
    /// Its end, if it has one.
    pub until: Option<Date>,
    /// Its kind (`war`, `handover`, …).
    pub kind: String,
    /// Its English name.
    pub name: String,
    /// Its one-sentence summary.
    pub summary: Option<String>,
    /// Where it happened (lon, lat).
    pub at: Option<(f64, f64)>,
    /// Its sources.
    pub sources: Vec<Source>,
}

/// A change in a control zone's history between the dates.
#[derive(Clone, Debug)]
pub struct HistoryNote {
    /// The zone id.
    pub zone: String,
    /// The zone's English name.
    pub zone_name: String,
    /// The first day of the new entry.
    pub date: Date,
    /// When that day is only known within a range.
    pub from_range: Option<(Date, Date)>,
    /// The controller the day before.
    pub before: Option<Controller>,
    /// The controller from that day.
    pub controller: Option<Controller>,
    /// A status word (`with peacekeepers`…), if any.
    pub status: Option<String>,
    /// The entry's note.
    pub note: Option<String>,
    /// The entry's own sources, or the zone's when the entry has none.
    pub sources: Vec<Source>,
    /// Whether `sources` are the entry's own (else they are the whole zone's).
    pub own_sources: bool,
}

/// Events whose first day lies in `[d1, d2]` and whose place is in the region.
pub(crate) fn events_between(
    atlas: &Atlas,
    d1: Date,
    d2: Date,
    region: Option<&Region>,
) -> Vec<EventNote> {
    let Some(layer) = atlas.layer(&LayerKind::Events) else {
        return Vec::new();
    };
    let mut notes: Vec<EventNote> = layer
        .features
        .iter()
        .filter_map(|e| {
            let date = e.lifespan.from?;
            if date < d1 || date > d2 {
                return None;
            }
            let at = e.geometry.centroid().map(|p| (p.x(), p.y()));
            if let (Some(region), Some((lon, lat))) = (region, at)
                && !region.contains(lon, lat)
            {
                return None;
            }
            Some(EventNote {
                id: e.id.clone(),
                date,
                until: e.lifespan.until,
                kind: e.kind.clone(),
                name: e.name.en.clone(),
                summary: e.summary.clone(),
                at,
                sources: e.sources.clone(),
            })
        })
        .collect();
    notes.sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
    notes
}

/// The entries of `zone` whose `from` lies in `(d1, d2]`.
pub(crate) fn history_between(zone: &Feature, d1: Date, d2: Date) -> Vec<HistoryNote> {
    zone.history
        .iter()
        .filter_map(|entry| {
            let date = entry.span.from?;
            if date <= d1 || date > d2 {
                return None;
            }
            Some(HistoryNote {
                zone: zone.id.clone(),
                zone_name: zone.name.en.clone(),
                date,
                from_range: entry.from_range,
                before: zone.controller_on(date.add_days(-1)),
                controller: entry.controller,
                status: entry.status.clone(),
                note: entry.note.clone(),
                own_sources: !entry.sources.is_empty(),
                sources: if entry.sources.is_empty() {
                    zone.sources.clone()
                } else {
                    entry.sources.clone()
                },
            })
        })
        .collect()
}
