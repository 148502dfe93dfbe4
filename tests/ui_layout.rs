//! The window at any size (egui_kittest): from 800×600 to 4K at 2× scale, every
//! control stays inside the window and the map keeps at least half its width,
//! also with the details panel open on a long history.

use caucasus_atlas::app::{AtlasApp, Command};
use caucasus_atlas::data::AtlasData;
use caucasus_atlas::time::{Date, TimeCommand};
use egui::Vec2;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};

/// (width, height) in points, and the scale.
const SIZES: [((f32, f32), f32); 4] = [
    ((800.0, 600.0), 1.0),
    ((1024.0, 700.0), 1.0),
    ((1366.0, 768.0), 1.0),
    ((1920.0, 1080.0), 2.0),
];

fn harness(size: (f32, f32), scale: f32) -> Harness<'static, AtlasApp> {
    let data = AtlasData::load(None);
    let mut harness = Harness::builder()
        .with_size(Vec2::new(size.0, size.1))
        .with_pixels_per_point(scale)
        .build_eframe(move |cc| AtlasApp::new(cc, data));
    let date: Date = "2020-11-10".parse().unwrap();
    harness
        .state_mut()
        .apply(Command::Time(TimeCommand::SetDate(date)));
    harness.run();
    harness
}

/// Every control of the given roles lies inside the window (half a point of slack).
fn controls_inside(harness: &Harness<'static, AtlasApp>, size: (f32, f32)) {
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, Vec2::new(size.0, size.1)).expand(0.5);
    for role in [
        Role::Button,
        Role::CheckBox,
        Role::ComboBox,
        Role::TextInput,
        Role::Slider,
    ] {
        for node in harness.query_all(By::new().role(role)) {
            let rect = node.rect();
            assert!(
                window.contains_rect(rect),
                "at {size:?}: {node:?} at {rect:?} is outside the window"
            );
        }
    }
}

#[test]
fn every_control_fits_and_the_map_keeps_half_the_width_at_every_size() {
    for (size, scale) in SIZES {
        let mut harness = harness(size, scale);
        controls_inside(&harness, size);
        // Select a zone with a long history: the details panel opens.
        let zone = "zone-martakert".to_string();
        let at = harness
            .state()
            .map_projector()
            .map(|p| p.screen_to_map(p.viewport.center()))
            .expect("the map was drawn");
        harness
            .state_mut()
            .apply(Command::Select(Some((zone.clone(), at))));
        harness.run();
        assert!(
            harness.state().document().selection().is_some(),
            "{zone} is selected"
        );
        let map = harness
            .state()
            .map_projector()
            .map(|p| p.viewport)
            .expect("the map was drawn");
        assert!(
            map.width() >= 0.5 * size.0 - 1.0,
            "at {size:?} the map is {} points wide",
            map.width()
        );
        // The timeline's slider spans the window, not more.
        let slider = harness.get_by_role(Role::Slider).rect();
        assert!(slider.right() <= size.0 + 0.5 && slider.left() >= -0.5);
    }
}
