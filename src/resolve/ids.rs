//! Ids across files: references to events, actors and places resolved against the files
//! that exist, former ids checked and turned into redirects, and "did you mean" hints.

use super::Resolver;
use crate::load::front::{ClaimantFront, Claimants};
use crate::load::Doc;
use crate::model::*;
use std::collections::BTreeMap;
use toml::Spanned;

/// The kinds of thing a front matter list may name by id.
#[derive(Clone, Copy)]
pub(super) enum Kind {
    Event,
    Actor,
    Place,
}

/// Former ids found so far, and which file claimed each.
#[derive(Default)]
struct Redirects {
    list: Vec<Redirect>,
    claimed: BTreeMap<(&'static str, String), String>,
}

impl Resolver<'_> {
    /// Resolves a list of ids of one kind, reporting each unknown one at its span.
    pub(super) fn ids<F, T>(
        &mut self,
        doc: &Doc<F>,
        values: &[Spanned<String>],
        kind: Kind,
        make: fn(String) -> T,
    ) -> Vec<T> {
        let (folder, noun) = match kind {
            Kind::Event => ("events", "event"),
            Kind::Actor => ("actors", "actor"),
            Kind::Place => ("places", "place"),
        };
        let mut ids = Vec::new();
        for value in values {
            let id = value.get_ref();
            if self.has_file(folder, id) {
                ids.push(make(id.clone()));
            } else {
                let known = self.content.ids.get(folder).into_iter().flatten().map(String::as_str);
                let help = known_help(folder, known, id);
                self.diagnostics
                    .push(doc.error_at(value.span(), format!("unknown {noun} `{id}`")).help(help));
            }
        }
        ids
    }

    /// Who made a quote's claim and through whom it came, each actor id checked.
    pub(super) fn claim<F>(
        &mut self,
        doc: &Doc<F>,
        said_by: Option<&Spanned<Claimants>>,
        via: Option<&Spanned<Claimants>>,
    ) -> Claim {
        let mut claimants = |list: Option<&Spanned<Claimants>>| -> Vec<Claimant> {
            let Some(list) = list else { return Vec::new() };
            let mut resolved = Vec::new();
            for claimant in &list.get_ref().0 {
                let (actor, description) = match claimant {
                    ClaimantFront::Actor(id) => (Some(id), None),
                    ClaimantFront::Unnamed { description, part_of } => (part_of.as_ref(), Some(description)),
                };
                if let Some(id) = actor {
                    if !self.has_file("actors", id) {
                        let known = self.content.ids.get("actors").into_iter().flatten().map(String::as_str);
                        let help = known_help("actors", known, id);
                        self.diagnostics
                            .push(doc.error_at(list.span(), format!("unknown actor `{id}`")).help(help));
                        continue;
                    }
                }
                resolved.push(match description {
                    Some(description) => Claimant::Unnamed {
                        description: description.trim().to_string(),
                        part_of: actor.map(|id| ActorId(id.clone())),
                    },
                    None => Claimant::Actor(ActorId(actor.cloned().unwrap_or_default())),
                });
            }
            resolved
        };
        let said_by = claimants(said_by);
        let via = claimants(via);
        Claim { said_by, via }
    }

    /// Whether `content/<folder>/<id>.md` exists, parsed or not.
    pub(super) fn has_file(&self, folder: &str, id: &str) -> bool {
        self.content.ids.get(folder).is_some_and(|ids| ids.contains(id))
    }

    /// Every former id of every content file, checked: a valid id, not the id of a
    /// current file of the same kind, and claimed once.
    pub(super) fn redirects(&mut self) -> Vec<Redirect> {
        let content = self.content;
        let mut found = Redirects::default();
        for d in &content.sources {
            self.former_ids("sources", d, &d.front.former_ids, |id| Owner::Source(SourceId(id)), &mut found);
        }
        for d in &content.events {
            self.former_ids("events", d, &d.front.former_ids, |id| Owner::Event(EventId(id)), &mut found);
        }
        for d in &content.actors {
            self.former_ids("actors", d, &d.front.former_ids, |id| Owner::Actor(ActorId(id)), &mut found);
        }
        for d in &content.places {
            self.former_ids("places", d, &d.front.former_ids, |id| Owner::Place(PlaceId(id)), &mut found);
        }
        for d in &content.comparisons {
            let make = |id| Owner::Comparison(ComparisonId(id));
            self.former_ids("compare", d, &d.front.former_ids, make, &mut found);
        }
        found.list.sort();
        found.list
    }

    fn former_ids<F>(
        &mut self,
        folder: &'static str,
        doc: &Doc<F>,
        former: &[Spanned<String>],
        make: fn(String) -> Owner,
        found: &mut Redirects,
    ) {
        for old in former {
            let name = old.get_ref();
            let problem = if !is_valid_id(name) || RESERVED_IDS.contains(&name.as_str()) {
                Some(("is not a valid id".to_string(), "write the id exactly as it was published"))
            } else if self.has_file(folder, name) {
                Some((
                    format!("is the id of content/{folder}/{name}.md"),
                    "a former id must no longer be in use",
                ))
            } else {
                let other = found.claimed.get(&(folder, name.clone()));
                other.map(|other| {
                    (format!("is also claimed by {other}"), "a former id leads to one place only")
                })
            };
            if let Some((what, help)) = problem {
                self.diagnostics
                    .push(doc.error_at(old.span(), format!("former id `{name}` {what}")).help(help));
                continue;
            }
            found.claimed.insert((folder, name.clone()), doc.file.path.clone());
            found.list.push(Redirect { from: make(name.clone()), to: make(doc.id.clone()) });
        }
    }
}

/// A help line naming the closest known id, or saying which file to add.
pub(super) fn known_help<'k>(folder: &str, known: impl Iterator<Item = &'k str>, wanted: &str) -> String {
    let closest = known
        .map(|id| (edit_distance(id, wanted), id))
        .min()
        .filter(|(distance, _)| *distance <= wanted.chars().count() / 3 + 1);
    match closest {
        Some((_, id)) => format!("did you mean `{id}`? otherwise add content/{folder}/{wanted}.md"),
        None => format!("add content/{folder}/{wanted}.md, or correct the id"),
    }
}

/// Levenshtein distance, for "did you mean" hints.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != cb)).min(row[j] + 1).min(current + 1);
            previous = current;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("konna", "kona"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("sevare", "sévaré"), 2);
    }

    #[test]
    fn help_suggests_the_closest_id() {
        let known = ["konna", "sevare"].into_iter();
        assert!(known_help("places", known, "kona").starts_with("did you mean `konna`?"));
        let known = ["konna"].into_iter();
        assert_eq!(known_help("places", known, "bamako"), "add content/places/bamako.md, or correct the id");
    }
}
