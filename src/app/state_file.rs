//! eframe's state file (`app.ron`: egui's memory, the window's size and place,
//! and our own record), checked before eframe reads it. egui trusts what it
//! reads: a zoom of 0, NaN or 1e30 in its memory ends start-up with an
//! assertion, and the file is never rewritten, so the program could never
//! start again. Here a value out of range loses its entry, a file that cannot
//! be read is moved aside, and the user is told; start-up always goes on.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The app id eframe names its folder after (also the window's title).
pub const APP_ID: &str = "Caucasus Atlas";
/// egui's memory, in eframe's file.
const EGUI_KEY: &str = "egui";
/// The window's size and place, in eframe's file.
const WINDOW_KEY: &str = "window";
/// The zoom factors egui can draw with.
const ZOOM_RANGE: std::ops::RangeInclusive<f64> = 0.2..=5.0;
/// Coordinates and sizes beyond this (points) are not a window on any screen.
const LARGEST_COORDINATE: f64 = 100_000.0;

/// Where eframe keeps the state on this machine.
pub fn default_path() -> Option<PathBuf> {
    eframe::storage_dir(APP_ID).map(|dir| dir.join("app.ron"))
}

/// Checks the state file at `path` and repairs it in place; returns a note
/// for the user when something had to go (nothing when all was well or there
/// is no file yet).
pub fn check_and_repair(path: &Path) -> Option<String> {
    let shown = path.display();
    let text = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => {
            return Some(format!(
                "The saved window state {shown} could not be read ({e}); the window starts with its defaults."
            ));
        }
    };
    let entries = std::str::from_utf8(&text)
        .ok()
        .and_then(|t| ron::from_str::<HashMap<String, String>>(t).ok());
    let Some(mut entries) = entries else {
        return Some(move_aside(path));
    };
    let mut dropped = Vec::new();
    for (key, what) in [
        (EGUI_KEY, "zoom and panel sizes"),
        (WINDOW_KEY, "window size and place"),
    ] {
        if entries.get(key).is_some_and(|value| !sane(key, value)) {
            entries.remove(key);
            dropped.push(what);
        }
    }
    if dropped.is_empty() {
        return None;
    }
    let written = ron::to_string(&entries)
        .map_err(|e| e.to_string())
        .and_then(|t| {
            crate::render::export::write_file(path, t.as_bytes()).map_err(|e| e.to_string())
        });
    let reset = dropped.join(" and ");
    Some(match written {
        Ok(()) => format!("The saved {reset} were out of range and have been reset."),
        Err(e) => format!(
            "The saved {reset} were out of range and are not used ({shown} could not be rewritten: {e})."
        ),
    })
}

/// Moves an unreadable file aside (kept for a bug report) and says so.
fn move_aside(path: &Path) -> String {
    let aside = path.with_extension("ron.unreadable");
    match std::fs::rename(path, &aside) {
        Ok(()) => format!(
            "The saved window state could not be read; it was moved to {} and the window starts with its defaults.",
            aside.display()
        ),
        Err(e) => format!(
            "The saved window state {} could not be read ({e}); the window starts with its defaults.",
            path.display()
        ),
    }
}

/// Whether a stored value can be handed to egui/winit: it parses, every
/// number is finite and of a size a screen can have, and a zoom factor is one
/// egui can draw with.
fn sane(key: &str, value: &str) -> bool {
    let Ok(parsed) = ron::from_str::<ron::Value>(value) else {
        return false;
    };
    numbers_sane(&parsed, key == EGUI_KEY, None)
}

fn numbers_sane(value: &ron::Value, check_zoom: bool, field: Option<&str>) -> bool {
    match value {
        // Integers are ids and counts; only fractional numbers are sizes,
        // positions and factors.
        ron::Value::Number(n @ (ron::Number::F32(_) | ron::Number::F64(_))) => {
            let x = n.into_f64();
            let zoom_ok = !(check_zoom && field == Some("zoom_factor")) || ZOOM_RANGE.contains(&x);
            x.is_finite() && x.abs() <= LARGEST_COORDINATE && zoom_ok
        }
        ron::Value::Map(map) => map.iter().all(|(k, v)| {
            let name = match k {
                ron::Value::String(s) => Some(s.as_str()),
                _ => None,
            };
            numbers_sane(k, check_zoom, None) && numbers_sane(v, check_zoom, name.or(field))
        }),
        ron::Value::Seq(items) => items.iter().all(|v| numbers_sane(v, check_zoom, field)),
        ron::Value::Option(Some(v)) => numbers_sane(v, check_zoom, field),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A state file like eframe's, with egui's zoom set to `zoom`.
    fn file_with_zoom(zoom: &str) -> String {
        let memory = format!(
            "(options:(zoom_factor:{zoom},tessellation_options:(feathering:true)),areas:{{}})"
        );
        let window = "(inner_size_points:Some((x:1280.0,y:800.0)),fullscreen:false)".to_string();
        let ours = "{\"version\":1}".to_string();
        let map: HashMap<String, String> = [
            ("egui".to_string(), memory),
            ("window".to_string(), window),
            ("caucasus-atlas/state".to_string(), ours),
        ]
        .into();
        ron::to_string(&map).unwrap()
    }

    fn repaired(contents: &[u8]) -> (Option<String>, Option<HashMap<String, String>>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("app.ron");
        std::fs::write(&path, contents).unwrap();
        let note = check_and_repair(&path);
        let after = std::fs::read_to_string(&path)
            .ok()
            .and_then(|t| ron::from_str(&t).ok());
        (note, after)
    }

    #[test]
    fn a_good_file_is_left_alone() {
        let (note, after) = repaired(file_with_zoom("1.25").as_bytes());
        assert_eq!(note, None);
        assert!(after.unwrap().contains_key("egui"));
    }

    #[test]
    fn a_zoom_egui_cannot_draw_with_loses_egui_memory_and_keeps_the_rest() {
        for zoom in ["0.0", "NaN", "1e30", "-3.0", "inf"] {
            let (note, after) = repaired(file_with_zoom(zoom).as_bytes());
            let note = note.unwrap_or_else(|| panic!("zoom {zoom} passed"));
            assert!(note.contains("reset"), "{note}");
            let after = after.expect("the file is still eframe's format");
            assert!(!after.contains_key("egui"), "zoom {zoom}");
            assert!(after.contains_key("caucasus-atlas/state"));
            assert!(after.contains_key("window"));
        }
    }

    #[test]
    fn a_window_off_every_screen_is_forgotten() {
        let text = file_with_zoom("1.0").replace("1280.0", "1e300");
        let (note, after) = repaired(text.as_bytes());
        assert!(note.unwrap().contains("window size"));
        assert!(!after.unwrap().contains_key("window"));
    }

    #[test]
    fn an_unreadable_file_is_moved_aside_with_a_note() {
        let good = file_with_zoom("1.0");
        let truncated = &good.as_bytes()[..good.len() / 2];
        for contents in [&b"junk"[..], b"\0\0\0\0", b"", truncated, b"\xff\xfe"] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("app.ron");
            std::fs::write(&path, contents).unwrap();
            let note = check_and_repair(&path).expect("a note");
            assert!(note.contains("moved to"), "{note}");
            assert!(!path.exists(), "eframe starts from nothing");
        }
    }

    #[test]
    fn a_folder_in_the_files_place_is_named_and_start_up_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("app.ron");
        std::fs::create_dir(&path).unwrap();
        let note = check_and_repair(&path).expect("a note");
        assert!(note.contains("could not be read"), "{note}");
        assert_eq!(check_and_repair(&dir.path().join("missing.ron")), None);
    }
}
