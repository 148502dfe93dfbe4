//! The atlas: every layer's validated features, loaded from GeoJSON.
//!
//! Loading runs in two stages (text → JSON tree → checked [`Feature`]s), and a
//! broken file or feature is reported without losing the rest.

mod bundled;
mod claims;
mod controller;
mod error;
mod geometry;
mod history;
pub mod import;
mod marks;
mod meta;
mod model;
mod names;
mod parse;
mod properties;
pub mod schema;
pub mod validity;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::time::Date;

pub use bundled::{BUNDLED_LAYERS, BUNDLED_META};
pub use claims::RECOGNISED_STATES;
pub use controller::Controller;
pub use error::{DataError, LINE_CHARS, SHOWN_CHARS, is_noncharacter, printable, printable_json};
pub use marks::{Mark, MarkKind};
pub use meta::{META_FILE, Meta, parse_meta};
pub use model::{Claim, ControlStatus, Feature, HistoryEntry, Language, Names, Precision, Source};
pub use names::{NameOrder, NameSides};
pub use parse::{LayerParse, parse_layer};
pub use schema::LayerKind;

/// One layer: the features of one GeoJSON file.
#[derive(Clone, Debug)]
pub struct Layer {
    /// Which layer it is (from the file stem).
    pub kind: LayerKind,
    /// Where it was read from, as shown in errors.
    pub file: String,
    /// Its valid features.
    pub features: Vec<Feature>,
    /// For a user's layer: what it was read with.
    pub user: Option<import::UserLayerInfo>,
}

/// Every loaded layer, in drawing order (bottom first).
#[derive(Clone, Debug, Default)]
pub struct Atlas {
    /// The layers.
    pub layers: Vec<Layer>,
    /// The last day the data was reviewed against its sources (`meta.json`),
    /// if known: what the atlas shows after it may be out of date.
    pub reviewed: Option<Date>,
    /// For each feature outside the control layer whose names hold a pair:
    /// the (layer, feature) index of the control zone it lies in, which says
    /// whose name leads on a date (see [`Atlas::name_on`]).
    pub name_zones: HashMap<String, (usize, usize)>,
}

/// An atlas and the problems met while loading it.
#[derive(Debug, Default)]
pub struct Loaded {
    /// What could be loaded.
    pub atlas: Atlas,
    /// Everything that was rejected, one sentence each.
    pub errors: Vec<DataError>,
    /// What loaded but was adjusted (users' layers), one sentence each.
    pub warnings: Vec<DataError>,
}

impl Loaded {
    /// Loads (file label, layer, text) triples into one atlas: parses each
    /// layer, drops features whose id is already used in another layer, and
    /// orders the layers for drawing.
    pub fn from_texts<'a>(
        inputs: impl IntoIterator<Item = (String, LayerKind, &'a str)>,
    ) -> Loaded {
        let mut loaded = Loaded::default();
        let mut owners: HashMap<String, String> = HashMap::new();
        let inputs: Vec<(String, LayerKind, &str)> = inputs.into_iter().collect();
        // Layers parse and validate independently: one thread each (checking
        // polygons is most of the loading time), then merged in input order.
        let parsed: Vec<LayerParse> = std::thread::scope(|scope| {
            let workers: Vec<_> = inputs
                .iter()
                .map(|(file, layer, text)| scope.spawn(move || parse_layer(file, layer, text)))
                .collect();
            workers
                .into_iter()
                .map(|worker| {
                    worker
                        .join()
                        .unwrap_or_else(|e| std::panic::resume_unwind(e))
                })
                .collect()
        });
        for ((file, layer, _), LayerParse { features, errors }) in inputs.into_iter().zip(parsed) {
            loaded.errors.extend(errors);
            let mut kept = Vec::with_capacity(features.len());
            for feature in features {
                if let Some(other) = owners.get(&feature.id) {
                    loaded.errors.push(DataError {
                        file: file.clone(),
                        feature: Some(feature.id.clone()),
                        property: Some("id".to_string()),
                        message: format!("is already used in {other} (ids must be unique)"),
                    });
                } else {
                    owners.insert(feature.id.clone(), file.clone());
                    kept.push(feature);
                }
            }
            loaded.atlas.layers.push(Layer {
                kind: layer,
                file,
                features: kept,
                user: None,
            });
        }
        loaded
            .atlas
            .layers
            .sort_by_key(|l| schema::draw_order(&l.kind));
        loaded.atlas.name_zones = name_zones(&loaded.atlas);
        loaded
    }

    /// Adds a user's layer on top of the others. Its name is made unique
    /// among the layers (`incidents-2`), and a feature whose id another
    /// layer already uses is renamed `LAYER/ID` (with a warning). Errors and
    /// warnings join the loaded ones.
    pub fn add_user_layer(&mut self, imported: import::Imported) {
        let import::Imported {
            mut layer,
            problems,
        } = imported;
        for problem in problems {
            match problem.severity {
                import::Severity::Error => self.errors.push(problem.error),
                import::Severity::Warning => self.warnings.push(problem.error),
            }
        }
        let taken = |name: &str| self.atlas.layers.iter().any(|l| l.kind.name() == name);
        let base = layer.kind.name().to_string();
        let mut name = base.clone();
        let mut n = 1;
        while taken(&name) {
            n += 1;
            name = format!("{base}-{n}");
        }
        if name != base {
            layer.kind = LayerKind::User(name);
            for feature in &mut layer.features {
                feature.layer = layer.kind.clone();
            }
        }
        let ids: std::collections::HashSet<&str> =
            self.atlas.features().map(|f| f.id.as_str()).collect();
        let mut renamed = Vec::new();
        for feature in &mut layer.features {
            if ids.contains(feature.id.as_str()) {
                let new_id = format!("{}/{}", layer.kind, feature.id);
                renamed.push(DataError {
                    file: layer.file.clone(),
                    feature: Some(feature.id.clone()),
                    property: Some("id".to_string()),
                    message: format!(
                        "is already used in another layer; this feature is \"{}\"",
                        printable(&new_id, SHOWN_CHARS)
                    ),
                });
                feature.id = new_id;
            }
        }
        self.warnings.extend(renamed);
        self.atlas.layers.push(layer);
    }

    /// The data built into the program.
    pub fn bundled() -> Loaded {
        let mut loaded = Loaded::from_texts(
            BUNDLED_LAYERS
                .iter()
                .map(|(layer, text)| (format!("geodata/{layer}.geojson"), layer.clone(), *text)),
        );
        loaded.read_meta(&format!("geodata/{META_FILE}"), BUNDLED_META);
        loaded
    }

    /// Takes `reviewed` from a `meta.json` text, or records why it cannot.
    fn read_meta(&mut self, file: &str, text: &str) {
        match parse_meta(file, text) {
            Ok(meta) => self.atlas.reviewed = meta.reviewed,
            Err(e) => self.errors.push(e),
        }
    }

    /// Every `*.geojson` file in a folder.
    pub fn from_dir(dir: &Path) -> Loaded {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                return Loaded {
                    errors: vec![DataError::file(
                        &dir.display().to_string(),
                        format!("cannot be read as a data folder ({e})"),
                    )],
                    ..Loaded::default()
                };
            }
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "geojson"))
            .collect();
        paths.sort();
        // The folder's meta.json, if it has one.
        let meta = dir.join(META_FILE);
        if meta.is_file() {
            paths.push(meta);
        }
        Loaded::from_files(&paths)
    }

    /// One file in the atlas's schema, read as the layer its features declare
    /// (`layer`), whatever the file is called; the file stem names the layer
    /// when they declare none.
    pub fn from_file_as_declared(path: &Path) -> Loaded {
        let file = path.display().to_string();
        let text = match read_data_file(path) {
            Ok(text) => text,
            Err(message) => {
                return Loaded {
                    errors: vec![DataError::file(&file, message)],
                    ..Loaded::default()
                };
            }
        };
        let layer = match import::first_look(&text).declared_layer {
            Some(declared) if !declared.trim().is_empty() => LayerKind::from_name(&declared),
            _ => LayerKind::from_name(
                &path
                    .file_stem()
                    .map(|s| s.to_string_lossy().to_string())
                    .unwrap_or_default(),
            ),
        };
        Loaded::from_texts([(file, layer, text.as_str())])
    }

    /// The given files, each its own layer named after the file stem; a file
    /// named `meta.json` is read as the data's [`Meta`] instead.
    pub fn from_files(paths: &[PathBuf]) -> Loaded {
        let mut read_errors = Vec::new();
        let mut texts = Vec::new();
        let mut metas = Vec::new();
        for path in paths {
            let file = path.display().to_string();
            if path.file_name().is_some_and(|n| n == META_FILE) {
                match read_data_file(path) {
                    Ok(text) => metas.push((file, text)),
                    Err(message) => read_errors.push(DataError::file(&file, message)),
                }
                continue;
            }
            let layer = LayerKind::from_name(
                &path
                    .file_stem()
                    .map(|s| s.to_string_lossy().to_string())
                    .unwrap_or_default(),
            );
            match read_data_file(path) {
                Ok(text) => texts.push((file, layer, text)),
                Err(message) => read_errors.push(DataError::file(&file, message)),
            }
        }
        let mut loaded = Loaded::from_texts(
            texts
                .iter()
                .map(|(file, layer, text)| (file.clone(), layer.clone(), text.as_str())),
        );
        read_errors.append(&mut loaded.errors);
        loaded.errors = read_errors;
        for (file, text) in metas {
            loaded.read_meta(&file, &text);
        }
        loaded
    }
}

/// A data file's text. Only a regular file is read: a named pipe would keep
/// the loader waiting forever and a device could be endless (see
/// [`open_data_file`]).
pub fn read_data_file(path: &Path) -> Result<String, String> {
    use std::io::Read;
    let (mut file, _) = open_data_file(path)?;
    let mut text = String::new();
    file.read_to_string(&mut text)
        .map_err(|e| format!("cannot be read ({e})"))?;
    Ok(text)
}

/// Opens a data file for reading, with its length in bytes. Only a regular
/// file is opened: it is opened without waiting (a pipe opened so does not
/// block) and checked again once open, in case it was swapped in between.
pub fn open_data_file(path: &Path) -> Result<(std::fs::File, u64), String> {
    let cannot = |e: std::io::Error| format!("cannot be read ({e})");
    let not_regular = |meta: &std::fs::Metadata| {
        format!(
            "cannot be read: it is {}, not a regular file",
            special_file_kind(&meta.file_type())
        )
    };
    let meta = std::fs::metadata(path).map_err(cannot)?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(cannot)?;
    let meta = file.metadata().map_err(cannot)?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    Ok((file, meta.len()))
}

/// What a file that is not a regular file is, in words ("a named pipe
/// (FIFO)", "a device", "a folder", …).
pub fn special_file_kind(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else if kind.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

/// The control zone each feature with a name pair lies in (by a point inside
/// it), so that its names can follow the holder. Zones tile the region: the
/// first that holds the point is the one.
fn name_zones(atlas: &Atlas) -> HashMap<String, (usize, usize)> {
    use geo::{InteriorPoint, Intersects};
    let zones: Vec<(usize, usize, &Feature)> = atlas
        .layers
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == LayerKind::Control)
        .flat_map(|(li, l)| {
            l.features
                .iter()
                .enumerate()
                .map(move |(fi, f)| (li, fi, f))
        })
        .collect();
    atlas
        .features()
        .filter(|f| f.name.sides.is_some() && f.layer != LayerKind::Control)
        .filter_map(|f| {
            let point = f.geometry.interior_point()?;
            let &(li, fi, _) = zones
                .iter()
                .find(|(_, _, z)| z.geometry.intersects(&point))?;
            Some((f.id.clone(), (li, fi)))
        })
        .collect()
}

impl Atlas {
    /// The layer of this kind, if it was loaded.
    pub fn layer(&self, kind: &LayerKind) -> Option<&Layer> {
        self.layers.iter().find(|l| l.kind == *kind)
    }

    /// Every feature of every layer.
    pub fn features(&self) -> impl Iterator<Item = &Feature> {
        self.layers.iter().flat_map(|l| l.features.iter())
    }

    /// The sources of a feature: its own, or for a user's feature that names
    /// none, its layer's (the source typed for the layer, or "user data" —
    /// kept once per layer, not once per feature).
    pub fn sources_of<'a>(&'a self, feature: &'a Feature) -> &'a [Source] {
        if !feature.sources.is_empty() || !feature.layer.is_user() {
            return &feature.sources;
        }
        self.layer(&feature.layer)
            .and_then(|l| l.user.as_ref())
            .map_or(&feature.sources, |u| std::slice::from_ref(&u.source))
    }

    /// The feature with this id.
    pub fn feature(&self, id: &str) -> Option<&Feature> {
        self.features().find(|f| f.id == id)
    }
}
