//! `caucasus-atlas`: opens the window, or runs a subcommand (see `--help`).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use caucasus_atlas::app::screenshot::{screenshot_failed, screenshot_saved};
use caucasus_atlas::app::{AtlasApp, AtlasData, Command};
use caucasus_atlas::atlas::{LINE_CHARS, printable};
use caucasus_atlas::cli::{Cli, run};
use caucasus_atlas::render::export::{extension, probe_destination};
use caucasus_atlas::time::{Date, TimeCommand};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => {
            let code = run(
                command,
                cli.data,
                &mut std::io::stdout(),
                &mut std::io::stderr(),
            );
            ExitCode::from(code.clamp(0, 255) as u8)
        }
        None => {
            // A screenshot that cannot be saved is found before the window opens.
            if let Some(path) = &cli.screenshot
                && let Err(e) = check_screenshot_path(path)
            {
                eprintln!("error: {}", printable(&e, LINE_CHARS));
                return ExitCode::FAILURE;
            }
            open_window(cli.data, cli.date, cli.screenshot)
        }
    }
}

/// A `--screenshot` file must be a .png in a folder the program may write to.
fn check_screenshot_path(path: &std::path::Path) -> Result<(), String> {
    if extension(path).as_deref() != Some("png") {
        return Err(format!(
            "\"{}\" does not end in .png (a screenshot is saved as PNG)",
            path.display()
        ));
    }
    probe_destination(path).map_err(|e| e.to_string())
}

fn open_window(
    data_dir: Option<PathBuf>,
    date: Option<Date>,
    screenshot: Option<PathBuf>,
) -> ExitCode {
    let data = AtlasData::load(data_dir.as_ref());
    for e in &data.errors {
        eprintln!("warning: {e}");
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Caucasus Atlas")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 420.0]),
        ..Default::default()
    };
    let wants_screenshot = screenshot.is_some();
    let result = eframe::run_native(
        "Caucasus Atlas",
        options,
        Box::new(move |cc| {
            let mut app = AtlasApp::new(cc, data);
            if let Some(date) = date {
                app.apply(Command::Time(TimeCommand::SetDate(date)));
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
