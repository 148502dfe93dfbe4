//! Drawing a Scene: into the egui window, and as SVG, PNG and animations for
//! export (the same Scene, so an export looks like the window).

pub mod animation;
pub mod egui_painter;
pub mod export;
pub mod raster;
pub mod svg;
