//! Which property is the date, the end, the duration and the name, guessed
//! from the first features of a file when the user has not said.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::dates::{parse_duration, parse_user_date};

/// How many features are looked at to guess.
pub const GUESS_SAMPLE: usize = 2000;

/// Words in a property name that suggest the first day, best first.
const START_WORDS: &[&str] = &[
    "event_date",
    "date",
    "start",
    "begin",
    "from",
    "since",
    "time",
    "timestamp",
    "when",
    "year",
    "day",
];
/// Words that suggest the last day.
const END_WORDS: &[&str] = &["end", "until", "finish", "stop", "to", "till"];
/// Words that suggest a duration in days.
const DURATION_WORDS: &[&str] = &["duration", "days", "length"];
/// Property names that hold a name, best first.
const NAME_WORDS: &[&str] = &[
    "name_en",
    "name",
    "title",
    "label",
    "location",
    "place",
    "event_type",
    "type",
    "description",
];

/// What was seen of one property over the sample.
#[derive(Clone, Debug, Default)]
pub struct PropertyStats {
    /// Features with a non-null, non-empty value.
    pub present: usize,
    /// Of those, values that read as a date.
    pub dates: usize,
    /// Of those, values that are text with a date's shape (not a bare number).
    pub text_dates: usize,
    /// Of those, values that read as a duration.
    pub durations: usize,
    /// Of those, text values.
    pub texts: usize,
    /// Where the property comes first among the keys (for a stable order).
    pub first_seen: usize,
}

/// Statistics of every property over a sample of features.
#[derive(Clone, Debug, Default)]
pub struct Sample {
    /// By property name.
    pub properties: BTreeMap<String, PropertyStats>,
    /// Features looked at.
    pub features: usize,
}

impl Sample {
    /// Adds one feature's properties.
    pub fn add(&mut self, map: &Map<String, Value>) {
        self.features += 1;
        let anchor = crate::time::ATLAS_START;
        for (key, value) in map {
            let empty = value.is_null() || value.as_str().is_some_and(|s| s.trim().is_empty());
            let next = self.properties.len();
            let stats = self
                .properties
                .entry(key.clone())
                .or_insert_with(|| PropertyStats {
                    first_seen: next,
                    ..PropertyStats::default()
                });
            if empty {
                continue;
            }
            stats.present += 1;
            if matches!(parse_user_date(value), Ok(Some(_))) {
                stats.dates += 1;
                if value.is_string() {
                    stats.text_dates += 1;
                }
            }
            if matches!(parse_duration(value, anchor), Ok(Some(_))) {
                stats.durations += 1;
            }
            if value.is_string() {
                stats.texts += 1;
            }
        }
    }
}

/// How well a property's name fits a list of words (lower is better;
/// `None`: not at all). An exact name beats a word inside it.
fn name_rank(key: &str, words: &[&str]) -> Option<usize> {
    let key = key.to_lowercase();
    if let Some(i) = words.iter().position(|w| key == *w) {
        return Some(i);
    }
    let parts: Vec<&str> = key.split(|c: char| !c.is_alphanumeric()).collect();
    words
        .iter()
        .position(|w| parts.contains(w))
        .map(|i| words.len() + i)
}

/// Whether most values of a property read so: three in four (a few typos
/// in a date column do not hide it; each is reported when it is read).
fn mostly(count: usize, present: usize) -> bool {
    present > 0 && count * 4 >= present * 3
}

/// The fields guessed from a sample (each `None` where nothing fits).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Guess {
    /// The date (or start) property.
    pub time: Option<String>,
    /// The end property.
    pub end: Option<String>,
    /// The duration property.
    pub duration: Option<String>,
    /// The name property.
    pub name: Option<String>,
}

/// Guesses the fields from `sample`.
///
/// A date field is a property whose values almost all read as dates and
/// whose name says so (`date`, `start`, `event_date`, `year`…), or failing
/// that, the first property whose values are all text dates. An end field is
/// a date property named like an end (`end`, `until`…); a duration, one
/// named `duration` or `days` with numbers; the name, `name`, `title`,
/// `label`… or failing that the first text property that is not a date.
pub fn guess(sample: &Sample) -> Guess {
    let by_order = |a: &(&String, &PropertyStats), b: &(&String, &PropertyStats)| {
        a.1.first_seen.cmp(&b.1.first_seen)
    };
    let mut props: Vec<(&String, &PropertyStats)> = sample.properties.iter().collect();
    props.sort_by(by_order);
    let dated = |s: &PropertyStats| mostly(s.dates, s.present);

    let end = props
        .iter()
        .filter(|(_, s)| dated(s))
        .filter_map(|(k, _)| name_rank(k, END_WORDS).map(|r| (r, *k)))
        .min()
        .map(|(_, k)| k.clone());
    let time = props
        .iter()
        .filter(|(k, s)| dated(s) && Some(*k) != end.as_ref())
        .filter_map(|(k, _)| name_rank(k, START_WORDS).map(|r| (r, *k)))
        .min()
        .map(|(_, k)| k.clone())
        .or_else(|| {
            props
                .iter()
                .find(|(k, s)| {
                    Some(*k) != end.as_ref() && s.present > 0 && s.text_dates == s.present
                })
                .map(|(k, _)| (*k).clone())
        });
    let duration = props
        .iter()
        .filter(|(_, s)| mostly(s.durations, s.present))
        .filter_map(|(k, _)| name_rank(k, DURATION_WORDS).map(|r| (r, *k)))
        .min()
        .map(|(_, k)| k.clone());
    let is_date_field = |k: &String| Some(k) == time.as_ref() || Some(k) == end.as_ref();
    let name = props
        .iter()
        .filter(|(k, s)| s.texts > 0 && !is_date_field(k))
        .filter_map(|(k, _)| name_rank(k, NAME_WORDS).map(|r| (r, *k)))
        .min()
        .map(|(_, k)| k.clone())
        .or_else(|| {
            props
                .iter()
                .find(|(k, s)| mostly(s.texts, s.present) && s.dates == 0 && !is_date_field(k))
                .map(|(k, _)| (*k).clone())
        });
    Guess {
        time,
        end,
        duration,
        name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample(rows: &[Value]) -> Sample {
        let mut s = Sample::default();
        for row in rows {
            s.add(row.as_object().unwrap());
        }
        s
    }

    #[test]
    fn an_incident_file() {
        let s = sample(&[
            json!({"fid": 1, "event_date": "2020-10-04", "location": "Ganja", "fatalities": 1}),
            json!({"fid": 2, "event_date": "2020-10-11", "location": "Ganja", "fatalities": 10}),
        ]);
        let g = guess(&s);
        assert_eq!(g.time.as_deref(), Some("event_date"));
        assert_eq!(g.name.as_deref(), Some("location"));
        assert_eq!(g.end, None);
    }

    #[test]
    fn start_end_and_title() {
        let s = sample(&[json!({"title": "Blockade", "start": "2022-12-12", "end": "2023-09-19"})]);
        let g = guess(&s);
        assert_eq!(
            (g.time.as_deref(), g.end.as_deref(), g.name.as_deref()),
            (Some("start"), Some("end"), Some("title"))
        );
    }

    #[test]
    fn numbers_without_a_date_name_are_not_dates() {
        let s = sample(&[json!({"population": 2020, "Name": "Goris"})]);
        let g = guess(&s);
        assert_eq!(g.time, None);
        assert_eq!(g.name.as_deref(), Some("Name"));
        // Unless the name says so.
        let s = sample(&[json!({"year": 1994, "when_seen": "x"})]);
        assert_eq!(guess(&s).time.as_deref(), Some("year"));
    }

    #[test]
    fn a_text_date_under_any_name() {
        let s = sample(&[json!({"a": "x", "reported": "2021-05-12"})]);
        assert_eq!(guess(&s).time.as_deref(), Some("reported"));
    }
}
