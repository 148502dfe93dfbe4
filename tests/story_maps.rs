//! A story's static maps: each carries its step's card (the verdict badge,
//! the claim and the correction) in the panel, wrapped inside it at every
//! size, and `story export --format pdf` writes one PDF a step, linked from
//! the report.

mod common;

use std::sync::OnceLock;

use caucasus_atlas::data::AtlasData;
use caucasus_atlas::render::export::Format;
use caucasus_atlas::render::svg::escape_xml;
use caucasus_atlas::scene::text::{MIN_TEXT_PT, text_width};
use caucasus_atlas::story::export::{StoryExportOptions, Which, render_step_svg, step_request};
use caucasus_atlas::story::{self, Story};
use common::atlas;

fn data() -> &'static AtlasData {
    static DATA: OnceLock<AtlasData> = OnceLock::new();
    DATA.get_or_init(|| AtlasData::load(None))
}

fn may_2024() -> Story {
    let stories = story::bundled();
    stories
        .get("may-2024-russia-withdraws")
        .expect("bundled story")
        .clone()
}

/// The `<text>` lines of the card: (font size, text as escaped in the SVG).
fn card_lines(svg: &str) -> Vec<(f32, String)> {
    let start = svg.find("<g class=\"card\">").expect("a card");
    let end = start + svg[start..].find("</g>").unwrap();
    svg[start..end]
        .split("<text ")
        .skip(1)
        .map(|t| {
            let size = t
                .split("font-size=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            let text = t
                .split_once('>')
                .unwrap()
                .1
                .split("</text>")
                .next()
                .unwrap();
            (size, text.to_string())
        })
        .collect()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[test]
fn every_step_map_shows_its_verdict_claim_and_correction_in_the_panel() {
    let story = may_2024();
    let d = data();
    let options = StoryExportOptions {
        format: Format::Svg,
        width: 1920,
        height: 1080,
        ..StoryExportOptions::default()
    };
    for (i, step) in story.steps.iter().enumerate() {
        let number = i + 1;
        let (svg, _) = render_step_svg(
            &d.atlas,
            &d.projected,
            &story,
            number,
            Which::Main,
            &options,
        )
        .unwrap();
        assert!(!svg.contains("story-caption"), "no caption over the map");
        let lines = card_lines(&svg);
        let (_, badge) = &lines[0];
        assert_eq!(*badge, escape_xml(&step.verdict.label().to_uppercase()));
        let [r, g, b] = step.verdict.rgb();
        assert!(svg.contains(&format!("fill=\"#{r:02x}{g:02x}{b:02x}\"")));
        // At 1920×1080 the panel holds all of it: the lines join to the texts.
        let text: Vec<String> = lines[1..].iter().map(|(_, t)| unescape(t)).collect();
        let joined = text.join(" ");
        let expected = format!("Claim: {} {}", step.claim, step.correction);
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(squash(&joined), squash(&expected), "step {number}");
        // The panel's title no longer stands in for the verdict.
        let request = step_request(&story, number, Which::Main, &options);
        assert!(
            !request
                .include
                .title
                .unwrap()
                .contains(step.verdict.label())
        );
    }
}

#[test]
fn on_a_small_map_the_card_wraps_inside_the_panel_and_keeps_its_type_size() {
    let story = may_2024();
    let d = data();
    // The longest claim and correction.
    let longest = (1..=story.steps.len())
        .max_by_key(|n| {
            let s = &story.steps[n - 1];
            s.claim.len() + s.correction.len()
        })
        .unwrap();
    for (width, height) in [(480, 270), (640, 360), (600, 900)] {
        let options = StoryExportOptions {
            format: Format::Svg,
            width,
            height,
            ..StoryExportOptions::default()
        };
        let request = step_request(&story, longest, Which::Main, &options);
        let prepared = caucasus_atlas::render::export::Prepared::new(&d.atlas, &request).unwrap();
        let panel = prepared.layout.panel.expect("a panel");
        let (svg, _) = render_step_svg(
            &d.atlas,
            &d.projected,
            &story,
            longest,
            Which::Main,
            &options,
        )
        .unwrap();
        let lines = card_lines(&svg);
        assert!(lines.len() >= 3, "badge, claim and correction: {lines:?}");
        for (size, text) in &lines {
            assert!(*size >= MIN_TEXT_PT, "{size} pt: {text}");
            let w = text_width(&unescape(text), *size);
            assert!(
                w <= panel.width() - 36.0 + 0.01,
                "{width}×{height}: {w} wide: {text}"
            );
        }
        // Every line's baseline is inside the panel.
        let start = svg.find("<g class=\"card\">").unwrap();
        let card = &svg[start..start + svg[start..].find("</g>").unwrap()];
        for y in card.split(" y=\"").skip(1) {
            let y: f32 = y.split('"').next().unwrap().parse().unwrap();
            assert!(
                y >= panel.min.y && y <= panel.max.y,
                "{width}×{height}: y {y} outside {panel:?}"
            );
        }
    }
}

#[test]
fn story_export_writes_a_pdf_per_map_linked_from_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let (code, stdout, err) = atlas(&[
        "story",
        "export",
        "trilateral-statement-2020",
        "--out",
        out,
        "--format",
        "pdf",
        "--width",
        "960",
        "--height",
        "540",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("for 10 step(s)"), "{stdout}");
    let story = story::bundled()
        .get("trilateral-statement-2020")
        .unwrap()
        .clone();
    let md = std::fs::read_to_string(dir.path().join("index.md")).unwrap();
    let html = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
    let mut maps = 0;
    for (i, step) in story.steps.iter().enumerate() {
        let mut names = vec![format!("step-{:02}.pdf", i + 1)];
        if step.view.compare_from.is_some() {
            names.push(format!("step-{:02}-before.pdf", i + 1));
        }
        for name in names {
            let bytes = std::fs::read(dir.path().join(&name)).unwrap();
            assert!(bytes.starts_with(b"%PDF-"), "{name}");
            // The card's text is in the PDF as text (an embedded font).
            assert!(
                String::from_utf8_lossy(&bytes).contains("/FontFile"),
                "{name}"
            );
            assert!(md.contains(&format!("({name})")), "{name} in index.md");
            assert!(
                html.contains(&format!("href=\"{name}\"")),
                "{name} in index.html"
            );
            assert!(
                !html.contains(&format!("src=\"{name}\"")),
                "a PDF is linked, not an <img>"
            );
            maps += 1;
        }
    }
    let files = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(files, maps + 2);
}
