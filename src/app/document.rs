//! The document: what the user is looking at — the date and playback, the
//! view, the visible layers, the label language and the selection — over the
//! loaded data. Its fields are private; it changes only through
//! [`Document::apply`], which says what changed. The saved state, the Scene
//! options and the exports are built from it.

use std::collections::BTreeSet;

use super::Command;
use super::navigation::{NavigationHistory, Place};
use super::state::PersistedState;
use crate::atlas::{Feature, Language, LayerKind, NameOrder};
use crate::data::AtlasData;
use crate::scene::SceneOptions;
use crate::spatial::{Hit, MapPoint, MapView, features_at};
use crate::time::{Date, TimeCommand, Timeline};

/// What one command changed (for redrawing only what depends on it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// The date shown.
    pub date: bool,
    /// Playing, speed or looping.
    pub playback: bool,
    /// The pan and zoom (or fitting the region).
    pub view: bool,
    /// Which layers are shown.
    pub layers: bool,
    /// The label language or the order of a place's two names.
    pub language: bool,
    /// The selection.
    pub selection: bool,
}

impl Changes {
    /// Whether anything changed.
    pub fn any(&self) -> bool {
        *self != Changes::default()
    }
}

/// The document state of the window.
#[derive(Clone, Debug)]
pub struct Document {
    data: AtlasData,
    timeline: Timeline,
    /// `None`: fit the whole region to the map, whatever its size.
    view: Option<MapView>,
    hidden_layers: BTreeSet<LayerKind>,
    language: Language,
    names: NameOrder,
    selection: Option<(String, MapPoint)>,
    history: NavigationHistory,
}

impl Document {
    /// A document over `data` whose timeline ends on `today`, showing `today`
    /// with every layer, or what `stored` remembers (already validated).
    pub fn new(data: AtlasData, today: Date, stored: Option<&PersistedState>) -> Document {
        let mut timeline = Timeline::new(stored.map_or(today, |s| s.date), today);
        if let Some(s) = stored {
            timeline.apply(TimeCommand::SetSpeed(s.days_per_second), &[]);
            timeline.apply(TimeCommand::SetLoop(s.looping), &[]);
        }
        let view = stored.and_then(|s| s.view).filter(MapView::is_sane);
        let place = Place {
            date: timeline.date(),
            view,
            selection: None,
        };
        Document {
            data,
            timeline,
            view,
            hidden_layers: stored.map(|s| s.hidden_layers.clone()).unwrap_or_default(),
            language: stored.map_or(Language::En, |s| s.language),
            names: stored.map_or(NameOrder::Holder, |s| s.names),
            selection: None,
            history: NavigationHistory::new(place),
        }
    }

    /// Carries out a command and says what it changed. Commands that drive
    /// the window rather than the document (screenshots, dialogs) change
    /// nothing here.
    ///
    /// ```
    /// use caucasus_atlas::app::{Command, Document};
    /// use caucasus_atlas::data::AtlasData;
    /// use caucasus_atlas::time::{Date, TimeCommand};
    ///
    /// let today: Date = "2026-12-01".parse().unwrap();
    /// let mut doc = Document::new(AtlasData::load(None), today, None);
    /// let ceasefire: Date = "2020-11-10".parse().unwrap();
    /// let changes = doc.apply(Command::Time(TimeCommand::SetDate(ceasefire)));
    /// assert!(changes.date && !changes.view);
    /// assert_eq!(doc.date(), ceasefire);
    ///
    /// // Each place the user comes to rest at is a step for undo.
    /// doc.settle();
    /// doc.apply(Command::Undo);
    /// assert_eq!(doc.date(), today);
    /// doc.apply(Command::Redo);
    /// assert_eq!(doc.date(), ceasefire);
    /// ```
    pub fn apply(&mut self, command: Command) -> Changes {
        let before = self.fingerprint();
        match command {
            Command::Time(t) => self.timeline.apply(t, &self.data.mark_dates),
            Command::ResetView => self.view = None,
            Command::SetView(view) => {
                if view.is_sane() {
                    self.view = Some(view);
                }
            }
            Command::SetLanguage(language) => self.language = language,
            Command::SetNames(names) => self.names = names,
            Command::SetLayerVisible(layer, visible) => self.set_layer_visible(layer, visible),
            Command::Select(selection) => {
                // Only a feature that is there and shown can be selected.
                self.selection = selection.filter(|(id, _)| {
                    self.data
                        .feature(id)
                        .is_some_and(|f| !self.hidden_layers.contains(&f.layer))
                });
            }
            Command::Undo => {
                if let Some(place) = self.history.undo(&self.place()) {
                    self.go_to(place);
                }
            }
            Command::Redo => {
                if let Some(place) = self.history.redo(&self.place()) {
                    self.go_to(place);
                }
            }
            Command::Screenshot
            | Command::ScreenshotAs
            | Command::ScreenshotTo(_)
            | Command::ShowLayersPanel(_)
            | Command::OpenMapExport
            | Command::OpenAnimationExport
            | Command::ToggleDataProblems
            | Command::OpenSearch
            | Command::ToggleEventList
            | Command::ToggleHelp
            | Command::ToggleStories
            | Command::StoryStep(_)
            | Command::SetTheme(_)
            | Command::ToggleCompare
            | Command::SetCompareFrom(_)
            | Command::ToggleSwipe
            | Command::SetSwipeDivider(_)
            | Command::OpenLayer
            | Command::LoadLayer(_)
            | Command::LoadLayerWith(..)
            | Command::EditLayerFields(_)
            | Command::CancelLayerLoad
            | Command::RemoveLayer(_)
            | Command::Quit => {}
        }
        before.changes_to(&self.fingerprint())
    }

    fn set_layer_visible(&mut self, layer: LayerKind, visible: bool) {
        if visible {
            self.hidden_layers.remove(&layer);
            return;
        }
        // A hidden feature cannot stay selected.
        if self.selected().is_some_and(|f| f.layer == layer) {
            self.selection = None;
        }
        self.hidden_layers.insert(layer);
    }

    /// Advances playback by `seconds` of wall time; says whether the date moved.
    pub fn advance_playback(&mut self, seconds: f64) -> bool {
        self.timeline.advance(seconds)
    }

    /// Records where the user is now as a step for undo, if it is new. The
    /// window calls this when the user comes to rest (no drag, no playback),
    /// so a gesture is one step.
    pub fn settle(&mut self) {
        let place = self.place();
        self.history.settle(&place);
    }

    fn place(&self) -> Place {
        Place {
            date: self.timeline.date(),
            view: self.view,
            selection: self.selection.clone(),
        }
    }

    fn go_to(&mut self, place: Place) {
        self.timeline.apply(TimeCommand::Pause, &[]);
        self.timeline
            .apply(TimeCommand::SetDate(place.date), &self.data.mark_dates);
        self.view = place.view;
        self.selection = place.selection;
    }

    fn fingerprint(&self) -> Fingerprint {
        Fingerprint {
            date: self.timeline.date(),
            playback: (
                self.timeline.playing(),
                self.timeline.days_per_second(),
                self.timeline.looping(),
                self.timeline.range(),
            ),
            view: self.view,
            hidden: self.hidden_layers.clone(),
            language: (self.language, self.names),
            selection: self.selection.clone(),
        }
    }

    /// Shows `data` instead (a user's layer added or removed); a selection
    /// whose feature is gone is cleared.
    pub fn replace_data(&mut self, data: AtlasData) {
        self.data = data;
        if let Some((id, _)) = &self.selection
            && self.data.feature(id).is_none()
        {
            self.selection = None;
        }
    }

    /// The loaded data.
    pub fn data(&self) -> &AtlasData {
        &self.data
    }

    /// The timeline (date and playback).
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// The date shown.
    pub fn date(&self) -> Date {
        self.timeline.date()
    }

    /// The view the user set; `None` while the map fits the whole region.
    pub fn view(&self) -> Option<MapView> {
        self.view
    }

    /// The label language.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The order of a place's two names.
    pub fn names(&self) -> NameOrder {
        self.names
    }

    /// `feature`'s English name on the date shown, a place's two names in the
    /// chosen order (what tooltips and the details panel say).
    pub fn name_of(&self, feature: &Feature) -> String {
        self.data
            .atlas
            .name_on(feature, self.date(), Language::En, self.names)
    }

    /// The layers the user hid.
    pub fn hidden_layers(&self) -> &BTreeSet<LayerKind> {
        &self.hidden_layers
    }

    /// Whether a layer is shown.
    pub fn shows(&self, layer: &LayerKind) -> bool {
        !self.hidden_layers.contains(layer)
    }

    /// The loaded layers that are shown, in drawing order.
    pub fn visible_layers(&self) -> Vec<LayerKind> {
        self.data
            .atlas
            .layers
            .iter()
            .map(|l| l.kind.clone())
            .filter(|k| self.shows(k))
            .collect()
    }

    /// The selected feature's id and where it was clicked.
    pub fn selection(&self) -> Option<&(String, MapPoint)> {
        self.selection.as_ref()
    }

    /// The selected feature.
    pub fn selected(&self) -> Option<&Feature> {
        self.selection
            .as_ref()
            .and_then(|(id, _)| self.data.feature(id))
    }

    /// What a click or hover at `point` finds, top first (hidden layers excluded).
    pub fn features_at(&self, point: MapPoint, tolerance_km: f64) -> Vec<Hit<'_>> {
        features_at(
            &self.data.atlas,
            &self.data.projected,
            self.timeline.date(),
            point,
            tolerance_km,
            &|layer| self.shows(layer),
        )
    }

    /// The Scene options for the shown map area `extent` (map km), if known.
    pub fn scene_options(&self, extent: Option<geo::Rect<f64>>) -> SceneOptions {
        SceneOptions {
            date: self.timeline.date(),
            language: self.language,
            names: self.names,
            hidden_layers: self.hidden_layers.clone(),
            extent,
            compare: None,
        }
    }

    /// What is remembered between runs (with the window's panel layout).
    pub fn persisted(&self, layers_panel_open: bool) -> PersistedState {
        PersistedState {
            version: super::state::STATE_VERSION,
            date: self.timeline.date(),
            view: self.view,
            hidden_layers: self.hidden_layers.clone(),
            language: self.language,
            names: self.names,
            days_per_second: self.timeline.days_per_second(),
            looping: self.timeline.looping(),
            layers_panel_open,
            theme: egui::ThemePreference::System,
        }
    }
}

/// The document's state compared before and after a command.
#[derive(PartialEq)]
struct Fingerprint {
    date: Date,
    playback: (bool, f64, bool, Option<(Date, Date)>),
    view: Option<MapView>,
    hidden: BTreeSet<LayerKind>,
    language: (Language, NameOrder),
    selection: Option<(String, MapPoint)>,
}

impl Fingerprint {
    fn changes_to(&self, after: &Fingerprint) -> Changes {
        Changes {
            date: self.date != after.date,
            playback: self.playback != after.playback,
            view: self.view != after.view,
            layers: self.hidden != after.hidden,
            language: self.language != after.language,
            selection: self.selection != after.selection,
        }
    }
}
