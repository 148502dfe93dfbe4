//! Areas that changed hands, checked against published figures (cited in
//! geodata/README.md, "Areas checked against published figures"), and the
//! `diff` command line.
//!
//! Each check holds the atlas to the published figure within the bound the
//! zones themselves state (edge length × `uncertainty_km`), and also to a
//! tighter tolerance that records how close the data is today, so that a change
//! to the zones that moves a number shows up here. Where a figure disagrees
//! beyond the bound, the test says so and asserts the disagreement.

mod common;

use std::sync::OnceLock;

use caucasus_atlas::atlas::{Atlas, Controller, Loaded};
use caucasus_atlas::compare::{Comparison, Region, ZoneAreas, compare};
use caucasus_atlas::spatial::REGION;
use caucasus_atlas::time::Date;
use common::atlas as run;
use geo::BooleanOps;

use Controller::{Abk, Arm, Aze, Geo, Nkr, Rus, Sos};

fn data() -> &'static (Atlas, ZoneAreas) {
    static DATA: OnceLock<(Atlas, ZoneAreas)> = OnceLock::new();
    DATA.get_or_init(|| {
        let atlas = Loaded::bundled().atlas;
        let zones = ZoneAreas::build(&atlas);
        (atlas, zones)
    })
}

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn diff(from: &str, to: &str, region: Option<&Region>) -> Comparison {
    let (atlas, zones) = data();
    compare(atlas, zones, d(from), d(to), region).unwrap()
}

/// `value` agrees with `published` within `bound` (the zones' stated
/// uncertainty); prints the three for the record.
fn within(what: &str, value: f64, published: f64, bound: f64) {
    println!("{what}: atlas {value:.3}, published {published}, bound ±{bound:.3}");
    assert!(
        (value - published).abs() <= bound,
        "{what}: the atlas gives {value:.1}, the published figure is {published}, \
         more than the zones' uncertainty of ±{bound:.1} apart"
    );
}

/// `value` is within `pct` per cent of `published` (how close the data is today).
fn close(what: &str, value: f64, published: f64, pct: f64) {
    let off = 100.0 * (value - published) / published;
    assert!(
        off.abs() <= pct,
        "{what}: the atlas gives {value:.1}, {off:+.1} % from the published {published} (allowed ±{pct} %)"
    );
}

/// The former NKAO as traced by scripts/build_control.py
/// (tests/data/nkao.geojson, written by scripts/export_nkao.py).
fn nkao() -> geo::MultiPolygon<f64> {
    let text = include_str!("data/nkao.geojson");
    let doc: geojson::FeatureCollection = text.parse().unwrap();
    let geometry = doc.features[0].geometry.as_ref().unwrap();
    let polygon: geo::Polygon<f64> = geometry.try_into().unwrap();
    geo::MultiPolygon(vec![polygon])
}

fn region_box() -> geo::Polygon<f64> {
    geo::Rect::new(
        geo::coord! {x: REGION.min_lon, y: REGION.min_lat},
        geo::coord! {x: REGION.max_lon, y: REGION.max_lat},
    )
    .to_polygon()
}

// --- 2020: the 44-day war and the handovers ---------------------------------

/// Mikaelyan (Caucasus Institute, via Caucasian Knot, 21 Nov 2020): during the
/// fighting Azerbaijan took about 32.5 % of what the Karabakh authorities held
/// on 26 September.
#[test]
fn the_2020_war_took_about_a_third_of_the_armenian_held_area() {
    let war = diff("2020-09-26", "2020-11-10", None);
    let taken = war.change(Nkr, Aze).expect("NKR lost ground to AZE");
    assert_eq!(war.changes.len(), 1, "only NKR → AZE: {:?}", war.changes);
    let held = war.totals[&Nkr].from_km2;
    within(
        "share of the NKR area taken in the fighting",
        taken.share_of_from,
        0.325,
        taken.uncertainty_km2 / held,
    );
    close(
        "share taken in the fighting",
        taken.share_of_from,
        0.325,
        10.0,
    );
    for zone in [
        "zone-shusha-district",
        "zone-jabrayil",
        "zone-hadrut",
        "zone-zangilan",
    ] {
        assert!(
            taken.zones.iter().any(|z| z == zone),
            "{zone} in {:?}",
            taken.zones
        );
    }
    assert!(taken.approximate);
    // Gains and losses balance.
    assert!((war.totals[&Aze].gained_km2 - war.totals[&Nkr].lost_km2).abs() < 1e-6);
    assert!((war.totals[&Nkr].net_km2() + taken.area_km2).abs() < 1e-6);
    // The history behind it, with sources.
    let shusha: Vec<_> = war
        .history_of(taken)
        .filter(|h| h.zone == "zone-shusha-district")
        .collect();
    assert_eq!(shusha.len(), 1);
    assert_eq!(shusha[0].date, d("2020-11-08"));
    assert!(!shusha[0].sources.is_empty());
    assert!(war.events.iter().any(|e| e.id == "2020-11-08-shusha-taken"));
}

/// Mikaelyan again: with the handovers of Aghdam, Kalbajar and Lachin the
/// Armenian side lost 72.3 % of its 26 September area; 27.7 % stayed under
/// "Armenian-Russian control". An Armenian-side count (realkarabakh.com) puts
/// what stayed at about 2,900 km² of 11,458.
#[test]
fn after_the_handovers_the_armenian_side_kept_about_a_quarter() {
    let after = diff("2020-09-26", "2020-12-02", None);
    let lost = after.change(Nkr, Aze).unwrap();
    let held = after.totals[&Nkr].from_km2;
    let bound = lost.uncertainty_km2 / held;
    within(
        "share of the NKR area lost by 2 Dec 2020",
        lost.share_of_from,
        0.723,
        bound,
    );
    close("share lost by 2 Dec 2020", lost.share_of_from, 0.723, 2.0);
    // The corridor went to the peacekeepers: NKR → RUS, part of what "stayed".
    let corridor = after.change(Nkr, Rus).unwrap();
    assert_eq!(corridor.zones, ["zone-lachin-corridor-2022"]);
    let stayed = after.totals[&Nkr].to_km2 + after.totals[&Rus].to_km2;
    within("share that stayed", stayed / held, 0.277, bound);
    within(
        "area that stayed, km²",
        stayed,
        2900.0,
        lost.uncertainty_km2,
    );
    close("area that stayed, km²", stayed, 2900.0, 15.0);
}

/// The three handovers one by one, against the district areas (Aghdam:
/// Vestnik Kavkaza; Lachin: Wikipedia, "Lachin District", 1,835 km²).
#[test]
fn the_handovers_of_aghdam_kalbajar_and_lachin() {
    // Aghdam, 20 Nov 2020. Vestnik Kavkaza: 846.7 km² (77.4 % of the district)
    // had been held. The zone is a third smaller: inside its stated uncertainty,
    // but only just (noted in geodata/README.md).
    let aghdam = diff("2020-11-19", "2020-11-20", None);
    let handed = aghdam.change(Nkr, Aze).unwrap();
    assert_eq!(handed.zones, ["zone-aghdam-west"]);
    within(
        "Aghdam, km²",
        handed.area_km2,
        846.7,
        handed.uncertainty_km2,
    );
    close("Aghdam, km²", handed.area_km2, 846.7, 35.0);
    // Kalbajar, 25 Nov: the Soviet-era rayon. The published 3,050 km² is the
    // present-day district with the Martakert villages added in 1992, most of
    // which stayed on the Armenian side: no figure to hold the zone to.
    let kalbajar = diff("2020-11-24", "2020-11-25", None);
    let handed = kalbajar.change(Nkr, Aze).unwrap();
    assert_eq!(handed.zones, ["zone-kalbajar"]);
    assert!(handed.area_km2 < 3050.0);
    // Lachin, 1 Dec: the district (1,835 km²) but for the corridor, which went
    // to the peacekeepers.
    let lachin = diff("2020-11-30", "2020-12-01", None);
    let handed = lachin.change(Nkr, Aze).unwrap();
    assert_eq!(handed.zones, ["zone-lachin-district"]);
    within(
        "Lachin less the corridor, km²",
        handed.area_km2,
        1835.0,
        handed.uncertainty_km2,
    );
    assert_eq!(
        lachin.change(Nkr, Rus).unwrap().zones,
        ["zone-lachin-corridor-2022"]
    );
}

/// The corridor: NKR → RUS (peacekeepers, Dec 2020) → AZE (Oct 2023) is a
/// change from NKR to AZE with the Russian step listed.
#[test]
fn a_change_through_an_intermediate_controller_lists_the_step() {
    let c = diff("2020-09-26", "2024-01-01", None);
    let lost = c.change(Nkr, Aze).unwrap();
    assert!(c.change(Nkr, Rus).is_none());
    let step = lost
        .via
        .iter()
        .find(|s| s.zone == "zone-lachin-corridor-2022")
        .expect("the Russian step");
    assert_eq!(step.controller, Rus);
    assert_eq!(
        (step.from, step.until),
        (d("2020-12-01"), Some(d("2023-10-01")))
    );
    // Everything NKR held went to Azerbaijan by 2024.
    assert!(c.totals[&Nkr].to_km2 == 0.0);
    assert!((lost.share_of_from - 1.0).abs() < 1e-9);
}

// --- 1991-94: the first war -----------------------------------------------

/// Outside the NKAO the Armenian side held 7,634 km² of the seven districts
/// (Wikipedia, "Armenian-occupied territories surrounding Nagorno-Karabakh");
/// the NKAO itself was 4,400 km².
#[test]
fn the_first_war_left_about_7600_km2_outside_the_nkao_in_armenian_hands() {
    let nkao = nkao();
    let outside =
        Region::from_polygons(geo::MultiPolygon(vec![region_box()]).difference(&nkao)).unwrap();
    let war = diff("1991-09-01", "1994-05-12", Some(&outside));
    let taken = war.change(Aze, Nkr).unwrap();
    within(
        "held outside the NKAO, km²",
        taken.area_km2,
        7634.0,
        taken.uncertainty_km2,
    );
    close("held outside the NKAO, km²", taken.area_km2, 7634.0, 2.0);
    for zone in [
        "zone-kalbajar",
        "zone-lachin-district",
        "zone-qubadli",
        "zone-jabrayil",
        "zone-zangilan",
        "zone-fuzuli-west",
        "zone-aghdam-west",
    ] {
        assert!(
            taken.zones.iter().any(|z| z == zone),
            "{zone} in {:?}",
            taken.zones
        );
    }
    // The Horadiz operation of January 1994 took back what was lost there in 1993.
    assert!(
        war.round_trips
            .iter()
            .any(|r| r.zone == "zone-horadiz-1993" && r.controller == Aze)
    );
    // Inside: all of the NKAO's 4,400 km², whoever held it.
    let inside = Region::from_polygons(nkao).unwrap();
    let c = diff("1991-09-01", "1994-05-12", Some(&inside));
    let total: f64 = c.totals.values().map(|t| t.to_km2).sum();
    within("the NKAO, km²", total, 4400.0, 4400.0 * 0.02);
    // Most of it was held by the Armenian side by May 1994.
    assert!(c.totals[&Nkr].to_km2 > 0.9 * total, "{:?}", c.totals);
}

// --- 2021-22: incursions into Armenia ---------------------------------------

/// Per Armenia, Azerbaijani forces held 40 km² after May 2021 (Pashinyan,
/// 14 Sep 2022) and about 139 km² in all after September 2022 (chief of the
/// general staff Asryan, 28 Apr 2023; "140 km²" in Wikipedia's summary).
#[test]
fn the_incursions_into_armenia_of_2021_and_2022() {
    let both = diff("2021-05-01", "2022-10-01", None);
    let taken = both.change(Arm, Aze).unwrap();
    within(
        "ARM → AZE 2021-22, km²",
        taken.area_km2,
        139.0,
        taken.uncertainty_km2,
    );
    close("ARM → AZE 2021-22, km²", taken.area_km2, 139.0, 10.0);
    let may = diff("2021-05-01", "2021-06-01", None);
    let taken_may = may.change(Arm, Aze).unwrap();
    within(
        "ARM → AZE May 2021, km²",
        taken_may.area_km2,
        40.0,
        taken_may.uncertainty_km2,
    );
    // Jermuk: 60.06 km² (Asryan).
    let (_, jermuk) = both.zone_part("zone-jermuk-heights").unwrap();
    within(
        "near Jermuk, km²",
        jermuk.area_km2,
        60.06,
        jermuk.uncertainty_km2,
    );
    close("near Jermuk, km²", jermuk.area_km2, 60.06, 2.0);
    // Pashinyan's "10 km² more" of 14 Sep 2022 was said on the second day; the
    // atlas follows the later official total, so September 2022 alone is far
    // above 10 km² but within its bound.
    let sept = diff("2022-09-01", "2022-10-01", None);
    let taken_sept = sept.change(Arm, Aze).unwrap();
    within(
        "ARM → AZE Sep 2022 vs 10 km²",
        taken_sept.area_km2,
        10.0,
        taken_sept.uncertainty_km2,
    );
}

/// Foreign minister Mirzoyan (3 Nov 2023): about 200 km² of Armenia held by
/// Azerbaijan, including land held since the 1990s — more than 70 km² in
/// Tavush and Ararat (Pashinyan, 10 Jan 2023). The atlas has only Artsvashen
/// (in Gegharkunik, exact) for the 1990s: the Tavush and Ararat areas are
/// missing, a data gap beyond any stated uncertainty (reported in
/// geodata/README.md).
#[test]
fn armenian_land_held_by_azerbaijan_in_2023_and_the_missing_1990s_areas() {
    let all = diff("1988-02-20", "2023-11-03", None);
    let taken = all.change(Arm, Aze).unwrap();
    within(
        "ARM → AZE by Nov 2023, km²",
        taken.area_km2,
        200.0,
        taken.uncertainty_km2,
    );
    let nineties = diff("1988-02-20", "2021-05-01", None);
    let early = nineties.change(Arm, Aze).unwrap();
    assert_eq!(early.zones, ["zone-artsvashen"]);
    assert_eq!(early.uncertainty_km2, 0.0, "Artsvashen is exact");
    println!(
        "ARM → AZE before 2021: atlas {:.1} km², published more than 70 (Tavush and Ararat)",
        early.area_km2
    );
    assert!(
        early.area_km2 < 70.0,
        "the 1990s gap is closed: update geodata/README.md and this test"
    );
}

// --- August 2008 in Georgia -------------------------------------------------

/// Akhalgori (1,011 km², the municipality; Wikipedia) went to South Ossetia,
/// the upper Kodori valley ("Upper Abkhazia", 2,540 km²; Wikipedia) to
/// Abkhazia; the Russian buffer zones were held until 8 October.
#[test]
fn august_2008_in_georgia() {
    let war = diff("2008-08-06", "2008-10-01", None);
    let (to_sos, akhalgori) = war.zone_part("zone-akhalgori").unwrap();
    assert_eq!((to_sos.from, to_sos.to), (Geo, Sos));
    within(
        "Akhalgori, km²",
        akhalgori.area_km2,
        1011.0,
        akhalgori.uncertainty_km2,
    );
    close("Akhalgori, km²", akhalgori.area_km2, 1011.0, 15.0);
    let kodori = war.change(Geo, Abk).unwrap();
    assert_eq!(kodori.zones, ["zone-upper-kodori"]);
    within(
        "Upper Kodori, km²",
        kodori.area_km2,
        2540.0,
        kodori.uncertainty_km2,
    );
    // More than a third below the published figure: noted in the README.
    close("Upper Kodori, km²", kodori.area_km2, 2540.0, 40.0);
    let buffer = war.change(Geo, Rus).unwrap();
    assert!(
        buffer
            .zones
            .iter()
            .any(|z| z == "zone-buffer-abkhazia-2008")
    );
    // Gori was held by Russian troops from 13 to 22 August and came back.
    let gori = war
        .round_trips
        .iter()
        .find(|r| r.zone == "zone-gori-2008")
        .unwrap();
    assert_eq!(gori.via[0].controller, Rus);
    // After the pull-back of 8 October the buffer zones are Georgian again.
    let later = diff("2008-08-06", "2008-10-09", None);
    assert!(
        later.change(Geo, Rus).is_none()
            || later.change(Geo, Rus).unwrap().zones == ["zone-perevi"]
    );
}

// --- regions and the command line -------------------------------------------

#[test]
fn a_box_clips_the_areas_and_the_events() {
    // Karabakh only: no Georgian events, and the areas are inside the box.
    let bbox = caucasus_atlas::spatial::RegionBox {
        min_lon: 45.0,
        min_lat: 38.8,
        max_lon: 47.8,
        max_lat: 40.6,
    };
    let region = Region::from_box(bbox);
    let boxed = diff("2020-09-26", "2020-12-02", Some(&region));
    let whole = diff("2020-09-26", "2020-12-02", None);
    let a = boxed.change(Nkr, Aze).unwrap().area_km2;
    let b = whole.change(Nkr, Aze).unwrap().area_km2;
    assert!(a <= b + 1e-6 && a > 0.95 * b, "{a} vs {b}");
    assert!(!boxed.totals.contains_key(&Geo));
    // A box cutting Kalbajar in half halves (roughly) its area.
    let half = Region::from_box(caucasus_atlas::spatial::RegionBox {
        min_lon: 45.0,
        min_lat: 38.8,
        max_lon: 46.2,
        max_lat: 40.6,
    });
    let k = diff("2020-11-24", "2020-11-25", Some(&half));
    let part = k.change(Nkr, Aze).unwrap();
    assert!(
        part.area_km2 < 2000.0 && part.area_km2 > 200.0,
        "{}",
        part.area_km2
    );
    assert!(!part.geometry.0.is_empty());
}

#[test]
fn diff_prints_json_with_the_contract_fields() {
    let (code, out, err) = run(&[
        "diff",
        "--from",
        "2020-09-26",
        "--to",
        "2020-12-02",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["from"], "2020-09-26");
    assert_eq!(doc["to"], "2020-12-02");
    let change = &doc["changes"][0];
    assert_eq!(change["from_controller"], "NKR");
    assert_eq!(change["to_controller"], "AZE");
    for key in ["area_km2", "uncertainty_km2", "share_of_from"] {
        assert!(change[key].as_f64().unwrap() > 0.0, "{key}: {change}");
    }
    assert_eq!(change["precision"], "approximate");
    assert!(
        change["zones"]
            .as_array()
            .unwrap()
            .iter()
            .any(|z| z == "zone-kalbajar")
    );
    assert!(change["via"].is_array());
    let nkr = &doc["totals"]["NKR"];
    for key in ["from_km2", "to_km2", "gained_km2", "lost_km2"] {
        assert!(nkr[key].is_number(), "{key}: {nkr}");
    }
    assert!(
        doc["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["id"] == "2020-11-08-shusha-taken")
    );
    let history = doc["history"].as_array().unwrap();
    assert!(
        history
            .iter()
            .any(|h| h["zone"] == "zone-kalbajar" && h["date"] == "2020-11-25")
    );
    assert!(
        history
            .iter()
            .all(|h| !h["sources"].as_array().unwrap().is_empty())
    );
}

#[test]
fn diff_prints_a_table() {
    let (code, out, err) = run(&["diff", "--from", "2008-08-06", "--to", "2008-10-01"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Changes of control from 2008-08-06 to 2008-10-01"),
        "{out}"
    );
    assert!(out.contains("GEO  ABK"), "{out}");
    assert!(out.contains("zone-gori-2008"), "{out}");
    let (code, out, _) = run(&[
        "diff",
        "--from",
        "2020-09-26",
        "--to",
        "2020-11-10",
        "--bbox",
        "46.5,39.6,46.9,39.9",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("inside lon 46.5–46.9"), "{out}");
}

#[test]
fn diff_rejects_dates_out_of_order_or_malformed() {
    let (code, _, err) = run(&["diff", "--from", "2020-11-10", "--to", "2020-09-26"]);
    assert_eq!(code, 2);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("--to 2020-09-26 is not after --from 2020-11-10"),
        "{err}"
    );
    let (code, _, err) = run(&["diff", "--from", "2020-11-10", "--to", "2020-11-10"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = run(&["diff", "--from", "1980-01-01", "--to", "2020-11-10"]);
    assert_eq!(code, 2);
    // Dates outside the atlas are refused when the arguments are read.
    assert!(err.contains("1980-01-01 is outside the atlas"), "{err}");
    let (code, _, err) = run(&["diff", "--from", "2020-02-30", "--to", "2020-11-10"]);
    assert_eq!(code, 2);
    assert!(err.contains("\"2020-02-30\" is not a date"), "{err}");
    let (code, _, err) = run(&[
        "diff",
        "--from",
        "2020-01-01",
        "--to",
        "2020-11-10",
        "--bbox",
        "47,40,46,41",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("is empty"), "{err}");
}

/// The union of a change's zones covers exactly their summed area (the zones
/// tile the map: no overlaps, no slivers left by the union), and a comparison
/// can be sent to another thread (the window computes it off the UI thread).
#[test]
fn the_union_of_a_change_has_the_area_of_its_zones() {
    use geo::GeodesicArea;
    for (from, to) in [
        ("2020-09-26", "2020-12-02"),
        ("1991-09-01", "1994-05-12"),
        ("2008-08-06", "2008-10-01"),
    ] {
        let c = diff(from, to, None);
        for change in &c.changes {
            let union = change.geometry.geodesic_area_unsigned() / 1e6;
            assert!(
                (union - change.area_km2).abs() < 0.001 * change.area_km2 + 0.1,
                "{from} → {to} {} → {}: union {union:.1} km², zones {:.1} km²",
                change.from,
                change.to,
                change.area_km2
            );
        }
    }
    fn sendable<T: Send + Sync + 'static>(_: &T) {}
    sendable(&diff("2020-09-26", "2020-11-10", None));
}

// --- export --compare ---------------------------------------------------------

/// The text of every `<text>` element of an SVG, unescaped enough for the
/// figures (the table's characters need no escaping).
fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let start = t.find('>')? + 1;
            let end = t.find("</text>")?;
            Some(t[start..end].replace("&amp;", "&"))
        })
        .collect()
}

#[test]
fn export_compare_draws_the_table_of_the_2020_war_in_the_panel() {
    use caucasus_atlas::scene::compare::format_km2;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("war.svg");
    let (code, stdout, err) = run(&[
        "export",
        "--date",
        "2020-11-10",
        "--compare",
        "2020-09-26",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("wrote"), "{stdout}");
    let svg = std::fs::read_to_string(&out).unwrap();
    let texts = svg_texts(&svg);
    let war = diff("2020-09-26", "2020-11-10", None);
    let taken = war.change(Nkr, Aze).unwrap();
    // Long lines wrap in the panel: read the panel as one text.
    let joined = texts.join(" ");
    let has = |s: &str| joined.contains(s);
    assert!(
        has("Changed hands, 26 September 2020 to 10 November 2020"),
        "{joined}"
    );
    assert!(
        has("Nagorno-Karabakh Republic / Artsakh (de facto) to Azerbaijan"),
        "{joined}"
    );
    let area = format!(
        "{} km² ± {} km²",
        format_km2(taken.area_km2),
        format_km2(taken.uncertainty_km2)
    );
    assert!(has(&area), "{area} in {joined}");
    // The share of what Artsakh held, near the published third (see above).
    let share = texts
        .iter()
        .find_map(|t| t.strip_suffix(" % of what NKR held on 26 September 2020"))
        .and_then(|s| s.parse::<f64>().ok())
        .expect("the share row");
    assert!((share - 32.5).abs() < 3.3, "{share}");
    assert!(has(&format!(
        "In all {} km² ± {} km² changed hands",
        format_km2(war.changed_km2()),
        format_km2(war.changed_uncertainty_km2())
    )));
    let aze = war.totals[&Aze];
    assert!(has(&format!(
        "AZE: +{} km² ({} then {})",
        format_km2(aze.net_km2()),
        format_km2(aze.from_km2),
        format_km2(aze.to_km2)
    )));
    assert!(has(&format!("NKR: -{} km²", format_km2(taken.area_km2))));
    // The changed area is drawn: hatch lines in Azerbaijan's colour.
    let hatch = svg
        .lines()
        .find(|l| l.contains("stroke=\"#009e73\" stroke-width=\"1.1\""))
        .expect("the compare hatching");
    assert!(hatch.matches('M').count() > 50, "{hatch}");
}

#[test]
fn export_compare_refuses_a_first_date_that_is_not_earlier() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.svg");
    let (code, _, err) = run(&[
        "export",
        "--date",
        "2020-09-26",
        "--compare",
        "2020-11-10",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--compare 2020-11-10 is not before --date 2020-09-26"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn the_scene_draws_the_overlay_only_on_its_second_date() {
    use caucasus_atlas::data::AtlasData;
    use caucasus_atlas::scene::compare::CompareOverlay;
    use caucasus_atlas::scene::{SceneOptions, build_scene};
    use std::sync::Arc;
    let data = AtlasData::load(None);
    let overlay = Arc::new(CompareOverlay::build(Arc::new(diff(
        "2020-09-26",
        "2020-11-10",
        None,
    ))));
    assert!(overlay.strokes.len() > 50, "{}", overlay.strokes.len());
    let scene_on = |day: &str| {
        build_scene(
            &data.atlas,
            &data.projected,
            &SceneOptions {
                date: d(day),
                language: caucasus_atlas::atlas::Language::En,
                names: Default::default(),
                hidden_layers: Default::default(),
                extent: None,
                compare: Some(overlay.clone()),
            },
        )
    };
    let plain = |day: &str| {
        build_scene(
            &data.atlas,
            &data.projected,
            &SceneOptions {
                date: d(day),
                language: caucasus_atlas::atlas::Language::En,
                names: Default::default(),
                hidden_layers: Default::default(),
                extent: None,
                compare: None,
            },
        )
    };
    let with = scene_on("2020-11-10");
    let table = with.compare.as_ref().expect("the table on the second date");
    assert_eq!(table.rows.len(), 1);
    assert_eq!((table.rows[0].from, table.rows[0].to), (Nkr, Aze));
    assert_eq!(
        with.strokes.len(),
        plain("2020-11-10").strokes.len() + overlay.strokes.len()
    );
    assert!(with.legend[0].text.contains("since 26 September 2020"));
    // Another date: the overlay would show ground taken before it was taken.
    let other = scene_on("2020-10-20");
    assert!(other.compare.is_none());
    assert_eq!(other.strokes.len(), plain("2020-10-20").strokes.len());
}
