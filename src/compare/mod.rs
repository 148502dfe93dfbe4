//! Two dates compared: which areas changed hands between D1 and D2, how large
//! they are (geodesic km² on WGS84), who gained and who lost, and the events and
//! history entries that explain it, with their sources.
//!
//! Control zones are static polygons with histories, so a zone either changed
//! controller between the dates or did not. The changed zones are grouped by
//! (controller on D1, controller on D2) and each group is unioned once with
//! geo's boolean operations; areas come from a [`ZoneAreas`] cache measured
//! once per atlas. The same [`Comparison`] feeds `caucasus-atlas diff`, the
//! window's compare mode and the exports.
//!
//! ```
//! use caucasus_atlas::atlas::{Controller, Loaded};
//! use caucasus_atlas::compare::{ZoneAreas, compare};
//!
//! let atlas = Loaded::bundled().atlas;
//! let zones = ZoneAreas::build(&atlas); // once per atlas
//! let d = |s: &str| s.parse().unwrap();
//! let war = compare(&atlas, &zones, d("2020-09-26"), d("2020-11-10"), None).unwrap();
//! let taken = war.change(Controller::Nkr, Controller::Aze).unwrap();
//! assert!(taken.zones.iter().any(|z| z == "zone-shusha-district"));
//! assert!(taken.area_km2 > 3000.0 && taken.approximate);
//! assert_eq!(war.totals[&Controller::Aze].gained_km2, taken.area_km2);
//! // The dates must be in order.
//! assert!(compare(&atlas, &zones, d("2020-11-10"), d("2020-09-26"), None).is_err());
//! ```

mod changes;
mod json;
mod notes;
mod paths;
mod region;
mod totals;
mod zones;

use std::collections::BTreeMap;
use std::fmt;

pub use changes::{Change, ZonePart};
pub use notes::{EventNote, HistoryNote};
pub use paths::Step;
pub use region::Region;
pub use totals::Totals;
pub use zones::{ZoneArea, ZoneAreas};

use crate::atlas::{Atlas, Controller};
use crate::time::{ATLAS_START, Date};

/// A zone that changed hands and came back to its first holder between the
/// dates (Gori in August 2008): no change of area, but worth telling.
#[derive(Clone, Debug)]
pub struct RoundTrip {
    /// The zone.
    pub zone: String,
    /// Its holder on both dates.
    pub controller: Controller,
    /// The holders in between.
    pub via: Vec<Step>,
    /// Its area inside the region, km².
    pub area_km2: f64,
}

/// What changed between two dates.
#[derive(Clone, Debug)]
pub struct Comparison {
    /// The first date.
    pub from: Date,
    /// The second date (later).
    pub to: Date,
    /// The region compared (`None`: everything).
    pub region: Option<Region>,
    /// The changed areas, largest first; one per (from, to) pair.
    pub changes: Vec<Change>,
    /// Per controller, inside the region.
    pub totals: BTreeMap<Controller, Totals>,
    /// Zones that changed hands and came back.
    pub round_trips: Vec<RoundTrip>,
    /// Events whose first day lies in `[from, to]`, in date order.
    pub events: Vec<EventNote>,
    /// History entries of the zones in the region starting in `(from, to]`,
    /// in date order.
    pub history: Vec<HistoryNote>,
}

impl Comparison {
    /// The change from one controller to another, if there is one.
    pub fn change(&self, from: Controller, to: Controller) -> Option<&Change> {
        self.changes.iter().find(|c| c.from == from && c.to == to)
    }

    /// The area that changed hands, km².
    pub fn changed_km2(&self) -> f64 {
        self.changes.iter().map(|c| c.area_km2).sum()
    }

    /// The bound on the error of [`Comparison::changed_km2`].
    pub fn changed_uncertainty_km2(&self) -> f64 {
        self.changes.iter().map(|c| c.uncertainty_km2).sum()
    }

    /// Whether any changed area is approximate.
    pub fn approximate(&self) -> bool {
        self.changes.iter().any(|c| c.approximate)
    }

    /// The change containing a lon/lat position (a click in compare mode).
    pub fn change_at(&self, lon: f64, lat: f64) -> Option<&Change> {
        use geo::Intersects;
        let p = geo::Point::new(lon, lat);
        self.changes.iter().find(|c| c.geometry.intersects(&p))
    }

    /// A zone's part of whichever change it belongs to.
    pub fn zone_part(&self, zone: &str) -> Option<(&Change, &ZonePart)> {
        self.changes
            .iter()
            .find_map(|c| c.parts.iter().find(|p| p.zone == zone).map(|p| (c, p)))
    }

    /// The history entries of a change's zones (what explains it).
    pub fn history_of<'a>(&'a self, change: &'a Change) -> impl Iterator<Item = &'a HistoryNote> {
        self.history
            .iter()
            .filter(move |h| change.zones.contains(&h.zone))
    }
}

/// Why two dates cannot be compared.
#[derive(Clone, Debug, PartialEq)]
pub enum CompareError {
    /// The second date is not after the first.
    NotOrdered {
        /// The first date given.
        from: Date,
        /// The second date given.
        to: Date,
    },
    /// The first date is before the atlas's first day, when no zone has a holder.
    BeforeAtlas {
        /// The first date given.
        from: Date,
    },
}

impl fmt::Display for CompareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompareError::NotOrdered { from, to } => {
                write!(f, "the second date {to} is not after the first date {from}")
            }
            CompareError::BeforeAtlas { from } => write!(
                f,
                "the first date {from} is before the atlas's first day, {ATLAS_START}"
            ),
        }
    }
}

impl std::error::Error for CompareError {}

/// Compares control on `from` and `to` (`from < to`), inside `region` if given.
/// `zones` must have been built from `atlas` ([`ZoneAreas::build`]).
pub fn compare(
    atlas: &Atlas,
    zones: &ZoneAreas,
    from: Date,
    to: Date,
    region: Option<&Region>,
) -> Result<Comparison, CompareError> {
    if from >= to {
        return Err(CompareError::NotOrdered { from, to });
    }
    if from < ATLAS_START {
        return Err(CompareError::BeforeAtlas { from });
    }
    let mut held = Vec::new();
    let mut changed = Vec::new();
    let mut round_trips = Vec::new();
    let mut history = Vec::new();
    for zone in &zones.zones {
        let Some(feature) = zone.feature(atlas) else {
            continue;
        };
        let part = match region {
            Some(region) => match region.clip(zone) {
                Some(part) => part,
                None => continue,
            },
            None => region::whole(zone),
        };
        history.extend(notes::history_between(feature, from, to));
        let Some(path) = paths::zone_path(feature, from, to) else {
            continue;
        };
        held.push((path.from, path.to, part.area_km2));
        if path.from != path.to {
            changed.push(changes::Changed {
                id: &zone.id,
                part,
                uncertainty_km: zone.uncertainty_km,
                approximate: zone.approximate,
                from: path.from,
                to: path.to,
                via: path.via,
            });
        } else if !path.via.is_empty() {
            round_trips.push(RoundTrip {
                zone: zone.id.clone(),
                controller: path.from,
                via: path.via,
                area_km2: part.area_km2,
            });
        }
    }
    let mut totals = totals::held(held);
    let mut changes = changes::group_changes(changed);
    totals::apply_changes(&mut totals, &mut changes);
    history.sort_by(|a, b| a.date.cmp(&b.date).then(a.zone.cmp(&b.zone)));
    Ok(Comparison {
        from,
        to,
        region: region.cloned(),
        changes,
        totals,
        round_trips,
        events: notes::events_between(atlas, from, to, region),
        history,
    })
}
