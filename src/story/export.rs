//! A story's maps: one export per step (two for a compare), drawn through the
//! same [`ExportRequest`] as `caucasus-atlas export`, with the step's features
//! ringed on top, plus the report (`index.md`, `index.html`) beside them.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use super::model::{Story, Verdict};
use super::report;
use crate::atlas::{Atlas, Language};
use crate::render::animation::AnimationFormat;
use crate::render::export::{ExportError, ExportRequest, Format, Prepared, write_file};
use crate::render::frames::{Encoding, GifPalettes, write_frames};
use crate::render::gif_palette::Reserved;
use crate::render::mp4::{find_ffmpeg, missing_ffmpeg};
use crate::render::raster::{self, RgbaImage};
use crate::render::svg::card::{Card, CardInk, Paragraph, card_height, write_card};
use crate::render::svg::{ATTRIBUTION, ExportOptions, escape_xml, text_width};
use crate::scene::Scene;
use crate::spatial::{ProjectedAtlas, Projector};

/// The ring colour of highlighted features (a magenta no layer uses).
pub const HIGHLIGHT_RGB: [u8; 3] = [0xd0, 0x00, 0xd8];

/// Which of a step's maps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    /// The map on the step's `date`.
    Main,
    /// In a compare, the map on `compare_from`.
    Before,
}

/// How a story's maps are made.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryExportOptions {
    /// PNG, SVG or PDF.
    pub format: Format,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The label language.
    pub language: Language,
    /// In an animation, how long each step's map is held (a compare's
    /// earlier map half as long), in seconds.
    pub seconds_per_step: f32,
    /// Where the step's card goes — the verdict as a coloured badge, the
    /// claim and the correction: over the map's foot when on (always in an
    /// animation, where frames pass quickly and the panel is small), in the
    /// panel under the title when off.
    pub captions: bool,
}

impl Default for StoryExportOptions {
    fn default() -> Self {
        StoryExportOptions {
            format: Format::Png,
            width: 1600,
            height: 900,
            language: Language::En,
            seconds_per_step: 3.0,
            captions: false,
        }
    }
}

/// The file name of a step's map (`number` from 1): `step-03.png`, and
/// `step-03-before.png` for the earlier map of a compare.
pub fn image_name(number: usize, which: Which, format: Format) -> String {
    match which {
        Which::Main => format!("step-{number:02}.{}", format.extension()),
        Which::Before => format!("step-{number:02}-before.{}", format.extension()),
    }
}

/// The title in the map's panel: the step number and the caption (the
/// verdict is the badge of the card under it).
// Step numbers are 1-based positions made by enumerating `story.steps` in this module, and map
// numbers index the list of maps they were made from.
#[allow(clippy::indexing_slicing)]
pub fn step_title(story: &Story, number: usize, which: Which) -> String {
    let step = &story.steps[number - 1];
    let total = story.steps.len();
    let mut title = format!("Step {number} of {total}");
    match which {
        Which::Before => {
            let _ = write!(title, ". Before: the map on the earlier date");
        }
        Which::Main => {
            if let Some(caption) = &step.view.caption {
                let _ = write!(title, ". {caption}");
            }
        }
    }
    title
}

/// The export request for one of a step's maps (`number` from 1).
// Step numbers are 1-based positions made by enumerating `story.steps` in this module, and map
// numbers index the list of maps they were made from.
#[allow(clippy::indexing_slicing)]
pub fn step_request(
    story: &Story,
    number: usize,
    which: Which,
    options: &StoryExportOptions,
) -> ExportRequest {
    let step = &story.steps[number - 1];
    let view = &step.view;
    let date = match which {
        Which::Before => view.compare_from.unwrap_or(view.date),
        Which::Main => view.date,
    };
    ExportRequest {
        date,
        width: options.width,
        height: options.height,
        bbox: Some(view.bbox),
        view: None,
        layers: view.layers.clone(),
        language: options.language,
        names: Default::default(),
        format: options.format,
        include: ExportOptions {
            title: Some(step_title(story, number, which)),
            card: (!options.captions).then(|| step_card(story, number, Density::Panel)),
            ..ExportOptions::default()
        },
        pixels_per_point: None,
        compare_from: None,
        ..ExportRequest::new(date)
    }
}

/// One of a step's maps as SVG, its highlighted features ringed, with the
/// text to embed in a PNG of it (title, date, sources).
pub fn render_step_svg(
    atlas: &Atlas,
    projected: &ProjectedAtlas,
    story: &Story,
    number: usize,
    which: Which,
    options: &StoryExportOptions,
) -> Result<(String, Vec<(String, String)>), ExportError> {
    let (svg, prepared, scene) = step_document(atlas, projected, story, number, which, options)?;
    Ok((svg, prepared.metadata(&scene)))
}

/// One of a step's maps as SVG with the page and Scene it was drawn from.
// Step numbers are 1-based positions made by enumerating `story.steps` in this module, and map
// numbers index the list of maps they were made from.
#[allow(clippy::indexing_slicing)]
fn step_document(
    atlas: &Atlas,
    projected: &ProjectedAtlas,
    story: &Story,
    number: usize,
    which: Which,
    options: &StoryExportOptions,
) -> Result<(String, Prepared, Scene), ExportError> {
    let request = step_request(story, number, which, options);
    let prepared = Prepared::new(atlas, &request)?;
    let scene = prepared.scene(atlas, projected, request.date);
    let mut svg = prepared.svg(&scene);
    let step = &story.steps[number - 1];
    let shown: Vec<&str> = step
        .view
        .highlight
        .iter()
        .map(String::as_str)
        .filter(|id| {
            atlas
                .feature(id)
                .is_some_and(|f| f.is_shown_on(request.date))
        })
        .collect();
    let map = prepared.layout.map;
    let (caption, note_bottom) = if options.captions {
        step_caption(story, number, map)
    } else {
        (String::new(), map.max.y - 10.0)
    };
    let mut overlay = highlight_overlay(
        atlas,
        projected,
        &prepared,
        &shown,
        options.language,
        note_bottom,
    );
    overlay.push_str(&caption);
    if let Some(end) = svg.rfind("</svg>") {
        svg.insert_str(end, &overlay);
    }
    Ok((svg, prepared, scene))
}

/// One of a step's maps as pixels.
pub fn render_step_image(
    atlas: &Atlas,
    projected: &ProjectedAtlas,
    story: &Story,
    number: usize,
    which: Which,
    options: &StoryExportOptions,
) -> Result<RgbaImage, ExportError> {
    let (svg, _) = render_step_svg(atlas, projected, story, number, which, options)?;
    raster::rasterize(&svg).map_err(ExportError)
}

/// The bytes of one of a step's maps in `options.format`, its highlighted features ringed.
pub fn render_step(
    atlas: &Atlas,
    projected: &ProjectedAtlas,
    story: &Story,
    number: usize,
    which: Which,
    options: &StoryExportOptions,
) -> Result<Vec<u8>, ExportError> {
    let (svg, prepared, scene) = step_document(atlas, projected, story, number, which, options)?;
    match options.format {
        Format::Svg => Ok(svg.into_bytes()),
        Format::Png => {
            let image = raster::rasterize(&svg).map_err(ExportError)?;
            raster::encode_png(&image, &prepared.metadata(&scene)).map_err(ExportError)
        }
        Format::Pdf => prepared.pdf(&svg, &scene),
        Format::Jpeg | Format::Webp => Err(ExportError(
            "a story's maps are written as PNG, SVG or PDF".to_string(),
        )),
    }
}

/// The maps of a story in order: (step number, which map), a compare's
/// earlier map before its main one.
pub fn map_list(story: &Story) -> Vec<(usize, Which)> {
    let mut maps = Vec::new();
    for (i, step) in story.steps.iter().enumerate() {
        if step.view.compare_from.is_some() {
            maps.push((i + 1, Which::Before));
        }
        maps.push((i + 1, Which::Main));
    }
    maps
}

/// Writes the story as an animation to `path` (GIF, APNG or MP4),
/// atomically: one frame per map with the step's caption (verdict badge,
/// claim, correction) over the map's foot, the main map of each step held
/// `options.seconds_per_step` and a compare's earlier map half as long.
/// `progress` is called with (frames done, frames in all); setting `cancel`
/// stops before the next frame and leaves nothing behind. Returns the
/// number of frames.
#[allow(clippy::too_many_arguments)]
// Step numbers are 1-based positions made by enumerating `story.steps` in this module, and map
// numbers index the list of maps they were made from.
#[allow(clippy::indexing_slicing)]
pub fn write_story_animation(
    atlas: &Atlas,
    projected: &ProjectedAtlas,
    story: &Story,
    path: &Path,
    format: AnimationFormat,
    options: &StoryExportOptions,
    progress: &mut dyn FnMut(usize, usize),
    cancel: &AtomicBool,
) -> Result<usize, ExportError> {
    let seconds = options.seconds_per_step;
    if !(seconds.is_finite() && (0.5..=60.0).contains(&seconds)) {
        return Err(ExportError(format!(
            "{seconds} seconds a step is out of range (0.5 to 60)"
        )));
    }
    if format == AnimationFormat::Mp4 && find_ffmpeg().is_none() {
        return Err(missing_ffmpeg(path));
    }
    let options = StoryExportOptions {
        format: Format::Png,
        captions: true,
        ..options.clone()
    };
    let maps = map_list(story);
    let total = maps.len();
    let delays: Vec<u16> = maps
        .iter()
        .map(|(_, which)| {
            let s = match which {
                Which::Main => seconds,
                Which::Before => seconds / 2.0,
            };
            (s * 100.0).round().clamp(2.0, 6000.0) as u16
        })
        .collect();
    // The colours to keep exact: the style's, each map's, the rings' and the badges'.
    let mut reserved = Reserved::style();
    reserved.add_rgb(HIGHLIGHT_RGB);
    for verdict in Verdict::ALL {
        reserved.add_rgb(verdict.rgb());
    }
    for (number, which) in &maps {
        let request = step_request(story, *number, *which, &options);
        let prepared = Prepared::new(atlas, &request)?;
        reserved.add_scene(&prepared.scene(atlas, projected, request.date));
    }
    let encoding = Encoding {
        format,
        size: (options.width, options.height),
        reserved,
        gif_palettes: GifPalettes::PerFrame,
        video_fps: 2.0,
        text: story_text(story),
    };
    let mut render = |i: usize| {
        if cancel.load(Ordering::Relaxed) {
            return Err(ExportError("the export was cancelled".to_string()));
        }
        let (number, which) = maps[i];
        render_step_image(atlas, projected, story, number, which, &options)
    };
    let mut done = |i: usize| progress(i + 1, total);
    write_frames(path, &encoding, &delays, &mut render, &mut done)?;
    Ok(total)
}

/// The text embedded in a story animation: title, description, sources.
fn story_text(story: &Story) -> Vec<(String, String)> {
    let checks = &story.checks;
    let description = format!(
        "Fact-check on the map of \u{201c}{}\u{201d} ({}, {}), claim by claim: {} step(s), each with the claim, the verdict and the correction over a map of the date and place it concerns. {}",
        checks.title,
        checks.outlet,
        checks.date,
        story.steps.len(),
        story.summary()
    );
    let mut seen = std::collections::HashSet::new();
    let mut sources = Vec::new();
    for step in &story.steps {
        for source in &step.sources {
            let line = match &source.url {
                Some(url) => format!("{} — {url}", source.title),
                None => source.title.clone(),
            };
            if seen.insert(line.clone()) {
                sources.push(line);
            }
        }
    }
    let mut text = vec![
        ("Title".to_string(), story.title.clone()),
        ("Description".to_string(), description),
        ("Copyright".to_string(), ATTRIBUTION.to_string()),
    ];
    if !sources.is_empty() {
        text.push(("Sources".to_string(), sources.join("\n")));
    }
    text
}

/// How much room a step's card has: the panel's column, or a box over the
/// map's foot that must leave most of the map in sight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Density {
    /// In the panel beside the map, under the title.
    Panel,
    /// Over the foot of an animation frame.
    Foot,
}

/// The card of step `number`: the verdict as the badge, the claim and the
/// correction (the step number beside the badge over a frame, where there
/// is no title).
// Step numbers are 1-based positions made by enumerating `story.steps` in this module, and map
// numbers index the list of maps they were made from.
#[allow(clippy::indexing_slicing)]
pub fn step_card(story: &Story, number: usize, density: Density) -> Card {
    let step = &story.steps[number - 1];
    let ((claim_pt, claim_lines), (correction_pt, correction_lines)) = match density {
        Density::Panel => ((15.0, 10), (13.0, 14)),
        Density::Foot => ((17.0, 2), (14.0, 3)),
    };
    Card {
        badge: step.verdict.label().to_string(),
        badge_rgb: step.verdict.rgb(),
        note: match density {
            Density::Panel => String::new(),
            Density::Foot => format!("Step {number} of {}", story.steps.len()),
        },
        paragraphs: vec![
            Paragraph {
                text: format!("Claim: {}", step.claim),
                size: claim_pt,
                max_lines: claim_lines,
            },
            Paragraph {
                text: step.correction.clone(),
                size: correction_pt,
                max_lines: correction_lines,
            },
        ],
    }
}

/// The caption over the foot of the map of step `number`: its card
/// ([`step_card`]) on a light box. Returns the SVG and the top of the box
/// (what else goes at the map's foot goes above it).
pub fn step_caption(story: &Story, number: usize, map: emath::Rect) -> (String, f32) {
    let card = step_card(story, number, Density::Foot);
    let margin = 12.0;
    let pad = 12.0;
    let inner = (map.width() - 2.0 * margin - 2.0 * pad).max(40.0);
    // At most half the map's height, so the place the step is about shows.
    let room = (map.height() / 2.0 - 2.0 * pad).max(40.0);
    let height = card_height(&card, inner, room) + 2.0 * pad;
    let left = map.min.x + margin;
    let top = map.max.y - margin - height;
    let width = map.width() - 2.0 * margin;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<g id=\"story-caption\"><rect x=\"{left:.1}\" y=\"{top:.1}\" width=\"{width:.1}\" height=\"{height:.1}\" rx=\"6\" fill=\"#ffffff\" fill-opacity=\"0.93\" stroke=\"#4a4a4a\" stroke-width=\"0.8\"/>"
    );
    let inside = emath::Rect::from_min_size(
        emath::pos2(left + pad, top + pad),
        emath::vec2(inner, height - 2.0 * pad),
    );
    // The box is white whatever the theme: dark ink.
    let ink = CardInk {
        text: crate::scene::style::LABEL,
        muted: crate::scene::style::LABEL_MUTED,
    };
    write_card(&mut svg, &card, inside, ink);
    svg.push_str("</g>\n");
    (svg, top - 6.0)
}

/// SVG for the rings around `ids` and a note naming them, clipped to the map.
fn highlight_overlay(
    atlas: &Atlas,
    projected: &ProjectedAtlas,
    prepared: &Prepared,
    ids: &[&str],
    language: Language,
    note_bottom: f32,
) -> String {
    if ids.is_empty() {
        return String::new();
    }
    let map = prepared.layout.map;
    let [r, g, b] = HIGHLIGHT_RGB;
    let colour = format!("#{r:02x}{g:02x}{b:02x}");
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<clipPath id=\"story-map\"><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\"/></clipPath>",
        map.min.x,
        map.min.y,
        map.width(),
        map.height()
    );
    let _ = writeln!(
        svg,
        "<g id=\"story-highlight\" clip-path=\"url(#story-map)\">"
    );
    let mut names = Vec::new();
    for pf in &projected.features {
        let feature = projected.feature(atlas, pf);
        if !ids.contains(&feature.id.as_str()) {
            continue;
        }
        let date = prepared.scene_options.date;
        names.push(atlas.name_on(feature, date, language, prepared.scene_options.names));
        ring(&mut svg, &pf.geometry, &prepared.projector, &colour);
    }
    svg.push_str("</g>\n");
    // Which features are ringed, in the map's lower left corner.
    let text = format!("Ringed: {}", names.join("; "));
    let size = 13.0;
    let mut shown = text.clone();
    let room = map.width() - 40.0;
    while !shown.is_empty() && text_width(&shown, size) > room {
        shown.pop();
    }
    if shown.len() < text.len() {
        shown = format!("{}…", shown.trim_end());
    }
    let width = text_width(&shown, size) + 16.0;
    let y = note_bottom - 24.0;
    let _ = writeln!(
        svg,
        "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{width:.1}\" height=\"24\" rx=\"4\" fill=\"#ffffff\" fill-opacity=\"0.88\" stroke=\"{colour}\" stroke-width=\"1.5\"/>",
        map.min.x + 12.0,
        y
    );
    let _ = writeln!(
        svg,
        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{size}\" fill=\"#222222\">{}</text>",
        map.min.x + 20.0,
        y + 16.5,
        escape_xml(&shown)
    );
    svg
}

fn ring(svg: &mut String, geometry: &geo::Geometry<f64>, projector: &Projector, colour: &str) {
    match geometry {
        geo::Geometry::Point(p) => circle(svg, projector, &p.0, colour),
        geo::Geometry::MultiPoint(mp) => {
            for p in &mp.0 {
                circle(svg, projector, &p.0, colour);
            }
        }
        geo::Geometry::LineString(l) => outline(svg, projector, l, false, colour),
        geo::Geometry::MultiLineString(ml) => {
            for l in &ml.0 {
                outline(svg, projector, l, false, colour);
            }
        }
        geo::Geometry::Polygon(p) => outline(svg, projector, p.exterior(), true, colour),
        geo::Geometry::MultiPolygon(mp) => {
            for p in &mp.0 {
                outline(svg, projector, p.exterior(), true, colour);
            }
        }
        _ => {}
    }
}

/// A ring around a point: a white halo under a coloured circle.
fn circle(svg: &mut String, projector: &Projector, c: &geo::Coord<f64>, colour: &str) {
    let p = projector.map_to_screen(*c);
    let _ = writeln!(
        svg,
        "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"10\" fill=\"none\" stroke=\"#ffffff\" stroke-opacity=\"0.85\" stroke-width=\"5.5\"/>\
         <circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"10\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.8\"/>",
        x = p.x,
        y = p.y
    );
}

/// A line drawn over (solid) or an area's edge outlined (dashed), on a white halo.
fn outline(
    svg: &mut String,
    projector: &Projector,
    line: &geo::LineString<f64>,
    area: bool,
    colour: &str,
) {
    let mut d = String::new();
    for (i, c) in line.0.iter().enumerate() {
        let p = projector.map_to_screen(*c);
        let _ = write!(d, "{}{:.1},{:.1}", if i == 0 { "M" } else { "L" }, p.x, p.y);
    }
    if d.is_empty() {
        return;
    }
    let (width, dash) = if area {
        d.push('Z');
        (3.0, " stroke-dasharray=\"9,4\"")
    } else {
        (4.0, "")
    };
    let _ = writeln!(
        svg,
        "<path d=\"{d}\" fill=\"none\" stroke=\"#ffffff\" stroke-opacity=\"0.85\" stroke-width=\"{halo:.1}\" stroke-linejoin=\"round\"/>\
         <path d=\"{d}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{width:.1}\" stroke-linejoin=\"round\"{dash}/>",
        halo = width + 3.0
    );
}

/// What [`export_story`] wrote.
#[derive(Clone, Debug, Default)]
pub struct Exported {
    /// Every map, in step order (a compare's earlier map before its main one).
    pub images: Vec<PathBuf>,
    /// The reports.
    pub reports: Vec<PathBuf>,
}

/// Writes every step's map(s) into the folder `dir`, then `index.md` and
/// `index.html`; each file is written atomically. `progress` is called with
/// (maps done, maps in all) after each map.
pub fn export_story(
    atlas: &Atlas,
    projected: &ProjectedAtlas,
    story: &Story,
    dir: &Path,
    options: &StoryExportOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Exported, ExportError> {
    if !dir.is_dir() {
        return Err(ExportError(format!(
            "the folder \"{}\" does not exist",
            dir.display()
        )));
    }
    let jobs = map_list(story);
    let mut exported = Exported::default();
    for (done, (number, which)) in jobs.iter().enumerate() {
        let bytes = render_step(atlas, projected, story, *number, *which, options)?;
        let path = dir.join(image_name(*number, *which, options.format));
        write_file(&path, &bytes)?;
        exported.images.push(path);
        progress(done + 1, jobs.len());
    }
    let image = |number: usize, which: Which| image_name(number, which, options.format);
    for (name, text) in [
        ("index.md", report::markdown(story, atlas, &image)),
        ("index.html", report::html(story, atlas, &image)),
    ] {
        let path = dir.join(name);
        write_file(&path, text.as_bytes())?;
        exported.reports.push(path);
    }
    Ok(exported)
}

/// The verdict's badge colour as `#rrggbb`.
pub fn verdict_hex(verdict: Verdict) -> String {
    let [r, g, b] = verdict.rgb();
    format!("#{r:02x}{g:02x}{b:02x}")
}
