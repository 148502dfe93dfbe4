//! The time model: calendar days and half-open lifespans.
//!
//! Everything in the atlas is dated to the day. A [`Lifespan`] is `[from, until)`:
//! `from` inclusive, `until` exclusive, `None` meaning "open" on that side.

mod date;
mod lifespan;
mod timeline;

pub use date::{ATLAS_START, Date, DateError};
pub use lifespan::Lifespan;
pub use timeline::{SPEED_PRESETS, StepUnit, TimeCommand, Timeline};
