//! The list of data problems: the features that could not be loaded (left
//! out; everything else is shown) and the warnings about features that were
//! loaded but read with a correction (a ring closed, an id renamed).

use crate::atlas::DataError;

/// The top bar's button text for `errors` and `warnings` ("2 data problems,
/// 3 warnings"); `None` when there is nothing to report.
pub fn problems_label(errors: usize, warnings: usize) -> Option<String> {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (errors, warnings) {
        (0, 0) => None,
        (e, 0) => Some(plural(e, "data problem", "data problems")),
        (0, w) => Some(plural(w, "data warning", "data warnings")),
        (e, w) => Some(format!(
            "{}, {}",
            plural(e, "data problem", "data problems"),
            plural(w, "warning", "warnings")
        )),
    }
}

/// Shows the problems in a window while `open`; the window's close button
/// clears it.
pub fn data_problems_window(
    ctx: &egui::Context,
    errors: &[DataError],
    warnings: &[DataError],
    open: &mut bool,
) {
    egui::Window::new("Data problems")
        .open(open)
        .default_width(520.0)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    if !errors.is_empty() {
                        ui.strong(format!("Left out ({})", errors.len()));
                        ui.label("These features could not be read; everything else is shown.");
                        for e in errors {
                            ui.label(e.to_string());
                        }
                    }
                    if !warnings.is_empty() {
                        if !errors.is_empty() {
                            ui.separator();
                        }
                        ui.strong(format!("Warnings ({})", warnings.len()));
                        ui.label("These features are shown, read as described.");
                        for w in warnings {
                            ui.label(w.to_string());
                        }
                    }
                });
        });
}

#[cfg(test)]
mod tests {
    use super::problems_label;

    #[test]
    fn the_button_counts_errors_and_warnings_apart() {
        assert_eq!(problems_label(0, 0), None);
        assert_eq!(problems_label(1, 0).as_deref(), Some("1 data problem"));
        assert_eq!(problems_label(0, 3).as_deref(), Some("3 data warnings"));
        assert_eq!(
            problems_label(2, 1).as_deref(),
            Some("2 data problems, 1 warning")
        );
    }
}
