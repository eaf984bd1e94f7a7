//! Turns what `load` read into the checked `Chronicle`: ids resolved, dates parsed, every
//! body parsed once, every quote anchored in its seed, then the reverse edges, name uses
//! and coverage derived. Every problem is reported with its file, line and column; once
//! this returns without errors, `render` cannot fail on content.
//!
//! `mod.rs` orchestrates and assembles the entities; `quotes` parses bodies, registers
//! their quotes and reads each seed once, where `anchoring` finds the quotes and `names`
//! the names of actors and places; `ids` resolves references and former ids, `backlinks`
//! fills the reverse edges and `coverage` measures what the chronicle leaves uncited.

pub mod anchoring;
mod backlinks;
mod coverage;
mod ids;
mod names;
mod quotes;

use crate::diagnostics::{Diagnostic, Diagnostics, SourceText};
use crate::load::front::{ComparisonFront, EventFront, PositionFront, SourceFront};
use crate::load::{Content, Doc};
use crate::model::*;
use crate::text::markdown::Statements;
use crate::text::markdown::{self, Parsed};
use chrono::NaiveDate;
use ids::Kind;
use names::Names;
use quotes::{finish_quote, finish_text, PendingQuote, QuoteFields, Request};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use toml::Spanned;

/// Resolves the content into a chronicle. The seeds' text moves into their sources, so
/// the chronicle holds one copy of each.
pub fn resolve(content: Content, config: &Config, diagnostics: &mut Diagnostics) -> Chronicle {
    // The content's fingerprint is worked out beside the rest: it only reads the files.
    let (version, mut chronicle) = rayon::join(
        || content.fingerprint(),
        || {
            let mut resolver = Resolver::new(&content, config, diagnostics);
            resolver.check_seeds_used();
            resolver.build()
        },
    );
    chronicle.version = version;
    let mut seeds = content.seeds;
    let mut taken: BTreeMap<String, String> = BTreeMap::new();
    for source in chronicle.sources.values_mut() {
        source.seed_text = match seeds.remove(&source.seed_path) {
            Some(seed) => {
                taken.insert(source.seed_path.clone(), seed.text.clone());
                seed.text
            }
            // Two sources may share a seed.
            None => taken.get(&source.seed_path).cloned().unwrap_or_default(),
        };
    }
    chronicle
}

pub(crate) struct Resolver<'a> {
    content: &'a Content,
    config: &'a Config,
    diagnostics: &'a mut Diagnostics,
    /// Source id → its seed's path and language, for sources whose seed was read.
    seeds: BTreeMap<&'a str, (&'a str, &'a str)>,
    requests: Vec<Request<'a>>,
    /// What each parsed body states, with where the body starts in its file: coverage
    /// counts the sentences and warns about those that cite nothing.
    statements: Vec<(&'a SourceText, usize, Statements)>,
    /// Every body, parsed up front in parallel, by its file's path; taken as it is used.
    parsed: FxHashMap<&'a str, Parsed>,
}

impl<'a> Resolver<'a> {
    fn new(content: &'a Content, config: &'a Config, diagnostics: &'a mut Diagnostics) -> Resolver<'a> {
        let mut seeds = BTreeMap::new();
        for doc in &content.sources {
            let path = doc.front.seed.get_ref().as_str();
            if content.seeds.contains_key(path) {
                seeds.insert(doc.id.as_str(), (path, doc.front.language.as_str()));
            } else if !content.unreadable_seeds.contains(path) {
                diagnostics.push(
                    doc.error_at(doc.front.seed.span(), format!("seed `{path}` not found"))
                        .help(seed_help(content)),
                );
            }
        }
        let parsed = parse_bodies(content);
        Resolver { content, config, diagnostics, seeds, requests: Vec::new(), statements: Vec::new(), parsed }
    }

    fn check_seeds_used(&mut self) {
        let used: BTreeSet<&str> =
            self.content.sources.iter().map(|d| d.front.seed.get_ref().as_str()).collect();
        for (path, seed) in &self.content.seeds {
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
        let content = self.content;
        // First every body is parsed and every quote registered, then all quotes are
        // anchored at once, then the pending texts are finished with the passages found.
        let intro = content.intro.as_ref().map(|doc| self.text(doc));
        let notes: Vec<_> =
            content.days.iter().filter_map(|doc| Some((self.day_of(doc)?, self.text(doc)))).collect();
        let sources: Vec<_> = content.sources.iter().map(|d| (d, self.text(d))).collect();
        let events: Vec<_> = content.events.iter().map(|d| (d, self.text(d))).collect();
        let actors: Vec<_> = content.actors.iter().map(|d| (d, self.text(d))).collect();
        let places: Vec<_> = content.places.iter().map(|d| (d, self.text(d))).collect();
        let articles: Vec<_> = content.articles.iter().map(|d| (d, self.text(d))).collect();
        let comparisons: Vec<_> = content
            .comparisons
            .iter()
            .map(|doc| {
                let fields: Vec<QuoteFields> = doc.front.positions.iter().map(QuoteFields::from).collect();
                let positions = self.quotes(doc, &fields);
                let position_keys: Vec<String> = fields.iter().map(QuoteFields::key).collect();
                (doc, self.text_also_citing(doc, &position_keys), positions)
            })
            .collect();

        let names = Names::new(content);
        let (mut passages, mentions) = self.read_seeds(&names);
        let quotes_verified = passages.iter().flatten().count();
        let mut finish = |text| finish_text(text, &mut passages);
        let intro = intro.map(&mut finish).unwrap_or_default();
        let mut notes: BTreeMap<NaiveDate, Text> =
            notes.into_iter().map(|(day, text)| (day, finish(text))).collect();
        let sources: Vec<_> = sources.into_iter().map(|(doc, text)| (doc, finish(text))).collect();
        let events: Vec<_> = events.into_iter().map(|(doc, text)| (doc, finish(text))).collect();
        let actors: Vec<_> = actors.into_iter().map(|(doc, text)| (doc, finish(text))).collect();
        let places: Vec<_> = places.into_iter().map(|(doc, text)| (doc, finish(text))).collect();
        let articles: BTreeMap<ArticleId, Article> = articles
            .into_iter()
            .map(|(doc, text)| {
                let id = ArticleId(doc.id.clone());
                (id.clone(), Article { id, title: doc.front.title.clone(), text: finish(text) })
            })
            .collect();
        let comparisons: Vec<_> =
            comparisons.into_iter().map(|(doc, text, p)| (doc, finish(text), p)).collect();

        let mut chronicle = Chronicle {
            config: self.config.clone(),
            version: String::new(),
            intro,
            sources: BTreeMap::new(),
            events: Vec::new(),
            event_ix: FxHashMap::default(),
            actors: BTreeMap::new(),
            places: BTreeMap::new(),
            comparisons: BTreeMap::new(),
            articles,
            days: days(self.config.start, self.config.end)
                .map(|date| Day {
                    date,
                    note: notes.remove(&date),
                    starting: Vec::new(),
                    ongoing: Vec::new(),
                })
                .collect(),
            context: Context::default(),
            quotes_verified,
            coverage: Coverage::default(),
            redirects: self.redirects(),
            corrections: Vec::new(),
        };
        for (doc, text) in sources {
            let source = self.source(doc, text);
            chronicle.sources.insert(source.id.clone(), source);
        }
        chronicle.events = events.into_iter().filter_map(|(doc, text)| self.event(doc, text)).collect();
        for (doc, text) in actors {
            let actor = Actor {
                id: ActorId(doc.id.clone()),
                name: doc.front.name.clone(),
                kind: doc.front.kind,
                aliases: doc.front.aliases.clone(),
                affiliations: self.ids(doc, &doc.front.affiliations, Kind::Actor, ActorId),
                role: doc.front.role.clone(),
                text,
                events: Vec::new(),
                members: Vec::new(),
                positions: Vec::new(),
                claims: Vec::new(),
                claim_groups: Vec::new(),
                names: Vec::new(),
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
                text,
                events: Vec::new(),
                within: Vec::new(),
                names: Vec::new(),
            };
            chronicle.places.insert(place.id.clone(), place);
        }
        for (doc, text, positions) in comparisons {
            let comparison = self.comparison(doc, text, positions, &mut passages);
            chronicle.comparisons.insert(comparison.id.clone(), comparison);
        }
        backlinks::fill(&mut chronicle);
        names.credit(&mut chronicle, mentions);
        // Coverage warnings about a chronicle that has errors would only echo them.
        let mut coverage_warnings = self.diagnostics.empty_like();
        let narrative = coverage::narrative(&self.statements, &mut coverage_warnings);
        chronicle.coverage = coverage::check(&chronicle, content, &mut coverage_warnings);
        chronicle.coverage.add_narrative(narrative);
        if !self.diagnostics.has_errors() {
            self.diagnostics.extend(coverage_warnings);
        }
        chronicle
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
        Source {
            id: SourceId(doc.id.clone()),
            title: front.title.clone(),
            publisher: front.publisher.clone(),
            language: front.language.clone(),
            kind: front.kind,
            // Filled by `resolve` once the seeds are no longer borrowed.
            seed_text: String::new(),
            seed_path: front.seed.get_ref().clone(),
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

    /// The seed lines a source's editor leaves uncited; each must be a non-blank line.
    fn uncited(&mut self, doc: &'a Doc<SourceFront>) -> BTreeMap<usize, String> {
        let seed = self.content.seeds.get(doc.front.seed.get_ref());
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
        if front.attestations.is_empty() {
            self.diagnostics.push(
                Diagnostic::error(format!("event `{}` quotes no source", doc.id))
                    .in_file(&doc.file)
                    .help("an event stands on what the seeds say: add an [[attestations]] entry and cite it in the body with `[^key]`"),
            );
        }
        if when == When::Undated && front.date_basis.as_deref().is_none_or(|b| b.trim().is_empty()) {
            self.diagnostics.push(
                doc.error_at(front.when.span(), "an undated event needs a `date_basis`")
                    .help("say in `date_basis` why no date can be established"),
            );
        }
        Some(Event {
            id: EventId(doc.id.clone()),
            title: front.title.clone(),
            placement: Placement::of(&when, self.config.start, self.config.end),
            date_basis: front.date_basis.clone(),
            actors,
            places,
            headline: front.headline,
            order: front.order,
            when,
            text,
            comparisons: Vec::new(),
        })
    }

    fn comparison(
        &mut self,
        doc: &'a Doc<ComparisonFront>,
        text: Text,
        positions: Vec<(usize, PendingQuote, Range<usize>)>,
        passages: &mut [Option<quotes::Found>],
    ) -> Comparison {
        let mut resolved = Vec::new();
        for (index, pending, _) in positions {
            let front = &doc.front.positions[index];
            let as_of = front.as_of.as_ref().and_then(|d| self.when(doc, d));
            let figure = self.figure(doc, front);
            if let Some(quote) = finish_quote(pending, passages) {
                resolved.push(Position { quote, value: front.value.clone(), figure, as_of });
            }
        }
        let position_ix = resolved.iter().enumerate().map(|(i, p)| (p.quote.key.clone(), i)).collect();
        Comparison {
            id: ComparisonId(doc.id.clone()),
            question: doc.front.question.clone(),
            events: self.ids(doc, &doc.front.events, Kind::Event, EventId),
            positions: resolved,
            position_ix,
            text,
        }
    }

    /// A position's figure for the chart: a count or a range of counts, so finite, not
    /// negative and low before high, saying what it counts and over what scope.
    fn figure(&mut self, doc: &Doc<ComparisonFront>, front: &PositionFront) -> Option<Figure> {
        let number = front.number.as_ref()?;
        let figure = number.get_ref();
        let (low, high) = (figure.low, figure.high);
        let count = |n: f64| n.is_finite() && n >= 0.0;
        if !count(low) || !count(high) || low > high {
            let shown = if low == high { format!("{low}") } else { format!("[{low}, {high}]") };
            self.diagnostics.push(
                doc.error_at(number.span(), format!("`number` must be a count or a range of counts, not {shown}"))
                    .help("give the figure the position states, e.g. `number = 46` for \"at least 46\", or `number = [25, 30]` for \"25 to 30\""),
            );
            return None;
        }
        let mut missing = Vec::new();
        for (key, value) in [("number_of", &front.number_of), ("scope", &front.scope)] {
            if value.as_deref().is_none_or(|v| v.trim().is_empty()) {
                missing.push(key);
            }
        }
        if !missing.is_empty() {
            self.diagnostics.push(
                Diagnostic::warning(format!("a figure without `{}`", missing.join("` or `")))
                    .at(&doc.file, doc.front_span(number.span()))
                    .help("say what the figure counts (`number_of`) and what it covers (`scope`: the whole battle, one clash, named people, a period): only figures alike in both are charted on one scale"),
            );
        }
        Some(Figure {
            low,
            high,
            counts: front.number_of.as_deref().unwrap_or_default().trim().to_string(),
            scope: front.scope.as_deref().unwrap_or_default().trim().to_string(),
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

    fn day_of<F>(&mut self, doc: &Doc<F>) -> Option<NaiveDate> {
        let config = self.config;
        let problem = match when::parse_day(&doc.id) {
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

/// Every body of the content, parsed with pulldown-cmark, in parallel.
fn parse_bodies(content: &Content) -> FxHashMap<&str, Parsed> {
    fn bodies<F: Sync>(docs: &[Doc<F>]) -> impl Iterator<Item = (&str, &str)> {
        docs.iter().map(|d| (d.file.path.as_str(), d.body()))
    }
    let all: Vec<(&str, &str)> = bodies(&content.sources)
        .chain(bodies(&content.events))
        .chain(bodies(&content.actors))
        .chain(bodies(&content.places))
        .chain(bodies(&content.comparisons))
        .chain(bodies(&content.days))
        .chain(bodies(&content.articles))
        .chain(content.intro.iter().map(|d| (d.file.path.as_str(), d.body())))
        .collect();
    all.into_par_iter().map(|(path, body)| (path, markdown::parse(body))).collect()
}

/// Every day from `start` to `end`, both included.
fn days(start: NaiveDate, end: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    start.iter_days().take_while(move |d| *d <= end)
}

fn seed_help(content: &Content) -> String {
    let seeds: Vec<&str> = content.seeds.keys().map(String::as_str).collect();
    if seeds.is_empty() {
        "put the document in `seeds/` and name it here as `seeds/<file>`".to_string()
    } else {
        format!("the seeds are: {}", seeds.join(", "))
    }
}
