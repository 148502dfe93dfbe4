//! The timeline and the details panel, driven headless with egui_kittest.

use caucasus_atlas::app::{AtlasApp, Command};
use caucasus_atlas::atlas::LayerKind;
use caucasus_atlas::time::{Date, TimeCommand};
use egui::accesskit::Role;
use egui::{Key, Modifiers, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[path = "common/ui.rs"]
mod ui;
use ui::click_map_at;
use ui::d;

fn harness_at(date: &str) -> Harness<'static, AtlasApp> {
    ui::window_at(date, Vec2::new(1400.0, 860.0), None)
}

#[test]
fn the_slider_can_be_set_through_accesskit_and_by_dragging() {
    let mut harness = harness_at("2000-01-01");
    let slider = harness.get_by_role(Role::Slider);
    let days = d("2020-11-10").days_since(d("1988-02-20")) as f64;
    slider.set_value_accesskit(days);
    harness.run();
    assert_eq!(harness.state().date(), d("2020-11-10"));

    // Drag the handle to the far left: the first day.
    let bounds = harness.get_by_role(Role::Slider).rect();
    let handle_y = bounds.top() + 34.0;
    let x = |date: Date, h: &Harness<'static, AtlasApp>| {
        let t = h.state().document().timeline().clone();
        bounds.left()
            + 10.0
            + (date.days_since(t.start()) as f32 / t.length_days() as f32) * (bounds.width() - 20.0)
    };
    let start = Pos2::new(x(d("2020-11-10"), &harness), handle_y);
    harness.drag_at(start);
    harness.run();
    harness.hover_at(Pos2::new(bounds.left() - 50.0, handle_y));
    harness.run();
    harness.drop_at(Pos2::new(bounds.left() - 50.0, handle_y));
    harness.run();
    assert_eq!(harness.state().date(), d("1988-02-20"));
}

#[test]
fn every_shortcut_moves_the_date_as_described_even_with_the_map_focused() {
    let mut harness = harness_at("2020-11-09");
    // Give the map the pointer and a click first (clicking empty sea clears the selection).
    click_map_at(&mut harness, 50.5, 43.5);
    let mut press = |mods: Modifiers, key: Key, expected: &str| {
        harness.key_press_modifiers(mods, key);
        harness.run();
        assert_eq!(harness.state().date(), d(expected), "{mods:?} {key:?}");
    };
    press(Modifiers::NONE, Key::ArrowRight, "2020-11-10");
    press(Modifiers::NONE, Key::ArrowLeft, "2020-11-09");
    press(Modifiers::SHIFT, Key::ArrowRight, "2020-12-09");
    press(Modifiers::SHIFT, Key::ArrowLeft, "2020-11-09");
    press(Modifiers::COMMAND, Key::ArrowRight, "2021-11-09");
    press(Modifiers::COMMAND, Key::ArrowLeft, "2020-11-09");
    press(Modifiers::NONE, Key::Home, "1988-02-20");
    let today = Date::today().to_string();
    press(Modifiers::NONE, Key::End, &today);
}

#[test]
fn brackets_jump_between_event_dates() {
    let mut harness = harness_at("2020-10-01");
    let marks: Vec<Date> = harness
        .state()
        .data()
        .atlas
        .marks()
        .iter()
        .map(|m| m.date)
        .collect();
    harness.key_press(Key::CloseBracket);
    harness.run();
    let next = harness.state().date();
    assert!(next > d("2020-10-01") && marks.contains(&next), "{next}");
    assert!(
        !marks.iter().any(|&m| m > d("2020-10-01") && m < next),
        "skipped a mark before {next}"
    );
    harness.key_press(Key::OpenBracket);
    harness.run();
    let previous = harness.state().date();
    assert!(
        previous < next && previous <= d("2020-10-01") && marks.contains(&previous),
        "{previous}"
    );
}

#[test]
fn play_advances_over_frames_and_pause_stops() {
    let mut harness = harness_at("2020-01-01");
    harness.key_press(Key::Space);
    harness.step();
    assert!(harness.state().document().timeline().playing());
    for _ in 0..30 {
        harness.step();
    }
    let played_to = harness.state().date();
    assert!(played_to > d("2020-01-01"), "still on {played_to}");
    harness.key_press(Key::Space);
    harness.step();
    let paused_at = harness.state().date();
    for _ in 0..20 {
        harness.step();
    }
    assert_eq!(harness.state().date(), paused_at);
    assert!(!harness.state().document().timeline().playing());
}

#[test]
fn clicking_shusha_shows_who_held_it_and_follows_the_date() {
    let mut harness = harness_at("2020-11-01");
    let shusha = harness
        .state()
        .data()
        .atlas
        .feature("shusha")
        .unwrap()
        .geometry
        .clone();
    let geo::Geometry::Point(at) = shusha else {
        panic!("Shusha is a point")
    };
    click_map_at(&mut harness, at.x(), at.y());
    assert_eq!(
        harness
            .state()
            .document()
            .selection()
            .cloned()
            .expect("a feature is selected")
            .0,
        "shusha"
    );
    harness.get_by_label_contains("is held by Nagorno-Karabakh Republic / Artsakh");
    for _ in 0..8 {
        harness.key_press(Key::ArrowRight);
        harness.run();
    }
    assert_eq!(harness.state().date(), d("2020-11-09"));
    harness.get_by_label_contains("is held by Azerbaijan");

    // Clicking a history row moves the slider to that row's date (the row is
    // scrolled into view first: each row lists its sources).
    harness.get_by_label("since 8 Nov 2020").scroll_to_me();
    harness.run();
    harness.get_by_label("since 8 Nov 2020").click();
    harness.run();
    assert_eq!(harness.state().date(), d("2020-11-08"));
}

#[test]
fn clicking_empty_sea_clears_the_selection() {
    let mut harness = harness_at("2021-06-01");
    click_map_at(&mut harness, 46.72, 39.72);
    assert!(harness.state().document().selection().is_some());
    click_map_at(&mut harness, 50.5, 43.5);
    assert!(harness.state().document().selection().is_none());
}

#[test]
fn a_hidden_layer_is_neither_drawn_nor_found() {
    let mut harness = harness_at("2021-06-01");
    harness.get_by_label("Stepanakert (Khankendi)");
    let stepanakert = harness
        .state()
        .map_projector()
        .cloned()
        .unwrap()
        .lonlat_to_map(46.752, 39.815)
        .unwrap();
    assert!(
        harness
            .state()
            .features_at(stepanakert, 3.0)
            .iter()
            .any(|h| h.feature.layer == LayerKind::Places)
    );
    harness.get_by_label_contains("places (").click();
    harness.run();
    assert!(harness.query_by_label("Stepanakert (Khankendi)").is_none());
    assert!(
        !harness
            .state()
            .features_at(stepanakert, 3.0)
            .iter()
            .any(|h| h.feature.layer == LayerKind::Places)
    );
    // Country, sea and event names stay; no place is named.
    let place_labels = harness
        .state_mut()
        .scene()
        .labels
        .iter()
        .filter(|l| l.style == caucasus_atlas::scene::LabelStyle::Place)
        .count();
    assert_eq!(place_labels, 0);
}

#[test]
fn an_invalid_typed_date_shows_a_message_and_keeps_the_date() {
    let mut harness = harness_at("2019-06-01");
    harness.get_by_role(Role::TextInput).click();
    harness.run();
    harness.get_by_role(Role::TextInput).type_text("2020-13-45");
    harness.run();
    harness.get_by_label("Go").click();
    harness.run();
    harness.get_by_label_contains("\"2020-13-45\" is not a date");
    assert_eq!(harness.state().date(), d("2019-06-01"));
}

#[test]
fn the_wheel_zooms_the_timeline_to_single_days_and_a_preset_sets_the_range() {
    let mut harness = harness_at("2020-10-01");
    let bar = harness.get_by_role(Role::Slider).rect();
    let rail_y = bar.top() + 34.0;
    // Zoom in about the handle until a day is wider than a few points.
    let handle = |h: &Harness<'static, AtlasApp>| {
        let w = h.state().panels().timeline.window();
        let (from, to) = w.map_or((d("1988-02-20"), Date::today()), |w| (w.from, w.to));
        let t = d("2020-10-01").days_since(from) as f32 / to.days_since(from) as f32;
        bar.left() + 10.0 + t * (bar.width() - 20.0)
    };
    for _ in 0..12 {
        harness.hover_at(Pos2::new(handle(&harness), rail_y));
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: Vec2::new(0.0, 200.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: Modifiers::NONE,
        });
        harness.run_steps(6);
    }
    let window = harness
        .state()
        .panels()
        .timeline
        .window()
        .expect("the bar is zoomed");
    let span = window.to.days_since(window.from);
    assert!(span <= 120, "the bar shows {span} days");
    assert_eq!(
        harness.state().date(),
        d("2020-10-01"),
        "zooming keeps the date"
    );
    // Now 27 September can be reached by clicking the rail.
    let x = bar.left()
        + 10.0
        + (d("2020-09-27").days_since(window.from) as f32 / span as f32) * (bar.width() - 20.0);
    harness.hover_at(Pos2::new(x, rail_y));
    harness.run();
    harness.drag_at(Pos2::new(x, rail_y));
    harness.run();
    harness.drop_at(Pos2::new(x, rail_y));
    harness.run();
    assert_eq!(harness.state().date(), d("2020-09-27"));

    // The 2020 war preset: playback runs over it and loops inside it.
    harness.get_by_label("Range").click();
    harness.run();
    harness.get_by_label("2020 war").click();
    harness.run();
    assert_eq!(
        harness.state().document().timeline().range(),
        Some((d("2020-09-27"), d("2020-12-01")))
    );
    harness
        .state_mut()
        .apply(Command::Time(TimeCommand::SetLoop(true)));
    harness
        .state_mut()
        .apply(Command::Time(TimeCommand::SetSpeed(365.25)));
    harness
        .state_mut()
        .apply(Command::Time(TimeCommand::TogglePlay));
    for _ in 0..40 {
        harness.step();
        let date = harness.state().date();
        assert!(date >= d("2020-09-27") && date <= d("2020-12-01"), "{date}");
    }
    // What happened on the date is written under the bar.
    harness.state_mut().apply(Command::Time(TimeCommand::Pause));
    harness
        .state_mut()
        .apply(Command::Time(TimeCommand::SetDate(d("2020-11-10"))));
    harness.run();
    harness.get_by_label_contains("10 November 2020: ");
}

/// The layer panel's *Place names* choice relabels the map: on 1 Jan 2024
/// Azerbaijan holds Stepanakert, so its name leads, and alone under "only".
#[test]
fn the_place_names_choice_orders_the_labels() {
    let mut harness = harness_at("2024-01-01");
    harness.get_by_label("Khankendi (Stepanakert)");
    harness.get_by_label("Armenian name first").click();
    harness.run();
    harness.get_by_label("Stepanakert (Khankendi)");
    harness.get_by_label("Holder's name only").click();
    harness.run();
    harness.get_by_label("Khankendi");
    assert!(harness.query_by_label("Khankendi (Stepanakert)").is_none());
    assert_eq!(
        harness.state().persisted().names,
        caucasus_atlas::atlas::NameOrder::Single
    );
}
