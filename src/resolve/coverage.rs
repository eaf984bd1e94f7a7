//! How well the chronicle covers its seeds, and where it does not: warnings for seed
//! paragraphs that state a date or a number yet are cited by nothing (and not set aside
//! with a reason), for narrative sentences with no footnote, and for actors and places
//! that nothing refers to and no seed names. Also counts the share of seed paragraphs cited and of
//! narrative paragraphs and sentences footnoted.

use crate::diagnostics::{Diagnostic, Diagnostics, SourceText};
use crate::load::Content;
use crate::model::{ActorId, Chronicle, Coverage, NameUse, Narrative, PlaceId, Source};
use crate::text::markdown::Statements;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// Weekday and month names in the languages shipped, for spotting datable text in seeds.
pub const EN_DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
pub const FR_DAYS: [&str; 7] = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
pub const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
pub const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// Whether a lowercase word names a weekday or a month.
fn is_calendar_word(word: &str) -> bool {
    static NAMES: LazyLock<Vec<String>> = LazyLock::new(|| {
        let names = EN_DAYS.iter().chain(&FR_DAYS).chain(&EN_MONTHS).chain(&FR_MONTHS);
        names.map(|n| n.to_lowercase()).collect()
    });
    NAMES.iter().any(|n| n == word)
}

/// Relative day words that make a paragraph datable, besides weekday and month names.
const RELATIVE_DAYS: [&str; 2] = ["veille", "lendemain"];
/// Month names that are also everyday words, which alone do not make text datable.
const AMBIGUOUS: [&str; 1] = ["may"];

pub fn check(chronicle: &Chronicle, content: &Content, diagnostics: &mut Diagnostics) -> Coverage {
    let sources: Vec<&Source> = chronicle.sources.values().collect();
    let counted: Vec<(Coverage, Vec<Diagnostic>)> =
        sources.into_par_iter().map(|source| seed_coverage(source, content)).collect();
    let mut coverage = Coverage::default();
    for (counts, warnings) in counted {
        coverage.paragraphs += counts.paragraphs;
        coverage.cited += counts.cited;
        warnings.into_iter().for_each(|warning| diagnostics.push(warning));
    }
    unreferenced(chronicle, content, diagnostics);
    coverage
}

/// One seed's paragraphs and how many are cited, and a warning for each uncited one
/// that states a date or a number.
fn seed_coverage(source: &Source, content: &Content) -> (Coverage, Vec<Diagnostic>) {
    let mut coverage = Coverage::default();
    let mut warnings = Vec::new();
    let Some(seed) = content.seeds.get(&source.seed_path) else { return (coverage, warnings) };
    let mut cited: BTreeSet<usize> = BTreeSet::new();
    for citation in &source.citations {
        let last = citation.range.end.saturating_sub(1).max(citation.range.start);
        cited.extend(seed.line_of(citation.range.start)..=seed.line_of(last));
    }
    for line in 1..=seed.line_count() {
        let text = seed.line_text(line);
        if text.trim().is_empty() {
            continue;
        }
        coverage.paragraphs += 1;
        if cited.contains(&line) {
            coverage.cited += 1;
        } else if states_a_date_or_number(text) && !source.uncited.contains_key(&line) {
            let start = seed.line_start(line);
            warnings.push(
                Diagnostic::warning("seed paragraph with a date or a number is cited by nothing")
                    .at(seed, start..start + text.len())
                    .help(format!(
                        "quote it in an attestation, or list line {line} under [[uncited]] in content/sources/{}.md with the reason",
                        source.id
                    )),
            );
        }
    }
    (coverage, warnings)
}

fn states_a_date_or_number(text: &str) -> bool {
    // A list number ("4. ", as reader comments are numbered) states nothing.
    let text = text.trim_start();
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let text = match text[digits..].strip_prefix(". ") {
        Some(rest) if digits > 0 => rest,
        _ => text,
    };
    text.chars().any(|c| c.is_ascii_digit())
        || text.split(|c: char| !c.is_alphanumeric()).any(|word| {
            let lower = word.to_lowercase();
            (is_calendar_word(&lower) && !AMBIGUOUS.contains(&lower.as_str()))
                || RELATIVE_DAYS.contains(&lower.as_str())
        })
}

const UNCITED: &str = "sentence without a footnote";

/// Counts the narrative's statements and warns on each sentence that cites nothing. Each
/// entry is a file, where its body starts in it, and what the body states. Narrative is
/// every body but a source's notes, which describe the document shown beside them.
pub fn narrative(bodies: &[(&SourceText, usize, Statements)], diagnostics: &mut Diagnostics) -> Narrative {
    let mut total = Narrative::default();
    for (file, offset, statements) in bodies {
        if file.path.starts_with("content/sources/") {
            continue;
        }
        total.blocks += statements.blocks;
        total.blocks_cited += statements.blocks_cited;
        total.sentences += statements.sentences;
        total.uncited += statements.uncited.len();
        let mut ranges = statements.uncited.iter();
        // Past the warnings shown, the rest of the file's are counted at once: a large
        // chronicle may have millions.
        while diagnostics.keeps_warning(UNCITED) {
            let Some(range) = ranges.next() else { break };
            diagnostics.push(
                Diagnostic::warning(UNCITED)
                    .at(file, offset + range.start..offset + range.end)
                    .help("cite the quote that backs it with `[^key]`; if no quote says it outright, add a [[readings]] entry with its basis and cite that"),
            );
        }
        if ranges.len() > 0 {
            diagnostics.count_warnings(UNCITED, ranges.len());
        }
    }
    total
}

/// Warns on actors and places that nothing in the chronicle refers to and no seed names:
/// a file forgotten, or misspelled where it is used.
fn unreferenced(chronicle: &Chronicle, content: &Content, diagnostics: &mut Diagnostics) {
    const ACTOR_HELP: &str =
        "name it in an event's `actors`, in a quote's `said_by` or `via`, or in another actor's `affiliations`, or remove the file";
    const PLACE_HELP: &str = "name it in an event's `places` or a place's `region`, or remove the file";
    let named = |uses: &[NameUse]| uses.iter().any(|u| !u.sources.is_empty());
    for doc in &content.actors {
        let actor = chronicle.actors.get(&ActorId(doc.id.clone()));
        let used = actor.is_some_and(|a| {
            !a.events.is_empty()
                || !a.positions.is_empty()
                || !a.members.is_empty()
                || !a.claims.is_empty()
                || named(&a.names)
        });
        if !used {
            diagnostics.push(
                Diagnostic::warning(format!("actor `{}` is referred to by nothing", doc.id))
                    .in_file(&doc.file)
                    .help(ACTOR_HELP),
            );
        }
    }
    for doc in &content.places {
        let place = chronicle.places.get(&PlaceId(doc.id.clone()));
        let used = place.is_some_and(|p| !p.events.is_empty() || !p.within.is_empty() || named(&p.names));
        if !used {
            diagnostics.push(
                Diagnostic::warning(format!("place `{}` is referred to by nothing", doc.id))
                    .in_file(&doc.file)
                    .help(PLACE_HELP),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_numbers_but_not_list_numbers() {
        assert!(states_a_date_or_number("Fighting lasted 2 days."));
        assert!(states_a_date_or_number("Les combats ont repris jeudi."));
        assert!(states_a_date_or_number("On Monday, talks failed."));
        assert!(!states_a_date_or_number("  4. on peut dire un ouf de soulagement"));
        assert!(states_a_date_or_number("  4. à 19h30 une interview"));
        assert!(!states_a_date_or_number("Les alliés se mobilisent"));
        assert!(!states_a_date_or_number("The figure may be wrong."));
        assert!(states_a_date_or_number("Le 3 mai."));
    }
}
