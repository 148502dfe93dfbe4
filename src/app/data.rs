//! The loaded data the window shows: the atlas, its projected shapes, and what
//! failed to load. Built once at start-up; nothing here changes per frame.

use std::path::PathBuf;
use std::sync::Arc;

use crate::atlas::{Atlas, DataError, Loaded};
use crate::spatial::ProjectedAtlas;

/// The atlas with everything derived from it that frames reuse.
#[derive(Clone, Debug, Default)]
pub struct AtlasData {
    /// The validated features.
    pub atlas: Arc<Atlas>,
    /// Their projected and triangulated shapes.
    pub projected: Arc<ProjectedAtlas>,
    /// Problems met while loading (shown to the user; the rest still loads).
    pub errors: Vec<DataError>,
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

    /// Projects and triangulates a loaded atlas.
    pub fn from_loaded(loaded: Loaded) -> AtlasData {
        let projected = ProjectedAtlas::build(&loaded.atlas);
        AtlasData {
            atlas: Arc::new(loaded.atlas),
            projected: Arc::new(projected),
            errors: loaded.errors,
        }
    }
}
