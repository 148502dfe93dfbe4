//! Checking a parsed story against the atlas it is shown on: its layers exist,
//! and every highlighted feature exists, is shown on the step's date and lies
//! in the step's box.

use geo::{BoundingRect, Intersects};

use super::error::StoryError;
use super::model::{Step, Story};
use crate::atlas::Atlas;

/// Every problem of `story` against `atlas` (empty when it is sound).
pub fn check_story(story: &Story, atlas: &Atlas) -> Vec<StoryError> {
    story
        .steps
        .iter()
        .enumerate()
        .flat_map(|(i, step)| check_step(story, i + 1, step, atlas))
        .collect()
}

fn check_step(story: &Story, number: usize, step: &Step, atlas: &Atlas) -> Vec<StoryError> {
    let mut errors = Vec::new();
    let error = |property: String, message: String| StoryError {
        file: story.file.clone(),
        step: Some(number),
        property: Some(property),
        message,
    };
    let view = &step.view;
    if let Some(layers) = &view.layers {
        for (i, layer) in layers.iter().enumerate() {
            if atlas.layer(layer).is_none() {
                let known: Vec<&str> = atlas.layers.iter().map(|l| l.kind.name()).collect();
                errors.push(error(
                    format!("layers[{i}]"),
                    format!(
                        "\"{layer}\" is not a layer of the atlas ({})",
                        known.join(", ")
                    ),
                ));
            }
        }
    }
    let b = &view.bbox;
    let bbox = geo::Rect::new(
        geo::coord! {x: b.min_lon, y: b.min_lat},
        geo::coord! {x: b.max_lon, y: b.max_lat},
    );
    for (i, id) in view.highlight.iter().enumerate() {
        let property = format!("highlight[{i}]");
        let Some(feature) = atlas.feature(id) else {
            errors.push(error(
                property,
                format!("\"{id}\" is not the id of a feature in the atlas"),
            ));
            continue;
        };
        let shown = feature.is_shown_on(view.date)
            || view.compare_from.is_some_and(|d| feature.is_shown_on(d));
        if !shown {
            let when = match view.compare_from {
                Some(from) => format!("on {} or {from}", view.date),
                None => format!("on {}", view.date),
            };
            errors.push(error(
                property,
                format!("\"{id}\" is not shown {when} ({})", lifespan_words(feature)),
            ));
            continue;
        }
        if let Some(layers) = &view.layers
            && !layers.contains(&feature.layer)
        {
            errors.push(error(
                property,
                format!(
                    "\"{id}\" is in layer \"{}\", which the step's \"layers\" leave out",
                    feature.layer
                ),
            ));
            continue;
        }
        let inside = feature
            .geometry
            .bounding_rect()
            .is_some_and(|r| r.intersects(&bbox));
        if !inside {
            errors.push(error(
                property,
                format!(
                    "\"{id}\" lies outside the step's bbox [{}, {}, {}, {}]",
                    b.min_lon, b.min_lat, b.max_lon, b.max_lat
                ),
            ));
        }
    }
    errors
}

fn lifespan_words(feature: &crate::atlas::Feature) -> String {
    let span = &feature.lifespan;
    let what = if feature.layer == crate::atlas::LayerKind::Events {
        "an event, shown from its first day for 30 days or to its end if later"
    } else {
        "shown while it exists"
    };
    match (span.from, span.until) {
        (Some(f), Some(u)) => format!("{what}; from {f} until {u}"),
        (Some(f), None) => format!("{what}; from {f}"),
        (None, Some(u)) => format!("{what}; until {u}"),
        (None, None) => what.to_string(),
    }
}
