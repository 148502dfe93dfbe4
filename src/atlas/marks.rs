//! Dates worth marking on the timeline: events and changes of control.

use super::{Atlas, LayerKind};
use crate::time::Date;

/// What a timeline mark stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarkKind {
    /// An event of this kind (`war`, `ceasefire`, …).
    Event(String),
    /// A control zone changed hands.
    ControlChange,
}

/// One date on the timeline with what happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// The day.
    pub date: Date,
    /// Event or change of control.
    pub kind: MarkKind,
    /// A short title (the event's name, or "Zone: A to B").
    pub title: String,
    /// The feature it comes from.
    pub feature_id: String,
}

impl Atlas {
    /// Every event start and every change of controller, sorted by date.
    pub fn marks(&self) -> Vec<Mark> {
        let mut marks = Vec::new();
        if let Some(events) = self.layer(&LayerKind::Events) {
            for e in &events.features {
                if let Some(date) = e.lifespan.from {
                    marks.push(Mark {
                        date,
                        kind: MarkKind::Event(e.kind.clone()),
                        title: e.name.en.clone(),
                        feature_id: e.id.clone(),
                    });
                }
            }
        }
        if let Some(control) = self.layer(&LayerKind::Control) {
            for zone in &control.features {
                for pair in zone.history.windows(2) {
                    let [before, after] = pair else { continue };
                    let (Some(date), Some(a), Some(b)) =
                        (after.span.from, before.controller, after.controller)
                    else {
                        continue;
                    };
                    if a != b {
                        marks.push(Mark {
                            date,
                            kind: MarkKind::ControlChange,
                            title: format!("{}: {a} to {b}", zone.name.en),
                            feature_id: zone.id.clone(),
                        });
                    }
                }
            }
        }
        marks.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.title.cmp(&b.title)));
        marks
    }
}
