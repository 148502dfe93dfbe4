//! A user's own GeoJSON on the command line (`--layer FILE` and the mapping
//! flags), through the real binary.

mod common;

use common::atlas;

const INCIDENTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/incidents.geojson");

fn json(out: &str) -> serde_json::Value {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

fn at(date: &str, lon: &str, lat: &str, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec!["at", "--date", date, "--lon", lon, "--lat", lat];
    args.extend_from_slice(extra);
    atlas(&args)
}

#[test]
fn at_answers_with_the_users_features_on_their_day_only() {
    let layer = ["--layer", INCIDENTS, "--time-field", "event_date", "--json"];
    let (code, out, err) = at("2020-10-04", "46.3606", "40.6828", &layer);
    assert_eq!(code, 0, "{err}");
    let doc = json(&out);
    let features = doc["features"].as_array().unwrap();
    let mine: Vec<&serde_json::Value> = features
        .iter()
        .filter(|f| f["layer"] == "incidents")
        .collect();
    assert_eq!(mine.len(), 1, "{out}");
    assert_eq!(mine[0]["name"], "Ganja");
    assert_eq!(mine[0]["from"], "2020-10-04");
    assert_eq!(mine[0]["until"], "2020-10-05");
    assert_eq!(mine[0]["properties"]["event_date"], "2020-10-04");
    assert_eq!(mine[0]["sources"][0]["title"], "user data");
    // The bundled layers are still there, under it.
    assert!(features.iter().any(|f| f["layer"] == "control"), "{out}");
    // The skipped feature is named on stderr, and the command still answers.
    assert!(
        err.contains(
            r#"incidents.geojson: feature #3: property "event_date": "2020-10-32" is not a date"#
        ),
        "{err}"
    );
    // Not the day before or after.
    for date in ["2020-10-03", "2020-10-05"] {
        let (_, out, _) = at(date, "46.3606", "40.6828", &layer);
        assert!(!out.contains("\"incidents\""), "{date}: {out}");
    }
}

#[test]
fn at_in_text_guesses_the_fields_and_credits_the_typed_source() {
    let (code, out, err) = at(
        "2020-10-02",
        "46.7525",
        "39.8153",
        &["--layer", INCIDENTS, "--source", "Field notes, Oct 2020"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("incidents"), "{out}");
    assert!(out.contains("Stepanakert / Khankendi"), "{out}");
    assert!(out.contains("shelling on 2020-10-02"), "{out}");
    let (_, out, _) = at(
        "2020-10-02",
        "46.7525",
        "39.8153",
        &[
            "--layer",
            INCIDENTS,
            "--source",
            "Field notes, Oct 2020",
            "--json",
        ],
    );
    assert!(out.contains("Field notes, Oct 2020"), "{out}");
    // A month-long line and an undated area.
    let (_, out, _) = at("2020-10-31", "46.40", "39.55", &["--layer", INCIDENTS]);
    assert!(out.contains("Road near Goris"), "{out}");
    let (_, out, _) = at("1990-01-01", "45.05", "40.05", &["--layer", INCIDENTS]);
    assert!(out.contains("Survey area"), "{out}");
}

#[test]
fn a_wrong_field_name_is_said_once_and_the_rest_still_answers() {
    let (code, _, err) = at(
        "2020-10-04",
        "46.3606",
        "40.6828",
        &["--layer", INCIDENTS, "--time-field", "evnt_date"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(r#"property "evnt_date": was given as the date field, but no feature has it"#),
        "{err}"
    );
}

#[test]
fn check_lists_errors_and_warnings_of_a_users_layer() {
    for args in [
        vec!["check", INCIDENTS],
        vec!["check", "--layer", INCIDENTS],
    ] {
        let (code, out, err) = atlas(&args);
        assert_eq!(code, 1, "{out}{err}");
        assert!(out.contains(r#"date: "event_date" (guessed)"#), "{out}");
        let lines: Vec<&str> = err.lines().collect();
        assert!(
            lines.iter().any(|l| l.starts_with("error: ")
                && l.ends_with(r#"incidents.geojson: feature #3: property "event_date": "2020-10-32" is not a date (YYYY-MM-DD, YYYY-MM, YYYY, an ISO date-time or Unix seconds)"#)),
            "{err}"
        );
        assert!(
            lines.iter().any(|l| l.starts_with("warning: ")
                && l.contains("feature #5: property \"geometry\": coordinates[0] is not closed")),
            "{err}"
        );
        assert_eq!(
            lines.last(),
            Some(&"1 problem(s) found and 1 warning(s)"),
            "{err}"
        );
    }
}

#[test]
fn check_reports_every_problem_of_an_atlas_file_whatever_its_name() {
    let dir = tempfile::tempdir().unwrap();
    // Declares the places layer but is called otherwise; a bad date and a
    // bad position in the same feature, and a second broken feature.
    let file = dir.path().join("my-towns.geojson");
    std::fs::write(
        &file,
        r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","id":"goris","properties":{"layer":"places","kind":"town","name":{"en":"Goris"},"from":"2020-13-45","sources":[{"title":"x"}]},"geometry":{"type":"Point","coordinates":[46.34,239.5]}},
          {"type":"Feature","id":"kapan","properties":{"layer":"places","kind":"hamlet","name":{"en":"Kapan"},"sources":[]},"geometry":{"type":"Point","coordinates":[46.4,39.2]}}]}"#,
    )
    .unwrap();
    let (code, _, err) = atlas(&["check", file.to_str().unwrap()]);
    assert_eq!(code, 1);
    for expected in [
        r#"feature "goris": property "from": "2020-13-45" is not a date"#,
        r#"feature "goris": property "geometry": coordinates has latitude 239.5"#,
        r#"feature "kapan": property "kind": "hamlet" is not a kind of layer "places""#,
        r#"feature "kapan": property "sources": is empty"#,
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
    assert!(!err.contains("the file holds layer"), "{err}");
    assert!(err.contains("4 problem(s) found"), "{err}");
}

#[test]
fn export_draws_lists_and_credits_a_users_layer() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("map.svg");
    let (code, out, err) = atlas(&[
        "export",
        "--date",
        "2020-10-04",
        "--out",
        svg.to_str().unwrap(),
        "--layer",
        INCIDENTS,
        "--source",
        "Field notes, Oct 2020",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("Your layer: incidents"), "legend");
    assert!(text.contains("Field notes, Oct 2020"), "credits");
    // The bundled data is still drawn and credited.
    assert!(text.contains("Held by Azerbaijan"), "legend of the atlas");
}

#[test]
fn check_file_takes_the_mapping_flags() {
    let (code, out, err) = atlas(&["check", INCIDENTS, "--time-field", "fid"]);
    // fid holds 1…6, which are no dates: every feature is an error.
    assert_eq!(code, 1, "{out}");
    assert!(
        err.contains(r#"feature #0: property "fid": is the number 1, not a date"#),
        "{err}"
    );
    assert!(!out.contains(r#"date: "event_date" (guessed)"#), "{out}");
}
