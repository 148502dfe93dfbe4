use super::Date;

/// A half-open span of days `[from, until)`. `None` on either side means open:
/// "always was" for `from`, "still so" for `until`.
///
/// ```
/// use caucasus_atlas::time::{Date, Lifespan};
/// let d = |s: &str| s.parse::<Date>().unwrap();
/// let war = Lifespan::new(Some(d("2020-09-27")), Some(d("2020-11-10")));
/// assert!(war.contains(d("2020-09-27")));
/// assert!(war.contains(d("2020-11-09")));
/// assert!(!war.contains(d("2020-11-10")));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Lifespan {
    /// First day (inclusive); `None` = since before the atlas starts.
    pub from: Option<Date>,
    /// First day no longer included; `None` = still so.
    pub until: Option<Date>,
}

impl Lifespan {
    /// A lifespan from its two ends.
    pub fn new(from: Option<Date>, until: Option<Date>) -> Self {
        Lifespan { from, until }
    }

    /// A lifespan that covers every day.
    pub const ALWAYS: Lifespan = Lifespan {
        from: None,
        until: None,
    };

    /// Whether the day falls inside `[from, until)`.
    pub fn contains(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date < u)
    }

    /// Whether the two lifespans share at least one day.
    pub fn overlaps(&self, other: &Lifespan) -> bool {
        let starts_before_other_ends = match (self.from, other.until) {
            (Some(f), Some(u)) => f < u,
            _ => true,
        };
        let other_starts_before_self_ends = match (other.from, self.until) {
            (Some(f), Some(u)) => f < u,
            _ => true,
        };
        starts_before_other_ends && other_starts_before_self_ends
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn open_ends_cover_everything_on_their_side() {
        let still = Lifespan::new(Some(d("2023-09-20")), None);
        assert!(still.contains(d("2026-01-01")));
        assert!(!still.contains(d("2023-09-19")));
        assert!(Lifespan::ALWAYS.contains(d("1988-02-20")));
    }

    #[test]
    fn adjacent_spans_do_not_overlap() {
        let a = Lifespan::new(Some(d("2020-01-01")), Some(d("2020-02-01")));
        let b = Lifespan::new(Some(d("2020-02-01")), None);
        assert!(!a.overlaps(&b));
        assert!(!b.overlaps(&a));
        let c = Lifespan::new(Some(d("2020-01-31")), Some(d("2020-03-01")));
        assert!(a.overlaps(&c));
    }
}
