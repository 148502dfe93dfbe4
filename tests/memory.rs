//! Memory holds its bound: reading a user's layer of about 20 MB (dated
//! polygons and points in the proportions of the million-vertex benchmark
//! layer) into the model costs at most three times the file's size over
//! reading a tiny one. Each load runs in a child process (this test binary
//! again, told by an environment variable to load one file and exit) whose
//! peak resident memory the kernel reports (getrusage).
//!
//! Without the test harness (`harness = false`): `main` is either the
//! parent, which writes the files and checks the bound, or a child.

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::{Command, ExitCode};

use caucasus_atlas::atlas::import::synthetic::{SyntheticLayer, write_layer};
use caucasus_atlas::atlas::import::{Mapping, import_file};

/// Set in a child: the file it loads.
const CHILD: &str = "CAUCASUS_ATLAS_MEMORY_CHILD";

/// The largest resident set of any waited-for child so far, in bytes.
#[cfg(unix)]
fn children_peak_rss() -> u64 {
    // SAFETY: rusage is plain data, valid when zeroed.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage writes into the struct it is given.
    let ok = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(ok, 0, "getrusage");
    // Linux reports kilobytes.
    usage.ru_maxrss as u64 * 1024
}

/// Loads `path` in a child; returns the peak RSS of all children so far.
#[cfg(unix)]
fn load_in_child(path: &Path) -> u64 {
    let exe = std::env::current_exe().expect("the test binary's path");
    let out = Command::new(exe)
        .env(CHILD, path)
        .output()
        .expect("the child runs");
    assert!(
        out.status.success(),
        "the child failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    children_peak_rss()
}

fn write(path: &Path, layer: &SyntheticLayer) -> u64 {
    let mut writer = BufWriter::new(std::fs::File::create(path).expect("a temporary file"));
    write_layer(&mut writer, layer).expect("written");
    writer.flush().expect("flushed");
    std::fs::metadata(path).expect("written").len()
}

/// The child: load the file as the window and `--layer` do, then exit.
fn child(path: &str) -> ExitCode {
    match import_file(Path::new(path), &Mapping::default(), None) {
        Ok(imported) if imported.problems.is_empty() && !imported.layer.features.is_empty() => {
            std::hint::black_box(&imported);
            ExitCode::SUCCESS
        }
        Ok(imported) => {
            eprintln!("unexpected problems: {:?}", imported.problems.first());
            ExitCode::FAILURE
        }
        Err(_) => ExitCode::FAILURE,
    }
}

#[cfg(unix)]
fn parent() -> ExitCode {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let million = SyntheticLayer::MILLION;
    let tiny = dir.path().join("tiny.geojson");
    write(
        &tiny,
        &SyntheticLayer {
            polygons: 1,
            points: 10,
            ..million
        },
    );
    // Half the benchmark layer: 5,000 polygons and 50,000 points.
    let big = dir.path().join("big.geojson");
    let size = write(
        &big,
        &SyntheticLayer {
            polygons: million.polygons / 2,
            points: million.points / 2,
            ..million
        },
    );
    assert!((15_000_000..30_000_000).contains(&size), "{size} bytes");
    let base = load_in_child(&tiny);
    let peak = load_in_child(&big);
    let cost = peak.saturating_sub(base);
    println!(
        "memory: file {:.1} MB, base {:.1} MB, peak {:.1} MB: loading costs {:.2}x the file's size",
        size as f64 / 1e6,
        base as f64 / 1e6,
        peak as f64 / 1e6,
        cost as f64 / size as f64
    );
    if cost <= 3 * size {
        println!("test loading_a_20_mb_layer_takes_at_most_three_times_its_size ... ok");
        ExitCode::SUCCESS
    } else {
        eprintln!("loading cost {cost} bytes, more than 3x the file's {size} bytes");
        ExitCode::FAILURE
    }
}

#[cfg(not(unix))]
fn parent() -> ExitCode {
    println!("memory: getrusage is Unix only; not measured here");
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    match std::env::var(CHILD) {
        Ok(path) => child(&path),
        // `cargo test -- --list` and filters: nothing to list or filter.
        Err(_) if std::env::args().any(|a| a == "--list") => ExitCode::SUCCESS,
        Err(_) => parent(),
    }
}
