//! Turns what `load` read into the checked `Chronicle`: ids resolved, dates parsed,
//! every quote anchored in its seed, backlinks and name uses derived. Every problem is
//! reported with its file, line and column; once this returns without errors, `render`
//! cannot fail on content.

mod coverage;
pub mod dates;
pub mod markers;
mod names;
pub mod quotes;

use crate::diagnostics::{Diagnostic, Diagnostics, SourceText};
use crate::load::front::{
    AttestationFront, ComparisonFront, Coordinates, EventFront, PositionFront, SourceFront,
};
use crate::load::interface::{self, Interface};
use crate::load::{Doc, Loaded};
use crate::model::*;
use dates::When;
use quotes::{Anchoring, SeedIndex, Selector};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use toml::Spanned;

pub fn resolve(loaded: &Loaded, diagnostics: &mut Diagnostics) -> Chronicle {
    let mut resolver = Resolver::new(loaded, diagnostics);
    resolver.check_seeds_used();
    resolver.build()
}

/// A quote waiting to be anchored: all quotes of a seed are anchored in one pass.
struct Request<'a> {
    file: &'a SourceText,
    /// The span of `exact` in `file`.
    span: Range<usize>,
    seed: &'a str,
    source: &'a str,
    selector: Selector,
}

/// A quote before anchoring: `ticket` indexes the requests.
struct PendingQuote {
    key: String,
    ticket: usize,
    language: String,
    translation: Option<String>,
    note: Option<String>,
}

struct PendingText {
    markdown: String,
    quotes: Vec<PendingQuote>,
}

/// The fields shared by attestations and positions.
struct QuoteFields<'a> {
    id: &'a Option<Spanned<String>>,
    source: &'a Spanned<String>,
    exact: &'a Spanned<String>,
    prefix: &'a Option<String>,
    suffix: &'a Option<String>,
    language: &'a Option<String>,
    translation: &'a Option<String>,
    note: &'a Option<String>,
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
        }
    }
}

impl QuoteFields<'_> {
    /// How the body cites it: its `id`, or its `source` when it has none.
    fn key(&self) -> String {
        self.id.as_ref().unwrap_or(self.source).get_ref().clone()
    }
}

/// Former ids found so far, and which file claimed each.
#[derive(Default)]
struct Redirects {
    list: Vec<Redirect>,
    claimed: BTreeMap<(&'static str, String), String>,
}

#[derive(Clone, Copy)]
enum Kind {
    Event,
    Actor,
    Place,
}

struct Resolver<'a> {
    loaded: &'a Loaded,
    diagnostics: &'a mut Diagnostics,
    /// Source id → its seed's path and language, for sources whose seed was read.
    seeds: BTreeMap<&'a str, (&'a str, &'a str)>,
    requests: Vec<Request<'a>>,
}

impl<'a> Resolver<'a> {
    fn new(loaded: &'a Loaded, diagnostics: &'a mut Diagnostics) -> Resolver<'a> {
        let mut seeds = BTreeMap::new();
        for doc in &loaded.sources {
            let path = doc.front.seed.get_ref().as_str();
            if loaded.seeds.contains_key(path) {
                seeds.insert(doc.id.as_str(), (path, doc.front.language.as_str()));
            } else if !loaded.unreadable_seeds.contains(path) {
                diagnostics.push(
                    doc.error_at(doc.front.seed.span(), format!("seed `{path}` not found"))
                        .help(seed_help(loaded)),
                );
            }
        }
        Resolver { loaded, diagnostics, seeds, requests: Vec::new() }
    }

    fn check_seeds_used(&mut self) {
        let used: BTreeSet<&str> =
            self.loaded.sources.iter().map(|d| d.front.seed.get_ref().as_str()).collect();
        for (path, seed) in &self.loaded.seeds {
            if !used.contains(path.as_str()) {
                self.diagnostics.push(
                    Diagnostic::warning(format!("seed {path} is not the seed of any source"))
                        .in_file(seed)
                        .help(format!("add a file to content/sources/ with `seed = \"{path}\"`")),
                );
            }
        }
    }

    fn build(mut self) -> Chronicle {
        let loaded = self.loaded;
        // First every quote is registered, then all are anchored at once, then the
        // pending texts are finished with the passages found.
        let intro = loaded.intro.as_ref().map(|doc| self.text(doc, &doc.front.attestations));
        let days: Vec<_> = loaded
            .days
            .iter()
            .filter_map(|doc| Some((self.day_of(doc)?, self.text(doc, &doc.front.attestations))))
            .collect();
        let sources: Vec<_> =
            loaded.sources.iter().map(|d| (d, self.text(d, &d.front.attestations))).collect();
        let events: Vec<_> = loaded.events.iter().map(|d| (d, self.text(d, &d.front.attestations))).collect();
        let actors: Vec<_> = loaded.actors.iter().map(|d| (d, self.text(d, &d.front.attestations))).collect();
        let places: Vec<_> = loaded.places.iter().map(|d| (d, self.text(d, &d.front.attestations))).collect();
        let comparisons: Vec<_> = loaded
            .comparisons
            .iter()
            .map(|doc| {
                let fields: Vec<QuoteFields> = doc.front.positions.iter().map(QuoteFields::from).collect();
                let positions = self.quotes(doc, &fields);
                let position_keys: Vec<String> = fields.iter().map(|f| f.key()).collect();
                (doc, self.text_also_citing(doc, &doc.front.attestations, &position_keys), positions)
            })
            .collect();

        let passages = self.anchor_all();
        let finish = |text: PendingText| finish_text(text, &passages);

        let mut chronicle = Chronicle {
            config: loaded.config.clone(),
            intro: intro.map(finish).unwrap_or_default(),
            sources: BTreeMap::new(),
            events: Vec::new(),
            actors: BTreeMap::new(),
            places: BTreeMap::new(),
            comparisons: BTreeMap::new(),
            day_notes: days.into_iter().map(|(day, text)| (day, finish(text))).collect(),
            name_uses: BTreeMap::new(),
            quotes_verified: passages.iter().flatten().count(),
            coverage: Default::default(),
            redirects: self.redirects(),
            version: loaded.version(),
            interface: self.interface(),
            outline: loaded.outline.clone(),
        };
        for (doc, text) in sources {
            let source = self.source(doc, finish(text));
            chronicle.sources.insert(source.id.clone(), source);
        }
        for (doc, text) in events {
            if let Some(event) = self.event(doc, finish(text)) {
                chronicle.events.push(event);
            }
        }
        // Chronological; within the same date, headline events first.
        chronicle.events.sort_by(|a, b| {
            (a.when.sort_key(), !a.headline, &a.id).cmp(&(b.when.sort_key(), !b.headline, &b.id))
        });
        for (doc, text) in actors {
            let actor = Actor {
                id: ActorId(doc.id.clone()),
                name: doc.front.name.clone(),
                kind: doc.front.kind,
                aliases: doc.front.aliases.clone(),
                affiliations: self.ids(doc, &doc.front.affiliations, Kind::Actor, ActorId),
                role: doc.front.role.clone(),
                text: finish(text),
            };
            chronicle.actors.insert(actor.id.clone(), actor);
        }
        for (doc, text) in places {
            let region = doc.front.region.as_slice();
            let place = Place {
                id: PlaceId(doc.id.clone()),
                name: doc.front.name.clone(),
                aliases: doc.front.aliases.clone(),
                region: self.ids(doc, region, Kind::Place, PlaceId).pop(),
                coordinates: doc.front.coordinates.as_ref().map(|c| self.coordinates(doc, c)),
                text: finish(text),
            };
            chronicle.places.insert(place.id.clone(), place);
        }
        for (doc, text, positions) in comparisons {
            let comparison = self.comparison(doc, finish(text), positions, &passages);
            chronicle.comparisons.insert(comparison.id.clone(), comparison);
        }
        derive_citations(&mut chronicle);
        // Coverage warnings about a chronicle that has errors would only echo them.
        let mut coverage_warnings = Diagnostics::default();
        chronicle.coverage = coverage::check(&chronicle, loaded, &mut coverage_warnings);
        if !self.diagnostics.has_errors() {
            self.diagnostics.extend(coverage_warnings);
        }
        let names = names::find(&chronicle);
        chronicle.name_uses = names.uses;
        for (id, mentions) in names.mentions {
            if let Some(source) = chronicle.sources.get_mut(&id) {
                source.mentions = mentions;
            }
        }
        chronicle
    }

    /// Collects a body's quotes and checks that its markers cite known keys and that
    /// every quote is cited.
    fn text<F>(&mut self, doc: &'a Doc<F>, attestations: &'a [AttestationFront]) -> PendingText {
        self.text_also_citing(doc, attestations, &[])
    }

    /// Like `text`, for a body whose markers may also cite `other_keys`: a comparison's
    /// reading cites its positions, which are quotes of their own.
    fn text_also_citing<F>(
        &mut self,
        doc: &'a Doc<F>,
        attestations: &'a [AttestationFront],
        other_keys: &[String],
    ) -> PendingText {
        let fields: Vec<QuoteFields> = attestations.iter().map(QuoteFields::from).collect();
        let quotes = self.quotes(doc, &fields);
        let keys: Vec<&str> =
            quotes.iter().map(|(q, _)| q.key.as_str()).chain(other_keys.iter().map(String::as_str)).collect();
        let mut cited = BTreeSet::new();
        for (key, range) in markers::citations(&doc.body) {
            let known = fields.iter().any(|f| f.key() == key) || other_keys.contains(&key);
            if !known {
                let span = doc.body_offset + range.start..doc.body_offset + range.end;
                self.diagnostics.push(
                    Diagnostic::error(format!("`[^{key}]` cites no quote of this file"))
                        .at(&doc.file, span)
                        .help(if keys.is_empty() {
                            "add an [[attestations]] entry whose `id` (or `source`) is this key".to_string()
                        } else {
                            format!("the quotes of this file are: {}", keys.join(", "))
                        }),
                );
            }
            cited.insert(key);
        }
        for (quote, span) in &quotes {
            if !cited.contains(&quote.key) {
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
        PendingText { markdown: doc.body.clone(), quotes: quotes.into_iter().map(|(q, _)| q).collect() }
    }

    /// Registers a list of quotes, each with the file span of its key; keys are unique.
    fn quotes<F>(&mut self, doc: &'a Doc<F>, list: &[QuoteFields<'a>]) -> Vec<(PendingQuote, Range<usize>)> {
        let mut quotes: Vec<(PendingQuote, Range<usize>)> = Vec::new();
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for fields in list {
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
                quotes.push((quote, key_span));
            }
        }
        quotes
    }

    /// Registers one quote for anchoring; `None` when its source is unknown.
    fn request<F>(&mut self, doc: &'a Doc<F>, fields: &QuoteFields<'a>) -> Option<PendingQuote> {
        let source = fields.source.get_ref();
        let Some((&source_id, &(seed, language))) = self.seeds.get_key_value(source.as_str()) else {
            if !self.has_file("sources", source) {
                let known = self.loaded.ids.get("sources").into_iter().flatten().map(String::as_str);
                self.diagnostics.push(
                    doc.error_at(fields.source.span(), format!("unknown source `{source}`"))
                        .help(known_help("sources", known, source)),
                );
            }
            return None;
        };
        let span = doc.front_span(fields.exact.span());
        let language = fields.language.as_deref().unwrap_or(language);
        let site_language = &self.loaded.config.language;
        if fields.translation.is_none() && !same_language(language, site_language) {
            self.diagnostics.push(
                Diagnostic::warning(format!(
                    "quote in `{language}` has no translation into `{site_language}`"
                ))
                .at(&doc.file, span.clone())
                .help("add `translation = \"...\"`: readers see it marked as the editor's translation"),
            );
        }
        let selector =
            Selector::new(fields.exact.get_ref(), fields.prefix.as_deref(), fields.suffix.as_deref());
        if selector.exact.is_empty() {
            self.diagnostics.push(
                Diagnostic::error("empty quote")
                    .at(&doc.file, span)
                    .help("copy the passage of the seed that backs the statement into `exact`"),
            );
            return None;
        }
        self.requests.push(Request { file: &doc.file, span, seed, source: source_id, selector });
        Some(PendingQuote {
            key: fields.key(),
            ticket: self.requests.len() - 1,
            language: language.to_string(),
            translation: fields.translation.clone(),
            note: fields.note.clone(),
        })
    }

    /// Anchors every requested quote, seed by seed, each seed in one pass.
    fn anchor_all(&mut self) -> Vec<Option<Passage>> {
        let mut passages: Vec<Option<Passage>> = vec![None; self.requests.len()];
        let mut by_seed: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (ticket, request) in self.requests.iter().enumerate() {
            by_seed.entry(request.seed).or_default().push(ticket);
        }
        for (seed_path, tickets) in by_seed {
            let seed = &self.loaded.seeds[seed_path];
            let index = SeedIndex::new(&seed.text);
            let selectors: Vec<Selector> =
                tickets.iter().map(|&t| self.requests[t].selector.clone()).collect();
            for (&ticket, found) in tickets.iter().zip(index.anchor_all(&selectors)) {
                let request = &self.requests[ticket];
                let problem = match found {
                    Anchoring::Found(range) => {
                        passages[ticket] = Some(Passage {
                            source: SourceId(request.source.to_string()),
                            text: seed.text[range.clone()].to_string(),
                            line: seed.line_of(range.start),
                            range,
                        });
                        continue;
                    }
                    Anchoring::NotFound => {
                        let help = match index.closest_passage(&request.selector.exact) {
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
                        let lines: Vec<String> =
                            ranges.iter().map(|r| seed.line_of(r.start).to_string()).collect();
                        Diagnostic::error(format!(
                            "quote found {} times in {seed_path} (lines {})",
                            ranges.len(),
                            lines.join(", ")
                        ))
                        .help("add a `prefix` (the text just before) or `suffix` (just after) to say which")
                    }
                };
                self.diagnostics.push(problem.at(request.file, request.span.clone()));
            }
        }
        passages
    }

    fn source(&mut self, doc: &'a Doc<SourceFront>, notes: Text) -> Source {
        let front = &doc.front;
        const INFERABLE: [&str; 6] = ["title", "publisher", "published", "author", "kind", "language"];
        for key in front.inferred.keys() {
            if !INFERABLE.contains(&key.get_ref().as_str()) {
                self.diagnostics.push(
                    doc.error_at(
                        key.span(),
                        format!("`{}` is not a field that can be inferred", key.get_ref()),
                    )
                    .help(format!("`[inferred]` keys are: {}", INFERABLE.join(", "))),
                );
            }
        }
        let seed_path = front.seed.get_ref().clone();
        Source {
            id: SourceId(doc.id.clone()),
            title: front.title.clone(),
            publisher: front.publisher.clone(),
            language: front.language.clone(),
            kind: front.kind,
            seed_text: self.loaded.seeds.get(&seed_path).map(|s| s.text.clone()).unwrap_or_default(),
            seed_path,
            published: front.published.as_ref().and_then(|d| self.when(doc, d)),
            author: front.author.clone(),
            url: front.url.clone(),
            inferred: front.inferred.iter().map(|(k, v)| (k.get_ref().clone(), v.clone())).collect(),
            notes,
            citations: Vec::new(),
            mentions: Vec::new(),
            uncited: self.uncited(doc),
        }
    }

    /// Every former id of every content file, checked: a valid id, not the id of a
    /// current file of the same kind, and claimed once.
    fn redirects(&mut self) -> Vec<Redirect> {
        let loaded = self.loaded;
        let mut found = Redirects::default();
        for d in &loaded.sources {
            self.former_ids("sources", d, &d.front.former_ids, |id| Owner::Source(SourceId(id)), &mut found);
        }
        for d in &loaded.events {
            self.former_ids("events", d, &d.front.former_ids, |id| Owner::Event(EventId(id)), &mut found);
        }
        for d in &loaded.actors {
            self.former_ids("actors", d, &d.front.former_ids, |id| Owner::Actor(ActorId(id)), &mut found);
        }
        for d in &loaded.places {
            self.former_ids("places", d, &d.front.former_ids, |id| Owner::Place(PlaceId(id)), &mut found);
        }
        for d in &loaded.comparisons {
            self.former_ids(
                "compare",
                d,
                &d.front.former_ids,
                |id| Owner::Comparison(ComparisonId(id)),
                &mut found,
            );
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
            let problem = if !is_valid_id(name) {
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

    /// The seed lines a source's editor leaves uncited; each must be a non-blank line.
    fn uncited(&mut self, doc: &'a Doc<SourceFront>) -> BTreeMap<usize, String> {
        let seed = self.loaded.seeds.get(doc.front.seed.get_ref());
        let mut uncited = BTreeMap::new();
        for entry in &doc.front.uncited {
            for &line in entry.lines.get_ref() {
                let blank =
                    seed.map(|s| line == 0 || line > s.line_count() || s.line_text(line).trim().is_empty());
                if blank == Some(true) {
                    self.diagnostics.push(
                        doc.error_at(
                            entry.lines.span(),
                            format!("line {line} of the seed is not a paragraph"),
                        )
                        .help("list the numbers of non-blank lines, as shown on the source page"),
                    );
                }
                uncited.insert(line, entry.reason.clone());
            }
        }
        uncited
    }

    fn event(&mut self, doc: &'a Doc<EventFront>, text: Text) -> Option<Event> {
        let front = &doc.front;
        let when = self.when(doc, &front.when);
        let actors = self.ids(doc, &front.actors, Kind::Actor, ActorId);
        let places = self.ids(doc, &front.places, Kind::Place, PlaceId);
        let when = when?;
        if when == When::Undated && front.date_basis.as_deref().is_none_or(|b| b.trim().is_empty()) {
            self.diagnostics.push(
                doc.error_at(front.when.span(), "an undated event needs a `date_basis`")
                    .help("say in `date_basis` why no date can be established"),
            );
        }
        Some(Event {
            id: EventId(doc.id.clone()),
            title: front.title.clone(),
            date_basis: front.date_basis.clone(),
            actors,
            places,
            headline: front.headline,
            when,
            text,
        })
    }

    fn comparison(
        &mut self,
        doc: &'a Doc<ComparisonFront>,
        text: Text,
        positions: Vec<(PendingQuote, Range<usize>)>,
        passages: &[Option<Passage>],
    ) -> Comparison {
        let mut resolved = Vec::new();
        for (pending, _) in positions {
            let Some(front) = doc.front.positions.iter().find(|p| QuoteFields::from(*p).key() == pending.key)
            else {
                continue;
            };
            let as_of = front.as_of.as_ref().and_then(|d| self.when(doc, d));
            let actors = self.ids(doc, &front.actors, Kind::Actor, ActorId);
            if let Some(quote) = finish_quote(pending, passages) {
                resolved.push(Position {
                    quote,
                    value: front.value.clone(),
                    said_by: front.said_by.clone(),
                    actors,
                    number: self.number(doc, front),
                    as_of,
                });
            }
        }
        Comparison {
            id: ComparisonId(doc.id.clone()),
            question: doc.front.question.clone(),
            events: self.ids(doc, &doc.front.events, Kind::Event, EventId),
            positions: resolved,
            text,
        }
    }

    /// A position's number for the chart: a count, so finite and not negative.
    fn number(&mut self, doc: &Doc<ComparisonFront>, front: &PositionFront) -> Option<(f64, String)> {
        let number = front.number.as_ref()?;
        let value = *number.get_ref();
        if !value.is_finite() || value < 0.0 {
            self.diagnostics.push(
                doc.error_at(number.span(), format!("`number` must be a count, not {value}"))
                    .help("give the figure the position states, e.g. `number = 46` for \"at least 46\""),
            );
            return None;
        }
        Some((value, front.number_of.clone().unwrap_or_default()))
    }

    /// The interface text for the chronicle's language.
    fn interface(&mut self) -> Interface {
        let language = &self.loaded.config.language;
        let selected = interface::select(&self.loaded.theme.interfaces, language, self.diagnostics);
        selected.unwrap_or_else(|| {
            let help = format!("add the theme's i18n/{}.toml (see the default theme's)", interface::FALLBACK);
            self.diagnostics.push(
                Diagnostic::error("the theme has no interface text")
                    .at(&self.loaded.config_file, 0..0)
                    .help(help),
            );
            Interface::default()
        })
    }

    fn when<F>(&mut self, doc: &Doc<F>, value: &Spanned<String>) -> Option<When> {
        match When::parse(value.get_ref()) {
            Ok(when) => Some(when),
            Err(problem) => {
                self.diagnostics.push(
                    doc.error_at(value.span(), format!("invalid date: {problem}")).help(
                        "write `YYYY-MM-DD`, `YYYY-MM-DD/YYYY-MM-DD`, `night YYYY-MM-DD/YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `undated`",
                    ),
                );
                None
            }
        }
    }

    fn day_of<F>(&mut self, doc: &Doc<F>) -> Option<chrono::NaiveDate> {
        let config = &self.loaded.config;
        let problem = match dates::parse_day(&doc.id) {
            Ok(day) if (config.start..=config.end).contains(&day) => return Some(day),
            Ok(day) => {
                Diagnostic::error(format!("day note for {day}, outside the chronicle's range")).help(format!(
                    "the range in chronicle.toml is {} to {}: rename the file or widen the range",
                    config.start, config.end
                ))
            }
            Err(problem) => Diagnostic::error(format!("a day note's file name must be its day: {problem}"))
                .help("name day notes `content/days/YYYY-MM-DD.md`"),
        };
        self.diagnostics.push(problem.in_file(&doc.file));
        None
    }

    /// Resolves a list of ids of one kind, reporting each unknown one at its span.
    fn ids<F, T>(
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
                let known = self.loaded.ids.get(folder).into_iter().flatten().map(String::as_str);
                let help = known_help(folder, known, id);
                self.diagnostics
                    .push(doc.error_at(value.span(), format!("unknown {noun} `{id}`")).help(help));
            }
        }
        ids
    }

    /// Whether `content/<folder>/<id>.md` exists, parsed or not.
    fn has_file(&self, folder: &str, id: &str) -> bool {
        self.loaded.ids.get(folder).is_some_and(|ids| ids.contains(id))
    }

    fn coordinates<F>(&mut self, doc: &Doc<F>, value: &Spanned<Coordinates>) -> Coordinates {
        let c = value.get_ref();
        if !(-90.0..=90.0).contains(&c.lat) || !(-180.0..=180.0).contains(&c.lon) {
            self.diagnostics.push(
                doc.error_at(value.span(), "coordinates out of range")
                    .help("`lat` is between -90 and 90 and `lon` between -180 and 180, in decimal degrees"),
            );
        }
        c.clone()
    }
}

/// Whether two language tags name the same language (`fr` and `fr-FR` do).
fn same_language(a: &str, b: &str) -> bool {
    let primary = |tag: &str| tag.split('-').next().unwrap_or("").to_ascii_lowercase();
    primary(a) == primary(b)
}

fn finish_quote(quote: PendingQuote, passages: &[Option<Passage>]) -> Option<Quote> {
    Some(Quote {
        passage: passages.get(quote.ticket)?.clone()?,
        key: quote.key,
        language: quote.language,
        translation: quote.translation,
        note: quote.note,
    })
}

fn finish_text(text: PendingText, passages: &[Option<Passage>]) -> Text {
    Text {
        markdown: text.markdown,
        quotes: text
            .quotes
            .into_iter()
            .filter_map(|q| finish_quote(q, passages))
            .map(|q| (q.key.clone(), q))
            .collect(),
    }
}

/// Lists, for each source, everything that cites one of its passages, in seed order.
fn derive_citations(chronicle: &mut Chronicle) {
    let mut citations: Vec<Citation> = Vec::new();
    let mut cite = |owner: &Owner, quote: &Quote, is_position: bool| {
        citations.push(Citation {
            passage: quote.passage.clone(),
            owner: owner.clone(),
            key: quote.key.clone(),
            is_position,
        })
    };
    let mut texts: Vec<(Owner, &Text)> = vec![(Owner::Intro, &chronicle.intro)];
    texts.extend(chronicle.day_notes.iter().map(|(day, t)| (Owner::Day(*day), t)));
    texts.extend(chronicle.events.iter().map(|e| (Owner::Event(e.id.clone()), &e.text)));
    texts.extend(chronicle.actors.values().map(|a| (Owner::Actor(a.id.clone()), &a.text)));
    texts.extend(chronicle.places.values().map(|p| (Owner::Place(p.id.clone()), &p.text)));
    texts.extend(chronicle.sources.values().map(|s| (Owner::Source(s.id.clone()), &s.notes)));
    texts.extend(chronicle.comparisons.values().map(|c| (Owner::Comparison(c.id.clone()), &c.text)));
    for (owner, text) in texts {
        text.quotes.values().for_each(|quote| cite(&owner, quote, false));
    }
    for comparison in chronicle.comparisons.values() {
        let owner = Owner::Comparison(comparison.id.clone());
        comparison.positions.iter().for_each(|p| cite(&owner, &p.quote, true));
    }
    citations.sort_by(|a, b| {
        let key = |c: &Citation| (c.passage.range.start, c.passage.range.end, c.owner.clone(), c.key.clone());
        key(a).cmp(&key(b))
    });
    for citation in citations {
        if let Some(source) = chronicle.sources.get_mut(&citation.passage.source) {
            source.citations.push(citation);
        }
    }
}

fn seed_help(loaded: &Loaded) -> String {
    let seeds: Vec<&str> = loaded.seeds.keys().map(String::as_str).collect();
    if seeds.is_empty() {
        "put the document in `seeds/` and name it here as `seeds/<file>`".to_string()
    } else {
        format!("the seeds are: {}", seeds.join(", "))
    }
}

/// A help line naming the closest known id, or saying which file to add.
fn known_help<'k>(folder: &str, known: impl Iterator<Item = &'k str>, wanted: &str) -> String {
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
