//! Where the window saves files unless told otherwise, and how it names them.

use std::path::PathBuf;

use crate::time::Date;

/// Where files go by default: the user's pictures folder, else the home
/// folder, else the current folder.
pub fn default_folder() -> PathBuf {
    if let Some(dir) = std::env::var_os("XDG_PICTURES_DIR").map(PathBuf::from)
        && dir.is_dir()
    {
        return dir;
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from) {
        let pictures = home.join("Pictures");
        return if pictures.is_dir() { pictures } else { home };
    }
    PathBuf::from(".")
}

/// A free file name in `folder` named by the map's date
/// (`caucasus-atlas-2020-11-10.png`, then `…-2.png`, `…-3.png`): a reader can
/// tell what a screenshot shows, and none overwrites another.
pub fn dated_name(folder: &std::path::Path, date: Date, extension: &str) -> PathBuf {
    let base = format!("caucasus-atlas-{date}");
    let first = folder.join(format!("{base}.{extension}"));
    if !first.exists() {
        return first;
    }
    (2..10_000)
        .map(|n| folder.join(format!("{base}-{n}.{extension}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screenshots_are_named_by_the_map_date_and_never_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let date: Date = "2020-11-10".parse().unwrap();
        let first = dated_name(dir.path(), date, "png");
        assert!(first.ends_with("caucasus-atlas-2020-11-10.png"));
        std::fs::write(&first, b"x").unwrap();
        let second = dated_name(dir.path(), date, "png");
        assert!(second.ends_with("caucasus-atlas-2020-11-10-2.png"));
    }
}
