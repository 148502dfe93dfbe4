//! `caucasus-atlas check [PATH…]`.

use std::io::Write;
use std::path::PathBuf;

use crate::atlas::Loaded;

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
    let mut story_problems: Vec<String> = Vec::new();
    if paths.is_empty() {
        let loaded = match data {
            Some(dir) => Loaded::from_dir(dir),
            None => Loaded::bundled(),
        };
        features += loaded.atlas.features().count();
        layers += loaded.atlas.layers.len();
        errors.extend(loaded.errors);
        story_problems = super::story::check_bundled(&loaded.atlas, data);
    } else {
        // Each file on its own: ids need only be unique within a file.
        for path in paths {
            if let Some(problems) = super::story::check_path(path, data) {
                story_problems.extend(problems);
                continue;
            }
            let loaded = Loaded::from_files(std::slice::from_ref(path));
            features += loaded.atlas.features().count();
            layers += loaded.atlas.layers.len();
            errors.extend(loaded.errors);
        }
    }
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
