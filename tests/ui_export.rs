//! The export dialogs in the window, driven headless: "Choose…" asks the save
//! dialog (answered here by a stand-in, so no real dialog opens), its answer
//! fills the path and picks the format, and Export writes the file on a worker
//! thread while the window keeps drawing.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use caucasus_atlas::app::AtlasApp;
use caucasus_atlas::app::file_picker::{FilePicker, SaveDialog};
use caucasus_atlas::data::AtlasData;
use egui::Vec2;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Answers every save dialog with one path, and remembers what it was asked.
struct Answers {
    path: PathBuf,
    asked: std::sync::Mutex<Vec<SaveDialog>>,
}

impl FilePicker for Answers {
    fn save_file(&self, dialog: &SaveDialog) -> Option<PathBuf> {
        self.asked.lock().unwrap().push(dialog.clone());
        Some(self.path.clone())
    }
}

fn harness_answering(path: &Path) -> (Harness<'static, AtlasApp>, Arc<Answers>) {
    let answers = Arc::new(Answers {
        path: path.to_path_buf(),
        asked: Default::default(),
    });
    let picker = answers.clone();
    let data = AtlasData::load(None);
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1280.0, 800.0))
        .build_eframe(move |cc| {
            let mut app = AtlasApp::new(cc, data);
            app.platform.file_picker = picker;
            app
        });
    harness.run();
    (harness, answers)
}

/// Steps the window until `done` holds (worker threads answer in their own time).
fn step_until(
    harness: &mut Harness<'static, AtlasApp>,
    mut done: impl FnMut(&Harness<'static, AtlasApp>) -> bool,
) -> bool {
    for _ in 0..600 {
        harness.step();
        if done(harness) {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    false
}

#[test]
fn the_map_export_dialog_saves_where_the_save_dialog_says() {
    let dir = tempfile::tempdir().unwrap();
    let chosen = dir.path().join("karabakh.svg");
    let (mut harness, answers) = harness_answering(&chosen);

    harness.get_by_label("Export map…").click();
    harness.run();
    harness.get_by_label("Choose…").click();
    let shown = chosen.display().to_string();
    assert!(
        step_until(&mut harness, |h| h
            .query_by_label("Save as")
            .and_then(|n| n.value())
            .is_some_and(|v| v == shown)),
        "the chosen path never reached the path field"
    );
    // The dialog was asked for a PNG (the default format) in an existing folder.
    let asked = answers.asked.lock().unwrap().clone();
    assert_eq!(asked.len(), 1);
    assert_eq!(asked[0].filter.1, vec!["png".to_string()]);
    assert!(asked[0].file_name.ends_with(".png"), "{:?}", asked[0]);
    assert!(asked[0].folder.is_dir(), "{:?}", asked[0]);

    // The .svg answer switched the format: Export writes an SVG there.
    harness.get_by_label("Export").click();
    assert!(
        step_until(&mut harness, |h| h
            .query_by_label_contains("Saved to")
            .is_some()),
        "no message after the export"
    );
    let svg = std::fs::read_to_string(&chosen).expect("the SVG was written");
    assert!(svg.contains("<svg"), "{}", &svg[..svg.len().min(200)]);
    // Nothing else (no temporary file) is left in the folder.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn the_animation_dialog_draws_a_ghost_of_the_date_typed() {
    let dir = tempfile::tempdir().unwrap();
    let chosen = dir.path().join("war.png");
    let (mut harness, _answers) = harness_answering(&chosen);

    harness.get_by_label("Export animation…").click();
    harness.run();
    harness.get_by_label("Ghost of").focus();
    harness.run();
    harness.get_by_label("Ghost of").type_text("2020-09-26");
    harness.run();
    // The .png answer picks the animated PNG.
    harness.get_by_label("Choose…").click();
    let shown = chosen.display().to_string();
    assert!(
        step_until(&mut harness, |h| h
            .query_by_label("Save as")
            .and_then(|n| n.value())
            .is_some_and(|v| v == shown)),
        "the chosen path never reached the path field"
    );
    harness
        .get_by_role_and_label(Role::Button, "Export animation")
        .click();
    assert!(
        step_until(&mut harness, |h| h
            .query_by_label_contains("Saved to")
            .is_some()),
        "no message after the export"
    );
    // The file's description says which date's lines it holds.
    let bytes = std::fs::read(&chosen).expect("the animation was written");
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("lines of control on 26 September 2020"),
        "no ghost in the description"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn the_map_export_dialog_writes_a_pdf_and_shows_the_alt_text() {
    let dir = tempfile::tempdir().unwrap();
    let chosen = dir.path().join("print.pdf");
    let (mut harness, _answers) = harness_answering(&chosen);
    harness.get_by_label("Export map…").click();
    harness.run();
    // PDF is offered beside PNG and SVG, with paper sizes.
    harness.get_by_label("PDF").click();
    harness.run();
    assert!(harness.query_by_label("Paper").is_some(), "no paper choice");
    harness.get_by_label("Choose…").click();
    let shown = chosen.display().to_string();
    assert!(step_until(&mut harness, |h| h
        .query_by_label("Save as")
        .and_then(|n| n.value())
        .is_some_and(|v| v == shown)));
    harness.get_by_label("Export").click();
    assert!(
        step_until(&mut harness, |h| h
            .query_by_label_contains("Saved to")
            .is_some()),
        "no message after the export"
    );
    let pdf = std::fs::read(&chosen).expect("the PDF was written");
    assert!(pdf.starts_with(b"%PDF-"));
    // The alt text, for copying.
    harness.get_by_label("Alt text").click();
    harness.run();
    // (The text box and the text it holds both carry the text.)
    let alt = harness
        .query_all_by(|n| {
            n.value()
                .is_some_and(|v| v.starts_with("Map of the South Caucasus on "))
        })
        .find_map(|n| n.value())
        .expect("the alt text is shown");
    assert!(alt.contains("Areas held by"), "{alt}");
    assert!(harness.query_by_label("Copy alt text").is_some());
}
