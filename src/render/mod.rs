//! Drawing a Scene outside the window: SVG, PNG and animations for export.
//! They draw the same Scene as the window (`app::scene_painter`), so an export
//! looks like what the user sees.

pub mod animation;
pub mod citation;
pub mod export;
pub mod fonts;
pub mod frames;
pub mod gif_palette;
pub mod mp4;
pub mod paper;
pub mod pdf;
pub mod preset;
pub mod raster;
pub mod svg;
