//! Finding quotes in seeds: every quote of a seed anchored in one pass over its folded
//! text (see `text::fold`).
//!
//! A quote is a W3C text-quote selector (`exact`, optional `prefix` and `suffix`).

use crate::text::fold::{fold, Folded};
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::collections::BTreeMap;
use std::ops::Range;

/// Up to this many distinct quotes, a seed is searched once per quote; beyond, in one
/// pass for all of them. Either way the cost is linear in the seed.
const SEARCHED_ONE_BY_ONE: usize = 64;

/// A quote to anchor, folded.
#[derive(Debug, Clone)]
pub struct Selector {
    pub exact: String,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
}

impl Selector {
    pub fn new(exact: &str, prefix: Option<&str>, suffix: Option<&str>) -> Selector {
        let folded = |s: &str| fold(s).trim().to_string();
        Selector {
            exact: folded(exact),
            prefix: prefix.map(folded).filter(|s| !s.is_empty()),
            suffix: suffix.map(folded).filter(|s| !s.is_empty()),
        }
    }
}

/// What anchoring found for one selector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchoring {
    /// The original byte range of the one match.
    Found(Range<usize>),
    NotFound,
    /// Original byte ranges of every match, when there is more than one.
    Ambiguous(Vec<Range<usize>>),
}

/// A seed indexed for quote lookup.
pub struct SeedIndex<'a> {
    original: &'a str,
    folded: Folded,
}

impl<'a> SeedIndex<'a> {
    pub fn new(original: &'a str) -> SeedIndex<'a> {
        SeedIndex { original, folded: Folded::new(original) }
    }

    /// The seed, folded: the names are found in it too.
    pub fn folded(&self) -> &Folded {
        &self.folded
    }

    /// Anchors every selector in one pass over the seed, whatever their number.
    pub fn anchor_all(&self, selectors: &[Selector]) -> Vec<Anchoring> {
        // One pattern per distinct exact text; empty ones never match.
        let mut patterns: BTreeMap<&str, usize> = BTreeMap::new();
        for selector in selectors.iter().filter(|s| !s.exact.is_empty()) {
            let next = patterns.len();
            patterns.entry(selector.exact.as_str()).or_insert(next);
        }
        let mut by_pattern: Vec<&str> = vec![""; patterns.len()];
        for (&text, &id) in &patterns {
            by_pattern[id] = text;
        }
        let starts = if by_pattern.len() <= SEARCHED_ONE_BY_ONE {
            self.starts_one_by_one(&by_pattern)
        } else {
            self.starts_in_one_pass(&by_pattern)
        };
        selectors
            .iter()
            .map(|selector| {
                let Some(&id) = patterns.get(selector.exact.as_str()) else {
                    return Anchoring::NotFound;
                };
                let matches: Vec<Range<usize>> = starts[id]
                    .iter()
                    .map(|&start| start..start + selector.exact.len())
                    .filter(|range| self.fits_context(selector, range))
                    .map(|range| self.folded.original_range(range, self.original))
                    .collect();
                match matches.len() {
                    0 => Anchoring::NotFound,
                    1 => Anchoring::Found(matches[0].clone()),
                    _ => Anchoring::Ambiguous(matches),
                }
            })
            .collect()
    }

    /// Where each pattern starts in the folded seed, overlaps included, in one pass of an
    /// Aho-Corasick automaton: linear in the seed whatever the number of patterns. A seed
    /// is searched once, so the automaton is an NFA: a DFA would cost more to build than
    /// it saves.
    fn starts_in_one_pass(&self, patterns: &[&str]) -> Vec<Vec<usize>> {
        let mut starts: Vec<Vec<usize>> = vec![Vec::new(); patterns.len()];
        let automaton = AhoCorasick::builder().kind(Some(AhoCorasickKind::NoncontiguousNFA)).build(patterns);
        if let Ok(automaton) = automaton {
            for found in automaton.find_overlapping_iter(&self.folded.text) {
                starts[found.pattern().as_usize()].push(found.start());
            }
        }
        starts
    }

    /// The same, searching for each pattern in turn with a SIMD substring search: for a
    /// handful of patterns, faster than building an automaton.
    fn starts_one_by_one(&self, patterns: &[&str]) -> Vec<Vec<usize>> {
        let text = self.folded.text.as_bytes();
        patterns
            .iter()
            .map(|pattern| {
                let finder = memchr::memmem::Finder::new(pattern.as_bytes());
                let mut starts = Vec::new();
                let mut from = 0;
                while let Some(at) = text.get(from..).and_then(|rest| finder.find(rest)) {
                    starts.push(from + at);
                    // The next occurrence may overlap this one.
                    from += at + 1;
                }
                starts
            })
            .collect()
    }

    fn fits_context(&self, selector: &Selector, range: &Range<usize>) -> bool {
        let text = &self.folded.text;
        let prefix_fits = selector
            .prefix
            .as_ref()
            .is_none_or(|prefix| text[..range.start].trim_end().ends_with(prefix.as_str()));
        let suffix_fits = selector
            .suffix
            .as_ref()
            .is_none_or(|suffix| text[range.end..].trim_start().starts_with(suffix.as_str()));
        prefix_fits && suffix_fits
    }

    /// The passage of the seed most like `exact`, as an original byte range: a hint for
    /// a quote that was not found. Only runs on failure, so it may be slow-ish.
    pub fn closest_passage(&self, exact: &str) -> Option<Range<usize>> {
        let quote = fold(exact).to_lowercase();
        let seed = self.folded.text.to_lowercase();
        if quote.is_empty() || seed.len() != self.folded.text.len() {
            // Lowercasing changed byte lengths: compare the unlowered text instead.
            return self.closest_in(&fold(exact), &self.folded.text);
        }
        self.closest_in(&quote, &seed)
    }

    fn closest_in(&self, quote: &str, seed: &str) -> Option<Range<usize>> {
        let grams = trigrams(quote);
        if grams.is_empty() {
            return None;
        }
        let window = quote.len();
        let mut best: Option<(usize, usize)> = None;
        let word_starts =
            std::iter::once(0).chain(seed.char_indices().filter(|&(_, c)| c == ' ').map(|(i, _)| i + 1));
        for start in word_starts.filter(|&s| s < seed.len()) {
            let mut end = (start + window).min(seed.len());
            while !seed.is_char_boundary(end) {
                end += 1;
            }
            let score = trigrams(&seed[start..end]).iter().filter(|g| grams.contains(g)).count();
            if best.is_none_or(|(best_score, _)| score > best_score) {
                best = Some((score, start));
            }
        }
        let (score, start) = best?;
        if score == 0 {
            return None;
        }
        let mut end = (start + window).min(seed.len());
        while !seed.is_char_boundary(end) {
            end += 1;
        }
        Some(self.folded.original_range(start..end, self.original))
    }
}

fn trigrams(text: &str) -> Vec<[char; 3]> {
    let chars: Vec<char> = text.chars().collect();
    let mut grams: Vec<[char; 3]> = chars.windows(3).map(|w| [w[0], w[1], w[2]]).collect();
    grams.sort_unstable();
    grams.dedup();
    grams
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor(seed: &str, exact: &str, prefix: Option<&str>, suffix: Option<&str>) -> Anchoring {
        SeedIndex::new(seed).anchor_all(&[Selector::new(exact, prefix, suffix)])[0].clone()
    }

    #[test]
    fn does_not_fold_case_or_accents() {
        assert_eq!(anchor("Sévaré", "Sevare", None, None), Anchoring::NotFound);
        assert_eq!(anchor("Konna", "konna", None, None), Anchoring::NotFound);
    }

    #[test]
    fn finds_quote_across_variants_and_returns_original_range() {
        let seed = "Avant. L’armée malienne\n se replie… Après.";
        let found = anchor(seed, "L'armée malienne se replie...", None, None);
        assert_eq!(found, Anchoring::Found(7..seed.find(" Après").unwrap()));
    }

    #[test]
    fn ambiguous_without_context_unique_with_prefix_or_suffix() {
        let seed = "a Konna b. c Konna d.";
        assert!(matches!(anchor(seed, "Konna", None, None), Anchoring::Ambiguous(v) if v.len() == 2));
        assert_eq!(anchor(seed, "Konna", Some("c"), None), Anchoring::Found(13..18));
        assert_eq!(anchor(seed, "Konna", None, Some("b.")), Anchoring::Found(2..7));
    }

    #[test]
    fn anchors_many_quotes_including_overlapping_and_repeated() {
        let seed = "one two three four";
        let selectors = [
            Selector::new("one two", None, None),
            Selector::new("two three", None, None),
            Selector::new("one two", None, None),
            Selector::new("five", None, None),
            Selector::new("", None, None),
        ];
        let found = SeedIndex::new(seed).anchor_all(&selectors);
        assert_eq!(found[0], Anchoring::Found(0..7));
        assert_eq!(found[1], Anchoring::Found(4..13));
        assert_eq!(found[2], Anchoring::Found(0..7));
        assert_eq!(found[3], Anchoring::NotFound);
        assert_eq!(found[4], Anchoring::NotFound);
    }

    #[test]
    fn one_pass_and_one_by_one_find_the_same_overlapping_starts() {
        let index = SeedIndex::new("la la la, lala; a la");
        let patterns = ["la la", "a", "la", "zz"];
        let one_pass = index.starts_in_one_pass(&patterns);
        assert_eq!(one_pass, index.starts_one_by_one(&patterns));
        assert_eq!(one_pass[0], [0, 3], "overlapping occurrences count");
    }

    #[test]
    fn closest_passage_points_at_the_near_miss() {
        let seed = "Rien ici.\nLes djihadistes attaquent Konna au cours d'une bataille.\nFin.";
        let index = SeedIndex::new(seed);
        let range = index.closest_passage("les djihadistes attaquent Kona").unwrap();
        assert!(seed[range].starts_with("Les djihadistes attaquent"));
    }
}
