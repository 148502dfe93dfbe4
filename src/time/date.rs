use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar day (proleptic Gregorian), the atlas's only unit of time.
///
/// ```
/// use caucasus_atlas::time::Date;
/// let d: Date = "2020-11-10".parse().unwrap();
/// assert_eq!(d.to_string(), "2020-11-10");
/// assert_eq!(d.add_days(-1).to_string(), "2020-11-09");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(NaiveDate);

/// The first day the atlas shows: the NKAO soviet's vote of 20 February 1988.
pub const ATLAS_START: Date = match NaiveDate::from_ymd_opt(1988, 2, 20) {
    Some(d) => Date(d),
    None => panic!("1988-02-20 is a valid date"),
};

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// The text as given.
    pub text: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\" is not a date (expected YYYY-MM-DD)", self.text)
    }
}

impl std::error::Error for DateError {}

impl Date {
    /// The date for a year, month and day, if it exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        NaiveDate::from_ymd_opt(year, month, day).map(Date)
    }

    /// Today in UTC, from the system clock.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
        Date(epoch + chrono::Duration::days((secs / 86_400) as i64))
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        self.0.month()
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u32 {
        self.0.day()
    }

    /// This date moved by `days` (negative goes back).
    pub fn add_days(self, days: i64) -> Date {
        Date(self.0 + chrono::Duration::days(days))
    }

    /// This date moved by whole months; the day is clamped to the month's end
    /// (2020-01-31 plus one month is 2020-02-29).
    pub fn add_months(self, months: i32) -> Date {
        let moved = if months >= 0 {
            self.0
                .checked_add_months(Months::new(months.unsigned_abs()))
        } else {
            self.0
                .checked_sub_months(Months::new(months.unsigned_abs()))
        };
        Date(moved.unwrap_or(self.0))
    }

    /// Days from `earlier` to `self` (negative if `self` is earlier).
    pub fn days_since(self, earlier: Date) -> i64 {
        (self.0 - earlier.0).num_days()
    }

    /// Parses the strict ISO form `YYYY-MM-DD`.
    pub fn parse_iso(text: &str) -> Result<Date, DateError> {
        let err = || DateError {
            text: text.to_string(),
        };
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes.get(4) == Some(&b'-')
            && bytes.get(7) == Some(&b'-')
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return Err(err());
        }
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(Date)
            .map_err(|_| err())
    }
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Date::parse_iso(s.trim())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Date({self})")
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse_iso(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for bad in [
            "2020-13-45",
            "2020-02-30",
            "20-11-10",
            "2020/11/10",
            "",
            "2020-1-1",
        ] {
            assert!(Date::parse_iso(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn month_arithmetic_clamps_to_month_end() {
        let d = Date::from_ymd(2020, 1, 31).unwrap();
        assert_eq!(d.add_months(1).to_string(), "2020-02-29");
        assert_eq!(d.add_months(-2).to_string(), "2019-11-30");
        assert_eq!(d.add_months(12).to_string(), "2021-01-31");
    }

    #[test]
    fn atlas_start_is_the_nkao_vote() {
        assert_eq!(ATLAS_START.to_string(), "1988-02-20");
        assert!(Date::today() > ATLAS_START);
    }
}
