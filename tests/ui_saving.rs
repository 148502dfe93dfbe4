//! Saving a screenshot without a desktop save dialog (egui_kittest, wgpu on
//! the CPU): *Screenshot as…* falls back to an editable path in a small
//! window, and the card that says where the file went opens its folder.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use caucasus_atlas::app::AtlasApp;
use caucasus_atlas::app::file_picker::{FilePicker, SaveDialog};
use caucasus_atlas::data::AtlasData;
use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[path = "common/ui.rs"]
mod ui;
use ui::topmost_text_field;

/// A desktop without a dialog: every question goes unanswered.
struct NoDialog;

impl FilePicker for NoDialog {
    fn save_file(&self, _: &SaveDialog) -> Option<PathBuf> {
        None
    }
}

#[test]
fn without_a_dialog_the_path_is_typed_and_the_folder_opens() {
    let dir = tempfile::tempdir().unwrap();
    let opened: Arc<Mutex<Vec<PathBuf>>> = Arc::default();
    let record = opened.clone();
    let data = AtlasData::load(None);
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1000.0, 700.0))
        .wgpu()
        .build_eframe(move |cc| {
            let mut app = AtlasApp::new(cc, data);
            app.platform.file_picker = Arc::new(NoDialog);
            app.platform.folder_opener = Arc::new(move |folder: &Path| {
                record.lock().unwrap().push(folder.to_path_buf());
                Ok(())
            });
            app
        });
    harness.run();
    harness.get_by_label("Screenshot as…").click();
    for _ in 0..50 {
        harness.step();
        if harness.query_by_label("Save screenshot").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.get_by_label("Save screenshot");
    // The field holds the default path, named by the map's date; replace it.
    let field = topmost_text_field(&harness);
    assert!(
        field.value().is_some_and(|v| v.contains("caucasus-atlas-")),
        "{:?}",
        field.value()
    );
    field.click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    let target = dir.path().join("karabakh");
    topmost_text_field(&harness).type_text(&target.display().to_string());
    harness.run();
    harness.get_by_label("Save").click();
    let expected = target.with_extension("png");
    for _ in 0..40 {
        harness.step();
        if expected.exists() {
            break;
        }
    }
    assert!(expected.exists(), "no file at {}", expected.display());
    harness.run();
    harness.get_by_label(&format!("Screenshot saved to {}", expected.display()));
    harness.get_by_label("Open folder").click();
    harness.run();
    assert_eq!(*opened.lock().unwrap(), [dir.path().to_path_buf()]);
    harness.get_by_label("Close").click();
    harness.run();
    assert!(harness.query_by_label("Open folder").is_none());
}
