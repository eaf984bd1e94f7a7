//! The resolved chronicle: every id checked, every quote found in its seed, every body
//! parsed, and every reverse edge a page needs (an actor's events, a day's events, what
//! cites a passage) filled in once, so that nothing downstream scans a collection to
//! find one thing.

use super::config::Config;
use super::ids::*;
use super::kinds::{ActorKind, Coordinates, SourceKind};
use super::when::{Placement, When};
use crate::text::markdown::Body;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::ops::Range;

/// A passage of a seed that some quote points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub source: SourceId,
    /// Byte range in the seed; seeds never change, so this is stable.
    pub range: Range<usize>,
    /// The seed's own text of the passage, verbatim.
    pub text: String,
    /// 1-based line of the seed where the passage starts.
    pub line: usize,
}

/// A verbatim quote backing a statement, cited in a body as `[^key]`.
#[derive(Debug, Clone)]
pub struct Quote {
    pub key: String,
    pub passage: Passage,
    /// The passage as readers see it quoted: white space collapsed, and, in French, the
    /// spaces before `;:!?` and inside « » made no-break (see `text::lang`).
    pub shown: String,
    /// Whether `shown` opens and closes with quotation marks of its own.
    pub in_its_own_marks: bool,
    /// The language of the quote (its source's, unless the editor says otherwise).
    pub language: String,
    pub translation: Option<String>,
    pub note: Option<String>,
    /// Who made the claim the quote reports, and who passed it on.
    pub claim: Claim,
}

/// Someone who made or passed on a claim.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Claimant {
    Actor(ActorId),
    /// Someone the seed does not name, as it describes them, and the actor they belong
    /// to when the seed says.
    Unnamed {
        description: String,
        part_of: Option<ActorId>,
    },
}

impl Claimant {
    /// The actor a claim is traced to: the claimant, or the one an unnamed claimant
    /// belongs to.
    pub fn actor(&self) -> Option<&ActorId> {
        match self {
            Claimant::Actor(id) => Some(id),
            Claimant::Unnamed { part_of, .. } => part_of.as_ref(),
        }
    }
}

/// Who made a claim (`said_by`) and through whom it reaches the seed (`via`, in order
/// from the claimant). Empty when the source speaks for itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Claim {
    pub said_by: Vec<Claimant>,
    pub via: Vec<Claimant>,
}

impl Claim {
    pub fn is_empty(&self) -> bool {
        self.said_by.is_empty() && self.via.is_empty()
    }
}

/// A conclusion of the editor's that no quote states outright, with its basis, cited in
/// a body like a quote.
#[derive(Debug, Clone)]
pub struct Reading {
    pub key: String,
    pub basis: String,
    /// Keys of the quotes of the same text (or the positions of the same comparison) it
    /// rests on.
    pub rests_on: Vec<String>,
}

/// A public correction of a content file: what it said and what it says now.
#[derive(Debug, Clone)]
pub struct Correction {
    pub date: NaiveDate,
    pub was: String,
    pub now: String,
}

/// A body, parsed once, with the quotes and readings its footnote markers cite, and the
/// corrections made to the file it comes from.
#[derive(Debug, Clone, Default)]
pub struct Text {
    pub body: Body,
    pub quotes: BTreeMap<String, Quote>,
    pub readings: BTreeMap<String, Reading>,
    /// Oldest first.
    pub corrections: Vec<Correction>,
}

#[derive(Debug, Clone)]
pub struct Source {
    pub id: SourceId,
    pub title: String,
    pub publisher: Option<String>,
    pub language: String,
    pub kind: SourceKind,
    /// The path of the seed, e.g. `seeds/000_x.txt`.
    pub seed_path: String,
    pub seed_text: String,
    pub published: Option<When>,
    pub author: Option<String>,
    pub url: Option<String>,
    /// Field → basis, for metadata the seed does not state.
    pub inferred: BTreeMap<String, String>,
    pub notes: Text,
    /// Everything that cites a passage of this source, in seed order.
    pub citations: Vec<Citation>,
    /// The names of actors and places in the seed, in order, not overlapping.
    pub mentions: Vec<Mention>,
    /// Seed line → why the editor leaves it uncited.
    pub uncited: BTreeMap<usize, String>,
}

/// A place in the chronicle that cites a passage.
#[derive(Debug, Clone)]
pub struct Citation {
    /// The passage's byte range in the seed.
    pub range: Range<usize>,
    pub owner: Owner,
    pub key: String,
    /// A comparison's position rather than a footnote.
    pub is_position: bool,
}

#[derive(Debug, Clone)]
pub struct Event {
    pub id: EventId,
    pub title: String,
    pub when: When,
    pub placement: Placement,
    pub date_basis: Option<String>,
    pub actors: Vec<ActorId>,
    pub places: Vec<PlaceId>,
    pub headline: bool,
    /// The editor's place for it among its day's events, lower first.
    pub order: i32,
    pub text: Text,
    /// The comparisons about this event.
    pub comparisons: Vec<ComparisonId>,
}

#[derive(Debug, Clone)]
pub struct Actor {
    pub id: ActorId,
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    pub affiliations: Vec<ActorId>,
    pub role: Option<String>,
    pub text: Text,
    /// The events that name it, in chronological order.
    pub events: Vec<EventIx>,
    /// The actors affiliated to it.
    pub members: Vec<ActorId>,
    /// The comparison positions it takes: the comparison and the position's index there.
    pub positions: Vec<(ComparisonId, usize)>,
    /// The quotes of claims it made, then of claims it passed on, in the order of their
    /// passages, then of the files that quote them.
    pub claims: Vec<ClaimRef>,
    /// Where each passage's claims start in `claims`: a passage quoted by several files is
    /// one entry of the actor's pages.
    pub claim_groups: Vec<usize>,
    /// Each of its names, and the sources that use it.
    pub names: Vec<NameUse>,
}

#[derive(Debug, Clone)]
pub struct Place {
    pub id: PlaceId,
    pub name: String,
    pub aliases: Vec<String>,
    pub region: Option<PlaceId>,
    pub coordinates: Option<Coordinates>,
    pub text: Text,
    /// The events that name it, in chronological order.
    pub events: Vec<EventIx>,
    /// The places whose region it is.
    pub within: Vec<PlaceId>,
    /// Each of its names, and the sources that use it.
    pub names: Vec<NameUse>,
}

/// A quote of a claim an actor made or relayed: where the quote is, and which role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRef {
    pub owner: Owner,
    pub key: String,
    pub relayed: bool,
    /// The passage quoted: its source and where it starts and ends in the seed. Several
    /// files may quote one passage; an actor's page shows it once.
    pub source: SourceId,
    pub range: (usize, usize),
}

impl ClaimRef {
    /// What tells one claim of an actor's from another: made or relayed, and the passage.
    pub fn passage(&self) -> (bool, &SourceId, (usize, usize)) {
        (self.relayed, &self.source, self.range)
    }
}

#[derive(Debug, Clone)]
pub struct Position {
    pub quote: Quote,
    pub value: String,
    pub figure: Option<Figure>,
    pub as_of: Option<When>,
}

/// A position's figure: one number (`low == high`) or a range, what it counts and what
/// it covers. Figures are comparable only when both of those are the same.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub low: f64,
    pub high: f64,
    pub counts: String,
    pub scope: String,
}

#[derive(Debug, Clone)]
pub struct Comparison {
    pub id: ComparisonId,
    pub question: String,
    pub events: Vec<EventId>,
    pub positions: Vec<Position>,
    /// Position key → its index in `positions`.
    pub position_ix: BTreeMap<String, usize>,
    pub text: Text,
}

/// A page of the editor's own: how the dates were worked out, a note on method.
#[derive(Debug, Clone)]
pub struct Article {
    pub id: ArticleId,
    pub title: String,
    pub text: Text,
}

/// A name found in a seed: its byte range there and what it names.
#[derive(Debug, Clone)]
pub struct Mention {
    pub range: Range<usize>,
    pub of: Named,
}

/// One spelling of an actor's or a place's name, and the sources that use it.
#[derive(Debug, Clone, Default)]
pub struct NameUse {
    pub variant: String,
    pub sources: Vec<SourceId>,
}

/// A day of the range and what happens on it.
#[derive(Debug, Clone)]
pub struct Day {
    pub date: NaiveDate,
    pub note: Option<Text>,
    /// The events read on this day's page (`Placement::Day` of this day), in order.
    pub starting: Vec<EventIx>,
    /// Events that began earlier and still run on this day (ranges and nights).
    pub ongoing: Vec<EventIx>,
}

/// The events that have no day of the range, by where they fall.
#[derive(Debug, Clone, Default)]
pub struct Context {
    pub before: Vec<EventIx>,
    pub imprecise: Vec<EventIx>,
    pub after: Vec<EventIx>,
    pub undated: Vec<EventIx>,
}

/// The whole chronicle, resolved.
#[derive(Debug, Clone)]
pub struct Chronicle {
    pub config: Config,
    /// A fingerprint of the content, cited as the version of every page.
    pub version: String,
    pub intro: Text,
    pub sources: BTreeMap<SourceId, Source>,
    /// In chronological order: by first day, then the editor's `order`, then by time
    /// where known (a day's spans first), then headlines first, then by id.
    pub events: Vec<Event>,
    pub event_ix: FxHashMap<EventId, EventIx>,
    pub actors: BTreeMap<ActorId, Actor>,
    pub places: BTreeMap<PlaceId, Place>,
    pub comparisons: BTreeMap<ComparisonId, Comparison>,
    /// The editor's own pages, by id.
    pub articles: BTreeMap<ArticleId, Article>,
    /// Every day of the range, in order.
    pub days: Vec<Day>,
    pub context: Context,
    /// How many quotes were found in their seeds.
    pub quotes_verified: usize,
    pub coverage: Coverage,
    /// Former ids that must keep answering: each `from` redirects to its `to`.
    pub redirects: Vec<Redirect>,
    /// Every correction, newest first.
    pub corrections: Vec<CorrectionRef>,
}

/// A correction of some file: whose text it is in and its index there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectionRef {
    pub date: NaiveDate,
    pub owner: Owner,
    pub index: usize,
}

/// A URL published under a former id, and the thing it now leads to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Redirect {
    pub from: Owner,
    pub to: Owner,
}

/// How much of the seeds the chronicle cites, counted in paragraphs (non-blank lines),
/// and how much of its own narrative is footnoted, in paragraphs and in sentences.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Coverage {
    pub paragraphs: usize,
    pub cited: usize,
    pub narrative_paragraphs: usize,
    pub narrative_paragraphs_footnoted: usize,
    pub sentences: usize,
    pub sentences_footnoted: usize,
}

/// The narrative's counts: its blocks of text, those that cite, its sentences, and those
/// that cite nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct Narrative {
    pub blocks: usize,
    pub blocks_cited: usize,
    pub sentences: usize,
    pub uncited: usize,
}

impl Coverage {
    /// Adds the narrative's counts: its blocks of text and sentences, and those cited.
    pub fn add_narrative(&mut self, narrative: Narrative) {
        self.narrative_paragraphs = narrative.blocks;
        self.narrative_paragraphs_footnoted = narrative.blocks_cited;
        self.sentences = narrative.sentences;
        self.sentences_footnoted = narrative.sentences - narrative.uncited;
    }

    pub fn percent(&self) -> f64 {
        if self.paragraphs == 0 {
            return 100.0;
        }
        100.0 * self.cited as f64 / self.paragraphs as f64
    }
}

impl std::fmt::Display for Coverage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} of {} seed paragraphs cited ({:.0}%), {} of {} narrative sentences footnoted ({} of {} paragraphs)",
            self.cited,
            self.paragraphs,
            self.percent(),
            self.sentences_footnoted,
            self.sentences,
            self.narrative_paragraphs_footnoted,
            self.narrative_paragraphs,
        )
    }
}

impl Chronicle {
    pub fn event(&self, id: &EventId) -> Option<&Event> {
        self.event_ix.get(id).map(|&ix| &self.events[ix])
    }

    /// The day of the range, if `date` is one.
    pub fn day(&self, date: NaiveDate) -> Option<&Day> {
        let offset = (date - self.config.start).num_days();
        usize::try_from(offset).ok().and_then(|i| self.days.get(i))
    }

    pub fn in_range(&self, date: NaiveDate) -> bool {
        (self.config.start..=self.config.end).contains(&date)
    }

    /// The text an owner's footnotes and corrections belong to.
    pub fn text(&self, owner: &Owner) -> Option<&Text> {
        match owner {
            Owner::Intro => Some(&self.intro),
            Owner::Day(date) => self.day(*date)?.note.as_ref(),
            Owner::Event(id) => Some(&self.event(id)?.text),
            Owner::Actor(id) => Some(&self.actors.get(id)?.text),
            Owner::Place(id) => Some(&self.places.get(id)?.text),
            Owner::Source(id) => Some(&self.sources.get(id)?.notes),
            Owner::Comparison(id) => Some(&self.comparisons.get(id)?.text),
            Owner::Article(id) => Some(&self.articles.get(id)?.text),
        }
    }

    /// A quote by its owner and key: one of the text's quotes, or a comparison's position.
    pub fn quote(&self, owner: &Owner, key: &str) -> Option<&Quote> {
        if let Some(quote) = self.text(owner)?.quotes.get(key) {
            return Some(quote);
        }
        let Owner::Comparison(id) = owner else { return None };
        self.comparisons.get(id)?.position(key).map(|p| &p.quote)
    }
}

impl Comparison {
    /// A position by its key.
    pub fn position(&self, key: &str) -> Option<&Position> {
        self.position_ix.get(key).map(|&i| &self.positions[i])
    }
}
