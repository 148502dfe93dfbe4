//! The zones that changed hands on the date just reached flash briefly on the
//! map: whatever moved the date (a step, a jump, playback, a story, undo), the
//! zones with a change of control on the landing date get a fading outline
//! for [`FLASH_SECONDS`]. The changes come from the timeline's marks, the same
//! list the "what changed" line under the timeline reads.

use crate::atlas::{Mark, MarkKind};
use crate::time::Date;

/// How long a flash lasts, in seconds.
pub const FLASH_SECONDS: f64 = 1.0;

/// The zones flashing now and since when.
#[derive(Default)]
pub struct ZoneFlash {
    /// The date seen last frame (`None` before the first frame: opening the
    /// window on a date does not flash).
    seen: Option<Date>,
    /// The zones changing hands on the landing date.
    zones: Vec<String>,
    /// When the flash began (egui's clock, seconds).
    started: f64,
}

impl ZoneFlash {
    /// Notes the date shown at time `now`; a new date starts a flash of the
    /// zones whose controller changed on it (`marks` sorted by date).
    pub fn update(&mut self, date: Date, marks: &[Mark], now: f64) {
        let previous = self.seen.replace(date);
        if previous.is_none() || previous == Some(date) {
            return;
        }
        let first = marks.partition_point(|m| m.date < date);
        self.zones = marks
            .iter()
            .skip(first)
            .take_while(|m| m.date == date)
            .filter(|m| m.kind == MarkKind::ControlChange)
            .map(|m| m.feature_id.clone())
            .collect();
        self.zones.dedup();
        self.started = now;
    }

    /// How strongly the flash shows at `now`: 1 when it starts, 0 once over.
    pub fn strength(&self, now: f64) -> f32 {
        if self.zones.is_empty() {
            return 0.0;
        }
        let t = (now - self.started) / FLASH_SECONDS;
        if (0.0..1.0).contains(&t) {
            (1.0 - t) as f32
        } else {
            0.0
        }
    }

    /// The zones flashing at `now` (empty once the flash is over).
    pub fn zones(&self, now: f64) -> &[String] {
        if self.strength(now) > 0.0 {
            &self.zones
        } else {
            &[]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(date: &str, kind: MarkKind, id: &str) -> Mark {
        Mark {
            date: date.parse().unwrap(),
            kind,
            title: id.to_string(),
            feature_id: id.to_string(),
        }
    }

    #[test]
    fn a_new_date_flashes_its_changed_zones_for_a_second() {
        let marks = vec![
            mark("2020-11-08", MarkKind::ControlChange, "zone-shusha"),
            mark(
                "2020-11-10",
                MarkKind::Event("ceasefire".into()),
                "statement",
            ),
            mark("2020-11-10", MarkKind::ControlChange, "zone-a"),
            mark("2020-11-10", MarkKind::ControlChange, "zone-b"),
            mark("2020-11-20", MarkKind::ControlChange, "zone-aghdam"),
        ];
        let d = |s: &str| s.parse::<Date>().unwrap();
        let mut flash = ZoneFlash::default();
        flash.update(d("2020-11-09"), &marks, 0.0);
        assert!(flash.zones(0.0).is_empty(), "the first date does not flash");
        flash.update(d("2020-11-10"), &marks, 5.0);
        assert_eq!(flash.zones(5.2), ["zone-a", "zone-b"]);
        assert!(flash.strength(5.5) < flash.strength(5.1));
        assert!(flash.zones(6.1).is_empty());
        flash.update(d("2020-11-11"), &marks, 7.0);
        assert!(flash.zones(7.0).is_empty());
    }
}
