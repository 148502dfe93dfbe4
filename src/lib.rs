//! Caucasus Atlas: the South Caucasus from 1988 to today — who controlled
//! which area on which day, with sources.
//!
//! Data flows one way: `geodata/*.geojson` → [`atlas`] (validated features) →
//! [`scene`] (styled primitives for a date) → [`render`] (window, SVG, PNG).
//! [`spatial`] holds the one projection and the one "what is here" query.

pub mod app;
pub mod atlas;
pub mod cli;
pub mod render;
pub mod scene;
pub mod spatial;
pub mod time;
