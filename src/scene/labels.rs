//! Label placement: labels that would overlap a more important one are left
//! out, so the map stays readable at every zoom. Shared by the window and exports.

use emath::{Pos2, Rect, Vec2};

use super::Label;
use crate::spatial::Projector;

/// A label given its place on screen.
#[derive(Clone, Debug)]
pub struct PlacedLabel<'a> {
    /// The label.
    pub label: &'a Label,
    /// The text's bounding box on screen.
    pub rect: Rect,
}

/// An estimate of a text's size in points. Deliberately font-independent so the
/// window and the SVG/PNG exports place the same labels.
pub fn estimated_size(text: &str, size: f32) -> Vec2 {
    Vec2::new(text.chars().count() as f32 * size * 0.56, size * 1.25)
}

/// Places labels in priority order, skipping any whose box would overlap an
/// already placed one or fall outside the viewport. The text sits to the right
/// of its anchor point.
pub fn place_labels<'a>(labels: &'a [Label], projector: &Projector) -> Vec<PlacedLabel<'a>> {
    let mut order: Vec<&Label> = labels
        .iter()
        .filter(|l| projector.view.points_per_km >= l.min_scale)
        .collect();
    order.sort_by_key(|l| l.priority);
    let mut placed: Vec<PlacedLabel<'a>> = Vec::new();
    for label in order {
        let anchor = projector.map_to_screen(label.at);
        let size = estimated_size(&label.text, label.size);
        let rect = Rect::from_min_size(
            Pos2::new(anchor.x + label.size * 0.45, anchor.y - size.y / 2.0),
            size,
        );
        if !projector.viewport.contains_rect(rect) {
            continue;
        }
        let padded = rect.expand(2.0);
        if placed.iter().any(|p| p.rect.intersects(padded)) {
            continue;
        }
        placed.push(PlacedLabel { label, rect });
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spatial::{MapPoint, MapView};
    use ecolor::Color32;

    fn label(x: f64, text: &str, priority: u32) -> Label {
        Label {
            at: MapPoint { x, y: 0.0 },
            text: text.to_string(),
            size: 12.0,
            color: Color32::BLACK,
            priority,
            min_scale: 0.0,
        }
    }

    #[test]
    fn the_more_important_of_two_overlapping_labels_wins() {
        let view = MapView {
            center: [0.0, 0.0],
            points_per_km: 1.0,
        };
        let pr = Projector::new(
            view,
            Rect::from_min_size(Pos2::new(-500.0, -500.0), Vec2::splat(1000.0)),
        );
        let labels = vec![
            label(0.0, "Minor town", 5),
            label(3.0, "Capital", 1),
            label(300.0, "Far", 9),
        ];
        let placed = place_labels(&labels, &pr);
        let texts: Vec<&str> = placed.iter().map(|p| p.label.text.as_str()).collect();
        assert_eq!(texts, vec!["Capital", "Far"]);
    }
}
