//! The front matter of each kind of content file, as written by the editor. Every
//! struct denies unknown keys, so a misspelled key is an error, not silently ignored.
//! Values that later checks may complain about keep their span (`Spanned`).

use crate::model::{ActorKind, Coordinates, SourceKind};
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// A verbatim quote backing a statement of the body, cited there as `[^key]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttestationFront {
    pub id: Option<Spanned<String>>,
    pub source: Spanned<String>,
    pub exact: Spanned<String>,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
    /// The quote's language when it is not its source's (a document quoting another).
    pub language: Option<String>,
    pub translation: Option<String>,
    pub note: Option<String>,
}

/// One source's answer to a comparison's question: a quote and the value it gives.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PositionFront {
    pub id: Option<Spanned<String>>,
    pub source: Spanned<String>,
    pub exact: Spanned<String>,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
    /// The quote's language when it is not its source's (a document quoting another).
    pub language: Option<String>,
    pub translation: Option<String>,
    pub note: Option<String>,
    pub value: String,
    pub said_by: Option<String>,
    /// Actors who state, claim or relay this position.
    #[serde(default)]
    pub actors: Vec<Spanned<String>>,
    /// The number the position gives, for the comparison's chart.
    pub number: Option<Spanned<f64>>,
    /// What that number counts; positions counting the same thing are charted together.
    pub number_of: Option<String>,
    pub as_of: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceFront {
    pub title: String,
    pub publisher: Option<String>,
    pub language: String,
    pub kind: SourceKind,
    pub seed: Spanned<String>,
    pub published: Option<Spanned<String>>,
    pub author: Option<String>,
    pub url: Option<String>,
    /// Field name → the basis on which the editor inferred it.
    #[serde(default)]
    pub inferred: BTreeMap<Spanned<String>, String>,
    /// Seed lines deliberately left uncited, with the reason.
    #[serde(default)]
    pub uncited: Vec<UncitedFront>,
    #[serde(default)]
    pub attestations: Vec<AttestationFront>,
    /// Ids this thing was published under before; each leaves a redirect page.
    #[serde(default)]
    pub former_ids: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UncitedFront {
    pub lines: Spanned<Vec<usize>>,
    pub reason: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventFront {
    pub title: String,
    pub when: Spanned<String>,
    pub date_basis: Option<String>,
    #[serde(default)]
    pub actors: Vec<Spanned<String>>,
    #[serde(default)]
    pub places: Vec<Spanned<String>>,
    #[serde(default)]
    pub headline: bool,
    #[serde(default)]
    pub attestations: Vec<AttestationFront>,
    /// Ids this thing was published under before; each leaves a redirect page.
    #[serde(default)]
    pub former_ids: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorFront {
    pub name: String,
    pub kind: ActorKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub affiliations: Vec<Spanned<String>>,
    pub role: Option<String>,
    #[serde(default)]
    pub attestations: Vec<AttestationFront>,
    /// Ids this thing was published under before; each leaves a redirect page.
    #[serde(default)]
    pub former_ids: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceFront {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub region: Option<Spanned<String>>,
    pub coordinates: Option<Spanned<Coordinates>>,
    #[serde(default)]
    pub attestations: Vec<AttestationFront>,
    /// Ids this thing was published under before; each leaves a redirect page.
    #[serde(default)]
    pub former_ids: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComparisonFront {
    pub question: String,
    #[serde(default)]
    pub events: Vec<Spanned<String>>,
    #[serde(default)]
    pub positions: Vec<PositionFront>,
    #[serde(default)]
    pub attestations: Vec<AttestationFront>,
    /// Ids this thing was published under before; each leaves a redirect page.
    #[serde(default)]
    pub former_ids: Vec<Spanned<String>>,
}

/// Day notes and the chronicle's introduction: only a body and its quotes.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteFront {
    #[serde(default)]
    pub attestations: Vec<AttestationFront>,
}
