//! Every kind of bad input gives one clear sentence naming file, feature and
//! property — and never a panic.

use caucasus_atlas::atlas::{LayerKind, Loaded};

/// Loads one file's text as the layer `layer` and returns the error sentences.
fn errors_for(layer: &str, text: &str) -> Vec<String> {
    let file = format!("test/{layer}.geojson");
    Loaded::from_texts([(file, LayerKind::from_name(layer), text)])
        .errors
        .iter()
        .map(|e| e.to_string())
        .collect()
}

/// A one-feature collection whose properties are `props` and geometry `geometry`.
fn collection(id: &str, props: &str, geometry: &str) -> String {
    format!(
        r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","id":"{id}","properties":{{{props}}},"geometry":{geometry}}}]}}"#
    )
}

const POINT: &str = r#"{"type":"Point","coordinates":[46.75,39.76]}"#;
const SQUARE: &str =
    r#"{"type":"Polygon","coordinates":[[[46,39],[47,39],[47,40],[46,40],[46,39]]]}"#;
const GOOD_PLACE: &str = r#""kind":"town","name":{"en":"Shushi / Shusha","hy":"Շուշի","az":"Şuşa"},"contested":true,"sources":[{"title":"GeoNames","url":"https://www.geonames.org/"}]"#;
const GOOD_ZONE_HEAD: &str = r#""kind":"zone","name":{"en":"Test zone"},"precision":"exact","de_jure":"ARM","claimed_by":[],"sources":[{"title":"A source"}]"#;
/// A zone without `de_jure` and `claimed_by`, for the tests of those two.
const BARE_ZONE_HEAD: &str = r#""kind":"zone","name":{"en":"Test zone"},"precision":"exact","sources":[{"title":"A source"}],"history":[{"from":"1988-02-20","until":null,"controller":"AZE"}]"#;

fn assert_one_error(errors: &[String], expected_parts: &[&str]) {
    assert_eq!(errors.len(), 1, "expected one error, got {errors:?}");
    for part in expected_parts {
        assert!(
            errors[0].contains(part),
            "error {:?} lacks {part:?}",
            errors[0]
        );
    }
}

#[test]
fn a_valid_place_loads_without_errors() {
    assert!(errors_for("places", &collection("shusha", GOOD_PLACE, POINT)).is_empty());
}

#[test]
fn a_bad_date_names_file_feature_and_property() {
    let props = format!(r#"{GOOD_PLACE},"from":"2020-13-45""#);
    let errors = errors_for("places", &collection("shusha", &props, POINT));
    assert_eq!(
        errors,
        vec![
            r#"test/places.geojson: feature "shusha": property "from": "2020-13-45" is not a date (expected YYYY-MM-DD)"#
        ]
    );
}

#[test]
fn a_reversed_lifespan_is_rejected() {
    let props = format!(r#"{GOOD_PLACE},"from":"2020-11-10","until":"2020-09-27""#);
    assert_one_error(
        &errors_for("places", &collection("shusha", &props, POINT)),
        &["\"until\"", "not after"],
    );
}

#[test]
fn an_unknown_controller_code_is_rejected() {
    let props = format!(
        r#"{GOOD_ZONE_HEAD},"history":[{{"from":"1988-02-20","until":null,"controller":"XYZ"}}]"#
    );
    assert_one_error(
        &errors_for("control", &collection("zone-a", &props, SQUARE)),
        &[
            "zone-a",
            "history[0].controller",
            "\"XYZ\" is not a controller code",
        ],
    );
}

#[test]
fn control_histories_must_be_ordered_contiguous_and_complete() {
    let overlapping = format!(
        r#"{GOOD_ZONE_HEAD},"history":[{{"from":"1988-02-20","until":"1993-01-01","controller":"AZE"}},{{"from":"1992-05-09","until":null,"controller":"NKR"}}]"#
    );
    assert_one_error(
        &errors_for("control", &collection("z", &overlapping, SQUARE)),
        &["history[1].from", "overlaps"],
    );
    let gap = format!(
        r#"{GOOD_ZONE_HEAD},"history":[{{"from":"1988-02-20","until":"1992-05-01","controller":"AZE"}},{{"from":"1992-05-09","until":null,"controller":"NKR"}}]"#
    );
    assert_one_error(
        &errors_for("control", &collection("z", &gap, SQUARE)),
        &["history[1].from", "gap"],
    );
    let late_start = format!(
        r#"{GOOD_ZONE_HEAD},"history":[{{"from":"1990-01-01","until":null,"controller":"AZE"}}]"#
    );
    assert_one_error(
        &errors_for("control", &collection("z", &late_start, SQUARE)),
        &["history[0].from", "1988-02-20"],
    );
}

#[test]
fn missing_or_empty_sources_are_rejected() {
    let none = r#""kind":"town","name":{"en":"Goris"}"#;
    assert_one_error(
        &errors_for("places", &collection("goris", none, POINT)),
        &["\"sources\"", "missing"],
    );
    let empty = r#""kind":"town","name":{"en":"Goris"},"sources":[]"#;
    assert_one_error(
        &errors_for("places", &collection("goris", empty, POINT)),
        &["\"sources\"", "empty"],
    );
    let bad_url = r#""kind":"town","name":{"en":"Goris"},"sources":[{"title":"x","url":"javascript:alert(1)"}]"#;
    assert_one_error(
        &errors_for("places", &collection("goris", bad_url, POINT)),
        &["sources[0].url", "http"],
    );
}

#[test]
fn duplicate_ids_are_rejected_within_and_across_files() {
    let two = format!(
        r#"{{"type":"FeatureCollection","features":[{f},{f}]}}"#,
        f = format!(
            r#"{{"type":"Feature","id":"shusha","properties":{{{GOOD_PLACE}}},"geometry":{POINT}}}"#
        )
    );
    assert_one_error(&errors_for("places", &two), &["shusha", "\"id\"", "unique"]);
    let one = collection("shusha", GOOD_PLACE, POINT);
    let loaded = Loaded::from_texts([
        (
            "a/places.geojson".to_string(),
            LayerKind::Places,
            one.as_str(),
        ),
        (
            "b/towns.geojson".to_string(),
            LayerKind::from_name("towns"),
            one.as_str(),
        ),
    ]);
    assert_eq!(loaded.errors.len(), 1);
    assert!(
        loaded.errors[0]
            .to_string()
            .contains("already used in a/places.geojson")
    );
}

#[test]
fn wrong_json_types_name_the_property() {
    let props = r#""kind":"town","name":"Goris","sources":[{"title":"x"}]"#;
    assert_one_error(
        &errors_for("places", &collection("goris", props, POINT)),
        &["\"name\"", "is a string, expected an object"],
    );
    let props = r#""kind":7,"name":{"en":"Goris"},"sources":[{"title":"x"}]"#;
    assert_one_error(
        &errors_for("places", &collection("goris", props, POINT)),
        &["\"kind\"", "is a number"],
    );
}

#[test]
fn invalid_geometry_is_rejected() {
    let props = r#""kind":"town","name":{"en":"Goris"},"sources":[{"title":"x"}]"#;
    let far = r#"{"type":"Point","coordinates":[200,39]}"#;
    assert_one_error(
        &errors_for("places", &collection("goris", props, far)),
        &["\"geometry\"", "outside -180..180"],
    );
    let zone = format!(
        r#"{GOOD_ZONE_HEAD},"history":[{{"from":"1988-02-20","until":null,"controller":"ARM"}}]"#
    );
    let unclosed =
        r#"{"type":"Polygon","coordinates":[[[46,39],[47,39],[47,40],[46,40],[46,39.5]]]}"#;
    assert_one_error(
        &errors_for("control", &collection("z", &zone, unclosed)),
        &["\"geometry\"", "not closed"],
    );
    let short = r#"{"type":"Polygon","coordinates":[[[46,39],[47,39],[46,39]]]}"#;
    assert_one_error(
        &errors_for("control", &collection("z", &zone, short)),
        &["at least 4"],
    );
    let bowtie = r#"{"type":"Polygon","coordinates":[[[46,39],[47,40],[47,39],[46,40],[46,39]]]}"#;
    assert_one_error(
        &errors_for("control", &collection("z", &zone, bowtie)),
        &["not a valid polygon"],
    );
    let wrong_type = r#"{"type":"Circle","coordinates":[46,39]}"#;
    assert_one_error(
        &errors_for("places", &collection("goris", props, wrong_type)),
        &["not a valid GeoJSON geometry"],
    );
}

#[test]
fn truncated_empty_and_non_json_files_are_reported_as_such() {
    let full = collection("shusha", GOOD_PLACE, POINT);
    let truncated = &full[..full.len() / 2];
    assert_one_error(
        &errors_for("places", truncated),
        &["test/places.geojson", "truncated"],
    );
    assert_one_error(&errors_for("places", ""), &["truncated or empty"]);
    assert_one_error(
        &errors_for("places", "<html>not json</html>"),
        &["not valid JSON"],
    );
    assert_one_error(
        &errors_for("places", r#"{"type":"Feature"}"#),
        &["not a GeoJSON FeatureCollection"],
    );
}

#[test]
fn very_deep_nesting_is_an_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_one_error(
        &errors_for("places", &deep),
        &["not valid JSON", "recursion limit"],
    );
    let deep_property = format!(
        r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","id":"x","properties":{{"kind":"town","name":{{"en":"x"}},"sources":[{{"title":"t"}}],"deep":{}1{}}},"geometry":{POINT}}}]}}"#,
        "[".repeat(5000),
        "]".repeat(5000)
    );
    assert_one_error(&errors_for("places", &deep_property), &["recursion limit"]);
}

#[test]
fn a_broken_feature_does_not_hide_the_others() {
    let text = format!(
        r#"{{"type":"FeatureCollection","features":[
            {{"type":"Feature","id":"good","properties":{{{GOOD_PLACE}}},"geometry":{POINT}}},
            {{"type":"Feature","id":"bad","properties":{{"kind":"town"}},"geometry":{POINT}}}]}}"#
    );
    let loaded = Loaded::from_texts([(
        "t/places.geojson".to_string(),
        LayerKind::Places,
        text.as_str(),
    )]);
    assert_eq!(loaded.atlas.features().count(), 1);
    // Every problem of the broken feature, not only the first.
    assert_eq!(loaded.errors.len(), 2, "{:#?}", loaded.errors);
    assert!(
        loaded.errors[0]
            .to_string()
            .contains("feature \"bad\": property \"name\": is missing")
    );
    assert!(
        loaded.errors[1]
            .to_string()
            .contains("feature \"bad\": property \"sources\": is missing")
    );
}

#[test]
fn a_partisan_source_names_a_controller_code() {
    let props = r#""kind":"town","name":{"en":"Goris"},"sources":[{"title":"State news agency","url":"https://example.org/","partisan":"AZE"}]"#;
    assert!(errors_for("places", &collection("goris", props, POINT)).is_empty());
    let props = r#""kind":"town","name":{"en":"Goris"},"sources":[{"title":"A","url":"https://example.org/"},{"title":"B","partisan":"XYZ"}]"#;
    assert_one_error(
        &errors_for("places", &collection("goris", props, POINT)),
        &[
            "test/places.geojson",
            "goris",
            "sources[1].partisan",
            "\"XYZ\" is not a controller code",
        ],
    );
    let props = format!(
        r#"{GOOD_ZONE_HEAD},"history":[{{"from":"1988-02-20","until":null,"controller":"ARM","sources":[{{"title":"A","partisan":true}}]}}]"#
    );
    assert_one_error(
        &errors_for("control", &collection("zone-a", &props, SQUARE)),
        &[
            "zone-a",
            "history[0].sources[0].partisan",
            "controller code",
        ],
    );
}

#[test]
fn a_control_zone_needs_a_recognised_de_jure_state_and_a_list_of_claims() {
    let zone = |extra: &str| collection("zone-a", &format!("{BARE_ZONE_HEAD}{extra}"), SQUARE);
    assert!(
        errors_for(
            "control",
            &zone(r#","de_jure":"AZE","claimed_by":[{"by":"NKR","from":"1991-09-02","until":"2024-01-01","sources":[{"title":"A"}]}]"#)
        )
        .is_empty()
    );
    assert_one_error(
        &errors_for("control", &zone(r#","claimed_by":[]"#)),
        &[
            "test/control.geojson",
            "zone-a",
            "\"de_jure\"",
            "is missing",
        ],
    );
    assert_one_error(
        &errors_for("control", &zone(r#","de_jure":"NKR","claimed_by":[]"#)),
        &[
            "zone-a",
            "\"de_jure\"",
            "\"NKR\" is not a recognised state",
            "ARM, AZE or GEO",
        ],
    );
    assert_one_error(
        &errors_for("control", &zone(r#","de_jure":"XYZ","claimed_by":[]"#)),
        &["\"de_jure\"", "\"XYZ\" is not a controller code"],
    );
    assert_one_error(
        &errors_for("control", &zone(r#","de_jure":"AZE""#)),
        &["zone-a", "\"claimed_by\"", "is missing", "[] for none"],
    );
    assert_one_error(
        &errors_for("control", &zone(r#","de_jure":"AZE","claimed_by":"NKR""#)),
        &["\"claimed_by\"", "not an array"],
    );
    assert_one_error(
        &errors_for(
            "control",
            &zone(r#","de_jure":"AZE","claimed_by":[{"by":"XYZ","from":"1991-09-02"}]"#),
        ),
        &["\"claimed_by[0].by\"", "\"XYZ\" is not a controller code"],
    );
    assert_one_error(
        &errors_for(
            "control",
            &zone(r#","de_jure":"AZE","claimed_by":[{"by":"AZE","from":"1991-09-02"}]"#),
        ),
        &["\"claimed_by[0].by\"", "the zone's de jure state"],
    );
    assert_one_error(
        &errors_for(
            "control",
            &zone(r#","de_jure":"AZE","claimed_by":[{"by":"NKR"}]"#),
        ),
        &["\"claimed_by[0].from\"", "is missing"],
    );
    assert_one_error(
        &errors_for(
            "control",
            &zone(
                r#","de_jure":"AZE","claimed_by":[{"by":"NKR","from":"2024-01-01","until":"1991-09-02"}]"#,
            ),
        ),
        &["\"claimed_by[0].until\"", "not after"],
    );
    assert_one_error(
        &errors_for(
            "control",
            &zone(
                r#","de_jure":"AZE","claimed_by":[{"by":"NKR","from":"1991-09-02"},{"by":"NKR","from":"2000-01-01"}]"#,
            ),
        ),
        &["\"claimed_by[1].from\"", "overlaps an earlier claim by NKR"],
    );
    assert_one_error(
        &errors_for(
            "control",
            &zone(
                r#","de_jure":"AZE","claimed_by":[{"by":"NKR","from":"1991-09-02","sources":[{"title":"A","partisan":"XYZ"}]}]"#,
            ),
        ),
        &["\"claimed_by[0].sources[0].partisan\""],
    );
    // Other layers need neither.
    assert!(errors_for("places", &collection("shusha", GOOD_PLACE, POINT)).is_empty());
}

#[test]
fn meta_json_is_read_with_the_layers_and_checked() {
    use caucasus_atlas::atlas::Loaded;
    let bundled = Loaded::bundled();
    assert!(bundled.errors.is_empty(), "{:?}", bundled.errors);
    assert!(bundled.atlas.reviewed.is_some());

    let dir = tempfile::tempdir().unwrap();
    let meta = dir.path().join("meta.json");
    std::fs::write(&meta, r#"{ "reviewed": "2025-06-30" }"#).unwrap();
    let loaded = Loaded::from_dir(dir.path());
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    assert_eq!(loaded.atlas.reviewed.unwrap().to_string(), "2025-06-30");

    for (text, expected) in [
        (
            r#"{ "reviewed": "2025-02-30" }"#,
            "property \"reviewed\": \"2025-02-30\" is not a date",
        ),
        (r#"{ }"#, "property \"reviewed\": is missing"),
        (r#"[1, 2]"#, "is not a JSON object"),
        (r#"{ "reviewed": "#, "is not valid JSON"),
    ] {
        std::fs::write(&meta, text).unwrap();
        let errors: Vec<String> = Loaded::from_files(std::slice::from_ref(&meta))
            .errors
            .iter()
            .map(|e| e.to_string())
            .collect();
        assert_one_error(&errors, &["meta.json", expected]);
    }
    // A folder without meta.json has no review date and no error.
    let empty = tempfile::tempdir().unwrap();
    let loaded = Loaded::from_dir(empty.path());
    assert!(loaded.errors.is_empty() && loaded.atlas.reviewed.is_none());
}

#[test]
fn ids_must_have_the_schema_form() {
    for bad in [
        "<Evil ID> \"q\"",
        "nul\u{0}id",
        "Shusha",
        "a--b",
        "-a",
        "a-",
        "a b",
    ] {
        let text = collection(bad, GOOD_PLACE, POINT).replace(
            &format!("\"id\":\"{bad}\""),
            &format!("\"id\":{}", serde_json::to_string(bad).unwrap()),
        );
        let errors = errors_for("places", &text);
        assert_one_error(&errors, &["feature #0", "property \"id\"", "is not an id"]);
        assert!(!errors[0].contains('\0'), "{:?}", errors[0]);
    }
    let long = "a".repeat(101);
    assert_one_error(
        &errors_for("places", &collection(&long, GOOD_PLACE, POINT)),
        &["is not an id"],
    );
    for good in ["shusha", "line-1994", "2020-11-08-shusha-taken", "a"] {
        assert!(errors_for("places", &collection(good, GOOD_PLACE, POINT)).is_empty());
    }
}

#[test]
fn characters_xml_cannot_carry_are_rejected_with_their_property() {
    let cases = [
        (r#""note":"a\uFFFEb""#, "note", "U+FFFE"),
        (r#""note":"bell\u0007""#, "note", "U+0007"),
        (r#""note":"del\u007f""#, "note", "U+007F"),
        (r#""extra":{"deep":["\uFFFF"]}"#, "extra.deep[0]", "U+FFFF"),
        (r#""key\u001b":"x""#, "key\\u{1b}", "U+001B"),
    ];
    for (extra, property, what) in cases {
        let props = format!("{GOOD_PLACE},{extra}");
        assert_one_error(
            &errors_for("places", &collection("shusha", &props, POINT)),
            &[
                "feature \"shusha\"",
                &format!("property \"{property}\""),
                what,
            ],
        );
    }
    // Tab, line feed and carriage return are text.
    let props = format!(r#"{GOOD_PLACE},"note":"a\tb\nc\rd""#);
    assert!(errors_for("places", &collection("shusha", &props, POINT)).is_empty());
}

/// `name_sides` (who uses which name of a pair) and `name_sides_from` are
/// checked, each error naming the property.
#[test]
fn bad_name_sides_are_named() {
    let place = |extra: &str, en: &str| {
        let props = format!(
            r#""kind":"town","name":{{"en":"{en}"}},{extra},"sources":[{{"title":"GeoNames"}}]"#
        );
        errors_for("places", &collection("sukhumi", &props, POINT))
    };
    assert!(place(r#""name_sides":[["ABK"],["GEO"]]"#, "Sukhumi / Sokhumi").is_empty());
    assert_one_error(
        &place(r#""name_sides":[["ABK"]]"#, "Sukhumi / Sokhumi"),
        &["sukhumi", "\"name_sides\"", "two lists"],
    );
    assert_one_error(
        &place(r#""name_sides":[["ABK"],["XYZ"]]"#, "Sukhumi / Sokhumi"),
        &["\"name_sides[1][0]\"", "not a controller code"],
    );
    assert_one_error(
        &place(r#""name_sides":[["GEO"],["GEO"]]"#, "Sukhumi / Sokhumi"),
        &["\"name_sides\"", "both names"],
    );
    assert_one_error(
        &place(r#""name_sides":[["ABK"],["GEO"]]"#, "Sukhumi"),
        &["\"name_sides\"", "holds no \"A / B\" pair"],
    );
    assert_one_error(
        &place(r#""name_sides_from":"1991-11-26""#, "Sukhumi"),
        &["\"name_sides_from\"", "no pair"],
    );
}
