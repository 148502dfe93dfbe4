//! The credit line under an exported map: the few sources behind what is
//! drawn on that date in that extent, named by publisher, neutral ones first,
//! in type no smaller than 9 pt; every source in the file's metadata.

use std::sync::OnceLock;

use caucasus_atlas::data::AtlasData;
use caucasus_atlas::render::export::{ExportRequest, Format, Prepared, parse_bbox, render_bytes};
use caucasus_atlas::scene::Scene;
use caucasus_atlas::scene::text::MIN_TEXT_PT;
use caucasus_atlas::time::Date;
use resvg::usvg::roxmltree;

fn data() -> &'static AtlasData {
    static DATA: OnceLock<AtlasData> = OnceLock::new();
    DATA.get_or_init(|| AtlasData::load(None))
}

fn request(day: &str) -> ExportRequest {
    let mut request = ExportRequest::new(day.parse::<Date>().unwrap());
    request.format = Format::Svg;
    request
}

fn scene_and_svg(request: &ExportRequest) -> (Scene, String) {
    let d = data();
    let prepared = Prepared::new(&d.atlas, request).unwrap();
    let scene = prepared.scene(&d.atlas, &d.projected, request.date);
    let svg = prepared.svg(&scene);
    (scene, svg)
}

/// The text of the credit line: the SVG's text elements that start at the
/// footer, joined.
fn credit_line(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    let start = texts
        .iter()
        .position(|t| t.starts_with("Sources: ") || t.starts_with("Map: Caucasus Atlas"))
        .expect("a credit line");
    texts[start..].join(" ")
}

#[test]
fn a_2026_map_does_not_credit_the_battle_of_gagra() {
    let (scene, svg) = scene_and_svg(&request("2026-06-01"));
    let line = credit_line(&svg);
    assert!(line.starts_with("Sources: "), "{line}");
    assert!(!line.contains("Gagra"), "{line}");
    // What the 2026 map draws about Karabakh is credited: the 2023 offensive
    // that gave Azerbaijan the rest of it.
    assert!(line.contains("2023 Azerbaijani offensive"), "{line}");
    // The credit line is short: a few publishers, no raw links.
    assert!(!line.contains("http"), "{line}");
    assert!(line.chars().count() < 700, "{} chars: {line}", line.len());
    // The Shusha zone's entry in force since 8 Nov 2020 cites the battle as
    // its own source, so the 2026 map credits it as specific, as the
    // 10 Nov 2020 map does.
    let shusha = |s: &Scene| {
        s.credits
            .iter()
            .find(|c| c.title == "Battle of Shusha (2020) (Wikipedia)")
            .map(|c| c.specific)
    };
    assert_eq!(shusha(&scene), Some(true));
    assert_eq!(shusha(&scene_and_svg(&request("2020-11-10")).0), Some(true));
}

#[test]
fn the_10_november_2020_map_credits_the_trilateral_statement() {
    let (scene, svg) = scene_and_svg(&request("2020-11-10"));
    let line = credit_line(&svg);
    assert!(line.contains("primeminister.am"), "{line}");
    // The statement's address is among the ranked sources, and near the top.
    let rank = scene
        .credits
        .iter()
        .position(|c| {
            c.url.as_deref()
                == Some(
                    "https://www.primeminister.am/en/press-release/item/2020/11/10/Announcement/",
                )
        })
        .expect("the statement is credited");
    assert!(rank < 6, "ranked {rank}");
    // Neutral sources first; partisan ones after them, marked with their side.
    let first_partisan = scene
        .credits
        .iter()
        .position(|c| c.partisan.is_some())
        .expect("a partisan source (TASS) supports the peacekeepers' deployment");
    assert!(
        scene.credits[first_partisan..]
            .iter()
            .all(|c| c.partisan.is_some())
    );
    assert!(scene.credits[first_partisan].short().ends_with(" side)"));
    // The attribution: base map, the atlas and its data version.
    for wanted in [
        "Natural Earth",
        "GeoNames",
        "Caucasus Atlas 0.",
        "data reviewed to 2026-",
    ] {
        assert!(line.contains(wanted), "{wanted}: {line}");
    }
}

#[test]
fn a_box_credits_only_what_lies_in_it() {
    let mut karabakh = request("2020-11-10");
    karabakh.bbox = Some(parse_bbox("46.0,39.2,47.4,40.4").unwrap());
    let (scene, _) = scene_and_svg(&karabakh);
    let mut abkhazia = request("2020-11-10");
    abkhazia.bbox = Some(parse_bbox("40.0,42.6,41.8,43.6").unwrap());
    let (other, _) = scene_and_svg(&abkhazia);
    let titles = |s: &Scene| {
        s.credits
            .iter()
            .map(|c| c.title.clone())
            .collect::<Vec<_>>()
    };
    assert!(
        !titles(&scene).iter().any(|t| t.contains("Abkhazia")),
        "{:?}",
        titles(&scene)
    );
    assert!(
        !titles(&other).iter().any(|t| t.contains("Shusha")),
        "{:?}",
        titles(&other)
    );
}

#[test]
fn no_text_in_an_export_is_smaller_than_9_pt() {
    // 9 pt is 9 px at 1920×1080 (one layout point per pixel); the layout
    // scales with the page, so every font size in points stays at 9 or more.
    for (w, h) in [
        (1920, 1080),
        (3840, 2160),
        (1080, 1350),
        (1200, 675),
        (800, 600),
    ] {
        for day in ["1994-05-12", "2020-11-10", "2026-06-01"] {
            let mut r = request(day);
            (r.width, r.height) = (w, h);
            r.include.title = Some("The South Caucasus".to_string());
            let (scene, svg) = scene_and_svg(&r);
            for label in &scene.labels {
                assert!(label.size >= MIN_TEXT_PT, "{}: {}", label.text, label.size);
            }
            let doc = roxmltree::Document::parse(&svg).unwrap();
            let mut texts = 0;
            for node in doc.descendants().filter(|n| n.has_tag_name("text")) {
                texts += 1;
                let size: f32 = node
                    .attribute("font-size")
                    .and_then(|s| s.parse().ok())
                    .expect("every text has a font size");
                assert!(
                    size >= MIN_TEXT_PT,
                    "{w}×{h} {day}: {:?} at {size} pt",
                    node.text()
                );
            }
            assert!(texts > 20, "{w}×{h}: {texts} texts");
        }
    }
}

#[test]
fn every_source_goes_into_the_files_metadata() {
    let d = data();
    let r = request("2020-11-10");
    let (scene, svg) = scene_and_svg(&r);
    assert!(scene.credits.len() > 6, "{}", scene.credits.len());
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let sources: Vec<&str> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "source")
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(sources.len(), scene.credits.len());
    assert!(
        sources.iter().any(|s| s.contains("[partisan: RUS]")),
        "{sources:?}"
    );
    // The PNG carries the same list in a text chunk.
    let mut png = r.clone();
    png.format = Format::Png;
    (png.width, png.height) = (480, 270);
    let bytes = render_bytes(&d.atlas, &d.projected, &png).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let reader = decoder.read_info().unwrap();
    let text: Vec<String> = reader
        .info()
        .utf8_text
        .iter()
        .filter(|c| c.keyword == "Sources")
        .map(|c| c.get_text().unwrap())
        .collect();
    assert_eq!(text.len(), 1);
    assert!(text[0].contains("primeminister.am"), "{}", text[0]);
}
