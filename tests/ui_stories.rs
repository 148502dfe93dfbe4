//! The story player in the window (egui_kittest): a story's steps move the
//! date and the view and show the verdict; leaving returns the user's place.

use caucasus_atlas::app::{AtlasApp, Command};
use caucasus_atlas::data::AtlasData;
use caucasus_atlas::story;
use caucasus_atlas::time::{Date, TimeCommand};
use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[test]
fn stepping_through_the_may_2024_story_and_leaving_it() {
    let data = AtlasData::load(None);
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1366.0, 768.0))
        .with_max_steps(12)
        .build_eframe(move |cc| AtlasApp::new(cc, data));
    let start: Date = "2019-06-01".parse().unwrap();
    harness
        .state_mut()
        .apply(Command::Time(TimeCommand::SetDate(start)));
    harness.run();
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
