//! Scene building: atlas + date + options → styled primitives. The driver
//! walks the features shown on the date and hands each to its layer's style
//! (`layers/`), which draws it and keeps what its legend lines need.

use std::collections::BTreeSet;

use std::sync::Arc;

use geo::{Contains, Intersects};

use super::compare::CompareOverlay;

use super::Scene;
use super::credits::Credits;
use super::layers::{Canvas, LayerStyles, sea, sea_labels};
use super::origins::{Counts, Origin, Origins};
use crate::atlas::{Atlas, Language, LayerKind, NameOrder};
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
    /// The order of the two names of a place the sides name differently.
    pub names: NameOrder,
    /// Layers not to draw.
    pub hidden_layers: BTreeSet<LayerKind>,
    /// The part of the map that is shown (map km), when known: the legend and the
    /// credits then list only what lies in it. Everything is still drawn; the
    /// painters cull what is off screen.
    pub extent: Option<geo::Rect<f64>>,
    /// Compare mode: the changed areas since an earlier date, drawn over this
    /// date's map with their table, when the overlay's second date is this
    /// date (an overlay for another date is never drawn).
    pub compare: Option<Arc<CompareOverlay>>,
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
/// use caucasus_atlas::atlas::{Language, NameOrder};
///
/// let data = AtlasData::load(None);
/// let options = SceneOptions {
///     date: "2020-11-10".parse().unwrap(),
///     language: Language::En,
///     names: NameOrder::Holder,
///     hidden_layers: Default::default(),
///     extent: None,
///     compare: None,
/// };
/// let scene = build_scene(&data.atlas, &data.projected, &options);
/// assert_eq!(scene.caption, "10 November 2020");
/// assert!(scene.legend.iter().any(|e| e.text == "Held by Azerbaijan"));
/// assert!(scene.labels.iter().any(|l| l.text == "Yerevan"));
/// // Stepanakert was held by the Karabakh Armenians on that day.
/// assert!(scene.labels.iter().any(|l| l.text == "Stepanakert (Khankendi)"));
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
        ghost: None,
        reviewed: atlas.reviewed,
        origins: Origins::default(),
        compare: None,
        theme: super::theme::Theme::Light,
    };
    scene.origins.record(
        Counts::default(),
        Counts::of(&scene, 0),
        &mut Vec::new(),
        Origin {
            layer: "sea".to_string(),
            feature: None,
        },
    );
    let mut outline_origins = Vec::new();
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
            credits.add(feature, atlas.sources_of(feature), options.date);
        }
        let before = Counts::of(&scene, outlines.len());
        let mut canvas = Canvas {
            atlas,
            scene: &mut scene,
            outlines: &mut outlines,
        };
        styles
            .style_for(&feature.layer)
            .draw(feature, pf, options, listed, &mut canvas);
        let now = Counts::of(&scene, outlines.len());
        scene.origins.record(
            before,
            now,
            &mut outline_origins,
            Origin {
                layer: feature.layer.name().to_string(),
                feature: Some(feature.id.clone()),
            },
        );
    }
    scene.strokes.extend(outlines);
    if options.shows(&LayerKind::Countries) {
        let before = Counts::of(&scene, 0);
        scene.labels.extend(sea_labels(options.language));
        scene.origins.record(
            before,
            Counts::of(&scene, 0),
            &mut Vec::new(),
            Origin {
                layer: "sea".to_string(),
                feature: None,
            },
        );
    }
    scene.origins.strokes = outline_origins;
    scene.legend = styles.legend(atlas);
    if let Some(overlay) = options.compare.as_ref().filter(|o| o.to() == options.date) {
        scene.strokes.extend(overlay.strokes.iter().cloned());
        scene.legend.insert(0, overlay.legend_entry());
        scene.compare = Some(overlay.table.clone());
    }
    scene.credits = credits.into_ranked();
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
        // chrono's months run 1..=12, so the lookup never misses.
        MONTHS
            .get((date.month() as usize).wrapping_sub(1))
            .unwrap_or(&""),
        date.year()
    )
}
