//! Any text as command-line arguments (one a line): clap and the value
//! parsers (dates, steps, sizes, boxes, languages) accept or refuse it with a
//! message, never a panic. Only parsing: nothing is run, no file is written.
#![no_main]

use caucasus_atlas::cli::Cli;
use clap::Parser;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let args = std::iter::once("caucasus-atlas").chain(text.split('\n'));
    match Cli::try_parse_from(args) {
        Ok(cli) => drop(cli),
        Err(e) => drop(e.to_string()),
    }
});
