//! `caucasus-atlas story list|show ID|export ID --out DIR`: the bundled
//! stories (or a story file given by its path) on the command line.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use clap::{Subcommand, ValueEnum};
use serde_json::{Value, json};

use super::export::{display, load};
use super::{parse_height, parse_language, parse_width};
use crate::atlas::{Atlas, Language, Source};
use crate::render::animation::AnimationFormat;
use crate::render::export::{Format, check_destination, extension};
use crate::story::export::{StoryExportOptions, export_story, write_story_animation};
use crate::story::{self, Story, StoryError};

/// The `story` actions.
#[derive(Clone, Debug, Subcommand)]
pub enum StoryCommand {
    /// List the stories with their verdict counts.
    List {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Every step of a story: claim, verdict, correction, map date and box, sources.
    Show {
        /// The story's id (see `story list`), or the path of a story file.
        id: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// One map per step and a fact-check report (index.md, index.html) in a
    /// folder; or, with --out F.gif, F.png or F.mp4, an animation of the maps with captions.
    Export {
        /// The story's id (see `story list`), or the path of a story file.
        id: String,
        /// The folder to write into (it must exist), or an animation file
        /// (.gif, .png for an animated PNG, or .mp4 through ffmpeg) that is
        /// not a folder; an animation shows each step's claim, verdict and
        /// correction over its map.
        #[arg(long, value_name = "DIR|FILE")]
        out: PathBuf,
        /// In an animation, the seconds each step's map is held.
        #[arg(long, default_value_t = 3.0)]
        seconds: f32,
        /// The maps' format (in a folder).
        #[arg(long, value_enum, default_value_t = MapFormat::Png)]
        format: MapFormat,
        /// Width of each map in pixels (1 to 16384).
        #[arg(long, default_value_t = 1600, value_parser = parse_width, allow_negative_numbers = true)]
        width: u32,
        /// Height of each map in pixels (1 to 16384).
        #[arg(long, default_value_t = 900, value_parser = parse_height, allow_negative_numbers = true)]
        height: u32,
        /// Label language: en, hy, az, ru or ka.
        #[arg(long = "lang", default_value = "en", value_parser = parse_language)]
        language: Language,
    },
}

/// The maps' file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum MapFormat {
    /// PNG images.
    Png,
    /// SVG documents.
    Svg,
    /// PDF documents (vector, the text kept as text).
    Pdf,
}

/// Runs a `story` action; returns the exit code.
pub fn run(
    command: StoryCommand,
    data: Option<&PathBuf>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    match command {
        StoryCommand::List { json } => list(json, out, err),
        StoryCommand::Show { id, json } => {
            let Some(story) = find(&id, err)? else {
                return Ok(1);
            };
            if json {
                writeln!(out, "{}", pretty(&story_json(&story)))?;
            } else {
                show_text(&story, out)?;
            }
            Ok(0)
        }
        StoryCommand::Export {
            id,
            out: dir,
            format,
            width,
            height,
            language,
            seconds,
        } => {
            let Some(story) = find(&id, err)? else {
                return Ok(1);
            };
            let options = StoryExportOptions {
                format: match format {
                    MapFormat::Png => Format::Png,
                    MapFormat::Svg => Format::Svg,
                    MapFormat::Pdf => Format::Pdf,
                },
                width,
                height,
                language,
                seconds_per_step: seconds,
                captions: false,
            };
            let animation = match extension(&dir).as_deref() {
                Some("gif") => Some(AnimationFormat::Gif),
                Some("png") if !dir.is_dir() => Some(AnimationFormat::Apng),
                Some("mp4") if !dir.is_dir() => Some(AnimationFormat::Mp4),
                _ => None,
            };
            if let Some(slides) = animation {
                return animate(&story, &dir, slides, &options, data, out, err);
            }
            if !dir.is_dir() {
                writeln!(
                    err,
                    "error: the folder \"{}\" does not exist (create it first)",
                    dir.display()
                )?;
                return Ok(1);
            }
            let Some(data) = load(&crate::data::DataSource::dir(data), err)? else {
                return Ok(1);
            };
            for e in story::check_story(&story, &data.atlas) {
                writeln!(err, "warning: {e}")?;
            }
            let result = export_story(
                &data.atlas,
                &data.projected,
                &story,
                &dir,
                &options,
                &mut |_, _| {},
            );
            match result {
                Ok(exported) => {
                    writeln!(
                        out,
                        "wrote {} map(s) and {} for {} step(s) of \"{}\" into {}",
                        exported.images.len(),
                        exported
                            .reports
                            .iter()
                            .filter_map(|p| p.file_name())
                            .map(|n| n.to_string_lossy().to_string())
                            .collect::<Vec<_>>()
                            .join(" and "),
                        story.steps.len(),
                        story.id,
                        dir.display()
                    )?;
                    Ok(0)
                }
                Err(e) => {
                    writeln!(err, "error: {e}")?;
                    Ok(1)
                }
            }
        }
    }
}

/// `story export ID --out F.gif|F.png`: the maps as an animation.
fn animate(
    story: &Story,
    path: &Path,
    slides: AnimationFormat,
    options: &StoryExportOptions,
    data: Option<&PathBuf>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    if let Err(e) = check_destination(path) {
        writeln!(err, "error: {e}")?;
        return Ok(1);
    }
    let Some(data) = load(&crate::data::DataSource::dir(data), err)? else {
        return Ok(1);
    };
    for e in story::check_story(story, &data.atlas) {
        writeln!(err, "warning: {e}")?;
    }
    // A signal stops after the current frame, and the temporary file goes.
    let cancel = Arc::new(AtomicBool::new(false));
    let signal = Arc::new(AtomicUsize::new(0));
    super::animate::stop_on_signals(&cancel, &signal);
    match write_story_animation(
        &data.atlas,
        &data.projected,
        story,
        path,
        slides,
        options,
        &mut |_, _| {},
        &cancel,
    ) {
        Ok(frames) => {
            writeln!(
                out,
                "wrote {} ({frames} frames for {} step(s) of \"{}\")",
                display(path),
                story.steps.len(),
                story.id
            )?;
            Ok(0)
        }
        Err(_) if signal.load(Ordering::SeqCst) != 0 => {
            let sig = signal.load(Ordering::SeqCst);
            writeln!(
                err,
                "error: stopped by signal {sig}; {} was not written",
                display(path)
            )?;
            Ok(128 + sig as i32)
        }
        Err(e) => {
            writeln!(err, "error: {e}")?;
            Ok(1)
        }
    }
}

/// The story with this id among the bundled ones, or read from this path.
fn find(id: &str, err: &mut dyn Write) -> std::io::Result<Option<Story>> {
    let path = Path::new(id);
    if id.ends_with(".json") || id.contains('/') {
        return match story::load_file(path) {
            Ok(story) => Ok(Some(story)),
            Err(errors) => {
                print_errors(&errors, err)?;
                Ok(None)
            }
        };
    }
    let stories = story::bundled();
    match stories.get(id) {
        Some(story) => Ok(Some(story.clone())),
        None => {
            let known: Vec<&str> = stories.stories.iter().map(|s| s.id.as_str()).collect();
            writeln!(
                err,
                "error: there is no story \"{id}\" (the stories are: {}; or give a story file's path)",
                known.join(", ")
            )?;
            Ok(None)
        }
    }
}

fn print_errors(errors: &[StoryError], err: &mut dyn Write) -> std::io::Result<()> {
    for e in errors {
        writeln!(err, "error: {e}")?;
    }
    Ok(())
}

fn list(json: bool, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let stories = story::bundled();
    for e in &stories.errors {
        writeln!(err, "warning: {e}")?;
    }
    if json {
        let items: Vec<Value> = stories
            .stories
            .iter()
            .map(|s| {
                json!({
                    "id": s.id,
                    "title": s.title,
                    "checks": checks_json(s),
                    "steps": s.steps.len(),
                    "summary": summary_json(s),
                })
            })
            .collect();
        writeln!(out, "{}", pretty(&Value::Array(items)))?;
    } else {
        for s in &stories.stories {
            writeln!(out, "{}  {}", s.id, s.title)?;
            writeln!(
                out,
                "    checks \"{}\", {}, {}",
                s.checks.title, s.checks.outlet, s.checks.date
            )?;
            writeln!(out, "    {}", s.summary())?;
        }
    }
    Ok(0)
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string())
}

fn checks_json(s: &Story) -> Value {
    json!({
        "title": s.checks.title,
        "outlet": s.checks.outlet,
        "date": s.checks.date.to_string(),
        "url": s.checks.url,
        "kind": s.checks.kind,
    })
}

fn summary_json(s: &Story) -> Value {
    let summary = s.summary();
    let counts: serde_json::Map<String, Value> = summary
        .counts
        .iter()
        .map(|(v, n)| (v.code().to_string(), json!(n)))
        .collect();
    json!({ "total": summary.total, "counts": counts })
}

fn source_json(source: &Source) -> Value {
    json!({
        "title": source.title,
        "url": source.url,
        "date": source.date.map(|d| d.to_string()),
        "partisan": source.partisan.map(|c| c.code()),
    })
}

/// The whole story as JSON (what `story show --json` prints).
pub fn story_json(s: &Story) -> Value {
    let steps: Vec<Value> = s
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let v = &step.view;
            json!({
                "number": i + 1,
                "claim": step.claim,
                "verdict": step.verdict.code(),
                "verdict_label": step.verdict.label(),
                "correction": step.correction,
                "date": v.date.to_string(),
                "compare_from": v.compare_from.map(|d| d.to_string()),
                "bbox": [v.bbox.min_lon, v.bbox.min_lat, v.bbox.max_lon, v.bbox.max_lat],
                "layers": v.layers.as_ref().map(|l| l.iter().map(|k| k.name().to_string()).collect::<Vec<_>>()),
                "highlight": v.highlight,
                "caption": v.caption,
                "sources": step.sources.iter().map(source_json).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "id": s.id,
        "title": s.title,
        "intro": s.intro,
        "checks": checks_json(s),
        "summary": summary_json(s),
        "steps": steps,
    })
}

fn show_text(s: &Story, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{}", s.title)?;
    write!(
        out,
        "checks \"{}\", {}, {}",
        s.checks.title, s.checks.outlet, s.checks.date
    )?;
    match &s.checks.url {
        Some(url) => writeln!(out, " ({url})")?,
        None => writeln!(out)?,
    }
    writeln!(out, "{}\n", s.summary())?;
    for (i, step) in s.steps.iter().enumerate() {
        let v = &step.view;
        writeln!(
            out,
            "{}. [{}] {}",
            i + 1,
            step.verdict.label().to_uppercase(),
            step.claim
        )?;
        writeln!(out, "   {}", step.correction)?;
        let mut map = format!("   map: {}", v.date);
        if let Some(from) = v.compare_from {
            map.push_str(&format!(" compared with {from}"));
        }
        map.push_str(&format!(
            ", bbox {},{},{},{}",
            v.bbox.min_lon, v.bbox.min_lat, v.bbox.max_lon, v.bbox.max_lat
        ));
        if let Some(layers) = &v.layers {
            let names: Vec<&str> = layers.iter().map(|l| l.name()).collect();
            map.push_str(&format!(", layers {}", names.join(",")));
        }
        if !v.highlight.is_empty() {
            map.push_str(&format!(", highlight {}", v.highlight.join(",")));
        }
        writeln!(out, "{map}")?;
        for source in &step.sources {
            let mut line = format!("   - {}", source.title);
            if let Some(url) = &source.url {
                line.push_str(&format!(" — {url}"));
            }
            if let Some(date) = source.date {
                line.push_str(&format!(" ({date})"));
            }
            if let Some(side) = source.partisan {
                line.push_str(&format!(" [partisan: {side}]"));
            }
            writeln!(out, "{line}")?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// For `check` with no paths: the problems of the stories, read and checked
/// against `atlas`, as one sentence each. Without `--data` these are the
/// bundled stories; with `--data DIR`, the `*.json` files of `DIR/stories/`
/// if there is such a folder (so `check --data geodata` checks edited
/// stories against edited layers), else none: a folder of one's own layers
/// need not hold what the bundled stories show.
pub(crate) fn check_bundled(atlas: &Atlas, data: Option<&PathBuf>) -> Vec<String> {
    let stories = match data {
        None => story::bundled(),
        Some(dir) => {
            let mut stories = story::Stories::default();
            let mut paths: Vec<PathBuf> = std::fs::read_dir(dir.join("stories"))
                .map(|entries| {
                    entries
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|p| p.extension().is_some_and(|x| x == "json"))
                        .collect()
                })
                .unwrap_or_default();
            paths.sort();
            for path in paths {
                stories.push(story::load_file(&path));
            }
            stories
        }
    };
    let mut problems: Vec<String> = stories.errors.iter().map(ToString::to_string).collect();
    problems.extend(stories.check(atlas).iter().map(ToString::to_string));
    problems
}

/// For `check PATH`: `None` if the file is not a story (a JSON object with
/// "steps", decided by content); else its problems, checked against the
/// bundled data or `--data DIR`.
pub(crate) fn check_path(path: &Path, data: Option<&PathBuf>) -> Option<Vec<String>> {
    // Only a regular file is read (a named pipe would never end).
    let text = crate::atlas::read_data_file(path).ok()?;
    if !story::looks_like_story(&text) {
        return None;
    }
    let file = path.display().to_string();
    Some(match story::parse_story(&file, &text) {
        Ok(story) => {
            let loaded = match data {
                Some(dir) => crate::atlas::Loaded::from_dir(dir),
                None => crate::atlas::Loaded::bundled(),
            };
            story::check_story(&story, &loaded.atlas)
                .iter()
                .map(ToString::to_string)
                .collect()
        }
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    })
}
