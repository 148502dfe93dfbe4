//! The timeline's controls: play, steps, marks, speed, loop, a date field, the
//! date in large type, and the slider itself. Every control sends a command;
//! each tooltip names its keyboard shortcut.

use egui::{RichText, Ui};

use super::Command;
use super::compare_mode::CompareControls;
use super::keys::shortcut_for;
use super::timeline_bar::{TimeWindow, timeline_bar};
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

/// Ranges a reader often wants: (name, first day, last day).
pub const PRESET_RANGES: [(&str, &str, &str); 5] = [
    // From the NKAO's vote to join Armenia to the Bishkek ceasefire.
    ("1988–94 war", "1988-02-20", "1994-05-12"),
    // From the days before the war to the Russian withdrawal from the buffer zones.
    ("2008 war", "2008-08-01", "2008-10-10"),
    // From the first day of the war to the handover of the Lachin district.
    ("2020 war", "2020-09-27", "2020-12-01"),
    // From the closure of the Lachin road to the last day of the exodus.
    ("2022–23 blockade", "2022-12-12", "2023-10-01"),
    // The September 2023 offensive and the exodus that followed.
    ("2023 offensive", "2023-09-19", "2023-10-01"),
];

/// The timeline panel: what is typed in the date field, and the part of the
/// timeline the bar shows (its zoom).
#[derive(Default)]
pub struct TimelinePanel {
    field: DateField,
    /// `None`: the whole timeline.
    window: Option<TimeWindow>,
}

impl TimelinePanel {
    /// Shows the panel (with compare mode's controls and second handle);
    /// returns the commands the user gave.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        timeline: &Timeline,
        marks: &[Mark],
        caption: &str,
        compare: CompareControls,
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
        let mut window = self.window.unwrap_or_else(|| TimeWindow::whole(timeline));
        let mut compare_from = compare.from.filter(|_| compare.on);
        if let Some(command) = timeline_bar(ui, timeline, marks, &mut window, &mut compare_from) {
            out.push(Command::Time(command));
        }
        if let Some(from) = compare_from
            && compare_from != compare.from.filter(|_| compare.on)
        {
            out.push(Command::SetCompareFrom(from));
        }
        self.window = (window != TimeWindow::whole(timeline)).then_some(window);
        ui.horizontal(|ui| {
            self.range_menu(ui, timeline, &mut out);
            ui.separator();
            compare_controls(ui, timeline, compare, &mut out);
            ui.separator();
            what_changed(ui, timeline.date(), marks);
        });
        out
    }

    /// The part of the timeline the bar shows.
    pub fn window(&self) -> Option<TimeWindow> {
        self.window
    }

    /// The range presets (which also zoom the bar to the range), and a way
    /// back to the whole timeline.
    fn range_menu(&mut self, ui: &mut Ui, timeline: &Timeline, out: &mut Vec<Command>) {
        let current = timeline
            .range()
            .map_or("whole timeline".to_string(), |(a, b)| {
                PRESET_RANGES
                    .iter()
                    .find(|(_, f, t)| f.parse() == Ok(a) && t.parse() == Ok(b))
                    .map_or(format!("{a} – {b}"), |(name, _, _)| name.to_string())
            });
        let label = ui.label("Range");
        egui::ComboBox::from_id_salt("playback-range")
            .selected_text(current)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(timeline.range().is_none(), "whole timeline")
                    .clicked()
                {
                    out.push(Command::Time(TimeCommand::SetRange(None)));
                    self.window = None;
                }
                for (name, from, to) in PRESET_RANGES {
                    let (Ok(from), Ok(to)) = (from.parse::<Date>(), to.parse::<Date>()) else {
                        continue;
                    };
                    if ui
                        .selectable_label(timeline.range() == Some((from, to)), name)
                        .clicked()
                    {
                        out.push(Command::Time(TimeCommand::SetRange(Some((from, to)))));
                        out.push(Command::Time(TimeCommand::SetDate(from)));
                        let margin = (to.days_since(from) / 10).max(3);
                        self.window = Some(TimeWindow {
                            from: from.add_days(-margin),
                            to: to.add_days(margin),
                        });
                    }
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("Limit playback and looping to a range (or Shift+drag on the bar)");
    }
}

/// A line under the bar naming what happened on the date shown, if anything.
fn what_changed(ui: &mut Ui, date: Date, marks: &[Mark]) {
    let today: Vec<&str> = marks
        .iter()
        .filter(|m| m.date == date)
        .map(|m| m.title.as_str())
        .collect();
    if today.is_empty() {
        // Keep the line's height, so the map does not jump while scrubbing.
        ui.label(" ");
        return;
    }
    let shown = today.iter().take(4).copied().collect::<Vec<_>>().join("; ");
    let more = today.len().saturating_sub(4);
    let tail = if more > 0 {
        format!("; and {more} more")
    } else {
        String::new()
    };
    ui.label(
        RichText::new(format!("{}: {shown}{tail}", crate::scene::caption(date)))
            .color(ui.visuals().strong_text_color()),
    );
}

/// Compare mode: the Compare toggle, its earlier date with a button that
/// takes the shown date, and the Swipe toggle.
fn compare_controls(
    ui: &mut Ui,
    timeline: &Timeline,
    compare: CompareControls,
    out: &mut Vec<Command>,
) {
    let mut on = compare.on;
    if ui
        .toggle_value(&mut on, "Compare")
        .on_hover_text(format!(
            "Show what changed hands since an earlier date, hatched, with its km² ({})",
            shortcut_for(&Command::ToggleCompare)
        ))
        .changed()
    {
        out.push(Command::ToggleCompare);
    }
    if !compare.on {
        return;
    }
    if let Some(from) = compare.from {
        ui.label(format!("since {from}"))
            .on_hover_text("Drag the orange handle on the bar, or Ctrl+click the bar, to move it");
    }
    if ui
        .button("Since this date")
        .on_hover_text("Compare later dates with the date shown now")
        .clicked()
    {
        out.push(Command::SetCompareFrom(timeline.date()));
    }
    let mut swipe = compare.swipe;
    if ui
        .toggle_value(&mut swipe, "Swipe")
        .on_hover_text(format!(
            "The earlier date left of a divider, the date shown right of it ({})",
            shortcut_for(&Command::ToggleSwipe)
        ))
        .changed()
    {
        out.push(Command::ToggleSwipe);
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
                .id_salt("go-to-date")
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
