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

/// A file name with the local time, so screenshots never overwrite each other.
pub fn timestamped_name(prefix: &str, extension: &str) -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let day = Date::from_ymd(1970, 1, 1).map(|d| d.add_days((secs / 86_400) as i64));
    let t = secs % 86_400;
    format!(
        "{prefix}-{}-{:02}{:02}{:02}.{extension}",
        day.map(|d| d.to_string()).unwrap_or_default(),
        t / 3600,
        (t / 60) % 60,
        t % 60
    )
}
