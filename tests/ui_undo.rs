//! Undo and redo of navigation in the real window (egui_kittest): keys step
//! back and forward through dates, views and selections, and a drag is one step.

use caucasus_atlas::app::AtlasApp;
use egui::{Key, Modifiers, Pos2, Vec2};
use egui_kittest::Harness;

#[path = "common/ui.rs"]
mod ui;
use ui::d;

fn harness_at(date: &str) -> Harness<'static, AtlasApp> {
    ui::window_at(date, Vec2::new(1280.0, 800.0), None)
}

fn press(harness: &mut Harness<'static, AtlasApp>, mods: Modifiers, key: Key) {
    harness.key_press_modifiers(mods, key);
    harness.run();
}

#[test]
fn undo_and_redo_step_through_dates_views_and_selections() {
    let mut harness = harness_at("2020-11-09");
    let fitted = harness.state().view().expect("the map was drawn");

    // Two days forward, one key press each: two steps.
    press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    assert_eq!(harness.state().date(), d("2020-11-11"));

    // A drag over many frames is one step.
    harness.drag_at(Pos2::new(600.0, 400.0));
    harness.run();
    for x in [620.0, 640.0, 660.0, 680.0, 700.0] {
        harness.hover_at(Pos2::new(x, 400.0));
        harness.run();
    }
    harness.drop_at(Pos2::new(700.0, 400.0));
    harness.run();
    let panned = harness.state().view().unwrap();
    assert_ne!(panned, fitted);

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().view().unwrap(), fitted, "undo the drag");
    assert_eq!(harness.state().date(), d("2020-11-11"));
    press(&mut harness, Modifiers::ALT, Key::ArrowLeft);
    assert_eq!(harness.state().date(), d("2020-11-10"), "undo a day");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().date(), d("2020-11-09"));

    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(harness.state().date(), d("2020-11-10"), "redo a day");
    press(&mut harness, Modifiers::ALT, Key::ArrowRight);
    press(&mut harness, Modifiers::ALT, Key::ArrowRight);
    assert_eq!(harness.state().date(), d("2020-11-11"));
    assert_eq!(harness.state().view().unwrap(), panned, "redo the drag");

    // Something new after an undo: nothing left to redo.
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    press(&mut harness, Modifiers::NONE, Key::End);
    let today = harness.state().date();
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(harness.state().date(), today);
}
