//! The window's own behaviour (egui_kittest): the zones that changed hands
//! flash after the date moves onto their change, and the light or dark look
//! is chosen in the View menu and stored.

use caucasus_atlas::app::AtlasApp;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};

#[path = "common/ui.rs"]
mod ui;

fn harness_at(date: &str) -> Harness<'static, AtlasApp> {
    ui::window_at(date, ui::LAPTOP, None)
}

fn flashing(harness: &Harness<'static, AtlasApp>) -> Vec<String> {
    let now = harness.ctx.input(|i| i.time);
    harness.state().panels().flash.zones(now).to_vec()
}

#[test]
fn a_step_onto_a_change_of_control_flashes_the_zone_for_a_second() {
    // Aghdam was handed over to Azerbaijan on 20 Nov 2020.
    let mut harness = harness_at("2020-11-19");
    assert!(
        flashing(&harness).is_empty(),
        "opening on a date does not flash"
    );
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().date(), "2020-11-20".parse().unwrap());
    assert_eq!(flashing(&harness), ["zone-aghdam-west"]);
    // The line under the timeline names the holders, not their codes.
    assert!(
        harness
            .query_all(By::new().label_contains(
                "passes from Nagorno-Karabakh Republic / Artsakh (de facto) to Azerbaijan"
            ))
            .count()
            > 0
    );
    // A step onto a day without changes flashes nothing.
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert!(flashing(&harness).is_empty());
    // Back onto the change, then the second passes (a step is 0.25 s).
    harness.key_press(Key::ArrowLeft);
    harness.run();
    assert_eq!(flashing(&harness), ["zone-aghdam-west"]);
    harness.run_steps(5);
    assert!(flashing(&harness).is_empty(), "the flash is over");
}

#[test]
fn the_view_menu_switches_light_and_dark_and_remembers() {
    let mut harness = harness_at("2021-06-01");
    for (choice, theme) in [("Light", egui::Theme::Light), ("Dark", egui::Theme::Dark)] {
        harness.get_by_label("View").click();
        harness.run();
        harness.get_by_label(choice).click();
        harness.run();
        assert_eq!(harness.ctx.theme(), theme);
        // The widgets really are drawn so (the light legend plate once turned
        // the dark style light for the whole window).
        assert_eq!(
            harness.ctx.global_style().visuals.dark_mode,
            theme == egui::Theme::Dark
        );
        // The map follows: its Scene is in the dark palette, its sea dark.
        let map = match theme {
            egui::Theme::Dark => caucasus_atlas::scene::theme::Theme::Dark,
            egui::Theme::Light => caucasus_atlas::scene::theme::Theme::Light,
        };
        assert_eq!(harness.state().map_theme(), map);
        let scene = harness.state_mut().scene();
        assert_eq!(scene.theme, map);
        let sea = scene.fills.first().map(|f| f.color).expect("the sea");
        assert_eq!(sea.r() < 0x60, theme == egui::Theme::Dark, "sea {sea:?}");
        assert_eq!(harness.state().persisted().theme, theme.into());
    }
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Follow the system's theme").click();
    harness.run();
    assert_eq!(
        harness.state().persisted().theme,
        egui::ThemePreference::System
    );
}
