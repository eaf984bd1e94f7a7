//! The resolved chronicle as plain data: built by `resolve`, read by `render`.
//!
//! Invariants: this module imports nothing from `load`, `resolve` or `render`, and does no
//! I/O. Once a `Chronicle` exists, every id in it resolves, every quote was found in its
//! seed, and every reverse edge (an actor's events, a day's events, the citations of a
//! seed) is filled in.

mod chronicle;
mod config;
pub mod ids;
pub mod kinds;
pub mod when;

pub use chronicle::*;
pub use config::{Config, MapConfig};
pub use ids::*;
pub use kinds::*;
pub use when::{Placement, When};
