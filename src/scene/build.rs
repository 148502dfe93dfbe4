//! Scene building: atlas + date + options → styled primitives. The driver
//! walks the features shown on the date and hands each to its layer's style
//! (`layers/`), which draws it and keeps what its legend lines need.

use std::collections::BTreeSet;

use geo::{Contains, Intersects};

use super::Scene;
use super::credits::Credits;
use super::layers::{Canvas, LayerStyles, sea};
use crate::atlas::{Atlas, Language, LayerKind};
use crate::spatial::projected::ProjectedFeature;
use crate::spatial::{ProjectedAtlas, visible_on};
use crate::time::Date;

/// What the user chose: the date, the label language, the hidden layers.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneOptions {
    /// The date to show.
    pub date: Date,
    /// The label language.
    pub language: Language,
    /// Layers not to draw.
    pub hidden_layers: BTreeSet<LayerKind>,
    /// The part of the map that is shown (map km), when known: the legend and the
    /// credits then list only what lies in it. Everything is still drawn; the
    /// painters cull what is off screen.
    pub extent: Option<geo::Rect<f64>>,
}

impl SceneOptions {
    /// Whether a layer is shown.
    pub fn shows(&self, layer: &LayerKind) -> bool {
        !self.hidden_layers.contains(layer)
    }

    /// Whether a feature lies (at least partly) in the shown extent.
    fn in_extent(&self, pf: &ProjectedFeature) -> bool {
        let Some(extent) = &self.extent else {
            return true;
        };
        if !pf.bbox.intersects(extent) {
            return false;
        }
        // A bounding box that overlaps the extent does not mean the shape does
        // (think of a long border zone seen from its corner).
        extent.contains(&pf.bbox) || pf.geometry.intersects(extent)
    }
}

/// Builds the Scene for one date. Cheap: it only picks and styles the cached
/// projected shapes (no parsing, projection or triangulation).
///
/// ```
/// use caucasus_atlas::data::AtlasData;
/// use caucasus_atlas::scene::{SceneOptions, build_scene};
/// use caucasus_atlas::atlas::Language;
///
/// let data = AtlasData::load(None);
/// let options = SceneOptions {
///     date: "2020-11-10".parse().unwrap(),
///     language: Language::En,
///     hidden_layers: Default::default(),
///     extent: None,
/// };
/// let scene = build_scene(&data.atlas, &data.projected, &options);
/// assert_eq!(scene.caption, "10 November 2020");
/// assert!(scene.legend.iter().any(|e| e.text == "Held by Azerbaijan"));
/// assert!(scene.labels.iter().any(|l| l.text == "Yerevan"));
/// ```
pub fn build_scene(atlas: &Atlas, projected: &ProjectedAtlas, options: &SceneOptions) -> Scene {
    let mut scene = Scene {
        date: options.date,
        fills: vec![sea(options.shows(&LayerKind::Countries))],
        strokes: Vec::new(),
        markers: Vec::new(),
        labels: Vec::new(),
        legend: Vec::new(),
        caption: caption(options.date),
        data_note: atlas
            .reviewed
            .filter(|reviewed| *reviewed < options.date)
            .map(|reviewed| format!("data reviewed to {}", caption(reviewed))),
        credits: Vec::new(),
    };
    let mut credits = Credits::default();
    let mut styles = LayerStyles::for_atlas(atlas);
    // Outlines go on top of every fill, so collect them apart and append later.
    let mut outlines = Vec::new();
    for (feature, pf) in visible_on(atlas, projected, options.date, &|layer| {
        options.shows(layer)
    }) {
        // What lies outside the extent is drawn (and culled later) but neither
        // credited nor listed in the legend.
        let listed = options.in_extent(pf);
        if listed {
            credits.add_sources(atlas.sources_of(feature));
        }
        let mut canvas = Canvas {
            scene: &mut scene,
            outlines: &mut outlines,
        };
        styles
            .style_for(&feature.layer)
            .draw(feature, pf, options, listed, &mut canvas);
    }
    scene.strokes.extend(outlines);
    scene.legend = styles.legend(atlas);
    scene.credits = credits.into_list();
    scene
}

/// The date in words, as the map's caption ("10 November 2020").
pub fn caption(date: Date) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[(date.month() - 1) as usize],
        date.year()
    )
}
