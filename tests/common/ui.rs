//! The harness setup shared by the window's tests (`tests/ui_*.rs`), which
//! include this file with `#[path = "common/ui.rs"] mod ui;` (only the tests
//! that build with the `gui` feature). Each test binary uses some of it.
#![allow(dead_code)]

use caucasus_atlas::app::{AtlasApp, Command};
use caucasus_atlas::data::AtlasData;
use caucasus_atlas::time::{Date, TimeCommand};
use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};

/// The screen of the rules' look-as-a-user check.
pub const LAPTOP: Vec2 = Vec2::new(1366.0, 768.0);

/// A day of the atlas (panics on a typo in a test).
pub fn d(s: &str) -> Date {
    s.parse().unwrap()
}

/// The window with the bundled data at `size`, before its first frame;
/// `max_steps` bounds how many frames one `run` may take (hover tooltips and
/// glides need a few more than the default).
fn build(size: Vec2, max_steps: Option<u64>) -> Harness<'static, AtlasApp> {
    let data = AtlasData::load(None);
    let mut builder = Harness::builder().with_size(size);
    if let Some(steps) = max_steps {
        builder = builder.with_max_steps(steps);
    }
    builder.build_eframe(move |cc| AtlasApp::new(cc, data))
}

/// The window at `size` after its first frames, on the date it opens with.
pub fn window(size: Vec2, max_steps: Option<u64>) -> Harness<'static, AtlasApp> {
    let mut harness = build(size, max_steps);
    harness.run();
    harness
}

/// The window at `size`, moved to `date` before its first frames.
pub fn window_at(date: &str, size: Vec2, max_steps: Option<u64>) -> Harness<'static, AtlasApp> {
    let mut harness = build(size, max_steps);
    harness
        .state_mut()
        .apply(Command::Time(TimeCommand::SetDate(d(date))));
    harness.run();
    harness
}

/// Clicks the map at a lon/lat (press and release without moving).
pub fn click_map_at(harness: &mut Harness<'static, AtlasApp>, lon: f64, lat: f64) {
    let projector = harness
        .state()
        .map_projector()
        .cloned()
        .expect("the map was drawn");
    let p = projector.lonlat_to_screen(lon, lat).unwrap();
    harness.hover_at(p);
    harness.run();
    harness.drag_at(p);
    harness.run();
    harness.drop_at(p);
    harness.run();
}

/// The text field highest in the window (above the timeline's date field).
pub fn topmost_text_field<'h>(harness: &'h Harness<'static, AtlasApp>) -> egui_kittest::Node<'h> {
    harness
        .query_all(By::new().role(egui::accesskit::Role::TextInput))
        .min_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .expect("a text field")
}
