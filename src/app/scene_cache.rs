//! The Scene the window draws, rebuilt only when its options change (a new
//! date, language, layer set, shown area or comparison), never every frame.

use std::sync::Arc;

use super::document::Document;
use crate::scene::compare::CompareOverlay;
use crate::scene::{Scene, SceneOptions, build_scene};
use crate::time::Date;

/// The last Scene and the options it was built for.
#[derive(Default)]
pub struct SceneCache {
    cached: Option<(SceneOptions, Scene)>,
}

impl SceneCache {
    /// Forgets the Scene (the data changed under the same options).
    pub fn clear(&mut self) {
        self.cached = None;
    }

    /// The Scene for `document` with the legend and credits limited to
    /// `extent` (the map area shown, map km), with compare mode's overlay
    /// when there is one for the shown date.
    pub fn get(
        &mut self,
        document: &Document,
        extent: Option<geo::Rect<f64>>,
        compare: Option<Arc<CompareOverlay>>,
    ) -> &Scene {
        let options = SceneOptions {
            compare,
            ..document.scene_options(extent)
        };
        self.get_with(document, options)
    }

    /// The Scene of `document` on another date (compare mode's earlier map).
    pub fn get_on(
        &mut self,
        document: &Document,
        extent: Option<geo::Rect<f64>>,
        date: Date,
    ) -> &Scene {
        let options = SceneOptions {
            date,
            ..document.scene_options(extent)
        };
        self.get_with(document, options)
    }

    fn get_with(&mut self, document: &Document, options: SceneOptions) -> &Scene {
        let fresh = self.cached.as_ref().is_some_and(|(o, _)| *o == options);
        if !fresh {
            self.cached = None;
        }
        let (_, scene) = self.cached.get_or_insert_with(|| {
            let data = document.data();
            let scene = build_scene(&data.atlas, &data.projected, &options);
            (options, scene)
        });
        scene
    }
}
