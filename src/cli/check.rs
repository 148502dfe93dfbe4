//! `caucasus-atlas check [PATH…] [--layer FILE…]`.

use std::io::Write;
use std::path::{Path, PathBuf};

use geo::CoordsIter;

use crate::atlas::import::{Severity, check_file, first_look};
use crate::atlas::{DataError, LINE_CHARS, LayerKind, Loaded, META_FILE, printable};
use crate::data::{DataSource, UserLayerSpec};
use crate::spatial::conformal_conic;

/// Totals over everything checked.
#[derive(Default)]
struct Tally {
    features: usize,
    layers: usize,
    warnings: usize,
}

/// Validates the data and prints every problem; exit code 0 only when no
/// error was found (warnings of users' layers do not fail).
pub fn run(
    paths: &[PathBuf],
    source: &DataSource,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    let data = source.dir.as_ref();
    let mut tally = Tally::default();
    let mut errors = Vec::new();
    let mut count = |loaded: Loaded, errors: &mut Vec<DataError>| {
        tally.features += loaded.atlas.features().count();
        tally.layers += loaded.atlas.layers.len();
        errors.extend(loaded.errors);
        errors.extend(unprojectable(&loaded.atlas));
    };
    let mut story_problems: Vec<String> = Vec::new();
    let mut user_layers: Vec<UserLayerSpec> = source.user_layers.clone();
    if paths.is_empty() && user_layers.is_empty() {
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
            if path.file_name().is_some_and(|n| n == META_FILE) {
                count(Loaded::from_files(std::slice::from_ref(path)), &mut errors);
            } else if follows_atlas_schema(path) {
                count(Loaded::from_file_as_declared(path), &mut errors);
            } else {
                user_layers.push(UserLayerSpec {
                    path: path.clone(),
                    mapping: source.mapping.clone(),
                });
            }
        }
    }
    // `DataError` prints as one line with the data's values escaped.
    for e in &errors {
        writeln!(err, "{e}")?;
    }
    for problem in &story_problems {
        writeln!(err, "{problem}")?;
    }
    let mut problems = errors.len() + story_problems.len();
    for spec in &user_layers {
        problems += check_user_layer(spec, &mut tally, out, err)?;
    }
    if problems == 0 {
        let warned = match tally.warnings {
            0 => String::new(),
            n => format!(" ({n} warning(s))"),
        };
        writeln!(
            out,
            "ok: {} features in {} layer(s){warned}",
            tally.features, tally.layers
        )?;
        Ok(0)
    } else {
        let warned = match tally.warnings {
            0 => String::new(),
            n => format!(" and {n} warning(s)"),
        };
        writeln!(err, "{problems} problem(s) found{warned}")?;
        Ok(1)
    }
}

/// Whether a file is checked against the atlas's schema: a bundled layer's
/// name or a meta.json, or features that declare a `layer`, carry a `name`
/// object or a `sources` list. Anything else is a user's layer. A file with
/// no feature to look at (broken, empty) is the atlas's loader's to report.
fn follows_atlas_schema(path: &Path) -> bool {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    if !LayerKind::from_name(&stem).is_user() {
        return true;
    }
    // A file that cannot be read is reported by the atlas's loader.
    match crate::atlas::read_data_file(path) {
        Ok(text) => {
            let look = first_look(&text);
            !look.read_feature || look.atlas_schema
        }
        Err(_) => true,
    }
}

/// Checks one file as a user's layer: every problem of every feature, each
/// marked `error:` (the feature is skipped) or `warning:` (it loads).
/// Returns the number of errors.
fn check_user_layer(
    spec: &UserLayerSpec,
    tally: &mut Tally,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<usize> {
    let imported = check_file(&spec.path, &spec.mapping);
    let file = printable(&imported.layer.file, LINE_CHARS).into_owned();
    if let Some(info) = &imported.layer.user
        && !info.guesses.is_empty()
    {
        writeln!(
            out,
            "{file}: read as a user's layer; {}",
            printable(&info.guesses.join(", "), LINE_CHARS)
        )?;
    }
    let mut errors = 0;
    for problem in &imported.problems {
        if problem.severity == Severity::Error {
            errors += 1;
        } else {
            tally.warnings += 1;
        }
        writeln!(err, "{}: {}", problem.severity.word(), problem.error)?;
    }
    let atlas = crate::atlas::Atlas {
        layers: vec![imported.layer],
        reviewed: None,
        name_zones: Default::default(),
    };
    for e in unprojectable(&atlas) {
        errors += 1;
        writeln!(err, "{}: {e}", Severity::Error.word())?;
    }
    tally.features += atlas.features().count();
    tally.layers += 1;
    Ok(errors)
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
