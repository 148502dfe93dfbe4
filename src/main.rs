//! `caucasus-atlas`: opens the window, or runs a subcommand (see `--help`).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use caucasus_atlas::app::{AtlasApp, AtlasData, Command};
use caucasus_atlas::cli::{Cli, run};
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
        None => open_window(cli.data, cli.date, cli.screenshot),
    }
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
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "error: the window could not be opened ({e}). A desktop (X11 or Wayland) is needed; on a headless machine run under Xvfb (see README)."
            );
            ExitCode::FAILURE
        }
    }
}
