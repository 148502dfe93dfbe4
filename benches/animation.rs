//! The cost of animation frames at 1280×720 (the command line's default size):
//! two consecutive days of the 2020 war written as GIF and as APNG, so the
//! time covers drawing both frames, the GIF's palette and indexing, and the
//! APNG's changed rectangle; their difference from two PNG exports is the
//! encoders' share.
//!
//! `cargo bench --bench animation -- --quick` for a short run.

use std::sync::atomic::AtomicBool;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

use caucasus_atlas::data::AtlasData;
use caucasus_atlas::render::animation::{AnimationFormat, AnimationRequest, Step, write_animation};

fn benches(c: &mut Criterion) {
    let data = AtlasData::load(None);
    let dir = tempfile::tempdir().unwrap();
    let (from, to) = ("2020-10-17".parse().unwrap(), "2020-10-18".parse().unwrap());
    for (name, format, file) in [
        ("two 1280x720 frames as GIF", AnimationFormat::Gif, "a.gif"),
        (
            "two 1280x720 frames as APNG",
            AnimationFormat::Apng,
            "a.png",
        ),
    ] {
        let mut request = AnimationRequest::new(from, to, Step::Days(1));
        request.format = format;
        let path = dir.path().join(file);
        c.bench_function(name, |b| {
            b.iter(|| {
                write_animation(
                    &data.atlas,
                    &data.projected,
                    &request,
                    &path,
                    &mut |_, _, _| {},
                    &AtomicBool::new(false),
                )
                .unwrap()
            })
        });
    }
}

criterion_group! {
    name = animation;
    config = Criterion::default().sample_size(10).measurement_time(Duration::from_secs(10));
    targets = benches
}
criterion_main!(animation);
