//! Drawing a Scene: into the egui window (and, later, SVG and PNG).

pub mod egui_painter;
