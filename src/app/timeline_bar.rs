//! The full-width time slider: a density strip of changes, ticks for events
//! and changes of control (coloured by kind), the rail with its handle, and a
//! scale of years, months or days. Drag or click to set the date; hover a tick
//! to read it, click it to jump there. The wheel zooms the bar (down to days)
//! about the pointer, dragging the scale or scrolling sideways pans it, and
//! Shift+drag selects the range playback runs over. Screen readers and tests
//! see a slider over the whole timeline they can set.

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
/// The shortest span the bar zooms to, in days.
const MIN_SPAN_DAYS: i64 = 14;

/// The part of the timeline the bar shows (first and last day); the whole
/// timeline when not zoomed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeWindow {
    /// The first day shown.
    pub from: Date,
    /// The last day shown.
    pub to: Date,
}

impl TimeWindow {
    /// The whole timeline.
    pub fn whole(timeline: &Timeline) -> TimeWindow {
        TimeWindow {
            from: timeline.start(),
            to: timeline.end(),
        }
    }

    /// Zooms by `factor` (below 1: in) keeping `anchor` where it is, within
    /// the timeline.
    fn zoom(self, factor: f64, anchor: Date, timeline: &Timeline) -> TimeWindow {
        let span = self.to.days_since(self.from).max(1) as f64;
        let full = timeline.length_days().max(MIN_SPAN_DAYS);
        let new_span = ((span * factor).round() as i64).clamp(MIN_SPAN_DAYS, full);
        let t = anchor.days_since(self.from) as f64 / span;
        let from = anchor.add_days(-((t * new_span as f64).round() as i64));
        TimeWindow {
            from,
            to: from.add_days(new_span),
        }
        .within(timeline)
    }

    /// Moves by `days`, within the timeline.
    fn pan(self, days: i64) -> TimeWindow {
        TimeWindow {
            from: self.from.add_days(days),
            to: self.to.add_days(days),
        }
    }

    /// Slid back inside the timeline, keeping its span.
    fn within(self, timeline: &Timeline) -> TimeWindow {
        let span = self.to.days_since(self.from);
        let from = self.from.clamp(
            timeline.start(),
            timeline.end().add_days(-span).max(timeline.start()),
        );
        TimeWindow {
            from,
            to: from.add_days(span).min(timeline.end()),
        }
    }
}

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
    /// Where a date is on the bar (beyond the rail's ends when outside the window).
    fn x_of(&self, date: Date) -> f32 {
        let t = date.days_since(self.start) as f32 / self.length.max(1.0);
        self.rail.left() + t * self.rail.width()
    }

    /// Whether a date is in the window shown.
    fn shows(&self, date: Date) -> bool {
        let x = self.x_of(date);
        x >= self.rail.left() - 0.5 && x <= self.rail.right() + 0.5
    }

    /// Points per day.
    fn day_width(&self) -> f32 {
        self.rail.width() / self.length.max(1.0)
    }

    fn date_at(&self, x: f32) -> Date {
        let t = ((x - self.rail.left()) / self.rail.width().max(1.0)).clamp(0.0, 1.0);
        self.start.add_days((t * self.length).round() as i64)
    }
}

/// Shows the bar over `window` (zoomed and panned here); returns the command
/// the user gave with it, if any. `compare_from` is compare mode's earlier
/// date, drawn as a second handle: dragging that handle, or a Ctrl+click on
/// the bar, sets it (and returns no time command).
pub fn timeline_bar(
    ui: &mut Ui,
    timeline: &Timeline,
    marks: &[Mark],
    window: &mut TimeWindow,
    compare_from: &mut Option<Date>,
) -> Option<TimeCommand> {
    let width = ui.available_width();
    let (rect, response) =
        ui.allocate_exact_size(Vec2::new(width, HEIGHT), Sense::click_and_drag());
    *window = window.within(timeline);
    let geometry = Geometry {
        rail: Rect::from_min_max(
            Pos2::new(rect.left() + SIDE_PAD, rect.top()),
            Pos2::new(rect.right() - SIDE_PAD, rect.bottom()),
        ),
        start: window.from,
        length: window.to.days_since(window.from) as f32,
        rail_y: rect.top() + 34.0,
    };
    let requested = accessible_slider(ui, &response, timeline);
    let range = range_drag(ui, &response, &geometry);
    let panning = zoom_and_pan(ui, &response, &geometry, timeline, window);

    let painter = ui.painter_at(rect);
    paint_density(&painter, &geometry, marks, rect.top());
    paint_range(&painter, &geometry, timeline.range(), rect);
    paint_ticks(&painter, &geometry, marks, rect.top() + 12.0);
    paint_rail(ui, &painter, &geometry, timeline.date());
    paint_scale(ui, &painter, &geometry);
    let second = compare_handle(ui, &response, &geometry, *compare_from, timeline.date());
    if let Some(from) = *compare_from {
        paint_compare_handle(&painter, &geometry, from, timeline.date());
    }
    if let Some(from) = second {
        *compare_from = Some(from);
        return None;
    }
    if range.is_some() {
        return range;
    }
    let shift = ui.input(|i| i.modifiers.shift);
    if panning || (shift && (response.dragged() || response.drag_stopped())) {
        return requested;
    }
    pointer_command(&response, &geometry, marks).or(requested)
}

/// Compare mode's second handle: a drag that starts on it (nearer to it than
/// to the date's handle) moves it; a Ctrl+click anywhere on the bar puts it
/// there. Returns the new earlier date.
fn compare_handle(
    ui: &Ui,
    response: &Response,
    geometry: &Geometry,
    from: Option<Date>,
    date: Date,
) -> Option<Date> {
    let id = response.id.with("compare-handle-drag");
    let command = ui.input(|i| i.modifiers.command);
    if command && response.clicked() {
        return response
            .interact_pointer_pos()
            .map(|p| geometry.date_at(p.x));
    }
    if response.drag_started()
        && let (Some(from), Some(p)) = (from, ui.input(|i| i.pointer.press_origin()))
    {
        let to_second = (geometry.x_of(from) - p.x).abs();
        let to_main = (geometry.x_of(date) - p.x).abs();
        let grabbed =
            to_second <= 8.0 && to_second < to_main && (p.y - geometry.rail_y).abs() <= 12.0;
        ui.ctx().data_mut(|d| d.insert_temp(id, grabbed));
    }
    let grabbed = ui.ctx().data(|d| d.get_temp::<bool>(id)).unwrap_or(false);
    if !grabbed {
        return None;
    }
    if response.drag_stopped() || !response.dragged() {
        ui.ctx().data_mut(|d| d.remove::<bool>(id));
    }
    response
        .interact_pointer_pos()
        .map(|p| geometry.date_at(p.x))
}

/// The earlier date's handle: a dark ring on the rail, the stretch between
/// the two dates drawn thicker, and "from" above it.
fn paint_compare_handle(painter: &Painter, geometry: &Geometry, from: Date, date: Date) {
    let clamp = |x: f32| x.clamp(geometry.rail.left(), geometry.rail.right());
    let (x, y) = (clamp(geometry.x_of(from)), geometry.rail_y);
    let to = clamp(geometry.x_of(date));
    painter.line_segment(
        [Pos2::new(x.min(to), y), Pos2::new(x.max(to), y)],
        Stroke::new(5.0, Color32::from_rgb(0xD5, 0x5E, 0x00)),
    );
    painter.circle(
        Pos2::new(x, y),
        6.0,
        Color32::WHITE,
        Stroke::new(2.5, Color32::from_rgb(0xD5, 0x5E, 0x00)),
    );
    painter.text(
        Pos2::new(x, y - 9.0),
        Align2::CENTER_BOTTOM,
        "from",
        FontId::proportional(10.0),
        Color32::from_rgb(0xA0, 0x40, 0x00),
    );
}

/// Shift+drag selects the range playback runs over; a Shift+click clears it.
fn range_drag(ui: &Ui, response: &Response, geometry: &Geometry) -> Option<TimeCommand> {
    let id = response.id.with("range-start");
    let shift = ui.input(|i| i.modifiers.shift);
    if shift && response.drag_started() {
        let start = response
            .interact_pointer_pos()
            .map(|p| geometry.date_at(p.x));
        ui.ctx().data_mut(|d| d.insert_temp(id, start));
    }
    let start: Option<Date> = ui.ctx().data(|d| d.get_temp::<Option<Date>>(id)).flatten();
    if let (Some(start), Some(pointer)) = (start, response.interact_pointer_pos()) {
        let end = geometry.date_at(pointer.x);
        if response.drag_stopped() {
            ui.ctx().data_mut(|d| d.remove::<Option<Date>>(id));
        }
        return Some(TimeCommand::SetRange(Some((
            start.min(end),
            start.max(end),
        ))));
    }
    if shift && response.clicked() {
        return Some(TimeCommand::SetRange(None));
    }
    None
}

/// The wheel zooms about the pointer; scrolling sideways, or dragging the
/// scale under the rail, pans. Says whether the scale is being dragged.
fn zoom_and_pan(
    ui: &Ui,
    response: &Response,
    geometry: &Geometry,
    timeline: &Timeline,
    window: &mut TimeWindow,
) -> bool {
    let on_scale = ui
        .input(|i| i.pointer.press_origin())
        .is_some_and(|p| p.y > geometry.rail_y + 5.0);
    let dragging_scale = response.dragged() && on_scale;
    let Some(pointer) = response.hover_pos() else {
        return dragging_scale;
    };
    let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
    let factor = (-(scroll.y as f64) * 0.004).exp() / pinch as f64;
    if (factor - 1.0).abs() > 1e-4 {
        *window = window.zoom(factor, geometry.date_at(pointer.x), timeline);
    }
    let mut pan_points = -scroll.x;
    if dragging_scale {
        pan_points -= response.drag_delta().x;
    }
    let days = (pan_points / geometry.day_width().max(1e-6)).round() as i64;
    if days != 0 {
        *window = window.pan(days).within(timeline);
    }
    dragging_scale
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
    for mark in marks.iter().filter(|m| geometry.shows(m.date)) {
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
    for mark in marks.iter().filter(|m| geometry.shows(m.date)) {
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
    let handle_x = geometry
        .x_of(date)
        .clamp(geometry.rail.left(), geometry.rail.right());
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

/// The playback range as a band behind the ticks.
fn paint_range(painter: &Painter, geometry: &Geometry, range: Option<(Date, Date)>, rect: Rect) {
    let Some((first, last)) = range else {
        return;
    };
    let (a, b) = (geometry.x_of(first), geometry.x_of(last));
    let band = Rect::from_min_max(
        Pos2::new(a, rect.top() + 10.0),
        Pos2::new(b, geometry.rail_y + 4.0),
    );
    painter.rect_filled(
        band,
        2.0,
        Color32::from_rgba_unmultiplied(0x45, 0x75, 0xB4, 40),
    );
    for x in [a, b] {
        painter.line_segment(
            [Pos2::new(x, band.top()), Pos2::new(x, band.bottom())],
            Stroke::new(1.5, Color32::from_rgb(0x45, 0x75, 0xB4)),
        );
    }
}

/// The unit of the scale under the rail.
#[derive(Clone, Copy, PartialEq)]
enum ScaleUnit {
    /// Every `n` years.
    Years(i32),
    /// Every month.
    Months,
    /// Every day.
    Days,
}

/// Ticks under the rail for years, months or days (whatever fits the zoom),
/// labelled as often as there is room.
fn paint_scale(ui: &Ui, painter: &Painter, geometry: &Geometry) {
    let (text_color, weak) = (ui.visuals().text_color(), ui.visuals().weak_text_color());
    let day = geometry.day_width();
    let unit = if day >= 22.0 {
        ScaleUnit::Days
    } else if day * 30.0 >= 44.0 {
        ScaleUnit::Months
    } else {
        let every = [1, 2, 5, 10]
            .into_iter()
            .find(|&n| day * 365.25 * n as f32 >= 34.0)
            .unwrap_or(10);
        ScaleUnit::Years(every)
    };
    let y = geometry.rail_y;
    let first = geometry.date_at(geometry.rail.left());
    let last = geometry.date_at(geometry.rail.right());
    let mut date = match unit {
        ScaleUnit::Days => first,
        ScaleUnit::Months => Date::from_ymd(first.year(), first.month(), 1).unwrap_or(first),
        ScaleUnit::Years(_) => Date::from_ymd(first.year(), 1, 1).unwrap_or(first),
    };
    while date <= last {
        let x = geometry.x_of(date);
        let (long, label) = match unit {
            ScaleUnit::Years(every) => (date.year() % every == 0, date.year().to_string()),
            ScaleUnit::Months if date.month() == 1 => (true, date.year().to_string()),
            ScaleUnit::Months => (day * 30.0 >= 60.0, month_name(date).to_string()),
            ScaleUnit::Days if date.day() == 1 => {
                (true, format!("{} {}", month_name(date), date.year()))
            }
            ScaleUnit::Days => (true, date.day().to_string()),
        };
        if geometry.shows(date) {
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
                    label,
                    FontId::proportional(11.0),
                    text_color,
                );
            }
        }
        date = match unit {
            ScaleUnit::Days => date.add_days(1),
            ScaleUnit::Months => date.add_months(1),
            ScaleUnit::Years(_) => date.add_months(12),
        };
    }
}

/// The month's short name for the scale.
fn month_name(date: Date) -> &'static str {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    MONTHS
        .get((date.month() as usize).saturating_sub(1))
        .copied()
        .unwrap_or("")
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
