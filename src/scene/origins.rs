//! Which layer and feature each primitive of a Scene draws, kept beside the
//! primitives (one entry per fill, stroke, marker and label) so that the SVG
//! export can group its elements by layer and carry each feature's id, the
//! way an editor expects a map file to be organised.

use super::Scene;

/// A layer and, for what a feature draws, the feature's id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The layer's name (`atlas::LayerKind::name`), or `sea` for the sea.
    pub layer: String,
    /// The feature's id (`None` for what no one feature draws).
    pub feature: Option<String>,
}

/// The origin of every primitive, by position in the Scene's lists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origins {
    /// The distinct origins.
    pub list: Vec<Origin>,
    /// For each fill, its origin's index in `list`.
    pub fills: Vec<usize>,
    /// For each stroke.
    pub strokes: Vec<usize>,
    /// For each marker.
    pub markers: Vec<usize>,
    /// For each label.
    pub labels: Vec<usize>,
}

/// How many primitives of each kind a Scene held at some moment.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Counts {
    fills: usize,
    outlines: usize,
    markers: usize,
    labels: usize,
}

impl Counts {
    /// The counts of `scene` and of the outlines collected so far.
    pub(super) fn of(scene: &Scene, outlines: usize) -> Counts {
        Counts {
            fills: scene.fills.len(),
            outlines,
            markers: scene.markers.len(),
            labels: scene.labels.len(),
        }
    }
}

impl Origins {
    /// Gives `origin` to everything added to `scene` (and to the outlines,
    /// whose origins go to `outline_origins` until they join the strokes)
    /// since `before`.
    pub(super) fn record(
        &mut self,
        before: Counts,
        scene_now: Counts,
        outline_origins: &mut Vec<usize>,
        origin: Origin,
    ) {
        let index = match self.list.last() {
            Some(last) if *last == origin => self.list.len() - 1,
            _ => {
                self.list.push(origin);
                self.list.len() - 1
            }
        };
        let fill = |v: &mut Vec<usize>, from: usize, to: usize| {
            v.extend(std::iter::repeat_n(index, to.saturating_sub(from)));
        };
        fill(&mut self.fills, before.fills, scene_now.fills);
        fill(outline_origins, before.outlines, scene_now.outlines);
        fill(&mut self.markers, before.markers, scene_now.markers);
        fill(&mut self.labels, before.labels, scene_now.labels);
    }

    /// The origin of the item at `index` of a list (`which`), if known.
    pub fn get(&self, which: &[usize], index: usize) -> Option<&Origin> {
        which.get(index).and_then(|&i| self.list.get(i))
    }
}

/// The position of `item` in `slice`, if it is one of its elements (found by
/// address, for items handed back by reference, such as placed labels).
pub fn position_in<T>(slice: &[T], item: &T) -> Option<usize> {
    let size = std::mem::size_of::<T>();
    let start = slice.as_ptr() as usize;
    let at = item as *const T as usize;
    if size == 0 || at < start {
        return None;
    }
    let offset = at - start;
    (offset.is_multiple_of(size) && offset / size < slice.len()).then_some(offset / size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_found_by_address() {
        let v = [10, 20, 30];
        assert_eq!(position_in(&v, &v[2]), Some(2));
        let other = 20;
        assert_eq!(position_in(&v, &other), None);
    }
}
