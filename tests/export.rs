//! Exports: PNG, SVG and GIF through the library and the command line. No
//! display and no GPU: everything is drawn on the CPU with the bundled fonts.

mod common;

use std::collections::HashSet;
use std::path::Path;
use std::sync::OnceLock;
use std::sync::atomic::AtomicBool;

use caucasus_atlas::data::AtlasData;
use caucasus_atlas::render::animation::{AnimationRequest, Step, write_animation};
use caucasus_atlas::render::export::{
    ExportRequest, Format, Prepared, export_to_file, parse_bbox, render_image, render_svg,
};
use caucasus_atlas::render::raster::parse_svg;
use caucasus_atlas::time::Date;
use common::atlas;

fn data() -> &'static AtlasData {
    static DATA: OnceLock<AtlasData> = OnceLock::new();
    DATA.get_or_init(|| AtlasData::load(None))
}

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

fn small(day: &str) -> ExportRequest {
    let mut request = ExportRequest::new(date(day));
    request.width = 480;
    request.height = 320;
    request
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    names
}

fn decode_png(path: &Path) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgba);
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

#[test]
fn a_png_export_has_the_asked_size_and_is_not_blank() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.png");
    let d = data();
    export_to_file(&d.atlas, &d.projected, &small("2020-11-10"), &path).unwrap();
    let (w, h, pixels) = decode_png(&path);
    assert_eq!((w, h), (480, 320));
    let colours: HashSet<&[u8]> = pixels.chunks_exact(4).collect();
    assert!(colours.len() > 200, "only {} colours", colours.len());
    assert_eq!(
        files_in(dir.path()),
        ["map.png"],
        "no temporary file is left"
    );
}

#[test]
fn the_2019_and_2021_maps_differ_around_shusha_and_lachin() {
    let d = data();
    let before = render_image(&d.atlas, &d.projected, &small("2019-06-01")).unwrap();
    let after = render_image(&d.atlas, &d.projected, &small("2021-06-01")).unwrap();
    // Both are laid out the same way, so one projector finds the area in both.
    assert_eq!(before.projector.view, after.projector.view);
    let mut xs = Vec::new();
    let mut ys = Vec::new();
    for (lon, lat) in [(46.3, 39.5), (46.9, 39.5), (46.3, 40.0), (46.9, 40.0)] {
        let (x, y) = before.lonlat_to_pixel(lon, lat).unwrap();
        xs.push(x);
        ys.push(y);
    }
    let x0 = xs.iter().cloned().fold(f32::MAX, f32::min).floor() as u32;
    let x1 = xs.iter().cloned().fold(f32::MIN, f32::max).ceil() as u32;
    let y0 = ys.iter().cloned().fold(f32::MAX, f32::min).floor() as u32;
    let y1 = ys.iter().cloned().fold(f32::MIN, f32::max).ceil() as u32;
    assert!(x1 < before.image.width && y1 < before.image.height);
    assert!(
        (x1 - x0) * (y1 - y0) >= 100,
        "the crop is too small to judge"
    );
    let mut differ = 0;
    let mut total = 0;
    for y in y0..y1 {
        for x in x0..x1 {
            total += 1;
            if before.image.pixel(x, y) != after.image.pixel(x, y) {
                differ += 1;
            }
        }
    }
    assert!(
        differ * 3 > total,
        "only {differ} of {total} pixels changed between 2019 and 2021 around Shusha and Lachin"
    );
    // The rest of the map (far west: the Black Sea coast of Turkey) is unchanged.
    let (wx, wy) = before.lonlat_to_pixel(39.0, 38.0).unwrap();
    assert_eq!(
        before.image.pixel(wx as u32, wy as u32),
        after.image.pixel(wx as u32, wy as u32)
    );
}

#[test]
fn an_svg_export_parses_and_carries_the_legend_and_the_date() {
    let d = data();
    let mut request = small("2020-11-10");
    request.format = Format::Svg;
    request.include.title = Some("Karabakh & Lachin <after the ceasefire>".to_string());
    let svg = render_svg(&d.atlas, &d.projected, &request).unwrap();
    let tree = parse_svg(&svg).expect("the SVG parses");
    assert_eq!(tree.size().width(), 480.0);
    // Read it back as XML: the legend and the caption are real text elements.
    let doc = resvg::usvg::roxmltree::Document::parse(&svg).unwrap();
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    assert!(texts.contains(&"10 November 2020"), "{texts:?}");
    assert!(texts.contains(&"Held by Azerbaijan"), "{texts:?}");
    assert!(texts.contains(&"Legend"));
    // The title (wrapped over lines) is escaped and reads back as written.
    assert!(
        texts
            .join(" ")
            .contains("Karabakh & Lachin <after the ceasefire>"),
        "{texts:?}"
    );
    assert!(svg.contains("fill-rule=\"evenodd\""));
    assert!(svg.contains("stroke-dasharray"));
    assert!(
        svg.contains("font-family=\"'Noto Sans', 'Noto Sans Armenian', 'Noto Sans Georgian'\"")
    );
}

#[test]
fn the_legend_and_sources_of_a_box_describe_what_is_in_it() {
    let d = data();
    let whole = small("2021-06-01");
    let mut karabakh = small("2021-06-01");
    karabakh.bbox = Some(parse_bbox("46.0,39.2,47.4,40.4").unwrap());
    let legend_and_sources = |request: &ExportRequest| {
        let prepared = Prepared::new(&d.atlas, request).unwrap();
        let scene = prepared.scene(&d.atlas, &d.projected, request.date);
        let legend: Vec<String> = scene.legend.iter().map(|e| e.text.clone()).collect();
        let sources: Vec<String> = scene.credits.iter().map(|c| c.title.clone()).collect();
        (legend, sources)
    };
    let (legend, sources) = legend_and_sources(&whole);
    assert!(
        legend.contains(&"Held by Abkhazia (de facto)".to_string()),
        "{legend:?}"
    );
    assert!(
        sources.iter().any(|s| s.starts_with("War in Abkhazia")),
        "{sources:?}"
    );

    let (legend, sources) = legend_and_sources(&karabakh);
    // Karabakh in June 2021: the Armenian-held zone, the corridor and the peacekeepers...
    for wanted in [
        "Held by Azerbaijan",
        "Lachin corridor: open",
        "Russian post (peacekeepers, border guards)",
    ] {
        assert!(legend.contains(&wanted.to_string()), "{wanted}: {legend:?}");
    }
    assert!(
        sources.iter().any(|s| s.starts_with("Lachin corridor")),
        "{sources:?}"
    );
    // ...and nothing of Abkhazia or South Ossetia, hundreds of km away.
    assert!(
        !legend
            .iter()
            .any(|e| e.contains("Abkhazia") || e.contains("South Ossetia")),
        "{legend:?}"
    );
    assert!(
        !sources
            .iter()
            .any(|s| s.contains("Abkhazia") || s.contains("South Ossetia")),
        "{sources:?}"
    );
}

#[test]
fn an_armenian_export_draws_armenian_names() {
    let d = data();
    let mut request = small("2020-11-10");
    request.format = Format::Svg;
    request.language = caucasus_atlas::atlas::Language::Hy;
    let svg = render_svg(&d.atlas, &d.projected, &request).unwrap();
    assert!(svg.contains("Երևան"), "Yerevan in Armenian");
    parse_svg(&svg).unwrap();
}

#[test]
fn a_weekly_animation_of_the_2020_war_has_seven_frames() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("war.gif");
    let d = data();
    let mut request = AnimationRequest::new(date("2020-09-27"), date("2020-11-10"), Step::Days(7));
    request.frame.width = 320;
    request.frame.height = 200;
    let mut seen = Vec::new();
    let summary = write_animation(
        &d.atlas,
        &d.projected,
        &request,
        &path,
        &mut |done, total, day| seen.push((done, total, day)),
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!(summary.dates.len(), 7);
    assert_eq!(summary.dates.last(), Some(&date("2020-11-08")));
    assert_eq!(seen.len(), 7);
    assert_eq!(seen.last().map(|s| (s.0, s.1)), Some((7, 7)));

    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::Indexed);
    let mut decoder = options
        .read_info(std::fs::File::open(&path).unwrap())
        .unwrap();
    assert_eq!((decoder.width(), decoder.height()), (320, 200));
    let mut frames = 0;
    while decoder.read_next_frame().unwrap().is_some() {
        frames += 1;
    }
    assert_eq!(frames, 7);
    assert_eq!(files_in(dir.path()), ["war.gif"]);
}

#[test]
fn a_cancelled_animation_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("war.gif");
    let d = data();
    let mut request = AnimationRequest::new(date("2020-09-27"), date("2020-11-10"), Step::Days(1));
    request.frame.width = 160;
    request.frame.height = 100;
    let cancel = AtomicBool::new(false);
    let result = write_animation(
        &d.atlas,
        &d.projected,
        &request,
        &path,
        &mut |done, _, _| {
            if done == 3 {
                cancel.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        },
        &cancel,
    );
    assert_eq!(result.unwrap_err().to_string(), "the export was cancelled");
    assert!(files_in(dir.path()).is_empty());
}

// ---- the command line ----

#[test]
fn the_command_line_exports_png_and_svg() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("shusha.png");
    let (code, out, err) = atlas(&[
        "export",
        "--date",
        "2020-11-10",
        "--out",
        png.to_str().unwrap(),
        "--width",
        "400",
        "--height",
        "300",
        "--bbox",
        "46.0,39.3,47.3,40.3",
        "--layers",
        "countries,control,places",
        "--lang",
        "az",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("shusha.png"), "{out}");
    assert_eq!(decode_png(&png).0, 400);
    let svg = dir.path().join("map.svg");
    let (code, _, err) = atlas(&[
        "export",
        "--date",
        "2019-06-01",
        "--out",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("width=\"1920\" height=\"1080\""));
    assert!(text.contains("1 June 2019"));
    assert_eq!(files_in(dir.path()), ["map.svg", "shusha.png"]);
}

#[test]
fn the_command_line_animates_without_a_progress_bar_when_piped() {
    let dir = tempfile::tempdir().unwrap();
    let gif = dir.path().join("war.gif");
    let (code, out, err) = atlas(&[
        "animate",
        "--from",
        "2020-09-27",
        "--to",
        "2020-11-10",
        "--step",
        "7d",
        "--out",
        gif.to_str().unwrap(),
        "--width",
        "240",
        "--height",
        "160",
        "--fps",
        "4",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.is_empty(),
        "stderr is a pipe here, so no progress bar: {err:?}"
    );
    assert!(out.contains("7 frames"), "{out}");
    assert_eq!(files_in(dir.path()), ["war.gif"]);
}

/// Runs an export that must fail: non-zero exit, one error line naming
/// `value`, no panic, and nothing left in `dir`.
fn assert_fails_cleanly(dir: &Path, args: &[&str], value: &str) {
    let (code, out, err) = atlas(args);
    assert_ne!(code, 0, "{args:?} should fail");
    assert!(out.is_empty(), "{out}");
    let first = err.lines().next().unwrap_or_default();
    assert!(first.starts_with("error: "), "{err}");
    assert!(first.contains(value), "the error names {value}: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err.matches("error:").count(), 1, "one error: {err}");
    assert!(
        files_in(dir).is_empty(),
        "{args:?} left {:?}",
        files_in(dir)
    );
}

#[test]
fn command_line_errors_are_one_sentence_and_leave_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.png");
    let out = out.to_str().unwrap();
    let export = |extra: &[&str]| -> Vec<String> {
        let mut args = vec!["export", "--out", out];
        args.extend_from_slice(extra);
        if !extra.contains(&"--date") {
            args.extend_from_slice(&["--date", "2020-11-10"]);
        }
        args.iter().map(|s| s.to_string()).collect()
    };
    let cases: Vec<(Vec<String>, &str)> = vec![
        (export(&["--date", "2020-02-30"]), "2020-02-30"),
        (export(&["--layers", "control,trenches"]), "\"trenches\""),
        (export(&["--width", "0"]), "width 0"),
        (export(&["--height", "16385"]), "height 16385"),
        (export(&["--bbox", "47,39,46,40"]), "47,39,46,40"),
        (export(&["--lang", "fr"]), "\"fr\""),
    ];
    for (args, value) in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        assert_fails_cleanly(dir.path(), &args, value);
    }
    let missing = dir.path().join("no-such-folder").join("map.png");
    assert_fails_cleanly(
        dir.path(),
        &[
            "export",
            "--date",
            "2020-11-10",
            "--out",
            missing.to_str().unwrap(),
        ],
        "no-such-folder",
    );
    let bitmap = dir.path().join("map.bmp");
    assert_fails_cleanly(
        dir.path(),
        &[
            "export",
            "--date",
            "2020-11-10",
            "--out",
            bitmap.to_str().unwrap(),
        ],
        "map.bmp",
    );
    let gif = dir.path().join("war.gif");
    assert_fails_cleanly(
        dir.path(),
        &[
            "animate",
            "--from",
            "2020-11-10",
            "--to",
            "2020-09-27",
            "--step",
            "7d",
            "--out",
            gif.to_str().unwrap(),
        ],
        "2020-09-27",
    );
    assert_fails_cleanly(
        dir.path(),
        &[
            "animate",
            "--from",
            "2020-09-27",
            "--to",
            "2020-11-10",
            "--step",
            "3y",
            "--out",
            gif.to_str().unwrap(),
        ],
        "\"3y\"",
    );
}

#[test]
fn an_unwritable_folder_is_reported_and_left_clean() {
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    }
    // An administrator may write anywhere; then /proc stands in for a folder
    // no one can create files in.
    let probe = locked.join("probe");
    let target = if std::fs::write(&probe, b"x").is_ok() {
        std::fs::remove_file(&probe).unwrap();
        Path::new("/proc").join("caucasus-atlas-export-test.png")
    } else {
        locked.join("map.png")
    };
    let (code, _, err) = atlas(&[
        "export",
        "--date",
        "2020-11-10",
        "--out",
        target.to_str().unwrap(),
        "--width",
        "64",
        "--height",
        "64",
    ]);
    assert_ne!(code, 0);
    assert!(
        err.starts_with(&format!(
            "error: \"{}\" cannot be written",
            target.display()
        )),
        "{err}"
    );
    assert!(!target.exists());
    if target.starts_with(&locked) {
        assert!(files_in(&locked).is_empty());
    }
}

/// A map of a day after the data's last review says so under its date; a map
/// of the review day or earlier does not.
#[test]
fn a_date_after_the_data_review_is_marked_on_the_map() {
    use caucasus_atlas::scene::{SceneOptions, build_scene};
    let data = data();
    let reviewed = data
        .atlas
        .reviewed
        .expect("the bundled data has a review date");
    let scene_on = |date: Date| {
        build_scene(
            &data.atlas,
            &data.projected,
            &SceneOptions {
                date,
                language: caucasus_atlas::atlas::Language::En,
                names: Default::default(),
                hidden_layers: Default::default(),
                extent: None,
                compare: None,
            },
        )
    };
    assert_eq!(scene_on(reviewed).data_note, None);
    let later = scene_on(reviewed.add_days(1));
    let note = later.data_note.expect("a note after the review");
    assert!(note.starts_with("data reviewed to "), "{note}");
    let mut request = ExportRequest::new(reviewed.add_days(1));
    request.format = Format::Svg;
    let svg = render_svg(&data.atlas, &data.projected, &request).unwrap();
    assert!(svg.contains(&note), "the export carries the note");
}
