//! A user's own layers in the window: loading a file off the UI thread with
//! a progress bar and Cancel (the window keeps drawing), the small mapping
//! dialog that shows the fields read (guessed or remembered, editable), and
//! the mapping remembered per file in the stored state.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::{RichText, Ui};

use super::Command;
use crate::atlas::import::{Cancelled, Mapping, Progress, import_file};
use crate::atlas::{LINE_CHARS, printable};
use crate::data::AtlasData;

/// The stored-state key of the remembered mappings.
pub const MAPPINGS_KEY: &str = "caucasus-atlas/user-layer-mappings";
/// The most files whose mapping is remembered.
const MAX_REMEMBERED: usize = 200;
/// The longest field name or source text remembered.
const MAX_TEXT: usize = 500;

/// Whether a dropped or chosen file looks like GeoJSON.
pub fn is_geojson_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("geojson") || e.eq_ignore_ascii_case("json"))
}

/// The key a file's mapping is remembered under: its path, made absolute.
fn file_key(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

/// Reads remembered mappings, keeping only sane entries (a stored state
/// never stops the window: anything odd is dropped).
pub fn parse_mappings(text: &str) -> BTreeMap<String, Mapping> {
    let Ok(map) = serde_json::from_str::<BTreeMap<String, Mapping>>(text) else {
        return BTreeMap::new();
    };
    let short = |s: &Option<String>| s.as_ref().is_none_or(|s| s.chars().count() <= MAX_TEXT);
    map.into_iter()
        .filter(|(path, m)| {
            !path.is_empty()
                && path.len() <= 4096
                && short(&m.time_field)
                && short(&m.end_field)
                && short(&m.duration_field)
                && short(&m.name_field)
                && short(&m.source)
        })
        .take(MAX_REMEMBERED)
        .collect()
}

/// What a finished load gives the window.
pub enum Loaded {
    /// The data with the layer added, and a line for the user.
    Done(AtlasData, String),
    /// Cancelled.
    Cancelled,
}

/// A file being loaded on its own thread.
struct LoadJob {
    path: PathBuf,
    progress: Arc<Progress>,
    answer: Receiver<Result<(AtlasData, String), Cancelled>>,
}

/// The mapping dialog: the fields of one file as text boxes.
#[derive(Clone, Debug, Default)]
struct MappingDialog {
    path: PathBuf,
    time: String,
    end: String,
    duration: String,
    name: String,
    source: String,
}

impl MappingDialog {
    fn mapping(&self) -> Mapping {
        let field = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        Mapping {
            time_field: field(&self.time),
            end_field: field(&self.end),
            duration_field: field(&self.duration),
            name_field: field(&self.name),
            source: field(&self.source),
        }
    }
}

/// Users' layers in the window: the load in progress, the mapping dialog,
/// the remembered mappings.
#[derive(Default)]
pub struct UserLayersPanel {
    job: Option<LoadJob>,
    dialog: Option<MappingDialog>,
    /// Remembered mappings, by file.
    pub mappings: BTreeMap<String, Mapping>,
}

impl UserLayersPanel {
    /// Whether a file is being loaded.
    pub fn loading(&self) -> bool {
        self.job.is_some()
    }

    /// The mapping remembered for `path` (empty: everything guessed).
    pub fn mapping_for(&self, path: &Path) -> Mapping {
        self.mappings
            .get(&file_key(path))
            .cloned()
            .unwrap_or_default()
    }

    /// Starts loading `path` with `mapping` on top of `data` (one load at a
    /// time: a new one replaces, and so cancels, the one running).
    pub fn start(
        &mut self,
        path: PathBuf,
        mapping: Mapping,
        data: &AtlasData,
        ctx: Option<&egui::Context>,
    ) {
        self.cancel();
        if mapping != Mapping::default() {
            self.mappings.insert(file_key(&path), mapping.clone());
        }
        let progress = Arc::new(Progress::default());
        let (send, answer) = channel();
        let (thread_progress, thread_path, base) = (progress.clone(), path.clone(), data.clone());
        let ctx = ctx.cloned();
        std::thread::spawn(move || {
            let result =
                import_file(&thread_path, &mapping, Some(&thread_progress)).map(|imported| {
                    let name = imported.layer.kind.to_string();
                    let loaded = imported.layer.features.len();
                    let errors = imported.errors().count();
                    let warnings = imported.warnings().count();
                    let guesses = imported
                        .layer
                        .user
                        .as_ref()
                        .map(|u| u.guesses.join(", "))
                        .unwrap_or_default();
                    let data = base.with_user_layer(imported);
                    let mut line = format!("Layer \"{name}\": {loaded} feature(s) loaded");
                    if errors + warnings > 0 {
                        line.push_str(&format!(
                            ", {errors} left out and {warnings} with a warning (see Data problems)"
                        ));
                    }
                    if !guesses.is_empty() {
                        line.push_str(&format!("; {guesses}"));
                    }
                    (data, line)
                });
            // The window may have closed; nothing is lost then.
            let _ = send.send(result);
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        });
        self.job = Some(LoadJob {
            path,
            progress,
            answer,
        });
    }

    /// Opens the mapping dialog on the fields `info` says were read from `path`.
    pub fn edit(&mut self, path: PathBuf, info: &crate::atlas::import::UserLayerInfo) {
        let text = |f: &Option<String>| f.clone().unwrap_or_default();
        self.dialog = Some(MappingDialog {
            path,
            time: text(&info.fields.time),
            end: text(&info.fields.end),
            duration: text(&info.fields.duration),
            name: text(&info.fields.name),
            source: info.source.title.clone(),
        });
    }

    /// Stops the load in progress, if any.
    pub fn cancel(&mut self) {
        if let Some(job) = self.job.take() {
            job.progress.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// The finished load, if one finished; opens the mapping dialog on the
    /// fields it read.
    pub fn poll(&mut self) -> Option<Loaded> {
        let job = self.job.as_ref()?;
        match job.answer.try_recv() {
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) | Ok(Err(Cancelled)) => {
                self.job = None;
                Some(Loaded::Cancelled)
            }
            Ok(Ok((data, line))) => {
                let path = job.path.clone();
                self.job = None;
                if let Some(info) = data.atlas.layers.last().and_then(|l| l.user.as_ref()) {
                    self.edit(path, info);
                }
                Some(Loaded::Done(data, line))
            }
        }
    }

    /// The progress window and the mapping dialog; returns their commands.
    pub fn show(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        if let Some(job) = &self.job {
            egui::Window::new("Loading layer")
                .collapsible(false)
                .resizable(false)
                .anchor(egui::Align2::CENTER_TOP, egui::Vec2::new(0.0, 60.0))
                .show(ctx, |ui| {
                    let name = job
                        .path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    ui.label(format!("Reading {}", printable(&name, LINE_CHARS)));
                    ui.add(
                        egui::ProgressBar::new(job.progress.fraction())
                            .show_percentage()
                            .desired_width(260.0),
                    );
                    if ui.button("Cancel").clicked() {
                        commands.push(Command::CancelLayerLoad);
                    }
                });
            // Keep the bar moving.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        let mut close = false;
        if let Some(dialog) = &mut self.dialog {
            egui::Window::new("Layer fields")
                .collapsible(false)
                .resizable(false)
                .show(ctx, |ui| {
                    mapping_form(ui, dialog);
                    ui.horizontal(|ui| {
                        if ui.button("Reload with these fields").clicked() {
                            commands.push(Command::LoadLayerWith(
                                dialog.path.clone(),
                                dialog.mapping(),
                            ));
                            close = true;
                        }
                        if ui.button("Keep as loaded").clicked() {
                            close = true;
                        }
                    });
                });
        }
        if close {
            self.dialog = None;
        }
        commands
    }

    /// Remembers a load's mapping for its file (after "Reload").
    pub fn remember(&mut self, path: &Path, mapping: &Mapping) {
        self.mappings.insert(file_key(path), mapping.clone());
        while self.mappings.len() > MAX_REMEMBERED {
            let Some(first) = self.mappings.keys().next().cloned() else {
                break;
            };
            self.mappings.remove(&first);
        }
    }
}

/// The text boxes of the mapping dialog.
fn mapping_form(ui: &mut Ui, dialog: &mut MappingDialog) {
    ui.label(
        RichText::new("Which properties hold the date, the end and the name (empty: none).")
            .small(),
    );
    egui::Grid::new("mapping").num_columns(2).show(ui, |ui| {
        for (label, value) in [
            ("Date field", &mut dialog.time),
            ("End field", &mut dialog.end),
            ("Duration field (days)", &mut dialog.duration),
            ("Name field", &mut dialog.name),
            ("Source", &mut dialog.source),
        ] {
            let name = ui.label(label);
            ui.add(egui::TextEdit::singleline(value).desired_width(180.0))
                .labelled_by(name.id);
            ui.end_row();
        }
    });
}

/// The layer panel's tooltip for a layer: its file and, for a user's layer,
/// the source credited and the fields read.
pub fn layer_tooltip(layer: &crate::atlas::Layer) -> String {
    let mut text = layer.file.clone();
    if let Some(user) = &layer.user {
        text.push_str(&format!("\nSource: {}", user.source.title));
        if let Some(t) = &user.fields.time {
            text.push_str(&format!("\nDate: {t}"));
        }
        if let Some(n) = &user.fields.name {
            text.push_str(&format!("\nName: {n}"));
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_mappings_are_checked_when_read() {
        let good = r#"{"/data/incidents.geojson":{"time_field":"event_date","end_field":null,"duration_field":null,"name_field":"location","source":"Notes"}}"#;
        let read = parse_mappings(good);
        assert_eq!(
            read.get("/data/incidents.geojson")
                .and_then(|m| m.time_field.as_deref()),
            Some("event_date")
        );
        // Junk, a wrong shape, an empty path or a field name far too long:
        // dropped, never an error.
        assert!(parse_mappings("\u{0}junk").is_empty());
        assert!(parse_mappings(r#"{"a": 5}"#).is_empty());
        assert!(parse_mappings(r#"{"": {"time_field": "d"}}"#).is_empty());
        let long = format!(r#"{{"/f": {{"name_field": "{}"}}}}"#, "x".repeat(10_000));
        assert!(parse_mappings(&long).is_empty());
    }

    #[test]
    fn only_geojson_files_are_opened() {
        assert!(is_geojson_path(Path::new("/a/incidents.GeoJSON")));
        assert!(is_geojson_path(Path::new("export.json")));
        assert!(!is_geojson_path(Path::new("notes.csv")));
        assert!(!is_geojson_path(Path::new("geojson")));
    }
}
