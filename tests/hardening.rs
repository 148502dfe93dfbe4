//! The failures of issue 11 (items 2–5), each as a test through the real
//! binary: no panic, no raw control character on the terminal, no file left
//! behind or replaced, and a non-zero exit with one clear sentence.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::atlas;

/// Every entry of a folder, hidden ones included, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    names
}

/// Asserts that `text` holds no character that would act on a terminal.
fn assert_no_raw_controls(text: &str) {
    for c in text.chars() {
        let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        assert!(
            !(bidi || (c.is_control() && c != '\n')),
            "raw U+{:04X} printed in {text:?}",
            c as u32
        );
    }
}

/// A FeatureCollection of the given features (JSON texts).
fn collection(features: &[String]) -> String {
    format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        features.join(",")
    )
}

/// A feature of a user's own layer (any kind, any geometry) around Yerevan.
fn own_feature(id: &str, props: &str) -> String {
    format!(
        r#"{{"type":"Feature","id":{},"properties":{{{props}}},"geometry":{{"type":"Polygon","coordinates":[[[44.3,40.0],[44.7,40.0],[44.7,40.4],[44.3,40.4],[44.3,40.0]]]}}}}"#,
        serde_json::to_string(id).unwrap()
    )
}

fn json(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

/// Writes `text` as `dir/name` and returns its path as a string.
fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

// ---- item 2: no panic on any argument ----

#[test]
fn a_non_ascii_step_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("a.gif");
    for step in ["1é", "é", "1d́", "12ж", "७d"] {
        let (code, _, err) = atlas(&[
            "animate",
            "--from",
            "2020-09-27",
            "--to",
            "2020-10-27",
            "--step",
            step,
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_ne!(code, 0, "{step}");
        assert!(!err.contains("panicked"), "{step}: {err}");
        assert!(err.contains("is not a step"), "{step}: {err}");
    }
    assert!(entries(dir.path()).is_empty());
}

#[test]
fn non_ascii_arguments_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("é.png");
    let out = out.to_str().unwrap();
    let cases: Vec<Vec<&str>> = vec![
        vec!["export", "--date", "2020-11-1é", "--out", out],
        vec!["export", "--date", "２０２０-11-10", "--out", out],
        vec![
            "export",
            "--date",
            "2020-11-10",
            "--out",
            out,
            "--bbox",
            "4é,3,5,6",
        ],
        vec![
            "export",
            "--date",
            "2020-11-10",
            "--out",
            out,
            "--width",
            "1é",
        ],
        vec![
            "export",
            "--date",
            "2020-11-10",
            "--out",
            out,
            "--lang",
            "é",
        ],
        vec!["at", "--date", "2020-11-10", "--lon", "4é", "--lat", "40"],
        vec!["events", "--from", "ééééééééé"],
    ];
    for args in cases {
        let (code, _, err) = atlas(&args);
        assert_ne!(code, 0, "{args:?}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
    assert!(entries(dir.path()).is_empty());
}

// ---- item 3: characters XML cannot carry ----

#[test]
fn noncharacters_and_controls_in_names_and_addresses_fail_check() {
    let dir = tempfile::tempdir().unwrap();
    let features = [
        own_feature(
            "bad-name",
            r#""kind":"x","name":{"en":"Shusha\uFFFE"},"sources":[{"title":"t"}]"#,
        ),
        own_feature(
            "bad-url",
            r#""kind":"x","name":{"en":"Goris"},"sources":[{"title":"t","url":"https://example.org/\uFFFF"}]"#,
        ),
        own_feature(
            "bad-note",
            r#""kind":"x","name":{"en":"Goris"},"note":"a\u0001b","sources":[{"title":"t"}]"#,
        ),
        own_feature(
            "bad-extra",
            r#""kind":"x","name":{"en":"Goris"},"notes":{"deep":["ok","\uFDD0"]},"sources":[{"title":"t"}]"#,
        ),
    ];
    let file = write(dir.path(), "mine.geojson", &collection(&features));
    let (code, out, err) = atlas(&["check", &file]);
    assert_ne!(code, 0, "{out}");
    assert_no_raw_controls(&err);
    for (feature, property, what) in [
        ("bad-name", "name.en", "U+FFFE"),
        ("bad-url", "sources[0].url", "U+FFFF"),
        ("bad-note", "note", "U+0001"),
        ("bad-extra", "notes.deep[1]", "U+FDD0"),
    ] {
        let line = err
            .lines()
            .find(|l| l.contains(&format!("feature \"{feature}\"")))
            .unwrap_or_else(|| panic!("no error for {feature}: {err}"));
        assert!(line.starts_with(&file), "{line}");
        assert!(line.contains(&format!("property \"{property}\"")), "{line}");
        assert!(line.contains(what), "{line}");
    }
    assert!(err.contains("4 problem(s) found"), "{err}");
}

#[test]
fn any_title_gives_well_formed_svg_and_a_png() {
    let dir = tempfile::tempdir().unwrap();
    let title = "Map \u{FFFE}\u{FFFF}\u{1b}[2J\u{7}<&>\"'\u{202E}\u{1}\u{85}\u{FDD0}";
    let svg = dir.path().join("t.svg");
    let (code, _, err) = atlas(&[
        "export",
        "--date",
        "2020-11-10",
        "--out",
        svg.to_str().unwrap(),
        "--width",
        "480",
        "--height",
        "270",
        "--title",
        title,
    ]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&svg).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let shown = doc
        .descendants()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text())
        .unwrap_or_default()
        .to_string();
    assert!(shown.starts_with("Map "), "{shown:?}");
    assert!(shown.contains("<&>\"'"), "{shown:?}");
    let png = dir.path().join("t.png");
    let (code, _, err) = atlas(&[
        "export",
        "--date",
        "2020-11-10",
        "--out",
        png.to_str().unwrap(),
        "--width",
        "480",
        "--height",
        "270",
        "--title",
        title,
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::metadata(&png).unwrap().len() > 1000);
}

// ---- item 4: data printed escaped, one error a line, shortened ----

#[test]
fn check_prints_crafted_values_escaped_one_line_each_and_short() {
    let dir = tempfile::tempdir().unwrap();
    let long = "x".repeat(1_000_000);
    let place = |id: &str, kind: &str| {
        format!(
            r#"{{"type":"Feature","id":"{id}","properties":{{"kind":{},"name":{{"en":"P"}},"sources":[{{"title":"t"}}]}},"geometry":{{"type":"Point","coordinates":[44.5,40.2]}}}}"#,
            json(kind)
        )
    };
    let features = [
        place("clear", "\u{1b}[2J\u{1b}[HALL DATA OK\u{7}"),
        place("lines", "town\r\nplaces.geojson: ok\u{202E}\u{2066}"),
        place("long", &long),
    ];
    let file = write(dir.path(), "places.geojson", &collection(&features));
    // A file name is printed escaped too.
    let named = write(dir.path(), "\u{1b}[2J\u{7}.geojson", "{");
    let (code, _, err) = atlas(&["check", &file, &named]);
    assert_ne!(code, 0);
    assert_no_raw_controls(&err);
    let lines: Vec<&str> = err.lines().collect();
    // Four errors and the count, one line each.
    assert_eq!(lines.len(), 5, "{err}");
    assert!(
        lines.iter().all(|l| l.chars().count() < 1500),
        "a line is too long"
    );
    assert!(
        err.contains(r#"feature "clear": property "kind": contains the control character U+001B"#),
        "{err}"
    );
    assert!(
        err.contains(r"\u{1b}[2J\u{7}.geojson: is truncated"),
        "{err}"
    );
    assert!(err.contains(r"town\r\nplaces.geojson"), "{err}");
    assert!(err.contains(r"\u{202e}\u{2066}"), "{err}");
    assert!(err.contains("xxx…"), "{err}");
}

#[test]
fn at_and_events_print_data_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let mine = collection(&[own_feature(
        "evil-zone",
        &format!(
            r#""kind":{},"name":{{"en":{}}},"sources":[{{"title":"t"}}]"#,
            json("zone\r\tALL DATA OK"),
            json("Evil\u{202E}txt.exe\u{2069}\nnext line")
        ),
    )]);
    write(dir.path(), "mine.geojson", &mine);
    let event = format!(
        r#"{{"type":"Feature","id":"evil-event","properties":{{"kind":"war","name":{{"en":{}}},"from":"2020-09-27","precision":"exact","summary":{},"sources":[{{"title":"t"}}]}},"geometry":{{"type":"Point","coordinates":[46.7,39.8]}}}}"#,
        json("War\u{2066}\rOK"),
        json("Line one\nline two\u{202D}")
    );
    write(dir.path(), "events.geojson", &collection(&[event]));
    let data = dir.path().to_str().unwrap();

    let (code, out, err) = atlas(&[
        "at",
        "--data",
        data,
        "--date",
        "2021-01-01",
        "--lon",
        "44.5",
        "--lat",
        "40.2",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_no_raw_controls(&out.replace('\n', " "));
    assert!(
        out.contains(r"Evil\u{202e}txt.exe\u{2069}\nnext line"),
        "{out}"
    );
    assert!(out.contains(r"zone\r\tALL DATA OK"), "{out}");
    // One line a feature.
    assert_eq!(out.lines().count(), 2, "{out}");

    let (code, out, err) = atlas(&["events", "--data", data]);
    assert_eq!(code, 0, "{err}");
    assert_no_raw_controls(&out.replace('\n', " "));
    assert!(out.contains(r"War\u{2066}\rOK"), "{out}");
    assert!(out.contains(r"Line one\nline two\u{202d}"), "{out}");
    assert_eq!(out.lines().count(), 3, "{out}");
}

// ---- item 5: the screenshot path ----

/// Runs the window with `--screenshot path`; the check must fail before any
/// window is opened (this machine has no display, so reaching the window
/// would fail differently).
fn assert_screenshot_refused(path: &Path, expected: &str) {
    let (code, _, err) = atlas(&["--screenshot", path.to_str().unwrap()]);
    assert_ne!(code, 0, "{err}");
    assert!(err.starts_with("error: "), "{err}");
    assert!(err.contains(expected), "{err} lacks {expected}");
    assert!(!err.contains("window could not be opened"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn screenshot_paths_that_cannot_be_written_fail_before_the_window() {
    let dir = tempfile::tempdir().unwrap();
    assert_screenshot_refused(&dir.path().join("missing").join("s.png"), "does not exist");
    let folder = dir.path().join("shot.png");
    std::fs::create_dir(&folder).unwrap();
    assert_screenshot_refused(&folder, "is a folder");
    assert_screenshot_refused(&dir.path().join("x.txt"), "does not end in .png");
    assert_screenshot_refused(&dir.path().join("x"), "does not end in .png");
    // Permission denied: a read-only folder, or /proc for an administrator.
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    }
    let target = if std::fs::write(locked.join("probe"), b"x").is_ok() {
        std::fs::remove_file(locked.join("probe")).unwrap();
        PathBuf::from("/proc/caucasus-atlas-screenshot-test.png")
    } else {
        locked.join("s.png")
    };
    assert_screenshot_refused(&target, "cannot be written");
    assert_eq!(entries(dir.path()), ["locked", "shot.png"]);
    assert!(entries(&locked).is_empty());
}

// ---- item 5: signals, leftovers, long names ----

#[cfg(unix)]
#[test]
fn a_signal_stops_animate_and_leaves_no_file() {
    for (signal, code) in [(libc::SIGTERM, 143), (libc::SIGINT, 130)] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("long.gif");
        // Weekly from 1988 to 2025: about 1,950 frames, far more than the
        // test waits for.
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_caucasus-atlas"))
            .args([
                "animate",
                "--from",
                "1988-02-20",
                "--to",
                "2025-06-01",
                "--step",
                "7d",
                "--width",
                "96",
                "--height",
                "64",
                "--out",
            ])
            .arg(&out)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let pid = child.id();
        let deadline = Instant::now() + Duration::from_secs(120);
        while entries(dir.path()).is_empty() {
            assert!(Instant::now() < deadline, "no temporary file appeared");
            std::thread::sleep(Duration::from_millis(20));
        }
        std::thread::sleep(Duration::from_millis(300));
        // SAFETY: sends a signal to the child started above.
        assert_eq!(unsafe { libc::kill(pid as libc::pid_t, signal) }, 0);
        let output = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(code), "{err}");
        assert!(
            err.contains("frames of 96×64 pixels will take a while"),
            "a large animation says so on a pipe too: {err}"
        );
        assert!(err.contains("stopped by signal"), "{err}");
        assert!(entries(dir.path()).is_empty(), "{:?}", entries(dir.path()));
    }
}

#[cfg(unix)]
#[test]
fn stale_partials_of_dead_runs_are_swept_and_others_kept() {
    let dir = tempfile::tempdir().unwrap();
    let old = std::time::SystemTime::now() - Duration::from_secs(3600);
    let make = |name: &str, age: Option<std::time::SystemTime>| {
        let path = dir.path().join(name);
        std::fs::write(&path, b"partial").unwrap();
        if let Some(t) = age {
            std::fs::File::options()
                .write(true)
                .open(&path)
                .unwrap()
                .set_modified(t)
                .unwrap();
        }
    };
    // PIDs above the kernel's largest are never alive; PID 1 always is.
    make(".war.gif.4999999-0.partial", Some(old));
    make(".map.png.4999998-12.partial", Some(old));
    make(".fresh.gif.4999997-0.partial", None);
    make(".init.gif.1-0.partial", Some(old));
    make(".notes.4999999-0.partial.txt", Some(old));
    make("user.4999999-0.partial", Some(old));
    let out = dir.path().join("small.png");
    let (code, _, err) = atlas(&[
        "export",
        "--date",
        "2020-11-10",
        "--width",
        "64",
        "--height",
        "64",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        entries(dir.path()),
        [
            ".fresh.gif.4999997-0.partial",
            ".init.gif.1-0.partial",
            ".notes.4999999-0.partial.txt",
            "small.png",
            "user.4999999-0.partial",
        ]
    );
}

#[test]
fn a_file_name_of_255_bytes_can_be_written() {
    let dir = tempfile::tempdir().unwrap();
    // 125 Armenian letters (2 bytes each), "x" and ".png": 255 bytes.
    let name = format!("{}x.png", "ա".repeat(125));
    assert_eq!(name.len(), 255);
    let out = dir.path().join(&name);
    let (code, _, err) = atlas(&[
        "export",
        "--date",
        "2020-11-10",
        "--width",
        "64",
        "--height",
        "64",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(entries(dir.path()), [name]);
    let gif = format!("{}x.gif", "ա".repeat(125));
    let out = dir.path().join(&gif);
    let (code, _, err) = atlas(&[
        "animate",
        "--from",
        "2020-09-27",
        "--to",
        "2020-10-04",
        "--step",
        "7d",
        "--width",
        "64",
        "--height",
        "64",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(entries(dir.path()).contains(&gif));
}

// ---- item 5: only regular files are read or replaced ----

#[cfg(unix)]
fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid C string naming a path in a temporary folder.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
}

/// Runs the binary with a time limit (a hang fails the test instead of
/// stopping the suite).
fn atlas_within(args: &[&str], limit: Duration) -> (i32, String, String) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_caucasus-atlas"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + limit;
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("{args:?} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[cfg(unix)]
#[test]
fn a_fifo_in_the_data_folder_is_refused_not_waited_for() {
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join("places.geojson"));
    write(
        dir.path(),
        "mine.geojson",
        &collection(&[own_feature(
            "zone",
            r#""kind":"x","name":{"en":"Z"},"sources":[{"title":"t"}]"#,
        )]),
    );
    let data = dir.path().to_str().unwrap();
    let (code, _, err) = atlas_within(&["check", "--data", data], Duration::from_secs(60));
    assert_ne!(code, 0);
    assert!(
        err.contains("places.geojson: cannot be read: it is a named pipe (FIFO)"),
        "{err}"
    );
    let fifo = dir.path().join("places.geojson");
    let (code, _, err) = atlas_within(&["check", fifo.to_str().unwrap()], Duration::from_secs(60));
    assert_ne!(code, 0);
    assert!(err.contains("named pipe"), "{err}");
    let (code, _, err) = atlas_within(&["check", data], Duration::from_secs(60));
    assert_ne!(code, 0);
    assert!(err.contains("is a folder, not a regular file"), "{err}");
}

#[cfg(unix)]
#[test]
fn an_out_path_naming_a_fifo_or_a_device_is_left_alone() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.png");
    mkfifo(&fifo);
    let null = dir.path().join("null.gif");
    std::os::unix::fs::symlink("/dev/null", &null).unwrap();
    let (code, _, err) = atlas_within(
        &[
            "export",
            "--date",
            "2020-11-10",
            "--out",
            fifo.to_str().unwrap(),
        ],
        Duration::from_secs(60),
    );
    assert_ne!(code, 0);
    assert!(
        err.contains("is a named pipe (FIFO), not a regular file"),
        "{err}"
    );
    let (code, _, err) = atlas_within(
        &[
            "animate",
            "--from",
            "2020-09-27",
            "--to",
            "2020-10-04",
            "--step",
            "7d",
            "--out",
            null.to_str().unwrap(),
        ],
        Duration::from_secs(60),
    );
    assert_ne!(code, 0);
    assert!(err.contains("is a device, not a regular file"), "{err}");
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    assert!(
        std::fs::symlink_metadata(&null)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(entries(dir.path()), ["null.gif", "pipe.png"]);
}

// ---- item 5: ids, projection, empty geometries ----

#[test]
fn ids_that_break_the_schema_are_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let props = r#""kind":"x","name":{"en":"Z"},"sources":[{"title":"t"}]"#;
    let features = [
        own_feature("<Evil ID> \"q\"", props),
        own_feature("nul\u{0}id", props),
        own_feature("Upper-Case", props),
        own_feature("double--hyphen", props),
        own_feature("good-id-1", props),
    ];
    let file = write(dir.path(), "mine.geojson", &collection(&features));
    let (code, _, err) = atlas(&["check", &file]);
    assert_ne!(code, 0);
    assert_no_raw_controls(&err);
    assert!(err.contains(r#""<Evil ID> "q"" is not an id"#), "{err}");
    assert!(err.contains(r#""nul\u{0}id" is not an id"#), "{err}");
    assert!(err.contains("feature #2: property \"id\""), "{err}");
    assert!(err.contains("feature #3: property \"id\""), "{err}");
    assert!(err.contains("4 problem(s) found"), "{err}");
}

#[test]
fn a_feature_the_projection_cannot_place_fails_check() {
    let dir = tempfile::tempdir().unwrap();
    let point = |id: &str, lon: f64, lat: f64| {
        format!(
            r#"{{"type":"Feature","id":"{id}","properties":{{"kind":"x","name":{{"en":"P"}},"sources":[{{"title":"t"}}]}},"geometry":{{"type":"Point","coordinates":[{lon},{lat}]}}}}"#
        )
    };
    let empty = r#"{"type":"Feature","id":"nothing","properties":{"kind":"x","name":{"en":"P"},"sources":[{"title":"t"}]},"geometry":{"type":"MultiPoint","coordinates":[]}}"#;
    let file = write(
        dir.path(),
        "mine.geojson",
        &collection(&[
            point("south-pole", 0.0, -90.0),
            point("yerevan", 44.5, 40.2),
            empty.to_string(),
        ]),
    );
    let (code, _, err) = atlas(&["check", &file]);
    assert_ne!(code, 0);
    assert!(
        err.contains(r#"feature "south-pole": property "geometry": has the position [0, -90]"#),
        "{err}"
    );
    assert!(
        err.contains(r#"feature "nothing": property "geometry": is an empty MultiPoint"#),
        "{err}"
    );
    assert!(!err.contains("yerevan"), "{err}");
    // `at` and `export` load it, and say that it is not drawn.
    let (code, _, err) = atlas(&[
        "at",
        "--data",
        dir.path().to_str().unwrap(),
        "--date",
        "2020-11-10",
        "--lon",
        "44.5",
        "--lat",
        "40.2",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("warning: 1 feature(s) cannot be placed on the map"),
        "{err}"
    );
}

// ---- item 5: dates outside the atlas ----

#[test]
fn dates_outside_the_atlas_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("m.png");
    let out = out.to_str().unwrap();
    let cases: [(&[&str], &str); 5] = [
        (
            &["export", "--date", "1987-12-31", "--out", out],
            "1987-12-31",
        ),
        (
            &["export", "--date", "2999-01-01", "--out", out],
            "2999-01-01",
        ),
        (
            &["at", "--date", "1900-01-01", "--lon", "44", "--lat", "40"],
            "1900-01-01",
        ),
        (
            &[
                "animate",
                "--from",
                "1988-02-19",
                "--to",
                "1988-03-01",
                "--step",
                "1d",
                "--out",
                out,
            ],
            "1988-02-19",
        ),
        (&["events", "--to", "3000-01-01"], "3000-01-01"),
    ];
    for (args, value) in cases {
        let (code, _, err) = atlas(args);
        assert_ne!(code, 0, "{args:?}");
        assert!(
            err.contains(&format!("{value} is outside the atlas")),
            "{err}"
        );
        assert!(err.contains("1988-02-20"), "{err}");
    }
    // The first day and today are in.
    let (code, _, err) = atlas(&[
        "at",
        "--date",
        "1988-02-20",
        "--lon",
        "44.5",
        "--lat",
        "40.2",
    ]);
    assert_eq!(code, 0, "{err}");
    let today = caucasus_atlas::time::Date::today().to_string();
    let (code, _, err) = atlas(&["at", "--date", &today, "--lon", "44.5", "--lat", "40.2"]);
    assert_eq!(code, 0, "{err}");
    assert!(entries(dir.path()).is_empty());
}
