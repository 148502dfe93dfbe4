//! F12 in the window saves exactly what it shows as a PNG (rendered headless
//! with egui_kittest's wgpu renderer on the CPU: no display needed).

use caucasus_atlas::app::{AtlasApp, AtlasData};
use egui::{Key, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[test]
fn f12_writes_the_window_as_a_png_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    // SAFETY: this test binary has this one test, so no other thread reads the
    // environment while it is changed.
    unsafe { std::env::set_var("XDG_PICTURES_DIR", dir.path()) };
    let data = AtlasData::load(None);
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1000.0, 700.0))
        .wgpu()
        .build_eframe(move |cc| AtlasApp::new(cc, data));
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
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(png).unwrap()));
    let reader = decoder.read_info().unwrap();
    let info = reader.info();
    assert_eq!((info.width, info.height), (1000, 700));
    harness.run();
    harness.get_by_label_contains("Screenshot saved to");
}
