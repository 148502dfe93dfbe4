//! Geometry in map space: the projection, triangulation, picking and the
//! per-feature cache of projected shapes.

pub mod hatch;
pub mod projected;
pub mod projection;
pub mod projector;
pub mod query;
pub mod triangulate;
pub mod view;

pub use projected::{ProjectedAtlas, ProjectedFeature, ProjectedShape};
pub use projection::{MapPoint, REGION, RegionBox, conformal_conic};
pub use projector::Projector;
pub use query::{Hit, features_at, visible_on};
pub use view::MapView;
