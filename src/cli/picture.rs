//! The options `export` and `animate` share: what area, which layers, which
//! language, and what goes around the map.

use clap::Args;

use super::{parse_bbox_arg, parse_language, parse_layer, parse_names};
use crate::atlas::{Language, LayerKind, NameOrder};
use crate::render::export::{ExportRequest, Format};
use crate::render::svg::ExportOptions;
use crate::spatial::RegionBox;
use crate::time::Date;

/// How a picture of the map is framed and dressed.
#[derive(Clone, Debug, Args)]
pub struct PictureArgs {
    /// Show this lon/lat box instead of the whole region: minlon,minlat,maxlon,maxlat.
    #[arg(long, value_parser = parse_bbox_arg, allow_hyphen_values = true)]
    pub bbox: Option<RegionBox>,
    /// Draw only these layers (comma-separated names; default: all).
    #[arg(long, value_delimiter = ',', value_parser = parse_layer)]
    pub layers: Option<Vec<LayerKind>>,
    /// Label language: en, hy, az, ru or ka.
    #[arg(long = "lang", default_value = "en", value_parser = parse_language)]
    pub language: Language,
    /// The order of a place's two names: holder (the holder's name first on
    /// the date), hy-first, az-first, or single (the holder's name only).
    #[arg(long, default_value = "holder", value_parser = parse_names)]
    pub names: NameOrder,
    /// A title at the top of the side panel.
    #[arg(long)]
    pub title: Option<String>,
    /// The map alone: no panel (legend, date, scale, sources) and no attribution line.
    #[arg(long)]
    pub map_only: bool,
}

impl PictureArgs {
    /// The export request for one picture of `width × height` pixels on `date`.
    pub fn request(self, date: Date, (width, height): (u32, u32), format: Format) -> ExportRequest {
        ExportRequest {
            date,
            width,
            height,
            bbox: self.bbox,
            view: None,
            layers: self.layers,
            language: self.language,
            names: self.names,
            format,
            include: if self.map_only {
                ExportOptions::map_only()
            } else {
                ExportOptions {
                    title: self.title,
                    ..ExportOptions::default()
                }
            },
            pixels_per_point: None,
            compare_from: None,
            ..ExportRequest::new(date)
        }
    }
}
