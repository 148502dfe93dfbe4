//! What the window remembers between runs: date, view, layers, language,
//! playback settings and panel layout. Stored as JSON through eframe's storage;
//! a corrupt or outdated record is ignored with a note, never a crash.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::atlas::{Language, LayerKind, NameOrder};
use crate::spatial::MapView;
use crate::time::Date;

/// The storage key.
pub const STORAGE_KEY: &str = "caucasus-atlas/state";
/// Bumped when the stored shape changes; older records are ignored.
pub const STATE_VERSION: u32 = 1;

/// The remembered state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersistedState {
    /// Format version.
    pub version: u32,
    /// The date shown.
    pub date: Date,
    /// The map view (`None`: fit the region).
    pub view: Option<MapView>,
    /// Hidden layers (stored by name).
    pub hidden_layers: BTreeSet<LayerKind>,
    /// Label language.
    pub language: Language,
    /// The order of a place's two names (absent in older records: the
    /// holder's first; an unknown word makes the record unreadable).
    #[serde(default)]
    pub names: NameOrder,
    /// Playback speed (days per second).
    pub days_per_second: f64,
    /// Loop playback.
    pub looping: bool,
    /// Whether the layer panel is open.
    pub layers_panel_open: bool,
}

/// Reads the stored state. `Err` carries a note for the user when a record was
/// there but could not be used.
pub fn load(storage: Option<&dyn eframe::Storage>) -> Result<Option<PersistedState>, String> {
    let Some(text) = storage.and_then(|s| s.get_string(STORAGE_KEY)) else {
        return Ok(None);
    };
    parse(&text).map(Some)
}

/// Parses a stored record, checking its version and values.
pub fn parse(text: &str) -> Result<PersistedState, String> {
    let state: PersistedState = serde_json::from_str(text)
        .map_err(|e| format!("The saved window state could not be read ({e}); starting fresh."))?;
    if state.version != STATE_VERSION {
        return Err(format!(
            "The saved window state is from another version ({}); starting fresh.",
            state.version
        ));
    }
    if state.view.is_some_and(|v| !v.is_sane()) {
        return Err("The saved map view was out of range; starting fresh.".to_string());
    }
    Ok(state)
}

/// Writes the state.
pub fn save(storage: &mut dyn eframe::Storage, state: &PersistedState) {
    if let Ok(text) = serde_json::to_string(state) {
        storage.set_string(STORAGE_KEY, text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> PersistedState {
        PersistedState {
            version: STATE_VERSION,
            date: "2020-11-10".parse().unwrap(),
            view: Some(MapView {
                center: [10.0, -5.0],
                points_per_km: 2.0,
            }),
            hidden_layers: [LayerKind::Events].into(),
            language: Language::Hy,
            names: NameOrder::AzFirst,
            days_per_second: 7.0,
            looping: true,
            layers_panel_open: false,
        }
    }

    #[test]
    fn round_trips() {
        let text = serde_json::to_string(&sample()).unwrap();
        assert_eq!(parse(&text).unwrap(), sample());
    }

    #[test]
    fn corrupt_old_or_insane_records_are_refused_with_a_note() {
        assert!(
            parse("{not json")
                .unwrap_err()
                .contains("could not be read")
        );
        let mut old = sample();
        old.version = 0;
        assert!(
            parse(&serde_json::to_string(&old).unwrap())
                .unwrap_err()
                .contains("another version")
        );
        let mut far = sample();
        far.view = Some(MapView {
            center: [f64::MAX, 0.0],
            points_per_km: 2.0,
        });
        let text = serde_json::to_string(&far).unwrap();
        assert!(parse(&text).is_err());
        let bad_date = serde_json::to_string(&sample())
            .unwrap()
            .replace("2020-11-10", "2020-02-31");
        assert!(parse(&bad_date).is_err());
        let bad_names = serde_json::to_string(&sample())
            .unwrap()
            .replace("az-first", "armenian-only");
        assert!(parse(&bad_names).is_err());
    }

    #[test]
    fn a_record_from_before_the_name_order_reads_as_holder_first() {
        let text = serde_json::to_string(&sample())
            .unwrap()
            .replace(",\"names\":\"az-first\"", "");
        assert!(!text.contains("names"));
        assert_eq!(parse(&text).unwrap().names, NameOrder::Holder);
    }
}
