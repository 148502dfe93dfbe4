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
    if paths.is_empty() {
        let loaded = match data {
            Some(dir) => Loaded::from_dir(dir),
            None => Loaded::bundled(),
        };
        features += loaded.atlas.features().count();
        layers += loaded.atlas.layers.len();
        errors.extend(loaded.errors);
    } else {
        // Each file on its own: ids need only be unique within a file.
        for path in paths {
            let loaded = Loaded::from_files(std::slice::from_ref(path));
            features += loaded.atlas.features().count();
            layers += loaded.atlas.layers.len();
            errors.extend(loaded.errors);
        }
    }
    for e in &errors {
        writeln!(err, "{e}")?;
    }
    if errors.is_empty() {
        writeln!(out, "ok: {features} features in {layers} layer(s)")?;
        Ok(0)
    } else {
        writeln!(err, "{} problem(s) found", errors.len())?;
        Ok(1)
    }
}
