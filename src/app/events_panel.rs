//! The event list (E): every event by date, filtered by kind and by text; the
//! events around the date shown are highlighted, and a click moves the date to
//! the event and selects it.

use egui::{RichText, Ui};

use super::Command;
use super::document::Document;
use crate::atlas::schema::EVENT_KINDS;
use crate::atlas::{Feature, LayerKind};
use crate::search::fold;
use crate::time::TimeCommand;

/// How many days around the date shown count as its neighbourhood.
const NEAR_DAYS: i64 = 31;

/// The event list's state: open, and its filters.
#[derive(Default)]
pub struct EventsPanel {
    /// Whether the panel is shown.
    pub open: bool,
    kind: Option<&'static str>,
    text: String,
}

impl EventsPanel {
    /// Shows the list in `ui` (a side panel); returns the commands of a click.
    pub fn show(&mut self, ui: &mut Ui, document: &Document) -> Vec<Command> {
        let mut commands = Vec::new();
        ui.horizontal(|ui| {
            ui.label(RichText::new("Events").strong());
            if ui.small_button("Close").clicked() {
                self.open = false;
            }
        });
        self.filters(ui);
        let data = document.data();
        // The filter text folded once a frame; the events' names and
        // summaries were folded when the data was loaded.
        let words = fold(&self.text);
        let words: Vec<&str> = words.split_whitespace().collect();
        let events: Vec<&Feature> = data
            .atlas
            .layers
            .iter()
            .enumerate()
            .filter(|(_, l)| l.kind == LayerKind::Events)
            .flat_map(|(li, l)| {
                let (words, kind) = (&words, self.kind);
                l.features.iter().enumerate().filter_map(move |(fi, e)| {
                    let text_ok = data
                        .search
                        .folded(li, fi)
                        .is_some_and(|f| f.has_words(words));
                    (kind.is_none_or(|k| e.kind == k) && text_ok).then_some(e)
                })
            })
            .collect();
        let date = document.date();
        egui::ScrollArea::vertical().show(ui, |ui| {
            for event in events {
                let Some(day) = event.lifespan.from else {
                    continue;
                };
                let near = (day.days_since(date)).abs() <= NEAR_DAYS;
                let line = format!("{day}  {} ({})", event.name.en, event.kind);
                let text = if near {
                    RichText::new(line).strong()
                } else {
                    RichText::new(line)
                };
                let selected = document.selection().is_some_and(|(id, _)| *id == event.id);
                if ui
                    .selectable_label(selected, text)
                    .on_hover_text(event.summary.as_deref().unwrap_or("Go to this event"))
                    .clicked()
                {
                    commands.push(Command::Time(TimeCommand::SetDate(day)));
                    if let Some(at) = event_point(document, event) {
                        commands.push(Command::Select(Some((event.id.clone(), at))));
                    }
                }
            }
        });
        commands
    }

    /// The kind menu and the text field.
    fn filters(&mut self, ui: &mut Ui) {
        ui.horizontal_wrapped(|ui| {
            egui::ComboBox::from_label("Kind")
                .selected_text(self.kind.unwrap_or("all"))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.kind, None, "all");
                    for kind in EVENT_KINDS {
                        ui.selectable_value(&mut self.kind, Some(*kind), *kind);
                    }
                });
            let label = ui.label("Text");
            ui.add(egui::TextEdit::singleline(&mut self.text).desired_width(120.0))
                .labelled_by(label.id);
        });
    }
}

/// Where an event is drawn, in map km.
fn event_point(document: &Document, event: &Feature) -> Option<crate::spatial::MapPoint> {
    let data = document.data();
    data.projected.of_id(&event.id).map(|pf| pf.bbox.center())
}
