//! The timeline's controls: play, steps, marks, speed, loop, a date field, the
//! date in large type, and the slider itself. Every control sends a command;
//! each tooltip names its keyboard shortcut.

use egui::{RichText, Ui};

use super::Command;
use super::keys::shortcut_for;
use super::timeline_bar::timeline_bar;
use crate::atlas::Mark;
use crate::time::{Date, SPEED_PRESETS, StepUnit, TimeCommand, Timeline};

/// The text typed into the date field and the message about it.
#[derive(Clone, Debug, Default)]
pub struct DateField {
    /// What the user typed.
    pub text: String,
    /// Why the last entry was refused, if it was.
    pub error: Option<String>,
}

impl DateField {
    /// Parses the field: a date within the timeline, or a message saying why not.
    pub fn parse(&self, timeline: &Timeline) -> Result<Date, String> {
        let date: Date = self
            .text
            .trim()
            .parse()
            .map_err(|e: crate::time::DateError| {
                let mut first = e.to_string();
                if let Some(c) = first.get_mut(0..1) {
                    c.make_ascii_uppercase();
                }
                format!("{first}.")
            })?;
        if date < timeline.start() || date > timeline.end() {
            return Err(format!(
                "{date} is outside the atlas ({} to {}).",
                timeline.start(),
                timeline.end()
            ));
        }
        Ok(date)
    }
}

/// The timeline panel; it remembers only what is typed in the date field.
#[derive(Default)]
pub struct TimelinePanel {
    field: DateField,
}

impl TimelinePanel {
    /// Shows the panel; returns the commands the user gave.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        timeline: &Timeline,
        marks: &[Mark],
        caption: &str,
    ) -> Vec<Command> {
        let mut out = Vec::new();
        ui.add_space(4.0);
        // The controls wrap into a second row when the window is narrow; the
        // bar below always takes the width there is.
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(caption).size(22.0).strong());
            ui.add_space(12.0);
            step_buttons(ui, timeline, &mut out);
            ui.separator();
            speed_and_loop(ui, timeline, &mut out);
            ui.separator();
            go_to_field(ui, timeline, &mut self.field, &mut out);
        });
        if let Some(command) = timeline_bar(ui, timeline, marks) {
            out.push(Command::Time(command));
        }
        out
    }
}

/// A button that sends `command`, with its shortcut in the tooltip.
fn command_button(ui: &mut Ui, label: &str, what: &str, command: Command, out: &mut Vec<Command>) {
    let shortcut = shortcut_for(&command);
    let tip = if shortcut.is_empty() {
        what.to_string()
    } else {
        format!("{what} ({shortcut})")
    };
    if ui.button(label).on_hover_text(tip).clicked() {
        out.push(command);
    }
}

/// Play or pause, steps by a year, month or day, and the previous or next mark.
fn step_buttons(ui: &mut Ui, timeline: &Timeline, out: &mut Vec<Command>) {
    use Command::Time;
    use TimeCommand::*;
    let play_label = if timeline.playing() { "Pause" } else { "Play" };
    command_button(ui, play_label, "Play or pause", Time(TogglePlay), out);
    ui.separator();
    let steps = [
        ("-1 year", "One year back", StepUnit::Year, false),
        ("-1 month", "One month back", StepUnit::Month, false),
        ("-1 day", "One day back", StepUnit::Day, false),
        ("+1 day", "One day forward", StepUnit::Day, true),
        ("+1 month", "One month forward", StepUnit::Month, true),
        ("+1 year", "One year forward", StepUnit::Year, true),
    ];
    for (label, what, unit, forward) in steps {
        command_button(ui, label, what, Time(Step(unit, forward)), out);
    }
    ui.separator();
    command_button(
        ui,
        "Previous event",
        "Previous event or change of control",
        Time(PreviousMark),
        out,
    );
    command_button(
        ui,
        "Next event",
        "Next event or change of control",
        Time(NextMark),
        out,
    );
}

/// The playback speed menu and the loop box.
fn speed_and_loop(ui: &mut Ui, timeline: &Timeline, out: &mut Vec<Command>) {
    let speed = timeline.days_per_second();
    let current = SPEED_PRESETS
        .iter()
        .min_by(|a, b| (a.0 - speed).abs().total_cmp(&(b.0 - speed).abs()))
        .map_or("", |p| p.1);
    egui::ComboBox::from_id_salt("speed")
        .selected_text(current)
        .show_ui(ui, |ui| {
            for (days, label) in SPEED_PRESETS {
                if ui
                    .selectable_label((days - speed).abs() < 1e-9, label)
                    .clicked()
                {
                    out.push(Command::Time(TimeCommand::SetSpeed(days)));
                }
            }
        })
        .response
        .on_hover_text("Playback speed");
    let mut looping = timeline.looping();
    if ui
        .checkbox(&mut looping, "Loop")
        .on_hover_text("Start again at the end")
        .changed()
    {
        out.push(Command::Time(TimeCommand::SetLoop(looping)));
    }
}

/// "Go to" a typed date, with the reason when it is refused.
fn go_to_field(ui: &mut Ui, timeline: &Timeline, field: &mut DateField, out: &mut Vec<Command>) {
    let label = ui.label("Go to");
    let edit = ui
        .add(
            egui::TextEdit::singleline(&mut field.text)
                .hint_text("YYYY-MM-DD")
                .desired_width(90.0),
        )
        .labelled_by(label.id);
    let submitted = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if ui.button("Go").clicked() || submitted {
        match field.parse(timeline) {
            Ok(date) => {
                field.error = None;
                out.push(Command::Time(TimeCommand::SetDate(date)));
            }
            Err(message) => field.error = Some(message),
        }
    }
    if let Some(error) = &field.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
}
