//! The command-line contract, run through the real binary.

mod common;

use common::atlas;

#[test]
fn check_passes_on_the_bundled_data() {
    let (code, out, err) = atlas(&["check"]);
    assert_eq!(code, 0, "stderr: {err}");
    assert!(out.starts_with("ok: "), "{out}");
}

#[test]
fn check_fails_clearly_on_a_broken_file_and_keeps_going() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("places.geojson");
    std::fs::write(
        &broken,
        r#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"shusha","properties":{"kind":"town","name":{"en":"Shusha"},"from":"2020-13-45","sources":[{"title":"x"}]},"geometry":{"type":"Point","coordinates":[46.75,39.76]}}]}"#,
    )
    .unwrap();
    let truncated = dir.path().join("events.geojson");
    std::fs::write(
        &truncated,
        r#"{"type":"FeatureCollection","features":[{"type":"Fea"#,
    )
    .unwrap();
    let (code, _out, err) = atlas(&[
        "check",
        broken.to_str().unwrap(),
        truncated.to_str().unwrap(),
    ]);
    assert_ne!(code, 0);
    assert!(
        err.contains(
            r#"places.geojson: feature "shusha": property "from": "2020-13-45" is not a date"#
        ),
        "{err}"
    );
    assert!(
        err.contains("events.geojson: is truncated or empty"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn check_reports_a_missing_file() {
    let (code, _out, err) = atlas(&["check", "/nonexistent/nowhere.geojson"]);
    assert_ne!(code, 0);
    assert!(
        err.contains("/nonexistent/nowhere.geojson: cannot be read"),
        "{err}"
    );
}

#[test]
fn a_bad_date_on_the_command_line_is_one_clear_error() {
    let (code, _out, err) = atlas(&[
        "at",
        "--date",
        "2020-02-30",
        "--lon",
        "44.5",
        "--lat",
        "40.2",
    ]);
    assert_ne!(code, 0);
    assert!(err.contains("\"2020-02-30\" is not a date"), "{err}");
}

#[test]
fn at_reports_the_country_in_json() {
    let (code, out, err) = atlas(&[
        "at",
        "--date",
        "2021-06-01",
        "--lon",
        "44.51",
        "--lat",
        "40.18",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(doc["date"], "2021-06-01");
    let features = doc["features"].as_array().unwrap();
    assert!(
        features
            .iter()
            .any(|f| f["layer"] == "countries" && f["id"] == "arm"),
        "{out}"
    );
    assert!(
        features
            .iter()
            .any(|f| f["layer"] == "places" && f["id"] == "yerevan"),
        "{out}"
    );
}

#[test]
fn find_answers_in_every_spelling_and_says_when_nothing_matches() {
    for query in ["Xankendi", "Khankendi", "Степанакерт", "stepanakert"] {
        let (code, out, err) = atlas(&["find", query, "--json"]);
        assert_eq!(code, 0, "{query}: {err}");
        let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(doc["results"][0]["id"], "stepanakert", "{query}: {out}");
    }
    let (code, out, _) = atlas(&["find", "Gyumri"]);
    assert_eq!(code, 0);
    assert!(out.contains("Gyumri"), "{out}");
    let (code, out, _) = atlas(&["find", "Atlantis"]);
    assert_eq!(code, 1);
    assert!(out.contains("nothing"), "{out}");
}

/// `at --json` at a point on a date, parsed.
fn at_json(date: &str, lon: &str, lat: &str) -> serde_json::Value {
    let (code, out, err) = atlas(&["at", "--date", date, "--lon", lon, "--lat", lat, "--json"]);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).expect("valid JSON")
}

fn feature<'a>(doc: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    doc["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {doc}"))
}

#[test]
fn at_json_gives_presence_since_its_start_and_the_phase_separately() {
    // The seed article's error: the FSB guards at Zvartnots were there from
    // 1992, not "since 2024-03-07" (the start of their last phase).
    let doc = at_json("2024-07-31", "44.396", "40.147");
    let guards = feature(&doc, "rus-fsb-border-guards-zvartnots");
    assert_eq!(guards["since"], "1992-09-30");
    assert_eq!(guards["phase_since"], "2024-03-07");
    let (code, out, _) = atlas(&[
        "at",
        "--date",
        "2024-07-31",
        "--lon",
        "44.396",
        "--lat",
        "40.147",
    ]);
    assert_eq!(code, 0);
    assert!(
        out.contains("since 1992-09-30, this phase since 2024-03-07"),
        "{out}"
    );
}

#[test]
fn at_json_gives_control_status_de_jure_and_claims() {
    let doc = at_json("2021-06-01", "46.7528", "39.8177");
    let zone = feature(&doc, "zone-nkr-central");
    assert_eq!(zone["controller"], "NKR");
    assert_eq!(zone["status"], "held");
    assert_eq!(zone["de_jure"], "AZE");
    assert_eq!(zone["claimed_by"], serde_json::json!(["NKR"]));
    assert_eq!(zone["since"], "1992-01-06");
    assert_eq!(zone["phase_since"], "1992-01-06");
    // The data was reviewed later than this date: no note.
    assert!(doc.get("data_reviewed").is_none(), "{doc}");
    // Non-control features carry no de jure state.
    assert!(feature(&doc, "stepanakert").get("de_jure").is_none());

    // Hadrut on a day inside the range of its change of hands.
    let doc = at_json("2020-10-12", "47.0319", "39.52003");
    let zone = feature(&doc, "zone-hadrut");
    assert_eq!(zone["controller"], "NKR");
    assert_eq!(zone["status"], "contested");
    let (_, out, _) = atlas(&[
        "at",
        "--date",
        "2020-10-12",
        "--lon",
        "47.0319",
        "--lat",
        "39.52003",
    ]);
    assert!(out.contains("held by NKR"), "{out}");
    assert!(out.contains("changing hands"), "{out}");
    assert!(out.contains("de jure AZE"), "{out}");
}

#[test]
fn at_json_names_the_corridor_status_and_partisan_sources() {
    // The corridor's own status word is "corridor_status"; "status" is held|contested.
    let doc = at_json("2023-01-15", "46.5605", "39.5855");
    let corridor: Vec<_> = doc["features"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["layer"] == "corridor")
        .collect();
    assert!(!corridor.is_empty(), "{doc}");
    for f in &corridor {
        assert!(f.get("status").is_none(), "{f}");
    }
    assert!(
        corridor.iter().any(|f| f["corridor_status"] == "blockaded"),
        "{doc}"
    );
    // Jabrayil's zone cites the Azerbaijani presidency through Azertac.
    let doc = at_json("2021-06-01", "47.02835", "39.39917");
    let zone = feature(&doc, "zone-jabrayil");
    let sources = zone["sources"].as_array().unwrap();
    assert!(sources.iter().any(|s| s["partisan"] == "AZE"), "{zone}");
    assert!(
        sources.iter().any(|s| s.get("partisan").is_none()),
        "{zone}"
    );
}

#[test]
fn at_says_when_the_date_is_later_than_the_data_review() {
    // The latest date the command line takes: tomorrow (a day of grace for
    // time zones east of Greenwich), always after the review.
    let tomorrow = caucasus_atlas::time::Date::today().add_days(1).to_string();
    let tomorrow = tomorrow.as_str();
    let doc = at_json(tomorrow, "44.51", "40.18");
    let reviewed = doc["data_reviewed"].as_str().expect("data_reviewed");
    assert!(reviewed.starts_with("20"), "{doc}");
    let (code, out, _) = atlas(&["at", "--date", tomorrow, "--lon", "44.51", "--lat", "40.18"]);
    assert_eq!(code, 0);
    assert!(
        out.contains(&format!("data reviewed to {reviewed}")),
        "{out}"
    );
    // --data DIR without meta.json: no review date, no note.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        "geodata/countries.geojson",
        dir.path().join("countries.geojson"),
    )
    .unwrap();
    let (code, out, err) = atlas(&[
        "at",
        "--data",
        dir.path().to_str().unwrap(),
        "--date",
        tomorrow,
        "--lon",
        "44.51",
        "--lat",
        "40.18",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("data_reviewed"), "{out}");
    // With one, it is read.
    std::fs::write(dir.path().join("meta.json"), r#"{"reviewed":"2020-01-01"}"#).unwrap();
    let (_, out, _) = atlas(&[
        "at",
        "--data",
        dir.path().to_str().unwrap(),
        "--date",
        "2021-01-01",
        "--lon",
        "44.51",
        "--lat",
        "40.18",
        "--json",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["data_reviewed"], "2020-01-01");
    // check validates it.
    std::fs::write(dir.path().join("meta.json"), r#"{"reviewed":"2020-02-31"}"#).unwrap();
    let (code, _, err) = atlas(&["check", "--data", dir.path().to_str().unwrap()]);
    assert_ne!(code, 0);
    assert!(err.contains("meta.json: property \"reviewed\""), "{err}");
}
