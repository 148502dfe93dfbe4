//! Who held a zone from one date to the other: the controller on each date and
//! every controller in between (a zone that went NKR → RUS → AZE is a change
//! from NKR to AZE via RUS).

use crate::atlas::{Controller, Feature};
use crate::time::Date;

/// One intermediate holder of a zone between the two dates.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// The zone.
    pub zone: String,
    /// Who held it.
    pub controller: Controller,
    /// From this day.
    pub from: Date,
    /// Until this day (exclusive); `None` = still so.
    pub until: Option<Date>,
}

/// A zone's controllers from `d1` to `d2`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ZonePath {
    /// On `d1`.
    pub from: Controller,
    /// On `d2`.
    pub to: Controller,
    /// The holders in between (neither the first nor the last), in date order.
    pub via: Vec<Step>,
}

/// The path of a control zone between two dates (`d1 < d2`); `None` when it
/// has no controller on one of them (a date before the atlas starts).
pub(crate) fn zone_path(zone: &Feature, d1: Date, d2: Date) -> Option<ZonePath> {
    let from = zone.controller_on(d1)?;
    let to = zone.controller_on(d2)?;
    // Controllers of the entries that start after d1 and on or before d2, with
    // repeats of the same controller merged (a new entry for a new status).
    let mut held: Vec<Step> = Vec::new();
    for entry in &zone.history {
        let (Some(start), Some(controller)) = (entry.span.from, entry.controller) else {
            continue;
        };
        if start <= d1 || start > d2 {
            continue;
        }
        match held.last_mut() {
            Some(last) if last.controller == controller => last.until = entry.span.until,
            None if controller == from => {}
            _ => held.push(Step {
                zone: zone.id.clone(),
                controller,
                from: start,
                until: entry.span.until,
            }),
        }
    }
    // The last holder is the one on d2; what is left are the steps between.
    if held.last().is_some_and(|s| s.controller == to) {
        held.pop();
    }
    Some(ZonePath {
        from,
        to,
        via: held,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Loaded;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn the_lachin_corridor_went_from_nkr_to_aze_through_rus() {
        let atlas = Loaded::bundled().atlas;
        let zone = atlas.feature("zone-lachin-corridor-2022").unwrap();
        let path = zone_path(zone, d("2020-09-26"), d("2024-01-01")).unwrap();
        assert_eq!((path.from, path.to), (Controller::Nkr, Controller::Aze));
        assert_eq!(path.via.len(), 1, "{path:?}");
        assert_eq!(path.via[0].controller, Controller::Rus);
        assert_eq!(path.via[0].from, d("2020-12-01"));
        // A new entry with the same controller is not a step.
        let corridor = atlas.feature("zone-lachin-corridor-2020").unwrap();
        let path = zone_path(corridor, d("2020-09-26"), d("2024-01-01")).unwrap();
        assert_eq!((path.from, path.to), (Controller::Nkr, Controller::Aze));
        assert!(path.via.is_empty(), "{path:?}");
    }

    #[test]
    fn a_round_trip_keeps_its_steps() {
        let atlas = Loaded::bundled().atlas;
        let gori = atlas.feature("zone-gori-2008").unwrap();
        let path = zone_path(gori, d("2008-08-06"), d("2008-10-01")).unwrap();
        assert_eq!((path.from, path.to), (Controller::Geo, Controller::Geo));
        assert_eq!(path.via.len(), 1);
        assert_eq!(path.via[0].controller, Controller::Rus);
    }
}
