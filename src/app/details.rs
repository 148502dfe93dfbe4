//! The details panel: everything about the selected feature on the current
//! date, in plain words — who held it since when, the whole history (click a
//! row's dates to go there) with each row's sources beside it, precision and
//! sources. Codes become names, dates are written out, and the notes meant
//! for maintainers stay in the data files (see [`super::plain_words`]).
//!
//! The rows are laid out top to bottom without a [`egui::Grid`]: a grid
//! learns its column widths in an invisible first pass in which text does
//! not wrap, so a history with long notes came out scrambled on the first
//! frame and only settled when something else caused a repaint.

use egui::{Color32, RichText, Ui};

use super::Command;
use super::document::Document;
use super::plain_words::{day, day_range, for_readers, span};
use crate::atlas::{ControlStatus, Feature, HistoryEntry, LayerKind, Precision, Source};
use crate::spatial::{MapPoint, features_at};
use crate::time::{Date, TimeCommand};

/// A readable name for a feature's kind.
pub(crate) fn kind_label(feature: &Feature) -> String {
    match feature.layer {
        LayerKind::Control => "Area of control".to_string(),
        LayerKind::Events => format!("Event: {}", feature.kind.replace('-', " ")),
        LayerKind::RussianForces => capitalised(&feature.kind.replace('-', " ")),
        LayerKind::Corridor => "Lachin corridor".to_string(),
        LayerKind::Countries => "Country outline".to_string(),
        LayerKind::User(ref name) => format!("Your layer {name}: {}", feature.kind),
        _ => capitalised(&feature.kind.replace('-', " ")),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `1960` → `1,960`.
fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The main line: who holds the feature on `date` and since when, or
/// when it is there. Public for the tests of the wording.
///
/// ```
/// # use caucasus_atlas::atlas::Loaded;
/// # use caucasus_atlas::app::details::status_text;
/// let atlas = Loaded::bundled().atlas;
/// let shusha = atlas.feature("zone-shusha-district").unwrap();
/// assert_eq!(
///     status_text(shusha, "2020-11-10".parse().unwrap()),
///     "Held by Azerbaijan since 8 Nov 2020 (date known as 8–9 Nov 2020)"
/// );
/// ```
pub fn status_text(feature: &Feature, date: Date) -> String {
    if let Some(controller) = feature.controller_on(date) {
        let mut text = controller.control_phrase_on(date);
        if let Some(since) = feature.since(date) {
            text.push_str(&format!(" since {}", day(since)));
            let first = feature.history.iter().find(|h| h.span.from == Some(since));
            if let Some((a, b)) = first.and_then(|h| h.from_range) {
                text.push_str(&format!(" (date known as {})", day_range(a, b)));
            }
        }
        if feature.status_on(date) == Some(ControlStatus::Contested)
            && let Some((next, (a, b))) = feature
                .history
                .iter()
                .filter(|h| h.span.from > Some(date))
                .find_map(|h| h.from_range.map(|r| (h, r)))
            && let Some(to) = next.controller
        {
            text.push_str(&format!(
                "; passing to {} on a day between {}",
                to.description_on(date),
                day_range(a, b)
            ));
        }
        return text;
    }
    let range = |r: Option<(Date, Date)>| {
        r.map(|(a, b)| format!(" (date known as {})", day_range(a, b)))
            .unwrap_or_default()
    };
    if feature.layer == LayerKind::Events {
        return match (feature.lifespan.from, feature.lifespan.until) {
            (Some(f), Some(u)) if u.add_days(-1) > f => {
                format!("From {} to {}", day(f), day(u.add_days(-1)))
            }
            (Some(f), _) => format!("On {}{}", day(f), range(feature.from_range)),
            (None, _) => String::new(),
        };
    }
    if !feature.exists_on(date) {
        return format!("Not there on {}: {}", day(date), span(&feature.lifespan));
    }
    // Only the start: the end, if any, lies after the date shown.
    match feature.lifespan.from {
        Some(f) => format!("There since {}{}", day(f), range(feature.from_range)),
        None => String::new(),
    }
}

/// The state of the current history entry (status, strength), if it has one.
fn phase_text(feature: &Feature, date: Date) -> Option<String> {
    let state = feature.state_on(date)?;
    if state.controller.is_some() {
        return None;
    }
    let mut parts = Vec::new();
    if let Some(status) = &state.status {
        parts.push(capitalised(status));
    }
    if let Some(n) = state.strength {
        parts.push(format!("about {} personnel", thousands(n)));
    }
    let since = state.span.from.map(|d| format!(" since {}", day(d)));
    (!parts.is_empty()).then(|| capitalised(&parts.join(", ")) + &since.unwrap_or_default())
}

/// Who the zone belongs to internationally and who else claims it, when
/// that is not its holder.
fn standing_lines(feature: &Feature, date: Date) -> Vec<String> {
    let mut lines = Vec::new();
    let holder = feature.controller_on(date);
    if let Some(de_jure) = feature.de_jure()
        && holder.is_some()
        && holder != Some(de_jure)
    {
        lines.push(format!(
            "Internationally recognised as part of {}",
            de_jure.description_on(date)
        ));
    }
    for claim in feature.claims.iter().filter(|c| c.span.contains(date)) {
        let since = claim
            .span
            .from
            .map(|d| format!(" since {}", day(d)))
            .unwrap_or_default();
        lines.push(format!(
            "Claimed by {}{since}",
            claim.by.description_on(date)
        ));
    }
    lines
}

/// What one history row says besides its dates.
fn entry_text(entry: &HistoryEntry) -> String {
    let mut parts = Vec::new();
    let on = entry.span.from.unwrap_or(crate::time::ATLAS_START);
    if let Some(c) = entry.controller {
        // A row that runs across the end of the Soviet Union names both.
        let last = entry.span.until.map_or(Date::today(), |u| u.add_days(-1));
        let (first_name, last_name) = (c.control_phrase_on(on), c.description_on(last));
        if first_name == c.control_phrase_on(last) {
            parts.push(first_name);
        } else {
            parts.push(format!("{first_name}, then {last_name}"));
        }
    }
    if let Some(status) = &entry.status {
        parts.push(capitalised(status));
    }
    if let Some(n) = entry.strength {
        parts.push(format!("about {} personnel", thousands(n)));
    }
    if let Some((a, b)) = entry.from_range {
        parts.push(format!("date known as {}", day_range(a, b)));
    }
    capitalised(&parts.join("; "))
}

/// A note as a reader sees it: names for ids, no maintainers' remarks.
fn reader_note(document: &Document, note: &str) -> Option<String> {
    let atlas = &document.data().atlas;
    for_readers(note, |id| atlas.feature(id).map(|f| f.name.en.as_str()))
}

/// The colour of a partisan mark (the warning colour of the theme).
fn partisan_color(ui: &Ui) -> Color32 {
    ui.visuals().warn_fg_color
}

/// One line per source: its title (a link when it has a web address), its
/// date, and whose side it speaks for when it is partisan.
fn sources_list(ui: &mut Ui, sources: &[Source]) {
    for source in sources {
        ui.horizontal_wrapped(|ui| {
            let date = source
                .date
                .map(|d| format!(" ({})", day(d)))
                .unwrap_or_default();
            match &source.url {
                // Only web addresses open in the browser.
                Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
                    ui.hyperlink_to(format!("{}{date}", source.title), url)
                        .on_hover_text(url);
                }
                _ => {
                    ui.label(format!("{}{date}", source.title));
                }
            }
            if let Some(side) = source.partisan {
                ui.label(
                    RichText::new(format!("partisan: {}", side.code()))
                        .small()
                        .color(partisan_color(ui)),
                )
                .on_hover_text(format!(
                    "This source speaks for one side: the government or state media of {}",
                    side.description()
                ));
            }
        });
    }
}

/// The dated rows of a history, one under the other; clicking a row's dates
/// moves the slider there. Each row carries its own sources.
fn history_rows(
    ui: &mut Ui,
    document: &Document,
    history: &[HistoryEntry],
    out: &mut Vec<Command>,
) {
    let date = document.date();
    for (i, entry) in history.iter().enumerate() {
        let current = entry.span.contains(date);
        let fill = if i % 2 == 1 {
            ui.visuals().faint_bg_color
        } else {
            Color32::TRANSPARENT
        };
        egui::Frame::NONE
            .fill(fill)
            .inner_margin(egui::Margin::symmetric(4, 3))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                let button =
                    egui::Button::new(RichText::new(span(&entry.span)).strong()).selected(current);
                if ui
                    .add(button)
                    .on_hover_text("Move the slider to this date")
                    .clicked()
                    && let Some(from) = entry.span.from
                {
                    out.push(Command::Time(TimeCommand::SetDate(from)));
                }
                ui.indent(("history-row", i), |ui| {
                    let text = entry_text(entry);
                    if !text.is_empty() {
                        ui.label(text);
                    }
                    if let Some(note) = entry.note.as_deref().and_then(|n| reader_note(document, n))
                    {
                        ui.weak(note);
                    }
                    sources_list(ui, &entry.sources);
                });
            });
    }
}

/// Shows the details of `feature` (selected at `at`) on the document's date;
/// returns commands (a history row clicked, the panel closed).
pub fn details_panel(
    ui: &mut Ui,
    document: &Document,
    feature: &Feature,
    at: MapPoint,
) -> Vec<Command> {
    let mut out = Vec::new();
    let date = document.date();
    header(ui, &document.name_of(feature), feature, &mut out);
    ui.separator();
    let status = status_text(feature, date);
    if !status.is_empty() {
        ui.label(RichText::new(status).strong());
    }
    if let Some(phase) = phase_text(feature, date) {
        ui.label(phase);
    }
    for line in standing_lines(feature, date) {
        ui.label(line);
    }
    let ground = ground_under(document, feature, at);
    if let Some(zone) = ground
        && let Some(c) = zone.controller_on(date)
    {
        let phrase = c.control_phrase_on(date);
        // "held by …" or "under the … control", in the middle of a sentence.
        let phrase = phrase.get(..1).unwrap_or("").to_lowercase() + phrase.get(1..).unwrap_or("");
        ui.label(format!(
            "The ground here ({}) is {phrase}",
            document.name_of(zone),
        ));
    }
    if let Some(summary) = &feature.summary {
        ui.label(summary);
    }
    if let Some(note) = feature
        .note
        .as_deref()
        .and_then(|n| reader_note(document, n))
    {
        ui.weak(note);
    }
    if !feature.history.is_empty() {
        ui.separator();
        ui.label(RichText::new("History").strong());
        history_rows(ui, document, &feature.history, &mut out);
    } else if let Some(from) = feature.lifespan.from
        && ui.button(format!("Go to {}", day(from))).clicked()
    {
        out.push(Command::Time(TimeCommand::SetDate(from)));
    }
    if let Some(zone) = &ground {
        ui.separator();
        ui.label(
            RichText::new(format!(
                "Who held the ground here ({})",
                document.name_of(zone)
            ))
            .strong(),
        );
        history_rows(ui, document, &zone.history, &mut out);
    }
    ui.separator();
    match feature.precision {
        Precision::Exact => ui.label("Drawn exactly"),
        Precision::Approximate { uncertainty_km } => ui.label(format!(
            "Drawn approximately: may be off by up to about {uncertainty_km} km"
        )),
    };
    ui.label(RichText::new("Sources").strong());
    sources_list(ui, document.data().atlas.sources_of(feature));
    if feature.layer.is_user() {
        ui.separator();
        ui.label(RichText::new("Properties").strong());
        properties_table(ui, feature);
    }
    out
}

/// A user's feature's properties as given, one row each. The rows are made
/// once per feature and kept in egui's memory (not parsed every frame).
fn properties_table(ui: &mut Ui, feature: &Feature) {
    let key = ui
        .scope_id()
        .with(("user-properties", feature.layer.name(), &feature.id));
    let rows: std::sync::Arc<Vec<(String, String)>> = ui.data_mut(|d| {
        d.get_temp_mut_or_insert_with(key, || {
            std::sync::Arc::new(
                feature
                    .properties()
                    .into_iter()
                    .map(|(k, v)| {
                        let text = match v {
                            serde_json::Value::String(s) => s,
                            serde_json::Value::Null => "—".to_string(),
                            other => other.to_string(),
                        };
                        (k, text)
                    })
                    .collect::<Vec<(String, String)>>(),
            )
        })
        .clone()
    });
    egui::Grid::new(("properties", &feature.id))
        .striped(true)
        .num_columns(2)
        .show(ui, |ui| {
            for (key, value) in rows.iter() {
                ui.label(RichText::new(key).monospace());
                ui.label(value);
                ui.end_row();
            }
        });
}

/// For a town, a post or an event: the control zone under where it was
/// clicked (whatever layers are shown), whose history explains who held it.
fn ground_under<'a>(
    document: &'a Document,
    feature: &Feature,
    at: MapPoint,
) -> Option<&'a Feature> {
    if feature.layer == LayerKind::Control {
        return None;
    }
    let data = document.data();
    features_at(
        &data.atlas,
        &data.projected,
        document.date(),
        at,
        0.0,
        &|layer| *layer == LayerKind::Control,
    )
    .first()
    .map(|hit| hit.feature)
}

/// The name (`name`, in the chosen order), a close button, the other languages' names and the kind.
fn header(ui: &mut Ui, name: &str, feature: &Feature, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        if ui
            .small_button("Close")
            .on_hover_text("Clear the selection")
            .clicked()
        {
            out.push(Command::Select(None));
        }
        ui.weak(kind_label(feature));
    });
    ui.add(egui::Label::new(RichText::new(name).heading()).wrap());
    for (language, name) in [
        ("Armenian", &feature.name.hy),
        ("Azerbaijani", &feature.name.az),
        ("Russian", &feature.name.ru),
        ("Georgian", &feature.name.ka),
    ] {
        if let Some(name) = name {
            ui.label(format!("{language}: {name}"));
        }
    }
}
