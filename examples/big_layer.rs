//! Writes the deterministic million-vertex user layer (10,000 dated polygons
//! and 100,000 dated points) for benchmarks and the GeoPandas comparison:
//!
//! ```text
//! cargo run --release --example big_layer -- /tmp/big.geojson [SCALE]
//! ```
//! SCALE (default 1) multiplies the counts (0.5 gives about 20 MB).

use std::io::{BufWriter, Write};

use caucasus_atlas::atlas::import::synthetic::{SyntheticLayer, write_layer};

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next() else {
        eprintln!("usage: big_layer OUT.geojson [SCALE]");
        std::process::exit(2);
    };
    let scale: f64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1.0);
    let million = SyntheticLayer::MILLION;
    let layer = SyntheticLayer {
        polygons: (million.polygons as f64 * scale) as usize,
        points: (million.points as f64 * scale) as usize,
        ..million
    };
    let file = std::fs::File::create(&out)?;
    let mut writer = BufWriter::new(file);
    write_layer(&mut writer, &layer)?;
    writer.flush()?;
    eprintln!(
        "wrote {out}: {} polygons, {} points, {} vertices",
        layer.polygons,
        layer.points,
        layer.vertices()
    );
    Ok(())
}
