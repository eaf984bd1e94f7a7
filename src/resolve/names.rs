//! Where the names of actors and places occur in the seeds: each name (the main one and
//! every alias) as a whole word, across typographic variants but not case, since case is
//! part of a spelling ("Iyad ag Ghali" and "Iyad Ag Ghali" are both recorded). Each seed
//! is searched once, in the same pass as its quotes are anchored (see `quotes`); the
//! results say which sources use which spelling, and let source pages link names to
//! profiles. An actor and a place may share a name (the state and the country "Mali"):
//! both are credited with it; the link on the source page goes to the actor.

use crate::load::Content;
use crate::model::{Chronicle, Mention, NameUse, Named, SourceId};
use crate::text::fold::{fold, Folded};
use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// Every spelling of every actor's and place's name, ready to search seeds for.
pub struct Names {
    /// Each name (actors' first), with what it names.
    names: Vec<(Named, String)>,
    /// For each distinct folded spelling, the names spelt so.
    spelt: Vec<Vec<usize>>,
    /// Leftmost-longest: "Iyad Ag Ghali" wins over a bare "Ghali" at the same place.
    automaton: Option<AhoCorasick>,
}

/// What a seed holds of the names: its mentions, and the spellings it uses, in order.
#[derive(Default)]
pub struct Found {
    mentions: Vec<Mention>,
    spellings: Vec<usize>,
}

impl Names {
    pub fn new(content: &Content) -> Names {
        let mut names: Vec<(Named, String)> = Vec::new();
        for doc in &content.actors {
            let all = std::iter::once(&doc.front.name).chain(&doc.front.aliases);
            names.extend(all.map(|n| (Named::Actor(crate::model::ActorId(doc.id.clone())), n.clone())));
        }
        for doc in &content.places {
            let all = std::iter::once(&doc.front.name).chain(&doc.front.aliases);
            names.extend(all.map(|n| (Named::Place(crate::model::PlaceId(doc.id.clone())), n.clone())));
        }
        // One pattern per distinct folded spelling, with the names that spell it so.
        let mut patterns: Vec<String> = Vec::new();
        let mut spelt: Vec<Vec<usize>> = Vec::new();
        let mut pattern_of: FxHashMap<String, usize> = FxHashMap::default();
        for (index, (_, name)) in names.iter().enumerate() {
            let folded = fold(name).trim().to_string();
            if folded.is_empty() {
                continue;
            }
            let pattern = *pattern_of.entry(folded.clone()).or_insert_with(|| {
                patterns.push(folded);
                spelt.push(Vec::new());
                patterns.len() - 1
            });
            spelt[pattern].push(index);
        }
        let automaton = (!patterns.is_empty())
            .then(|| AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&patterns).ok())
            .flatten();
        Names { names, spelt, automaton }
    }

    /// The names in one seed, folded.
    pub fn find(&self, folded: &Folded, original: &str) -> Found {
        let mut found = Found::default();
        let Some(automaton) = &self.automaton else { return found };
        for hit in automaton.find_iter(&folded.text) {
            if !is_whole_word(&folded.text, hit.start(), hit.end()) {
                continue;
            }
            let pattern = hit.pattern().as_usize();
            found.spellings.push(pattern);
            found.mentions.push(Mention {
                range: folded.original_range(hit.range(), original),
                of: self.names[self.spelt[pattern][0]].0.clone(),
            });
        }
        found
    }

    /// Gives each source the mentions found in its seed, and each actor and place the
    /// sources that use each of its names.
    pub fn credit(self, chronicle: &mut Chronicle, by_seed: FxHashMap<String, Found>) {
        let mut users: Vec<Vec<SourceId>> = vec![Vec::new(); self.names.len()];
        let seeds: BTreeMap<SourceId, String> =
            chronicle.sources.values().map(|s| (s.id.clone(), s.seed_path.clone())).collect();
        for (id, seed) in seeds {
            let Some(found) = by_seed.get(&seed) else { continue };
            for &pattern in &found.spellings {
                for &name in &self.spelt[pattern] {
                    // Sources are taken one at a time: a repeat is the last one pushed.
                    if users[name].last() != Some(&id) {
                        users[name].push(id.clone());
                    }
                }
            }
            // Two sources may share a seed, so each takes a copy.
            if let Some(source) = chronicle.sources.get_mut(&id) {
                source.mentions = found.mentions.clone();
            }
        }
        for ((named, variant), sources) in self.names.into_iter().zip(users) {
            let uses = match &named {
                Named::Actor(id) => chronicle.actors.get_mut(id).map(|a| &mut a.names),
                Named::Place(id) => chronicle.places.get_mut(id).map(|p| &mut p.names),
            };
            if let Some(uses) = uses {
                uses.push(NameUse { variant, sources });
            }
        }
    }
}

fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        let text = "le mali et les maliens";
        assert!(is_whole_word(text, 3, 7));
        assert!(!is_whole_word(text, 15, 19));
    }
}
