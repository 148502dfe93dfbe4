//! The timeline: the current date, playback and stepping, changed only through
//! [`TimeCommand`]s. It knows nothing of the UI; buttons, keys and menus all
//! send the same commands.

use serde::{Deserialize, Serialize};

use super::{ATLAS_START, Date};

/// How far one step goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StepUnit {
    /// One day.
    Day,
    /// One calendar month.
    Month,
    /// One calendar year.
    Year,
}

/// Something the user asked the timeline to do.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TimeCommand {
    /// Go to a date (clamped to the timeline's range).
    SetDate(Date),
    /// Step forward (`true`) or back by a unit.
    Step(StepUnit, bool),
    /// Go to the next date with an event or a change of control.
    NextMark,
    /// Go to the previous such date.
    PreviousMark,
    /// Go to the first day.
    First,
    /// Go to the last day (today).
    Last,
    /// Start or stop playing.
    TogglePlay,
    /// Stop playing.
    Pause,
    /// Set the playback speed in days per second.
    SetSpeed(f64),
    /// Turn looping on or off.
    SetLoop(bool),
    /// Limit playback and looping to a range of days (inclusive), or lift the
    /// limit with `None`.
    SetRange(Option<(Date, Date)>),
}

/// Playback speeds offered in the UI: (days per second, label).
pub const SPEED_PRESETS: [(f64, &str); 5] = [
    (1.0, "1 day/s"),
    (7.0, "1 week/s"),
    (30.4375, "1 month/s"),
    (91.3125, "3 months/s"),
    (365.25, "1 year/s"),
];

/// The timeline's state. Its fields are private: it changes only through
/// [`Timeline::apply`] and [`Timeline::advance`].
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    /// The date shown.
    date: Date,
    /// The first day (the NKAO vote, 1988-02-20).
    start: Date,
    /// The last day (today).
    end: Date,
    /// Whether playback is running.
    playing: bool,
    /// Playback speed in days per second (1 to 365.25).
    days_per_second: f64,
    /// Whether playback starts again from the beginning at the end.
    looping: bool,
    /// The range playback runs over (first and last day), if limited.
    range: Option<(Date, Date)>,
    /// Fractional days accumulated by playback but not yet shown.
    carry: f64,
}

impl Timeline {
    /// A timeline from the atlas's first day to `end`, showing `date`.
    pub fn new(date: Date, end: Date) -> Timeline {
        let end = end.max(ATLAS_START);
        Timeline {
            date: date.clamp(ATLAS_START, end),
            start: ATLAS_START,
            end,
            playing: false,
            days_per_second: 30.4375,
            looping: false,
            range: None,
            carry: 0.0,
        }
    }

    /// The date shown.
    pub fn date(&self) -> Date {
        self.date
    }

    /// The first day.
    pub fn start(&self) -> Date {
        self.start
    }

    /// The last day.
    pub fn end(&self) -> Date {
        self.end
    }

    /// Whether playback is running.
    pub fn playing(&self) -> bool {
        self.playing
    }

    /// Playback speed in days per second.
    pub fn days_per_second(&self) -> f64 {
        self.days_per_second
    }

    /// Whether playback starts again at the end.
    pub fn looping(&self) -> bool {
        self.looping
    }

    /// The range playback is limited to (first and last day), if any.
    pub fn range(&self) -> Option<(Date, Date)> {
        self.range
    }

    /// Where playback starts and ends: the range, else the whole timeline.
    fn play_span(&self) -> (Date, Date) {
        self.range.unwrap_or((self.start, self.end))
    }

    /// Days from the first day to the shown date (the slider's value).
    pub fn day_index(&self) -> i64 {
        self.date.days_since(self.start)
    }

    /// Number of days on the timeline.
    pub fn length_days(&self) -> i64 {
        self.end.days_since(self.start)
    }

    /// Carries out a command. `marks` are the dates of events and changes,
    /// sorted ascending (for next/previous).
    pub fn apply(&mut self, command: TimeCommand, marks: &[Date]) {
        match command {
            TimeCommand::SetDate(d) => self.set_date(d),
            TimeCommand::Step(unit, forward) => {
                let sign = if forward { 1 } else { -1 };
                let moved = match unit {
                    StepUnit::Day => self.date.add_days(sign as i64),
                    StepUnit::Month => self.date.add_months(sign),
                    StepUnit::Year => self.date.add_months(12 * sign),
                };
                self.set_date(moved);
            }
            TimeCommand::NextMark => {
                if let Some(&next) = marks.iter().find(|&&m| m > self.date) {
                    self.set_date(next);
                }
            }
            TimeCommand::PreviousMark => {
                if let Some(&previous) = marks.iter().rev().find(|&&m| m < self.date) {
                    self.set_date(previous);
                }
            }
            TimeCommand::First => self.set_date(self.start),
            TimeCommand::Last => self.set_date(self.end),
            TimeCommand::TogglePlay => {
                self.playing = !self.playing;
                let (first, last) = self.play_span();
                if self.playing && (self.date >= last || self.date < first) {
                    // Playing from the end (or from outside the range) starts
                    // again from the beginning.
                    self.date = first;
                }
                self.carry = 0.0;
            }
            TimeCommand::Pause => self.playing = false,
            TimeCommand::SetSpeed(days) => {
                if days.is_finite() {
                    self.days_per_second = days.clamp(1.0, 365.25);
                }
            }
            TimeCommand::SetLoop(on) => self.looping = on,
            TimeCommand::SetRange(range) => {
                self.range = range
                    .map(|(a, b)| {
                        let (a, b) = (a.min(b), a.max(b));
                        (a.clamp(self.start, self.end), b.clamp(self.start, self.end))
                    })
                    .filter(|(a, b)| a < b);
            }
        }
    }

    fn set_date(&mut self, date: Date) {
        self.date = date.clamp(self.start, self.end);
        self.carry = 0.0;
    }

    /// Advances playback by `seconds` of wall time. Returns whether the date changed.
    pub fn advance(&mut self, seconds: f64) -> bool {
        if !self.playing || !seconds.is_finite() || seconds <= 0.0 {
            return false;
        }
        // A long pause (a dragged window, a breakpoint) must not jump years ahead.
        self.carry += self.days_per_second * seconds.min(0.25);
        let whole = self.carry.floor();
        if whole < 1.0 {
            return false;
        }
        self.carry -= whole;
        let next = self.date.add_days(whole as i64);
        let (first, last) = self.play_span();
        if next >= last {
            if self.looping {
                self.date = first;
            } else {
                self.date = last;
                self.playing = false;
            }
        } else {
            self.date = next;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn timeline(at: &str) -> Timeline {
        Timeline::new(d(at), d("2026-11-27"))
    }

    #[test]
    fn steps_move_by_day_month_and_year_and_stay_in_range() {
        let mut t = timeline("2020-11-09");
        t.apply(TimeCommand::Step(StepUnit::Day, true), &[]);
        assert_eq!(t.date, d("2020-11-10"));
        t.apply(TimeCommand::Step(StepUnit::Month, false), &[]);
        assert_eq!(t.date, d("2020-10-10"));
        t.apply(TimeCommand::Step(StepUnit::Year, true), &[]);
        assert_eq!(t.date, d("2021-10-10"));
        t.apply(TimeCommand::First, &[]);
        t.apply(TimeCommand::Step(StepUnit::Year, false), &[]);
        assert_eq!(t.date, ATLAS_START);
        t.apply(TimeCommand::SetDate(d("2099-01-01")), &[]);
        assert_eq!(t.date, d("2026-11-27"));
    }

    #[test]
    fn a_range_limits_playback_and_looping() {
        let mut t = timeline("2000-01-01");
        t.apply(
            TimeCommand::SetRange(Some((d("2020-11-10"), d("2020-09-27")))),
            &[],
        );
        assert_eq!(t.range(), Some((d("2020-09-27"), d("2020-11-10"))));
        t.apply(TimeCommand::SetSpeed(365.25), &[]);
        t.apply(TimeCommand::TogglePlay, &[]);
        assert_eq!(t.date, d("2020-09-27"), "play starts at the range");
        for _ in 0..10 {
            t.advance(0.1);
        }
        assert_eq!(t.date, d("2020-11-10"));
        assert!(!t.playing);
        t.apply(TimeCommand::SetLoop(true), &[]);
        t.apply(TimeCommand::TogglePlay, &[]);
        assert_eq!(t.date, d("2020-09-27"));
        t.apply(TimeCommand::SetSpeed(7.0), &[]);
        for _ in 0..30 {
            t.advance(0.25);
            assert!(t.date >= d("2020-09-27") && t.date <= d("2020-11-10"));
        }
        t.apply(TimeCommand::SetRange(None), &[]);
        assert_eq!(t.range(), None);
        t.apply(
            TimeCommand::SetRange(Some((d("2020-01-01"), d("2020-01-01")))),
            &[],
        );
        assert_eq!(t.range(), None, "an empty range is no range");
    }

    #[test]
    fn next_and_previous_marks() {
        let marks = [d("1992-05-08"), d("2020-09-27"), d("2020-11-10")];
        let mut t = timeline("2020-10-01");
        t.apply(TimeCommand::NextMark, &marks);
        assert_eq!(t.date, d("2020-11-10"));
        t.apply(TimeCommand::NextMark, &marks);
        assert_eq!(t.date, d("2020-11-10"), "no mark after the last one: stay");
        t.apply(TimeCommand::PreviousMark, &marks);
        assert_eq!(t.date, d("2020-09-27"));
    }

    #[test]
    fn playback_advances_by_speed_and_stops_or_loops_at_the_end() {
        let mut t = timeline("2026-11-20");
        t.apply(TimeCommand::SetSpeed(1.0), &[]);
        t.apply(TimeCommand::TogglePlay, &[]);
        for _ in 0..3 {
            assert!(!t.advance(0.25), "a quarter day is not yet a day");
        }
        assert!(t.advance(0.25));
        assert_eq!(t.date, d("2026-11-21"));
        t.apply(TimeCommand::SetSpeed(365.25), &[]);
        for _ in 0..10 {
            t.advance(0.1);
        }
        assert_eq!(t.date, d("2026-11-27"));
        assert!(!t.playing, "playback stops at the end without loop");
        t.apply(TimeCommand::SetLoop(true), &[]);
        t.apply(TimeCommand::TogglePlay, &[]);
        assert_eq!(t.date, ATLAS_START, "play at the end restarts");
        t.apply(TimeCommand::SetDate(d("2026-11-26")), &[]);
        t.advance(0.1);
        assert_eq!(t.date, ATLAS_START, "looping wraps around");
    }
}
