//! The dates a user's file may hold: ISO dates (`YYYY-MM-DD`), months
//! (`YYYY-MM`), years (`YYYY`), ISO date-times and Unix seconds — each read as
//! the day, month or year it names.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime};
use serde_json::Value;

use crate::time::Date;

/// How much time a date value names: a date-time or a full date names a day,
/// `2020-10` a month, `2020` a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// One day.
    Day,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

/// A date read from a user's property: its first day and the period it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UserDate {
    /// The first day named.
    pub first: Date,
    /// How long the value names.
    pub period: Period,
}

impl UserDate {
    /// The day after the last day the value names (`2020-10` → 2020-11-01).
    pub fn end_exclusive(self) -> Date {
        match self.period {
            Period::Day => self.first.add_days(1),
            Period::Month => self.first.add_months(1),
            Period::Year => self.first.add_months(12),
        }
    }
}

/// Unix times above this are read as milliseconds (as seconds they would be
/// after the year 5000).
const MILLISECONDS_FROM: f64 = 1e11;

fn day(naive: NaiveDate) -> Option<Date> {
    Date::from_ymd(naive.year(), naive.month(), naive.day())
}

fn unix(seconds: f64) -> Option<Date> {
    let seconds = if seconds.abs() >= MILLISECONDS_FROM {
        seconds / 1000.0
    } else {
        seconds
    };
    if !seconds.is_finite() || seconds.abs() > 1e13 {
        return None;
    }
    DateTime::from_timestamp(seconds.floor() as i64, 0).and_then(|t| day(t.date_naive()))
}

/// Reads a text date; `None` if it is none of the accepted forms.
fn parse_text(text: &str) -> Option<UserDate> {
    let t = text.trim();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let at = |first: Option<Date>, period| first.map(|first| UserDate { first, period });
    if t.len() == 4 && digits(t) {
        return at(Date::from_ymd(t.parse().ok()?, 1, 1), Period::Year);
    }
    if t.len() == 7 && t.as_bytes().get(4) == Some(&b'-') {
        let (y, m) = (t.get(..4)?, t.get(5..)?);
        if digits(y) && digits(m) {
            return at(
                Date::from_ymd(y.parse().ok()?, m.parse().ok()?, 1),
                Period::Month,
            );
        }
        return None;
    }
    if t.len() == 10 && t.as_bytes().get(4) == Some(&b'-') {
        return at(Date::parse_iso(t).ok(), Period::Day);
    }
    if t.len() > 10 && matches!(t.as_bytes().get(10), Some(b'T' | b't' | b' ')) {
        // The day as written, in the time zone the value was written in
        // (an incident at 23:30 local time happened on that local day).
        if let Ok(stamp) = DateTime::parse_from_rfc3339(t) {
            return at(day(stamp.naive_local().date()), Period::Day);
        }
        for format in [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
            "%Y-%m-%dT%H:%M:%S%.f%#z",
            "%Y-%m-%d %H:%M:%S%.f%#z",
        ] {
            if let Ok(stamp) = NaiveDateTime::parse_from_str(t, format) {
                return at(day(stamp.date()), Period::Day);
            }
        }
        return None;
    }
    // Unix seconds written as text ("1601510400").
    let unsigned = t.strip_prefix('-').unwrap_or(t);
    if unsigned.len() >= 9 && digits(unsigned) {
        return at(unix(t.parse().ok()?), Period::Day);
    }
    None
}

/// What a date property may hold, for messages.
pub const DATE_FORMS: &str = "YYYY-MM-DD, YYYY-MM, YYYY, an ISO date-time or Unix seconds";

/// Reads a date property. `Ok(None)` for null or an empty text (the feature
/// is undated there); an error phrase for anything else that is not a date.
///
/// ```
/// use caucasus_atlas::atlas::import::{Period, parse_user_date};
/// use serde_json::json;
/// let d = |v| parse_user_date(&v).unwrap().unwrap();
/// assert_eq!(d(json!("2020-10-01")).first.to_string(), "2020-10-01");
/// assert_eq!(d(json!("2020-10")).period, Period::Month);
/// assert_eq!(d(json!(2020)).period, Period::Year);
/// assert_eq!(d(json!("2020-10-01T23:30:00-05:00")).first.to_string(), "2020-10-01");
/// assert_eq!(d(json!(1601510400)).first.to_string(), "2020-10-01");
/// assert!(parse_user_date(&json!("yesterday")).is_err());
/// assert_eq!(parse_user_date(&json!(null)).unwrap(), None);
/// ```
pub fn parse_user_date(value: &Value) -> Result<Option<UserDate>, String> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) if s.trim().is_empty() => Ok(None),
        Value::String(s) => parse_text(s).map(Some).ok_or_else(|| {
            format!(
                "\"{}\" is not a date ({DATE_FORMS})",
                crate::atlas::printable(s, crate::atlas::SHOWN_CHARS)
            )
        }),
        Value::Number(n) => {
            let x = n.as_f64().unwrap_or(f64::NAN);
            let whole = x.fract() == 0.0;
            if whole && (1000.0..=9999.0).contains(&x) {
                return Ok(Date::from_ymd(x as i32, 1, 1).map(|first| UserDate {
                    first,
                    period: Period::Year,
                }));
            }
            if x.abs() >= 1e8
                && let Some(first) = unix(x)
            {
                return Ok(Some(UserDate {
                    first,
                    period: Period::Day,
                }));
            }
            Err(format!(
                "is the number {n}, not a date (a year YYYY or Unix seconds)"
            ))
        }
        Value::Bool(_) => Err(format!("is true or false, not a date ({DATE_FORMS})")),
        Value::Array(_) | Value::Object(_) => {
            Err(format!("is a list or an object, not a date ({DATE_FORMS})"))
        }
    }
}

/// Reads a duration property in days: a number, or ISO 8601 `P3D`, `P2W`,
/// `P1M`, `P1Y`. Returns the day after the duration from `first`. `Ok(None)`
/// for null or empty text.
pub fn parse_duration(value: &Value, first: Date) -> Result<Option<Date>, String> {
    let days = |n: f64| -> Result<Option<Date>, String> {
        if n.is_finite() && (0.0..=36_500.0).contains(&n) {
            // At least the first day; a part of a day counts as the day.
            Ok(Some(first.add_days((n.ceil() as i64).max(1))))
        } else {
            Err(format!(
                "is {n}, not a duration (a number of days from 0 to 36500)"
            ))
        }
    };
    match value {
        Value::Null => Ok(None),
        Value::Number(n) => days(n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) if s.trim().is_empty() => Ok(None),
        Value::String(s) => {
            let t = s.trim();
            if let Ok(n) = t.parse::<f64>() {
                return days(n);
            }
            let bad = || {
                format!(
                    "\"{}\" is not a duration (days, or P3D, P2W, P1M, P1Y)",
                    crate::atlas::printable(s, crate::atlas::SHOWN_CHARS)
                )
            };
            let body = t
                .strip_prefix('P')
                .or_else(|| t.strip_prefix('p'))
                .ok_or_else(bad)?;
            let unit = body.chars().last().ok_or_else(bad)?;
            let count: u32 = body
                .get(..body.len() - unit.len_utf8())
                .and_then(|n| n.parse().ok())
                .filter(|n| *n <= 36_500)
                .ok_or_else(bad)?;
            match unit.to_ascii_uppercase() {
                'D' => days(f64::from(count)),
                'W' => days(f64::from(count) * 7.0),
                'M' => Ok(Some(first.add_months(count as i32).max(first.add_days(1)))),
                'Y' => Ok(Some(
                    first
                        .add_months((count as i32).saturating_mul(12))
                        .max(first.add_days(1)),
                )),
                _ => Err(bad()),
            }
        }
        _ => Err("is not a duration (days, or P3D, P2W, P1M, P1Y)".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn first(v: Value) -> String {
        parse_user_date(&v).unwrap().unwrap().first.to_string()
    }

    #[test]
    fn every_accepted_form_names_its_day() {
        assert_eq!(first(json!("2020-09-27")), "2020-09-27");
        assert_eq!(first(json!(" 2020-09 ")), "2020-09-01");
        assert_eq!(first(json!("1994")), "1994-01-01");
        assert_eq!(first(json!("2020-09-27T04:10:00Z")), "2020-09-27");
        assert_eq!(first(json!("2020-09-27 04:10:00")), "2020-09-27");
        assert_eq!(first(json!("2020-09-27T04:10")), "2020-09-27");
        assert_eq!(first(json!("1601510400")), "2020-10-01");
        assert_eq!(first(json!(1601510400000_i64)), "2020-10-01");
        assert_eq!(first(json!(1601510400.5)), "2020-10-01");
    }

    #[test]
    fn periods_end_where_they_should() {
        let end = |v| {
            parse_user_date(&v)
                .unwrap()
                .unwrap()
                .end_exclusive()
                .to_string()
        };
        assert_eq!(end(json!("2020-09-27")), "2020-09-28");
        assert_eq!(end(json!("2020-12")), "2021-01-01");
        assert_eq!(end(json!(2020)), "2021-01-01");
    }

    #[test]
    fn non_dates_are_refused_with_a_phrase() {
        for v in [
            json!("2020-13-01"),
            json!("2020-02-30"),
            json!("27/09/2020"),
            json!("2020-09-27Tnoon"),
            json!(12),
            json!(true),
            json!([2020]),
            json!("12345"),
        ] {
            assert!(parse_user_date(&v).is_err(), "{v}");
        }
        assert_eq!(parse_user_date(&json!("  ")).unwrap(), None);
    }

    #[test]
    fn durations() {
        let start = Date::from_ymd(2020, 9, 27).unwrap();
        let until = |v| parse_duration(&v, start).unwrap().unwrap().to_string();
        assert_eq!(until(json!(44)), "2020-11-10");
        assert_eq!(until(json!("P44D")), "2020-11-10");
        assert_eq!(until(json!("P2W")), "2020-10-11");
        assert_eq!(until(json!("P1M")), "2020-10-27");
        assert_eq!(until(json!(0)), "2020-09-28");
        assert!(parse_duration(&json!(-3), start).is_err());
        assert!(parse_duration(&json!("a while"), start).is_err());
    }
}
