//! `caucasus-atlas`: opens the window, or runs a subcommand (see `--help`).

// Nothing a user or a file controls may panic the program: these are denied
// in the library and the binary, and each remaining allow says why it holds.
// Tests may use them (clippy.toml).
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

#[cfg(feature = "gui")]
use caucasus_atlas::app::screenshot::{screenshot_failed, screenshot_saved};
#[cfg(feature = "gui")]
use caucasus_atlas::app::{AtlasApp, Command, state_file};
use caucasus_atlas::atlas::NameOrder;
#[cfg(feature = "gui")]
use caucasus_atlas::atlas::{LINE_CHARS, printable};
use caucasus_atlas::cli::{Cli, run};
#[cfg(feature = "gui")]
use caucasus_atlas::data::AtlasData;
use caucasus_atlas::data::DataSource;
#[cfg(feature = "gui")]
use caucasus_atlas::render::export::{extension, probe_destination};
use caucasus_atlas::time::Date;
#[cfg(feature = "gui")]
use caucasus_atlas::time::TimeCommand;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let source = cli.user_layers.source(cli.data);
    match cli.command {
        Some(command) => {
            let code = run(
                command,
                source,
                &mut std::io::stdout(),
                &mut std::io::stderr(),
            );
            ExitCode::from(code.clamp(0, 255) as u8)
        }
        None => open_window(source, cli.date, cli.names, cli.compare, cli.screenshot),
    }
}

/// A `--screenshot` file must be a .png in a folder the program may write to.
#[cfg(feature = "gui")]
fn check_screenshot_path(path: &std::path::Path) -> Result<(), String> {
    if extension(path).as_deref() != Some("png") {
        return Err(format!(
            "\"{}\" does not end in .png (a screenshot is saved as PNG)",
            path.display()
        ));
    }
    probe_destination(path).map_err(|e| e.to_string())
}

/// Without the `gui` feature there is no window to open: say so.
#[cfg(not(feature = "gui"))]
fn open_window(
    _source: DataSource,
    _date: Option<Date>,
    _names: Option<NameOrder>,
    _compare: Option<Date>,
    _screenshot: Option<PathBuf>,
) -> ExitCode {
    eprintln!(
        "error: this build of caucasus-atlas has no window (it was built without the \"gui\" feature); run a subcommand, see --help"
    );
    ExitCode::from(2)
}

#[cfg(feature = "gui")]
fn open_window(
    source: DataSource,
    date: Option<Date>,
    names: Option<NameOrder>,
    compare: Option<Date>,
    screenshot: Option<PathBuf>,
) -> ExitCode {
    // A screenshot that cannot be saved is found before the window opens.
    if let Some(path) = &screenshot
        && let Err(e) = check_screenshot_path(path)
    {
        eprintln!("error: {}", printable(&e, LINE_CHARS));
        return ExitCode::FAILURE;
    }
    let data = AtlasData::load_source(&source);
    for e in data.errors.iter().chain(&data.warnings) {
        eprintln!("warning: {e}");
    }
    // Stored state never stops the program from starting: the file is checked
    // (and repaired) before eframe and egui read it.
    let state_path = state_file::default_path();
    let state_note = state_path.as_deref().and_then(state_file::check_and_repair);
    if let Some(note) = &state_note {
        eprintln!("note: {note}");
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(state_file::APP_ID)
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 420.0]),
        persistence_path: state_path,
        ..Default::default()
    };
    let wants_screenshot = screenshot.is_some();
    let result = eframe::run_native(
        state_file::APP_ID,
        options,
        Box::new(move |cc| {
            let mut app = AtlasApp::new(cc, data);
            app.add_notes(state_note);
            if let Some(date) = date {
                app.apply(Command::Time(TimeCommand::SetDate(date)));
            }
            if let Some(names) = names {
                app.apply(Command::SetNames(names));
            }
            if let Some(from) = compare {
                app.apply(Command::SetCompareFrom(from));
            }
            if let Some(path) = screenshot {
                app.save_screenshot_and_quit(path);
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) if wants_screenshot && !screenshot_saved() => {
            if !screenshot_failed() {
                eprintln!("error: the window closed before the screenshot was saved");
            }
            ExitCode::FAILURE
        }
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "error: the window could not be opened ({e}). A desktop (X11 or Wayland) is needed; on a headless machine run under Xvfb (see README)."
            );
            ExitCode::FAILURE
        }
    }
}
