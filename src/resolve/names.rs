//! Where the names of actors and places occur in the seeds: each name (the main one and
//! every alias) as a whole word, across typographic variants but not case, since case is
//! part of a spelling ("Iyad ag Ghali" and "Iyad Ag Ghali" are both recorded). One pass
//! over each seed finds them all; the results say which sources use which spelling, and
//! let source pages link names to profiles. An actor and a place may share a name (the
//! state and the country "Mali"): both are credited with it; the link on the source page
//! goes to the actor.

use crate::model::{Chronicle, Mention, NameUse, Named, Source, SourceId};
use crate::text::fold::{fold, Folded};
use aho_corasick::{AhoCorasick, MatchKind};
use rayon::prelude::*;
use std::collections::HashMap;

pub fn find(chronicle: &mut Chronicle) {
    // Every spelling of every name, actors first.
    let mut names: Vec<(Named, String)> = Vec::new();
    for actor in chronicle.actors.values() {
        let all = std::iter::once(&actor.name).chain(&actor.aliases);
        names.extend(all.map(|n| (Named::Actor(actor.id.clone()), n.clone())));
    }
    for place in chronicle.places.values() {
        let all = std::iter::once(&place.name).chain(&place.aliases);
        names.extend(all.map(|n| (Named::Place(place.id.clone()), n.clone())));
    }
    // One pattern per distinct folded spelling, with the names that spell it so.
    let mut patterns: Vec<String> = Vec::new();
    let mut spelt: Vec<Vec<usize>> = Vec::new();
    let mut pattern_of: HashMap<String, usize> = HashMap::new();
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
    let mut found: Vec<Vec<SourceId>> = vec![Vec::new(); names.len()];
    // Leftmost-longest: "Iyad Ag Ghali" wins over a bare "Ghali" at the same place.
    let automaton = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&patterns).ok();
    if let Some(automaton) = automaton.filter(|_| !patterns.is_empty()) {
        // Each seed is searched on its own, in parallel: its mentions, and the patterns hit.
        let sources: Vec<&Source> = chronicle.sources.values().collect();
        let searched: Vec<(SourceId, Vec<Mention>, Vec<usize>)> = sources
            .into_par_iter()
            .map(|source| {
                let folded = Folded::new(&source.seed_text);
                let mut mentions = Vec::new();
                let mut hit = Vec::new();
                for found in automaton.find_iter(&folded.text) {
                    if !is_whole_word(&folded.text, found.start(), found.end()) {
                        continue;
                    }
                    let pattern = found.pattern().as_usize();
                    hit.push(pattern);
                    mentions.push(Mention {
                        range: folded.original_range(found.range(), &source.seed_text),
                        of: names[spelt[pattern][0]].0.clone(),
                    });
                }
                (source.id.clone(), mentions, hit)
            })
            .collect();
        for (id, mentions, hit) in searched {
            for pattern in hit {
                for &name in &spelt[pattern] {
                    // Sources are taken one at a time: a repeat is the last one pushed.
                    if found[name].last() != Some(&id) {
                        found[name].push(id.clone());
                    }
                }
            }
            if let Some(source) = chronicle.sources.get_mut(&id) {
                source.mentions = mentions;
            }
        }
    }
    for ((named, variant), sources) in names.into_iter().zip(found) {
        let uses = match &named {
            Named::Actor(id) => chronicle.actors.get_mut(id).map(|a| &mut a.names),
            Named::Place(id) => chronicle.places.get_mut(id).map(|p| &mut p.names),
        };
        if let Some(uses) = uses {
            uses.push(NameUse { variant, sources });
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
