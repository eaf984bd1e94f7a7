//! Where the names of actors and places occur in the seeds: each name (the main one and
//! every alias) as a whole word, across typographic variants but not case, since case is
//! part of a spelling ("Iyad ag Ghali" and "Iyad Ag Ghali" are both recorded). One pass
//! over each seed finds them all; the results say which sources use which spelling, and
//! let source pages link names to profiles.

use super::quotes::{fold, Folded};
use crate::model::{Chronicle, Mention, NameUse, Named, SourceId};
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::{BTreeMap, BTreeSet};

pub struct Names {
    /// Keyed by actor or place id: each of its names and the sources that use it.
    pub uses: BTreeMap<String, Vec<NameUse>>,
    /// Keyed by source: every name found in its seed, in order, not overlapping.
    pub mentions: BTreeMap<SourceId, Vec<Mention>>,
}

pub fn find(chronicle: &Chronicle) -> Names {
    let mut names: Vec<(Named, String)> = Vec::new();
    for actor in chronicle.actors.values() {
        let all = std::iter::once(&actor.name).chain(&actor.aliases);
        names.extend(all.map(|n| (Named::Actor(actor.id.clone()), n.clone())));
    }
    for place in chronicle.places.values() {
        let all = std::iter::once(&place.name).chain(&place.aliases);
        names.extend(all.map(|n| (Named::Place(place.id.clone()), n.clone())));
    }
    let patterns: Vec<String> = names.iter().map(|(_, name)| fold(name).trim().to_string()).collect();
    let mut found: Vec<BTreeSet<SourceId>> = vec![BTreeSet::new(); names.len()];
    let mut mentions: BTreeMap<SourceId, Vec<Mention>> = BTreeMap::new();
    // Leftmost-longest: "Iyad Ag Ghali" wins over a bare "Ghali" at the same place.
    let automaton = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&patterns).ok();
    for source in chronicle.sources.values() {
        let Some(automaton) = &automaton else { break };
        let folded = Folded::new(&source.seed_text);
        for hit in automaton.find_iter(&folded.text) {
            if !is_whole_word(&folded.text, hit.start(), hit.end()) {
                continue;
            }
            let index = hit.pattern().as_usize();
            found[index].insert(source.id.clone());
            mentions.entry(source.id.clone()).or_default().push(Mention {
                range: folded.original_range(hit.range(), &source.seed_text),
                of: names[index].0.clone(),
            });
        }
    }
    let mut uses: BTreeMap<String, Vec<NameUse>> = BTreeMap::new();
    for ((named, variant), sources) in names.into_iter().zip(found) {
        uses.entry(named.id().to_string())
            .or_default()
            .push(NameUse { variant, sources: sources.into_iter().collect() });
    }
    Names { uses, mentions }
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
