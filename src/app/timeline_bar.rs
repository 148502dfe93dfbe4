//! The full-width time slider: a density strip of changes, ticks for events
//! and changes of control (coloured by kind), the rail with its handle, and a
//! year scale. Drag or click to set the date; hover a tick to read it, click it
//! to jump there. Screen readers and tests see a slider they can set.

use egui::accesskit::{Action, ActionData};
use egui::{
    Align2, Color32, FontId, Painter, Pos2, Rect, Response, Sense, Stroke, Ui, Vec2, WidgetInfo,
};

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

/// Where things are on the bar: the rail's extent and the days it spans.
struct Geometry {
    rail: Rect,
    start: Date,
    length: f32,
    /// The rail's line (and the handle's centre), in screen y.
    rail_y: f32,
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
        start: timeline.start(),
        length: timeline.length_days() as f32,
        rail_y: rect.top() + 34.0,
    };
    let requested = accessible_slider(ui, &response, timeline);

    let painter = ui.painter_at(rect);
    paint_density(&painter, &geometry, marks, rect.top());
    paint_ticks(&painter, &geometry, marks, rect.top() + 12.0);
    paint_rail(ui, &painter, &geometry, timeline.date());
    paint_years(ui, &painter, &geometry, timeline);
    pointer_command(&response, &geometry, marks).or(requested)
}

/// Screen readers and tests see a slider over the days since the first day,
/// which they can set by value; returns the value they set this frame.
fn accessible_slider(ui: &Ui, response: &Response, timeline: &Timeline) -> Option<TimeCommand> {
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
    requested.map(|days| TimeCommand::SetDate(timeline.start().add_days(days.round() as i64)))
}

/// A strip along the top: how many marks fall near each 3-point column.
fn paint_density(painter: &Painter, geometry: &Geometry, marks: &[Mark], top: f32) {
    let strip = Rect::from_min_max(
        Pos2::new(geometry.rail.left(), top + 2.0),
        Pos2::new(geometry.rail.right(), top + 9.0),
    );
    let columns = (strip.width() / 3.0).max(1.0) as usize;
    let mut counts = vec![0u32; columns];
    for mark in marks {
        let x = geometry.x_of(mark.date);
        let c = (((x - strip.left()) / strip.width()) * columns as f32) as usize;
        if let Some(count) = counts.get_mut(c.min(columns - 1)) {
            *count += 1;
        }
    }
    let peak = counts.iter().copied().max().unwrap_or(1).max(1) as f32;
    let column_width = strip.width() / columns as f32;
    for (c, &n) in counts.iter().enumerate() {
        if n == 0 {
            continue;
        }
        let strength = (n as f32 / peak).sqrt();
        painter.rect_filled(
            Rect::from_min_size(
                Pos2::new(strip.left() + c as f32 * column_width, strip.top()),
                Vec2::new(column_width, strip.height()),
            ),
            0.0,
            Color32::from_rgb(0xB2, 0x18, 0x2B).gamma_multiply(0.15 + 0.85 * strength),
        );
    }
}

/// A tick per mark, coloured by kind; changes of control are shorter.
fn paint_ticks(painter: &Painter, geometry: &Geometry, marks: &[Mark], top: f32) {
    for mark in marks {
        let x = geometry.x_of(mark.date);
        let tick_top = if matches!(mark.kind, MarkKind::ControlChange) {
            top + 8.0
        } else {
            top
        };
        painter.line_segment(
            [Pos2::new(x, tick_top), Pos2::new(x, geometry.rail_y - 4.0)],
            Stroke::new(1.2, mark_color(mark)),
        );
    }
}

/// The rail, filled up to the date, and the handle on the date.
fn paint_rail(ui: &Ui, painter: &Painter, geometry: &Geometry, date: Date) {
    let visuals = ui.visuals();
    let (left, right, y) = (geometry.rail.left(), geometry.rail.right(), geometry.rail_y);
    let handle_x = geometry.x_of(date);
    painter.line_segment(
        [Pos2::new(left, y), Pos2::new(right, y)],
        Stroke::new(3.0, visuals.weak_text_color()),
    );
    painter.line_segment(
        [Pos2::new(left, y), Pos2::new(handle_x, y)],
        Stroke::new(3.0, visuals.selection.bg_fill),
    );
    painter.circle(
        Pos2::new(handle_x, y),
        7.0,
        visuals.selection.bg_fill,
        Stroke::new(2.0, Color32::WHITE),
    );
}

/// A tick each year under the rail, and a label as often as there is room.
fn paint_years(ui: &Ui, painter: &Painter, geometry: &Geometry, timeline: &Timeline) {
    let (text_color, weak) = (ui.visuals().text_color(), ui.visuals().weak_text_color());
    let (first, last) = (timeline.start().year(), timeline.end().year());
    let years_span = (last - first).max(1) as f32;
    let label_every = [1, 2, 5, 10]
        .into_iter()
        .find(|&n| geometry.rail.width() / years_span * n as f32 >= 34.0)
        .unwrap_or(10);
    let y = geometry.rail_y;
    for year in (first + 1)..=last {
        let Some(jan1) = Date::from_ymd(year, 1, 1) else {
            continue;
        };
        let x = geometry.x_of(jan1);
        let long = year % label_every == 0;
        painter.line_segment(
            [
                Pos2::new(x, y + 6.0),
                Pos2::new(x, y + if long { 12.0 } else { 9.0 }),
            ],
            Stroke::new(1.0, weak),
        );
        if long {
            painter.text(
                Pos2::new(x, y + 13.0),
                Align2::CENTER_TOP,
                year.to_string(),
                FontId::proportional(11.0),
                text_color,
            );
        }
    }
}

/// What the pointer does: a tick under it is named and jumps there when
/// clicked; elsewhere hovering names the day, and a click or a drag (also
/// outside the bar) sets it.
fn pointer_command(
    response: &Response,
    geometry: &Geometry,
    marks: &[Mark],
) -> Option<TimeCommand> {
    let pointer = response.hover_pos();
    if let Some(pointer) = pointer {
        let near: Vec<&Mark> = marks
            .iter()
            .filter(|m| (geometry.x_of(m.date) - pointer.x).abs() <= TICK_PICK)
            .collect();
        if pointer.y < geometry.rail_y - 6.0 && !near.is_empty() {
            return tick_hover(response, geometry, &near, pointer.x);
        }
        if !response.dragged() {
            response
                .clone()
                .on_hover_text_at_pointer(geometry.date_at(pointer.x).to_string());
        }
    }
    if response.clicked() || response.dragged() {
        let at = response.interact_pointer_pos()?;
        return Some(TimeCommand::SetDate(geometry.date_at(at.x)));
    }
    None
}

/// Lists the marks under the pointer; a click jumps to the closest.
fn tick_hover(
    response: &Response,
    geometry: &Geometry,
    near: &[&Mark],
    x: f32,
) -> Option<TimeCommand> {
    let closest = near
        .iter()
        .min_by(|a, b| {
            let da = (geometry.x_of(a.date) - x).abs();
            let db = (geometry.x_of(b.date) - x).abs();
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
    if response.clicked() {
        closest.map(TimeCommand::SetDate)
    } else {
        None
    }
}
