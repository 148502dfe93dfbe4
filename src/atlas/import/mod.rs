//! A user's own GeoJSON, read leniently: any RFC 7946 FeatureCollection,
//! with a [`Mapping`] that says which property is the date, the end, the
//! duration and the name (each guessed from the data when not given, and the
//! guess reported). A feature that cannot be read is listed — file, index or
//! id, property, one sentence — and skipped; the rest loads.
//!
//! Two stages, like the atlas's own loader: [`raw`] reads features straight
//! from the text with serde (no JSON tree of the whole file, one feature in
//! memory at a time), [`convert`] checks each and builds the [`Feature`].

mod convert;
mod dates;
mod guess;
mod raw;
pub mod synthetic;

use std::collections::HashSet;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::error::DataError;
use super::model::{Feature, Source};
use super::{Layer, LayerKind};
pub use dates::{DATE_FORMS, Period, UserDate, parse_duration, parse_user_date};
pub use guess::{GUESS_SAMPLE, Guess, Sample, guess};
use raw::{Ending, Flow, RawFeature, read_features, read_features_from_reader};

/// The source credited for a feature that names none, when the user typed
/// none either.
pub const DEFAULT_SOURCE: &str = "user data";

/// What the user said about a file: which properties to read. Each field
/// left `None` is guessed.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Mapping {
    /// The property with each feature's date (or first day).
    pub time_field: Option<String>,
    /// The property with its last day.
    pub end_field: Option<String>,
    /// The property with its length in days (when there is no end).
    pub duration_field: Option<String>,
    /// The property with its name.
    pub name_field: Option<String>,
    /// The source credited for features that name none.
    pub source: Option<String>,
}

/// The properties an import read, after guessing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fields {
    /// The date (or start) property.
    pub time: Option<String>,
    /// The end property.
    pub end: Option<String>,
    /// The duration property.
    pub duration: Option<String>,
    /// The name property.
    pub name: Option<String>,
}

/// Whether a problem keeps a feature (or the file) out, or was worked around.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The feature (or file) was skipped.
    Error,
    /// It loaded; something was adjusted or is worth knowing.
    Warning,
}

impl Severity {
    /// `error` or `warning`, as printed.
    pub fn word(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem of an import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Where and what.
    pub error: DataError,
}

/// What a user's layer was read with, for the layer panel and the notes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UserLayerInfo {
    /// The fields read.
    pub fields: Fields,
    /// One line per field that was guessed ("date: \"event_date\" (guessed)").
    pub guesses: Vec<String>,
    /// The source credited where a feature names none.
    pub source: Source,
    /// Features in the file (read or not).
    pub total: usize,
}

impl Default for Source {
    fn default() -> Source {
        Source {
            title: DEFAULT_SOURCE.to_string(),
            url: None,
            date: None,
            partisan: None,
        }
    }
}

/// A user's layer as imported.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The layer (a [`LayerKind::User`]), with the features that loaded.
    pub layer: Layer,
    /// Every problem, in file order.
    pub problems: Vec<Problem>,
}

impl Imported {
    /// The problems that are errors.
    pub fn errors(&self) -> impl Iterator<Item = &DataError> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| &p.error)
    }

    /// The problems that are warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &DataError> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Warning)
            .map(|p| &p.error)
    }
}

/// Shared with a loading thread: how far it got, and a flag to stop it.
#[derive(Debug, Default)]
pub struct Progress {
    /// Set to stop loading.
    pub cancel: AtomicBool,
    /// How far reading got: bytes of a file, or features of a text.
    pub done: AtomicUsize,
    /// The whole: the file's bytes, or an estimate of the text's features
    /// (0 until known).
    pub total: AtomicUsize,
}

impl Progress {
    /// How far loading is, from 0 to 1.
    pub fn fraction(&self) -> f32 {
        let total = self.total.load(Ordering::Relaxed);
        if total == 0 {
            return 0.0;
        }
        (self.done.load(Ordering::Relaxed) as f32 / total as f32).clamp(0.0, 1.0)
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// Loading was cancelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cancelled;

/// The layer name for a file: its stem, unless that is a bundled layer's
/// name (then `my-STEM`, so it never stands for the bundled one).
pub fn layer_name_for(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "layer".to_string());
    if LayerKind::from_name(&stem).is_user() {
        stem
    } else {
        format!("my-{stem}")
    }
}

/// Where an import reads from.
#[derive(Clone, Copy)]
enum Input<'a> {
    /// Text in memory.
    Text(&'a str),
    /// A file, read as it is parsed.
    File(&'a Path),
}

/// Counts the bytes read into the progress.
struct Counting<'p, R> {
    inner: R,
    progress: Option<&'p Progress>,
}

impl<R: std::io::Read> std::io::Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(p) = self.progress {
            p.done.fetch_add(n, Ordering::Relaxed);
        }
        Ok(n)
    }
}

impl Input<'_> {
    /// Reads the features (see [`read_features`]); for a file, an error
    /// phrase when it cannot be opened. With `progress`, its total and done
    /// count bytes of a file, or features of a text.
    fn read(
        self,
        skip_geometry: bool,
        progress: Option<&Progress>,
        mut each: impl FnMut(usize, RawFeature) -> Flow,
    ) -> Result<Ending, String> {
        match self {
            Input::Text(text) => {
                if let Some(p) = progress {
                    // Every feature object has "type": "Feature": a fast estimate.
                    p.total.store(
                        text.matches("\"Feature\"").count().max(1),
                        Ordering::Relaxed,
                    );
                }
                Ok(read_features(text, skip_geometry, |index, raw| {
                    if let Some(p) = progress {
                        p.done.store(index + 1, Ordering::Relaxed);
                    }
                    each(index, raw)
                }))
            }
            Input::File(path) => {
                let (file, len) = super::open_data_file(path)?;
                if let Some(p) = progress {
                    p.total.store(len.max(1) as usize, Ordering::Relaxed);
                    p.done.store(0, Ordering::Relaxed);
                }
                let reader = std::io::BufReader::with_capacity(
                    1 << 16,
                    Counting {
                        inner: file,
                        progress,
                    },
                );
                Ok(read_features_from_reader(reader, skip_geometry, each))
            }
        }
    }
}

/// Reads a user's file from disk as it is parsed (the file is never held
/// whole in memory); see [`import_text`]. The layer is named after the file
/// (see [`layer_name_for`]).
pub fn import_file(
    path: &Path,
    mapping: &Mapping,
    progress: Option<&Progress>,
) -> Result<Imported, Cancelled> {
    let file = path.display().to_string();
    let name = layer_name_for(path);
    import(&file, &name, Input::File(path), mapping, progress, false)
}

/// [`import_file`] for `check`: polygons are also checked for
/// self-intersections and crossing rings (a warning each; they are drawn as
/// given, so loading for the map skips this).
pub fn check_file(path: &Path, mapping: &Mapping) -> Imported {
    let file = path.display().to_string();
    let name = layer_name_for(path);
    match import(&file, &name, Input::File(path), mapping, None, true) {
        Ok(imported) => imported,
        // Nothing cancels a check.
        Err(Cancelled) => Imported {
            layer: Layer {
                kind: LayerKind::User(name),
                file,
                features: Vec::new(),
                user: None,
            },
            problems: Vec::new(),
        },
    }
}

/// The fields to read: the mapping's, the rest guessed from the first
/// [`GUESS_SAMPLE`] features. Also the lines that say what was guessed and
/// the names given that no feature in the sample has.
fn resolve_fields(
    input: Input<'_>,
    mapping: &Mapping,
) -> (Fields, Vec<String>, Vec<(String, String)>) {
    let mut sample = Sample::default();
    // A file that cannot be opened is reported by the reading that follows.
    let _ = input.read(true, None, |index, raw| {
        if let Some(map) = raw.property_map() {
            sample.add(map);
        }
        if index + 1 >= GUESS_SAMPLE {
            Flow::Stop
        } else {
            Flow::Go
        }
    });
    let guessed = guess(&sample);
    let mut notes = Vec::new();
    let mut unknown = Vec::new();
    let mut pick = |what: &str, given: &Option<String>, guessed: Option<String>| match given {
        Some(name) => {
            if sample.features > 0 && !sample.properties.contains_key(name) {
                unknown.push((what.to_string(), name.clone()));
            }
            Some(name.clone())
        }
        None => {
            if let Some(name) = &guessed {
                notes.push(format!("{what}: \"{name}\" (guessed)"));
            }
            guessed
        }
    };
    let time = pick("date", &mapping.time_field, guessed.time);
    // An end or duration is guessed only beside a date.
    let end = pick(
        "end",
        &mapping.end_field,
        guessed.end.filter(|_| time.is_some()),
    );
    let duration = pick(
        "duration",
        &mapping.duration_field,
        guessed.duration.filter(|_| time.is_some() && end.is_none()),
    );
    let name = pick("name", &mapping.name_field, guessed.name);
    (
        Fields {
            time,
            end,
            duration,
            name,
        },
        notes,
        unknown,
    )
}

/// Reads a user's layer from `text`. `file` names it in messages; `name` is
/// the layer's name. Never fails but for `Cancelled`: what cannot be read is
/// in [`Imported::problems`].
///
/// ```
/// use caucasus_atlas::atlas::import::{Mapping, import_text};
/// let text = r#"{"type":"FeatureCollection","features":[
///   {"type":"Feature","properties":{"event_date":"2020-10-04","place":"Ganja"},
///    "geometry":{"type":"Point","coordinates":[46.36,40.68]}},
///   {"type":"Feature","properties":{"event_date":"someday"},
///    "geometry":{"type":"Point","coordinates":[46.7,39.8]}}]}"#;
/// let mapping = Mapping { time_field: Some("event_date".into()), ..Mapping::default() };
/// let imported = import_text("incidents.geojson", "incidents", text, &mapping, None).unwrap();
/// assert_eq!(imported.layer.features.len(), 1);
/// assert_eq!(imported.layer.features[0].name.en, "Ganja");
/// let error = imported.errors().next().unwrap().to_string();
/// assert!(error.starts_with("incidents.geojson: feature #1: property \"event_date\""), "{error}");
/// ```
pub fn import_text(
    file: &str,
    name: &str,
    text: &str,
    mapping: &Mapping,
    progress: Option<&Progress>,
) -> Result<Imported, Cancelled> {
    import(file, name, Input::Text(text), mapping, progress, true)
}

fn import(
    file: &str,
    name: &str,
    input: Input<'_>,
    mapping: &Mapping,
    progress: Option<&Progress>,
    check_polygons: bool,
) -> Result<Imported, Cancelled> {
    let (fields, guesses, unknown) = resolve_fields(input, mapping);
    let layer = LayerKind::User(name.to_string());
    let default_source = Source {
        title: mapping
            .source
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .unwrap_or(DEFAULT_SOURCE)
            .to_string(),
        ..Source::default()
    };
    let mut problems: Vec<Problem> = unknown
        .into_iter()
        .map(|(what, field)| Problem {
            severity: Severity::Error,
            error: DataError {
                file: file.to_string(),
                feature: None,
                property: Some(field),
                message: format!(
                    "was given as the {what} field, but no feature has it (check the spelling)"
                ),
            },
        })
        .collect();
    let ctx = convert::Context {
        file,
        layer: &layer,
        fields: &fields,
        check_polygons,
    };
    let mut features: Vec<Feature> = Vec::new();
    let mut ids: HashSet<String> = HashSet::new();
    let mut cancelled = false;
    let mut seen = 0;
    let read = input.read(false, progress, |index, raw| {
        seen = index + 1;
        if progress.is_some_and(Progress::cancelled) {
            cancelled = true;
            return Flow::Stop;
        }
        let (feature, mut found) = convert::convert(raw, index, &ctx);
        problems.append(&mut found);
        if let Some(mut feature) = feature {
            if !ids.insert(feature.id.clone()) {
                let renamed = format!("{} #{index}", feature.id);
                problems.push(Problem {
                    severity: Severity::Warning,
                    error: DataError {
                        file: file.to_string(),
                        feature: Some(format!("#{index}")),
                        property: Some("id".to_string()),
                        message: format!(
                            "\"{}\" is used by an earlier feature; this one is \"{renamed}\"",
                            super::printable(&feature.id, super::SHOWN_CHARS)
                        ),
                    },
                });
                ids.insert(renamed.clone());
                feature.id = renamed;
            }
            features.push(feature);
        }
        Flow::Go
    });
    if cancelled {
        return Err(Cancelled);
    }
    let ending = match read {
        Ok(ending) => ending,
        Err(message) => {
            problems.push(Problem {
                severity: Severity::Error,
                error: DataError::file(file, message),
            });
            Ending::Done
        }
    };
    let total = match &ending {
        Ending::NotCollection => 0,
        _ => seen,
    };
    match ending {
        Ending::Done | Ending::Stopped => {}
        Ending::NotCollection => {
            features.clear();
            problems.clear();
            problems.push(Problem {
                severity: Severity::Error,
                error: DataError::file(
                    file,
                    "is not a GeoJSON FeatureCollection (needs \"type\": \"FeatureCollection\" and a \"features\" array)",
                ),
            });
        }
        Ending::Broken(message) => {
            let message = if features.is_empty() {
                message
            } else {
                format!(
                    "{message}; the {} feature(s) before it are loaded",
                    features.len()
                )
            };
            problems.push(Problem {
                severity: Severity::Error,
                error: DataError::file(file, message),
            });
        }
    }
    if let Some(p) = progress {
        p.done
            .store(p.total.load(Ordering::Relaxed), Ordering::Relaxed);
    }
    features.shrink_to_fit();
    Ok(Imported {
        layer: Layer {
            kind: layer,
            file: file.to_string(),
            features,
            user: Some(UserLayerInfo {
                fields,
                guesses,
                source: default_source,
                total,
            }),
        },
        problems,
    })
}

/// What a file's first feature says about it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FirstLook {
    /// The `layer` its first feature declares.
    pub declared_layer: Option<String>,
    /// Whether it follows the atlas's own schema: a `layer`, a `name`
    /// object or a `sources` list.
    pub atlas_schema: bool,
    /// Whether there was a first feature at all.
    pub read_feature: bool,
}

/// Looks at the first feature of `text` (cheaply: geometries are skipped).
///
/// ```
/// use caucasus_atlas::atlas::import::first_look;
/// let look = first_look(r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"layer":"places","name":{"en":"Goris"}}}]}"#);
/// assert!(look.atlas_schema);
/// assert_eq!(look.declared_layer.as_deref(), Some("places"));
/// assert!(!first_look(r#"{"type":"FeatureCollection","features":[{"properties":{"name":"Goris"}}]}"#).atlas_schema);
/// ```
pub fn first_look(text: &str) -> FirstLook {
    let mut look = FirstLook::default();
    read_features(text, true, |_, raw| {
        look.read_feature = true;
        if let Some(map) = raw.property_map() {
            look.declared_layer = map
                .get("layer")
                .and_then(|v| v.as_str())
                .map(str::to_string);
            look.atlas_schema = look.declared_layer.is_some()
                || map.get("name").is_some_and(|v| v.is_object())
                || map.get("sources").is_some_and(|v| v.is_array());
        }
        Flow::Stop
    });
    look
}

#[cfg(test)]
mod tests;
