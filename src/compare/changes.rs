//! The changed areas: zones grouped by (controller on D1, controller on D2),
//! each group unioned once with geo's boolean operations.

use std::collections::BTreeMap;

use geo::MultiPolygon;

use super::paths::Step;
use super::region::Clipped;
use crate::atlas::Controller;

/// One area that changed hands: every zone that went from `from` to `to`.
#[derive(Clone, Debug)]
pub struct Change {
    /// The controller on the first date.
    pub from: Controller,
    /// The controller on the second date.
    pub to: Controller,
    /// The area, in lon/lat (the union of its zones, clipped to the region).
    pub geometry: MultiPolygon<f64>,
    /// Geodesic area on WGS84 in km².
    pub area_km2: f64,
    /// A bound on the error of `area_km2`: each zone's edge length times its
    /// `uncertainty_km`, summed (0 when every zone is exact).
    pub uncertainty_km2: f64,
    /// `area_km2` as a share (0–1) of what `from` held on the first date
    /// (inside the region, when there is one).
    pub share_of_from: f64,
    /// The zone ids, largest first.
    pub zones: Vec<String>,
    /// Each zone's part of the change, in the order of `zones`.
    pub parts: Vec<ZonePart>,
    /// Whether any of the zones is approximate.
    pub approximate: bool,
    /// Holders in between, for zones that passed through one (NKR → RUS → AZE).
    pub via: Vec<Step>,
}

impl Change {
    /// The interval `area_km2 ± uncertainty_km2`, never below 0.
    pub fn range_km2(&self) -> (f64, f64) {
        (
            (self.area_km2 - self.uncertainty_km2).max(0.0),
            self.area_km2 + self.uncertainty_km2,
        )
    }
}

/// One zone's share of a change.
#[derive(Clone, Debug, PartialEq)]
pub struct ZonePart {
    /// The zone id.
    pub zone: String,
    /// Its area inside the region, km².
    pub area_km2: f64,
    /// Its edge length inside the region × its `uncertainty_km`, km².
    pub uncertainty_km2: f64,
}

/// A zone that changed hands, as the grouping needs it.
pub(crate) struct Changed<'a> {
    pub id: &'a str,
    pub part: Clipped<'a>,
    pub uncertainty_km: f64,
    pub approximate: bool,
    pub from: Controller,
    pub to: Controller,
    pub via: Vec<Step>,
}

/// Groups the changed zones by (from, to) and unions each group once. The
/// share of the from-controller is filled in later, from the totals.
pub(crate) fn group_changes(changed: Vec<Changed<'_>>) -> Vec<Change> {
    let mut groups: BTreeMap<(Controller, Controller), Vec<Changed<'_>>> = BTreeMap::new();
    for zone in changed {
        groups.entry((zone.from, zone.to)).or_default().push(zone);
    }
    let mut changes: Vec<Change> = groups
        .into_iter()
        .map(|((from, to), mut zones)| {
            zones.sort_by(|a, b| b.part.area_km2.total_cmp(&a.part.area_km2));
            let geometry = if let [only] = zones.as_slice() {
                only.part.geometry.clone().into_owned()
            } else {
                geo::unary_union(zones.iter().flat_map(|z| z.part.geometry.0.iter()))
            };
            let mut via: Vec<Step> = zones.iter().flat_map(|z| z.via.iter().cloned()).collect();
            via.sort_by(|a, b| a.from.cmp(&b.from).then(a.zone.cmp(&b.zone)));
            Change {
                from,
                to,
                geometry,
                // The zones tile the map without overlaps: their areas add up.
                area_km2: zones.iter().map(|z| z.part.area_km2).sum(),
                uncertainty_km2: zones
                    .iter()
                    .map(|z| z.part.edge_km * z.uncertainty_km)
                    .sum(),
                share_of_from: 0.0,
                zones: zones.iter().map(|z| z.id.to_string()).collect(),
                parts: zones
                    .iter()
                    .map(|z| ZonePart {
                        zone: z.id.to_string(),
                        area_km2: z.part.area_km2,
                        uncertainty_km2: z.part.edge_km * z.uncertainty_km,
                    })
                    .collect(),
                approximate: zones.iter().any(|z| z.approximate),
                via,
            }
        })
        .collect();
    changes.sort_by(|a, b| b.area_km2.total_cmp(&a.area_km2));
    changes
}
