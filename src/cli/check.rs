//! `caucasus-atlas check [PATH…]`.

use std::io::Write;
use std::path::PathBuf;

use geo::CoordsIter;

use crate::atlas::{DataError, Loaded};
use crate::spatial::conformal_conic;

/// Validates the data and prints every problem; exit code 0 only when clean.
pub fn run(
    paths: &[PathBuf],
    data: Option<&PathBuf>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    let mut errors = Vec::new();
    let mut features = 0;
    let mut layers = 0;
    let mut count = |loaded: Loaded, errors: &mut Vec<DataError>| {
        features += loaded.atlas.features().count();
        layers += loaded.atlas.layers.len();
        errors.extend(loaded.errors);
        errors.extend(unprojectable(&loaded.atlas));
    };
    let mut story_problems: Vec<String> = Vec::new();
    if paths.is_empty() {
        let loaded = match data {
            Some(dir) => Loaded::from_dir(dir),
            None => Loaded::bundled(),
        };
        story_problems = super::story::check_bundled(&loaded.atlas, data);
        count(loaded, &mut errors);
    } else {
        // Each file on its own: ids need only be unique within a file.
        for path in paths {
            if let Some(problems) = super::story::check_path(path, data) {
                story_problems.extend(problems);
                continue;
            }
            count(Loaded::from_files(std::slice::from_ref(path)), &mut errors);
        }
    }
    // `DataError` prints as one line with the data's values escaped.
    for e in &errors {
        writeln!(err, "{e}")?;
    }
    for problem in &story_problems {
        writeln!(err, "{problem}")?;
    }
    if errors.is_empty() && story_problems.is_empty() {
        writeln!(out, "ok: {features} features in {layers} layer(s)")?;
        Ok(0)
    } else {
        writeln!(
            err,
            "{} problem(s) found",
            errors.len() + story_problems.len()
        )?;
        Ok(1)
    }
}

/// The features with a position the map's projection cannot place: they
/// load, but would never be drawn or found by a click.
fn unprojectable(atlas: &crate::atlas::Atlas) -> Vec<DataError> {
    let conic = conformal_conic();
    let mut errors = Vec::new();
    for layer in &atlas.layers {
        for feature in &layer.features {
            let bad = feature.geometry.coords_iter().find(|c| {
                conic
                    .forward(c.x, c.y)
                    .is_none_or(|p| !(p.x.is_finite() && p.y.is_finite()))
            });
            if let Some(c) = bad {
                errors.push(DataError {
                    file: layer.file.clone(),
                    feature: Some(feature.id.clone()),
                    property: Some("geometry".to_string()),
                    message: format!(
                        "has the position [{}, {}], which the map's projection cannot place (the feature would never be drawn)",
                        c.x, c.y
                    ),
                });
            }
        }
    }
    errors
}
