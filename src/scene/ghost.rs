//! A ghost: the outlines of who held what on an earlier date, drawn thin and
//! dashed over a later map (`animate --ghost D1`), so the reader sees where
//! the lines were. It is its own part of the Scene, so the window and every
//! export can draw it.
//!
//! The outline is the edges between control zones held by different sides
//! on that date (and the outer edges of the zones): an edge two zones of the
//! same holder share is inside one holder's area and is left out. Zones that
//! tile share their vertices, so shared edges are found exactly.

use std::collections::HashMap;
use std::sync::Arc;

use ecolor::Color32;

use super::{LegendEntry, Stroke, Swatch, caption};
use crate::atlas::{Atlas, Controller, LayerKind};
use crate::spatial::projected::{MapPath, ProjectedShape};
use crate::spatial::{ProjectedAtlas, visible_on};
use crate::time::Date;

/// The ghost's line colour (opaque, so a GIF keeps it exactly).
pub const GHOST_COLOR: Color32 = Color32::from_rgb(0x0B, 0x3D, 0x91);
/// The ghost's width in points.
pub const GHOST_WIDTH: f32 = 1.5;
/// The ghost's dash and gap in points.
pub const GHOST_DASH: (f32, f32) = (5.0, 3.0);

/// The control outlines of one date.
#[derive(Clone, Debug)]
pub struct Ghost {
    /// The date whose outlines these are.
    pub date: Date,
    /// The outlines, in map kilometres.
    pub strokes: Vec<Stroke>,
}

impl Ghost {
    /// The legend line that explains the ghost.
    pub fn legend_entry(&self) -> LegendEntry {
        LegendEntry {
            color: GHOST_COLOR,
            swatch: Swatch::Line {
                dashed: true,
                width: GHOST_WIDTH,
            },
            text: format!("Lines of control on {}", caption(self.date)),
        }
    }
}

/// A vertex rounded to a metre, so the same vertex of two zones is one key.
type Key = (i64, i64);

fn key(p: [f32; 2]) -> Key {
    (
        (p[0] as f64 * 1000.0).round() as i64,
        (p[1] as f64 * 1000.0).round() as i64,
    )
}

/// An edge without direction.
fn edge(a: [f32; 2], b: [f32; 2]) -> (Key, Key) {
    let (ka, kb) = (key(a), key(b));
    if ka <= kb { (ka, kb) } else { (kb, ka) }
}

/// The outlines of control on `date` (the control zones' edges between
/// different holders, and their outer edges).
// `windows(2)` yields two points; edge ids index the list they were made from.
#[allow(clippy::indexing_slicing)]
pub fn control_ghost(atlas: &Atlas, projected: &ProjectedAtlas, date: Date) -> Ghost {
    // Every control zone's rings with its holder on the date.
    let mut zones: Vec<(Controller, &[MapPath], geo::Rect<f64>)> = Vec::new();
    for (feature, pf) in visible_on(atlas, projected, date, &|l| *l == LayerKind::Control) {
        let (Some(c), ProjectedShape::Area { rings, .. }) =
            (feature.controller_on(date), &pf.shape)
        else {
            continue;
        };
        zones.push((c, rings.as_slice(), pf.bbox));
    }
    // Which holders each edge borders.
    let mut sides: HashMap<(Key, Key), Vec<Controller>> = HashMap::new();
    for (c, rings, _) in &zones {
        for ring in rings.iter() {
            for w in ring.windows(2) {
                sides.entry(edge(w[0], w[1])).or_default().push(*c);
            }
        }
    }
    let inside = |held: &[Controller]| held.len() >= 2 && held.iter().all(|c| *c == held[0]);
    // Walk the rings again and keep runs of outline edges, each edge once.
    let mut drawn: std::collections::HashSet<(Key, Key)> = Default::default();
    let mut strokes = Vec::new();
    for (_, rings, bbox) in &zones {
        for ring in rings.iter() {
            let mut run: Vec<[f32; 2]> = Vec::new();
            for w in ring.windows(2) {
                let e = edge(w[0], w[1]);
                let keep =
                    sides.get(&e).is_some_and(|held| !inside(held.as_slice())) && drawn.insert(e);
                if keep {
                    if run.is_empty() {
                        run.push(w[0]);
                    }
                    run.push(w[1]);
                } else if !run.is_empty() {
                    strokes.push(ghost_stroke(std::mem::take(&mut run), *bbox));
                }
            }
            if !run.is_empty() {
                strokes.push(ghost_stroke(run, *bbox));
            }
        }
    }
    Ghost { date, strokes }
}

fn ghost_stroke(points: Vec<[f32; 2]>, bbox: geo::Rect<f64>) -> Stroke {
    let path: MapPath = Arc::from(points);
    Stroke {
        path,
        width: GHOST_WIDTH,
        color: GHOST_COLOR,
        dash: Some(GHOST_DASH),
        bbox,
    }
}
