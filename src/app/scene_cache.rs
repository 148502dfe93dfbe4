//! The Scene the window draws, rebuilt only when its options change (a new
//! date, language, layer set or shown area), never every frame.

use super::document::Document;
use crate::scene::{Scene, SceneOptions, build_scene};

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
    /// `extent` (the map area shown, map km).
    pub fn get(&mut self, document: &Document, extent: Option<geo::Rect<f64>>) -> &Scene {
        let options = document.scene_options(extent);
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
