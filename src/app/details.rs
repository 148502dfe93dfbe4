//! The details panel: everything about the selected feature on the current
//! date — names, status, the whole history (click a row to go there),
//! precision and sources.

use egui::{RichText, Ui};

use super::Command;
use super::document::Document;
use crate::atlas::{Feature, HistoryEntry, LayerKind, Precision, Source};
use crate::spatial::{MapPoint, features_at};
use crate::time::{Date, Lifespan, TimeCommand};

/// A readable name for a feature's kind.
fn kind_label(feature: &Feature) -> String {
    match feature.layer {
        LayerKind::Control => "Control zone".to_string(),
        LayerKind::Events => format!("Event ({})", feature.kind),
        LayerKind::RussianForces => format!("Forces: {}", feature.kind.replace('-', " ")),
        LayerKind::Corridor => "Lachin corridor".to_string(),
        LayerKind::Countries => "Country (Natural Earth outline)".to_string(),
        LayerKind::User(ref name) => format!("Your layer {name}: {}", feature.kind),
        _ => feature.kind.replace('-', " "),
    }
}

fn span_text(span: &Lifespan) -> String {
    match (span.from, span.until) {
        (Some(f), Some(u)) => format!("{f} – {}", u.add_days(-1)),
        (Some(f), None) => format!("since {f}"),
        (None, Some(u)) => format!("until {}", u.add_days(-1)),
        (None, None) => "always".to_string(),
    }
}

fn entry_text(entry: &HistoryEntry) -> String {
    let mut parts = Vec::new();
    if let Some(c) = entry.controller {
        parts.push(format!("{} — {}", c.code(), c.description()));
    }
    if let Some(status) = &entry.status {
        parts.push(status.clone());
    }
    if let Some(n) = entry.strength {
        parts.push(format!("about {n} personnel"));
    }
    if let Some((a, b)) = entry.from_range {
        parts.push(format!("began between {a} and {b}"));
    }
    parts.join("; ")
}

/// The status line for `date`. "Since" is the first day of the control or
/// presence, not of the current history entry; the current phase is named
/// separately when it began later.
fn status_text(feature: &Feature, date: Date) -> String {
    let since = feature
        .since(date)
        .map(|d| format!(" since {d}"))
        .unwrap_or_default();
    let phase = match (feature.since(date), feature.phase_since(date)) {
        (Some(start), Some(phase)) if phase > start => format!(" (this phase since {phase})"),
        _ => String::new(),
    };
    if let Some(state) = feature.state_on(date) {
        if let Some(c) = state.controller {
            return format!(
                "On {date}: held by {} — {}{since}{phase}",
                c.code(),
                c.description()
            );
        }
        if let Some(status) = &state.status {
            return format!("On {date}: {status}{phase}; present{since}");
        }
    }
    match (feature.exists_on(date), feature.lifespan.from) {
        (true, Some(_)) => format!("On {date}: present{since}{phase}"),
        (true, None) => format!("On {date}: shown on every date"),
        (false, _) => format!("On {date}: not present ({})", span_text(&feature.lifespan)),
    }
}

fn sources_list(ui: &mut Ui, sources: &[Source]) {
    for source in sources {
        let date = source.date.map(|d| format!(" ({d})")).unwrap_or_default();
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
    }
}

/// The dated rows of a history; clicking a row's date moves the slider there.
fn history_grid(
    ui: &mut Ui,
    id: &str,
    history: &[HistoryEntry],
    date: Date,
    out: &mut Vec<Command>,
) {
    egui::Grid::new(("history", id))
        .striped(true)
        .num_columns(2)
        .show(ui, |ui| {
            for entry in history {
                let current = entry.span.contains(date);
                let button = egui::Button::new(RichText::new(span_text(&entry.span)).monospace())
                    .selected(current);
                if ui
                    .add(button)
                    .on_hover_text("Move the slider to this date")
                    .clicked()
                    && let Some(from) = entry.span.from
                {
                    out.push(Command::Time(TimeCommand::SetDate(from)));
                }
                ui.vertical(|ui| {
                    ui.label(entry_text(entry));
                    if let Some(note) = &entry.note {
                        ui.weak(note);
                    }
                    sources_list(ui, &entry.sources);
                });
                ui.end_row();
            }
        });
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
    header(ui, feature, &mut out);
    ui.separator();
    ui.label(RichText::new(status_text(feature, date)).strong());
    let ground = ground_under(document, feature, at);
    if let Some(zone) = ground
        && let Some(c) = zone.controller_on(date)
    {
        ui.label(format!(
            "Ground held by {} — {} on {date} ({})",
            c.code(),
            c.description(),
            zone.name.en
        ));
    }
    if let Some(summary) = &feature.summary {
        ui.label(summary);
    }
    if let Some(note) = &feature.note {
        ui.weak(note);
    }
    if !feature.history.is_empty() {
        ui.separator();
        ui.label(RichText::new("History").strong());
        history_grid(ui, &feature.id, &feature.history, date, &mut out);
    } else if let Some(from) = feature.lifespan.from
        && ui.button(format!("Go to {from}")).clicked()
    {
        out.push(Command::Time(TimeCommand::SetDate(from)));
    }
    if let Some(zone) = &ground {
        ui.separator();
        ui.label(RichText::new(format!("Control of the ground here ({})", zone.name.en)).strong());
        history_grid(ui, &zone.id, &zone.history, date, &mut out);
    }
    ui.separator();
    match feature.precision {
        Precision::Exact => ui.label("Precision: exact"),
        Precision::Approximate { uncertainty_km } => ui.label(format!(
            "Precision: approximate (within about {uncertainty_km} km)"
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

/// The name, a close button, the other languages' names and the kind.
fn header(ui: &mut Ui, feature: &Feature, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.heading(&feature.name.en);
        if ui
            .small_button("Close")
            .on_hover_text("Clear the selection")
            .clicked()
        {
            out.push(Command::Select(None));
        }
    });
    let others: Vec<String> = [
        ("hy", &feature.name.hy),
        ("az", &feature.name.az),
        ("ru", &feature.name.ru),
        ("ka", &feature.name.ka),
    ]
    .into_iter()
    .filter_map(|(code, name)| name.as_ref().map(|n| format!("{code}: {n}")))
    .collect();
    if !others.is_empty() {
        ui.label(others.join("   "));
    }
    ui.weak(kind_label(feature));
}
