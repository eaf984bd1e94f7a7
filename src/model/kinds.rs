//! The closed vocabularies of the content model (kinds of actors and sources) and
//! coordinates: written by editors in front matter, read as they are by every stage.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    NewsArticle,
    Encyclopedia,
    ReaderComments,
    Statement,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActorKind {
    Person,
    ArmedGroup,
    Army,
    State,
    Organisation,
    Media,
    Other,
}

/// A place's position in decimal degrees, with how precise it is and on what basis.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coordinates {
    pub lat: f64,
    pub lon: f64,
    pub precision: Option<String>,
    pub basis: Option<String>,
}
