//! The front matter of each kind of content file, as written by the editor. Every
//! struct denies unknown keys, so a misspelled key is an error, not silently ignored.
//! Values that later checks may complain about keep their span (`Spanned`).

use crate::model::{ActorKind, Coordinates, SourceKind};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use toml::Spanned;

/// Someone who made or passed on a claim: an actor's id, or `{ unnamed = "a Malian
/// military source", part_of = "malian-army" }` for someone the seed does not name.
#[derive(Debug, Clone, PartialEq)]
pub enum ClaimantFront {
    Actor(String),
    Unnamed { description: String, part_of: Option<String> },
}

impl<'de> Deserialize<'de> for ClaimantFront {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ClaimantVisitor)
    }
}

struct ClaimantVisitor;

const CLAIMANT: &str =
    "an actor id, or `{ unnamed = \"how the seed describes them\", part_of = \"actor-id\" }`";

impl<'de> Visitor<'de> for ClaimantVisitor {
    type Value = ClaimantFront;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(CLAIMANT)
    }

    fn visit_str<E: de::Error>(self, id: &str) -> Result<ClaimantFront, E> {
        Ok(ClaimantFront::Actor(id.to_string()))
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<ClaimantFront, M::Error> {
        let (mut description, mut part_of) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "unnamed" => description = Some(map.next_value::<String>()?),
                "part_of" => part_of = Some(map.next_value::<String>()?),
                other => return Err(de::Error::unknown_field(other, &["unnamed", "part_of"])),
            }
        }
        let description = description.ok_or_else(|| de::Error::missing_field("unnamed"))?;
        Ok(ClaimantFront::Unnamed { description, part_of })
    }
}

/// One claimant or a list of them: `said_by = "x"` and `said_by = ["x", "y"]` both read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Claimants(pub Vec<ClaimantFront>);

impl<'de> Deserialize<'de> for Claimants {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ClaimantsVisitor;
        impl<'de> Visitor<'de> for ClaimantsVisitor {
            type Value = Claimants;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                write!(f, "{CLAIMANT}, or a list of them")
            }

            fn visit_str<E: de::Error>(self, id: &str) -> Result<Claimants, E> {
                ClaimantVisitor.visit_str(id).map(|c| Claimants(vec![c]))
            }

            fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Claimants, M::Error> {
                ClaimantVisitor.visit_map(map).map(|c| Claimants(vec![c]))
            }

            fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<Claimants, S::Error> {
                let mut all = Vec::new();
                while let Some(claimant) = seq.next_element()? {
                    all.push(claimant);
                }
                Ok(Claimants(all))
            }
        }
        deserializer.deserialize_any(ClaimantsVisitor)
    }
}

/// A position's figure: `number = 46`, or a range, `number = [25, 30]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FigureFront {
    pub low: f64,
    pub high: f64,
}

impl<'de> Deserialize<'de> for FigureFront {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FigureVisitor;
        impl<'de> Visitor<'de> for FigureVisitor {
            type Value = FigureFront;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number, or a range of two numbers like `[25, 30]`")
            }

            fn visit_i64<E: de::Error>(self, n: i64) -> Result<FigureFront, E> {
                self.visit_f64(n as f64)
            }

            fn visit_u64<E: de::Error>(self, n: u64) -> Result<FigureFront, E> {
                self.visit_f64(n as f64)
            }

            fn visit_f64<E: de::Error>(self, n: f64) -> Result<FigureFront, E> {
                Ok(FigureFront { low: n, high: n })
            }

            fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<FigureFront, S::Error> {
                let low: f64 = seq.next_element()?.ok_or_else(|| de::Error::invalid_length(0, &self))?;
                let high: f64 = seq.next_element()?.ok_or_else(|| de::Error::invalid_length(1, &self))?;
                if seq.next_element::<f64>()?.is_some() {
                    return Err(de::Error::invalid_length(3, &self));
                }
                Ok(FigureFront { low, high })
            }
        }
        deserializer.deserialize_any(FigureVisitor)
    }
}

/// The editor's reading: a conclusion no quote states outright, with its basis, cited in
/// the body as `[^id]` like a quote.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadingFront {
    pub id: Spanned<String>,
    pub basis: Spanned<String>,
    /// Keys of this file's quotes (or a comparison's positions) the reading rests on.
    #[serde(default)]
    pub rests_on: Vec<Spanned<String>>,
}

/// A public correction: what the page said and what it says now.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorrectionFront {
    pub date: Spanned<String>,
    pub was: String,
    pub now: String,
}

/// What every kind of content file may carry besides its own fields: the quotes and the
/// readings its body cites, and its corrections.
pub trait Annotated {
    fn attestations(&self) -> &[AttestationFront];
    fn readings(&self) -> &[ReadingFront];
    fn corrections(&self) -> &[CorrectionFront];
}

macro_rules! annotated {
    ($($front:ty),*) => {$(
        impl Annotated for $front {
            fn attestations(&self) -> &[AttestationFront] {
                &self.attestations
            }
            fn readings(&self) -> &[ReadingFront] {
                &self.readings
            }
            fn corrections(&self) -> &[CorrectionFront] {
                &self.corrections
            }
        }
    )*};
}

annotated!(SourceFront, EventFront, ActorFront, PlaceFront, ComparisonFront, NoteFront, ArticleFront);

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
    /// Who made the claim the quote reports, when the seed reports someone else's words.
    pub said_by: Option<Spanned<Claimants>>,
    /// Through whom the claim reaches the seed, in order from the claimant.
    pub via: Option<Spanned<Claimants>>,
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
    pub said_by: Option<Spanned<Claimants>>,
    pub via: Option<Spanned<Claimants>>,
    /// The figure the position gives, or its range, for the comparison's chart.
    pub number: Option<Spanned<FigureFront>>,
    /// What that figure counts.
    pub number_of: Option<String>,
    /// What it covers (the whole battle, one clash, named people, a period): figures are
    /// charted together only when they count the same thing over the same scope.
    pub scope: Option<String>,
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
    #[serde(default)]
    pub readings: Vec<ReadingFront>,
    #[serde(default)]
    pub corrections: Vec<CorrectionFront>,
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
    /// Where the event stands among those of its day, when the time does not say: lower
    /// first, 0 when not given.
    #[serde(default)]
    pub order: i32,
    #[serde(default)]
    pub attestations: Vec<AttestationFront>,
    #[serde(default)]
    pub readings: Vec<ReadingFront>,
    #[serde(default)]
    pub corrections: Vec<CorrectionFront>,
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
    #[serde(default)]
    pub readings: Vec<ReadingFront>,
    #[serde(default)]
    pub corrections: Vec<CorrectionFront>,
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
    #[serde(default)]
    pub readings: Vec<ReadingFront>,
    #[serde(default)]
    pub corrections: Vec<CorrectionFront>,
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
    #[serde(default)]
    pub readings: Vec<ReadingFront>,
    #[serde(default)]
    pub corrections: Vec<CorrectionFront>,
    /// Ids this thing was published under before; each leaves a redirect page.
    #[serde(default)]
    pub former_ids: Vec<Spanned<String>>,
}

/// A page of the editor's own (`content/pages/<id>.md`): a title, a body and its quotes.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleFront {
    pub title: String,
    #[serde(default)]
    pub attestations: Vec<AttestationFront>,
    #[serde(default)]
    pub readings: Vec<ReadingFront>,
    #[serde(default)]
    pub corrections: Vec<CorrectionFront>,
}

/// Day notes and the chronicle's introduction: only a body and its quotes.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteFront {
    #[serde(default)]
    pub attestations: Vec<AttestationFront>,
    #[serde(default)]
    pub readings: Vec<ReadingFront>,
    #[serde(default)]
    pub corrections: Vec<CorrectionFront>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct Claim {
        said_by: Claimants,
        #[serde(default)]
        number: Option<FigureFront>,
    }

    fn parse(text: &str) -> Result<Claim, String> {
        toml::from_str(text).map_err(|e| e.message().to_string())
    }

    #[test]
    fn a_claimant_is_an_actor_or_someone_unnamed_one_or_many() {
        let one = parse("said_by = \"afp\"").unwrap();
        assert_eq!(one.said_by.0, [ClaimantFront::Actor("afp".into())]);
        let many = parse("said_by = [\"a\", { unnamed = \"a resident\" }]").unwrap();
        assert_eq!(
            many.said_by.0,
            [
                ClaimantFront::Actor("a".into()),
                ClaimantFront::Unnamed { description: "a resident".into(), part_of: None }
            ]
        );
        let error = parse("said_by = { who = \"x\" }").unwrap_err();
        assert!(error.contains("unknown field `who`"), "{error}");
        let error = parse("said_by = 3").unwrap_err();
        assert!(error.contains("an actor id"), "{error}");
    }

    #[test]
    fn a_figure_is_a_number_or_a_range_of_two() {
        let range = parse("said_by = \"a\"\nnumber = [25, 30]").unwrap();
        assert_eq!(range.number, Some(FigureFront { low: 25.0, high: 30.0 }));
        let one = parse("said_by = \"a\"\nnumber = 2.5").unwrap();
        assert_eq!(one.number, Some(FigureFront { low: 2.5, high: 2.5 }));
        let error = parse("said_by = \"a\"\nnumber = [1, 2, 3]").unwrap_err();
        assert!(error.contains("invalid length 3"), "{error}");
    }
}
