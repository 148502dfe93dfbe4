use super::*;
use crate::time::Date;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

/// The title of the first source a feature is credited to.
fn sources(imported: &Imported, index: usize) -> String {
    let atlas = crate::atlas::Atlas {
        layers: vec![imported.layer.clone()],
        reviewed: None,
        name_zones: Default::default(),
    };
    atlas.sources_of(&atlas.layers[0].features[index])[0]
        .title
        .clone()
}

fn import(text: &str, mapping: &Mapping) -> Imported {
    import_text("mine.geojson", "mine", text, mapping, None).unwrap()
}

fn collection(features: &[&str]) -> String {
    format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        features.join(",")
    )
}

const POINT: &str = r#"{"type":"Point","coordinates":[46.75,39.76]}"#;

fn point(properties: &str) -> String {
    format!(r#"{{"type":"Feature","properties":{properties},"geometry":{POINT}}}"#)
}

#[test]
fn every_problem_of_a_feature_is_listed_and_the_rest_loads() {
    let text = collection(&[
        &point(r#"{"start":"2020-10-01","end":"2020-13-01","name":"a"}"#),
        r#"{"type":"Feature","id":"bad","properties":{"start":"soon","end":"2020-10-02"},"geometry":{"type":"Point","coordinates":[446,39]}}"#,
        &point(r#"{"start":"2020-10-01","end":"2020-10-03","name":"kept"}"#),
    ]);
    let mapping = Mapping {
        time_field: Some("start".into()),
        end_field: Some("end".into()),
        ..Mapping::default()
    };
    let imported = import(&text, &mapping);
    assert_eq!(imported.layer.features.len(), 1);
    assert_eq!(imported.layer.features[0].name.en, "kept");
    let errors: Vec<String> = imported.errors().map(|e| e.to_string()).collect();
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert!(
        errors[0]
            .starts_with(r#"mine.geojson: feature #0: property "end": "2020-13-01" is not a date"#)
    );
    assert!(
        errors[1]
            .starts_with(r#"mine.geojson: feature "bad": property "start": "soon" is not a date"#)
    );
    assert!(
        errors[2].contains(r#"feature "bad": property "geometry": coordinates has longitude 446"#)
    );
}

#[test]
fn dates_give_the_days_a_feature_is_shown() {
    let text = collection(&[
        &point(r#"{"when":"2020-10-04"}"#),
        &point(r#"{"when":"2020-10"}"#),
        &point(r#"{"when":"2020-10-04","days":3}"#),
        &point(r#"{"when":null}"#),
        &point(r#"{}"#),
    ]);
    let mapping = Mapping {
        time_field: Some("when".into()),
        duration_field: Some("days".into()),
        ..Mapping::default()
    };
    let imported = import(&text, &mapping);
    assert_eq!(imported.problems, vec![]);
    let shown = |i: usize, day: &str| imported.layer.features[i].is_shown_on(d(day));
    assert!(shown(0, "2020-10-04") && !shown(0, "2020-10-05") && !shown(0, "2020-10-03"));
    assert!(shown(1, "2020-10-31") && !shown(1, "2020-11-01"));
    assert!(shown(2, "2020-10-06") && !shown(2, "2020-10-07"));
    // Undated features are always shown.
    assert!(shown(3, "1988-02-20") && shown(4, "2024-01-01"));
}

#[test]
fn fields_are_guessed_and_the_guess_reported() {
    let text = collection(&[
        &point(r#"{"fid":1,"event_date":"2020-10-04","location":"Ganja"}"#),
        &point(r#"{"fid":2,"event_date":"2020-10-11","location":"Barda"}"#),
    ]);
    let imported = import(&text, &Mapping::default());
    let info = imported.layer.user.as_ref().unwrap();
    assert_eq!(info.fields.time.as_deref(), Some("event_date"));
    assert_eq!(info.fields.name.as_deref(), Some("location"));
    assert!(
        info.guesses
            .contains(&"date: \"event_date\" (guessed)".to_string())
    );
    assert_eq!(info.source.title, "user data");
    assert_eq!(imported.layer.features[1].name.en, "Barda");
    assert_eq!(sources(&imported, 1), "user data");
    assert!(imported.layer.features[1].is_shown_on(d("2020-10-11")));
    assert_eq!(info.total, 2);
}

#[test]
fn a_field_no_feature_has_is_an_error_and_the_features_load_undated() {
    let text = collection(&[&point(r#"{"event_date":"2020-10-04"}"#)]);
    let mapping = Mapping {
        time_field: Some("evnt_date".into()),
        source: Some("My notes, 2024".into()),
        ..Mapping::default()
    };
    let imported = import(&text, &mapping);
    let errors: Vec<String> = imported.errors().map(|e| e.to_string()).collect();
    assert_eq!(
        errors,
        vec![
            r#"mine.geojson: property "evnt_date": was given as the date field, but no feature has it (check the spelling)"#
        ]
    );
    assert_eq!(imported.layer.features.len(), 1);
    assert_eq!(sources(&imported, 0), "My notes, 2024");
}

#[test]
fn lines_polygons_and_adjustments() {
    let text = collection(&[
        r#"{"type":"Feature","id":"road","properties":{"name":"R"},"geometry":{"type":"LineString","coordinates":[[46,39],[46.5,39.5]]}}"#,
        r#"{"type":"Feature","id":"road","properties":null,"geometry":{"type":"Polygon","coordinates":[[[46,39],[46.5,39],[46.5,39.5],[46,39.5]]]}}"#,
        r#"{"type":"Feature","properties":{"name":"x\u0007y"},"geometry":{"type":"MultiPoint","coordinates":[[46,39,1200]]}}"#,
        r#"{"type":"Feature","properties":{},"geometry":{"type":"GeometryCollection","geometries":[]}}"#,
        r#"{"type":"Feature","properties":{},"geometry":null}"#,
        r#"7"#,
    ]);
    let imported = import(&text, &Mapping::default());
    let kinds: Vec<&str> = imported
        .layer
        .features
        .iter()
        .map(|f| match f.geometry {
            geo::Geometry::LineString(_) => "line",
            geo::Geometry::Polygon(_) => "polygon",
            geo::Geometry::MultiPoint(_) => "points",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["line", "polygon", "points"]);
    assert_eq!(imported.layer.features[1].id, "road #1");
    assert_eq!(imported.layer.features[2].name.en, "x\u{FFFD}y");
    let warnings: Vec<String> = imported.warnings().map(|e| e.to_string()).collect();
    assert_eq!(warnings.len(), 3, "{warnings:#?}");
    assert!(warnings.iter().any(|w| w.contains("was closed")));
    let errors: Vec<String> = imported.errors().map(|e| e.to_string()).collect();
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert!(errors[0].contains("#3: property \"geometry\": is a GeometryCollection"));
    assert!(errors[1].contains("#4: property \"geometry\": is missing or null"));
    assert!(errors[2].contains("#5: property \"type\": the feature is not a JSON object"));
}

#[test]
fn a_broken_file_keeps_the_features_before_the_break() {
    let text = format!(
        r#"{{"type":"FeatureCollection","features":[{},{{"type":"Feat"#,
        point("{}")
    );
    let imported = import(&text, &Mapping::default());
    assert_eq!(imported.layer.features.len(), 1);
    let error = imported.errors().next().unwrap().to_string();
    assert!(error.contains("is truncated or empty"), "{error}");
    assert!(
        error.contains("the 1 feature(s) before it are loaded"),
        "{error}"
    );
    let imported = import(r#"{"type":"Topology"}"#, &Mapping::default());
    assert!(
        imported
            .errors()
            .next()
            .unwrap()
            .to_string()
            .contains("not a GeoJSON FeatureCollection")
    );
}

#[test]
fn loading_can_be_cancelled() {
    let text = collection(&[&point("{}"), &point("{}")]);
    let progress = Progress::default();
    progress.cancel.store(true, Ordering::Relaxed);
    assert_eq!(
        import_text("f", "f", &text, &Mapping::default(), Some(&progress)).err(),
        Some(Cancelled)
    );
    let progress = Progress::default();
    import_text("f", "f", &text, &Mapping::default(), Some(&progress)).unwrap();
    assert_eq!(progress.fraction(), 1.0);
}

#[test]
fn layer_names_never_stand_for_a_bundled_layer() {
    assert_eq!(
        layer_name_for(Path::new("/x/incidents.geojson")),
        "incidents"
    );
    assert_eq!(layer_name_for(Path::new("events.json")), "my-events");
}
