//! The list of features that could not be loaded (everything else is shown).

use crate::atlas::DataError;

/// Shows the problems in a window while `open`; the window's close button
/// clears it.
pub fn data_problems_window(ctx: &egui::Context, errors: &[DataError], open: &mut bool) {
    egui::Window::new("Data problems")
        .open(open)
        .default_width(520.0)
        .show(ctx, |ui| {
            ui.label("These features were left out; everything else is shown.");
            egui::ScrollArea::vertical()
                .max_height(300.0)
                .show(ui, |ui| {
                    for e in errors {
                        ui.label(e.to_string());
                    }
                });
        });
}
