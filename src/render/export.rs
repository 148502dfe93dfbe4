//! Publication exports, shared by the window and the command line: an
//! [`ExportRequest`] is validated, drawn from the same Scene the window draws,
//! and written to a temporary name in the destination folder that is renamed
//! only once complete — an error never leaves a file behind.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use emath::{Rect, Vec2};

use super::paper::PaperPage;
use super::pdf::{PdfInfo, Placement};
use super::raster::{self, RgbaImage};
use super::svg::{ExportOptions, Layout, write_svg};
use crate::atlas::{Atlas, Language, LayerKind, NameOrder};
use crate::compare::{Region, ZoneAreas, compare};
use crate::scene::alt_text::alt_text;
use crate::scene::compare::CompareOverlay;
use crate::scene::{Scene, SceneOptions, build_scene};
use crate::spatial::{MapView, ProjectedAtlas, Projector, REGION, RegionBox};
use crate::time::Date;

/// The largest width or height accepted, in pixels.
pub const MAX_SIZE: u32 = 16384;

/// An export that cannot be made, as one sentence naming the value at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportError(pub String);

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ExportError {}

fn fail<T>(message: impl Into<String>) -> Result<T, ExportError> {
    Err(ExportError(message.into()))
}

/// The file format of a still export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A raster image.
    Png,
    /// A vector document (fonts referenced by name).
    Svg,
    /// A vector PDF page (fonts embedded, text kept as text).
    Pdf,
    /// A raster image, lossy (for the web; no transparency).
    Jpeg,
    /// A raster image, losslessly compressed WebP.
    Webp,
}

impl Format {
    /// Every format, in the order the window offers them.
    pub const ALL: [Format; 5] = [
        Format::Png,
        Format::Svg,
        Format::Pdf,
        Format::Jpeg,
        Format::Webp,
    ];

    /// The format named by a file's extension (`.png`, `.svg`, `.pdf`,
    /// `.jpg` or `.jpeg`, `.webp`, any case); any other extension, or none,
    /// is an error naming it.
    pub fn from_path(path: &Path) -> Result<Format, ExportError> {
        let ext = extension(path);
        let ext = match ext.as_deref() {
            Some("jpeg") => Some("jpg".to_string()),
            _ => ext,
        };
        Format::ALL
            .into_iter()
            .find(|f| ext.as_deref() == Some(f.extension()))
            .ok_or_else(|| {
                let what = match &ext {
                    Some(e) => format!("ends in .{e}, which is not a map format"),
                    None => "has no extension".to_string(),
                };
                ExportError(format!(
                    "\"{}\" {what} (use {})",
                    path.display(),
                    Format::supported_list()
                ))
            })
    }

    /// The usual extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Svg => "svg",
            Format::Pdf => "pdf",
            Format::Jpeg => "jpg",
            Format::Webp => "webp",
        }
    }

    /// The format's name as the window shows it.
    pub fn label(self) -> &'static str {
        match self {
            Format::Png => "PNG",
            Format::Svg => "SVG",
            Format::Pdf => "PDF",
            Format::Jpeg => "JPEG",
            Format::Webp => "WebP",
        }
    }

    /// Whether the format is made of pixels (its size is in pixels).
    pub fn is_raster(self) -> bool {
        matches!(self, Format::Png | Format::Jpeg | Format::Webp)
    }

    /// The supported extensions as a sentence: ".png, .svg or .pdf".
    pub fn supported_list() -> String {
        let names: Vec<String> = Format::ALL
            .iter()
            .map(|f| format!(".{}", f.extension()))
            .collect();
        match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            _ => names.join(""),
        }
    }
}

/// A path's extension in lower case.
pub fn extension(path: &Path) -> Option<String> {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

/// Everything that defines one exported map.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportRequest {
    /// The date shown.
    pub date: Date,
    /// Width in pixels, 1 to [`MAX_SIZE`].
    pub width: u32,
    /// Height in pixels, 1 to [`MAX_SIZE`].
    pub height: u32,
    /// The lon/lat box to fit into the map (`None`: the whole region).
    pub bbox: Option<RegionBox>,
    /// An exact view to draw instead; wins over `bbox`.
    /// Its scale is in points per km, as in the window.
    pub view: Option<MapView>,
    /// Exactly this part of the map, in map kilometres (the window's current
    /// view); wins over `view` and `bbox`. The map's frame takes its aspect
    /// and is centred where the map would go, so nothing is added around it.
    pub extent: Option<geo::Rect<f64>>,
    /// The layers to draw (`None`: every layer).
    pub layers: Option<Vec<LayerKind>>,
    /// The label language.
    pub language: Language,
    /// The order of the two names of a place (holder's first by default).
    pub names: NameOrder,
    /// PNG or SVG.
    pub format: Format,
    /// What to draw around the map.
    pub include: ExportOptions,
    /// Pixels per point (`None`: 1 at 1920×1080, 2 at 3840×2160, …).
    pub pixels_per_point: Option<f32>,
    /// A paper page to lay the map out on (`None`: a page of `width × height`
    /// pixels). On paper the size comes from the sheet and `dpi`, and the
    /// layout is in printer's points.
    pub paper: Option<PaperPage>,
    /// Dots per inch: of a raster on paper (`None`: 300), or how large a PDF
    /// page of `width × height` pixels is (`None`: 96).
    pub dpi: Option<f32>,
    /// Text turned into outlines (SVG and PDF) for machines without the fonts.
    pub text_as_paths: bool,
    /// Compare mode (`export --compare D1`): the areas that changed hands
    /// since this earlier date, hatched and outlined, with their table in the panel.
    pub compare_from: Option<Date>,
}

impl ExportRequest {
    /// The defaults of the command line: 1920×1080 PNG of the whole region,
    /// every layer, English, everything around the map but a title.
    pub fn new(date: Date) -> ExportRequest {
        ExportRequest {
            date,
            width: 1920,
            height: 1080,
            bbox: None,
            view: None,
            extent: None,
            layers: None,
            language: Language::En,
            names: NameOrder::Holder,
            format: Format::Png,
            include: ExportOptions::default(),
            pixels_per_point: None,
            paper: None,
            dpi: None,
            text_as_paths: false,
            compare_from: None,
        }
    }

    /// The dots per inch used: the given value, or 300 for a raster on
    /// paper and 96 for sizing a PDF page of pixels.
    pub fn dpi(&self) -> f32 {
        self.dpi
            .unwrap_or(if self.paper.is_some() { 300.0 } else { 96.0 })
    }

    /// The size in pixels of the file written: the sheet at the dpi on
    /// paper (a PDF's in points), else `width × height`.
    pub fn output_size(&self) -> (u32, u32) {
        match &self.paper {
            Some(page) if self.format == Format::Pdf => page.sheet_pixels(72.0),
            Some(page) => page.sheet_pixels(self.dpi()),
            None => (self.width, self.height),
        }
    }
}

/// Checks dots per inch.
pub fn check_dpi(dpi: f32) -> Result<f32, ExportError> {
    if dpi.is_finite() && (36.0..=1200.0).contains(&dpi) {
        Ok(dpi)
    } else {
        fail(format!("{dpi} dpi is not between 36 and 1200"))
    }
}

/// Checks a width or a height (`what` is "width" or "height").
pub fn check_size(what: &str, value: u32) -> Result<u32, ExportError> {
    if (1..=MAX_SIZE).contains(&value) {
        Ok(value)
    } else {
        fail(format!(
            "the {what} {value} is not between 1 and {MAX_SIZE} pixels"
        ))
    }
}

/// Checks that a lon/lat box is a box and overlaps the atlas's region.
pub fn check_bbox(b: &RegionBox) -> Result<(), ExportError> {
    let text = format!("{},{},{},{}", b.min_lon, b.min_lat, b.max_lon, b.max_lat);
    let finite = [b.min_lon, b.min_lat, b.max_lon, b.max_lat]
        .iter()
        .all(|v| v.is_finite());
    if !finite
        || !(-180.0..=180.0).contains(&b.min_lon)
        || !(-180.0..=180.0).contains(&b.max_lon)
        || !(-90.0..=90.0).contains(&b.min_lat)
        || !(-90.0..=90.0).contains(&b.max_lat)
    {
        return fail(format!(
            "the box {text} is not made of longitudes (-180 to 180) and latitudes (-90 to 90)"
        ));
    }
    if b.min_lon >= b.max_lon || b.min_lat >= b.max_lat {
        return fail(format!(
            "the box {text} is empty (expected minlon,minlat,maxlon,maxlat with each min below its max)"
        ));
    }
    let overlaps = b.min_lon < REGION.max_lon
        && b.max_lon > REGION.min_lon
        && b.min_lat < REGION.max_lat
        && b.max_lat > REGION.min_lat;
    if !overlaps {
        return fail(format!(
            "the box {text} lies outside the atlas's region (lon {} to {}, lat {} to {})",
            REGION.min_lon, REGION.max_lon, REGION.min_lat, REGION.max_lat
        ));
    }
    Ok(())
}

/// Parses `minlon,minlat,maxlon,maxlat` and checks it.
pub fn parse_bbox(text: &str) -> Result<RegionBox, ExportError> {
    let values: Vec<Option<f64>> = text
        .split(',')
        .map(|v| v.trim().parse::<f64>().ok())
        .collect();
    let b = match values.as_slice() {
        [Some(a), Some(b), Some(c), Some(d)] => RegionBox {
            min_lon: *a,
            min_lat: *b,
            max_lon: *c,
            max_lat: *d,
        },
        _ => {
            return fail(format!(
                "\"{text}\" is not a box (expected four numbers minlon,minlat,maxlon,maxlat)"
            ));
        }
    };
    check_bbox(&b)?;
    Ok(b)
}

/// The layers to hide so that only `shown` are drawn; every one must be a
/// layer of `atlas`.
pub fn hidden_layers(
    atlas: &Atlas,
    shown: Option<&[LayerKind]>,
) -> Result<BTreeSet<LayerKind>, ExportError> {
    let Some(shown) = shown else {
        return Ok(BTreeSet::new());
    };
    for layer in shown {
        if atlas.layer(layer).is_none() {
            let known: Vec<&str> = atlas.layers.iter().map(|l| l.kind.name()).collect();
            return fail(format!(
                "unknown layer \"{layer}\" (the layers are: {})",
                known.join(", ")
            ));
        }
    }
    Ok(atlas
        .layers
        .iter()
        .filter(|l| !shown.contains(&l.kind))
        .map(|l| l.kind.clone())
        .collect())
}

/// A sheet of paper around the laid-out page (the page is centred in the
/// printable area).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sheet {
    /// The sheet's size in the layout's points.
    pub size: Vec2,
    /// The sheet's size in pixels.
    pub pixels: (u32, u32),
    /// Where the page's top-left corner lies on the sheet, in points.
    pub offset: Vec2,
}

/// A checked request turned into a page layout, a projector and scene
/// options: everything but the date, so an animation prepares once.
#[derive(Clone, Debug)]
pub struct Prepared {
    /// Where the map, panel and footer go.
    pub layout: Layout,
    /// The projector of the map's viewport (in points).
    pub projector: Projector,
    /// The scene options (the date is replaced per frame).
    pub scene_options: SceneOptions,
    /// What to draw around the map.
    pub include: ExportOptions,
    /// The paper the page is printed on, if any.
    pub sheet: Option<Sheet>,
    /// The format written.
    pub format: Format,
    /// Dots per inch (see [`ExportRequest::dpi`]).
    pub dpi: f32,
    /// Text turned into outlines (SVG and PDF).
    pub text_as_paths: bool,
}

impl Prepared {
    /// Validates `request` against `atlas` and lays out the page.
    pub fn new(atlas: &Atlas, request: &ExportRequest) -> Result<Prepared, ExportError> {
        check_size("width", request.width)?;
        check_size("height", request.height)?;
        let dpi = check_dpi(request.dpi())?;
        if let Some(b) = &request.bbox {
            check_bbox(b)?;
        }
        if let Some(v) = &request.view
            && !v.is_sane()
        {
            return fail(format!(
                "the view (centre {:?}, {} points per km) is out of range",
                v.center, v.points_per_km
            ));
        }
        if let Some(p) = request.pixels_per_point
            && !(p.is_finite() && (0.1..=16.0).contains(&p))
        {
            return fail(format!("{p} pixels per point is out of range (0.1 to 16)"));
        }
        let hidden = hidden_layers(atlas, request.layers.as_deref())?;
        // On paper the page is laid out in printer's points, the printable
        // area's size; a PDF draws one point per unit, a raster `dpi / 72`.
        let (width, height, pixels_per_point, sheet) = match &request.paper {
            Some(page) => {
                page.check()?;
                let scale = if request.format == Format::Pdf {
                    1.0
                } else {
                    dpi / 72.0
                };
                let printable = page.printable_points();
                let (w, h) = (
                    (printable.x * scale).round().max(1.0) as u32,
                    (printable.y * scale).round().max(1.0) as u32,
                );
                let sheet_pixels = request.output_size();
                for (what, v) in [("width", sheet_pixels.0), ("height", sheet_pixels.1)] {
                    if v > MAX_SIZE {
                        return fail(format!(
                            "{} paper at {dpi} dpi is {v} pixels in {what}, more than {MAX_SIZE} (lower --dpi)",
                            page.paper.label()
                        ));
                    }
                }
                let size = page.sheet_points();
                let page_points = Vec2::new(w as f32, h as f32) / scale;
                let sheet = Sheet {
                    size,
                    pixels: sheet_pixels,
                    offset: (size - page_points) / 2.0,
                };
                (w, h, Some(scale), Some(sheet))
            }
            None => (
                request.width,
                request.height,
                request.pixels_per_point,
                None,
            ),
        };
        let mut layout = Layout::with_panel(
            width,
            height,
            &request.include,
            pixels_per_point,
            request.compare_from.is_some(),
        );
        let view = match (&request.extent, &request.view, &request.bbox) {
            (Some(extent), _, _) => {
                let (map, view) = frame_extent(extent, layout.map)?;
                layout.map = map;
                view
            }
            (None, Some(v), _) => *v,
            (None, None, Some(b)) => MapView::fit_box(b, layout.map.width(), layout.map.height()),
            (None, None, None) => MapView::fit_region(layout.map.width(), layout.map.height()),
        };
        let map: Rect = layout.map;
        let projector = Projector::new(view, map);
        let extent = projector.visible_map_rect();
        let compare = match request.compare_from {
            Some(from) => Some(compare_overlay(atlas, from, request)?),
            None => None,
        };
        Ok(Prepared {
            projector,
            layout,
            scene_options: SceneOptions {
                date: request.date,
                language: request.language,
                names: request.names,
                hidden_layers: hidden,
                // The legend and the sources block describe what the map shows.
                extent: Some(extent),
                compare,
            },
            include: request.include.clone(),
            sheet,
            format: request.format,
            dpi,
            text_as_paths: request.text_as_paths,
        })
    }

    /// The Scene on `date`.
    pub fn scene(&self, atlas: &Atlas, projected: &ProjectedAtlas, date: Date) -> Scene {
        let options = SceneOptions {
            date,
            ..self.scene_options.clone()
        };
        let mut scene = build_scene(atlas, projected, &options);
        self.include.theme.apply(&mut scene);
        scene
    }

    /// The SVG document of the page for a Scene (without the sheet).
    pub fn svg(&self, scene: &Scene) -> String {
        write_svg(scene, &self.projector, &self.layout, &self.include)
    }

    /// The SVG document as written: the page, on its sheet when on paper.
    pub fn document_svg(&self, scene: &Scene) -> String {
        let page = self.svg(scene);
        match &self.sheet {
            Some(sheet) => on_sheet(&page, &self.layout, sheet),
            None => page,
        }
    }

    /// Text to embed in a PNG: title, date, attribution and every source
    /// (the panel may have room for only some of them).
    pub fn metadata(&self, scene: &Scene) -> Vec<(String, String)> {
        let mut text = vec![
            (
                "Title".to_string(),
                super::svg::document_title(scene, &self.include),
            ),
            ("Creation Time".to_string(), scene.date.to_string()),
            ("Description".to_string(), alt_text(scene)),
            (
                "Copyright".to_string(),
                crate::scene::credits::attribution(scene),
            ),
        ];
        if !scene.credits.is_empty() {
            text.push((
                "Sources".to_string(),
                crate::scene::credits::full_list(scene).join("\n"),
            ));
        }
        text
    }

    /// The XMP packet of a JPEG or WebP: title, alt text and attribution.
    pub fn xmp(&self, scene: &Scene) -> String {
        raster::xmp_packet(
            &super::svg::document_title(scene, &self.include),
            &alt_text(scene),
            super::svg::ATTRIBUTION,
        )
    }

    /// What the PDF's information dictionary says.
    pub fn pdf_info(&self, scene: &Scene) -> PdfInfo {
        PdfInfo {
            title: super::svg::document_title(scene, &self.include),
            subject: alt_text(scene),
            author: super::svg::ATTRIBUTION.to_string(),
            sources: crate::scene::credits::full_list(scene).join("\n"),
        }
    }

    /// The image for a Scene (the sheet, when on paper).
    pub fn image(&self, scene: &Scene) -> Result<RgbaImage, ExportError> {
        raster::rasterize(&self.document_svg(scene)).map_err(ExportError)
    }

    /// Where the page goes in a PDF: on its sheet, or filling a page of its
    /// pixels at the dpi.
    pub fn pdf_placement(&self) -> Placement {
        match &self.sheet {
            Some(sheet) => Placement {
                page: sheet.size,
                drawing: Rect::from_min_size(sheet.offset.to_pos2(), self.layout.size),
            },
            None => {
                let (w, h) = self.layout.pixel_size();
                let page = Vec2::new(w as f32, h as f32) * (72.0 / self.dpi);
                Placement {
                    page,
                    drawing: Rect::from_min_size(emath::Pos2::ZERO, page),
                }
            }
        }
    }

    /// The file's bytes for a Scene, in the request's format.
    pub fn bytes(&self, scene: &Scene) -> Result<Vec<u8>, ExportError> {
        match self.format {
            Format::Svg => {
                let svg = self.document_svg(scene);
                if self.text_as_paths {
                    raster::outline_text(&svg).map_err(ExportError)
                } else {
                    Ok(svg.into_bytes())
                }
            }
            Format::Png => {
                let image = self.image(scene)?;
                raster::encode_png(&image, &self.metadata(scene)).map_err(ExportError)
            }
            Format::Jpeg => raster::encode_jpeg(&self.image(scene)?, Some(&self.xmp(scene)))
                .map_err(ExportError),
            Format::Webp => raster::encode_webp(&self.image(scene)?, Some(&self.xmp(scene)))
                .map_err(ExportError),
            Format::Pdf => self.pdf(&self.svg(scene), scene),
        }
    }

    /// A PDF of `svg`, this page's SVG for `scene` (perhaps with more drawn
    /// over it), placed and described as the page is.
    pub fn pdf(&self, svg: &str, scene: &Scene) -> Result<Vec<u8>, ExportError> {
        super::pdf::svg_to_pdf(
            svg,
            self.pdf_placement(),
            self.text_as_paths,
            &self.pdf_info(scene),
        )
        .map_err(ExportError)
    }
}

/// The largest frame of `extent`'s aspect centred in `room`, and the view
/// that shows exactly `extent` in it.
fn frame_extent(extent: &geo::Rect<f64>, room: Rect) -> Result<(Rect, MapView), ExportError> {
    let (w, h) = (extent.width(), extent.height());
    if !(w.is_finite() && h.is_finite() && w > 0.0 && h > 0.0) {
        return fail(format!("the view ({w} × {h} km) is empty"));
    }
    let scale = (room.width() as f64 / w).min(room.height() as f64 / h);
    let size = Vec2::new((w * scale) as f32, (h * scale) as f32);
    let map = Rect::from_center_size(room.center(), size);
    let c = extent.center();
    let view = MapView {
        center: [c.x, c.y],
        points_per_km: scale,
    };
    if !view.is_sane() {
        return fail(format!(
            "the view ({w:.0} × {h:.0} km) cannot be drawn at this size"
        ));
    }
    Ok((map, view))
}

/// The page's SVG document placed on a white sheet: its root element becomes
/// a nested `<svg>` at the sheet's offset, sized in the sheet's points.
fn on_sheet(page: &str, layout: &Layout, sheet: &Sheet) -> String {
    let (w_px, h_px) = layout.pixel_size();
    let root_size = format!("width=\"{w_px}\" height=\"{h_px}\"");
    let placed = format!(
        "x=\"{:.3}\" y=\"{:.3}\" width=\"{:.3}\" height=\"{:.3}\"",
        sheet.offset.x, sheet.offset.y, layout.size.x, layout.size.y
    );
    let mut out = String::with_capacity(page.len() + 400);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {:.3} {:.3}\">\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n",
        sheet.pixels.0, sheet.pixels.1, sheet.size.x, sheet.size.y
    );
    // Only the root element's own size is replaced (write_svg puts it on the first line).
    match page.split_once('\n') {
        Some((root, rest)) => {
            out.push_str(&root.replacen(&root_size, &placed, 1));
            out.push('\n');
            out.push_str(rest);
        }
        None => out.push_str(page),
    }
    out.push_str("</svg>\n");
    out
}

/// The changed areas between `from` and the request's date, inside its box
/// when it has one.
fn compare_overlay(
    atlas: &Atlas,
    from: Date,
    request: &ExportRequest,
) -> Result<std::sync::Arc<CompareOverlay>, ExportError> {
    let zones = ZoneAreas::build(atlas);
    let region = request.bbox.map(Region::from_box);
    match compare(atlas, &zones, from, request.date, region.as_ref()) {
        Ok(c) => Ok(std::sync::Arc::new(CompareOverlay::build(c.into()))),
        Err(e) => fail(format!("--compare {from} cannot be drawn: {e}")),
    }
}

/// A rendered map with the geometry that placed it, so callers (and tests)
/// can find a lon/lat in the image: pixel = projector screen point × pixels_per_point.
#[derive(Clone, Debug)]
pub struct RenderedMap {
    /// The pixels.
    pub image: RgbaImage,
    /// The page layout (points).
    pub layout: Layout,
    /// The map's projector (points).
    pub projector: Projector,
    /// Where the page lies on the image, in points (on paper, the margin).
    pub offset: Vec2,
}

impl RenderedMap {
    /// The pixel position of a lon/lat, if it projects.
    pub fn lonlat_to_pixel(&self, lon: f64, lat: f64) -> Option<(f32, f32)> {
        let p = self.projector.lonlat_to_screen(lon, lat)? + self.offset;
        let s = self.layout.pixels_per_point;
        Some((p.x * s, p.y * s))
    }
}

/// The SVG document for a request.
pub fn render_svg(
    atlas: &Atlas,
    projected: &ProjectedAtlas,
    request: &ExportRequest,
) -> Result<String, ExportError> {
    let prepared = Prepared::new(atlas, request)?;
    let scene = prepared.scene(atlas, projected, request.date);
    Ok(prepared.svg(&scene))
}

/// The alt text of a request's map: what a screen reader reads.
pub fn render_alt_text(
    atlas: &Atlas,
    projected: &ProjectedAtlas,
    request: &ExportRequest,
) -> Result<String, ExportError> {
    let prepared = Prepared::new(atlas, request)?;
    Ok(alt_text(&prepared.scene(atlas, projected, request.date)))
}

/// The image for a request.
pub fn render_image(
    atlas: &Atlas,
    projected: &ProjectedAtlas,
    request: &ExportRequest,
) -> Result<RenderedMap, ExportError> {
    let prepared = Prepared::new(atlas, request)?;
    let scene = prepared.scene(atlas, projected, request.date);
    let image = prepared.image(&scene)?;
    Ok(RenderedMap {
        image,
        offset: prepared.sheet.map_or(Vec2::ZERO, |s| s.offset),
        layout: prepared.layout,
        projector: prepared.projector,
    })
}

/// The file's bytes for a request, in its format.
pub fn render_bytes(
    atlas: &Atlas,
    projected: &ProjectedAtlas,
    request: &ExportRequest,
) -> Result<Vec<u8>, ExportError> {
    let prepared = Prepared::new(atlas, request)?;
    let scene = prepared.scene(atlas, projected, request.date);
    prepared.bytes(&scene)
}

/// Checks that `path` names a file in an existing folder (before any work is
/// done), and that whatever is there now is a regular file: a FIFO, a
/// device or a socket is never replaced.
pub fn check_destination(path: &Path) -> Result<(), ExportError> {
    if path.file_name().is_none() || path.as_os_str().to_string_lossy().ends_with('/') {
        return fail(format!("\"{}\" does not name a file", path.display()));
    }
    if path.is_dir() {
        return fail(format!("\"{}\" is a folder, not a file", path.display()));
    }
    // Through symbolic links: a link to a device is refused too.
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
    {
        return fail(format!(
            "\"{}\" is {}, not a regular file, and is left as it is",
            path.display(),
            crate::atlas::special_file_kind(&meta.file_type())
        ));
    }
    let folder = folder_of(path);
    if !folder.is_dir() {
        return fail(format!(
            "the folder \"{}\" does not exist",
            folder.display()
        ));
    }
    Ok(())
}

/// [`check_destination`], and then a trial file created and removed in the
/// folder, so that a folder the program may not write to is found before a
/// long piece of work (the window's `--screenshot`).
pub fn probe_destination(path: &Path) -> Result<(), ExportError> {
    check_destination(path)?;
    let probe = temporary_path(path);
    match OpenOptions::new().write(true).create_new(true).open(&probe) {
        Ok(file) => {
            drop(file);
            let _ = std::fs::remove_file(&probe);
            Ok(())
        }
        Err(e) => fail(format!(
            "\"{}\" cannot be written ({})",
            path.display(),
            plain_io_error(&e)
        )),
    }
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The longest file name (in bytes) that common file systems accept.
const NAME_MAX: usize = 255;

/// The temporary name a file is written under before it is renamed to `path`:
/// `.NAME.PID-N.partial`, hidden, in the same folder (so the rename is
/// atomic), unique per process and call. NAME is cut (between characters)
/// so that the whole stays within 255 bytes: any name the file system takes
/// can be written.
// The cut is at a character boundary (`floor_char_boundary`, or where `find` matched an ASCII
// text).
#[allow(clippy::string_slice)]
pub fn temporary_path(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let suffix = format!(".{}-{n}{PARTIAL}", std::process::id());
    let room = NAME_MAX.saturating_sub(suffix.len() + 1);
    let name = &name[..name.floor_char_boundary(room)];
    folder_of(path).join(format!(".{name}{suffix}"))
}

/// The ending of every temporary name.
const PARTIAL: &str = ".partial";

/// How long a temporary file must have been left untouched before it is
/// taken for a leftover: a process in another PID namespace (a container)
/// writing to the same folder would look dead from here.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(600);

/// The process id in a temporary name of ours (`.NAME.PID-N.partial`).
fn partial_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?.strip_suffix(PARTIAL)?;
    let (_, ids) = rest.rsplit_once('.')?;
    let (pid, n) = ids.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(pid) && digits(n)) {
        return None;
    }
    pid.parse().ok()
}

/// Whether a process with this id is running (on other systems than Unix:
/// always assumed so, and nothing is swept).
fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        if pid <= 0 {
            return false;
        }
        // SAFETY: signal 0 only checks that the process exists; nothing is sent.
        let sent = unsafe { libc::kill(pid, 0) };
        sent == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        true
    }
}

/// Removes the temporary files of ours that a killed run left in `folder`:
/// regular files named `.NAME.PID-N.partial` whose process is gone and that
/// nobody has written to for ten minutes. Returns how many were removed.
pub fn sweep_stale_partials(folder: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(partial_pid) else {
            continue;
        };
        let Ok(meta) = entry.metadata() else { continue };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if meta.file_type().is_file()
            && old
            && !process_alive(pid)
            && std::fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

/// Writes a file through `write`, first under a temporary name in the same
/// folder, then renamed to `path`. On any error (including one returned by
/// `write`, such as a cancel) the temporary file is removed and `path` is
/// left as it was.
pub fn write_atomically<F>(path: &Path, write: F) -> Result<(), ExportError>
where
    F: FnOnce(&mut BufWriter<File>) -> Result<(), ExportError>,
{
    check_destination(path)?;
    sweep_stale_partials(&folder_of(path));
    let tmp = temporary_path(path);
    let io_error = |e: std::io::Error| {
        ExportError(format!(
            "\"{}\" cannot be written ({})",
            path.display(),
            plain_io_error(&e)
        ))
    };
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .map_err(io_error)?;
    let result = (|| {
        let mut out = BufWriter::new(file);
        write(&mut out)?;
        let file = out.into_inner().map_err(|e| io_error(e.into_error()))?;
        file.sync_all().map_err(io_error)?;
        drop(file);
        std::fs::rename(&tmp, path).map_err(io_error)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// An I/O error's message without the "(os error N)" suffix.
// The cut is at a character boundary (`floor_char_boundary`, or where `find` matched an ASCII
// text).
#[allow(clippy::string_slice)]
fn plain_io_error(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Writes `bytes` to `path` atomically (see [`write_atomically`]).
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    write_atomically(path, |out| {
        out.write_all(bytes).map_err(|e| {
            ExportError(format!(
                "\"{}\" cannot be written ({})",
                path.display(),
                plain_io_error(&e)
            ))
        })
    })
}

/// Renders `request` and writes it to `path`: the one call behind
/// `caucasus-atlas export` and the window's "Export map…". Safe to run on a
/// worker thread.
pub fn export_to_file(
    atlas: &Atlas,
    projected: &ProjectedAtlas,
    request: &ExportRequest,
    path: &Path,
) -> Result<(), ExportError> {
    // The extension must name the format written: a `.jpg` never holds PNG data.
    if Format::from_path(path)? != request.format {
        return fail(format!(
            "\"{}\" does not end in .{}, the extension of the {} being written",
            path.display(),
            request.format.extension(),
            request.format.label()
        ));
    }
    check_destination(path)?;
    let bytes = render_bytes(atlas, projected, request)?;
    write_file(path, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_outside_the_range_are_named() {
        assert_eq!(check_size("width", 1920), Ok(1920));
        assert_eq!(
            check_size("width", 0).unwrap_err().0,
            "the width 0 is not between 1 and 16384 pixels"
        );
        assert!(check_size("height", 16385).unwrap_err().0.contains("16385"));
    }

    #[test]
    fn boxes_are_checked() {
        assert!(parse_bbox("46,39,47.5,40.5").is_ok());
        assert!(parse_bbox("47,39,46,40").unwrap_err().0.contains("empty"));
        assert!(parse_bbox("1,2,3").unwrap_err().0.contains("\"1,2,3\""));
        assert!(parse_bbox("0,0,1,1").unwrap_err().0.contains("outside"));
        assert!(
            parse_bbox("0,0,200,1")
                .unwrap_err()
                .0
                .contains("longitudes")
        );
    }

    #[test]
    fn a_fitted_box_shows_its_corners() {
        let b = RegionBox {
            min_lon: 46.0,
            min_lat: 39.3,
            max_lon: 47.2,
            max_lat: 40.3,
        };
        let view = MapView::fit_box(&b, 800.0, 600.0);
        let pr = Projector::new(
            view,
            Rect::from_min_size(emath::Pos2::ZERO, emath::vec2(800.0, 600.0)),
        );
        for (lon, lat) in [(46.0, 39.3), (47.2, 40.3), (46.6, 39.8)] {
            let p = pr.lonlat_to_screen(lon, lat).unwrap();
            assert!(pr.viewport.expand(1.0).contains(p), "{lon},{lat} at {p:?}");
        }
    }

    #[test]
    fn temporary_names_stay_within_255_bytes_and_are_recognised() {
        for name in [
            "map.png".to_string(),
            format!("{}x.png", "ա".repeat(125)),
            format!("{}.gif", "ა".repeat(100)),
        ] {
            let tmp = temporary_path(&Path::new("out").join(&name));
            let tmp_name = tmp.file_name().unwrap().to_str().unwrap();
            assert!(tmp_name.len() <= 255, "{} bytes", tmp_name.len());
            assert!(tmp_name.starts_with('.') && tmp_name.ends_with(".partial"));
            assert_eq!(partial_pid(tmp_name), Some(std::process::id()));
            assert_eq!(tmp.parent(), Some(Path::new("out")));
        }
        assert_eq!(partial_pid(".a.gif.12-3.partial"), Some(12));
        assert_eq!(partial_pid("..12-3.partial"), Some(12));
        for other in [
            "a.gif.12-3.partial",
            ".a.gif.12-3.partial.txt",
            ".a.gif.x-3.partial",
            ".a.gif.12-.partial",
            ".a.gif.12.partial",
            ".a.gif.-3.partial",
        ] {
            assert_eq!(partial_pid(other), None, "{other}");
        }
        assert!(process_alive(std::process::id()));
    }

    #[test]
    fn an_extent_is_exported_exactly_with_its_aspect() {
        // A window showing 400 × 300 km (4:3) exported at 1920×1080: the map's
        // frame is 4:3 and shows those 400 × 300 km, nothing more.
        let extent = geo::Rect::new(
            geo::coord! { x: -150.0, y: -80.0 },
            geo::coord! { x: 250.0, y: 220.0 },
        );
        let room = Rect::from_min_size(emath::Pos2::ZERO, Vec2::new(1536.0, 1058.0));
        let (map, view) = frame_extent(&extent, room).unwrap();
        assert!((map.width() / map.height() - 4.0 / 3.0).abs() < 1e-3);
        assert!(room.contains_rect(map));
        assert!((map.height() - room.height()).abs() < 0.01);
        let shown = Projector::new(view, map).visible_map_rect();
        for (a, b) in [
            (shown.min().x, extent.min().x),
            (shown.min().y, extent.min().y),
            (shown.max().x, extent.max().x),
            (shown.max().y, extent.max().y),
        ] {
            assert!((a - b).abs() < 0.05, "{shown:?} is not {extent:?}");
        }
        let empty = geo::Rect::new(
            geo::coord! { x: 0.0, y: 0.0 },
            geo::coord! { x: 0.0, y: 5.0 },
        );
        assert!(frame_extent(&empty, room).is_err());
    }

    #[test]
    fn extensions_choose_the_format() {
        assert_eq!(Format::from_path(Path::new("a/b.PNG")), Ok(Format::Png));
        assert_eq!(Format::from_path(Path::new("b.svg")), Ok(Format::Svg));
        assert_eq!(Format::from_path(Path::new("b.Pdf")), Ok(Format::Pdf));
        assert_eq!(Format::from_path(Path::new("b.jpeg")), Ok(Format::Jpeg));
        assert_eq!(Format::from_path(Path::new("b.JPG")), Ok(Format::Jpeg));
        assert_eq!(Format::from_path(Path::new("b.webp")), Ok(Format::Webp));
        assert_eq!(
            Format::from_path(Path::new("b.gif")).unwrap_err().0,
            "\"b.gif\" ends in .gif, which is not a map format (use .png, .svg, .pdf, .jpg or .webp)"
        );
        assert!(
            Format::from_path(Path::new("map"))
                .unwrap_err()
                .0
                .contains("has no extension")
        );
    }
}
