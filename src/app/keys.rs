//! Keyboard shortcuts. They work wherever focus is, except while a text field
//! is being edited, and they are consumed so egui's own focus moves do not
//! also react to the arrows or Space.

use egui::{Key, Modifiers};

use super::Command;
use crate::time::{StepUnit, TimeCommand};

/// Every shortcut: (modifiers, key, command, description for tooltips and help).
pub fn shortcuts() -> Vec<(Modifiers, Key, Command, &'static str)> {
    use Command::Time;
    use TimeCommand::*;
    // egui matches a shortcut without Shift or Alt also when they are held,
    // so the longer combinations come first.
    vec![
        (
            Modifiers::COMMAND.plus(Modifiers::SHIFT),
            Key::Z,
            Command::Redo,
            "Ctrl+Shift+Z",
        ),
        (Modifiers::COMMAND, Key::Z, Command::Undo, "Ctrl+Z"),
        (Modifiers::ALT, Key::ArrowLeft, Command::Undo, "Alt+←"),
        (Modifiers::ALT, Key::ArrowRight, Command::Redo, "Alt+→"),
        (
            Modifiers::COMMAND.plus(Modifiers::SHIFT),
            Key::S,
            Command::Screenshot,
            "Ctrl+Shift+S",
        ),
        (Modifiers::NONE, Key::F12, Command::Screenshot, "F12"),
        (Modifiers::NONE, Key::Space, Time(TogglePlay), "Space"),
        (
            Modifiers::COMMAND,
            Key::ArrowRight,
            Time(Step(StepUnit::Year, true)),
            "Ctrl+→",
        ),
        (
            Modifiers::COMMAND,
            Key::ArrowLeft,
            Time(Step(StepUnit::Year, false)),
            "Ctrl+←",
        ),
        (
            Modifiers::SHIFT,
            Key::ArrowRight,
            Time(Step(StepUnit::Month, true)),
            "Shift+→",
        ),
        (
            Modifiers::SHIFT,
            Key::ArrowLeft,
            Time(Step(StepUnit::Month, false)),
            "Shift+←",
        ),
        (
            Modifiers::NONE,
            Key::ArrowRight,
            Time(Step(StepUnit::Day, true)),
            "→",
        ),
        (
            Modifiers::NONE,
            Key::ArrowLeft,
            Time(Step(StepUnit::Day, false)),
            "←",
        ),
        (Modifiers::NONE, Key::CloseBracket, Time(NextMark), "]"),
        (Modifiers::NONE, Key::OpenBracket, Time(PreviousMark), "["),
        (Modifiers::NONE, Key::Home, Time(First), "Home"),
        (Modifiers::NONE, Key::End, Time(Last), "End"),
        (Modifiers::NONE, Key::R, Command::ResetView, "R"),
        (Modifiers::COMMAND, Key::F, Command::OpenSearch, "Ctrl+F"),
        (Modifiers::NONE, Key::Slash, Command::OpenSearch, "/"),
        (Modifiers::NONE, Key::E, Command::ToggleEventList, "E"),
        (Modifiers::NONE, Key::C, Command::ToggleCompare, "C"),
        (Modifiers::NONE, Key::V, Command::ToggleSwipe, "V"),
        (Modifiers::NONE, Key::F1, Command::ToggleHelp, "F1"),
        (Modifiers::NONE, Key::Questionmark, Command::ToggleHelp, "?"),
        (Modifiers::COMMAND, Key::Q, Command::Quit, "Ctrl+Q"),
    ]
}

/// What a command does, in a few words (for the help).
pub fn describe(command: &Command) -> &'static str {
    use TimeCommand::*;
    match command {
        Command::Time(TogglePlay) => "play or pause",
        Command::Time(Step(StepUnit::Day, true)) => "one day forward",
        Command::Time(Step(StepUnit::Day, false)) => "one day back",
        Command::Time(Step(StepUnit::Month, true)) => "one month forward",
        Command::Time(Step(StepUnit::Month, false)) => "one month back",
        Command::Time(Step(StepUnit::Year, true)) => "one year forward",
        Command::Time(Step(StepUnit::Year, false)) => "one year back",
        Command::Time(NextMark) => "next event or change of control",
        Command::Time(PreviousMark) => "previous event or change of control",
        Command::Time(First) => "the first day (20 Feb 1988)",
        Command::Time(Last) => "today",
        Command::Time(_) => "move the date",
        Command::ResetView => "show the whole region",
        Command::Undo => "undo: back to the previous date, view and selection",
        Command::Redo => "redo",
        Command::Screenshot => "screenshot to the pictures folder",
        Command::OpenSearch => "find a place, zone, position or event",
        Command::ToggleEventList => "show or hide the event list",
        Command::ToggleHelp => "show or hide this help",
        Command::StoryStep(true) => "next claim, while a story is played",
        Command::StoryStep(false) => "previous claim, while a story is played",
        Command::ToggleCompare => "compare mode: what changed hands since an earlier date",
        Command::ToggleSwipe => "compare mode's swipe view (earlier date left, shown date right)",
        Command::Quit => "quit",
        _ => "",
    }
}

/// The shortcut text for a command, for its button's tooltip.
pub fn shortcut_for(command: &Command) -> &'static str {
    shortcuts()
        .into_iter()
        .find(|(_, _, c, _)| c == command)
        .map_or("", |(_, _, _, text)| text)
}

/// Reads (and consumes) this frame's shortcut key presses. While a story is
/// being played (`story_playing`), ← and → step the story instead of the date.
pub fn read_shortcuts(ctx: &egui::Context, story_playing: bool) -> Vec<Command> {
    if ctx.egui_wants_keyboard_input() {
        return Vec::new();
    }
    let mut commands = Vec::new();
    ctx.input_mut(|input| {
        if story_playing && input.modifiers.is_none() {
            for (key, forward) in [(Key::ArrowLeft, false), (Key::ArrowRight, true)] {
                while input.consume_key(Modifiers::NONE, key) {
                    commands.push(Command::StoryStep(forward));
                }
            }
        }
        // Modified shortcuts come first in the list, so Shift+→ is not also read as →.
        for (modifiers, key, command, _) in shortcuts() {
            while input.consume_key(modifiers, key) {
                commands.push(command.clone());
            }
        }
    });
    commands
}
