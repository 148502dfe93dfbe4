//! The full-width time slider: a density strip of changes, ticks for events
//! and changes of control (coloured by kind), the rail with its handle, and a
//! year scale. Drag or click to set the date; hover a tick to read it, click it
//! to jump there. Screen readers and tests see a slider they can set.

use egui::accesskit::{Action, ActionData};
use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, Ui, Vec2, WidgetInfo};

use crate::atlas::{Mark, MarkKind};
use crate::scene::style;
use crate::time::{Date, TimeCommand, Timeline};

const HEIGHT: f32 = 62.0;
const SIDE_PAD: f32 = 10.0;
/// How close (points) the pointer must be to a tick to pick it.
const TICK_PICK: f32 = 3.0;

/// The colour of a mark's tick.
pub fn mark_color(mark: &Mark) -> Color32 {
    match &mark.kind {
        MarkKind::Event(kind) => style::event_color(kind),
        MarkKind::ControlChange => style::CONTROL_CHANGE,
    }
}

struct Geometry {
    rail: Rect,
    start: Date,
    length: f32,
}

impl Geometry {
    fn x_of(&self, date: Date) -> f32 {
        let t = date.days_since(self.start) as f32 / self.length.max(1.0);
        self.rail.left() + t.clamp(0.0, 1.0) * self.rail.width()
    }

    fn date_at(&self, x: f32) -> Date {
        let t = ((x - self.rail.left()) / self.rail.width().max(1.0)).clamp(0.0, 1.0);
        self.start.add_days((t * self.length).round() as i64)
    }
}

/// Shows the bar; returns the command the user gave with it, if any.
pub fn timeline_bar(ui: &mut Ui, timeline: &Timeline, marks: &[Mark]) -> Option<TimeCommand> {
    let width = ui.available_width();
    let (rect, response) =
        ui.allocate_exact_size(Vec2::new(width, HEIGHT), Sense::click_and_drag());
    let geometry = Geometry {
        rail: Rect::from_min_max(
            Pos2::new(rect.left() + SIDE_PAD, rect.top()),
            Pos2::new(rect.right() - SIDE_PAD, rect.bottom()),
        ),
        start: timeline.start,
        length: timeline.length_days() as f32,
    };
    let mut command = None;

    // Accessibility: a slider over days since the first day, settable by value.
    let value = timeline.day_index() as f64;
    response.widget_info(|| {
        let mut info = WidgetInfo::slider(true, value, "Date");
        info.value = Some(value);
        info
    });
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_min_numeric_value(0.0);
        node.set_max_numeric_value(timeline.length_days() as f64);
        node.set_numeric_value_step(1.0);
        node.add_action(Action::SetValue);
    });
    let requested = ui.input(|i| {
        i.accesskit_action_requests(response.id, Action::SetValue)
            .filter_map(|r| match r.data {
                Some(ActionData::NumericValue(v)) if v.is_finite() => Some(v),
                _ => None,
            })
            .last()
    });
    if let Some(days) = requested {
        command = Some(TimeCommand::SetDate(
            timeline.start.add_days(days.round() as i64),
        ));
    }

    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    let text_color = visuals.text_color();
    let weak = visuals.weak_text_color();

    // Density strip: how many marks fall near each column.
    let strip = Rect::from_min_max(
        Pos2::new(geometry.rail.left(), rect.top() + 2.0),
        Pos2::new(geometry.rail.right(), rect.top() + 9.0),
    );
    let columns = (strip.width() / 3.0).max(1.0) as usize;
    let mut counts = vec![0u32; columns];
    for mark in marks {
        let x = geometry.x_of(mark.date);
        let c = (((x - strip.left()) / strip.width()) * columns as f32) as usize;
        counts[c.min(columns - 1)] += 1;
    }
    let peak = counts.iter().copied().max().unwrap_or(1).max(1) as f32;
    for (c, &n) in counts.iter().enumerate() {
        if n == 0 {
            continue;
        }
        let x0 = strip.left() + c as f32 * strip.width() / columns as f32;
        let strength = (n as f32 / peak).sqrt();
        painter.rect_filled(
            Rect::from_min_size(
                Pos2::new(x0, strip.top()),
                Vec2::new(strip.width() / columns as f32, strip.height()),
            ),
            0.0,
            Color32::from_rgb(0xB2, 0x18, 0x2B).gamma_multiply(0.15 + 0.85 * strength),
        );
    }

    // Ticks.
    let ticks_top = rect.top() + 12.0;
    let rail_y = rect.top() + 34.0;
    for mark in marks {
        let x = geometry.x_of(mark.date);
        let top = if matches!(mark.kind, MarkKind::ControlChange) {
            ticks_top + 8.0
        } else {
            ticks_top
        };
        painter.line_segment(
            [Pos2::new(x, top), Pos2::new(x, rail_y - 4.0)],
            Stroke::new(1.2, mark_color(mark)),
        );
    }

    // Rail and handle.
    let handle_x = geometry.x_of(timeline.date);
    painter.line_segment(
        [
            Pos2::new(geometry.rail.left(), rail_y),
            Pos2::new(geometry.rail.right(), rail_y),
        ],
        Stroke::new(3.0, weak),
    );
    painter.line_segment(
        [
            Pos2::new(geometry.rail.left(), rail_y),
            Pos2::new(handle_x, rail_y),
        ],
        Stroke::new(3.0, visuals.selection.bg_fill),
    );
    painter.circle(
        Pos2::new(handle_x, rail_y),
        7.0,
        visuals.selection.bg_fill,
        Stroke::new(2.0, Color32::WHITE),
    );

    // Year scale: a tick each year, a label as often as there is room.
    let years_span = (timeline.end.year() - timeline.start.year()).max(1) as f32;
    let label_every = [1, 2, 5, 10]
        .into_iter()
        .find(|&n| geometry.rail.width() / years_span * n as f32 >= 34.0)
        .unwrap_or(10);
    for year in (timeline.start.year() + 1)..=timeline.end.year() {
        let Some(jan1) = Date::from_ymd(year, 1, 1) else {
            continue;
        };
        let x = geometry.x_of(jan1);
        let long = year % label_every == 0;
        painter.line_segment(
            [
                Pos2::new(x, rail_y + 6.0),
                Pos2::new(x, rail_y + if long { 12.0 } else { 9.0 }),
            ],
            Stroke::new(1.0, weak),
        );
        if long {
            painter.text(
                Pos2::new(x, rail_y + 13.0),
                Align2::CENTER_TOP,
                year.to_string(),
                FontId::proportional(11.0),
                text_color,
            );
        }
    }

    // Pointer: a tick under the pointer wins over the rail.
    let mut on_tick = false;
    if let Some(pointer) = response.hover_pos() {
        let near: Vec<&Mark> = marks
            .iter()
            .filter(|m| (geometry.x_of(m.date) - pointer.x).abs() <= TICK_PICK)
            .collect();
        if pointer.y < rail_y - 6.0 && !near.is_empty() {
            on_tick = true;
            let closest = near
                .iter()
                .min_by(|a, b| {
                    let da = (geometry.x_of(a.date) - pointer.x).abs();
                    let db = (geometry.x_of(b.date) - pointer.x).abs();
                    da.total_cmp(&db)
                })
                .map(|m| m.date);
            let shown: Vec<String> = near
                .iter()
                .take(8)
                .map(|m| format!("{}  {}", m.date, m.title))
                .collect();
            let more = near.len().saturating_sub(8);
            response.clone().on_hover_ui_at_pointer(|ui| {
                for line in &shown {
                    ui.label(line);
                }
                if more > 0 {
                    ui.weak(format!("… and {more} more"));
                }
                ui.weak("Click to jump to this date");
            });
            if response.clicked()
                && let Some(date) = closest
            {
                command = Some(TimeCommand::SetDate(date));
            }
        } else if !response.dragged() {
            response
                .clone()
                .on_hover_text_at_pointer(geometry.date_at(pointer.x).to_string());
        }
    }
    // Clicking the rail or dragging anywhere (also outside the bar) sets the date.
    if !on_tick
        && (response.clicked() || response.dragged())
        && let Some(pointer) = response.interact_pointer_pos()
    {
        command = Some(TimeCommand::SetDate(geometry.date_at(pointer.x)));
    }
    command
}
