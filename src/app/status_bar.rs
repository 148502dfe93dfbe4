//! The status bar: the pointer's position and the base map's credits.

use egui::Ui;

/// Shows the pointer's (lon, lat), if it is over the map, and the credits.
pub fn status_bar(ui: &mut Ui, cursor_lonlat: Option<(f64, f64)>) {
    ui.horizontal_wrapped(|ui| {
        match cursor_lonlat {
            Some((lon, lat)) => ui.monospace(format!("{lat:.4}° N  {lon:.4}° E")),
            None => ui.monospace("—"),
        };
        ui.separator();
        ui.small("Borders: Natural Earth (public domain) · Places: GeoNames (CC BY 4.0) · Historical layers: see each feature's sources");
    });
}
