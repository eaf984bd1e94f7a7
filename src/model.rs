//! The resolved chronicle: plain data, every id checked, every quote found in its seed.
//! Built by `resolve`, read by `render`; no I/O here.

use crate::config::Config;
use crate::load::front::{ActorKind, Coordinates, SourceKind};
use crate::resolve::dates::When;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

macro_rules! id_type {
    ($($name:ident),*) => {$(
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    )*};
}

id_type!(SourceId, EventId, ActorId, PlaceId, ComparisonId);

/// Ids are lowercase ASCII letters, digits and single inner hyphens: they become URLs.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
}

/// A valid id made from any text: `Sévaré (town)` → `sevare-town`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = ascii_of(c);
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// The base letter of common Latin accented letters, for slugs.
fn ascii_of(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        _ => c,
    }
}

/// What a piece of annotated text belongs to; it names footnote anchors and backlinks.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Owner {
    Intro,
    Day(NaiveDate),
    Event(EventId),
    Actor(ActorId),
    Place(PlaceId),
    Source(SourceId),
    Comparison(ComparisonId),
}

/// A passage of a seed that some quote points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub source: SourceId,
    /// Byte range in the seed; seeds never change, so this is stable.
    pub range: Range<usize>,
    /// The seed's own text of the passage, verbatim.
    pub text: String,
    /// 1-based line of the seed where the passage starts.
    pub line: usize,
}

impl Passage {
    /// The passage's anchor on its source page: stable for a given quote, since the seed
    /// is immutable and the offset is where the quote starts in it.
    pub fn anchor(&self) -> String {
        format!("q-{}-{}", self.source, self.range.start)
    }
}

/// A verbatim quote backing a statement, cited in a body as `[^key]`.
#[derive(Debug, Clone)]
pub struct Quote {
    pub key: String,
    pub passage: Passage,
    /// The language of the quote (its source's).
    pub language: String,
    pub translation: Option<String>,
    pub note: Option<String>,
}

/// Markdown with the quotes its footnote markers cite.
#[derive(Debug, Clone, Default)]
pub struct Text {
    pub markdown: String,
    pub quotes: BTreeMap<String, Quote>,
}

#[derive(Debug, Clone)]
pub struct Source {
    pub id: SourceId,
    pub title: String,
    pub publisher: Option<String>,
    pub language: String,
    pub kind: SourceKind,
    /// The path of the seed, e.g. `seeds/000_x.txt`.
    pub seed_path: String,
    pub seed_text: String,
    pub published: Option<When>,
    pub author: Option<String>,
    pub url: Option<String>,
    /// Field → basis, for metadata the seed does not state.
    pub inferred: BTreeMap<String, String>,
    pub notes: Text,
    /// Everything that cites a passage of this source, in seed order.
    pub citations: Vec<Citation>,
    /// The names of actors and places in the seed, in order.
    pub mentions: Vec<Mention>,
    /// Seed line → why the editor leaves it uncited.
    pub uncited: BTreeMap<usize, String>,
}

/// A place in the chronicle that cites a passage.
#[derive(Debug, Clone)]
pub struct Citation {
    pub passage: Passage,
    pub owner: Owner,
    pub key: String,
    /// A comparison's position rather than a footnote.
    pub is_position: bool,
}

#[derive(Debug, Clone)]
pub struct Event {
    pub id: EventId,
    pub title: String,
    pub when: When,
    pub date_basis: Option<String>,
    pub actors: Vec<ActorId>,
    pub places: Vec<PlaceId>,
    pub headline: bool,
    pub text: Text,
}

#[derive(Debug, Clone)]
pub struct Actor {
    pub id: ActorId,
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    pub affiliations: Vec<ActorId>,
    pub role: Option<String>,
    pub text: Text,
}

#[derive(Debug, Clone)]
pub struct Place {
    pub id: PlaceId,
    pub name: String,
    pub aliases: Vec<String>,
    pub region: Option<PlaceId>,
    pub coordinates: Option<Coordinates>,
    pub text: Text,
}

#[derive(Debug, Clone)]
pub struct Position {
    pub quote: Quote,
    pub value: String,
    pub said_by: Option<String>,
    pub actors: Vec<ActorId>,
    /// A number for the chart, and what it counts.
    pub number: Option<(f64, String)>,
    pub as_of: Option<When>,
}

#[derive(Debug, Clone)]
pub struct Comparison {
    pub id: ComparisonId,
    pub question: String,
    pub events: Vec<EventId>,
    pub positions: Vec<Position>,
    pub text: Text,
}

/// What a name names.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Named {
    Actor(ActorId),
    Place(PlaceId),
}

impl Named {
    pub fn id(&self) -> &str {
        match self {
            Named::Actor(id) => &id.0,
            Named::Place(id) => &id.0,
        }
    }
}

/// A name found in a seed: its byte range there and what it names.
#[derive(Debug, Clone)]
pub struct Mention {
    pub range: Range<usize>,
    pub of: Named,
}

/// Where a name (an actor's or a place's, or one of their aliases) occurs in the seeds.
#[derive(Debug, Clone, Default)]
pub struct NameUse {
    pub variant: String,
    pub sources: Vec<SourceId>,
}

/// The whole chronicle, resolved.
#[derive(Debug, Clone)]
pub struct Chronicle {
    pub config: Config,
    pub intro: Text,
    pub sources: BTreeMap<SourceId, Source>,
    /// In chronological order, then by id.
    pub events: Vec<Event>,
    pub actors: BTreeMap<ActorId, Actor>,
    pub places: BTreeMap<PlaceId, Place>,
    pub comparisons: BTreeMap<ComparisonId, Comparison>,
    pub day_notes: BTreeMap<NaiveDate, Text>,
    /// For each actor or place id, each of its names and the sources that use it.
    pub name_uses: BTreeMap<String, Vec<NameUse>>,
    /// How many quotes were found in their seeds.
    pub quotes_verified: usize,
    pub coverage: Coverage,
    /// Former ids that must keep answering: each `from` redirects to its `to`.
    pub redirects: Vec<Redirect>,
    /// A fingerprint of the content, cited as the version of every page.
    pub version: String,
    /// The interface text in the chronicle's language.
    pub interface: crate::load::interface::Interface,
    /// The outline under the places map, when the chronicle has a map.
    pub outline: Option<crate::load::outline::Outline>,
}

/// A URL published under a former id, and the thing it now leads to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Redirect {
    pub from: Owner,
    pub to: Owner,
}

/// How much of the seeds the chronicle cites, counted in paragraphs (non-blank lines).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Coverage {
    pub paragraphs: usize,
    pub cited: usize,
}

impl Coverage {
    pub fn percent(&self) -> f64 {
        if self.paragraphs == 0 {
            return 100.0;
        }
        100.0 * self.cited as f64 / self.paragraphs as f64
    }
}

impl Chronicle {
    pub fn event(&self, id: &EventId) -> Option<&Event> {
        self.events.iter().find(|e| &e.id == id)
    }

    /// Every day of the configured range.
    pub fn days(&self) -> impl Iterator<Item = NaiveDate> {
        crate::resolve::dates::days(self.config.start, self.config.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_url_safe_slugs() {
        assert!(is_valid_id("konna-captured"));
        assert!(is_valid_id("2013-01-10"));
        for bad in ["", "Konna", "konna_captured", "-a", "a-", "a--b", "sévaré"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn slugify_makes_valid_ids() {
        assert_eq!(slugify("Sévaré (town)"), "sevare-town");
        assert_eq!(slugify("  Iyad Ag Ghali!"), "iyad-ag-ghali");
        assert!(is_valid_id(&slugify("Al-Qaïda au Maghreb islamique")));
    }
}
