//! What the user can ask for. Buttons, keys and menus all send these, and one
//! function carries them out, so every path behaves the same.

use crate::atlas::Language;

/// A user command.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Show the whole region again.
    ResetView,
    /// Change the label language.
    SetLanguage(Language),
}
