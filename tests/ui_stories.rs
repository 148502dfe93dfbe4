//! The story player in the window (egui_kittest): a story's steps move the
//! date and the view and show the verdict; leaving returns the user's place.

use caucasus_atlas::app::{AtlasApp, Command, stories_panel};
use caucasus_atlas::atlas::LayerKind;
use caucasus_atlas::story;
use caucasus_atlas::time::Date;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[path = "common/ui.rs"]
mod ui;
use ui::topmost_text_field;

#[test]
fn stepping_through_the_may_2024_story_and_leaving_it() {
    let start: Date = "2019-06-01".parse().unwrap();
    let mut harness = story_harness("2019-06-01");
    let stories = story::bundled();
    let may = stories
        .get("may-2024-russia-withdraws")
        .expect("the May 2024 story is bundled");

    harness.get_by_label("Stories").click();
    harness.run();
    harness.get_by_label(&may.title).click();
    harness.run();
    let first = may.step(1).expect("a first step");
    assert_eq!(harness.state().date(), first.view.date);
    harness.get_by_label_contains(first.verdict.label());
    harness.get_by_label(&format!("Claim 1 of {}", may.steps.len()));

    harness.get_by_label("Next claim").click();
    harness.run();
    let second = may.step(2).expect("a second step");
    assert_eq!(harness.state().date(), second.view.date);

    harness.get_by_label("Leave the story").click();
    harness.run();
    assert_eq!(harness.state().date(), start, "the user's own date again");
}

/// Types `path` into the Stories window's field and presses *Open*.
fn open(harness: &mut Harness<'static, AtlasApp>, path: &std::path::Path) {
    topmost_text_field(harness).click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    topmost_text_field(harness).type_text(&path.display().to_string());
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
}

fn story_harness(start: &str) -> Harness<'static, AtlasApp> {
    ui::window_at(start, ui::LAPTOP, Some(12))
}

#[test]
fn arrows_step_the_story_the_map_glides_and_outlines_every_feature() {
    let mut harness = story_harness("2019-06-01");
    let stories = story::bundled();
    let may = stories.get("may-2024-russia-withdraws").unwrap();
    harness.get_by_label("Stories").click();
    harness.run();
    harness.get_by_label(&may.title).click();
    harness.run();
    let highlighted = harness.state().panels().stories.highlighted().to_vec();
    assert_eq!(highlighted, may.step(1).unwrap().view.highlight);
    assert!(
        highlighted.len() > 1,
        "the first step names several features"
    );

    // → is the next claim (not the next day), ← the previous one.
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().date(), may.step(2).unwrap().view.date);
    harness.get_by_label(&format!("Claim 2 of {}", may.steps.len()));
    harness.key_press(egui::Key::ArrowRight);
    harness.step();
    let third = may.step(3).unwrap();
    assert_eq!(harness.state().date(), third.view.date, "the date jumps");
    let map = harness.state().map_projector().unwrap().viewport;
    let free = stories_panel::free_area(map, harness.state().panels().stories.window_rect());
    let target = stories_panel::fit_box_in(&third.view.bbox, map, free);
    // The view glides there over half a second (a step is 0.25 s).
    harness.step();
    let midway = harness.state().view().unwrap();
    assert_ne!(midway, target, "the view does not jump");
    harness.run_steps(3);
    let arrived = harness.state().view().unwrap();
    assert!(
        (arrived.points_per_km - target.points_per_km).abs() < 1e-9
            && (arrived.center[0] - target.center[0]).abs() < 1e-6,
        "{arrived:?} vs {target:?}"
    );
    assert_eq!(
        harness.state().panels().stories.highlighted(),
        third.view.highlight.as_slice()
    );
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().date(), may.step(2).unwrap().view.date);
}

#[test]
fn a_users_story_file_opens_and_a_broken_one_is_named_without_losing_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut own: serde_json::Value = serde_json::from_str(
        story::BUNDLED_STORIES
            .iter()
            .find(|(file, _)| file.contains("trilateral"))
            .unwrap()
            .1,
    )
    .unwrap();
    own["id"] = "my-own-walk".into();
    own["title"] = "My own walk through the statement".into();
    let good = dir.path().join("mine.json");
    std::fs::write(&good, serde_json::to_string(&own).unwrap()).unwrap();
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{ \"id\": ").unwrap();

    let mut harness = story_harness("2019-06-01");
    harness.get_by_label("Stories").click();
    harness.run();
    let bundled = harness.state().panels().stories.titles().len();
    open(&mut harness, &broken);
    harness.get_by_label_contains("broken.json");
    assert_eq!(harness.state().panels().stories.titles().len(), bundled);
    open(&mut harness, &good);
    assert!(harness.query_by_label_contains("broken.json").is_none());
    harness
        .get_by_label("My own walk through the statement")
        .click();
    harness.run();
    harness.get_by_label_contains("Claim 1 of");
}

/// The window covers part of the map: each step's box is fitted to the part
/// left visible, so every corner of the box is on the map and none under the
/// Stories window.
#[test]
fn a_steps_box_is_fitted_beside_the_stories_window() {
    let mut harness = story_harness("2019-06-01");
    let stories = story::bundled();
    let may = stories.get("may-2024-russia-withdraws").unwrap();
    harness.get_by_label("Stories").click();
    harness.run();
    harness.get_by_label(&may.title).click();
    harness.run();
    for _ in 0..2 {
        harness.key_press(egui::Key::ArrowRight);
        harness.run();
    }
    let step = may.step(3).unwrap();
    let window = harness
        .state()
        .panels()
        .stories
        .window_rect()
        .expect("the Stories window is drawn");
    let projector = harness.state().map_projector().unwrap().clone();
    assert!(
        window.intersects(projector.viewport),
        "the test needs a window over the map"
    );
    // The box on screen: its edges sampled (parallels curve in the conic).
    let b = &step.view.bbox;
    let mut on_screen = egui::Rect::NOTHING;
    for i in 0..=10 {
        let t = i as f64 / 10.0;
        let lon = b.min_lon + t * (b.max_lon - b.min_lon);
        let lat = b.min_lat + t * (b.max_lat - b.min_lat);
        for (x, y) in [
            (lon, b.min_lat),
            (lon, b.max_lat),
            (b.min_lon, lat),
            (b.max_lon, lat),
        ] {
            on_screen.extend_with(projector.lonlat_to_screen(x, y).unwrap());
        }
    }
    assert!(
        projector.viewport.expand(1.0).contains_rect(on_screen),
        "the box {on_screen:?} is not all on the map {:?}",
        projector.viewport
    );
    assert!(
        !window.shrink(1.0).intersects(on_screen),
        "the box {on_screen:?} is partly under the Stories window {window:?}"
    );
}

/// A step that names its layers shows just those while the story plays;
/// leaving the story gives back the layers the user had, as well as the
/// date and the view.
#[test]
fn a_steps_layers_are_shown_and_the_users_come_back_on_leaving() {
    let dir = tempfile::tempdir().unwrap();
    let mut own: serde_json::Value = serde_json::from_str(
        story::BUNDLED_STORIES
            .iter()
            .find(|(file, _)| file.contains("trilateral"))
            .unwrap()
            .1,
    )
    .unwrap();
    own["id"] = "layers-walk".into();
    own["title"] = "A walk with layers".into();
    own["steps"][0]["layers"] = serde_json::json!(["control", "lines", "events", "places"]);
    let path = dir.path().join("layers.json");
    std::fs::write(&path, serde_json::to_string(&own).unwrap()).unwrap();

    let mut harness = story_harness("2019-06-01");
    // The user's own choice: no lines of contact.
    harness
        .state_mut()
        .apply(Command::SetLayerVisible(LayerKind::Lines, false));
    harness.run();
    let users_view = harness.state().view();
    harness.get_by_label("Stories").click();
    harness.run();
    open(&mut harness, &path);
    harness.get_by_label("A walk with layers").click();
    harness.run();
    let document = harness.state().document();
    for shown in [
        LayerKind::Control,
        LayerKind::Lines,
        LayerKind::Events,
        LayerKind::Places,
    ] {
        assert!(document.shows(&shown), "{shown:?} is hidden in the step");
    }
    for hidden in [
        LayerKind::Corridor,
        LayerKind::RussianForces,
        LayerKind::Admin1,
    ] {
        assert!(!document.shows(&hidden), "{hidden:?} is shown in the step");
    }
    // The second step names no layers: every layer.
    harness.get_by_label("Next claim").click();
    harness.run();
    assert!(harness.state().document().hidden_layers().is_empty());

    harness.get_by_label("Leave the story").click();
    harness.run();
    let document = harness.state().document();
    assert_eq!(
        document.hidden_layers().iter().collect::<Vec<_>>(),
        [&LayerKind::Lines],
        "the user's own layers again"
    );
    assert_eq!(
        harness.state().view(),
        users_view,
        "the user's own view again"
    );
}

/// eframe's storage in memory: what `save` writes.
#[derive(Default)]
struct Memory(std::collections::HashMap<String, String>);

impl eframe::Storage for Memory {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

/// Quitting (or eframe's periodic save) in the middle of a story saves the
/// user's own date, view and layers, not the step's: the next start is
/// where the user was.
#[test]
fn saving_while_a_story_plays_keeps_the_users_date_view_and_layers() {
    use caucasus_atlas::app::state::{STORAGE_KEY, parse};
    use eframe::App as _;
    use eframe::Storage as _;
    let start: Date = "2019-06-01".parse().unwrap();
    let mut harness = story_harness("2019-06-01");
    harness
        .state_mut()
        .apply(Command::SetLayerVisible(LayerKind::Events, false));
    harness.run();
    // The user's own view: none set, the region fitted.
    let users_view = harness.state().document().view();
    let stories = story::bundled();
    let may = stories.get("may-2024-russia-withdraws").unwrap();
    harness.get_by_label("Stories").click();
    harness.run();
    harness.get_by_label(&may.title).click();
    harness.run();
    harness.get_by_label("Next claim").click();
    harness.run();
    // The step has the map: its date, its view, every layer.
    let document = harness.state().document();
    assert_eq!(document.date(), may.step(2).unwrap().view.date);
    assert_ne!(document.date(), start);
    assert!(document.hidden_layers().is_empty(), "the step shows events");
    assert_ne!(harness.state().document().view(), users_view);

    let mut storage = Memory::default();
    harness.state_mut().save(&mut storage);
    let saved = parse(&storage.get_string(STORAGE_KEY).unwrap()).unwrap();
    assert_eq!(saved.date, start, "the user's date is saved");
    assert_eq!(
        saved.hidden_layers.into_iter().collect::<Vec<_>>(),
        [LayerKind::Events],
        "the user's layers are saved"
    );
    assert_eq!(saved.view, users_view, "the user's view is saved");

    // Out of the story, what is shown is saved again.
    harness.get_by_label("Leave the story").click();
    harness.run();
    harness
        .state_mut()
        .apply(Command::Time(caucasus_atlas::time::TimeCommand::SetDate(
            "2021-03-04".parse().unwrap(),
        )));
    harness.run();
    harness.state_mut().save(&mut storage);
    let saved = parse(&storage.get_string(STORAGE_KEY).unwrap()).unwrap();
    assert_eq!(saved.date.to_string(), "2021-03-04");
}
