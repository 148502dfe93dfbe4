//! CPU time per frame of the window, headless: the UI pass plus tessellation,
//! with every bundled layer on and the date changing every frame (as when
//! scrubbing or playing at full speed). No GPU: egui_kittest without a renderer.
//!
//! Run: `cargo bench --bench ui_frames`. Besides criterion's mean, it prints
//! the median and 95th percentile over 300 consecutive frames, also with
//! compare mode on: scrubbing past new pairs of dates (computed on the worker
//! thread, the table saying "computing…"), and switching between two dates
//! whose comparisons are cached (the hatched overlay and its table drawn),
//! plain and in the swipe view; and scrubbing with a user's million-vertex
//! layer on.

use std::time::{Duration, Instant};

use caucasus_atlas::app::{AtlasApp, Command};
use caucasus_atlas::data::AtlasData;
use caucasus_atlas::time::{Date, StepUnit, TimeCommand};
use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;

fn harness() -> Harness<'static, AtlasApp> {
    harness_with(AtlasData::load(None))
}

fn harness_with(data: AtlasData) -> Harness<'static, AtlasApp> {
    let mut harness = Harness::builder()
        .with_size(egui::Vec2::new(1600.0, 1000.0))
        .build_eframe(move |cc| AtlasApp::new(cc, data));
    let start: Date = "2020-09-01"
        .parse()
        .unwrap_or(caucasus_atlas::time::ATLAS_START);
    harness
        .state_mut()
        .apply(Command::Time(TimeCommand::SetDate(start)));
    harness.run();
    harness
}

/// One frame: move the date by a day, run the UI pass, tessellate its shapes.
fn frame(harness: &mut Harness<'static, AtlasApp>, forward: bool) -> Duration {
    let t0 = Instant::now();
    harness
        .state_mut()
        .apply(Command::Time(TimeCommand::Step(StepUnit::Day, forward)));
    harness.step();
    let output = harness.output();
    let shapes = output.shapes.clone();
    let ppp = output.pixels_per_point;
    let primitives = harness.ctx.tessellate(shapes, ppp);
    std::hint::black_box(primitives);
    t0.elapsed()
}

/// One frame that sets the date (a cached compare pair), like [`frame`].
fn frame_on(harness: &mut Harness<'static, AtlasApp>, date: Date) -> Duration {
    let t0 = Instant::now();
    harness
        .state_mut()
        .apply(Command::Time(TimeCommand::SetDate(date)));
    harness.step();
    let output = harness.output();
    let primitives = harness
        .ctx
        .tessellate(output.shapes.clone(), output.pixels_per_point);
    std::hint::black_box(primitives);
    t0.elapsed()
}

fn report(what: &str, mut times: Vec<Duration>) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    eprintln!(
        "ui frame{what} over 300 frames: median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        ms(times[150]),
        ms(times[284]),
        ms(times[299])
    );
}

fn percentiles(harness: &mut Harness<'static, AtlasApp>) {
    let times = (0..300u32)
        .map(|i| frame(harness, (i / 150).is_multiple_of(2)))
        .collect();
    report("", times);
}

/// Compare mode on: scrubbing (new pairs every frame), then two cached pairs
/// alternating, then the same in the swipe view.
fn compare_percentiles() {
    let d = |s: &str| {
        s.parse::<Date>()
            .unwrap_or(caucasus_atlas::time::ATLAS_START)
    };
    let mut harness = harness();
    harness
        .state_mut()
        .apply(Command::SetCompareFrom(d("2020-08-01")));
    harness.run();
    let times = (0..300u32)
        .map(|i| frame(&mut harness, (i / 150).is_multiple_of(2)))
        .collect();
    report(" (compare on, scrubbing past new pairs)", times);

    let (d1, a, b) = (d("2020-09-26"), d("2020-11-10"), d("2020-12-02"));
    harness.state_mut().apply(Command::SetCompareFrom(d1));
    for date in [a, b] {
        harness
            .state_mut()
            .apply(Command::Time(TimeCommand::SetDate(date)));
        harness
            .state_mut()
            .wait_for_compare(Duration::from_secs(60));
        harness.run();
    }
    let dates = [a, b];
    let times = (0..300usize)
        .map(|i| frame_on(&mut harness, dates[i % 2]))
        .collect();
    report(" (compare on, cached pairs: overlay and table)", times);
    harness.state_mut().apply(Command::ToggleSwipe);
    harness.run();
    let times = (0..300usize)
        .map(|i| frame_on(&mut harness, dates[i % 2]))
        .collect();
    report(" (compare on, swipe view)", times);
}

/// Scrubbing with a user's million-vertex layer on (10,000 dated polygons
/// and 100,000 dated points, `SyntheticLayer::MILLION`).
fn user_layer_percentiles() {
    use caucasus_atlas::atlas::import::synthetic::{SyntheticLayer, write_layer};
    use caucasus_atlas::atlas::import::{Mapping, import_text};
    let mut bytes = Vec::new();
    if write_layer(&mut bytes, &SyntheticLayer::MILLION).is_err() {
        return;
    }
    let text = String::from_utf8_lossy(&bytes);
    let Ok(imported) = import_text("big.geojson", "big", &text, &Mapping::default(), None) else {
        return;
    };
    let mut harness = harness_with(AtlasData::load(None).with_user_layer(imported));
    let times = (0..300u32)
        .map(|i| frame(&mut harness, (i / 150).is_multiple_of(2)))
        .collect();
    report(" (with the 1M-vertex user layer)", times);
}

fn bench(c: &mut Criterion) {
    let mut harness = harness();
    percentiles(&mut harness);
    compare_percentiles();
    user_layer_percentiles();
    let mut i = 0u32;
    c.bench_function("ui frame (date changes every frame)", |b| {
        b.iter(|| {
            i += 1;
            frame(&mut harness, (i / 500).is_multiple_of(2))
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
