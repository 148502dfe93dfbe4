//! The speed target of `diff`: any pair of dates under 50 ms for the bundled data.
//!
//! A comparison depends only on which history entries are in force on each date,
//! so the pairs of distinct change dates (each history entry's first day) cover
//! every result there is. The setup times each such pair once and reports the
//! slowest; criterion then measures that pair, a few well-known ones, a box and
//! a polygon region, and building the per-zone area cache.
//!
//! `cargo bench --bench compare -- --quick` for a short run.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use geo::BooleanOps;

use caucasus_atlas::atlas::{LayerKind, Loaded};
use caucasus_atlas::compare::{Region, ZoneAreas, compare};
use caucasus_atlas::spatial::{REGION, RegionBox};
use caucasus_atlas::time::Date;

fn benches(c: &mut Criterion) {
    let atlas = Loaded::bundled().atlas;
    let zones = ZoneAreas::build(&atlas);
    let d = |s: &str| s.parse::<Date>().unwrap();

    // Every distinct first day of a control entry.
    let mut dates: Vec<Date> = atlas
        .layer(&LayerKind::Control)
        .map(|l| {
            l.features
                .iter()
                .flat_map(|f| f.history.iter().filter_map(|h| h.span.from))
                .collect()
        })
        .unwrap_or_default();
    dates.push(Date::today());
    dates.sort();
    dates.dedup();
    let mut slowest = (Duration::ZERO, dates[0], dates[1]);
    let mut pairs = 0;
    let started = Instant::now();
    for (i, &a) in dates.iter().enumerate() {
        for &b in &dates[i + 1..] {
            let t = Instant::now();
            black_box(compare(&atlas, &zones, a, b, None).unwrap());
            let took = t.elapsed();
            pairs += 1;
            if took > slowest.0 {
                slowest = (took, a, b);
            }
        }
    }
    eprintln!(
        "{pairs} pairs of {} change dates in {:.2} s; slowest {} → {} once: {:.2} ms",
        dates.len(),
        started.elapsed().as_secs_f64(),
        slowest.1,
        slowest.2,
        slowest.0.as_secs_f64() * 1e3
    );
    let (_, a, b) = slowest;
    c.bench_function(&format!("diff slowest pair {a} → {b}"), |bench| {
        bench.iter(|| compare(&atlas, &zones, black_box(a), black_box(b), None).unwrap())
    });
    for (from, to) in [
        ("2020-09-26", "2020-12-02"),
        ("1991-09-01", "1994-05-12"),
        ("1988-02-20", "2025-01-01"),
    ] {
        let (from, to) = (d(from), d(to));
        c.bench_function(&format!("diff {from} → {to}"), |bench| {
            bench.iter(|| compare(&atlas, &zones, black_box(from), black_box(to), None).unwrap())
        });
    }
    let karabakh = Region::from_box(RegionBox {
        min_lon: 45.0,
        min_lat: 38.8,
        max_lon: 47.8,
        max_lat: 40.6,
    });
    c.bench_function("diff 2020-09-26 → 2020-12-02 --bbox Karabakh", |bench| {
        bench.iter(|| {
            compare(
                &atlas,
                &zones,
                d("2020-09-26"),
                d("2020-12-02"),
                Some(black_box(&karabakh)),
            )
            .unwrap()
        })
    });
    // A polygon region: everything outside the NKAO (as in tests/compare.rs).
    let nkao: geojson::FeatureCollection =
        include_str!("../tests/data/nkao.geojson").parse().unwrap();
    let nkao: geo::Polygon<f64> = nkao.features[0]
        .geometry
        .as_ref()
        .unwrap()
        .try_into()
        .unwrap();
    let box_polygon = geo::Rect::new(
        geo::coord! {x: REGION.min_lon, y: REGION.min_lat},
        geo::coord! {x: REGION.max_lon, y: REGION.max_lat},
    )
    .to_polygon();
    let outside = Region::from_polygons(box_polygon.difference(&nkao)).unwrap();
    c.bench_function("diff 1991-09-01 → 1994-05-12 outside the NKAO", |bench| {
        bench.iter(|| {
            compare(
                &atlas,
                &zones,
                d("1991-09-01"),
                d("1994-05-12"),
                Some(black_box(&outside)),
            )
            .unwrap()
        })
    });
    c.bench_function("ZoneAreas::build (once per atlas)", |bench| {
        bench.iter(|| ZoneAreas::build(black_box(&atlas)))
    });
}

criterion_group! {
    name = compare_benches;
    config = Criterion::default().warm_up_time(Duration::from_millis(500));
    targets = benches
}
criterion_main!(compare_benches);
