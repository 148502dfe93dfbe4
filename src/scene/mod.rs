//! The Scene: what to draw for one date, as styled primitives in map space.
//! The window and every export draw the same Scene.

pub mod alt_text;
mod build;
pub mod compare;
pub mod credits;
pub mod ghost;
pub mod labels;
mod layers;
pub mod origins;
pub mod scale_bar;
pub mod style;
pub mod text;
pub mod theme;

use std::sync::Arc;

use ecolor::Color32;

use crate::spatial::{MapPoint, projected::MapPath, triangulate::Triangulation};
use crate::time::Date;

pub use build::{SceneOptions, build_scene, caption};
pub use credits::publisher_and_headline;
pub use layers::{USER_PALETTE, user_layer_color};

/// A filled area.
#[derive(Clone, Debug)]
pub struct Fill {
    /// Triangles in map kilometres (what the window fills).
    pub triangles: Arc<Triangulation>,
    /// The same area as closed rings, exteriors and holes (what SVG fills with
    /// the even-odd rule, so no triangle seams show).
    pub rings: Vec<MapPath>,
    /// Fill colour.
    pub color: Color32,
    /// Map-space bounding box, for culling.
    pub bbox: geo::Rect<f64>,
}

/// A line or outline, with a width in screen points so it stays crisp at every zoom.
#[derive(Clone, Debug)]
pub struct Stroke {
    /// The path in map kilometres.
    pub path: MapPath,
    /// Width in screen points.
    pub width: f32,
    /// Colour.
    pub color: Color32,
    /// Dash and gap lengths in points, for approximate or secondary lines.
    pub dash: Option<(f32, f32)>,
    /// Map-space bounding box, for culling.
    pub bbox: geo::Rect<f64>,
}

/// The shape of a point symbol.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Symbol {
    /// A settlement: filled circle.
    Town,
    /// A capital: circle with a ring.
    Capital,
    /// A base or headquarters: square.
    Base,
    /// An observation or border post: triangle.
    Post,
    /// A civilian or monitoring mission: ring.
    Mission,
    /// An event: diamond.
    Event,
}

/// A point symbol.
#[derive(Clone, Debug)]
pub struct Marker {
    /// Where, in map kilometres.
    pub at: MapPoint,
    /// Which symbol.
    pub symbol: Symbol,
    /// Fill colour.
    pub color: Color32,
    /// Radius in screen points.
    pub radius: f32,
    /// Shown only when the map is zoomed in to at least this many points per km.
    pub min_scale: f64,
}

/// How a label is set: what it names decides its type and where it sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelStyle {
    /// A place, beside its dot.
    Place,
    /// A country's name, centred on a point inside it.
    Country,
    /// A sea's name, centred, in italics.
    Sea,
    /// An event's name and date, beside its diamond.
    Event,
}

/// A text label anchored at a map point.
#[derive(Clone, Debug)]
pub struct Label {
    /// The anchor (the labelled point), in map kilometres.
    pub at: MapPoint,
    /// The text.
    pub text: String,
    /// Font size in points (at least [`text::MIN_TEXT_PT`]).
    pub size: f32,
    /// Text colour.
    pub color: Color32,
    /// Lower is placed first (and wins collisions).
    pub priority: u32,
    /// Shown only when the map is zoomed in to at least this many points per km.
    pub min_scale: f64,
    /// How it is set.
    pub style: LabelStyle,
    /// The text's width in points at `size`, measured once in the bundled fonts.
    pub width: f32,
    /// The radius of the marker at the anchor, which the text keeps clear of;
    /// 0 when there is none (the text is then centred on the anchor).
    pub marker_radius: f32,
    /// Whether the text may stand further off its marker, with a leader
    /// line, when nothing beside it is free (events, capitals, cities).
    pub stand_off: bool,
}

impl Label {
    /// A place label of `text` at `at`, measured; the other fields are
    /// meant to be set with struct update syntax.
    pub fn new(at: MapPoint, text: String, size: f32, color: Color32) -> Label {
        let width = text::text_width(&text, size);
        Label {
            at,
            text,
            size,
            color,
            priority: 0,
            min_scale: 0.0,
            style: LabelStyle::Place,
            width,
            marker_radius: 0.0,
            stand_off: false,
        }
    }

    /// The text box's height in points.
    pub fn height(&self) -> f32 {
        self.size * 1.25
    }
}

/// How a legend entry's sample is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Swatch {
    /// A filled box (areas).
    Area,
    /// A line, dashed or solid, of this width in points.
    Line {
        /// Whether the line is dashed.
        dashed: bool,
        /// Width in points.
        width: f32,
    },
    /// A point symbol.
    Symbol(Symbol),
    /// A filled box crossed by diagonal lines of this colour (hatched areas).
    Hatched(Color32),
}

/// The diagonal lines of a hatched legend swatch `width`×`height` points,
/// from its top-left corner: one geometry for the window and the exports.
pub fn swatch_hatch(width: f32, height: f32, spacing: f32) -> Vec<[(f32, f32); 2]> {
    let mut lines = Vec::new();
    // Lines x + y = c, clipped to the box (y points down: they rise to the right).
    let mut c = spacing;
    while c < width + height {
        let start = (c.min(width), c - c.min(width));
        let end = ((c - height).max(0.0), c - (c - height).max(0.0));
        lines.push([start, end]);
        c += spacing;
    }
    lines
}

/// One line of the legend.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    /// Swatch colour.
    pub color: Color32,
    /// How the sample is drawn.
    pub swatch: Swatch,
    /// What it means.
    pub text: String,
}

/// Everything to draw for one date.
#[derive(Clone, Debug)]
pub struct Scene {
    /// The date shown.
    pub date: Date,
    /// Areas, bottom first.
    pub fills: Vec<Fill>,
    /// Lines and outlines, drawn over the fills.
    pub strokes: Vec<Stroke>,
    /// Point symbols, over the lines.
    pub markers: Vec<Marker>,
    /// Labels, placed last without overlaps.
    pub labels: Vec<Label>,
    /// The legend.
    pub legend: Vec<LegendEntry>,
    /// The caption (the date in words).
    pub caption: String,
    /// Said under the caption when the date shown is later than the day the
    /// data was last reviewed against its sources ("data reviewed to …").
    pub data_note: Option<String>,
    /// The sources of what is drawn on the date within the extent, ranked
    /// (`credits::rank`): the credit line names the first few, the metadata
    /// and the citation all of them. The base map is in the attribution.
    pub credits: Vec<Credit>,
    /// An earlier date's control outlines drawn over the map, if asked for
    /// (`animate --ghost D1`).
    pub ghost: Option<ghost::Ghost>,
    /// The day the data was last reviewed against its sources (its version).
    pub reviewed: Option<Date>,
    /// The layer and feature each fill, stroke, marker and label draws.
    pub origins: origins::Origins,
    /// The table of gains and losses, in compare mode (see [`compare`]).
    pub compare: Option<compare::CompareTable>,
    /// The theme its colours are in (set by [`theme::Theme::apply`]): what
    /// is painted around the Scene (plates, captions, the scale bar) asks it
    /// for matching colours.
    pub theme: theme::Theme,
}

/// One credited source.
#[derive(Clone, Debug, PartialEq)]
pub struct Credit {
    /// The source's title, as the data gives it.
    pub title: String,
    /// Its address, if any.
    pub url: Option<String>,
    /// Its own date, if known.
    pub date: Option<Date>,
    /// The side it speaks for, if partisan.
    pub partisan: Option<crate::atlas::Controller>,
    /// Who published it ("OC Media", "Wikipedia", "tass.com").
    pub publisher: String,
    /// The title without the publisher (empty when there is nothing else).
    pub headline: String,
    /// How many drawn features (states, lines, events) it supports.
    pub supports: usize,
    /// Whether it is the own source of a state or event drawn, not only a
    /// feature's general source.
    pub specific: bool,
    /// The first day of the latest state it supports.
    pub latest: Option<Date>,
}

impl Scene {
    /// The markers to draw through `projector`, with their screen positions:
    /// zoomed in far enough for each, and on (or just off) the viewport. The
    /// window and the SVG export draw the same set.
    pub fn markers_on_screen<'a>(
        &'a self,
        projector: &'a crate::spatial::Projector,
    ) -> impl Iterator<Item = (&'a Marker, emath::Pos2)> + 'a {
        let reach = projector.viewport.expand(10.0);
        self.markers
            .iter()
            .filter(move |m| projector.view.points_per_km >= m.min_scale)
            .map(move |m| (m, projector.map_to_screen(m.at)))
            .filter(move |(_, p)| reach.contains(*p))
    }
}
