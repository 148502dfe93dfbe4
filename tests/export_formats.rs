//! Export formats: the extension names the format (and nothing else is
//! written), PDF pages on paper, SVG grouped by layer with each feature's id,
//! JPEG and WebP, the alt text in every file, themes and presets.

mod common;

use std::collections::HashSet;
use std::path::Path;
use std::sync::OnceLock;

use caucasus_atlas::data::AtlasData;
use caucasus_atlas::render::export::{ExportRequest, Format, export_to_file, render_bytes};
use caucasus_atlas::render::paper::{Orientation, Paper, PaperPage};
use caucasus_atlas::scene::theme::Theme;
use caucasus_atlas::time::Date;
use common::atlas;

fn data() -> &'static AtlasData {
    static DATA: OnceLock<AtlasData> = OnceLock::new();
    DATA.get_or_init(|| AtlasData::load(None))
}

fn request(format: Format) -> ExportRequest {
    let mut request = ExportRequest::new("2020-11-10".parse::<Date>().unwrap());
    request.width = 480;
    request.height = 320;
    request.format = format;
    request
}

fn bytes(request: &ExportRequest) -> Vec<u8> {
    let d = data();
    render_bytes(&d.atlas, &d.projected, request).unwrap()
}

#[test]
fn an_extension_that_is_not_the_format_written_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = data();
    // The window's path field can say .jpg while PNG is chosen: no PNG data
    // goes into a .jpg, and nothing is left behind.
    let path = dir.path().join("map.jpg");
    let e = export_to_file(&d.atlas, &d.projected, &request(Format::Png), &path).unwrap_err();
    assert!(e.0.contains("map.jpg") && e.0.contains(".png"), "{e}");
    let path = dir.path().join("map.tiff");
    let e = export_to_file(&d.atlas, &d.projected, &request(Format::Png), &path).unwrap_err();
    assert!(e.0.contains(".tiff, which is not a map format"), "{e}");
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());
}

#[test]
fn the_command_line_names_an_unsupported_extension() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.heic");
    let (code, stdout, err) = atlas(&[
        "export",
        "--date",
        "2020-11-10",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_ne!(code, 0);
    assert!(stdout.is_empty());
    assert!(err.contains(".heic") && err.contains(".webp"), "{err}");
}

/// A PDF's bytes as text (its objects are text; streams come out garbled).
fn pdf_strings(pdf: &[u8]) -> String {
    String::from_utf8_lossy(pdf).to_string()
}

/// The page's width and height in points, from its `/MediaBox`.
fn page_size(pdf: &[u8]) -> (f32, f32) {
    let text = pdf_strings(pdf);
    let start = text.find("/MediaBox [").expect("a page box") + "/MediaBox [".len();
    let end = start + text[start..].find(']').unwrap();
    let v: Vec<f32> = text[start..end]
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    (v[2] - v[0], v[3] - v[1])
}

fn assert_page(pdf: &[u8], (w, h): (f32, f32)) {
    let (pw, ph) = page_size(pdf);
    assert!(
        (pw - w).abs() < 0.1 && (ph - h).abs() < 0.1,
        "{pw} × {ph}, not {w} × {h}"
    );
}

#[test]
fn a_pdf_on_a4_landscape_is_a_vector_page_with_text_and_metadata() {
    let mut r = request(Format::Pdf);
    r.paper = Some(PaperPage {
        paper: Paper::A4,
        orientation: Orientation::Landscape,
        margin_mm: 10.0,
    });
    let pdf = bytes(&r);
    let text = pdf_strings(&pdf);
    assert!(pdf.starts_with(b"%PDF-"));
    // A4 landscape: 841.89 × 595.28 points.
    assert_page(&pdf, (841.89, 595.28));
    assert!(
        text.contains("/FontFile2"),
        "text kept as text in embedded fonts"
    );
    assert!(!text.contains("/Subtype /Image"), "vector, not a picture");
    assert!(text.contains("/Subject") && text.contains("/Sources"));
    // Portrait swaps the sides; Letter is 612 × 792.
    r.paper = Some(PaperPage {
        paper: Paper::Letter,
        orientation: Orientation::Portrait,
        margin_mm: 0.0,
    });
    assert_page(&bytes(&r), (612.0, 792.0));
}

#[test]
fn a_png_on_paper_has_the_sheets_pixels_at_the_dpi() {
    let mut r = request(Format::Png);
    r.paper = Some(PaperPage {
        paper: Paper::A4,
        orientation: Orientation::Portrait,
        margin_mm: 15.0,
    });
    r.dpi = Some(100.0);
    let png = bytes(&r);
    let decoder = png::Decoder::new(std::io::Cursor::new(&png));
    let reader = decoder.read_info().unwrap();
    // 210 × 297 mm at 100 dpi.
    assert_eq!((reader.info().width, reader.info().height), (827, 1169));
    r.dpi = Some(5000.0);
    let d = data();
    assert!(
        render_bytes(&d.atlas, &d.projected, &r)
            .unwrap_err()
            .0
            .contains("5000 dpi")
    );
}

#[test]
fn the_svg_groups_each_layer_and_carries_each_features_id() {
    let svg = String::from_utf8(bytes(&request(Format::Svg))).unwrap();
    let doc = roxmltree::Document::parse(&svg).expect("well-formed");
    let ids: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("id"))
        .collect();
    let unique: HashSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "ids are unique: {ids:?}");
    for layer in [
        "countries",
        "control",
        "places",
        "russian-forces",
        "corridor",
    ] {
        let group = doc
            .descendants()
            .find(|n| n.has_tag_name("g") && n.attribute("id") == Some(layer))
            .unwrap_or_else(|| panic!("no <g id=\"{layer}\"> in {ids:?}"));
        assert!(
            group
                .descendants()
                .any(|n| n.attribute("data-id").is_some()),
            "{layer}'s elements carry their feature's id"
        );
    }
    // Every element with a feature id lies in its layer's group, and places
    // are text (not outlines).
    let data_ids: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("data-id"))
        .collect();
    assert!(data_ids.len() > 50, "{} feature elements", data_ids.len());
    let yerevan = doc
        .descendants()
        .find(|n| n.has_tag_name("text") && n.text() == Some("Yerevan"))
        .expect("Yerevan is a text element");
    assert!(yerevan.attribute("data-id").is_some());
    let group = yerevan.ancestors().find(|n| n.has_tag_name("g")).unwrap();
    assert_eq!(group.attribute("data-layer"), Some("places"));
}

#[test]
fn text_as_paths_leaves_no_text_but_keeps_the_picture() {
    let mut r = request(Format::Svg);
    r.text_as_paths = true;
    let svg = String::from_utf8(bytes(&r)).unwrap();
    let doc = roxmltree::Document::parse(&svg).expect("well-formed");
    assert!(!doc.descendants().any(|n| n.has_tag_name("text")));
    assert!(doc.descendants().filter(|n| n.has_tag_name("path")).count() > 100);
    let mut r = request(Format::Pdf);
    r.text_as_paths = true;
    assert!(!pdf_strings(&bytes(&r)).contains("/FontFile"));
}

#[test]
fn jpeg_and_webp_exports_are_real_files_of_the_asked_size() {
    let dir = tempfile::tempdir().unwrap();
    let d = data();
    let jpg = dir.path().join("map.jpeg");
    export_to_file(&d.atlas, &d.projected, &request(Format::Jpeg), &jpg).unwrap();
    let bytes = std::fs::read(&jpg).unwrap();
    assert_eq!(&bytes[..3], &[0xFF, 0xD8, 0xFF]);
    let image = image::load_from_memory_with_format(&bytes, image::ImageFormat::Jpeg).unwrap();
    assert_eq!((image.width(), image.height()), (480, 320));
    // The alt text rides in XMP (dc:description).
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">Map of the South Caucasus on 10 November 2020."));
    let webp = dir.path().join("map.webp");
    export_to_file(&d.atlas, &d.projected, &request(Format::Webp), &webp).unwrap();
    let bytes = std::fs::read(&webp).unwrap();
    assert_eq!((&bytes[..4], &bytes[8..12]), (&b"RIFF"[..], &b"WEBP"[..]));
    let decoder = image_webp::WebPDecoder::new(std::io::Cursor::new(&bytes)).unwrap();
    assert_eq!(decoder.dimensions(), (480, 320));
    assert!(
        String::from_utf8_lossy(&bytes).contains("Map of the South Caucasus on 10 November 2020.")
    );
}

/// The text of a PNG's `Description` chunk.
fn png_description(png: &[u8]) -> String {
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let reader = decoder.read_info().unwrap();
    let info = reader.info();
    let itxt = info
        .utf8_text
        .iter()
        .find(|c| c.keyword == "Description")
        .map(|c| c.get_text().unwrap());
    itxt.expect("a Description chunk")
}

#[test]
fn every_export_carries_the_same_alt_text() {
    let d = data();
    let r = request(Format::Png);
    let alt = caucasus_atlas::render::export::render_alt_text(&d.atlas, &d.projected, &r).unwrap();
    assert!(
        alt.starts_with("Map of the South Caucasus on 10 November 2020."),
        "{alt}"
    );
    assert!(alt.contains("Areas held by"), "{alt}");
    assert!(
        alt.contains("Azerbaijan") && alt.contains("Armenia"),
        "{alt}"
    );
    assert!(alt.contains("The Lachin corridor is open."), "{alt}");
    assert!(alt.contains("Russian"), "the peacekeepers' posts: {alt}");
    assert_eq!(png_description(&bytes(&r)), alt);
    let svg = String::from_utf8(bytes(&request(Format::Svg))).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let desc = doc.descendants().find(|n| n.has_tag_name("desc")).unwrap();
    assert!(desc.text().unwrap().starts_with(&alt));
    assert!(doc.descendants().any(|n| n.has_tag_name("title")));
    // The command line prints it alone on stdout.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.png");
    let (code, stdout, err) = atlas(&[
        "export",
        "--date",
        "2020-11-10",
        "--width",
        "480",
        "--height",
        "320",
        "--out",
        out.to_str().unwrap(),
        "--alt-text",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(stdout.trim_end(), alt);
    assert!(err.contains("wrote"), "{err}");
}

#[test]
fn the_alt_text_follows_the_date() {
    let d = data();
    let alt_on = |day: &str| {
        let mut r = request(Format::Png);
        r.date = day.parse().unwrap();
        caucasus_atlas::render::export::render_alt_text(&d.atlas, &d.projected, &r).unwrap()
    };
    let alt = alt_on("1995-06-01");
    assert!(
        alt.starts_with("Map of the South Caucasus on 1 June 1995."),
        "{alt}"
    );
    // After the 1994 ceasefire: the de facto republic holds areas, with a line of contact.
    assert!(alt.contains("Nagorno-Karabakh Republic"), "{alt}");
    assert!(alt.contains("Line of contact"), "{alt}");
    // On 1 January 2024, after September 2023, neither is drawn.
    let alt = alt_on("2024-01-01");
    assert!(!alt.contains("Nagorno-Karabakh Republic"), "{alt}");
    assert!(!alt.contains("Line of contact"), "{alt}");
    assert!(
        alt.contains("Areas held by Armenia, Azerbaijan, Georgia"),
        "{alt}"
    );
}

/// The share of pixels darker than half grey.
fn dark_share(png: &[u8]) -> f32 {
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let px = &buf[..info.buffer_size()];
    let dark = px
        .chunks_exact(4)
        .filter(|p| (p[0] as u32 + p[1] as u32 + p[2] as u32) < 384)
        .count();
    dark as f32 / (px.len() / 4) as f32
}

#[test]
fn the_dark_theme_darkens_the_page_and_print_has_no_hairlines() {
    let mut r = request(Format::Png);
    let light = dark_share(&bytes(&r));
    r.include.theme = Theme::Dark;
    let dark = dark_share(&bytes(&r));
    assert!(light < 0.2 && dark > 0.5, "light {light}, dark {dark}");
    let mut r = request(Format::Svg);
    r.include.theme = Theme::Print;
    let svg = String::from_utf8(bytes(&r)).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let map = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("map"))
        .unwrap();
    let thinnest = map
        .descendants()
        .filter_map(|n| n.attribute("stroke-width"))
        .filter_map(|w| w.parse::<f32>().ok())
        .fold(f32::INFINITY, f32::min);
    assert!(thinnest >= 0.5, "a {thinnest} pt line in print");
}

#[test]
fn presets_and_paper_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let run = |name: &str, extra: &[&str]| -> (i32, String, String, std::path::PathBuf) {
        let out = dir.path().join(name);
        let mut args = vec![
            "export",
            "--date",
            "2020-11-10",
            "--out",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        let (code, stdout, err) = atlas(&args);
        (code, stdout, err, out)
    };
    let (code, stdout, err, out) = run("web.png", &["--preset", "web-16x9"]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("1200×675"), "{stdout}");
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&out).unwrap()));
    let reader = decoder.read_info().unwrap();
    assert_eq!((reader.info().width, reader.info().height), (1200, 675));
    let (code, stdout, err, out) = run(
        "print.pdf",
        &[
            "--paper",
            "a3",
            "--orientation",
            "portrait",
            "--margin-mm",
            "12",
            "--theme",
            "print",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("A3 portrait PDF"), "{stdout}");
    assert_page(&std::fs::read(out).unwrap(), (841.89, 1190.55));
    let (code, _, err, _) = run("bad.pdf", &["--paper", "b5"]);
    assert_ne!(code, 0);
    assert!(err.contains("\"b5\""), "{err}");
    let (code, _, err, _) = run("bad2.pdf", &["--orientation", "portrait"]);
    assert_ne!(code, 0, "--orientation needs --paper: {err}");
    let (code, _, err, _) = run("bad3.png", &["--theme", "sepia"]);
    assert_ne!(code, 0);
    assert!(err.contains("\"sepia\""), "{err}");
    assert!(!Path::new(&dir.path().join("bad.pdf")).exists());
}

/// The texts of an SVG's `<text>` elements and their type sizes.
fn svg_texts(svg: &str) -> Vec<(String, f32)> {
    let doc = resvg::usvg::roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            let size = n
                .attribute("font-size")
                .and_then(|s| s.parse().ok())
                .unwrap_or(f32::NAN);
            (n.text().unwrap_or_default().to_string(), size)
        })
        .collect()
}

/// Every page an editor can ask for — the presets, each paper upright and
/// on its side, the default 1920×1080 — shows the whole legend of a busy map
/// (10 Nov 2020 with every layer, with a title, and again compared with
/// 26 Sep 2020) and the scale bar, none of it under 9 pt: the panel gets
/// tighter or takes columns instead of leaving rows out.
#[test]
fn the_panel_leaves_nothing_out_on_any_page() {
    use caucasus_atlas::render::export::Prepared;
    use caucasus_atlas::render::preset::Preset;
    let d = data();
    let mut pages: Vec<(String, ExportRequest)> = Vec::new();
    let base = || {
        let mut r = ExportRequest::new(Date::from_ymd(2020, 11, 10).unwrap());
        r.format = Format::Svg;
        r.include.title = Some("The South Caucasus after the ceasefire".to_string());
        r
    };
    pages.push(("1920×1080".to_string(), base()));
    for preset in Preset::ALL {
        let mut r = base();
        if let Some((w, h)) = preset.size() {
            (r.width, r.height) = (w, h);
        }
        r.paper = preset.paper();
        pages.push((preset.name().to_string(), r));
    }
    for paper in Paper::ALL {
        for orientation in [Orientation::Portrait, Orientation::Landscape] {
            let mut r = base();
            r.paper = Some(PaperPage {
                paper,
                orientation,
                margin_mm: PaperPage::DEFAULT_MARGIN_MM,
            });
            pages.push((format!("{} {orientation:?}", paper.name()), r));
        }
    }
    let mut missing = Vec::new();
    for (page, plain) in pages {
        let mut compared = plain.clone();
        compared.compare_from = Date::from_ymd(2020, 9, 26);
        for request in [plain, compared] {
            let what = format!("{page}, compare {:?}", request.compare_from);
            let prepared = Prepared::new(&d.atlas, &request).unwrap();
            let scene = prepared.scene(&d.atlas, &d.projected, request.date);
            assert!(scene.legend.len() >= 8, "{what}: a busy legend");
            let svg = prepared.svg(&scene);
            let texts = svg_texts(&svg);
            for (text, size) in &texts {
                assert!(*size >= 9.0, "{what}: \"{text}\" at {size} pt");
            }
            let all: String = texts
                .iter()
                .map(|(t, _)| t.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            for entry in &scene.legend {
                if !all.contains(&entry.text) {
                    missing.push(format!("{what}: legend entry \"{}\"", entry.text));
                }
            }
            if !texts.iter().any(|(t, _)| t == "Scale") {
                missing.push(format!("{what}: the scale bar"));
            }
            if let Some(table) = &scene.compare {
                for row in &table.rows {
                    if !all.contains(&row.area) {
                        missing.push(format!("{what}: compare row {}", row.label));
                    }
                }
            }
        }
    }
    assert!(missing.is_empty(), "left out: {missing:#?}");
}
