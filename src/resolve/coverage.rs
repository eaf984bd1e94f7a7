//! How well the chronicle covers its seeds, and where it does not: warnings for seed
//! paragraphs that state a date or a number yet are cited by nothing (and not set aside
//! with a reason), for narrative paragraphs with no footnote, and for actors and places
//! that nothing refers to. Also counts the share of seed paragraphs cited.

use super::markers::{self, Piece};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::{Doc, Loaded};
use crate::model::{Chronicle, Coverage};
use pulldown_cmark::{Event, Tag, TagEnd};
use std::collections::BTreeSet;

/// Relative day words that make a paragraph datable, besides weekday and month names.
const RELATIVE_DAYS: [&str; 2] = ["veille", "lendemain"];
/// Month names that are also everyday words, which alone do not make text datable.
const AMBIGUOUS: [&str; 1] = ["may"];

pub fn check(chronicle: &Chronicle, loaded: &Loaded, diagnostics: &mut Diagnostics) -> Coverage {
    let mut coverage = Coverage::default();
    for source in chronicle.sources.values() {
        let Some(seed) = loaded.seeds.get(&source.seed_path) else { continue };
        let mut cited: BTreeSet<usize> = BTreeSet::new();
        for citation in &source.citations {
            let last = citation.passage.range.end.saturating_sub(1).max(citation.passage.range.start);
            cited.extend(seed.line_of(citation.passage.range.start)..=seed.line_of(last));
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
                diagnostics.push(
                    Diagnostic::warning("seed paragraph with a date or a number is cited by nothing")
                        .at(seed, start..start + text.len())
                        .help(format!(
                            "quote it in an attestation, or list line {line} under [[uncited]] in content/sources/{}.md with the reason",
                            source.id
                        )),
                );
            }
        }
    }
    for doc in &loaded.events {
        paragraphs_without_footnotes(doc, diagnostics);
    }
    for doc in &loaded.days {
        paragraphs_without_footnotes(doc, diagnostics);
    }
    for doc in &loaded.actors {
        paragraphs_without_footnotes(doc, diagnostics);
    }
    for doc in &loaded.places {
        paragraphs_without_footnotes(doc, diagnostics);
    }
    unreferenced(chronicle, loaded, diagnostics);
    coverage
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
            (super::dates::is_calendar_word(word) && !AMBIGUOUS.contains(&lower.as_str()))
                || RELATIVE_DAYS.contains(&lower.as_str())
        })
}

/// Warns on each paragraph of a body that states something without a footnote.
fn paragraphs_without_footnotes<F>(doc: &Doc<F>, diagnostics: &mut Diagnostics) {
    let mut open: Option<(usize, bool)> = None;
    for (piece, range) in markers::parse(&doc.body) {
        match piece {
            Piece::Markdown(Event::Start(Tag::Paragraph)) => open = Some((range.start, false)),
            Piece::Cite(_) => {
                if let Some((_, cited)) = open.as_mut() {
                    *cited = true;
                }
            }
            Piece::Markdown(Event::End(TagEnd::Paragraph)) => {
                if let Some((start, false)) = open.take() {
                    let span = doc.body_offset + start..doc.body_offset + range.end;
                    diagnostics.push(
                        Diagnostic::warning("paragraph without a footnote")
                            .at(&doc.file, span)
                            .help("end each statement with `[^key]` citing the quote that backs it"),
                    );
                }
            }
            _ => {}
        }
    }
}

/// Warns on actors and places that no event, comparison position, affiliation or region
/// refers to.
fn unreferenced(chronicle: &Chronicle, loaded: &Loaded, diagnostics: &mut Diagnostics) {
    let mut used: BTreeSet<&str> = BTreeSet::new();
    for event in &chronicle.events {
        used.extend(event.actors.iter().map(|a| a.0.as_str()));
        used.extend(event.places.iter().map(|p| p.0.as_str()));
    }
    for position in chronicle.comparisons.values().flat_map(|c| &c.positions) {
        used.extend(position.actors.iter().map(|a| a.0.as_str()));
    }
    for actor in chronicle.actors.values() {
        used.extend(actor.affiliations.iter().map(|a| a.0.as_str()));
    }
    for place in chronicle.places.values() {
        used.extend(place.region.iter().map(|p| p.0.as_str()));
    }
    const ACTOR_HELP: &str = "name it in an event's or a comparison position's `actors`, or remove the file";
    const PLACE_HELP: &str = "name it in an event's `places` or a place's `region`, or remove the file";
    let docs = loaded
        .actors
        .iter()
        .map(|d| (&d.id, &d.file, "actor", ACTOR_HELP))
        .chain(loaded.places.iter().map(|d| (&d.id, &d.file, "place", PLACE_HELP)));
    for (id, file, kind, help) in docs {
        if !used.contains(id.as_str()) {
            diagnostics.push(
                Diagnostic::warning(format!("{kind} `{id}` is referred to by nothing"))
                    .in_file(file)
                    .help(help),
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
