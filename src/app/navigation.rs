//! Undo and redo of navigation: the date, the view and the selection, as they
//! were each time the user came to rest (a drag, a scrub or a playback run is
//! one step, not one per frame).

use std::collections::VecDeque;

use crate::spatial::{MapPoint, MapView};
use crate::time::Date;

/// How many steps back the history keeps.
pub const HISTORY_LIMIT: usize = 100;

/// Where the user was: what undo goes back to.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// The date shown.
    pub date: Date,
    /// The view (`None`: the whole region, fitted).
    pub view: Option<MapView>,
    /// The selected feature and where it was clicked.
    pub selection: Option<(String, MapPoint)>,
}

/// The places behind and ahead of the current one.
#[derive(Clone, Debug)]
pub struct NavigationHistory {
    back: VecDeque<Place>,
    forward: Vec<Place>,
    /// The place last settled at.
    settled: Place,
}

impl NavigationHistory {
    /// A history that starts at `place`.
    pub fn new(place: Place) -> NavigationHistory {
        NavigationHistory {
            back: VecDeque::new(),
            forward: Vec::new(),
            settled: place,
        }
    }

    /// Records `current` as a step if it differs from the last place settled at.
    /// A new step forgets what redo would have gone to.
    pub fn settle(&mut self, current: &Place) {
        if *current == self.settled {
            return;
        }
        let previous = std::mem::replace(&mut self.settled, current.clone());
        self.back.push_back(previous);
        if self.back.len() > HISTORY_LIMIT {
            self.back.pop_front();
        }
        self.forward.clear();
    }

    /// The place before `current`, if any (after settling `current`).
    pub fn undo(&mut self, current: &Place) -> Option<Place> {
        self.settle(current);
        let previous = self.back.pop_back()?;
        self.forward
            .push(std::mem::replace(&mut self.settled, previous.clone()));
        Some(previous)
    }

    /// The place an undo came from, if nothing changed since.
    pub fn redo(&mut self, current: &Place) -> Option<Place> {
        if *current != self.settled {
            // Moved on since the undo: there is nothing to redo.
            self.settle(current);
            return None;
        }
        let next = self.forward.pop()?;
        self.back
            .push_back(std::mem::replace(&mut self.settled, next.clone()));
        Some(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(date: &str) -> Place {
        Place {
            date: date.parse().unwrap(),
            view: None,
            selection: None,
        }
    }

    #[test]
    fn undo_and_redo_walk_the_settled_places() {
        let mut h = NavigationHistory::new(at("2020-01-01"));
        h.settle(&at("2020-02-01"));
        h.settle(&at("2020-02-01"));
        // Not settled yet: undo settles it first, then steps back from it.
        assert_eq!(h.undo(&at("2020-03-01")), Some(at("2020-02-01")));
        assert_eq!(h.undo(&at("2020-02-01")), Some(at("2020-01-01")));
        assert_eq!(h.undo(&at("2020-01-01")), None);
        assert_eq!(h.redo(&at("2020-01-01")), Some(at("2020-02-01")));
        assert_eq!(h.redo(&at("2020-02-01")), Some(at("2020-03-01")));
        assert_eq!(h.redo(&at("2020-03-01")), None);
        // Going somewhere new after an undo drops the redo steps.
        h.undo(&at("2020-03-01"));
        assert_eq!(h.redo(&at("2021-01-01")), None);
        assert_eq!(h.undo(&at("2021-01-01")), Some(at("2020-02-01")));
    }

    #[test]
    fn the_history_is_bounded() {
        let mut h = NavigationHistory::new(at("2000-01-01"));
        let mut date: Date = "2000-01-02".parse().unwrap();
        for _ in 0..(HISTORY_LIMIT + 50) {
            h.settle(&Place {
                date,
                view: None,
                selection: None,
            });
            date = date.add_days(1);
        }
        let mut steps = 0;
        let mut here = h.settled.clone();
        while let Some(p) = h.undo(&here) {
            here = p;
            steps += 1;
        }
        assert_eq!(steps, HISTORY_LIMIT);
    }
}
