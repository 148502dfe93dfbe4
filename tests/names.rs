//! The order of a place's two names: the holder's first by default, and the
//! same on the map, in `at` and in an export (one function, `Atlas::name_on`).

mod common;

use caucasus_atlas::atlas::{Language, NameOrder};
use caucasus_atlas::data::AtlasData;
use caucasus_atlas::scene::{SceneOptions, build_scene};
use caucasus_atlas::time::Date;
use common::atlas;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

/// The texts of the map labels on `date` under `names`.
fn labels(data: &AtlasData, date: &str, names: NameOrder) -> Vec<String> {
    let options = SceneOptions {
        date: d(date),
        language: Language::En,
        names,
        hidden_layers: Default::default(),
        extent: None,
        compare: None,
    };
    build_scene(&data.atlas, &data.projected, &options)
        .labels
        .into_iter()
        .map(|l| l.text)
        .collect()
}

fn has(labels: &[String], text: &str) -> bool {
    labels.iter().any(|l| l == text)
}

/// Stepanakert was held by the Karabakh Armenians until the offensive of 19-20
/// Sep 2023, by Azerbaijan after it: the holder's name leads on each date.
#[test]
fn stepanakert_is_labelled_by_its_holder_on_the_date() {
    let data = AtlasData::load(None);
    let before = labels(&data, "2020-01-01", NameOrder::Holder);
    assert!(has(&before, "Stepanakert (Khankendi)"), "{before:?}");
    // Soviet Azerbaijan held the oblast in 1988, but the city was Stepanakert
    // until Azerbaijan renamed it on 26 Nov 1991.
    let soviet = labels(&data, "1988-06-01", NameOrder::Holder);
    assert!(has(&soviet, "Stepanakert (Khankendi)"), "{soviet:?}");
    let after = labels(&data, "2024-01-01", NameOrder::Holder);
    assert!(has(&after, "Khankendi (Stepanakert)"), "{after:?}");
    // Aghdam: Azerbaijani again from 20 Nov 2020, so no longer "Akna" first in 2025.
    assert!(has(
        &labels(&data, "2025-01-01", NameOrder::Holder),
        "Aghdam (Akna)"
    ));
    assert!(has(
        &labels(&data, "2010-01-01", NameOrder::Holder),
        "Akna (Aghdam)"
    ));
}

#[test]
fn the_fixed_orders_and_a_single_name() {
    let data = AtlasData::load(None);
    for date in ["2020-01-01", "2024-01-01"] {
        assert!(has(
            &labels(&data, date, NameOrder::HyFirst),
            "Stepanakert (Khankendi)"
        ));
        assert!(has(
            &labels(&data, date, NameOrder::AzFirst),
            "Khankendi (Stepanakert)"
        ));
    }
    let single_2020 = labels(&data, "2020-01-01", NameOrder::Single);
    assert!(has(&single_2020, "Stepanakert"), "{single_2020:?}");
    assert!(!single_2020.iter().any(|l| l.contains("Khankendi")));
    assert!(has(
        &labels(&data, "2024-01-01", NameOrder::Single),
        "Khankendi"
    ));
    // Names without a pair are untouched.
    assert!(has(
        &labels(&data, "2024-01-01", NameOrder::Single),
        "Yerevan"
    ));
}

/// Sukhumi: held by Georgia from Aug 1992 until it fell on 27 Sep 1993, by the
/// Abkhaz side after; Tskhinvali: held by the Ossetian side from Jan 1991.
#[test]
fn sukhumi_and_tskhinvali_follow_their_holders_too() {
    let data = AtlasData::load(None);
    let sukhumi = data.atlas.feature("sukhumi").unwrap();
    let name = |date: &str, order| data.atlas.name_on(sukhumi, d(date), Language::En, order);
    assert_eq!(name("1993-01-01", NameOrder::Holder), "Sokhumi (Sukhumi)");
    assert_eq!(name("2000-01-01", NameOrder::Holder), "Sukhumi (Sokhumi)");
    assert_eq!(name("2000-01-01", NameOrder::Single), "Sukhumi");
    // Neither name is Armenian or Azerbaijani: hy-first keeps the holder's order.
    assert_eq!(name("2000-01-01", NameOrder::HyFirst), "Sukhumi (Sokhumi)");
    assert_eq!(
        data.atlas
            .name_on(sukhumi, d("2000-01-01"), Language::Ru, NameOrder::Holder),
        "Сухум (Сухуми)"
    );
    let tskhinvali = data.atlas.feature("tskhinvali").unwrap();
    let name = |date: &str| {
        data.atlas
            .name_on(tskhinvali, d(date), Language::En, NameOrder::Holder)
    };
    assert_eq!(name("1990-06-01"), "Tskhinvali (Tskhinval)");
    assert_eq!(name("2010-06-01"), "Tskhinval (Tskhinvali)");
    // A zone's own name follows its controller.
    let zone = data.atlas.feature("zone-nkr-central").unwrap();
    assert_eq!(
        data.atlas
            .name_on(zone, d("2024-01-01"), Language::En, NameOrder::Holder),
        "Khankendi (Stepanakert) and central Nagorno-Karabakh"
    );
}

#[test]
fn at_takes_names_and_refuses_an_unknown_order() {
    let at = |date: &str, names: &str| {
        atlas(&[
            "at", "--date", date, "--lon", "46.752", "--lat", "39.815", "--names", names, "--json",
        ])
    };
    // The names of the place and of the zone it stands in.
    let names = |date: &str, order: &str| -> Vec<String> {
        let (code, out, err) = at(date, order);
        assert_eq!(code, 0, "{err}");
        let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
        doc["features"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap().to_string())
            .collect()
    };
    let held_2024 = names("2024-01-01", "holder");
    assert!(has(&held_2024, "Khankendi (Stepanakert)"), "{held_2024:?}");
    assert!(has(
        &held_2024,
        "Khankendi (Stepanakert) and central Nagorno-Karabakh"
    ));
    assert!(has(
        &names("2020-01-01", "holder"),
        "Stepanakert (Khankendi)"
    ));
    assert!(has(&names("2024-01-01", "single"), "Khankendi"));
    // The window's own --names is checked before any window opens.
    let (code, _, err) = atlas(&["--names", "both"]);
    assert_ne!(code, 0);
    assert!(err.contains("is not a name order"), "{err}");
    let (code, _, err) = at("2024-01-01", "armenian");
    assert_ne!(code, 0);
    assert!(err.contains("is not a name order"), "{err}");
}

#[test]
fn an_export_labels_by_the_chosen_order() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.svg");
    let (code, _, err) = atlas(&[
        "export",
        "--date",
        "2024-01-01",
        "--bbox",
        "46.5,39.6,47.0,40.0",
        "--names",
        "az-first",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(
        svg.contains("Khankendi (Stepanakert)"),
        "no label in the SVG"
    );
    assert!(!svg.contains("Stepanakert / Khankendi"));
}
