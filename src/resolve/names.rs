//! Which sources use which name: for each actor and place, each of its names (the main
//! one and every alias) and the sources whose seed contains it as a whole word. Names
//! match across case and typographic variants; one pass over each seed finds them all.

use super::quotes::fold;
use crate::model::{Chronicle, NameUse, SourceId};
use aho_corasick::AhoCorasick;
use std::collections::{BTreeMap, BTreeSet};

/// Keyed by actor or place id.
pub fn name_uses(chronicle: &Chronicle) -> BTreeMap<String, Vec<NameUse>> {
    let mut names: Vec<(String, String)> = Vec::new();
    for actor in chronicle.actors.values() {
        let all = std::iter::once(&actor.name).chain(&actor.aliases);
        names.extend(all.map(|n| (actor.id.0.clone(), n.clone())));
    }
    for place in chronicle.places.values() {
        let all = std::iter::once(&place.name).chain(&place.aliases);
        names.extend(all.map(|n| (place.id.0.clone(), n.clone())));
    }
    let patterns: Vec<String> = names.iter().map(|(_, name)| normalize(name)).collect();
    let mut found: Vec<BTreeSet<SourceId>> = vec![BTreeSet::new(); names.len()];
    if let Ok(automaton) = AhoCorasick::new(&patterns) {
        for source in chronicle.sources.values() {
            let text = normalize(&source.seed_text);
            for hit in automaton.find_overlapping_iter(&text) {
                if is_whole_word(&text, hit.start(), hit.end()) {
                    found[hit.pattern().as_usize()].insert(source.id.clone());
                }
            }
        }
    }
    let mut uses: BTreeMap<String, Vec<NameUse>> = BTreeMap::new();
    for ((id, variant), sources) in names.into_iter().zip(found) {
        uses.entry(id).or_default().push(NameUse {
            variant,
            sources: sources.into_iter().collect(),
        });
    }
    uses
}

/// Folded and lowercased; lowercasing may change byte lengths, which is fine here as
/// only the normalized text is searched.
fn normalize(text: &str) -> String {
    fold(text).to_lowercase()
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
