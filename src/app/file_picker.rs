//! Where to save: the desktop's native "save as" dialog, asked on its own
//! thread because it blocks until the user answers. Behind the [`FilePicker`]
//! trait so that tests answer for the user and nothing ever opens a real dialog
//! outside the window.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// What a save dialog asks for.
#[derive(Clone, Debug, PartialEq)]
pub struct SaveDialog {
    /// The dialog's title.
    pub title: String,
    /// The folder it opens in.
    pub folder: PathBuf,
    /// The suggested file name.
    pub file_name: String,
    /// The file type offered: a name and its extensions (without dots).
    pub filter: (String, Vec<String>),
}

impl SaveDialog {
    /// A dialog that suggests `path` (its folder and name) for files of one type.
    pub fn suggesting(title: &str, path: &std::path::Path, kind: &str, extension: &str) -> Self {
        let folder = path
            .parent()
            .filter(|p| p.is_dir())
            .map(PathBuf::from)
            .unwrap_or_else(super::save_paths::default_folder);
        SaveDialog {
            title: title.to_string(),
            folder,
            file_name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            filter: (kind.to_string(), vec![extension.to_string()]),
        }
    }
}

/// Asks the user where to save a file, or which file to open.
pub trait FilePicker: Send + Sync {
    /// Blocks until the user picks a path; `None` when they cancel or when no
    /// dialog can be shown.
    fn save_file(&self, dialog: &SaveDialog) -> Option<PathBuf>;

    /// Blocks until the user picks a file to open (the dialog's title, folder
    /// and filter as for saving); `None` when they cancel or none can be shown.
    fn open_file(&self, _dialog: &SaveDialog) -> Option<PathBuf> {
        None
    }
}

/// The desktop's own dialog (through the XDG desktop portal, else `zenity`).
pub struct NativeFilePicker;

impl FilePicker for NativeFilePicker {
    fn save_file(&self, dialog: &SaveDialog) -> Option<PathBuf> {
        let (kind, extensions) = &dialog.filter;
        rfd::FileDialog::new()
            .set_title(&dialog.title)
            .set_directory(&dialog.folder)
            .set_file_name(&dialog.file_name)
            .add_filter(kind, extensions)
            .save_file()
    }

    fn open_file(&self, dialog: &SaveDialog) -> Option<PathBuf> {
        let (kind, extensions) = &dialog.filter;
        rfd::FileDialog::new()
            .set_title(&dialog.title)
            .set_directory(&dialog.folder)
            .add_filter(kind, extensions)
            .pick_file()
    }
}

/// A question put to the user, answered later on the UI thread.
pub struct PendingPick<P> {
    /// What the answer is for.
    pub purpose: P,
    answer: Receiver<Option<PathBuf>>,
}

/// What a pending pick has to say this frame.
#[derive(Debug, PartialEq)]
pub enum PickState {
    /// The dialog is still open.
    Waiting,
    /// The user chose a path.
    Chosen(PathBuf),
    /// The user cancelled, or no dialog could be shown.
    Cancelled,
}

impl<P> PendingPick<P> {
    /// Opens `dialog` on a new thread; the window repaints when it is answered.
    pub fn ask(
        picker: Arc<dyn FilePicker>,
        dialog: SaveDialog,
        purpose: P,
        ctx: &egui::Context,
    ) -> PendingPick<P> {
        Self::on_thread(purpose, ctx, move || picker.save_file(&dialog))
    }

    /// Opens an "open file" dialog on a new thread (see [`PendingPick::ask`]).
    pub fn ask_open(
        picker: Arc<dyn FilePicker>,
        dialog: SaveDialog,
        purpose: P,
        ctx: &egui::Context,
    ) -> PendingPick<P> {
        Self::on_thread(purpose, ctx, move || picker.open_file(&dialog))
    }

    /// Runs `pick` (a dialog that blocks until answered) on a new thread and
    /// wakes the window when it returns.
    fn on_thread(
        purpose: P,
        ctx: &egui::Context,
        pick: impl FnOnce() -> Option<PathBuf> + Send + 'static,
    ) -> PendingPick<P> {
        let (send, answer) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            // The receiver may be gone (window closed); nothing is lost then.
            let _ = send.send(pick());
            ctx.request_repaint();
        });
        PendingPick { purpose, answer }
    }

    /// The answer, if there is one yet.
    pub fn poll(&self) -> PickState {
        match self.answer.try_recv() {
            Ok(Some(path)) => PickState::Chosen(path),
            Ok(None) | Err(TryRecvError::Disconnected) => PickState::Cancelled,
            Err(TryRecvError::Empty) => PickState::Waiting,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Answers(Option<PathBuf>);

    impl FilePicker for Answers {
        fn save_file(&self, _: &SaveDialog) -> Option<PathBuf> {
            self.0.clone()
        }
    }

    fn wait<P>(pick: &PendingPick<P>) -> PickState {
        for _ in 0..200 {
            match pick.poll() {
                PickState::Waiting => std::thread::sleep(std::time::Duration::from_millis(5)),
                done => return done,
            }
        }
        PickState::Waiting
    }

    #[test]
    fn the_answer_arrives_from_the_dialog_thread() {
        let ctx = egui::Context::default();
        let dialog = SaveDialog::suggesting(
            "Save",
            std::path::Path::new("/nonexistent/map.png"),
            "PNG",
            "png",
        );
        assert_eq!(dialog.file_name, "map.png");
        // A folder that does not exist is replaced by the default one.
        assert_ne!(dialog.folder, PathBuf::from("/nonexistent"));
        let chosen = PathBuf::from("/tmp/chosen.png");
        let pick = PendingPick::ask(
            Arc::new(Answers(Some(chosen.clone()))),
            dialog.clone(),
            (),
            &ctx,
        );
        assert_eq!(wait(&pick), PickState::Chosen(chosen));
        let pick = PendingPick::ask(Arc::new(Answers(None)), dialog, (), &ctx);
        assert_eq!(wait(&pick), PickState::Cancelled);
    }
}
