//! What the user can ask for. Buttons, keys and menus all send these, and
//! [`super::AtlasApp::apply`] carries them out, so every path behaves the same.
//! The ones about what is shown (date, view, layers, language, selection,
//! undo) change the [`super::Document`]; the rest drive the window.

use crate::atlas::{Language, LayerKind, NameOrder};
use crate::spatial::{MapPoint, MapView};
use crate::time::{Date, TimeCommand};

/// A user command.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Move or play the timeline.
    Time(TimeCommand),
    /// Show the whole region again (and follow the window's size).
    ResetView,
    /// Show the map with this pan and zoom.
    SetView(MapView),
    /// Change the label language.
    SetLanguage(Language),
    /// Change the order of a place's two names.
    SetNames(NameOrder),
    /// Show or hide a layer.
    SetLayerVisible(LayerKind, bool),
    /// Select a feature (clicked at a map point), or clear the selection.
    Select(Option<(String, MapPoint)>),
    /// Go back to the previous date, view and selection.
    Undo,
    /// Go forward again after an undo.
    Redo,
    /// Save what the window shows as a PNG in the pictures folder.
    Screenshot,
    /// Ask where to save a screenshot (the native dialog), then save it there.
    ScreenshotAs,
    /// Save what the window shows as a PNG at this path.
    ScreenshotTo(std::path::PathBuf),
    /// Open or close the layer panel.
    ShowLayersPanel(bool),
    /// Open the "Export map" window.
    OpenMapExport,
    /// Open the "Export animation" window.
    OpenAnimationExport,
    /// Show or hide the list of data problems.
    ToggleDataProblems,
    /// Open the search field.
    OpenSearch,
    /// Show or hide the event list.
    ToggleEventList,
    /// Show or hide the help.
    ToggleHelp,
    /// Show or hide the story player.
    ToggleStories,
    /// In the story being played, go to the next step (`true`) or the
    /// previous one (`false`).
    StoryStep(bool),
    /// Choose the window's light or dark look (or follow the system).
    SetTheme(egui::ThemePreference),
    /// Turn compare mode on or off (what changed hands since an earlier date).
    ToggleCompare,
    /// Compare with this earlier date (the timeline's second handle); turns
    /// compare mode on.
    SetCompareFrom(Date),
    /// Show or hide compare mode's swipe view (the earlier date left of a
    /// divider, the shown date right of it); turns compare mode on.
    ToggleSwipe,
    /// Move the swipe divider to this share (0–1) of the map's width.
    SetSwipeDivider(f32),
    /// Ask for a GeoJSON file (the native dialog) and load it as a layer.
    OpenLayer,
    /// Load a user's GeoJSON file as a layer (with the mapping remembered
    /// for it, or guessed), off the UI thread; a file already loaded is
    /// loaded again in its place.
    LoadLayer(std::path::PathBuf),
    /// Load a user's file with this mapping (the mapping dialog's "Reload").
    LoadLayerWith(std::path::PathBuf, crate::atlas::import::Mapping),
    /// Open the mapping dialog of a loaded user's layer (its fields as read),
    /// to reload it with other fields.
    EditLayerFields(LayerKind),
    /// Stop the load in progress.
    CancelLayerLoad,
    /// Remove a user's layer.
    RemoveLayer(LayerKind),
    /// Close the window.
    Quit,
}
