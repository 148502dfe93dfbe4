//! CPU time per frame of the window, headless: the UI pass plus tessellation,
//! with every bundled layer on and the date changing every frame (as when
//! scrubbing or playing at full speed). No GPU: egui_kittest without a renderer.
//!
//! Run: `cargo bench --bench ui_frames`. Besides criterion's mean, it prints
//! the median and 95th percentile over 300 consecutive frames.

use std::time::{Duration, Instant};

use caucasus_atlas::app::{AtlasApp, Command};
use caucasus_atlas::data::AtlasData;
use caucasus_atlas::time::{Date, StepUnit, TimeCommand};
use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;

fn harness() -> Harness<'static, AtlasApp> {
    let data = AtlasData::load(None);
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

fn percentiles(harness: &mut Harness<'static, AtlasApp>) {
    let mut times: Vec<Duration> = (0..300u32)
        .map(|i| frame(harness, (i / 150).is_multiple_of(2)))
        .collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    eprintln!(
        "ui frame over 300 frames: median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        ms(times[150]),
        ms(times[284]),
        ms(times[299])
    );
}

fn bench(c: &mut Criterion) {
    let mut harness = harness();
    percentiles(&mut harness);
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
