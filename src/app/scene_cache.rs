//! The Scene the window draws, rebuilt only when its options change (a new
//! date, language, layer set, shown area, comparison or theme), never every
//! frame.

use std::sync::Arc;

use super::document::Document;
use crate::scene::compare::CompareOverlay;
use crate::scene::theme::Theme;
use crate::scene::{Scene, SceneOptions, build_scene};
use crate::time::Date;

/// The last Scene and the options and theme it was built for.
#[derive(Default)]
pub struct SceneCache {
    cached: Option<(SceneOptions, Theme, Scene)>,
}

impl SceneCache {
    /// Forgets the Scene (the data changed under the same options).
    pub fn clear(&mut self) {
        self.cached = None;
    }

    /// The Scene for `document` with the legend and credits limited to
    /// `extent` (the map area shown, map km), with compare mode's overlay
    /// when there is one for the shown date, in `theme`'s colours.
    pub fn get(
        &mut self,
        document: &Document,
        extent: Option<geo::Rect<f64>>,
        compare: Option<Arc<CompareOverlay>>,
        theme: Theme,
    ) -> &Scene {
        let options = SceneOptions {
            compare,
            ..document.scene_options(extent)
        };
        self.get_with(document, options, theme)
    }

    /// The Scene of `document` on another date (compare mode's earlier map).
    pub fn get_on(
        &mut self,
        document: &Document,
        extent: Option<geo::Rect<f64>>,
        date: Date,
        theme: Theme,
    ) -> &Scene {
        let options = SceneOptions {
            date,
            ..document.scene_options(extent)
        };
        self.get_with(document, options, theme)
    }

    fn get_with(&mut self, document: &Document, options: SceneOptions, theme: Theme) -> &Scene {
        let fresh = self
            .cached
            .as_ref()
            .is_some_and(|(o, t, _)| *o == options && *t == theme);
        if !fresh {
            self.cached = None;
        }
        let (_, _, scene) = self.cached.get_or_insert_with(|| {
            let data = document.data();
            let mut scene = build_scene(&data.atlas, &data.projected, &options);
            theme.apply(&mut scene);
            (options, theme, scene)
        });
        scene
    }
}
