//! A comparison as JSON (the `diff --json` contract) and its changed areas as
//! GeoJSON.

use crate::json::put;
use serde_json::{Value, json};

use super::{Change, Comparison, EventNote, HistoryNote, Step};
use crate::atlas::Source;

/// km² to one decimal (the zones are not better than that).
fn km2(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn sources(list: &[Source]) -> Value {
    list.iter()
        .map(|s| {
            let mut obj = json!({"title": s.title, "url": s.url});
            if let Some(date) = s.date {
                put(&mut obj, "date", json!(date.to_string()));
            }
            if let Some(side) = s.partisan {
                put(&mut obj, "partisan", json!(side.code()));
            }
            obj
        })
        .collect()
}

fn step(s: &Step) -> Value {
    json!({
        "zone": s.zone,
        "controller": s.controller.code(),
        "from": s.from.to_string(),
        "until": s.until.map(|d| d.to_string()),
    })
}

fn change(c: &Change) -> Value {
    json!({
        "from_controller": c.from.code(),
        "to_controller": c.to.code(),
        "area_km2": km2(c.area_km2),
        "uncertainty_km2": km2(c.uncertainty_km2),
        "share_of_from": (c.share_of_from * 1e4).round() / 1e4,
        "zones": c.zones,
        "precision": if c.approximate { "approximate" } else { "exact" },
        "via": c.via.iter().map(step).collect::<Vec<_>>(),
        "parts": c.parts.iter().map(|p| json!({
            "zone": p.zone,
            "area_km2": km2(p.area_km2),
            "uncertainty_km2": km2(p.uncertainty_km2),
        })).collect::<Vec<_>>(),
    })
}

fn event(e: &EventNote) -> Value {
    json!({
        "id": e.id,
        "date": e.date.to_string(),
        "until": e.until.map(|d| d.to_string()),
        "kind": e.kind,
        "name": e.name,
        "summary": e.summary,
        "lon": e.at.map(|p| p.0),
        "lat": e.at.map(|p| p.1),
        "sources": sources(&e.sources),
    })
}

fn history(h: &HistoryNote) -> Value {
    let mut obj = json!({
        "zone": h.zone,
        "name": h.zone_name,
        "date": h.date.to_string(),
        "from_controller": h.before.map(|c| c.code()),
        "to_controller": h.controller.map(|c| c.code()),
        "note": h.note,
        "sources": sources(&h.sources),
        "sources_of": if h.own_sources { "entry" } else { "zone" },
    });
    if let Some((a, b)) = h.from_range {
        put(
            &mut obj,
            "from_range",
            json!([a.to_string(), b.to_string()]),
        );
    }
    if let Some(status) = &h.status {
        put(&mut obj, "status", json!(status));
    }
    obj
}

impl Comparison {
    /// The `diff --json` document: `{ "from", "to", "changes", "totals",
    /// "round_trips", "events", "history" }` (and `"bbox"` when one was given).
    pub fn to_json(&self) -> Value {
        let totals: serde_json::Map<String, Value> = self
            .totals
            .iter()
            .map(|(c, t)| {
                (
                    c.code().to_string(),
                    json!({
                        "from_km2": km2(t.from_km2),
                        "to_km2": km2(t.to_km2),
                        "gained_km2": km2(t.gained_km2),
                        "lost_km2": km2(t.lost_km2),
                    }),
                )
            })
            .collect();
        let mut doc = json!({
            "from": self.from.to_string(),
            "to": self.to.to_string(),
            "changed_km2": km2(self.changed_km2()),
            "changed_uncertainty_km2": km2(self.changed_uncertainty_km2()),
            "changes": self.changes.iter().map(change).collect::<Vec<_>>(),
            "totals": totals,
            "round_trips": self.round_trips.iter().map(|r| json!({
                "zone": r.zone,
                "controller": r.controller.code(),
                "area_km2": km2(r.area_km2),
                "via": r.via.iter().map(step).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "events": self.events.iter().map(event).collect::<Vec<_>>(),
            "history": self.history.iter().map(history).collect::<Vec<_>>(),
        });
        if let Some(b) = self.region.as_ref().and_then(|r| r.bbox) {
            put(
                &mut doc,
                "bbox",
                json!([b.min_lon, b.min_lat, b.max_lon, b.max_lat]),
            );
        }
        doc
    }

    /// The changed areas as a GeoJSON FeatureCollection (lon/lat), one feature
    /// per change with the same properties as in [`Comparison::to_json`].
    pub fn changes_geojson(&self) -> Value {
        let features: Vec<Value> = self
            .changes
            .iter()
            .map(|c| {
                let geometry = geojson::Geometry::from(&c.geometry);
                json!({
                    "type": "Feature",
                    "properties": change(c),
                    "geometry": serde_json::to_value(&geometry).unwrap_or(Value::Null),
                })
            })
            .collect();
        json!({"type": "FeatureCollection", "features": features})
    }
}

impl serde::Serialize for Comparison {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(serializer)
    }
}
