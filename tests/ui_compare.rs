//! Compare mode in the window, driven headless with egui_kittest: turning it
//! on, setting the earlier date on the timeline, the table of gains and
//! losses, the details of a clicked changed area, and the swipe divider.

use std::time::Duration;

use caucasus_atlas::app::compare_mode::CompareStatus;
use caucasus_atlas::app::{AtlasApp, Command};
use caucasus_atlas::data::AtlasData;
use caucasus_atlas::time::{Date, TimeCommand};
use egui::accesskit::Role;
use egui::{Key, Modifiers, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn harness_at(date: &str) -> Harness<'static, AtlasApp> {
    let data = AtlasData::load(None);
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1366.0, 768.0))
        // The worker thread wakes the window when a comparison is ready: a
        // few more frames than a still window needs.
        .with_max_steps(40)
        .build_eframe(move |cc| AtlasApp::new(cc, data));
    harness
        .state_mut()
        .apply(Command::Time(TimeCommand::SetDate(d(date))));
    harness.run();
    harness
}

/// Waits for the worker thread's comparison, then draws a few frames.
fn settle(harness: &mut Harness<'static, AtlasApp>) {
    harness
        .state_mut()
        .wait_for_compare(Duration::from_secs(60));
    harness.run();
    harness.run();
}

/// Where a date is on the timeline bar (the rail's y).
fn bar_point(harness: &Harness<'static, AtlasApp>, date: Date) -> Pos2 {
    let bounds = harness.get_by_role_and_label(Role::Slider, "Date").rect();
    let t = harness.state().document().timeline().clone();
    let x = bounds.left()
        + 10.0
        + (date.days_since(t.start()) as f32 / t.length_days() as f32) * (bounds.width() - 20.0);
    Pos2::new(x, bounds.top() + 34.0)
}

fn press_and_release(harness: &mut Harness<'static, AtlasApp>, from: Pos2, to: Pos2) {
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    for i in 1..=4 {
        harness.hover_at(from + (to - from) * (i as f32 / 4.0));
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
}

#[test]
fn compare_on_with_a_first_date_shows_the_table_in_km2() {
    let mut harness = harness_at("2020-11-10");
    assert!(harness.query_by_label_contains("Changed hands").is_none());
    // The button turns compare mode on; the first date defaults to a year before.
    harness.get_by_label("Compare").click();
    harness.run();
    assert!(harness.state().compare_mode().on);
    assert_eq!(harness.state().compare_mode().from, Some(d("2019-11-11")));
    // Ctrl+click on the bar sets the first date (the second handle).
    let at = bar_point(&harness, d("2020-09-26"));
    harness.hover_at(at);
    harness.run();
    harness.event(egui::Event::ModifiersChanged(Modifiers::COMMAND));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::COMMAND,
        });
    }
    harness.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    harness.run();
    let from = harness.state().compare_mode().from.unwrap();
    // A click on the bar lands within a few days of the date aimed at.
    assert!(from.days_since(d("2020-09-26")).abs() <= 4, "{from}");
    // The shown date did not move.
    assert_eq!(harness.state().date(), d("2020-11-10"));
    // Exactly 26 September, and the table.
    harness
        .state_mut()
        .apply(Command::SetCompareFrom(d("2020-09-26")));
    settle(&mut harness);
    assert!(matches!(
        harness.state().compare_mode().status(),
        CompareStatus::Ready(_)
    ));
    harness.get_by_label("Changed hands, 26 September 2020 to 10 November 2020");
    let row = harness.get_by_label_contains("(de facto) to Azerbaijan");
    assert!(row.value().unwrap().contains("Nagorno-Karabakh"));
    let area = harness
        .get_all_by_label_contains(" km² ± ")
        .filter_map(|n| n.value())
        .find(|v| !v.starts_with("In all"))
        .expect("the row's area");
    let km2: f64 = area
        .split(" km²")
        .next()
        .unwrap()
        .replace(',', "")
        .parse()
        .unwrap();
    // About a third of the 12,000 km² Artsakh held (see tests/compare.rs).
    assert!((3000.0..5500.0).contains(&km2), "{km2}");
    let overlay = harness.state().compare_mode().status().overlay().cloned();
    assert_eq!(overlay.unwrap().table.rows[0].area, area);
    harness.get_by_label_contains("In all ");
    // The legend explains the hatching.
    harness.get_by_label_contains("changed hands since 26 September 2020");
    // C turns it off again, and the table goes.
    harness.key_press(Key::C);
    harness.run();
    assert!(!harness.state().compare_mode().on);
    assert!(harness.query_by_label_contains("In all ").is_none());
}

#[test]
fn the_second_handle_drags_and_a_date_before_it_asks_for_a_later_one() {
    let mut harness = harness_at("2020-11-10");
    harness
        .state_mut()
        .apply(Command::SetCompareFrom(d("2016-01-01")));
    harness.run();
    let from = bar_point(&harness, d("2016-01-01"));
    let to = bar_point(&harness, d("2020-09-26"));
    press_and_release(&mut harness, from, to);
    let moved = harness.state().compare_mode().from.unwrap();
    assert!(moved.days_since(d("2020-09-26")).abs() <= 4, "{moved}");
    assert_eq!(harness.state().date(), d("2020-11-10"), "the date stays");
    // Back before the first date: nothing to compare, and the table says so.
    harness
        .state_mut()
        .apply(Command::Time(TimeCommand::SetDate(d("2019-01-01"))));
    harness.run();
    assert!(matches!(
        harness.state().compare_mode().status(),
        CompareStatus::NotAfter(_)
    ));
    harness.get_by_label_contains("to see what changed hands");
}

#[test]
fn clicking_a_changed_area_shows_from_to_area_and_history() {
    let mut harness = harness_at("2020-11-10");
    harness
        .state_mut()
        .apply(Command::SetCompareFrom(d("2020-09-26")));
    settle(&mut harness);
    // Jabrayil town lies in ground taken in October 2020.
    let projector = harness.state().map_projector().cloned().unwrap();
    let p = projector.lonlat_to_screen(47.0, 39.3).unwrap();
    harness.hover_at(p);
    harness.run();
    harness.drag_at(p);
    harness.run();
    harness.drop_at(p);
    harness.run();
    harness.get_by_label("Changed hands");
    harness.get_by_label_contains("on 2020-09-26, by Azerbaijan on 2020-11-10");
    harness.get_by_label_contains("The whole change (");
    harness.get_by_label("What explains it");
}

#[test]
fn the_swipe_divider_drags() {
    let mut harness = harness_at("2020-11-10");
    harness
        .state_mut()
        .apply(Command::SetCompareFrom(d("2020-09-26")));
    settle(&mut harness);
    harness.key_press(Key::V);
    harness.run();
    harness.run();
    assert!(harness.state().compare_mode().swipe);
    let divider = harness.get_by_label("Swipe divider").rect();
    let start = divider.center();
    let map = harness.state().map_projector().unwrap().viewport;
    let target = Pos2::new(map.left() + map.width() * 0.25, start.y);
    press_and_release(&mut harness, start, target);
    let share = harness.state().compare_mode().divider;
    assert!((share - 0.25).abs() < 0.02, "{share}");
    // The view did not pan while the divider moved.
    assert_eq!(harness.state().document().view(), None);
    // The table stays beside the legend.
    harness.get_by_label_contains("Changed hands, 26 September 2020");
    harness.key_press(Key::V);
    harness.run();
    assert!(!harness.state().compare_mode().swipe);
    assert!(harness.query_by_label("Swipe divider").is_none());
}
