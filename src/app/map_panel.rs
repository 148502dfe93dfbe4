//! The map: rebuilt every frame from the document's view and the cached
//! Scene. Dragging pans and the wheel or a pinch zooms about the cursor (both
//! sent as [`Command::SetView`]); hovering names what is under the pointer and
//! a click selects it — where several features overlap, the top one, with a
//! small chooser offering the others. The caption, legend, scale bar and the
//! outlines of the selection, a story step's features and the zones that
//! just changed hands are drawn over it. A story step's new view is reached
//! by a short glide rather than a jump.

use egui::{Response, RichText, Sense, Ui};

use super::Command;
use super::compare_view::{self, CompareView};
use super::document::Document;
use super::map_overlay;
use super::scene_painter::{
    PaintStats, paint_caption, paint_scale_bar, paint_scene, register_label_accessibility,
};
use crate::atlas::LayerKind;
use crate::scene::Scene;
use crate::spatial::{MapPoint, MapView, ProjectedShape, Projector};

/// How far (screen points) from a point or line a click still picks it.
const PICK_RADIUS_POINTS: f64 = 6.0;

/// The most features the chooser lists (the nearest; zoom in for the others).
const CHOOSER_LIMIT: usize = 8;

/// How long a glide to a story step's view takes, in seconds.
pub const GLIDE_SECONDS: f64 = 0.5;

/// The frame interval asked for while something on the map moves by itself.
const ANIMATION_FRAME: std::time::Duration = std::time::Duration::from_millis(16);

/// What is drawn over the map besides the Scene.
#[derive(Clone, Copy, Default)]
pub struct Overlay<'a> {
    /// Features outlined as the current story step's subject.
    pub highlights: &'a [String],
    /// Zones that changed hands on the date just reached.
    pub flash: &'a [String],
    /// How strongly they flash (1 → 0).
    pub flash_strength: f32,
}

/// The features under a click besides the one selected, offered in a small
/// list at the pointer.
#[derive(Clone, Debug)]
struct Chooser {
    /// Where the click was, on screen and on the map.
    screen: egui::Pos2,
    at: MapPoint,
    /// (id, label) of every feature found there, top first.
    options: Vec<(String, String)>,
    /// The date it was made for (another date may show other features).
    date: crate::time::Date,
}

/// A glide from one view to another.
#[derive(Clone, Copy, Debug)]
struct Glide {
    from: MapView,
    to: MapView,
    /// When it began (egui's clock, seconds).
    started: f64,
}

impl Glide {
    /// The view `t` of the way through (0 → 1), eased; the scale changes
    /// geometrically so zooming looks even.
    fn at(&self, now: f64) -> Option<MapView> {
        let t = (now - self.started) / GLIDE_SECONDS;
        if !(0.0..1.0).contains(&t) {
            return None;
        }
        let e = t * t * (3.0 - 2.0 * t);
        let lerp = |a: f64, b: f64| a + (b - a) * e;
        Some(MapView {
            center: [
                lerp(self.from.center[0], self.to.center[0]),
                lerp(self.from.center[1], self.to.center[1]),
            ],
            points_per_km: (lerp(self.from.points_per_km.ln(), self.to.points_per_km.ln())).exp(),
        })
    }
}

/// What the map remembers between frames: where it was drawn and the pointer.
#[derive(Default)]
pub struct MapPanel {
    /// The projector of the last frame (where things are on screen).
    projector: Option<Projector>,
    /// The pointer's position on the map (lon, lat), for the status bar.
    cursor_lonlat: Option<(f64, f64)>,
    /// What the last frame drew.
    stats: PaintStats,
    /// The other features under the last click, while offered.
    chooser: Option<Chooser>,
    /// The glide under way, if any.
    glide: Option<Glide>,
    /// Whether the next change of the document's view glides (a story step).
    glide_next: bool,
    /// The document's view in the last frame.
    last_document_view: Option<Option<MapView>>,
}

impl MapPanel {
    /// The last frame's projector.
    pub fn projector(&self) -> Option<&Projector> {
        self.projector.as_ref()
    }

    /// The view the last frame showed (fitted or set by the user).
    pub fn shown_view(&self) -> Option<MapView> {
        self.projector.as_ref().map(|p| p.view)
    }

    /// The map area the last frame showed (map km), for the legend and credits.
    pub fn visible_extent(&self) -> Option<geo::Rect<f64>> {
        self.projector.as_ref().map(Projector::visible_map_rect)
    }

    /// Where the pointer is on the map (lon, lat).
    pub fn cursor_lonlat(&self) -> Option<(f64, f64)> {
        self.cursor_lonlat
    }

    /// What the last frame drew.
    pub fn stats(&self) -> &PaintStats {
        &self.stats
    }

    /// Makes the next change of the document's view a glide (for story
    /// steps) instead of a jump.
    pub fn glide_to_next_view(&mut self) {
        self.glide_next = true;
    }

    /// Whether a glide is under way.
    pub fn gliding(&self) -> bool {
        self.glide.is_some()
    }

    /// The labels of the features the chooser offers, while it is open.
    pub fn chooser_options(&self) -> Vec<&str> {
        self.chooser
            .iter()
            .flat_map(|c| c.options.iter().map(|(_, label)| label.as_str()))
            .collect()
    }

    /// The view to draw this frame: the document's, or a point on the way
    /// there while gliding.
    fn view_to_draw(&mut self, ui: &Ui, document: &Document, rect: egui::Rect) -> MapView {
        let fit = |v: Option<MapView>| {
            v.unwrap_or_else(|| MapView::fit_region(rect.width(), rect.height()))
        };
        let target = fit(document.view());
        let now = ui.input(|i| i.time);
        let changed = self
            .last_document_view
            .is_some_and(|before| before != document.view());
        // A story step that did not change the view leaves nothing to glide.
        let glide = std::mem::take(&mut self.glide_next);
        if changed && glide {
            let from = self.projector.as_ref().map_or(target, |p| p.view);
            self.glide = Some(Glide {
                from,
                to: target,
                started: now,
            });
        } else if changed {
            // Any other change (a gesture, undo, reset) ends a glide at once.
            self.glide = None;
        }
        self.last_document_view = Some(document.view());
        match self.glide.and_then(|g| g.at(now)) {
            Some(view) => {
                ui.ctx().request_repaint_after(ANIMATION_FRAME);
                view
            }
            None => {
                self.glide = None;
                target
            }
        }
    }

    /// Shows the map (with compare mode's overlay, table and swipe view);
    /// returns the user's pans, zooms and selections.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        document: &Document,
        scene: &Scene,
        overlay: Overlay<'_>,
        compare: &CompareView<'_>,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        let shown = self.view_to_draw(ui, document, rect);
        let view = moved_view(ui, &response, shown, rect);
        if view != shown {
            self.glide = None;
            commands.push(Command::SetView(view));
        }
        let projector = Projector::new(view, rect);
        let painter = ui.painter_at(rect);
        let (stats, placed) = match compare.swipe {
            Some((before, share)) => {
                compare_view::paint_swipe(&painter, before, scene, &projector, share)
            }
            None => {
                let painted = paint_scene(&painter, scene, &projector);
                paint_caption(
                    &painter,
                    rect,
                    &scene.caption,
                    scene.data_note.as_deref(),
                    scene.theme,
                );
                painted
            }
        };
        paint_overlay(&painter, &projector, document, overlay);
        paint_scale_bar(&painter, &projector, scene.theme);
        register_label_accessibility(ui.ctx(), response.id, &placed);
        let selected_on_screen = document
            .selection()
            .map(|(_, at)| projector.map_to_screen(*at));
        let legend =
            super::legend::show_legend(ui, rect, &scene.legend, selected_on_screen, scene.theme);
        compare_view::show_table(ui, rect, compare.status, legend, scene.theme);
        if let Some((_, share)) = compare.swipe {
            commands.extend(compare_view::divider_handle(ui, rect, share));
        }

        self.cursor_lonlat = response
            .hover_pos()
            .and_then(|p| projector.screen_to_lonlat(p));
        if let Some(pointer) = response.hover_pos()
            && !response.dragged()
        {
            hover_tooltip(
                &response,
                document,
                &projector,
                projector.screen_to_map(pointer),
            );
        }
        if response.clicked()
            && let Some(pointer) = response.interact_pointer_pos()
        {
            let at = projector.screen_to_map(pointer);
            let found = pick(document, at, &projector);
            commands.push(Command::Select(
                found.first().map(|(id, _)| (id.clone(), at)),
            ));
            self.chooser = (found.len() > 1).then(|| Chooser {
                screen: pointer,
                at,
                options: found,
                date: document.date(),
            });
        }
        if response.dragged() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.chooser = None;
        }
        commands.extend(self.show_chooser(ui, document));
        self.stats = stats;
        self.projector = Some(projector);
        commands
    }

    /// The list of the other features under the last click; picking one
    /// selects it. Closes on a new date, a drag, Escape or a pick.
    fn show_chooser(&mut self, ui: &Ui, document: &Document) -> Vec<Command> {
        let Some(chooser) = &self.chooser else {
            return Vec::new();
        };
        if chooser.date != document.date() {
            self.chooser = None;
            return Vec::new();
        }
        let selected = document.selection().map(|(id, _)| id.as_str());
        let mut picked = None;
        let mut close = false;
        egui::Area::new(ui.scope_id().with("pick-chooser"))
            .order(egui::Order::Foreground)
            .fixed_pos(chooser.screen + egui::Vec2::new(12.0, 12.0))
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new("Here on the map").strong());
                        if ui.small_button("×").on_hover_text("Close (Esc)").clicked() {
                            close = true;
                        }
                    });
                    for (id, label) in &chooser.options {
                        if ui
                            .selectable_label(selected == Some(id.as_str()), label)
                            .clicked()
                        {
                            picked = Some(id.clone());
                        }
                    }
                });
            });
        let at = chooser.at;
        if close || picked.is_some() {
            self.chooser = None;
        }
        picked
            .map(|id| vec![Command::Select(Some((id, at)))])
            .unwrap_or_default()
    }
}

/// Outlines the selection, the story step's features and the flashing zones.
fn paint_overlay(
    painter: &egui::Painter,
    projector: &Projector,
    document: &Document,
    overlay: Overlay<'_>,
) {
    let data = document.data();
    let accent = egui::Color32::from_rgb(0xff, 0xb3, 0x00);
    if overlay.flash_strength > 0.0 {
        let alpha = (overlay.flash_strength * 255.0) as u8;
        let color = egui::Color32::from_rgba_unmultiplied(0xff, 0xf1, 0x76, alpha);
        map_overlay::paint_outlines(painter, projector, data, overlay.flash, 5.0, color);
        let edge = egui::Color32::from_rgba_unmultiplied(0xe6, 0x51, 0x00, alpha);
        map_overlay::paint_outlines(painter, projector, data, overlay.flash, 2.0, edge);
    }
    map_overlay::paint_outlines(painter, projector, data, overlay.highlights, 3.0, accent);
    if let Some((id, _)) = document.selection() {
        map_overlay::paint_outlines(
            painter,
            projector,
            data,
            std::slice::from_ref(id),
            2.5,
            egui::Color32::from_rgb(0x15, 0x65, 0xc0),
        );
    }
}

/// The view after this frame's drag, wheel and pinch.
fn moved_view(ui: &Ui, response: &Response, mut view: MapView, rect: egui::Rect) -> MapView {
    if response.dragged() {
        let d = response.drag_delta();
        view.pan_by_points(d.x as f64, d.y as f64);
    }
    if let Some(pointer) = response.hover_pos() {
        let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = (scroll as f64 * 0.0025).exp() * pinch as f64;
        if (factor - 1.0).abs() > 1e-6 {
            let anchor = Projector::new(view, rect).screen_to_map(pointer);
            view.zoom_about(factor, anchor);
        }
    }
    view
}

/// Names what lies under the pointer (up to four features, countries left out).
fn hover_tooltip(response: &Response, document: &Document, projector: &Projector, at: MapPoint) {
    let date = document.date();
    let hits = document.features_at(at, PICK_RADIUS_POINTS * projector.km_per_point());
    let lines: Vec<String> = hits
        .iter()
        .filter(|h| h.feature.layer != LayerKind::Countries)
        .take(4)
        .map(
            |h| match (h.feature.controller_on(date), &h.feature.layer) {
                (Some(c), _) => format!(
                    "{} — held by {}",
                    document.name_of(h.feature),
                    c.description_on(date)
                ),
                // An event says when it happened.
                (None, LayerKind::Events) => match h.feature.lifespan.from {
                    Some(day) => format!(
                        "{} ({})",
                        document.name_of(h.feature),
                        super::plain_words::day(day)
                    ),
                    None => document.name_of(h.feature),
                },
                (None, _) => document.name_of(h.feature),
            },
        )
        .collect();
    if !lines.is_empty() {
        response.clone().on_hover_ui_at_pointer(|ui| {
            for line in &lines {
                ui.label(line);
            }
        });
    }
}

/// The features a click at `point` can select, as (id, label): points and
/// lines within reach first (top layer first), then the areas under it;
/// the background (countries, provinces, lakes) only when nothing else is
/// there. The first is selected.
fn pick(document: &Document, point: MapPoint, projector: &Projector) -> Vec<(String, String)> {
    let hits = document.features_at(point, PICK_RADIUS_POINTS * projector.km_per_point());
    let is_area =
        |h: &&crate::spatial::Hit<'_>| matches!(h.projected.shape, ProjectedShape::Area { .. });
    let mut ordered: Vec<_> = hits.iter().filter(|h| !is_area(h)).collect();
    ordered.extend(hits.iter().filter(|h| is_area(h)));
    // Country outlines, provinces and lakes are the background: offered only
    // when nothing else is there.
    let background = |h: &&&crate::spatial::Hit<'_>| {
        matches!(
            h.feature.layer,
            LayerKind::Countries | LayerKind::Admin1 | LayerKind::Lakes
        )
    };
    let foreground: Vec<_> = ordered.iter().filter(|h| !background(h)).copied().collect();
    let chosen = if foreground.is_empty() {
        ordered
    } else {
        foreground
    };
    chosen
        .into_iter()
        .take(CHOOSER_LIMIT)
        .map(|h| {
            let kind = super::details::kind_label(h.feature);
            (
                h.feature.id.clone(),
                format!("{} — {kind}", h.feature.name.en),
            )
        })
        .collect()
}
