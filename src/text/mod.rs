//! Text as every stage handles it: folding for quote matching, citation markers and
//! Markdown bodies, HTML escaping, syntax highlighting and language-specific typography.
//! Knows nothing of the chronicle's files or pages.

pub mod escape;
pub mod fold;
pub mod highlight;
pub mod lang;
pub mod markdown;
pub mod markers;
