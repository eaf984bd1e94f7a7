//! Bodies and their quotes: each body is parsed once, its `[^key]` markers are checked
//! against its quotes, and every quote is registered; then all quotes of a seed are
//! anchored at once (`anchoring`) and the pending texts are finished with the passages
//! found.

use super::anchoring::{Anchoring, SeedIndex, Selector};
use super::names::{self, Names};
use super::Resolver;
use crate::diagnostics::Diagnostic;
use crate::diagnostics::SourceText;
use crate::load::front::{Annotated, AttestationFront, Claimants, PositionFront};
use crate::load::Doc;
use crate::model::{when, Claim, Correction, Passage, Quote, Reading, SourceId, Text};
use crate::text::lang::{carries_its_marks, french_spacing, is_french, same_language};
use crate::text::markdown::{self, Body};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use toml::Spanned;

/// A quote waiting to be anchored: all quotes of a seed are anchored in one pass, and
/// the seeds in parallel, where the quote is folded and, once found, made ready to show.
pub(super) struct Request<'a> {
    file: &'a SourceText,
    /// The span of `exact` in `file`.
    span: Range<usize>,
    seed: &'a str,
    source: &'a str,
    exact: &'a str,
    prefix: Option<&'a str>,
    suffix: Option<&'a str>,
    /// The quote's language, which decides how it is shown.
    language: &'a str,
}

/// Each quote of a seed, by ticket: found, or what is wrong with it.
type Anchored = Vec<(usize, Result<Found, Diagnostic>)>;

/// A quote found: its passage, and the passage as shown.
pub(super) type Found = (Passage, String);

/// A quote before anchoring: `ticket` indexes the requests.
pub(super) struct PendingQuote {
    pub key: String,
    ticket: usize,
    language: String,
    translation: Option<String>,
    note: Option<String>,
    claim: Claim,
}

/// A parsed body whose quotes are not anchored yet.
pub(super) struct PendingText {
    body: Body,
    quotes: Vec<PendingQuote>,
    readings: BTreeMap<String, Reading>,
    corrections: Vec<Correction>,
}

/// The fields shared by attestations and positions.
pub(super) struct QuoteFields<'a> {
    id: &'a Option<Spanned<String>>,
    source: &'a Spanned<String>,
    exact: &'a Spanned<String>,
    prefix: &'a Option<String>,
    suffix: &'a Option<String>,
    language: &'a Option<String>,
    translation: &'a Option<String>,
    note: &'a Option<String>,
    said_by: &'a Option<Spanned<Claimants>>,
    via: &'a Option<Spanned<Claimants>>,
}

impl<'a> From<&'a AttestationFront> for QuoteFields<'a> {
    fn from(a: &'a AttestationFront) -> Self {
        QuoteFields {
            id: &a.id,
            source: &a.source,
            exact: &a.exact,
            prefix: &a.prefix,
            suffix: &a.suffix,
            language: &a.language,
            translation: &a.translation,
            note: &a.note,
            said_by: &a.said_by,
            via: &a.via,
        }
    }
}

impl<'a> From<&'a PositionFront> for QuoteFields<'a> {
    fn from(p: &'a PositionFront) -> Self {
        QuoteFields {
            id: &p.id,
            source: &p.source,
            exact: &p.exact,
            prefix: &p.prefix,
            suffix: &p.suffix,
            language: &p.language,
            translation: &p.translation,
            note: &p.note,
            said_by: &p.said_by,
            via: &p.via,
        }
    }
}

impl QuoteFields<'_> {
    /// How the body cites it: its `id`, or its `source` when it has none.
    pub fn key(&self) -> String {
        self.id.as_ref().unwrap_or(self.source).get_ref().clone()
    }
}

impl<'a> Resolver<'a> {
    /// Parses a body, collects its quotes, readings and corrections, and checks that its
    /// markers cite known keys and that every quote and reading is cited.
    pub(super) fn text<F: Annotated>(&mut self, doc: &'a Doc<F>) -> PendingText {
        self.text_also_citing(doc, &[])
    }

    /// Like `text`, for a body whose markers may also cite `other_keys`: a comparison's
    /// reading cites its positions, which are quotes of their own.
    pub(super) fn text_also_citing<F: Annotated>(
        &mut self,
        doc: &'a Doc<F>,
        other_keys: &[String],
    ) -> PendingText {
        let fields: Vec<QuoteFields> = doc.front.attestations().iter().map(QuoteFields::from).collect();
        let quotes = self.quotes(doc, &fields);
        let quote_keys: Vec<String> =
            fields.iter().map(QuoteFields::key).chain(other_keys.iter().cloned()).collect();
        let readings = self.readings(doc, &quote_keys);
        let parsed =
            self.parsed.remove(doc.file.path.as_str()).unwrap_or_else(|| markdown::parse(doc.body()));
        let known: BTreeSet<&str> =
            quote_keys.iter().map(String::as_str).chain(readings.keys().map(String::as_str)).collect();
        let mut cited = BTreeSet::new();
        for (key, range) in &parsed.citations {
            if !known.contains(key.as_str()) {
                let span = doc.body_offset + range.start..doc.body_offset + range.end;
                let keys: Vec<&str> = known.iter().copied().collect();
                self.diagnostics.push(
                    Diagnostic::error(format!("`[^{key}]` cites no quote or reading of this file"))
                        .at(&doc.file, span)
                        .help(if keys.is_empty() {
                            "add an [[attestations]] entry whose `id` (or `source`) is this key, or a [[readings]] entry with this `id`".to_string()
                        } else {
                            format!("the quotes and readings of this file are: {}", keys.join(", "))
                        }),
                );
            }
            cited.insert(key.as_str());
        }
        // A quote a cited reading rests on is shown in the reading's note.
        let rested_on: Vec<&str> = readings
            .values()
            .filter(|r| cited.contains(r.key.as_str()))
            .flat_map(|r| r.rests_on.iter().map(String::as_str))
            .collect();
        cited.extend(rested_on);
        for (_, quote, span) in &quotes {
            if !cited.contains(quote.key.as_str()) {
                self.diagnostics.push(
                    Diagnostic::warning(format!("quote `{}` is not cited in the body", quote.key))
                        .at(&doc.file, span.clone())
                        .help(format!(
                            "put `[^{}]` after the statement it backs, or remove the quote",
                            quote.key
                        )),
                );
            }
        }
        for reading in doc.front.readings() {
            let key = reading.id.get_ref();
            if !cited.contains(key.as_str()) && readings.contains_key(key) {
                self.diagnostics.push(
                    doc.error_at(reading.id.span(), format!("reading `{key}` is not cited in the body"))
                        .help(format!("put `[^{key}]` after the statement it is the basis of, or remove it")),
                );
            }
        }
        let corrections = self.corrections(doc);
        self.statements.push((&doc.file, doc.body_offset, parsed.statements));
        PendingText {
            body: parsed.body,
            quotes: quotes.into_iter().map(|(_, q, _)| q).collect(),
            readings,
            corrections,
        }
    }

    /// A file's readings, each with a key no quote of the file has, a basis, and the keys
    /// of the file's quotes it rests on.
    fn readings<F: Annotated>(
        &mut self,
        doc: &'a Doc<F>,
        quote_keys: &[String],
    ) -> BTreeMap<String, Reading> {
        let mut readings = BTreeMap::new();
        for front in doc.front.readings() {
            let key = front.id.get_ref();
            if quote_keys.contains(key) || readings.contains_key(key) {
                self.diagnostics.push(
                    doc.error_at(
                        front.id.span(),
                        format!("the key `{key}` is taken by another quote or reading"),
                    )
                    .help("give each quote and reading of a file its own `id`"),
                );
                continue;
            }
            if front.basis.get_ref().trim().is_empty() {
                self.diagnostics.push(
                    doc.error_at(front.basis.span(), "a reading needs its basis")
                        .help("say in `basis` what the conclusion rests on and why it follows"),
                );
            }
            for rest in &front.rests_on {
                if !quote_keys.contains(rest.get_ref()) {
                    self.diagnostics.push(
                        doc.error_at(rest.span(), format!("`{}` is no quote of this file", rest.get_ref()))
                            .help(format!(
                                "`rests_on` names keys of this file's quotes: {}",
                                quote_keys.join(", ")
                            )),
                    );
                }
            }
            readings.insert(
                key.clone(),
                Reading {
                    key: key.clone(),
                    basis: front.basis.get_ref().trim().to_string(),
                    rests_on: front
                        .rests_on
                        .iter()
                        .map(|r| r.get_ref().clone())
                        .filter(|r| quote_keys.contains(r))
                        .collect(),
                },
            );
        }
        readings
    }

    /// A file's corrections, oldest first.
    fn corrections<F: Annotated>(&mut self, doc: &'a Doc<F>) -> Vec<Correction> {
        let mut corrections = Vec::new();
        for front in doc.front.corrections() {
            match when::parse_day(front.date.get_ref()) {
                Ok(date) => {
                    // The page's citation gives `updated` as its date: a correction made
                    // after it would make the page look older than its own correction.
                    if let Some(updated) = self.config.updated.filter(|&updated| updated < date) {
                        self.diagnostics.push(
                            Diagnostic::warning(format!(
                                "this correction is dated {date}, after the chronicle's `updated` date, {updated}"
                            ))
                            .at(&doc.file, doc.front_span(front.date.span()))
                            .help(format!("set `updated = \"{date}\"` in chronicle.toml: the day the chronicle last changed")),
                        );
                    }
                    corrections.push(Correction {
                        date,
                        was: front.was.trim().to_string(),
                        now: front.now.trim().to_string(),
                    })
                }
                Err(problem) => self.diagnostics.push(
                    doc.error_at(front.date.span(), format!("invalid correction date: {problem}"))
                        .help("write the day the correction was made, `YYYY-MM-DD`"),
                ),
            }
        }
        corrections.sort_by_key(|c| c.date);
        corrections
    }

    /// Registers a list of quotes, each with its index in the list and the file span of
    /// its key; keys are unique.
    pub(super) fn quotes<F>(
        &mut self,
        doc: &'a Doc<F>,
        list: &[QuoteFields<'a>],
    ) -> Vec<(usize, PendingQuote, Range<usize>)> {
        let mut quotes = Vec::new();
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for (index, fields) in list.iter().enumerate() {
            let key_span = doc.front_span(fields.id.as_ref().map_or(fields.source.span(), |id| id.span()));
            let key = fields.key();
            if let Some(line) = seen.get(&key) {
                self.diagnostics.push(
                    Diagnostic::error(format!("two quotes have the key `{key}`"))
                        .at(&doc.file, key_span)
                        .help(format!(
                            "the quote at line {line} has it too: give each quote of a source its own `id`"
                        )),
                );
                continue;
            }
            seen.insert(key, doc.file.line_of(key_span.start));
            if let Some(quote) = self.request(doc, fields) {
                quotes.push((index, quote, key_span));
            }
        }
        quotes
    }

    /// Registers one quote for anchoring; `None` when its source is unknown.
    fn request<F>(&mut self, doc: &'a Doc<F>, fields: &QuoteFields<'a>) -> Option<PendingQuote> {
        let source = fields.source.get_ref();
        let Some((&source_id, &(seed, language))) = self.seeds.get_key_value(source.as_str()) else {
            if !self.has_file("sources", source) {
                let known = self.content.ids.get("sources").into_iter().flatten().map(String::as_str);
                self.diagnostics.push(
                    doc.error_at(fields.source.span(), format!("unknown source `{source}`"))
                        .help(super::ids::known_help("sources", known, source)),
                );
            }
            return None;
        };
        let span = doc.front_span(fields.exact.span());
        let language = fields.language.as_deref().unwrap_or(language);
        let site_language = &self.config.language;
        if fields.translation.is_none() && !same_language(language, site_language) {
            self.diagnostics.push(
                Diagnostic::warning(format!(
                    "quote in `{language}` has no translation into `{site_language}`"
                ))
                .at(&doc.file, span.clone())
                .help("add `translation = \"...\"`: readers see it marked as the editor's translation"),
            );
        }
        // Folding changes no character into nothing: a quote folds to nothing only if it
        // is all white space.
        if fields.exact.get_ref().trim().is_empty() {
            self.diagnostics.push(
                Diagnostic::error("empty quote")
                    .at(&doc.file, span)
                    .help("copy the passage of the seed that backs the statement into `exact`"),
            );
            return None;
        }
        self.requests.push(Request {
            file: &doc.file,
            span,
            seed,
            source: source_id,
            exact: fields.exact.get_ref(),
            prefix: fields.prefix.as_deref(),
            suffix: fields.suffix.as_deref(),
            language,
        });
        let claim = self.claim(doc, fields.said_by.as_ref(), fields.via.as_ref());
        Some(PendingQuote {
            key: fields.key(),
            ticket: self.requests.len() - 1,
            language: language.to_string(),
            translation: fields.translation.clone(),
            note: fields.note.clone(),
            claim,
        })
    }

    /// Reads every seed once, the seeds in parallel: anchors all of its quotes in one
    /// pass, and finds the names in it. Returns each quote's passage by ticket, and what
    /// each seed holds of the names.
    pub(super) fn read_seeds(
        &mut self,
        names: &Names,
    ) -> (Vec<Option<Found>>, FxHashMap<String, names::Found>) {
        let mut by_seed: BTreeMap<&str, Vec<usize>> =
            self.seeds.values().map(|&(path, _)| (path, Vec::new())).collect();
        for (ticket, request) in self.requests.iter().enumerate() {
            by_seed.entry(request.seed).or_default().push(ticket);
        }
        let (requests, seeds) = (&self.requests, &self.content.seeds);
        let read: Vec<(&str, Anchored, names::Found)> = by_seed
            .into_iter()
            .collect::<Vec<_>>()
            .into_par_iter()
            .filter_map(|(seed_path, tickets)| {
                let seed = seeds.get(seed_path)?;
                let index = SeedIndex::new(&seed.text);
                let quotes = anchor_seed(seed_path, seed, &index, &tickets, requests);
                Some((seed_path, quotes, names.find(index.folded(), &seed.text)))
            })
            .collect();
        let mut passages: Vec<Option<Found>> = vec![None; self.requests.len()];
        let mut mentions = FxHashMap::default();
        for (seed_path, quotes, found) in read {
            for (ticket, result) in quotes {
                match result {
                    Ok(passage) => passages[ticket] = Some(passage),
                    Err(problem) => self.diagnostics.push(problem),
                }
            }
            mentions.insert(seed_path.to_string(), found);
        }
        (passages, mentions)
    }
}

/// Anchors the quotes of one seed: each ticket's passage, or what is wrong with it.
fn anchor_seed(
    seed_path: &str,
    seed: &SourceText,
    index: &SeedIndex,
    tickets: &[usize],
    requests: &[Request],
) -> Anchored {
    let selectors: Vec<Selector> = tickets
        .iter()
        .map(|&t| Selector::new(requests[t].exact, requests[t].prefix, requests[t].suffix))
        .collect();
    let mut results = Vec::with_capacity(tickets.len());
    for ((&ticket, found), selector) in tickets.iter().zip(index.anchor_all(&selectors)).zip(&selectors) {
        let request = &requests[ticket];
        let problem = match found {
            Anchoring::Found(range) => {
                let passage = Passage {
                    source: SourceId(request.source.to_string()),
                    text: seed.text[range.clone()].to_string(),
                    line: seed.line_of(range.start),
                    range,
                };
                let shown = shown(&passage.text, request.language);
                results.push((ticket, Ok((passage, shown))));
                continue;
            }
            Anchoring::NotFound => {
                let help = match index.closest_passage(&selector.exact) {
                    Some(near) => format!(
                        "closest passage in {seed_path}:{}: \"{}\"",
                        seed.line_of(near.start),
                        seed.text[near].split_whitespace().collect::<Vec<_>>().join(" ")
                    ),
                    None => format!("nothing in {seed_path} resembles it: is it the right source?"),
                };
                Diagnostic::error(format!("quote not found in {seed_path}")).help(help)
            }
            Anchoring::Ambiguous(ranges) => {
                let lines: Vec<String> = ranges.iter().map(|r| seed.line_of(r.start).to_string()).collect();
                Diagnostic::error(format!(
                    "quote found {} times in {seed_path} (lines {})",
                    ranges.len(),
                    lines.join(", ")
                ))
                .help("add a `prefix` (the text just before) or `suffix` (just after) to say which")
            }
        };
        results.push((ticket, Err(problem.at(request.file, request.span.clone()))));
    }
    results
}

/// A passage as readers see it quoted: white space collapsed, and French spacing in French.
fn shown(text: &str, language: &str) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if is_french(language) {
        french_spacing(&collapsed, None)
    } else {
        collapsed
    }
}

pub(super) fn finish_quote(quote: PendingQuote, passages: &mut [Option<Found>]) -> Option<Quote> {
    let (passage, shown) = passages.get_mut(quote.ticket)?.take()?;
    Some(Quote {
        passage,
        in_its_own_marks: carries_its_marks(&shown),
        shown,
        key: quote.key,
        language: quote.language,
        translation: quote.translation,
        note: quote.note,
        claim: quote.claim,
    })
}

pub(super) fn finish_text(text: PendingText, passages: &mut [Option<Found>]) -> Text {
    Text {
        body: text.body,
        quotes: text
            .quotes
            .into_iter()
            .filter_map(|q| finish_quote(q, passages))
            .map(|q| (q.key.clone(), q))
            .collect(),
        readings: text.readings,
        corrections: text.corrections,
    }
}
