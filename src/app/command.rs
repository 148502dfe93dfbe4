//! What the user can ask for. Buttons, keys and menus all send these, and
//! [`super::AtlasApp::apply`] carries them out, so every path behaves the same.

use crate::atlas::Language;
use crate::spatial::MapPoint;
use crate::time::TimeCommand;

/// A user command.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Move or play the timeline.
    Time(TimeCommand),
    /// Show the whole region again.
    ResetView,
    /// Change the label language.
    SetLanguage(Language),
    /// Show or hide a layer.
    SetLayerVisible(String, bool),
    /// Save what the window shows as a PNG in the pictures folder.
    Screenshot,
    /// Ask where to save a screenshot (the native dialog), then save it there.
    ScreenshotAs,
    /// Save what the window shows as a PNG at this path.
    ScreenshotTo(std::path::PathBuf),
    /// Select a feature (clicked at a map point), or clear the selection.
    Select(Option<(String, MapPoint)>),
}
