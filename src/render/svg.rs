//! Writes a Scene as SVG: the map framed by its viewport, drawn with the same
//! visual decisions as the window (`app::scene_painter`), and around it — never over
//! it — a panel with the title, date, legend and scale bar, and the credit
//! line underneath (`scene::credits`: the sources, then the attribution).
//!
//! Everything is laid out in points; the root element maps the points to the
//! requested pixels (`pixels_per_point`), the way the window does on a HiDPI
//! screen, so a 3840×2160 export looks like a 1920×1080 one at twice the detail.

pub mod card;
mod compare_block;
mod panel;

use std::fmt::Write as _;

use ecolor::Color32;
use emath::{Pos2, Rect, Vec2};

use crate::scene::alt_text::alt_text;
use crate::scene::credits::{self, CREDIT_PT};
use crate::scene::labels::place_labels;
use crate::scene::origins::{Origin, position_in};
use crate::scene::style;
use crate::scene::theme::Theme;
use crate::scene::{LabelStyle, LegendEntry, Scene, Swatch, Symbol};
use crate::spatial::{MapPoint, Projector};

/// The font families the SVG asks for, in fallback order (the bundled fonts).
pub const FONT_FAMILIES: &str = "'Noto Sans', 'Noto Sans Armenian', 'Noto Sans Georgian'";

/// What to draw around the map.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportOptions {
    /// A title at the top of the panel (`None`: no title).
    pub title: Option<String>,
    /// The legend (the Scene's entries).
    pub legend: bool,
    /// The date in words.
    pub caption: bool,
    /// A scale bar of a round number of kilometres.
    pub scale_bar: bool,
    /// The attribution on the credit line: the atlas, its data version, the base data.
    pub attribution: bool,
    /// "Sources: …" on the credit line: the first of the Scene's credits
    /// (all of them are in the file's metadata either way).
    pub sources: bool,
    /// The colours of the page around the map (the Scene is themed apart,
    /// with [`Theme::apply`]).
    pub theme: Theme,
    /// A card under the title (a story step's verdict, claim and correction).
    pub card: Option<card::Card>,
}

impl Default for ExportOptions {
    /// Everything but a title.
    fn default() -> Self {
        ExportOptions {
            title: None,
            legend: true,
            caption: true,
            scale_bar: true,
            attribution: true,
            sources: true,
            theme: Theme::Light,
            card: None,
        }
    }
}

impl ExportOptions {
    /// The map alone, edge to edge.
    pub fn map_only() -> Self {
        ExportOptions {
            title: None,
            legend: false,
            caption: false,
            scale_bar: false,
            attribution: false,
            sources: false,
            theme: Theme::Light,
            card: None,
        }
    }

    fn wants_panel(&self) -> bool {
        self.title.is_some() || self.card.is_some() || self.legend || self.caption || self.scale_bar
    }

    /// Whether the credit line under the map is drawn (sources, attribution or both).
    fn wants_footer(&self) -> bool {
        self.attribution || self.sources
    }
}

/// The base-data credit (the attribution line says more: see
/// [`crate::scene::credits::attribution`]).
pub const ATTRIBUTION: &str = "Caucasus Atlas · Borders: Natural Earth (public domain) · Places: GeoNames (CC BY 4.0) · Lambert conformal conic projection";

/// The lines of the credit line under the map on a page `width` points
/// wide: the attribution takes one line of a wide page and two of a sheet
/// of paper, and the sources keep two.
fn footer_lines(width: f32) -> usize {
    if width < 1000.0 { 4 } else { 3 }
}

/// The distance between the credit line's baselines, in points.
const CREDIT_LINE_HEIGHT: f32 = CREDIT_PT * 1.3;

/// Where things go on the page, in points.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// The page size in points.
    pub size: Vec2,
    /// Pixels per point of the output (the page is `size × pixels_per_point` pixels).
    pub pixels_per_point: f32,
    /// The map's viewport.
    pub map: Rect,
    /// The side (landscape) or bottom (portrait) panel, if any.
    pub panel: Option<Rect>,
    /// The attribution strip under the map, if any.
    pub footer: Option<Rect>,
}

/// Pixels per point chosen for an image size: 1 for 1920×1080, 2 for
/// 3840×2160, so the type and line weights keep their proportion to the page.
pub fn auto_pixels_per_point(width_px: u32, height_px: u32) -> f32 {
    (width_px as f32 / 1920.0)
        .min(height_px as f32 / 1080.0)
        .clamp(0.5, 8.0)
}

impl Layout {
    /// Lays out a page of `width_px × height_px` pixels for `options`.
    /// `pixels_per_point: None` picks [`auto_pixels_per_point`].
    pub fn new(
        width_px: u32,
        height_px: u32,
        options: &ExportOptions,
        pixels_per_point: Option<f32>,
    ) -> Layout {
        Layout::with_panel(width_px, height_px, options, pixels_per_point, false)
    }

    /// [`Layout::new`], with a larger panel when `roomy` (compare mode: the
    /// table of gains and losses goes above the legend).
    pub fn with_panel(
        width_px: u32,
        height_px: u32,
        options: &ExportOptions,
        pixels_per_point: Option<f32>,
        roomy: bool,
    ) -> Layout {
        let ppp = pixels_per_point
            .filter(|p| p.is_finite() && *p > 0.0)
            .unwrap_or_else(|| auto_pixels_per_point(width_px, height_px));
        let size = Vec2::new(width_px as f32 / ppp, height_px as f32 / ppp);
        let page = Rect::from_min_size(Pos2::ZERO, size);
        let mut rest = page;
        let footer_height = footer_lines(size.x) as f32 * CREDIT_LINE_HEIGHT + 10.0;
        // A page too small for the furniture shows the map alone.
        let footer = (options.wants_footer() && size.y >= 4.0 * footer_height).then(|| {
            let f = Rect::from_min_max(Pos2::new(0.0, size.y - footer_height), size.to_pos2());
            rest.max.y = f.min.y;
            f
        });
        let panel = if !options.wants_panel() {
            None
        } else if size.x >= size.y {
            // A short page (paper on its side) gets a wider panel: the legend
            // it cannot stack in the height goes into two columns.
            let least = match (size.y < 800.0, roomy) {
                (true, true) => 360.0,
                (true, false) => 300.0,
                (false, _) => 240.0,
            };
            let (share, most) = if roomy { (0.25, 480.0) } else { (0.2, 400.0) };
            let w = (size.x * share).clamp(least, most);
            (size.x >= 2.0 * w).then(|| {
                let p = Rect::from_min_max(Pos2::new(rest.max.x - w, rest.min.y), rest.max);
                rest.max.x = p.min.x;
                p
            })
        } else {
            let (share, most) = if roomy { (0.45, 640.0) } else { (0.3, 520.0) };
            let h = (size.y * share).clamp(250.0, most);
            (rest.height() >= 2.0 * h).then(|| {
                let p = Rect::from_min_max(Pos2::new(rest.min.x, rest.max.y - h), rest.max);
                rest.max.y = p.min.y;
                p
            })
        };
        Layout {
            size,
            pixels_per_point: ppp,
            map: rest,
            panel,
            footer,
        }
    }

    /// The page size in whole pixels.
    pub fn pixel_size(&self) -> (u32, u32) {
        (
            (self.size.x * self.pixels_per_point).round() as u32,
            (self.size.y * self.pixels_per_point).round() as u32,
        )
    }
}

/// Escapes text for XML content and attribute values. Whatever `text` holds,
/// the result is well-formed XML 1.0 text: control characters (which XML
/// forbids, or, for DEL and C1, discourages) become spaces, and noncharacters
/// (U+FFFE and U+FFFF, which XML forbids, and the others) are dropped.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => out.push(' '),
            c if crate::atlas::is_noncharacter(c) => {}
            c => out.push(c),
        }
    }
    out
}

pub use crate::scene::text::text_width;
use crate::scene::text::wrap;

/// A colour as `fill="#rrggbb"` plus an opacity attribute when not opaque
/// (egui colours are premultiplied; SVG wants them straight).
fn paint(attribute: &str, c: Color32) -> String {
    let [r, g, b, a] = c.to_srgba_unmultiplied();
    if a == 255 {
        format!("{attribute}=\"#{r:02x}{g:02x}{b:02x}\"")
    } else {
        format!(
            "{attribute}=\"#{r:02x}{g:02x}{b:02x}\" {attribute}-opacity=\"{:.3}\"",
            a as f32 / 255.0
        )
    }
}

/// Appends a number with at most two decimals and no trailing zeros.
fn num(out: &mut String, v: f32) {
    let hundredths = (v as f64 * 100.0).round() as i64;
    if hundredths < 0 {
        out.push('-');
    }
    let abs = hundredths.unsigned_abs();
    let _ = write!(out, "{}", abs / 100);
    let frac = abs % 100;
    if frac != 0 {
        if frac.is_multiple_of(10) {
            let _ = write!(out, ".{}", frac / 10);
        } else {
            let _ = write!(out, ".{frac:02}");
        }
    }
}

fn visible(bbox: &geo::Rect<f64>, view: &geo::Rect<f64>) -> bool {
    bbox.min().x <= view.max().x
        && bbox.max().x >= view.min().x
        && bbox.min().y <= view.max().y
        && bbox.max().y >= view.min().y
}

/// Appends a path's points in screen points as `M x y L …`, dropping points
/// closer than `min_step` to the last one kept (invisible at this size).
fn path_data(
    out: &mut String,
    path: &[[f32; 2]],
    projector: &Projector,
    min_step: f32,
    close: bool,
) {
    let s = projector.view.points_per_km as f32;
    let origin = projector.map_to_screen(MapPoint { x: 0.0, y: 0.0 });
    let to_screen = |[x, y]: [f32; 2]| Pos2::new(origin.x + x * s, origin.y + y * s);
    let Some(&first) = path.first() else { return };
    let mut last = to_screen(first);
    out.push('M');
    num(out, last.x);
    out.push(' ');
    num(out, last.y);
    let n = path.len();
    for (i, &p) in path.iter().enumerate().skip(1) {
        let q = to_screen(p);
        if i + 1 < n && (q - last).length_sq() < min_step * min_step {
            continue;
        }
        out.push('L');
        num(out, q.x);
        out.push(' ');
        num(out, q.y);
        last = q;
    }
    if close {
        out.push('Z');
    }
}

/// Writes `scene` as seen through `projector` (whose viewport must be
/// `layout.map`) as a complete SVG document.
pub fn write_svg(
    scene: &Scene,
    projector: &Projector,
    layout: &Layout,
    options: &ExportOptions,
) -> String {
    let theme = options.theme;
    let mut svg = String::with_capacity(1 << 20);
    let (w_px, h_px) = layout.pixel_size();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w_px}\" height=\"{h_px}\" viewBox=\"0 0 "
    );
    num(&mut svg, layout.size.x);
    svg.push(' ');
    num(&mut svg, layout.size.y);
    let _ = writeln!(
        svg,
        "\" font-family=\"{}\" role=\"img\" aria-labelledby=\"title desc\">",
        escape_xml(FONT_FAMILIES).replace("&apos;", "'")
    );
    let _ = writeln!(
        svg,
        "<title id=\"title\">{}</title>",
        escape_xml(&document_title(scene, options))
    );
    // The alt text first (what a screen reader reads), then the attribution;
    // every source is in the metadata below.
    let _ = writeln!(
        svg,
        "<desc id=\"desc\">{}\n\n{}</desc>",
        escape_xml(&alt_text(scene)),
        escape_xml(&credits::attribution(scene))
    );
    write_metadata(&mut svg, scene, options);
    let _ = writeln!(
        svg,
        "<rect width=\"100%\" height=\"100%\" {}/>",
        paint("fill", theme.paper())
    );
    write_map(&mut svg, scene, projector, layout, theme);
    if let Some(panel) = layout.panel {
        panel::write_panel(&mut svg, scene, projector, panel, options);
    }
    if let Some(footer) = layout.footer {
        let lines = credits::credit_lines(
            scene,
            footer.width() - 20.0,
            footer_lines(footer.width()),
            options.sources,
            options.attribution,
        );
        for (i, line) in lines.iter().enumerate() {
            let _ = writeln!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{CREDIT_PT}\" {}>{}</text>",
                footer.min.x + 10.0,
                footer.min.y + 5.0 + CREDIT_PT + i as f32 * CREDIT_LINE_HEIGHT,
                paint("fill", theme.muted_text()),
                escape_xml(line)
            );
        }
    }
    svg.push_str("</svg>\n");
    svg
}

/// Every source of what is drawn (the credit line names only the first few)
/// as Dublin Core in RDF, the way SVG editors keep a drawing's metadata.
fn write_metadata(svg: &mut String, scene: &Scene, options: &ExportOptions) {
    svg.push_str("<metadata><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><rdf:Description rdf:about=\"\">");
    let _ = write!(
        svg,
        "<dc:title>{}</dc:title><dc:date>{}</dc:date><dc:rights>{}</dc:rights>",
        escape_xml(&document_title(scene, options)),
        scene.date,
        escape_xml(&credits::attribution(scene))
    );
    for line in credits::full_list(scene) {
        let _ = write!(svg, "<dc:source>{}</dc:source>", escape_xml(&line));
    }
    svg.push_str("</rdf:Description></rdf:RDF></metadata>\n");
}

/// The document's title: the export's title or the atlas's name, and the date.
pub fn document_title(scene: &Scene, options: &ExportOptions) -> String {
    match &options.title {
        Some(t) => format!("{t} — {}", scene.caption),
        None => format!("Caucasus Atlas — {}", scene.caption),
    }
}

// `i` and `j` run below `strokes.len()` (the loop's condition).
#[allow(clippy::indexing_slicing)]
fn write_map(
    svg: &mut String,
    scene: &Scene,
    projector: &Projector,
    layout: &Layout,
    theme: Theme,
) {
    let map = layout.map;
    // No clip path: what spills over the map's edge is covered by a paper
    // frame drawn after it. The picture is the same, and resvg draws a clip
    // by rendering the whole map into a second canvas and masking it, which
    // took a tenth of the export's time.
    svg.push_str("<g id=\"map\">\n");
    let view = projector.visible_map_rect();
    // Below half a pixel a vertex changes nothing visible.
    let min_step = 0.5 / layout.pixels_per_point;
    let origins = &scene.origins;
    let mut groups = LayerGroups::default();
    let mut d = String::new();
    for (i, fill) in scene.fills.iter().enumerate() {
        if !visible(&fill.bbox, &view) {
            continue;
        }
        d.clear();
        for ring in &fill.rings {
            path_data(&mut d, ring, projector, min_step, true);
        }
        if d.is_empty() {
            continue;
        }
        let origin = origins.get(&origins.fills, i);
        groups.enter(svg, origin, "areas");
        let _ = writeln!(
            svg,
            "<path{} fill-rule=\"evenodd\" {} d=\"{d}\"/>",
            data_id(origin),
            paint("fill", fill.color)
        );
    }
    // Consecutive strokes of one style and one feature become one path
    // (dashes restart at each subpath, as in the window where each line is
    // dashed on its own). SVG's default miter joins and butt caps, like
    // egui's lines; round ones look the same at these widths and take resvg
    // a third longer.
    let strokes: Vec<(usize, &crate::scene::Stroke)> = scene
        .strokes
        .iter()
        .enumerate()
        .filter(|(_, s)| visible(&s.bbox, &view))
        .collect();
    let mut i = 0;
    while i < strokes.len() {
        let (first_index, first) = strokes[i];
        let origin_index = origins.strokes.get(first_index);
        d.clear();
        let mut j = i;
        while j < strokes.len()
            && strokes[j].1.width == first.width
            && strokes[j].1.color == first.color
            && strokes[j].1.dash == first.dash
            && origins.strokes.get(strokes[j].0) == origin_index
        {
            path_data(&mut d, &strokes[j].1.path, projector, min_step, false);
            j += 1;
        }
        i = j;
        let dash = match first.dash {
            Some((on, off)) => format!(" stroke-dasharray=\"{on} {off}\""),
            None => String::new(),
        };
        let origin = origins.get(&origins.strokes, first_index);
        groups.enter(svg, origin, "lines");
        let _ = writeln!(
            svg,
            "<path{} fill=\"none\" {} stroke-width=\"{}\"{dash} d=\"{d}\"/>",
            data_id(origin),
            paint("stroke", first.color),
            first.width
        );
    }
    // The ghost is a group of its own, between the layers' lines and their
    // symbols.
    groups.close(svg);
    if let Some(ghost) = &scene.ghost {
        write_ghost(svg, ghost, projector, min_step, &view);
    }
    write_markers(svg, scene, projector, &mut groups);
    write_labels(svg, scene, projector, &mut groups, theme);
    groups.close(svg);
    svg.push_str("</g>\n");
    let (page_w, page_h) = (layout.size.x, layout.size.y);
    let _ = writeln!(
        svg,
        "<path fill-rule=\"evenodd\" {} d=\"M0 0H{page_w:.2}V{page_h:.2}H0Z M{:.2} {:.2}H{:.2}V{:.2}H{:.2}Z\"/>",
        paint("fill", theme.paper()),
        map.min.x,
        map.min.y,
        map.max.x,
        map.max.y,
        map.min.x,
    );
    // A hairline frame around the map.
    let _ = writeln!(
        svg,
        "<rect x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{:.2}\" fill=\"none\" {} stroke-width=\"1\"/>",
        map.min.x + 0.5,
        map.min.y + 0.5,
        (map.width() - 1.0).max(0.0),
        (map.height() - 1.0).max(0.0),
        paint("stroke", theme.frame())
    );
}

/// The ghost's outlines as one dashed path in a group of their own.
fn write_ghost(
    svg: &mut String,
    ghost: &crate::scene::ghost::Ghost,
    projector: &Projector,
    min_step: f32,
    view: &geo::Rect<f64>,
) {
    let mut d = String::new();
    for stroke in ghost.strokes.iter().filter(|s| visible(&s.bbox, view)) {
        path_data(&mut d, &stroke.path, projector, min_step, false);
    }
    let (on, off) = crate::scene::ghost::GHOST_DASH;
    let _ = writeln!(
        svg,
        "<g id=\"ghost\" data-date=\"{}\"><path fill=\"none\" {} stroke-width=\"{}\" stroke-dasharray=\"{on} {off}\" d=\"{d}\"/></g>",
        ghost.date,
        paint("stroke", crate::scene::ghost::GHOST_COLOR),
        crate::scene::ghost::GHOST_WIDTH
    );
}

fn write_markers(svg: &mut String, scene: &Scene, projector: &Projector, groups: &mut LayerGroups) {
    let origins = &scene.origins;
    for (marker, p) in scene.markers_on_screen(projector) {
        let origin =
            position_in(&scene.markers, marker).and_then(|i| origins.get(&origins.markers, i));
        groups.enter(svg, origin, "symbols");
        // A symbol may be two shapes: one group carries the feature's id.
        let _ = writeln!(svg, "<g{}>", data_id(origin));
        write_symbol(svg, marker.symbol, p, marker.radius, marker.color);
        svg.push_str("</g>\n");
    }
}

/// The `<g>` of each layer in the map: a layer's first group is
/// `id="LAYER"`, its later ones (its lines, symbols or labels, drawn over
/// other layers' areas) `id="LAYER-lines"` and so on; every id is unique and
/// every group says its layer in `data-layer`.
#[derive(Default)]
struct LayerGroups {
    /// The open group's layer and pass.
    open: Option<(String, &'static str)>,
    /// The ids given so far.
    used: std::collections::HashSet<String>,
    /// The layers that have had a group.
    seen: std::collections::HashSet<String>,
}

impl LayerGroups {
    /// Makes sure the open group is that of `origin`'s layer in `pass`.
    fn enter(&mut self, svg: &mut String, origin: Option<&Origin>, pass: &'static str) {
        let layer = origin.map_or("other", |o| o.layer.as_str());
        if self
            .open
            .as_ref()
            .is_some_and(|(l, p)| l == layer && *p == pass)
        {
            return;
        }
        self.close(svg);
        let name = xml_name(layer);
        let base = if self.seen.insert(layer.to_string()) {
            name
        } else {
            format!("{name}-{pass}")
        };
        let mut id = base.clone();
        let mut n = 2;
        while !self.used.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let _ = writeln!(
            svg,
            "<g id=\"{}\" data-layer=\"{}\">",
            escape_xml(&id),
            escape_xml(layer)
        );
        self.open = Some((layer.to_string(), pass));
    }

    /// Closes the open group, if any.
    fn close(&mut self, svg: &mut String) {
        if self.open.take().is_some() {
            svg.push_str("</g>\n");
        }
    }
}

/// A layer name made into an XML name for an `id`: letters, digits, `-`,
/// `_` and `.` are kept, anything else becomes `-`, and a name that does not
/// start with a letter or `_` is prefixed with `layer-`.
fn xml_name(layer: &str) -> String {
    let mut name: String = layer
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    if !name.starts_with(|c: char| c.is_alphabetic() || c == '_') {
        name.insert_str(0, "layer-");
    }
    name
}

/// ` data-id="ID"` for what a feature draws, else nothing.
fn data_id(origin: Option<&Origin>) -> String {
    match origin.and_then(|o| o.feature.as_deref()) {
        Some(id) => format!(" data-id=\"{}\"", escape_xml(id)),
        None => String::new(),
    }
}

/// One point symbol at `p`, shaped as in the window (`app::scene_painter::marker_shapes`).
fn write_symbol(svg: &mut String, symbol: Symbol, p: Pos2, r: f32, color: Color32) {
    let fill = paint("fill", color);
    let white = paint("fill", Color32::WHITE);
    let outline = "stroke=\"#ffffff\" stroke-width=\"1\"";
    let polygon = |svg: &mut String, points: &[Vec2]| {
        svg.push_str("<path d=\"");
        for (i, v) in points.iter().enumerate() {
            svg.push(if i == 0 { 'M' } else { 'L' });
            num(svg, p.x + v.x);
            svg.push(' ');
            num(svg, p.y + v.y);
        }
        let _ = writeln!(svg, "Z\" {fill} {outline}/>");
    };
    match symbol {
        Symbol::Town => {
            let _ = writeln!(
                svg,
                "<circle cx=\"{:.2}\" cy=\"{:.2}\" r=\"{r}\" {fill}/>",
                p.x, p.y
            );
        }
        Symbol::Capital => {
            let _ = writeln!(
                svg,
                "<circle cx=\"{x:.2}\" cy=\"{y:.2}\" r=\"{r}\" {white} {} stroke-width=\"1.5\"/><circle cx=\"{x:.2}\" cy=\"{y:.2}\" r=\"{:.2}\" {fill}/>",
                paint("stroke", color),
                r * 0.45,
                x = p.x,
                y = p.y,
            );
        }
        Symbol::Base => {
            // The white outline lies outside the square, as in the window.
            let _ = writeln!(
                svg,
                "<rect x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{:.2}\" {white}/><rect x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{:.2}\" {fill}/>",
                p.x - r - 1.0,
                p.y - r - 1.0,
                2.0 * r + 2.0,
                2.0 * r + 2.0,
                p.x - r,
                p.y - r,
                2.0 * r,
                2.0 * r
            );
        }
        Symbol::Post => polygon(
            svg,
            &[
                Vec2::new(0.0, -r * 1.2),
                Vec2::new(r * 1.1, r * 0.8),
                Vec2::new(-r * 1.1, r * 0.8),
            ],
        ),
        Symbol::Mission => {
            let _ = writeln!(
                svg,
                "<circle cx=\"{:.2}\" cy=\"{:.2}\" r=\"{r}\" {white} {} stroke-width=\"2\"/>",
                p.x,
                p.y,
                paint("stroke", color)
            );
        }
        Symbol::Event => {
            let k = r * 1.3;
            polygon(
                svg,
                &[
                    Vec2::new(0.0, -k),
                    Vec2::new(k, 0.0),
                    Vec2::new(0.0, k),
                    Vec2::new(-k, 0.0),
                ],
            )
        }
    }
}

fn write_labels(
    svg: &mut String,
    scene: &Scene,
    projector: &Projector,
    groups: &mut LayerGroups,
    theme: Theme,
) {
    let halo = paint("fill", theme.halo());
    let origins = &scene.origins;
    for placed in place_labels(scene, projector) {
        let label = placed.label;
        let origin =
            position_in(&scene.labels, label).and_then(|i| origins.get(&origins.labels, i));
        groups.enter(svg, origin, "labels");
        let id = data_id(origin);
        let rect = placed.rect;
        let (x, baseline) = (rect.min.x, rect.center().y + 0.36 * label.size);
        // Sea names lean like italics (the bundled fonts have no italic face,
        // so the skew is explicit, as egui draws its italics).
        let (position, halo_rect) = if label.style == LabelStyle::Sea {
            (
                format!("transform=\"translate({x:.2} {baseline:.2}) skewX(-12)\""),
                String::new(),
            )
        } else {
            (
                format!("x=\"{x:.2}\" y=\"{baseline:.2}\""),
                format!(
                    "<rect{id} x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{:.2}\" rx=\"2\" {halo}/>",
                    x - 2.0,
                    rect.min.y,
                    rect.width() + 4.0,
                    rect.height()
                ),
            )
        };
        if let Some([a, b]) = placed.leader {
            let _ = writeln!(
                svg,
                "<path{id} d=\"M{:.2} {:.2}L{:.2} {:.2}\" fill=\"none\" {} stroke-width=\"0.8\"/>",
                a.x,
                a.y,
                b.x,
                b.y,
                paint("stroke", label.color)
            );
        }
        let _ = writeln!(
            svg,
            "{halo_rect}<text{id} {position} font-size=\"{}\" {}>{}</text>",
            label.size,
            paint("fill", label.color),
            escape_xml(&label.text)
        );
    }
}

/// A legend entry's sample, 22×14 points from `at`: a box, a line (dashed as
/// the Scene dashes that colour) or the point symbol.
fn write_swatch(svg: &mut String, scene: &Scene, entry: &LegendEntry, at: Pos2) {
    let color = entry.color;
    match entry.swatch {
        Swatch::Area => {
            let _ = writeln!(
                svg,
                "<rect x=\"{:.2}\" y=\"{:.2}\" width=\"22\" height=\"14\" {} {} stroke-width=\"0.8\"/>",
                at.x,
                at.y,
                paint("fill", color),
                paint("stroke", style::mix(color, style::BORDER, 0.6))
            );
        }
        Swatch::Line { dashed, width } => {
            let dash = if dashed {
                let (on, off) = scene
                    .strokes
                    .iter()
                    .find(|s| s.color == color && s.dash.is_some())
                    .and_then(|s| s.dash)
                    .unwrap_or((4.0, 3.0));
                format!(" stroke-dasharray=\"{on} {off}\"")
            } else {
                String::new()
            };
            let _ = writeln!(
                svg,
                "<path d=\"M{:.2} {:.2}h22\" fill=\"none\" {} stroke-width=\"{}\"{dash}/>",
                at.x,
                at.y + 7.0,
                paint("stroke", color),
                width.max(0.8)
            );
        }
        Swatch::Symbol(symbol) => {
            write_symbol(svg, symbol, at + Vec2::new(11.0, 7.0), 4.5, color);
        }
        Swatch::Hatched(lines) => {
            let _ = writeln!(
                svg,
                "<rect x=\"{:.2}\" y=\"{:.2}\" width=\"22\" height=\"14\" {}/>",
                at.x,
                at.y,
                paint("fill", color),
            );
            for [a, b] in crate::scene::swatch_hatch(22.0, 14.0, 4.0) {
                let _ = writeln!(
                    svg,
                    "<path d=\"M{:.2} {:.2}L{:.2} {:.2}\" fill=\"none\" {} stroke-width=\"0.9\"/>",
                    at.x + a.0,
                    at.y + a.1,
                    at.x + b.0,
                    at.y + b.1,
                    paint("stroke", lines)
                );
            }
            let _ = writeln!(
                svg,
                "<rect x=\"{:.2}\" y=\"{:.2}\" width=\"22\" height=\"14\" fill=\"none\" {} stroke-width=\"0.8\"/>",
                at.x,
                at.y,
                paint("stroke", style::mix(color, style::BORDER, 0.6))
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_characters() {
        assert_eq!(
            escape_xml("A & B <c> \"d\" 'e'"),
            "A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;"
        );
    }

    #[test]
    fn characters_xml_cannot_hold_are_replaced_or_dropped() {
        assert_eq!(
            escape_xml("a\u{0}b\u{1b}c\rd\u{7f}e\u{85}f\u{fffe}g\u{ffff}h\u{10ffff}i\tj\nk"),
            "a b c d e fghi\tj\nk"
        );
    }

    #[test]
    fn numbers_are_short() {
        let mut s = String::new();
        for v in [1.0, 1.5, 1.25, -0.004, -2.5, 1234.567] {
            num(&mut s, v);
            s.push(' ');
        }
        assert_eq!(s, "1 1.5 1.25 0 -2.5 1234.57 ");
    }

    #[test]
    fn wrapping_keeps_every_word_within_the_width() {
        let lines = wrap(
            "Organization for Security and Co-operation in Europe Minsk Group report",
            10.0,
            120.0,
        );
        assert!(lines.len() > 1);
        assert!(
            lines.iter().all(|l| text_width(l, 10.0) <= 120.0),
            "{lines:?}"
        );
        assert_eq!(
            lines.join(" "),
            "Organization for Security and Co-operation in Europe Minsk Group report"
        );
    }

    #[test]
    fn armenian_and_georgian_text_has_width() {
        assert!(text_width("Ստեփանակերտ", 12.0) > 50.0);
        assert!(text_width("თბილისი", 12.0) > 30.0);
    }

    #[test]
    fn a_16_by_9_page_of_any_size_has_the_same_layout_in_points() {
        let o = ExportOptions::default();
        let a = Layout::new(1920, 1080, &o, None);
        let b = Layout::new(3840, 2160, &o, None);
        assert_eq!(a.map, b.map);
        assert_eq!(b.pixels_per_point, 2.0);
        assert!(a.panel.is_some() && a.footer.is_some());
        assert!(!a.map.intersects(a.panel.unwrap().shrink(0.5)));
        let bare = Layout::new(800, 600, &ExportOptions::map_only(), Some(1.0));
        assert_eq!(
            bare.map,
            Rect::from_min_size(Pos2::ZERO, Vec2::new(800.0, 600.0))
        );
    }
}
