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
