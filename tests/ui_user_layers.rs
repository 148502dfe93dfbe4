//! A user's layer in the window, driven headless with egui_kittest: loaded
//! through the command that *Open layer…* and dropping a file emit, seen in
//! the layer panel, clicked for its properties, removed with its button.

use std::time::{Duration, Instant};

use caucasus_atlas::app::{AtlasApp, Command};
use caucasus_atlas::data::AtlasData;
use caucasus_atlas::spatial::conformal_conic;
use caucasus_atlas::time::TimeCommand;
use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const INCIDENTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/incidents.geojson");

fn harness() -> Harness<'static, AtlasApp> {
    let data = AtlasData::load(None);
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1366.0, 768.0))
        .with_max_steps(12)
        .build_eframe(move |cc| AtlasApp::new(cc, data));
    harness.run();
    harness
}

/// Steps frames until the layer has loaded on its thread (the window keeps
/// drawing meanwhile).
fn wait_for_load(harness: &mut Harness<'static, AtlasApp>) {
    let start = Instant::now();
    while harness.state().panels().user_layers.loading() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the load never ended"
        );
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run();
}

fn user_layers(harness: &Harness<'static, AtlasApp>) -> Vec<String> {
    harness
        .state()
        .data()
        .atlas
        .layers
        .iter()
        .filter(|l| l.kind.is_user())
        .map(|l| l.kind.to_string())
        .collect()
}

#[test]
fn a_loaded_layer_is_listed_clicked_and_removed() {
    let mut harness = harness();
    harness
        .state_mut()
        .apply(Command::LoadLayer(INCIDENTS.into()));
    wait_for_load(&mut harness);
    assert_eq!(user_layers(&harness), ["incidents"]);
    // Five of six features load; the one with a bad date is a data problem.
    harness.get_by_label("incidents (5)");
    assert!(
        harness
            .state()
            .data()
            .errors
            .iter()
            .any(|e| e.to_string().contains("\"2020-10-32\" is not a date"))
    );
    // The top bar counts it; its button opens the list, which says what was left out.
    harness.get_by_label_contains("1 data problem").click();
    harness.run();
    harness.get_by_label("Left out (1)");
    harness.get_by_label_contains("1 data problem").click();
    harness.run();
    assert!(harness.query_by_label("Left out (1)").is_none());
    // The fields read are shown, guessed; closed, the dialog comes back
    // with the layer's Fields… button.
    harness.get_by_label("Layer fields");
    harness.get_by_label("Keep as loaded").click();
    harness.run();
    assert!(harness.query_by_label("Layer fields").is_none());
    harness.get_by_label("Fields…").click();
    harness.run();
    harness.get_by_label("Layer fields");

    // Select an incident where a click would, and read its properties.
    let date = "2020-10-04".parse().unwrap();
    harness
        .state_mut()
        .apply(Command::Time(TimeCommand::SetDate(date)));
    let ganja = conformal_conic().forward(46.3606, 40.6828).unwrap();
    let hits: Vec<String> = harness
        .state()
        .features_at(ganja, 2.0)
        .iter()
        .filter(|h| h.feature.layer.is_user())
        .map(|h| h.feature.id.clone())
        .collect();
    assert_eq!(hits.len(), 1, "{hits:?}");
    harness
        .state_mut()
        .apply(Command::Select(Some((hits[0].clone(), ganja))));
    harness.run();
    harness.get_by_label("Properties");
    harness.get_by_label("event_date");
    assert!(harness.query_all_by_label("2020-10-04").count() >= 1);

    // Loading the same file again replaces it.
    harness
        .state_mut()
        .apply(Command::LoadLayer(INCIDENTS.into()));
    wait_for_load(&mut harness);
    assert_eq!(user_layers(&harness), ["incidents"]);

    harness.get_by_label("Remove").click();
    harness.run();
    assert!(user_layers(&harness).is_empty());
    assert!(harness.query_by_label("incidents (5)").is_none());
    // The selection went with it.
    assert!(harness.state().document().selected().is_none());
}

#[test]
fn a_load_can_be_cancelled_and_the_atlas_stays() {
    let mut harness = harness();
    let layers = harness.state().data().atlas.layers.len();
    harness
        .state_mut()
        .apply(Command::LoadLayer(INCIDENTS.into()));
    harness.state_mut().apply(Command::CancelLayerLoad);
    harness.run();
    assert!(!harness.state().panels().user_layers.loading());
    assert_eq!(harness.state().data().atlas.layers.len(), layers);
}
