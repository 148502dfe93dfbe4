//! Publication exports, shared by the window and the command line: an
//! [`ExportRequest`] is validated, drawn from the same Scene the window draws,
//! and written to a temporary name in the destination folder that is renamed
//! only once complete — an error never leaves a file behind.

use std::collections::BTreeSet;
use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use emath::Rect;

use super::raster::{self, RgbaImage};
use super::svg::{ExportOptions, Layout, write_svg};
use crate::atlas::{Atlas, Language, LayerKind};
use crate::compare::{Region, ZoneAreas, compare};
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
}

impl Format {
    /// The format named by a file's extension (`.png` or `.svg`, any case).
    pub fn from_path(path: &Path) -> Result<Format, ExportError> {
        match extension(path).as_deref() {
            Some("png") => Ok(Format::Png),
            Some("svg") => Ok(Format::Svg),
            _ => fail(format!(
                "\"{}\" has no known extension for a map (use .png or .svg)",
                path.display()
            )),
        }
    }

    /// The usual extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Svg => "svg",
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
    /// An exact view to draw instead (the window's current view); wins over `bbox`.
    /// Its scale is in points per km, as in the window.
    pub view: Option<MapView>,
    /// The layers to draw (`None`: every layer).
    pub layers: Option<Vec<LayerKind>>,
    /// The label language.
    pub language: Language,
    /// PNG or SVG.
    pub format: Format,
    /// What to draw around the map.
    pub include: ExportOptions,
    /// Pixels per point (`None`: 1 at 1920×1080, 2 at 3840×2160, …).
    pub pixels_per_point: Option<f32>,
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
            layers: None,
            language: Language::En,
            format: Format::Png,
            include: ExportOptions::default(),
            pixels_per_point: None,
            compare_from: None,
        }
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
}

impl Prepared {
    /// Validates `request` against `atlas` and lays out the page.
    pub fn new(atlas: &Atlas, request: &ExportRequest) -> Result<Prepared, ExportError> {
        check_size("width", request.width)?;
        check_size("height", request.height)?;
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
        let layout = Layout::new(
            request.width,
            request.height,
            &request.include,
            request.pixels_per_point,
        );
        let map: Rect = layout.map;
        let view = match (&request.view, &request.bbox) {
            (Some(v), _) => *v,
            (None, Some(b)) => MapView::fit_box(b, map.width(), map.height()),
            (None, None) => MapView::fit_region(map.width(), map.height()),
        };
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
                hidden_layers: hidden,
                // The legend and the sources block describe what the map shows.
                extent: Some(extent),
                compare,
            },
            include: request.include.clone(),
        })
    }

    /// The Scene on `date`.
    pub fn scene(&self, atlas: &Atlas, projected: &ProjectedAtlas, date: Date) -> Scene {
        let options = SceneOptions {
            date,
            ..self.scene_options.clone()
        };
        build_scene(atlas, projected, &options)
    }

    /// The SVG document for a Scene.
    pub fn svg(&self, scene: &Scene) -> String {
        write_svg(scene, &self.projector, &self.layout, &self.include)
    }

    /// Text to embed in a PNG: title, date, attribution and every source
    /// (the panel may have room for only some of them).
    pub fn metadata(&self, scene: &Scene) -> Vec<(String, String)> {
        let mut text = vec![
            (
                "Title".to_string(),
                match &self.include.title {
                    Some(t) => format!("{t} — {}", scene.caption),
                    None => format!("Caucasus Atlas — {}", scene.caption),
                },
            ),
            ("Creation Time".to_string(), scene.date.to_string()),
            ("Copyright".to_string(), super::svg::ATTRIBUTION.to_string()),
        ];
        if !scene.credits.is_empty() {
            text.push((
                "Sources".to_string(),
                super::svg::credit_lines(scene).join("\n"),
            ));
        }
        text
    }

    /// The image for a Scene.
    pub fn image(&self, scene: &Scene) -> Result<RgbaImage, ExportError> {
        raster::rasterize(&self.svg(scene)).map_err(ExportError)
    }
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
}

impl RenderedMap {
    /// The pixel position of a lon/lat, if it projects.
    pub fn lonlat_to_pixel(&self, lon: f64, lat: f64) -> Option<(f32, f32)> {
        let p = self.projector.lonlat_to_screen(lon, lat)?;
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
    match request.format {
        Format::Svg => render_svg(atlas, projected, request).map(String::into_bytes),
        Format::Png => {
            let prepared = Prepared::new(atlas, request)?;
            let scene = prepared.scene(atlas, projected, request.date);
            let image = prepared.image(&scene)?;
            raster::encode_png(&image, &prepared.metadata(&scene)).map_err(ExportError)
        }
    }
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
    fn extensions_choose_the_format() {
        assert_eq!(Format::from_path(Path::new("a/b.PNG")), Ok(Format::Png));
        assert_eq!(Format::from_path(Path::new("b.svg")), Ok(Format::Svg));
        assert!(
            Format::from_path(Path::new("b.jpg"))
                .unwrap_err()
                .0
                .contains("\"b.jpg\"")
        );
    }
}
