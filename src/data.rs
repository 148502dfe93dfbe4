//! The loaded data every output draws from: the atlas, its projected shapes,
//! its timeline marks, and what failed to load. Built once (at start-up, or
//! once per command); nothing here changes per frame.

use std::path::PathBuf;
use std::sync::Arc;

use crate::atlas::{Atlas, DataError, Loaded, Mark};
use crate::spatial::ProjectedAtlas;
use crate::time::Date;

/// The atlas with everything derived from it that frames reuse. Cloning is
/// cheap (shared).
#[derive(Clone, Debug, Default)]
pub struct AtlasData {
    /// The validated features.
    pub atlas: Arc<Atlas>,
    /// Their projected and triangulated shapes.
    pub projected: Arc<ProjectedAtlas>,
    /// Events and changes of control, by date (the timeline's ticks).
    pub marks: Arc<[Mark]>,
    /// The distinct dates of `marks`, ascending (for next/previous).
    pub mark_dates: Arc<[Date]>,
    /// Problems met while loading (shown to the user; the rest still loads).
    pub errors: Vec<DataError>,
    /// The features' names folded for searching, once.
    pub search: Arc<crate::search::SearchIndex>,
}

impl AtlasData {
    /// Loads the bundled data, or every `*.geojson` in `dir`.
    pub fn load(dir: Option<&PathBuf>) -> AtlasData {
        let loaded = match dir {
            Some(dir) => Loaded::from_dir(dir),
            None => Loaded::bundled(),
        };
        AtlasData::from_loaded(loaded)
    }

    /// Projects and triangulates a loaded atlas and collects its marks.
    pub fn from_loaded(loaded: Loaded) -> AtlasData {
        let projected = ProjectedAtlas::build(&loaded.atlas);
        let search = Arc::new(crate::search::SearchIndex::build(&loaded.atlas));
        let marks = loaded.atlas.marks();
        let mut mark_dates: Vec<Date> = marks.iter().map(|m| m.date).collect();
        mark_dates.dedup();
        AtlasData {
            atlas: Arc::new(loaded.atlas),
            projected: Arc::new(projected),
            marks: marks.into(),
            mark_dates: mark_dates.into(),
            errors: loaded.errors,
            search,
        }
    }
}
