//! Property tests (issue 11): the date parser, lifespans and histories, the
//! GeoJSON loader and the SVG writer hold for any input, not only the ones
//! someone thought of. Case counts are kept small so the suite stays fast;
//! `PROPTEST_CASES=10000 cargo test --test properties` digs deeper.

use proptest::prelude::*;
use serde_json::{Value, json};

use caucasus_atlas::atlas::{LayerKind, Loaded, SHOWN_CHARS, printable};
use caucasus_atlas::data::AtlasData;
use caucasus_atlas::render::export::{ExportRequest, Format, render_svg};
use caucasus_atlas::render::svg::escape_xml;
use caucasus_atlas::time::{ATLAS_START, Date, Lifespan};

fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        // Failures are reported, not stored in a file beside the tests.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// A day from about 1900 to about 2100.
fn any_date() -> impl Strategy<Value = Date> {
    (-32_000i64..40_000).prop_map(|n| ATLAS_START.add_days(n))
}

/// A day of the atlas, 1988-02-20 to about 2026.
fn atlas_day() -> impl Strategy<Value = Date> {
    (0i64..14_000).prop_map(|n| ATLAS_START.add_days(n))
}

/// A non-empty lifespan `[from, until)`, either end possibly open.
fn lifespan() -> impl Strategy<Value = Lifespan> {
    (
        proptest::option::of(any_date()),
        proptest::option::of(1i64..20_000),
    )
        .prop_map(|(from, length)| {
            let until = match (from, length) {
                (Some(f), Some(n)) => Some(f.add_days(n)),
                (None, Some(n)) => Some(ATLAS_START.add_days(n)),
                (_, None) => None,
            };
            Lifespan::new(from, until)
        })
}

/// Any text, weighted towards what breaks things: controls, noncharacters,
/// bidi overrides, markup, non-ASCII letters.
fn nasty_text() -> impl Strategy<Value = String> {
    let special = prop_oneof![
        Just('\u{0}'),
        Just('\u{1b}'),
        Just('\u{7}'),
        Just('\r'),
        Just('\n'),
        Just('\t'),
        Just('\u{7f}'),
        Just('\u{85}'),
        Just('\u{9b}'),
        Just('\u{fffe}'),
        Just('\u{ffff}'),
        Just('\u{fdd0}'),
        Just('\u{10ffff}'),
        Just('\u{202e}'),
        Just('\u{2066}'),
        Just('\u{2028}'),
        Just('\u{feff}'),
        Just('<'),
        Just('&'),
        Just('"'),
        Just('\''),
        Just(']'),
        Just('ա'),
        Just('ə'),
        Just('\u{301}'),
    ];
    let c = prop_oneof![3 => any::<char>(), 2 => special, 2 => proptest::char::range('a', 'z')];
    proptest::collection::vec(c, 0..40).prop_map(|v| v.into_iter().collect())
}

/// Any JSON value, a few levels deep.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("JSON numbers are finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        nasty_text().prop_map(Value::String),
        Just(json!("2020-11-10")),
        Just(json!("exact")),
        Just(json!("https://example.org/")),
        Just(json!({"en": "Goris"})),
        Just(json!([{"title": "t"}])),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map(
                prop_oneof![
                    nasty_text(),
                    Just("en".to_string()),
                    Just("from".to_string())
                ],
                inner,
                0..4
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A valid feature of each kind of layer, as (layer, feature).
fn base_features() -> Vec<(&'static str, Value)> {
    let square =
        json!({"type": "Polygon", "coordinates": [[[46,39],[47,39],[47,40],[46,40],[46,39]]]});
    let point = json!({"type": "Point", "coordinates": [46.75, 39.76]});
    let sources = json!([{"title": "A source", "url": "https://example.org/"}]);
    vec![
        (
            "places",
            json!({"type": "Feature", "id": "shusha", "properties": {
                "kind": "town", "name": {"en": "Shushi / Shusha", "hy": "Շուշի", "az": "Şuşa"},
                "contested": true, "sources": sources}, "geometry": point}),
        ),
        (
            "control",
            json!({"type": "Feature", "id": "zone-a", "properties": {
                "kind": "zone", "name": {"en": "Zone"}, "precision": "exact", "sources": sources,
                "de_jure": "AZE", "claimed_by": [],
                "history": [{"from": "1988-02-20", "until": "1992-05-09", "controller": "AZE"},
                            {"from": "1992-05-09", "until": null, "controller": "NKR", "note": "n"}]},
                "geometry": square}),
        ),
        (
            "events",
            json!({"type": "Feature", "id": "an-event", "properties": {
                "kind": "war", "name": {"en": "War"}, "from": "2020-09-27", "precision": "approximate",
                "uncertainty_km": 5, "summary": "It began.", "sources": sources}, "geometry": point}),
        ),
        (
            "mine",
            json!({"type": "Feature", "id": "own", "properties": {
                "kind": "anything", "name": {"en": "Own"}, "sources": sources}, "geometry": square}),
        ),
    ]
}

/// Where a value is put into a feature.
#[derive(Clone, Debug)]
enum Slot {
    /// A property (replacing or adding it).
    Property(String),
    /// A nested property: `name.en`, `sources[0].url`, `history[1].from`, …
    Nested(&'static str, &'static str),
    /// The geometry member.
    Geometry,
    /// The feature's id member.
    Id,
    /// The whole feature.
    Feature,
}

fn slot() -> impl Strategy<Value = Slot> {
    let known = prop_oneof![
        Just("id"),
        Just("layer"),
        Just("kind"),
        Just("name"),
        Just("contested"),
        Just("from"),
        Just("until"),
        Just("from_range"),
        Just("until_range"),
        Just("history"),
        Just("sources"),
        Just("precision"),
        Just("uncertainty_km"),
        Just("summary"),
        Just("note"),
        Just("population"),
    ]
    .prop_map(|k| Slot::Property(k.to_string()));
    prop_oneof![
        6 => known,
        1 => nasty_text().prop_map(Slot::Property),
        1 => Just(Slot::Nested("name", "en")),
        1 => Just(Slot::Nested("sources", "url")),
        1 => Just(Slot::Nested("sources", "title")),
        1 => Just(Slot::Nested("history", "from")),
        1 => Just(Slot::Nested("history", "controller")),
        1 => Just(Slot::Geometry),
        1 => Just(Slot::Id),
        1 => Just(Slot::Feature),
    ]
}

fn put(mut feature: Value, slot: &Slot, value: Value) -> Value {
    match slot {
        Slot::Property(key) => {
            feature["properties"][key.as_str()] = value;
        }
        Slot::Nested(outer, inner) => {
            let target = &mut feature["properties"][*outer];
            match target {
                Value::Array(items) if !items.is_empty() => items[0][*inner] = value,
                Value::Object(map) => {
                    map.insert(inner.to_string(), value);
                }
                other => {
                    let mut map = serde_json::Map::new();
                    map.insert(inner.to_string(), value);
                    *other = Value::Object(map);
                }
            }
        }
        Slot::Geometry => feature["geometry"] = value,
        Slot::Id => feature["id"] = value,
        Slot::Feature => feature = value,
    }
    feature
}

/// Loads `features` as one layer's file; returns the errors as printed.
fn load(layer: &str, features: Vec<Value>) -> (Loaded, Vec<String>) {
    let text = json!({"type": "FeatureCollection", "features": features}).to_string();
    let file = format!("test/{layer}.geojson");
    let loaded = Loaded::from_texts([(file, LayerKind::from_name(layer), text.as_str())]);
    let errors = loaded.errors.iter().map(|e| e.to_string()).collect();
    (loaded, errors)
}

/// An error as printed: one line, naming the file, with nothing raw that
/// would act on a terminal.
fn assert_printable_sentence(error: &str, layer: &str) {
    assert!(
        error.starts_with(&format!("test/{layer}.geojson: ")),
        "{error}"
    );
    assert!(
        !error
            .chars()
            .any(|c| c.is_control()
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')),
        "raw control character in {error:?}"
    );
    assert!(error.chars().count() < 1700, "{} characters", error.len());
}

proptest! {
    #![proptest_config(config(256))]

    // ---- the date parser ----

    #[test]
    fn any_text_parses_or_is_refused_without_a_panic(text in nasty_text()) {
        if let Ok(d) = Date::parse_iso(&text) {
            prop_assert_eq!(d.to_string(), text);
        }
    }

    #[test]
    fn date_shaped_text_round_trips(text in "[0-9]{4}-[0-9]{2}-[0-9]{2}") {
        match Date::parse_iso(&text) {
            Ok(d) => prop_assert_eq!(d.to_string(), text),
            Err(e) => prop_assert!(e.to_string().contains(&text)),
        }
    }

    #[test]
    fn every_real_day_prints_and_parses_back(y in 1i32..9999, m in 1u32..=12, d in 1u32..=31) {
        if let Some(date) = Date::from_ymd(y, m, d) {
            let text = date.to_string();
            prop_assert_eq!(Date::parse_iso(&text), Ok(date));
            prop_assert_eq!((date.year(), date.month(), date.day()), (y, m, d));
        } else {
            let text = format!("{y:04}-{m:02}-{d:02}");
            prop_assert!(Date::parse_iso(&text).is_err());
        }
    }

    #[test]
    fn day_arithmetic_is_consistent(d in any_date(), n in -40_000i64..40_000) {
        let moved = d.add_days(n);
        prop_assert_eq!(moved.days_since(d), n);
        prop_assert_eq!(moved.add_days(-n), d);
        prop_assert_eq!(n > 0, moved > d);
    }

    #[test]
    fn month_arithmetic_clamps_to_the_month_end(d in any_date(), n in -600i32..600) {
        let moved = d.add_months(n);
        let months = |x: Date| x.year() as i64 * 12 + x.month() as i64;
        prop_assert_eq!(months(moved) - months(d), n as i64);
        prop_assert!(moved.day() <= d.day());
        // Clamped only where the month is shorter.
        if moved.day() < d.day() {
            prop_assert!(moved.add_days(1).month() != moved.month());
        }
    }

    // ---- lifespans ----

    #[test]
    fn overlap_is_symmetric_and_means_a_shared_day(a in lifespan(), b in lifespan(), day in any_date()) {
        prop_assert_eq!(a.overlaps(&b), b.overlaps(&a));
        if a.contains(day) && b.contains(day) {
            prop_assert!(a.overlaps(&b));
        }
        if a.overlaps(&b) {
            // The later start (or, with both open, a day before both ends) is shared.
            let witness = match (a.from, b.from) {
                (Some(x), Some(y)) => x.max(y),
                (Some(x), None) | (None, Some(x)) => x,
                (None, None) => {
                    let ends = [a.until, b.until].into_iter().flatten().min();
                    ends.map_or(day, |u| u.add_days(-1))
                }
            };
            prop_assert!(a.contains(witness) && b.contains(witness), "{:?} {:?} {:?}", a, b, witness);
        }
    }

    #[test]
    fn a_lifespan_contains_from_but_not_until(span in lifespan()) {
        if let Some(f) = span.from {
            prop_assert!(span.contains(f));
            prop_assert!(!span.contains(f.add_days(-1)));
        }
        if let Some(u) = span.until {
            prop_assert!(!span.contains(u));
            prop_assert!(span.contains(u.add_days(-1)));
        }
    }
}

/// How a generated control history is spoilt (or not).
#[derive(Clone, Copy, Debug)]
enum Spoil {
    None,
    Gap,
    Overlap,
    Swap,
    LateStart,
    ClosedEnd,
    BadController,
}

fn spoil() -> impl Strategy<Value = Spoil> {
    prop_oneof![
        4 => Just(Spoil::None),
        1 => Just(Spoil::Gap),
        1 => Just(Spoil::Overlap),
        1 => Just(Spoil::Swap),
        1 => Just(Spoil::LateStart),
        1 => Just(Spoil::ClosedEnd),
        1 => Just(Spoil::BadController),
    ]
}

proptest! {
    #![proptest_config(config(128))]

    // ---- histories, through the loader ----

    #[test]
    fn a_control_history_loads_only_when_it_covers_every_day_once(
        lengths in proptest::collection::vec(1i64..4000, 0..6),
        codes in proptest::collection::vec(0usize..9, 6),
        spoil in spoil(),
        days in proptest::collection::vec(atlas_day(), 8),
    ) {
        const CODES: [&str; 9] = ["ARM", "AZE", "NKR", "GEO", "ABK", "SOS", "RUS", "TUR", "IRN"];
        let mut starts = vec![ATLAS_START];
        for n in &lengths {
            let last = *starts.last().unwrap();
            starts.push(last.add_days(*n));
        }
        let mut entries: Vec<Value> = starts
            .iter()
            .enumerate()
            .map(|(i, from)| {
                let until = starts.get(i + 1).map(|d| d.to_string());
                json!({"from": from.to_string(), "until": until, "controller": CODES[codes[i % 6]]})
            })
            .collect();
        let n = entries.len();
        match spoil {
            Spoil::None => {}
            Spoil::Gap if n > 1 => entries[1]["from"] = json!(starts[1].add_days(1).to_string()),
            Spoil::Overlap if n > 1 => entries[1]["from"] = json!(starts[1].add_days(-1).to_string()),
            Spoil::Swap if n > 1 => entries.swap(0, 1),
            Spoil::LateStart => entries[0]["from"] = json!(ATLAS_START.add_days(1).to_string()),
            Spoil::ClosedEnd => entries[n - 1]["until"] = json!(starts[n - 1].add_days(5000).to_string()),
            Spoil::BadController => entries[n - 1]["controller"] = json!("XYZ"),
            _ => {}
        }
        let spoilt = !matches!(spoil, Spoil::None) && (n > 1 || !matches!(spoil, Spoil::Gap | Spoil::Overlap | Spoil::Swap));
        let zone = json!({"type": "Feature", "id": "zone-a", "properties": {
            "kind": "zone", "name": {"en": "Zone"}, "precision": "exact",
            "de_jure": "AZE", "claimed_by": [],
            "sources": [{"title": "t"}], "history": entries},
            "geometry": {"type": "Polygon", "coordinates": [[[46,39],[47,39],[47,40],[46,40],[46,39]]]}});
        let (loaded, errors) = load("control", vec![zone]);
        if spoilt {
            prop_assert_eq!(errors.len(), 1, "{:?}", errors);
            prop_assert!(errors[0].contains("feature \"zone-a\": property \"history"), "{}", errors[0]);
        } else {
            prop_assert!(errors.is_empty(), "{:?}", errors);
            let zone = loaded.atlas.feature("zone-a").unwrap();
            for day in days {
                let holding = zone.history.iter().filter(|h| h.span.contains(day)).count();
                prop_assert_eq!(holding, 1, "{} is in {} entries", day, holding);
                prop_assert!(zone.controller_on(day).is_some());
            }
        }
    }

    // ---- the loader: any JSON anywhere ----

    #[test]
    fn any_json_value_in_any_property_gives_a_sentence_never_a_panic(
        which in 0usize..4,
        slot in slot(),
        value in any_json(),
    ) {
        let (layer, feature) = base_features().swap_remove(which);
        let feature = put(feature, &slot, value);
        let (loaded, errors) = load(layer, vec![feature]);
        // Every problem is reported (one per property); the feature loads
        // exactly when there is none.
        prop_assert_eq!(errors.is_empty(), loaded.atlas.features().count() == 1, "{:?}", errors);
        for e in &errors {
            assert_printable_sentence(e, layer);
        }
    }

    #[test]
    fn any_text_as_a_file_gives_sentences_never_a_panic(text in nasty_text(), json in any_json()) {
        for text in [text, json.to_string()] {
            let loaded = Loaded::from_texts([("test/places.geojson".to_string(), LayerKind::Places, text.as_str())]);
            for e in &loaded.errors {
                assert_printable_sentence(&e.to_string(), "places");
            }
        }
    }

    // ---- the one helper that prints data ----

    #[test]
    fn printable_text_is_safe_short_and_stable(text in nasty_text(), max in 1usize..50) {
        let shown = printable(&text, max);
        let unsafe_char = shown.chars().find(|&c| {
            c.is_control()
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FFFE}' | '\u{FFFF}')
        });
        prop_assert_eq!(unsafe_char, None);
        let long = text.chars().count() > max;
        prop_assert_eq!(shown.ends_with('…'), long || text.ends_with('…'));
        // Printing again changes nothing (a message may pass twice).
        if !long {
            prop_assert_eq!(printable(&shown, SHOWN_CHARS * 20), shown.clone());
        }
    }
}

/// What `escape_xml` keeps of a text, as an XML parser reads it back.
fn kept(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\t' | '\n' => Some(c),
            c if c.is_control() => Some(' '),
            c if (0xFDD0..=0xFDEF).contains(&(c as u32)) || (c as u32) & 0xFFFE == 0xFFFE => None,
            c => Some(c),
        })
        .collect()
}

/// A tiny atlas: one place named `name` (if the loader takes that name).
fn place_atlas(name: &str) -> Option<AtlasData> {
    let feature = json!({"type": "Feature", "id": "p", "properties": {
        "kind": "town", "name": {"en": name, "hy": name}, "sources": [{"title": name, "url": format!("https://example.org/{name}")}]},
        "geometry": {"type": "Point", "coordinates": [44.5, 40.2]}});
    let (loaded, errors) = load("places", vec![feature]);
    errors.is_empty().then(|| AtlasData::from_loaded(loaded))
}

proptest! {
    #![proptest_config(config(64))]

    // ---- the SVG writer ----

    #[test]
    fn any_text_escapes_to_well_formed_xml(text in nasty_text()) {
        let escaped = escape_xml(&text);
        let doc = format!("<svg xmlns=\"http://www.w3.org/2000/svg\"><text a=\"{escaped}\">{escaped}</text></svg>");
        let parsed = roxmltree::Document::parse(&doc);
        prop_assert!(parsed.is_ok(), "{:?} → {:?}: {:?}", text, escaped, parsed.err());
        let parsed = parsed.unwrap();
        let node = parsed.descendants().find(|n| n.has_tag_name("text")).unwrap();
        prop_assert_eq!(node.text().unwrap_or_default(), kept(&text));
    }
}

proptest! {
    #![proptest_config(config(16))]

    #[test]
    fn any_title_and_any_accepted_name_give_a_well_formed_svg(title in nasty_text(), name in nasty_text()) {
        let name = if name.trim().is_empty() { "x".to_string() } else { name };
        let data = place_atlas(&name).or_else(|| place_atlas("Fallback")).unwrap();
        let mut request = ExportRequest::new("2020-11-10".parse().unwrap());
        request.width = 320;
        request.height = 200;
        request.format = Format::Svg;
        request.include.title = Some(title);
        let svg = render_svg(&data.atlas, &data.projected, &request).unwrap();
        let parsed = roxmltree::Document::parse(&svg);
        prop_assert!(parsed.is_ok(), "{:?}", parsed.err());
    }
}
