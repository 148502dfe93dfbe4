//! Caucasus Atlas: the South Caucasus from 1988 to today — who controlled
//! which area on which day, with sources.
//!
//! Data flows one way: `geodata/*.geojson` → [`atlas`] (validated features) →
//! [`scene`] (styled primitives for a date) → [`render`] (window, SVG, PNG).
//! [`spatial`] holds the one projection and the one "what is here" query;
//! [`data`] is the loaded atlas with its projected shapes; [`compare`] finds
//! what changed hands between two dates; [`story`] walks a text (a news
//! article, a statement) claim by claim on the map.
//!
//! The window ([`app`]) sits on top and is the cargo feature `gui` (on by
//! default); nothing below it knows of egui, so
//! `cargo build --no-default-features` builds the library and the command line
//! without eframe, winit or wgpu.

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

#[cfg(feature = "gui")]
pub mod app;
pub mod atlas;
pub mod cli;
pub mod compare;
pub mod data;
pub mod json;
pub mod render;
pub mod scene;
pub mod search;
pub mod spatial;
pub mod story;
pub mod time;
