//! The window, driven headless with egui_kittest: labels are on the map in
//! Latin and Armenian script, dragging pans, the wheel zooms about the cursor,
//! R resets the view.

use caucasus_atlas::app::{AtlasApp, Command};
use caucasus_atlas::atlas::Language;
use egui::{Event, Modifiers, MouseWheelUnit, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[path = "common/ui.rs"]
mod ui;

fn harness() -> Harness<'static, AtlasApp> {
    // Hover tooltips wait for the pointer to be still for a few frames.
    ui::window(Vec2::new(1280.0, 800.0), Some(12))
}

/// The view that shows the whole region in the map's current rectangle.
fn fitted(harness: &Harness<'static, AtlasApp>) -> caucasus_atlas::spatial::MapView {
    let viewport = harness
        .state()
        .map_projector()
        .expect("the map was drawn")
        .viewport;
    caucasus_atlas::spatial::MapView::fit_region(viewport.width(), viewport.height())
}

#[test]
fn the_map_shows_latin_and_armenian_labels() {
    let mut harness = harness();
    harness.get_by_label("Yerevan");
    harness.get_by_label("Tbilisi");
    harness.get_by_label("Baku");
    harness
        .state_mut()
        .apply(Command::SetLanguage(Language::Hy));
    harness.run();
    harness.get_by_label("Երևան");
    harness
        .state_mut()
        .apply(Command::SetLanguage(Language::Ka));
    harness.run();
    harness.get_by_label("თბილისი");
}

#[test]
fn dragging_pans_and_the_wheel_zooms_about_the_cursor() {
    let mut harness = harness();
    let start = harness
        .state()
        .view()
        .expect("the first frame fits the region");

    // Drag the map 100 points to the right: the view centre moves west.
    harness.drag_at(Pos2::new(600.0, 400.0));
    harness.run();
    harness.hover_at(Pos2::new(700.0, 400.0));
    harness.run();
    harness.drop_at(Pos2::new(700.0, 400.0));
    harness.run();
    let panned = harness.state().view().unwrap();
    let moved_km = start.center[0] - panned.center[0];
    assert!(
        (moved_km * start.points_per_km - 100.0).abs() < 2.0,
        "centre moved {moved_km} km at {} pt/km",
        start.points_per_km
    );
    assert_eq!(panned.points_per_km, start.points_per_km);

    // Scroll up over a point: the scale grows and that point stays put.
    let cursor = Pos2::new(500.0, 350.0);
    harness.hover_at(cursor);
    harness.run();
    harness.event(Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: Vec2::new(0.0, 120.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    let zoomed = harness.state().view().unwrap();
    assert!(
        zoomed.points_per_km > panned.points_per_km * 1.2,
        "{zoomed:?} vs {panned:?}"
    );

    // R puts the whole region back.
    harness.key_press(egui::Key::R);
    harness.run();
    assert_eq!(harness.state().view().unwrap(), fitted(&harness));
}

#[test]
fn the_reset_button_has_its_shortcut_in_the_tooltip_and_works() {
    let mut harness = harness();
    harness.hover_at(Pos2::new(640.0, 400.0));
    harness.run();
    harness.event(Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: Vec2::new(0.0, 200.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    assert_ne!(
        harness.state().view().unwrap(),
        fitted(&harness),
        "the wheel zoomed in"
    );
    harness.get_by_label_contains("Reset view").hover();
    harness.run();
    harness.get_by_label_contains("Show the whole region (R)");
    harness.get_by_label_contains("Reset view").click();
    harness.run();
    assert_eq!(harness.state().view().unwrap(), fitted(&harness));
}

#[test]
fn the_legend_lists_what_is_on_screen_and_folds() {
    let mut harness = harness();
    harness
        .state_mut()
        .apply(Command::Time(caucasus_atlas::time::TimeCommand::SetDate(
            "2021-06-01".parse().unwrap(),
        )));
    harness.run();
    // The whole region: Abkhazia and South Ossetia are in the legend.
    harness.get_by_label("Held by Abkhazia (de facto)");
    harness.get_by_label("Held by Nagorno-Karabakh Republic / Artsakh (de facto)");

    // Zoom in on Karabakh with the wheel until Georgia is off screen.
    let stepanakert = harness
        .state()
        .map_projector()
        .and_then(|p| p.lonlat_to_screen(46.75, 39.82))
        .expect("Stepanakert is on the map");
    harness.hover_at(stepanakert);
    harness.run();
    for _ in 0..4 {
        harness.event(Event::MouseWheel {
            unit: MouseWheelUnit::Point,
            delta: Vec2::new(0.0, 300.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: Modifiers::NONE,
        });
        // Smooth scrolling spreads the zoom over several frames.
        harness.run_steps(10);
    }
    let zoom = harness.state().view().unwrap().points_per_km / fitted(&harness).points_per_km;
    assert!(zoom > 4.0, "zoomed {zoom}×");
    harness.run_steps(2);
    harness.get_by_label("Held by Nagorno-Karabakh Republic / Artsakh (de facto)");
    assert!(
        harness
            .query_by_label("Held by Abkhazia (de facto)")
            .is_none(),
        "Abkhazia is off screen but in the legend"
    );

    // The header folds the legend and opens it again.
    harness.get_by_label("Legend").click();
    harness.run();
    assert!(harness.query_by_label("Held by Azerbaijan").is_none());
    harness.get_by_label("Legend").click();
    harness.run();
    harness.get_by_label("Held by Azerbaijan");
}
