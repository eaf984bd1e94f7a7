//! Ids and what they name. An id is a content file's stem and becomes part of a URL, so
//! it is a lowercase ASCII slug; each kind has its own id type, and an `Owner` or a
//! `Named` says which kind an id belongs to, so an actor and a place may share one.

use chrono::NaiveDate;
use serde::Serialize;
use std::fmt;

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

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
    )*};
}

id_type!(SourceId, EventId, ActorId, PlaceId, ComparisonId, ArticleId);

/// An event's position in `Chronicle::events`, which is in chronological order.
pub type EventIx = usize;

/// Ids that name the index page of their folder, so no content file may take them.
pub const RESERVED_IDS: [&str; 1] = ["index"];

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
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Owner {
    Intro,
    Day(NaiveDate),
    Event(EventId),
    Actor(ActorId),
    Place(PlaceId),
    Source(SourceId),
    Comparison(ComparisonId),
    /// A page of the editor's own, such as how the dates were worked out.
    Article(ArticleId),
}

/// What a name names: an actor or a place, which may share an id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Named {
    Actor(ActorId),
    Place(PlaceId),
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
