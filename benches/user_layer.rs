//! A user's million-vertex layer (10,000 dated polygons and 100,000 dated
//! points, generated deterministically): reading it, the hover/click lookup
//! with it on (target: under 1 ms), and a Scene with it.

use std::hint::black_box;

use caucasus_atlas::atlas::Language;
use caucasus_atlas::atlas::import::synthetic::{SyntheticLayer, write_layer};
use caucasus_atlas::atlas::import::{Mapping, import_text};
use caucasus_atlas::data::AtlasData;
use caucasus_atlas::scene::{SceneOptions, build_scene};
use caucasus_atlas::spatial::{conformal_conic, features_at};
use caucasus_atlas::time::Date;
use criterion::{Criterion, criterion_group, criterion_main};

fn benches(c: &mut Criterion) {
    let mut bytes = Vec::new();
    write_layer(&mut bytes, &SyntheticLayer::MILLION).expect("written");
    let text = String::from_utf8(bytes).expect("UTF-8");
    let read = || import_text("big.geojson", "big", &text, &Mapping::default(), None);
    let mut group = c.benchmark_group("user layer");
    group.sample_size(10);
    group.bench_function("read the 1M-vertex layer", |b| b.iter(|| black_box(read())));
    group.finish();

    let imported = read().expect("not cancelled");
    let data = AtlasData::load(None).with_user_layer(imported);
    let date: Date = "2020-10-04".parse().expect("a date");
    let conic = conformal_conic();
    let points: Vec<_> = [(46.75, 39.8), (44.5, 40.2), (45.0, 41.7), (48.0, 40.4)]
        .iter()
        .filter_map(|&(lon, lat)| conic.forward(lon, lat))
        .collect();
    c.bench_function("hover lookup with the 1M-vertex layer", |b| {
        b.iter(|| {
            for p in &points {
                black_box(features_at(
                    &data.atlas,
                    &data.projected,
                    date,
                    *p,
                    2.0,
                    &|_| true,
                ));
            }
        })
    });
    let options = SceneOptions {
        date,
        language: Language::En,
        names: Default::default(),
        hidden_layers: Default::default(),
        extent: None,
        compare: None,
    };
    c.bench_function("scene with the 1M-vertex layer", |b| {
        b.iter(|| build_scene(&data.atlas, &data.projected, black_box(&options)))
    });
}

criterion_group!(user_layer, benches);
criterion_main!(user_layer);
