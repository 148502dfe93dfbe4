//! The loaded data every output draws from: the atlas, its projected shapes,
//! its timeline marks, and what failed to load. Built once (at start-up, or
//! once per command); nothing here changes per frame.

use std::path::PathBuf;
use std::sync::Arc;

use crate::atlas::import::{Mapping, import_file};
use crate::atlas::{Atlas, DataError, Loaded, Mark};
use crate::spatial::ProjectedAtlas;
use crate::time::Date;

/// A user's file to load on top of the atlas, and how to read it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UserLayerSpec {
    /// The GeoJSON file.
    pub path: PathBuf,
    /// Which properties hold the dates and the name.
    pub mapping: Mapping,
}

/// Where the data comes from: the bundled atlas or a folder (`--data DIR`),
/// and users' layers added on top (`--layer FILE`), never replacing it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DataSource {
    /// The folder read instead of the bundled data.
    pub dir: Option<PathBuf>,
    /// Users' layers, in order (the last drawn on top).
    pub user_layers: Vec<UserLayerSpec>,
    /// The mapping given on the command line, for user files named
    /// otherwise (`check FILE`).
    pub mapping: Mapping,
}

impl DataSource {
    /// The bundled data, or the folder, with no user layers.
    pub fn dir(dir: Option<&PathBuf>) -> DataSource {
        DataSource {
            dir: dir.cloned(),
            ..DataSource::default()
        }
    }

    /// Loads the atlas and adds every user layer.
    pub fn load(&self) -> Loaded {
        let mut loaded = match &self.dir {
            Some(dir) => Loaded::from_dir(dir),
            None => Loaded::bundled(),
        };
        for spec in &self.user_layers {
            // Nothing cancels a load from the command line.
            if let Ok(imported) = import_file(&spec.path, &spec.mapping, None) {
                loaded.add_user_layer(imported);
            }
        }
        loaded
    }
}

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
    /// What loaded but was adjusted (users' layers).
    pub warnings: Vec<DataError>,
}

impl AtlasData {
    /// The feature with `id`, found through the projected shapes' id index
    /// (the selection asks every frame; [`Atlas::feature`] reads every
    /// feature, which a user layer of 100,000 makes slow), else by reading.
    pub fn feature(&self, id: &str) -> Option<&crate::atlas::Feature> {
        self.projected
            .of_id(id)
            .map(|pf| self.projected.feature(&self.atlas, pf))
            .filter(|f| f.id == id)
            .or_else(|| self.atlas.feature(id))
    }

    /// Loads the bundled data, or every `*.geojson` in `dir`.
    pub fn load(dir: Option<&PathBuf>) -> AtlasData {
        AtlasData::from_loaded(DataSource::dir(dir).load())
    }

    /// Loads the data of `source`, users' layers included.
    pub fn load_source(source: &DataSource) -> AtlasData {
        AtlasData::from_loaded(source.load())
    }

    /// This data with a user's layer added on top (projected and
    /// triangulated here, the other layers reused as they are): the window
    /// builds it on a loading thread. Its problems join the others.
    pub fn with_user_layer(&self, imported: crate::atlas::import::Imported) -> AtlasData {
        let mut loaded = Loaded {
            atlas: (*self.atlas).clone(),
            errors: self.errors.clone(),
            warnings: self.warnings.clone(),
        };
        loaded.add_user_layer(imported);
        let mut projected = (*self.projected).clone();
        projected.add_layer(&loaded.atlas, loaded.atlas.layers.len().saturating_sub(1));
        // The search finds the new layer's features too (built here, on the
        // loading thread).
        let search = Arc::new(crate::search::SearchIndex::build(&loaded.atlas));
        AtlasData {
            atlas: Arc::new(loaded.atlas),
            projected: Arc::new(projected),
            search,
            marks: self.marks.clone(),
            mark_dates: self.mark_dates.clone(),
            errors: loaded.errors,
            warnings: loaded.warnings,
        }
    }

    /// This data without the user's layer `layer` (the atlas's own layers
    /// cannot be removed). `None` if there is no such user layer.
    pub fn without_user_layer(&self, layer: &crate::atlas::LayerKind) -> Option<AtlasData> {
        let index = self
            .atlas
            .layers
            .iter()
            .position(|l| l.kind == *layer && l.kind.is_user())?;
        let mut atlas = (*self.atlas).clone();
        let removed = atlas.layers.remove(index);
        let mut projected = (*self.projected).clone();
        projected.remove_layer(index);
        // Its problems go with it.
        let keep = |e: &DataError| e.file != removed.file;
        let search = Arc::new(crate::search::SearchIndex::build(&atlas));
        Some(AtlasData {
            atlas: Arc::new(atlas),
            projected: Arc::new(projected),
            search,
            marks: self.marks.clone(),
            mark_dates: self.mark_dates.clone(),
            errors: self.errors.iter().filter(|e| keep(e)).cloned().collect(),
            warnings: self.warnings.iter().filter(|e| keep(e)).cloned().collect(),
        })
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
            warnings: loaded.warnings,
        }
    }
}
