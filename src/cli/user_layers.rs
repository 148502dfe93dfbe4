//! `--layer FILE` (repeatable) and the mapping flags: a user's GeoJSON on
//! top of the bundled layers, for every command that reads data.

use std::path::PathBuf;

use clap::Args;

use crate::atlas::import::Mapping;
use crate::data::{DataSource, UserLayerSpec};

/// A user's layers and how to read them (the same mapping for each file).
#[derive(Clone, Debug, Default, Args)]
pub struct UserLayerArgs {
    /// Add a GeoJSON FeatureCollection of your own on top of the atlas's
    /// layers (repeatable). Fields not given below are guessed.
    #[arg(long = "layer", global = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The property with each feature's date or first day (YYYY-MM-DD,
    /// YYYY-MM, YYYY, an ISO date-time or Unix seconds).
    #[arg(long, global = true, value_name = "FIELD")]
    pub time_field: Option<String>,
    /// The property with each feature's last day.
    #[arg(long, global = true, value_name = "FIELD")]
    pub end_field: Option<String>,
    /// The property with each feature's length in days (or P3D, P2W, P1M, P1Y).
    #[arg(long, global = true, value_name = "FIELD")]
    pub duration_field: Option<String>,
    /// The property with each feature's name.
    #[arg(long, global = true, value_name = "FIELD")]
    pub name_field: Option<String>,
    /// The source to credit for features that name none (default: "user data").
    #[arg(long, global = true, value_name = "TEXT")]
    pub source: Option<String>,
}

impl UserLayerArgs {
    /// The mapping the flags give.
    pub fn mapping(&self) -> Mapping {
        let field = |f: &Option<String>| {
            f.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        Mapping {
            time_field: field(&self.time_field),
            end_field: field(&self.end_field),
            duration_field: field(&self.duration_field),
            name_field: field(&self.name_field),
            source: field(&self.source),
        }
    }

    /// Where the data comes from: `dir` (or the bundled atlas) and these files.
    pub fn source(&self, dir: Option<PathBuf>) -> DataSource {
        let mapping = self.mapping();
        DataSource {
            dir,
            user_layers: self
                .files
                .iter()
                .map(|path| UserLayerSpec {
                    path: path.clone(),
                    mapping: mapping.clone(),
                })
                .collect(),
            mapping,
        }
    }
}
