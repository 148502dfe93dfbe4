//! Animations decoded back: GIF colours are the legend's exactly, APNG frames
//! store only what changed and still add up to the full frames, MP4 goes
//! through ffmpeg (skipped with a note when it is absent), the ghost of an
//! earlier date, and a story's animation with its captions.

mod common;

use std::path::Path;
use std::sync::OnceLock;
use std::sync::atomic::AtomicBool;

use caucasus_atlas::atlas::LayerKind;
use caucasus_atlas::data::AtlasData;
use caucasus_atlas::render::animation::{
    AnimationFormat, AnimationRequest, Step, animation_credits, default_title, frame_dates,
    write_animation,
};
use caucasus_atlas::render::export::Prepared;
use caucasus_atlas::render::mp4::find_ffmpeg;
use caucasus_atlas::render::raster::RgbaImage;
use caucasus_atlas::scene::Scene;
use caucasus_atlas::scene::ghost::control_ghost;
use caucasus_atlas::spatial::ProjectedShape;
use caucasus_atlas::story;
use caucasus_atlas::story::export::{
    StoryExportOptions, map_list, render_step_svg, write_story_animation,
};
use caucasus_atlas::time::Date;
use common::atlas;
use geo::Contains;

fn data() -> &'static AtlasData {
    static DATA: OnceLock<AtlasData> = OnceLock::new();
    DATA.get_or_init(|| AtlasData::load(None))
}

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    names
}

fn request(from: &str, to: &str, step: Step, (w, h): (u32, u32)) -> AnimationRequest {
    let mut r = AnimationRequest::new(date(from), date(to), step);
    r.frame.width = w;
    r.frame.height = h;
    r
}

/// The Scene and pixels of one frame, as the animation draws it.
fn frame(request: &AnimationRequest, day: Date) -> (Scene, RgbaImage) {
    let d = data();
    let prepared = Prepared::new(&d.atlas, &request.frame).unwrap();
    let scene = prepared.scene(&d.atlas, &d.projected, day);
    let image = prepared.image(&scene).unwrap();
    (scene, image)
}

fn write(request: &AnimationRequest, path: &Path) {
    let d = data();
    write_animation(
        &d.atlas,
        &d.projected,
        request,
        path,
        &mut |_, _, _| {},
        &AtomicBool::new(false),
    )
    .unwrap();
}

/// Every frame of a GIF as RGB, composed as a viewer does (transparent
/// pixels keep the previous frame's).
fn decode_gif(path: &Path) -> Vec<Vec<[u8; 3]>> {
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::RGBA);
    let mut decoder = options
        .read_info(std::fs::File::open(path).unwrap())
        .unwrap();
    let (w, h) = (decoder.width() as usize, decoder.height() as usize);
    let mut canvas = vec![[0u8; 3]; w * h];
    let mut frames = Vec::new();
    while let Some(f) = decoder.read_next_frame().unwrap() {
        for y in 0..f.height as usize {
            for x in 0..f.width as usize {
                let i = (y * f.width as usize + x) * 4;
                let px = &f.buffer[i..i + 4];
                if px[3] != 0 {
                    let at = (f.top as usize + y) * w + f.left as usize + x;
                    canvas[at] = [px[0], px[1], px[2]];
                }
            }
        }
        frames.push(canvas.clone());
    }
    frames
}

fn colours_of(image: &RgbaImage) -> std::collections::HashSet<[u8; 3]> {
    image
        .pixels
        .chunks_exact(4)
        .map(|p| [p[0], p[1], p[2]])
        .collect()
}

#[test]
fn every_legend_colour_in_a_gif_frame_is_exact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("war.gif");
    // The first days of the 2020 war: events of several kinds on the map.
    let r = request("2020-09-27", "2020-10-11", Step::Days(7), (960, 540));
    write(&r, &path);
    let decoded = decode_gif(&path);
    let d = data();
    let dates = frame_dates(&d.atlas, r.from, r.to, r.step);
    assert_eq!(decoded.len(), dates.len());
    let mut checked = 0;
    for (day, pixels) in dates.iter().zip(&decoded) {
        let (scene, image) = frame(&r, *day);
        let source = colours_of(&image);
        let shown: std::collections::HashSet<[u8; 3]> = pixels.iter().copied().collect();
        for entry in &scene.legend {
            let c = entry.color;
            let rgb = [c.r(), c.g(), c.b()];
            if c.a() == 255 && source.contains(&rgb) {
                assert!(
                    shown.contains(&rgb),
                    "{day}: the legend colour of \"{}\" {rgb:02x?} is not in the GIF frame",
                    entry.text
                );
                checked += 1;
            }
        }
    }
    // Controllers, events of several kinds, the front line: many to check.
    assert!(
        checked >= 3 * 8,
        "only {checked} legend colours were checked"
    );
}

/// An APNG read back: every frame composed as a viewer does, how many
/// pixels each frame stored, and the iTXt chunks.
struct Apng {
    frames: Vec<Vec<u8>>,
    stored: Vec<u32>,
    text: Vec<(String, String)>,
}

fn decode_apng(path: &Path) -> Apng {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let (w, h) = (reader.info().width as usize, reader.info().height as usize);
    let frames = reader.info().animation_control().unwrap().num_frames;
    let mut canvas = vec![0u8; w * h * 4];
    let mut out = Vec::new();
    let mut stored = Vec::new();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    for _ in 0..frames {
        reader.next_frame(&mut buf).unwrap();
        let fc = *reader.info().frame_control().unwrap();
        stored.push(fc.width * fc.height);
        for y in 0..fc.height as usize {
            for x in 0..fc.width as usize {
                let i = (y * fc.width as usize + x) * 4;
                let px = &buf[i..i + 4];
                let at = ((fc.y_offset as usize + y) * w + fc.x_offset as usize + x) * 4;
                let keep = fc.blend_op == png::BlendOp::Over && px[3] == 0;
                if !keep {
                    canvas[at..at + 4].copy_from_slice(px);
                }
            }
        }
        out.push(canvas.clone());
    }
    // The description and the sources follow the frames.
    reader.finish().unwrap();
    let text = reader
        .info()
        .utf8_text
        .iter()
        .map(|t| (t.keyword.clone(), t.get_text().unwrap()))
        .collect();
    Apng {
        frames: out,
        stored,
        text,
    }
}

#[test]
fn apng_frames_store_only_what_changed_and_decode_to_the_full_frames() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("war.png");
    let mut r = request("2020-10-01", "2020-10-04", Step::Days(1), (480, 270));
    r.format = AnimationFormat::Apng;
    write(&r, &path);
    if let Some(ffmpeg) = find_ffmpeg() {
        // Other readers see the animation too (ffmpeg looks for it in the
        // file's first kilobytes).
        let probe = std::process::Command::new(ffmpeg)
            .args(["-hide_banner", "-i"])
            .arg(&path)
            .args(["-f", "null", "-"])
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&probe.stderr);
        assert!(said.contains("apng"), "{said}");
    }
    let Apng {
        frames,
        stored,
        text,
    } = decode_apng(&path);
    let d = data();
    let dates = frame_dates(&d.atlas, r.from, r.to, r.step);
    assert_eq!(frames.len(), dates.len());
    // Every frame carries the animation's one credit list.
    let prepared = Prepared::new(&d.atlas, &r.frame).unwrap();
    let scenes: Vec<Scene> = dates
        .iter()
        .map(|day| prepared.scene(&d.atlas, &d.projected, *day))
        .collect();
    let credits = animation_credits(&scenes);
    for ((day, pixels), mut scene) in dates.iter().zip(&frames).zip(scenes) {
        scene.credits.clone_from(&credits);
        let image = prepared.image(&scene).unwrap();
        assert!(*pixels == image.pixels, "frame of {day} differs");
    }
    assert_eq!(stored[0], 480 * 270);
    // Labels of events that begin or end on a frame's day change a part of
    // the frame; together the later frames still store under half their pixels.
    let later: u32 = stored[1..].iter().sum();
    assert!(
        (later as usize) < stored[1..].len() * 480 * 270 / 2,
        "later frames store only what changed: {stored:?}"
    );
    let get = |k: &str| {
        text.iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    assert!(get("Sources").lines().count() >= 3, "{text:?}");
    assert!(get("Description").contains("1 October 2020"), "{text:?}");
    assert!(get("Title").contains("4 October 2020"), "{text:?}");
}

#[test]
fn an_mp4_goes_through_ffmpeg_and_leaves_no_temporary_file() {
    if find_ffmpeg().is_none() {
        println!("note: ffmpeg is not on PATH; the MP4 test is skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("war.mp4");
    // Odd sides: padded to even ones for H.264.
    let mut r = request("2020-10-01", "2020-10-03", Step::Days(1), (321, 181));
    r.format = AnimationFormat::Mp4;
    write(&r, &path);
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(&bytes[4..8], b"ftyp", "an MP4 file");
    assert!(bytes.windows(4).any(|w| w == b"avc1"), "H.264 video");
    assert_eq!(files_in(dir.path()), ["war.mp4"]);
}

#[test]
fn without_ffmpeg_on_path_an_mp4_is_refused_naming_ffmpeg() {
    let dir = tempfile::tempdir().unwrap();
    let empty = tempfile::tempdir().unwrap();
    let out = dir.path().join("war.mp4");
    let result = std::process::Command::new(env!("CARGO_BIN_EXE_caucasus-atlas"))
        .args(["animate", "--from", "2020-10-01", "--to", "2020-10-03"])
        .args(["--step", "1d", "--width", "160", "--height", "90", "--out"])
        .arg(&out)
        .env("PATH", empty.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("ffmpeg") && stderr.contains("PATH"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(files_in(dir.path()).is_empty());
}

#[test]
fn each_frame_carries_a_title_the_date_a_legend_and_a_scale() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("war.gif");
    let (code, stdout, stderr) = atlas(&[
        "animate",
        "--from",
        "2020-09-27",
        "--to",
        "2020-10-04",
        "--step",
        "7d",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("2 frames"), "{stdout}");
    // The frames are drawn from this request (the command line's defaults).
    let mut r = request("2020-09-27", "2020-10-04", Step::Days(7), (1280, 720));
    r.frame.include.title = Some(default_title(r.from, r.to));
    let d = data();
    let prepared = Prepared::new(&d.atlas, &r.frame).unwrap();
    let svg = prepared.svg(&prepared.scene(&d.atlas, &d.projected, date("2020-10-04")));
    for text in [
        ">Caucasus Atlas: 27 September",
        ">4 October 2020<",
        ">Legend<",
        "Held by Azerbaijan",
        ">Scale<",
        " km<",
    ] {
        assert!(svg.contains(text), "a frame lacks {text}");
    }
    let decoded = decode_gif(&out);
    assert_eq!(decoded.len(), 2);
    assert_eq!(decoded[0].len(), 1280 * 720);
}

#[test]
fn a_ghost_draws_the_lines_of_control_of_the_earlier_date() {
    let d = data();
    let d1 = date("2020-09-26");
    let ghost = control_ghost(&d.atlas, &d.projected, d1);
    assert!(ghost.strokes.len() > 5);
    // Each ghost edge has different holders (or nothing) on its two sides on D1.
    let zones: Vec<_> = d
        .projected
        .features
        .iter()
        .filter(|pf| {
            let f = d.projected.feature(&d.atlas, pf);
            f.layer == LayerKind::Control && matches!(pf.shape, ProjectedShape::Area { .. })
        })
        .collect();
    let holder = |x: f64, y: f64| {
        let p = geo::Point::new(x, y);
        zones
            .iter()
            .find(|pf| pf.geometry.contains(&p))
            .and_then(|pf| d.projected.feature(&d.atlas, pf).controller_on(d1))
    };
    let mut checked = 0;
    for stroke in ghost.strokes.iter().step_by(7) {
        for w in stroke.path.windows(2).step_by(5) {
            let (a, b) = (w[0], w[1]);
            let (dx, dy) = ((b[0] - a[0]) as f64, (b[1] - a[1]) as f64);
            let len = (dx * dx + dy * dy).sqrt();
            if len < 0.2 {
                continue;
            }
            let (mx, my) = (
                (a[0] as f64 + b[0] as f64) / 2.0,
                (a[1] as f64 + b[1] as f64) / 2.0,
            );
            let (nx, ny) = (-dy / len * 0.05, dx / len * 0.05);
            let (left, right) = (holder(mx + nx, my + ny), holder(mx - nx, my - ny));
            assert!(
                left != right || left.is_none(),
                "a ghost edge at ({mx:.1}, {my:.1}) km has {left:?} on both sides"
            );
            checked += 1;
        }
    }
    assert!(checked > 20, "{checked}");

    // In a frame: the ghost's own group, and the pixels differ from no ghost.
    let mut r = request("2020-11-10", "2020-11-10", Step::Days(1), (480, 270));
    let prepared = Prepared::new(&d.atlas, &r.frame).unwrap();
    let mut scene = prepared.scene(&d.atlas, &d.projected, r.from);
    let plain = prepared.svg(&scene);
    assert!(!plain.contains("id=\"ghost\""));
    scene.ghost = Some(ghost);
    let with = prepared.svg(&scene);
    assert!(with.contains("<g id=\"ghost\" data-date=\"2020-09-26\">"));

    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.png"), dir.path().join("b.png"));
    r.format = AnimationFormat::Apng;
    write(&r, &a);
    r.ghost = Some(d1);
    write(&r, &b);
    assert!(
        decode_apng(&a).frames[0] != decode_apng(&b).frames[0],
        "the ghost shows in the frame"
    );
}

#[test]
fn a_story_animates_step_by_step_with_its_captions() {
    let stories = story::bundled();
    let story = stories.get("trilateral-statement-2020").unwrap();
    let d = data();
    let options = StoryExportOptions {
        width: 640,
        height: 360,
        captions: true,
        ..StoryExportOptions::default()
    };
    // The caption: the verdict badge, the claim and the correction.
    let step = &story.steps[0];
    let (svg, _) = render_step_svg(
        &d.atlas,
        &d.projected,
        story,
        1,
        story::export::Which::Main,
        &options,
    )
    .unwrap();
    assert!(svg.contains("<g id=\"story-caption\">"));
    assert!(svg.contains(&step.verdict.label().to_uppercase()));
    let first_word = step.claim.split_whitespace().next().unwrap();
    assert!(svg.contains(&format!("Claim: {first_word}")));

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.gif");
    let frames = write_story_animation(
        &d.atlas,
        &d.projected,
        story,
        &path,
        AnimationFormat::Gif,
        &options,
        &mut |_, _| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!(frames, map_list(story).len());
    let mut decoder = gif::DecodeOptions::new()
        .read_info(std::fs::File::open(&path).unwrap())
        .unwrap();
    let mut delays = Vec::new();
    while let Some(f) = decoder.read_next_frame().unwrap() {
        delays.push(f.delay);
    }
    assert_eq!(delays.len(), frames);
    assert!(delays.contains(&300), "each step is held 3 s: {delays:?}");
    // The first step's verdict badge keeps its colour exactly.
    let decoded = decode_gif(&path);
    let badge = step.verdict.rgb();
    assert!(decoded[map_list(story).iter().position(|m| m.0 == 1).unwrap()].contains(&badge));
    assert_eq!(files_in(dir.path()), ["story.gif"]);
}

#[cfg(unix)]
#[test]
fn a_signal_stops_an_mp4_and_leaves_no_file() {
    use std::time::{Duration, Instant};
    if find_ffmpeg().is_none() {
        println!("note: ffmpeg is not on PATH; the MP4 signal test is skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("long.mp4");
    // Daily over four years: far more frames than the test waits for.
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_caucasus-atlas"))
        .args(["animate", "--from", "2020-01-01", "--to", "2023-12-31"])
        .args(["--step", "1d", "--width", "96", "--height", "64", "--out"])
        .arg(&out)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let deadline = Instant::now() + Duration::from_secs(120);
    // ffmpeg's temporary file appears once the frames start.
    while files_in(dir.path()).is_empty() {
        assert!(Instant::now() < deadline, "no temporary file appeared");
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(500));
    // SAFETY: sends a signal to the child started above.
    assert_eq!(unsafe { libc::kill(pid as libc::pid_t, libc::SIGTERM) }, 0);
    let output = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(143), "{err}");
    assert!(err.contains("stopped by signal"), "{err}");
    assert!(
        files_in(dir.path()).is_empty(),
        "{:?}",
        files_in(dir.path())
    );
}

#[cfg(unix)]
#[test]
fn a_signal_stops_a_story_animation_and_leaves_no_file() {
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("story.png");
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_caucasus-atlas"))
        .args(["story", "export", "may-2024-russia-withdraws", "--out"])
        .arg(&out)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let deadline = Instant::now() + Duration::from_secs(120);
    while files_in(dir.path()).is_empty() {
        assert!(Instant::now() < deadline, "no temporary file appeared");
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(300));
    // SAFETY: sends a signal to the child started above.
    assert_eq!(unsafe { libc::kill(pid as libc::pid_t, libc::SIGTERM) }, 0);
    let output = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(143), "{err}");
    assert!(err.contains("stopped by signal"), "{err}");
    assert!(
        files_in(dir.path()).is_empty(),
        "{:?}",
        files_in(dir.path())
    );
}
