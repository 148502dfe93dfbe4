//! `caucasus-atlas cite` and `export --cite`: a citation of the map state and
//! its sources, in text, CSL-JSON, BibTeX and RIS.

mod common;

use common::atlas;

#[test]
fn cite_prints_the_map_state_and_its_sources() {
    let (code, out, err) = atlas(&["cite", "--date", "2020-11-10"]);
    assert_eq!(code, 0, "{err}");
    let first = out.lines().next().unwrap();
    assert!(first.starts_with("Caucasus Atlas ("), "{first}");
    for wanted in [
        "The South Caucasus on 10 November 2020",
        "data reviewed to",
        "Extent: the whole region",
        "Layers: ",
    ] {
        assert!(first.contains(wanted), "{wanted}: {first}");
    }
    assert!(out.contains("\nSources ("), "{out}");
    assert!(out.contains("https://www.primeminister.am/"), "{out}");
    assert!(out.contains("[partisan: Russian side, RUS]"), "{out}");
}

#[test]
fn cite_csl_json_is_json_with_the_usual_fields() {
    let (code, out, err) = atlas(&[
        "cite",
        "--date",
        "2020-11-10",
        "--bbox",
        "46.0,39.2,47.4,40.4",
        "--format",
        "csl-json",
    ]);
    assert_eq!(code, 0, "{err}");
    let items: serde_json::Value = serde_json::from_str(&out).expect("CSL-JSON parses");
    let items = items.as_array().unwrap();
    assert!(items.len() > 3);
    let map = &items[0];
    assert_eq!(map["type"], "map");
    assert_eq!(map["title"], "The South Caucasus on 10 November 2020");
    assert!(map["issued"]["date-parts"][0][0].as_i64().unwrap() >= 2026);
    assert!(
        map["note"]
            .as_str()
            .unwrap()
            .contains("lon 46.00 to 47.40 E")
    );
    for item in &items[1..] {
        assert!(
            item["type"].is_string() && item["title"].is_string(),
            "{item}"
        );
        assert!(item["id"].is_string());
    }
    let statement = items[1..]
        .iter()
        .find(|i| {
            i["URL"]
                == "https://www.primeminister.am/en/press-release/item/2020/11/10/Announcement/"
        })
        .expect("the statement");
    assert_eq!(
        statement["issued"]["date-parts"][0],
        serde_json::json!([2020, 11, 10])
    );
}

#[test]
fn cite_bibtex_and_ris_are_well_formed() {
    let (code, bib, err) = atlas(&["cite", "--date", "2008-08-20", "--format", "bibtex"]);
    assert_eq!(code, 0, "{err}");
    let entries = bib.matches("\n@misc{").count() + usize::from(bib.starts_with("@misc{"));
    assert!(entries > 3, "{bib}");
    // Braces balance within every entry, and each entry closes.
    for entry in bib.split("@misc{").skip(1) {
        let mut depth = 1i32;
        for c in entry.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            assert!(depth >= 0, "{entry}");
        }
        assert_eq!(depth, 0, "{entry}");
        assert!(entry.contains("title = {"), "{entry}");
    }

    let (code, ris, err) = atlas(&["cite", "--date", "2008-08-20", "--format", "ris"]);
    assert_eq!(code, 0, "{err}");
    let mut open = false;
    for line in ris.lines() {
        let (tag, rest) = line.split_at(2);
        assert!(
            tag.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()),
            "{line}"
        );
        assert!(rest.starts_with("  - "), "{line}");
        match tag {
            "TY" => {
                assert!(!open, "{line}");
                open = true;
            }
            "ER" => {
                assert!(open);
                open = false;
            }
            _ => assert!(open, "{line} outside a record"),
        }
    }
    assert!(!open);
    assert_eq!(ris.matches("TY  - ").count(), entries);
    assert!(ris.starts_with("TY  - MAP\n"));
}

#[test]
fn export_cite_writes_the_citation_beside_the_image() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("karabakh.svg");
    let (code, stdout, err) = atlas(&[
        "export",
        "--date",
        "2020-11-10",
        "--bbox",
        "46.0,39.2,47.4,40.4",
        "--cite",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("karabakh.sources.json"), "{stdout}");
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "karabakh.sources.json",
            "karabakh.sources.txt",
            "karabakh.svg"
        ]
    );
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("karabakh.sources.json")).unwrap(),
    )
    .unwrap();
    let text = std::fs::read_to_string(dir.path().join("karabakh.sources.txt")).unwrap();
    // The same selection as `cite` with the same date and box.
    let (_, cited, _) = atlas(&[
        "cite",
        "--date",
        "2020-11-10",
        "--bbox",
        "46.0,39.2,47.4,40.4",
        "--format",
        "csl-json",
    ]);
    let cited: serde_json::Value = serde_json::from_str(&cited).unwrap();
    let urls = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| i["URL"].to_string())
            .collect()
    };
    // The same page (1920×1080 by default), so the same extent and sources.
    assert_eq!(urls(&json), urls(&cited));
    assert!(text.contains("Sources ("), "{text}");
}

#[test]
fn cite_refuses_an_unknown_format_or_layer() {
    let (code, _, err) = atlas(&["cite", "--date", "2020-11-10", "--format", "mla"]);
    assert_ne!(code, 0);
    assert!(err.contains("mla"), "{err}");
    let (code, _, err) = atlas(&["cite", "--date", "2020-11-10", "--layers", "nope"]);
    assert_ne!(code, 0);
    assert!(err.contains("unknown layer \"nope\""), "{err}");
}

#[test]
fn a_title_from_a_users_file_reaches_the_terminal_escaped_and_the_json_still_parses() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("events.geojson"),
        r#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"x-event","properties":{"layer":"events","kind":"war","name":{"en":"An event"},"from":"2020-11-01","summary":"Something happened.","precision":"exact","sources":[{"title":"Report \u202eevil\u202c {50%} & co\nline two","url":"https://example.org/a?b=1"}]},"geometry":{"type":"Point","coordinates":[46.75,39.76]}}]}"#,
    )
    .unwrap();
    let data = dir.path().to_str().unwrap();
    for format in ["text", "bibtex", "ris", "csl-json"] {
        let (code, out, err) = atlas(&[
            "cite",
            "--data",
            data,
            "--date",
            "2020-11-10",
            "--format",
            format,
        ]);
        assert_eq!(code, 0, "{format}: {err}");
        assert!(!out.contains('\u{202e}'), "{format}: {out}");
        assert!(out.contains("example.org"), "{format}: {out}");
    }
    let (_, json, _) = atlas(&[
        "cite",
        "--data",
        data,
        "--date",
        "2020-11-10",
        "--format",
        "csl-json",
    ]);
    let items: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        items[1]["title"],
        "Report \u{202e}evil\u{202c} {50%} & co line two"
    );
    let (_, bib, _) = atlas(&[
        "cite",
        "--data",
        data,
        "--date",
        "2020-11-10",
        "--format",
        "bibtex",
    ]);
    assert!(bib.contains("(50\\%) \\& co line two"), "{bib}");
}
