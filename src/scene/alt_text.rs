//! A plain-language description of a Scene for screen readers (an export's
//! alt text). It is built from the Scene's legend and labels, which list only
//! what is drawn on the date in the extent shown, so it cannot describe
//! anything the map does not show, and it uses the legend's own neutral wording.

use super::{Scene, Swatch, Symbol};

/// How many place names the description mentions at most.
const PLACES: usize = 8;

/// The description of `scene`: "Map of the South Caucasus on 10 November
/// 2020. Areas held by …. The Lachin corridor is …. Markers: …."
pub fn alt_text(scene: &Scene) -> String {
    let mut sentences = vec![match &scene.data_note {
        Some(note) => format!("Map of the South Caucasus on {} ({note}).", scene.caption),
        None => format!("Map of the South Caucasus on {}.", scene.caption),
    }];
    let mut held = Vec::new();
    let mut countries = Vec::new();
    let mut markers = Vec::new();
    let mut events = Vec::new();
    let mut lines = Vec::new();
    for entry in &scene.legend {
        let text = entry.text.as_str();
        match entry.swatch {
            Swatch::Area => match text.strip_prefix("Held by ") {
                Some(holder) => held.push(holder),
                None => countries.push(text),
            },
            Swatch::Hatched(_) => sentences.push(sentence(text)),
            Swatch::Symbol(Symbol::Event) => {
                events.push(text.strip_prefix("Event: ").unwrap_or(text));
            }
            Swatch::Symbol(_) => markers.push(text),
            Swatch::Line { .. } => match text.strip_prefix("Lachin corridor: ") {
                Some(status) => sentences.push(format!("The Lachin corridor is {status}.")),
                // A note on how lines are drawn ("Dashed edge: …") reads on its own.
                None if text.contains(": ") => sentences.push(sentence(text)),
                None => lines.push(text),
            },
        }
    }
    if !held.is_empty() {
        sentences.insert(1, format!("Areas held by {}.", list(&held)));
    } else if !countries.is_empty() {
        sentences.insert(1, format!("Countries shown: {}.", list(&countries)));
    }
    if !markers.is_empty() {
        sentences.push(format!("Marked: {}.", markers.join("; ")));
    }
    if !events.is_empty() {
        sentences.push(format!("Events marked: {}.", list(&events)));
    }
    if !lines.is_empty() {
        sentences.push(format!("Lines: {}.", lines.join("; ")));
    }
    let mut labels: Vec<_> = scene.labels.iter().collect();
    labels.sort_by_key(|l| l.priority);
    let mut places: Vec<&str> = Vec::new();
    for label in labels {
        if places.len() == PLACES {
            break;
        }
        if !places.contains(&label.text.as_str()) {
            places.push(&label.text);
        }
    }
    if !places.is_empty() {
        sentences.push(format!("Places named include {}.", list(&places)));
    }
    sentences.join(" ")
}

/// "a", "a and b", "a, b and c".
fn list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A legend line as a sentence: "Hatched: held …" → "Hatched: held ….".
fn sentence(text: &str) -> String {
    let t = text.trim_end_matches('.');
    format!("{t}.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_english() {
        assert_eq!(list(&["a"]), "a");
        assert_eq!(list(&["a", "b"]), "a and b");
        assert_eq!(list(&["a", "b", "c"]), "a, b and c");
    }
}
