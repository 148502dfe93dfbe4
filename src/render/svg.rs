//! Writes a Scene as SVG: the map framed by its viewport, drawn with the same
//! visual decisions as the window (`app::scene_painter`), and around it — never over
//! it — a panel with the title, date, legend, scale bar and sources, and an
//! attribution line underneath.
//!
//! Everything is laid out in points; the root element maps the points to the
//! requested pixels (`pixels_per_point`), the way the window does on a HiDPI
//! screen, so a 3840×2160 export looks like a 1920×1080 one at twice the detail.

mod compare_block;

use std::fmt::Write as _;
use std::sync::OnceLock;

use ecolor::Color32;
use emath::{Pos2, Rect, Vec2};

use crate::scene::labels::place_labels;
use crate::scene::scale_bar::scale_bar;
use crate::scene::style;
use crate::scene::{LegendEntry, Scene, Swatch, Symbol};
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
    /// One line under the map crediting the base data and the atlas.
    pub attribution: bool,
    /// The sources of what is drawn (the Scene's credits).
    pub sources: bool,
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
        }
    }

    fn wants_panel(&self) -> bool {
        self.title.is_some() || self.legend || self.caption || self.scale_bar || self.sources
    }
}

/// The base-data credit shown on the attribution line.
pub const ATTRIBUTION: &str = "Caucasus Atlas · Borders: Natural Earth (public domain) · Places: GeoNames (CC BY 4.0) · Lambert conformal conic projection";

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
        let ppp = pixels_per_point
            .filter(|p| p.is_finite() && *p > 0.0)
            .unwrap_or_else(|| auto_pixels_per_point(width_px, height_px));
        let size = Vec2::new(width_px as f32 / ppp, height_px as f32 / ppp);
        let page = Rect::from_min_size(Pos2::ZERO, size);
        let mut rest = page;
        let footer_height = 22.0;
        // A page too small for the furniture shows the map alone.
        let footer = (options.attribution && size.y >= 4.0 * footer_height).then(|| {
            let f = Rect::from_min_max(Pos2::new(0.0, size.y - footer_height), size.to_pos2());
            rest.max.y = f.min.y;
            f
        });
        let panel = if !options.wants_panel() {
            None
        } else if size.x >= size.y {
            let w = (size.x * 0.2).clamp(240.0, 400.0);
            (size.x >= 2.0 * w).then(|| {
                let p = Rect::from_min_max(Pos2::new(rest.max.x - w, rest.min.y), rest.max);
                rest.max.x = p.min.x;
                p
            })
        } else {
            let h = (size.y * 0.3).clamp(220.0, 520.0);
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

/// Text widths from the bundled fonts' advances, so halos and wrapped lines
/// fit the text that resvg will draw with the same fonts.
struct Measure {
    faces: Vec<ttf_parser::Face<'static>>,
}

fn measure() -> &'static Measure {
    static FACES: OnceLock<Measure> = OnceLock::new();
    FACES.get_or_init(|| Measure {
        faces: super::fonts::BUNDLED_FONTS
            .iter()
            .filter_map(|(_, bytes)| ttf_parser::Face::parse(bytes, 0).ok())
            .collect(),
    })
}

/// The advance of one character in ems, from the first bundled font that has
/// it (half an em if none does).
fn char_advance(c: char) -> f32 {
    measure()
        .faces
        .iter()
        .find_map(|face| {
            let glyph = face.glyph_index(c)?;
            let advance = face.glyph_hor_advance(glyph)? as f32;
            Some(advance / face.units_per_em() as f32)
        })
        .unwrap_or(0.5)
}

/// The width of `text` at `size` points in the bundled fonts (no kerning).
pub fn text_width(text: &str, size: f32) -> f32 {
    text.chars().map(char_advance).sum::<f32>() * size
}

/// Breaks `text` into lines no wider than `max_width` (words longer than a
/// line are cut between characters). Widths are summed as it goes, so long
/// texts cost one lookup per character.
fn wrap(text: &str, size: f32, max_width: f32) -> Vec<String> {
    let limit = max_width / size;
    let space = char_advance(' ');
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    for word in text.split_whitespace() {
        let advances: Vec<f32> = word.chars().map(char_advance).collect();
        let word_width: f32 = advances.iter().sum();
        if line.is_empty() && word_width <= limit {
            line.push_str(word);
            line_width = word_width;
            continue;
        }
        if !line.is_empty() && line_width + space + word_width <= limit {
            line.push(' ');
            line.push_str(word);
            line_width += space + word_width;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line_width = 0.0;
        }
        // The word alone: cut it where it overflows.
        for (c, advance) in word.chars().zip(advances) {
            if !line.is_empty() && line_width + advance > limit {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
            line.push(c);
            line_width += advance;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

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
        "\" font-family=\"{}\">",
        escape_xml(FONT_FAMILIES).replace("&apos;", "'")
    );
    let _ = writeln!(
        svg,
        "<title>{}</title>",
        escape_xml(&document_title(scene, options))
    );
    // Every source, even those the panel has no room for.
    let _ = writeln!(
        svg,
        "<desc>{}\nSources:\n{}</desc>",
        escape_xml(ATTRIBUTION),
        escape_xml(&credit_lines(scene).join("\n"))
    );
    let _ = writeln!(
        svg,
        "<rect width=\"100%\" height=\"100%\" {}/>",
        paint("fill", style::PAPER)
    );
    write_map(&mut svg, scene, projector, layout);
    if let Some(panel) = layout.panel {
        write_panel(&mut svg, scene, projector, panel, options);
    }
    if let Some(footer) = layout.footer {
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10.5\" {}>{}</text>",
            footer.min.x + 10.0,
            footer.center().y + 3.8,
            paint("fill", style::LABEL_MUTED),
            escape_xml(&fit_text(ATTRIBUTION, 10.5, footer.width() - 20.0))
        );
    }
    svg.push_str("</svg>\n");
    svg
}

fn document_title(scene: &Scene, options: &ExportOptions) -> String {
    match &options.title {
        Some(t) => format!("{t} — {}", scene.caption),
        None => format!("Caucasus Atlas — {}", scene.caption),
    }
}

/// `text`, shortened with an ellipsis to fit `max_width`.
fn fit_text(text: &str, size: f32, max_width: f32) -> String {
    if text_width(text, size) <= max_width {
        return text.to_string();
    }
    let mut cut: String = text.to_string();
    while !cut.is_empty() && text_width(&format!("{cut}…"), size) > max_width {
        cut.pop();
    }
    format!("{}…", cut.trim_end())
}

fn write_map(svg: &mut String, scene: &Scene, projector: &Projector, layout: &Layout) {
    let map = layout.map;
    // No clip path: what spills over the map's edge is covered by a paper
    // frame drawn after it. The picture is the same, and resvg draws a clip
    // by rendering the whole map into a second canvas and masking it, which
    // took a tenth of the export's time.
    svg.push_str("<g id=\"map\">\n");
    let view = projector.visible_map_rect();
    // Below half a pixel a vertex changes nothing visible.
    let min_step = 0.5 / layout.pixels_per_point;
    let mut d = String::new();
    for fill in scene.fills.iter().filter(|f| visible(&f.bbox, &view)) {
        d.clear();
        for ring in &fill.rings {
            path_data(&mut d, ring, projector, min_step, true);
        }
        if d.is_empty() {
            continue;
        }
        let _ = writeln!(
            svg,
            "<path fill-rule=\"evenodd\" {} d=\"{d}\"/>",
            paint("fill", fill.color)
        );
    }
    // Consecutive strokes of one style become one path (dashes restart at
    // each subpath, as in the window where each line is dashed on its own).
    // SVG's default miter joins and butt caps, like egui's lines; round ones
    // look the same at these widths and take resvg a third longer.
    let strokes: Vec<_> = scene
        .strokes
        .iter()
        .filter(|s| visible(&s.bbox, &view))
        .collect();
    let mut i = 0;
    while i < strokes.len() {
        let first = strokes[i];
        d.clear();
        let mut j = i;
        while j < strokes.len()
            && strokes[j].width == first.width
            && strokes[j].color == first.color
            && strokes[j].dash == first.dash
        {
            path_data(&mut d, &strokes[j].path, projector, min_step, false);
            j += 1;
        }
        i = j;
        let dash = match first.dash {
            Some((on, off)) => format!(" stroke-dasharray=\"{on} {off}\""),
            None => String::new(),
        };
        let _ = writeln!(
            svg,
            "<path fill=\"none\" {} stroke-width=\"{}\"{dash} d=\"{d}\"/>",
            paint("stroke", first.color),
            first.width
        );
    }
    write_markers(svg, scene, projector);
    write_labels(svg, scene, projector);
    svg.push_str("</g>\n");
    let (page_w, page_h) = (layout.size.x, layout.size.y);
    let _ = writeln!(
        svg,
        "<path fill-rule=\"evenodd\" {} d=\"M0 0H{page_w:.2}V{page_h:.2}H0Z M{:.2} {:.2}H{:.2}V{:.2}H{:.2}Z\"/>",
        paint("fill", style::PAPER),
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
        paint("stroke", style::ADMIN1)
    );
}

fn write_markers(svg: &mut String, scene: &Scene, projector: &Projector) {
    for (marker, p) in scene.markers_on_screen(projector) {
        write_symbol(svg, marker.symbol, p, marker.radius, marker.color);
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

fn write_labels(svg: &mut String, scene: &Scene, projector: &Projector) {
    let halo = paint("fill", style::HALO);
    for placed in place_labels(&scene.labels, projector) {
        let label = placed.label;
        let width = text_width(&label.text, label.size);
        let height = label.size * 1.25;
        let x = placed.rect.min.x;
        let cy = placed.rect.center().y;
        let _ = writeln!(
            svg,
            "<rect x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{:.2}\" rx=\"2\" {halo}/><text x=\"{x:.2}\" y=\"{:.2}\" font-size=\"{}\" {}>{}</text>",
            x - 2.0,
            cy - height / 2.0,
            width + 4.0,
            height,
            cy + 0.36 * label.size,
            label.size,
            paint("fill", label.color),
            escape_xml(&label.text)
        );
    }
}

/// Where the panel's next block goes: its column and how far down it is.
struct PanelColumn<'a> {
    svg: &'a mut String,
    left: f32,
    width: f32,
    bottom: f32,
    y: f32,
}

impl PanelColumn<'_> {
    /// One line of text with its baseline at `y`.
    fn text(&mut self, x: f32, y: f32, size: f32, color: Color32, s: &str) {
        let _ = writeln!(
            self.svg,
            "<text x=\"{x:.2}\" y=\"{y:.2}\" font-size=\"{size}\" {}>{}</text>",
            paint("fill", color),
            escape_xml(s)
        );
    }

    /// A block's small heading.
    fn heading(&mut self, s: &str) {
        self.y += 10.0;
        let (left, y) = (self.left, self.y);
        self.text(left, y + 11.0, 11.0, style::LABEL_MUTED, s);
        self.y += 18.0;
    }

    /// Whether `height` more points fit above the bottom.
    fn fits(&self, height: f32) -> bool {
        self.y + height <= self.bottom
    }
}

/// Writes the panel's blocks top to bottom; the sources fill what is left.
fn write_panel(
    svg: &mut String,
    scene: &Scene,
    projector: &Projector,
    panel: Rect,
    options: &ExportOptions,
) {
    let _ = writeln!(
        svg,
        "<rect x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{:.2}\" fill=\"#fbfaf6\"/>",
        panel.min.x,
        panel.min.y,
        panel.width(),
        panel.height()
    );
    let pad = 18.0;
    let mut column = PanelColumn {
        svg,
        left: panel.min.x + pad,
        width: panel.width() - 2.0 * pad,
        bottom: panel.max.y - pad,
        y: panel.min.y + pad,
    };
    write_title_block(&mut column, scene, options);
    if let Some(table) = &scene.compare {
        compare_block::write_compare_block(&mut column, scene, table);
    }
    if options.legend && !scene.legend.is_empty() {
        write_legend_block(&mut column, scene);
    }
    if options.scale_bar && column.fits(60.0) {
        write_scale_block(&mut column, projector);
    }
    if options.sources && !scene.credits.is_empty() && column.fits(50.0) {
        column.heading("Sources");
        let PanelColumn {
            svg,
            left,
            width,
            bottom,
            y,
        } = column;
        write_sources(svg, scene, left, width, y, bottom);
    }
}

/// The title (wrapped) and the date caption, as asked for.
fn write_title_block(column: &mut PanelColumn<'_>, scene: &Scene, options: &ExportOptions) {
    let left = column.left;
    if let Some(title) = &options.title {
        for line in wrap(title, 22.0, column.width) {
            let y = column.y;
            column.text(left, y + 22.0, 22.0, style::LABEL, &line);
            column.y += 29.0;
        }
    }
    if options.caption {
        let y = column.y;
        column.text(left, y + 19.0, 19.0, style::LABEL, &scene.caption);
        column.y += 28.0;
        if let Some(note) = &scene.data_note {
            let y = column.y;
            column.text(left, y + 2.0, 11.0, style::LABEL_MUTED, note);
            column.y += 14.0;
        }
    }
}

/// The legend: a swatch and the wrapped text of each entry, while they fit.
fn write_legend_block(column: &mut PanelColumn<'_>, scene: &Scene) {
    column.heading("Legend");
    let left = column.left;
    for entry in &scene.legend {
        let lines = wrap(&entry.text, 12.5, column.width - 30.0);
        if !column.fits(18.0 * lines.len() as f32) {
            break;
        }
        write_swatch(column.svg, scene, entry, Pos2::new(left, column.y + 2.0));
        for line in &lines {
            let y = column.y;
            column.text(left + 30.0, y + 13.0, 12.5, style::LABEL, line);
            column.y += 18.0;
        }
        column.y += 3.0;
    }
}

/// A scale bar of four alternating segments with 0, half and full lengths.
fn write_scale_block(column: &mut PanelColumn<'_>, projector: &Projector) {
    column.heading("Scale");
    let (left, y) = (column.left, column.y);
    // The same choice of round length as the window's scale bar.
    let (km, length) = scale_bar(
        projector.km_per_point(),
        (column.width - 40.0).min(200.0) as f64,
    );
    let length = length as f32;
    if km <= 0.0 || !length.is_finite() {
        return;
    }
    for k in 0..4 {
        let x = left + length * k as f32 / 4.0;
        let color = if k % 2 == 0 {
            style::LABEL
        } else {
            Color32::WHITE
        };
        let _ = writeln!(
            column.svg,
            "<rect x=\"{x:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"5\" {} {} stroke-width=\"0.8\"/>",
            y + 2.0,
            length / 4.0,
            paint("fill", color),
            paint("stroke", style::LABEL)
        );
    }
    for (x, s) in [
        (left, "0".to_string()),
        (left + length / 2.0, format_km(km / 2.0)),
        (left + length, format!("{} km", format_km(km))),
    ] {
        let _ = writeln!(
            column.svg,
            "<text x=\"{x:.2}\" y=\"{:.2}\" font-size=\"10.5\" text-anchor=\"middle\" {}>{}</text>",
            y + 20.0,
            paint("fill", style::LABEL),
            escape_xml(&s)
        );
    }
    column.y += 28.0;
}

fn format_km(km: f64) -> String {
    if km.fract() == 0.0 {
        format!("{km:.0}")
    } else {
        let s = format!("{km:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
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

/// The credits as wrapped lines, shrunk to fit the space left; if they still
/// do not fit, the last line says how many were left out.
fn write_sources(svg: &mut String, scene: &Scene, left: f32, width: f32, top: f32, bottom: f32) {
    let entries: Vec<String> = scene
        .credits
        .iter()
        .map(|c| match &c.url {
            Some(url) => format!("{} — {}", c.title, short_url(url)),
            None => c.title.clone(),
        })
        .collect();
    let layout = |size: f32| -> Vec<Vec<String>> {
        entries.iter().map(|e| wrap(e, size, width - 8.0)).collect()
    };
    let fits = |lines: &[Vec<String>], size: f32| {
        let line_height = size * 1.3;
        let total: f32 = lines
            .iter()
            .map(|l| l.len() as f32 * line_height + size * 0.35)
            .sum();
        top + total <= bottom
    };
    let mut size = 10.5;
    let mut lines = layout(size);
    while size > 7.5 && !fits(&lines, size) {
        size -= 0.5;
        lines = layout(size);
    }
    let line_height = size * 1.3;
    let mut y = top;
    let muted = paint("fill", style::LABEL_MUTED);
    for (k, entry) in lines.iter().enumerate() {
        let needed = entry.len() as f32 * line_height + size * 0.35;
        // Keep room for the "more" line unless this is the last entry.
        let reserve = if k + 1 < lines.len() {
            line_height
        } else {
            0.0
        };
        if y + needed + reserve > bottom {
            let _ = writeln!(
                svg,
                "<text x=\"{left:.2}\" y=\"{:.2}\" font-size=\"{size}\" {muted}>{}</text>",
                y + size,
                escape_xml(&format!(
                    "… and {} more (all are listed in the file’s metadata)",
                    lines.len() - k
                ))
            );
            return;
        }
        for (i, line) in entry.iter().enumerate() {
            let x = if i == 0 { left } else { left + 8.0 };
            let _ = writeln!(
                svg,
                "<text x=\"{x:.2}\" y=\"{:.2}\" font-size=\"{size}\" {muted}>{}</text>",
                y + size,
                escape_xml(line)
            );
            y += line_height;
        }
        y += size * 0.35;
    }
}

/// Every credit of the Scene as "title — full address", one per line.
pub fn credit_lines(scene: &Scene) -> Vec<String> {
    scene
        .credits
        .iter()
        .map(|c| match &c.url {
            Some(url) => format!("{} — {url}", c.title),
            None => c.title.clone(),
        })
        .collect()
}

/// An address without its scheme and `www.`, which every reader supplies.
fn short_url(url: &str) -> &str {
    let s = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let s = s.strip_prefix("www.").unwrap_or(s);
    s.strip_suffix('/').unwrap_or(s)
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
