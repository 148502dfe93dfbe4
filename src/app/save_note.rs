//! Saving a screenshot, as the user sees it: a card over the map saying where
//! the file went (or why it failed) with *Open folder*, and, when the desktop
//! has no save dialog, a small window with an editable path instead.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{Align2, RichText, Vec2};

/// What the card over the map says.
#[derive(Clone, Debug, PartialEq)]
pub struct SaveNote {
    /// One sentence: where the file went, or why it was not saved.
    pub message: String,
    /// The folder of the saved file (for *Open folder*); `None` after a failure.
    pub folder: Option<PathBuf>,
}

impl SaveNote {
    /// A file saved at `path`.
    pub fn saved(path: &Path) -> SaveNote {
        SaveNote {
            message: format!("Screenshot saved to {}", path.display()),
            folder: path.parent().map(Path::to_path_buf),
        }
    }

    /// A message without a folder to open.
    pub fn plain(message: impl Into<String>) -> SaveNote {
        SaveNote {
            message: message.into(),
            folder: None,
        }
    }
}

/// Opens a folder in the desktop's file manager.
pub type FolderOpener = Arc<dyn Fn(&Path) -> Result<(), String> + Send + Sync>;

/// The desktop's file manager (`xdg-open`, `open` or `explorer`), started
/// without waiting for it; a thread reaps it when it exits.
pub fn system_folder_opener() -> FolderOpener {
    Arc::new(|folder: &Path| {
        let program = if cfg!(target_os = "macos") {
            "open"
        } else if cfg!(target_os = "windows") {
            "explorer"
        } else {
            "xdg-open"
        };
        let mut child = std::process::Command::new(program)
            .arg(folder)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .map_err(|e| format!("{program} could not be started ({e})"))?;
        std::thread::spawn(move || child.wait());
        Ok(())
    })
}

/// What the user did with the card.
#[derive(Debug, PartialEq)]
pub enum NoteAction {
    /// Nothing this frame.
    None,
    /// Open this folder.
    OpenFolder(PathBuf),
    /// Close the card.
    Close,
}

/// The card in the map's top-right corner (below the top bar).
pub fn show_note(ctx: &egui::Context, note: &SaveNote) -> NoteAction {
    let mut action = NoteAction::None;
    egui::Area::new(egui::Id::unique("save-note"))
        .order(egui::Order::Foreground)
        .anchor(Align2::RIGHT_TOP, Vec2::new(-12.0, 48.0))
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(420.0);
                ui.label(RichText::new(&note.message).strong());
                ui.horizontal(|ui| {
                    if let Some(folder) = &note.folder
                        && ui
                            .button("Open folder")
                            .on_hover_text(folder.display().to_string())
                            .clicked()
                    {
                        action = NoteAction::OpenFolder(folder.clone());
                    }
                    if ui.button("Close").clicked() {
                        action = NoteAction::Close;
                    }
                });
            });
        });
    action
}

/// The "Save screenshot" window shown when no save dialog answered: the
/// path, editable, and *Save* or *Cancel*.
#[derive(Clone, Debug, Default)]
pub struct PathPrompt {
    /// The path as typed (starts as the default path).
    pub text: String,
    /// Whether the window is shown.
    pub open: bool,
}

impl PathPrompt {
    /// Opens the window on `suggested`.
    pub fn ask(&mut self, suggested: &Path) {
        self.text = suggested.display().to_string();
        self.open = true;
    }

    /// Shows the window while open; returns the path to save to once *Save*
    /// (or Enter) is pressed.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<PathBuf> {
        if !self.open {
            return None;
        }
        let mut chosen = None;
        let mut open = true;
        let mut cancel = false;
        egui::Window::new("Save screenshot")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .anchor(Align2::CENTER_CENTER, Vec2::ZERO)
            .show(ctx, |ui| {
                let label = ui.label("No save dialog answered. Save the screenshot to:");
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.text)
                            .id_salt("screenshot-path")
                            .desired_width(380.0),
                    )
                    .labelled_by(label.id);
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() || entered {
                        let path = PathBuf::from(self.text.trim());
                        if !path.as_os_str().is_empty() {
                            chosen = Some(if path.extension().is_none() {
                                path.with_extension("png")
                            } else {
                                path
                            });
                        }
                    }
                    cancel = ui.button("Cancel").clicked();
                });
            });
        if chosen.is_some() || cancel || !open {
            self.open = false;
        }
        chosen
    }
}
