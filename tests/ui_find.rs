//! Finding things in the window (egui_kittest): search by any name with
//! Ctrl+F or /, the event list (E) and the help (F1, ?).

use caucasus_atlas::app::{AtlasApp, Command};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[path = "common/ui.rs"]
mod ui;
use ui::d;

fn harness_at(date: &str) -> Harness<'static, AtlasApp> {
    ui::window_at(date, ui::LAPTOP, None)
}

/// Types `text` into the search field and presses Enter.
fn search(harness: &mut Harness<'static, AtlasApp>, text: &str) {
    harness
        .get_by_label("Place, zone, Russian position or event")
        .type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

fn selected(harness: &Harness<'static, AtlasApp>) -> Option<String> {
    harness
        .state()
        .document()
        .selection()
        .map(|(id, _)| id.clone())
}

#[test]
fn ctrl_f_finds_a_place_by_its_azerbaijani_spelling_and_zooms_to_it() {
    let mut harness = harness_at("2021-06-01");
    let fitted = harness.state().view().unwrap();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    search(&mut harness, "Xankendi");
    assert_eq!(selected(&harness).as_deref(), Some("stepanakert"));
    let zoomed = harness.state().view().unwrap();
    assert!(zoomed.points_per_km > 3.0 * fitted.points_per_km);
    assert!(
        harness
            .query_by_label("Place, zone, Russian position or event")
            .is_none()
    );
}

#[test]
fn slash_finds_an_event_and_moves_the_date_to_it() {
    let mut harness = harness_at("2024-01-01");
    harness.key_press(Key::Slash);
    harness.run();
    search(&mut harness, "trilateral");
    assert_eq!(harness.state().date(), d("2020-11-10"));
    assert_eq!(
        selected(&harness).as_deref(),
        Some("2020-11-10-trilateral-ceasefire-statement")
    );
}

#[test]
fn the_event_list_moves_the_date_and_the_help_lists_the_keys() {
    let mut harness = harness_at("2024-01-01");
    harness.key_press(Key::E);
    harness.run();
    // Narrow the list to Shusha so the row is in view.
    harness.get_by_label("Text").focus();
    harness.run();
    harness.get_by_label("Text").type_text("shusha");
    harness.run();
    harness.get_by_label_contains("2020-11-08  ").click();
    harness.run();
    assert_eq!(harness.state().date(), d("2020-11-08"));
    assert!(selected(&harness).is_some_and(|id| id.starts_with("2020-11-08")));

    harness.key_press(Key::F1);
    harness.run();
    harness.get_by_label("Ctrl+Q");
    harness.get_by_label("How to read the map");
    harness.key_press(Key::Questionmark);
    harness.run();
    assert!(harness.query_by_label("How to read the map").is_none());
}

/// The names are folded once, when the data is loaded: typing in the search
/// field and in the event list's filter, frame after frame, builds no index.
#[test]
fn searching_and_filtering_fold_no_names_per_frame() {
    let mut harness = harness_at("2024-01-01");
    let built = caucasus_atlas::search::SearchIndex::builds_on_this_thread();
    harness.key_press(Key::E);
    harness.run();
    harness.get_by_label("Text").focus();
    harness.run();
    harness.get_by_label("Text").type_text("ceasefire");
    harness.run_steps(5);
    harness.get_by_label_contains("2020-11-10  ");
    harness.state_mut().apply(Command::OpenSearch);
    harness.run();
    harness
        .get_by_label("Place, zone, Russian position or event")
        .type_text("Agdam");
    harness.run_steps(5);
    assert!(harness.query_all_by_label_contains("Aghdam").count() > 1);
    assert_eq!(
        caucasus_atlas::search::SearchIndex::builds_on_this_thread(),
        built,
        "an index was built while the panels were shown"
    );
}
