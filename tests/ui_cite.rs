//! *Copy citation* in the export dialog puts the text citation of the map as
//! set up there — the same text as `caucasus-atlas cite` — on the clipboard.

use caucasus_atlas::app::AtlasApp;
use caucasus_atlas::data::AtlasData;
use egui::{OutputCommand, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[test]
fn copy_citation_copies_the_maps_citation_and_its_sources() {
    let data = AtlasData::load(None);
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1280.0, 800.0))
        .build_eframe(move |cc| AtlasApp::new(cc, data));
    harness.run();
    harness.get_by_label("Export map…").click();
    harness.run();
    harness.get_by_label("Copy citation").click();
    let mut copied = None;
    for _ in 0..5 {
        harness.step();
        copied = copied.or_else(|| {
            harness
                .output()
                .platform_output
                .commands
                .iter()
                .find_map(|c| match c {
                    OutputCommand::CopyText(text) => Some(text.clone()),
                    _ => None,
                })
        });
    }
    let copied = copied.expect("the citation went to the clipboard");
    assert!(copied.starts_with("Caucasus Atlas ("), "{copied}");
    assert!(copied.contains("The South Caucasus on "), "{copied}");
    assert!(copied.contains("\nSources ("), "{copied}");
    harness.run();
    assert!(harness.query_by_label_contains("Citation copied").is_some());
}
