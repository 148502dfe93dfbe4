//! Per controller: the area held on each date, gained and lost.

use std::collections::BTreeMap;

use super::changes::Change;
use crate::atlas::Controller;

/// One controller's areas in km² (inside the region).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Totals {
    /// Held on the first date.
    pub from_km2: f64,
    /// Held on the second date.
    pub to_km2: f64,
    /// Taken from others between the dates.
    pub gained_km2: f64,
    /// Lost to others between the dates.
    pub lost_km2: f64,
}

impl Totals {
    /// `to_km2 - from_km2` (equal to gained − lost).
    pub fn net_km2(&self) -> f64 {
        self.to_km2 - self.from_km2
    }
}

/// Adds what each controller held on the two dates: (controller on D1,
/// controller on D2, area) per zone part.
pub(crate) fn held(
    parts: impl IntoIterator<Item = (Controller, Controller, f64)>,
) -> BTreeMap<Controller, Totals> {
    let mut totals: BTreeMap<Controller, Totals> = BTreeMap::new();
    for (c1, c2, area) in parts {
        totals.entry(c1).or_default().from_km2 += area;
        totals.entry(c2).or_default().to_km2 += area;
    }
    totals
}

/// Adds the gains and losses of the changes and each change's share of what
/// its from-controller held on the first date.
pub(crate) fn apply_changes(totals: &mut BTreeMap<Controller, Totals>, changes: &mut [Change]) {
    for change in changes.iter_mut() {
        totals.entry(change.to).or_default().gained_km2 += change.area_km2;
        let from = totals.entry(change.from).or_default();
        from.lost_km2 += change.area_km2;
        change.share_of_from = if from.from_km2 > 0.0 {
            change.area_km2 / from.from_km2
        } else {
            0.0
        };
    }
}
