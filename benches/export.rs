//! The speed targets of exports and of the map's queries:
//! - building the Scene for a date,
//! - hit-testing a point (what a click in the window runs),
//! - a 1920×1080 PNG export of every bundled layer (target: well under a second),
//!   and its two halves (SVG writing, rasterising) to show where the time goes,
//! - an A4 vector PDF of every layer.
//!
//! `cargo bench --bench export -- --quick` for a short run.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

use caucasus_atlas::data::AtlasData;
use caucasus_atlas::render::export::{ExportRequest, Format, Prepared, render_bytes};
use caucasus_atlas::render::paper::{Orientation, Paper, PaperPage};
use caucasus_atlas::render::raster::{parse_svg, rasterize};
use caucasus_atlas::scene::{SceneOptions, build_scene};
use caucasus_atlas::spatial::features_at;
use caucasus_atlas::time::Date;

fn benches(c: &mut Criterion) {
    let data = AtlasData::load(None);
    let date: Date = "2020-11-10".parse().unwrap();
    let options = SceneOptions {
        date,
        language: caucasus_atlas::atlas::Language::En,
        names: Default::default(),
        hidden_layers: Default::default(),
        extent: None,
        compare: None,
    };
    c.bench_function("scene for 2020-11-10", |b| {
        b.iter(|| build_scene(&data.atlas, &data.projected, black_box(&options)))
    });

    let shusha = caucasus_atlas::spatial::conformal_conic()
        .forward(46.75, 39.76)
        .unwrap();
    c.bench_function("hit-test Shusha on 2020-11-10", |b| {
        b.iter(|| {
            features_at(
                &data.atlas,
                &data.projected,
                date,
                black_box(shusha),
                2.0,
                &|_| true,
            )
            .len()
        })
    });

    let request = ExportRequest::new(date);
    let prepared = Prepared::new(&data.atlas, &request).unwrap();
    let scene = prepared.scene(&data.atlas, &data.projected, date);
    let svg = prepared.svg(&scene);
    let mut group = c.benchmark_group("export 1920x1080");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("write SVG", |b| b.iter(|| prepared.svg(black_box(&scene))));
    group.bench_function("rasterise SVG", |b| {
        b.iter(|| rasterize(black_box(&svg)).unwrap())
    });
    // The two halves of rasterising: parsing (with text shaping) and drawing.
    group.bench_function("parse SVG (usvg, text shaping)", |b| {
        b.iter(|| parse_svg(black_box(&svg)).unwrap())
    });
    let tree = parse_svg(&svg).unwrap();
    group.bench_function("draw parsed SVG (resvg)", |b| {
        b.iter(|| {
            let size = tree.size().to_int_size();
            let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
            resvg::render(
                &tree,
                resvg::tiny_skia::Transform::identity(),
                &mut pixmap.as_mut(),
            );
            pixmap
        })
    });
    group.bench_function("PNG, all layers (scene + SVG + raster + encode)", |b| {
        b.iter(|| render_bytes(&data.atlas, &data.projected, black_box(&request)).unwrap())
    });
    group.finish();

    // A vector PDF on A4 landscape: the same SVG, parsed by svg2pdf's usvg,
    // with the bundled fonts subset and embedded.
    let mut pdf = ExportRequest::new(date);
    pdf.format = Format::Pdf;
    pdf.paper = Some(PaperPage {
        paper: Paper::A4,
        orientation: Orientation::Landscape,
        margin_mm: PaperPage::DEFAULT_MARGIN_MM,
    });
    let mut group = c.benchmark_group("export PDF");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("A4 landscape, all layers (scene + SVG + PDF)", |b| {
        b.iter(|| render_bytes(&data.atlas, &data.projected, black_box(&pdf)).unwrap())
    });
    group.finish();
}

criterion_group!(export, benches);
criterion_main!(export);
