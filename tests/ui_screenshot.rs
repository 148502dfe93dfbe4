//! F12 in the window saves exactly what it shows as a PNG (rendered headless
//! with egui_kittest's wgpu renderer on the CPU: no display needed), and
//! "Screenshot as…" saves it where the save dialog says.

use std::path::PathBuf;

use caucasus_atlas::app::AtlasApp;
use caucasus_atlas::app::file_picker::{FilePicker, SaveDialog};
use caucasus_atlas::data::AtlasData;
use egui::{Key, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Stands in for the user in the save dialog: always this path.
struct Answer(PathBuf);

impl FilePicker for Answer {
    fn save_file(&self, _: &SaveDialog) -> Option<PathBuf> {
        Some(self.0.clone())
    }
}

fn png_size(path: &std::path::Path) -> (u32, u32) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let reader = decoder.read_info().unwrap();
    (reader.info().width, reader.info().height)
}

#[test]
fn f12_writes_the_window_as_a_png_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    // SAFETY: this test binary has this one test, so no other thread reads the
    // environment while it is changed.
    unsafe { std::env::set_var("XDG_PICTURES_DIR", dir.path()) };
    let data = AtlasData::load(None);
    let chosen = dir.path().join("chosen");
    let answer = Answer(chosen.clone());
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1000.0, 700.0))
        .wgpu()
        .build_eframe(move |cc| {
            let mut app = AtlasApp::new(cc, data);
            app.platform.file_picker = std::sync::Arc::new(answer);
            app
        });
    harness.run();
    harness.key_press(Key::F12);
    let mut written = Vec::new();
    for _ in 0..20 {
        harness.step();
        written = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .collect();
        if written
            .iter()
            .any(|p| p.extension().is_some_and(|x| x == "png"))
        {
            break;
        }
    }
    let png = written
        .iter()
        .find(|p| p.extension().is_some_and(|x| x == "png"))
        .unwrap_or_else(|| panic!("no PNG written: {written:?}"));
    assert_eq!(png_size(png), (1000, 700));
    harness.run();
    harness.get_by_label_contains("Screenshot saved to");

    // "Screenshot as…": the answer had no extension, so ".png" is added.
    harness.get_by_label("Screenshot as…").click();
    let expected = chosen.with_extension("png");
    for _ in 0..100 {
        harness.step();
        if expected.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(png_size(&expected), (1000, 700));
}
