//! Label placement, shared by the window and the exports: a greedy pass in
//! priority order with the measured text boxes (`Label::width`). Each label
//! tries a few positions round its anchor and takes the first that stays on
//! screen, clear of every label already placed and of every marker drawn
//! (its own included); a label with no free position is left out, so the
//! map stays readable at every zoom and in every script.

use emath::{Pos2, Rect, Vec2};
use rstar::{AABB, RTree, RTreeObject};

use super::{Label, Scene, Symbol};
use crate::spatial::Projector;

/// A label given its place on screen.
#[derive(Clone, Debug)]
pub struct PlacedLabel<'a> {
    /// The label.
    pub label: &'a Label,
    /// The text's bounding box on screen.
    pub rect: Rect,
    /// A leader line from the marker to the text, when the text had to be
    /// set away from its marker (events in a crowded area).
    pub leader: Option<[Pos2; 2]>,
}

/// The clear space kept round every text box, in points.
const PADDING: f32 = 2.0;

/// A box already taken on screen (a placed label or a marker).
struct Taken(Rect);

impl RTreeObject for Taken {
    type Envelope = AABB<[f32; 2]>;

    fn envelope(&self) -> Self::Envelope {
        AABB::from_corners([self.0.min.x, self.0.min.y], [self.0.max.x, self.0.max.y])
    }
}

/// The screen box a marker's symbol covers (a diamond reaches 1.3 radii,
/// a capital's ring a little beyond its radius), with a point to spare.
pub fn marker_box(symbol: Symbol, at: Pos2, radius: f32) -> Rect {
    let reach = match symbol {
        Symbol::Event => radius * 1.3,
        Symbol::Post => radius * 1.2,
        Symbol::Capital | Symbol::Mission => radius + 1.0,
        _ => radius,
    } + 1.0;
    Rect::from_center_size(at, Vec2::splat(2.0 * reach))
}

/// The positions a label tries, best first: beside its marker (right, left,
/// above, below, then the diagonals; an event's also further off), or
/// centred on a point inside the area it names, then nudged up, down and
/// sideways.
fn candidates(label: &Label, anchor: Pos2, reach: f32) -> Vec<Rect> {
    let size = Vec2::new(label.width, label.height());
    if label.marker_radius <= 0.0 {
        let centred = Rect::from_center_size(anchor, size);
        let (dx, dy) = (size.x * 0.5, size.y * 1.1);
        return [
            (0.0, 0.0),
            (0.0, -dy),
            (0.0, dy),
            (dx, 0.0),
            (-dx, 0.0),
            (dx, -dy),
            (-dx, -dy),
            (dx, dy),
            (-dx, dy),
            (0.0, -2.0 * dy),
            (0.0, 2.0 * dy),
        ]
        .into_iter()
        .map(|(x, y)| centred.translate(Vec2::new(x, y)))
        .collect();
    }
    // Clear of the markers at the anchor (`reach`: a capital's ring, or an
    // event's diamond drawn on the same town) with the padding to spare.
    let gap = reach.max(label.marker_radius * 1.3 + 1.0) + PADDING + 0.5;
    let mut rects = ring(anchor, size, gap);
    // An event's or a city's label may stand further off, with a leader line.
    if label.stand_off {
        for step in 1..=3 {
            rects.extend(ring(anchor, size, gap + LEADER_STEP * step as f32));
        }
    }
    rects
}

/// How much further off each ring of an event label's far positions is.
const LEADER_STEP: f32 = 20.0;

/// Eight boxes of `size` round `anchor` at distance `d`: right, left, above,
/// below, then the diagonals.
fn ring(anchor: Pos2, size: Vec2, d: f32) -> Vec<Rect> {
    let beside = |x: f32, y: f32| Rect::from_min_size(Pos2::new(x, y), size);
    let (ax, ay) = (anchor.x, anchor.y);
    let e = d * 0.7;
    vec![
        beside(ax + d, ay - size.y / 2.0),
        beside(ax - d - size.x, ay - size.y / 2.0),
        beside(ax - size.x / 2.0, ay - d - size.y),
        beside(ax - size.x / 2.0, ay + d),
        beside(ax + e, ay - e - size.y),
        beside(ax + e, ay + e),
        beside(ax - e - size.x, ay - e - size.y),
        beside(ax - e - size.x, ay + e),
    ]
}

/// The leader from the edge of the markers at `anchor` (reaching `reach`)
/// to the nearest point of `rect`, when the text stands well away.
fn leader(anchor: Pos2, reach: f32, rect: Rect) -> Option<[Pos2; 2]> {
    let end = rect.clamp(anchor);
    let along = end - anchor;
    let length = along.length();
    (length > reach + LEADER_STEP * 0.5).then(|| [anchor + along / length * (reach + 1.0), end])
}

/// Whether the segment touches one of the boxes (checked every 2 points,
/// which no text box is thinner than).
fn crosses(taken: &RTree<Taken>, [a, b]: [Pos2; 2]) -> bool {
    let steps = ((b - a).length() / 2.0).ceil().max(1.0) as usize;
    (0..=steps).any(|i| {
        let p = a + (b - a) * (i as f32 / steps as f32);
        taken
            .locate_in_envelope_intersecting(&AABB::from_corners(
                [p.x - 0.5, p.y - 0.5],
                [p.x + 0.5, p.y + 0.5],
            ))
            .next()
            .is_some()
    })
}

/// Places the Scene's labels as seen through `projector` (see the module
/// comment). The markers are those the painters draw
/// ([`Scene::markers_on_screen`]).
pub fn place_labels<'a>(scene: &'a Scene, projector: &Projector) -> Vec<PlacedLabel<'a>> {
    let markers: Vec<Taken> = scene
        .markers_on_screen(projector)
        .map(|(m, p)| Taken(marker_box(m.symbol, p, m.radius)))
        .collect();
    place_among(&scene.labels, markers, projector)
}

fn place_among<'a>(
    labels: &'a [Label],
    markers: Vec<Taken>,
    projector: &Projector,
) -> Vec<PlacedLabel<'a>> {
    let mut order: Vec<&Label> = labels
        .iter()
        .filter(|l| projector.view.points_per_km >= l.min_scale)
        .collect();
    order.sort_by_key(|l| l.priority);
    let at_anchor = RTree::bulk_load(markers.iter().map(|m| Taken(m.0)).collect());
    let mut taken = RTree::bulk_load(markers);
    let mut texts: RTree<Taken> = RTree::new();
    let mut placed: Vec<PlacedLabel<'a>> = Vec::new();
    for label in order {
        let anchor = projector.map_to_screen(label.at);
        // How far the markers drawn on the anchor reach from it.
        let reach = at_anchor
            .locate_in_envelope_intersecting(&AABB::from_point([anchor.x, anchor.y]))
            .filter(|m| (m.0.center() - anchor).length() < 1.0)
            .map(|m| m.0.width() / 2.0)
            .fold(0.0, f32::max);
        let near = reach.max(label.marker_radius * 1.3 + 1.0);
        let free = candidates(label, anchor, reach)
            .into_iter()
            .find_map(|rect| {
                let clear = projector.viewport.contains_rect(rect)
                    && taken
                        .locate_in_envelope_intersecting(&Taken(rect.expand(PADDING)).envelope())
                        .next()
                        .is_none();
                if !clear {
                    return None;
                }
                let leader = leader(anchor, near, rect);
                // A leader may pass a marker but never runs across a text.
                match leader {
                    Some(line) if crosses(&texts, line) => None,
                    _ => Some((rect, leader)),
                }
            });
        if let Some((rect, leader)) = free {
            taken.insert(Taken(rect));
            texts.insert(Taken(rect));
            // Later labels keep off the leader too.
            if let Some([a, b]) = leader {
                let steps = ((b - a).length() / 2.0).ceil().max(1.0) as usize;
                for i in 0..=steps {
                    let p = a + (b - a) * (i as f32 / steps as f32);
                    taken.insert(Taken(Rect::from_center_size(p, Vec2::splat(1.0))));
                }
            }
            placed.push(PlacedLabel {
                label,
                rect,
                leader,
            });
        }
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::LabelStyle;
    use crate::spatial::{MapPoint, MapView};
    use ecolor::Color32;

    fn label(x: f64, text: &str, priority: u32) -> Label {
        Label {
            priority,
            marker_radius: 2.0,
            ..Label::new(
                MapPoint { x, y: 0.0 },
                text.to_string(),
                12.0,
                Color32::BLACK,
            )
        }
    }

    fn projector() -> Projector {
        let view = MapView {
            center: [0.0, 0.0],
            points_per_km: 1.0,
        };
        Projector::new(
            view,
            Rect::from_min_size(Pos2::new(-500.0, -500.0), Vec2::splat(1000.0)),
        )
    }

    #[test]
    fn the_more_important_of_two_labels_keeps_its_place_and_the_other_moves() {
        let labels = vec![
            label(0.0, "Minor town", 5),
            label(3.0, "Capital", 1),
            label(300.0, "Far", 9),
        ];
        let placed = place_among(&labels, Vec::new(), &projector());
        let texts: Vec<&str> = placed.iter().map(|p| p.label.text.as_str()).collect();
        assert_eq!(texts, vec!["Capital", "Minor town", "Far"]);
        // The capital sits to the right of its anchor; the town found another side.
        assert!(placed[0].rect.min.x > 3.0);
        assert!(!placed[0].rect.intersects(placed[1].rect));
    }

    #[test]
    fn a_label_with_no_free_place_is_left_out_and_none_covers_a_marker() {
        // A ring of markers round the anchor leaves no room beside it.
        let mut markers = Vec::new();
        for dx in -12..=12 {
            for dy in -12..=12 {
                let at = Pos2::new(dx as f32 * 8.0, dy as f32 * 8.0);
                markers.push(Taken(marker_box(Symbol::Town, at, 2.0)));
            }
        }
        let labels = vec![label(0.0, "Crowded", 1)];
        assert!(place_among(&labels, markers, &projector()).is_empty());
    }

    #[test]
    fn centred_labels_sit_on_their_anchor() {
        let sea = Label {
            style: LabelStyle::Sea,
            ..Label::new(
                MapPoint { x: 0.0, y: 0.0 },
                "Black Sea".to_string(),
                13.0,
                Color32::BLACK,
            )
        };
        let labels = [sea];
        let placed = place_among(&labels, Vec::new(), &projector());
        assert!((placed[0].rect.center() - Pos2::ZERO).length() < 0.01);
        assert!((placed[0].rect.width() - labels[0].width).abs() < 0.01);
    }
}
