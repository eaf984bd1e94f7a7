//! What each page shows, as plain serializable views for the templates. One function
//! per page kind; they share the event view, the quote view and the footnote list.

use super::figures;
use super::i18n;
use super::links::{position_anchor, Page};
use super::source_text;
use super::text::{render_text, Notes, QuoteView};
use crate::model::*;
use chrono::NaiveDate;
use serde::Serialize;
use tera::Context;

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub title: String,
    pub href: String,
}

#[derive(Debug, Serialize)]
pub struct EventView {
    pub id: String,
    pub title: String,
    pub when: String,
    pub datetime: String,
    pub precision: &'static str,
    pub date_basis: Option<String>,
    pub actors: Vec<Link>,
    pub places: Vec<Link>,
    pub sources: Vec<Link>,
    pub comparisons: Vec<Link>,
    pub body: String,
    /// The event's own page.
    pub href: String,
    /// The event on its day's page, when it has one.
    pub day_href: Option<String>,
}

/// A rendered page before its template: which template, and what it is given.
pub struct PageView {
    pub page: Page,
    pub template: &'static str,
    pub title: String,
    pub context: Context,
}

fn in_range(chronicle: &Chronicle, day: NaiveDate) -> bool {
    (chronicle.config.start..=chronicle.config.end).contains(&day)
}

fn link(from: &Page, to: Page, title: impl Into<String>) -> Link {
    Link { title: title.into(), href: from.href(&to, None) }
}

fn actor_links(ids: &[ActorId], chronicle: &Chronicle, page: &Page) -> Vec<Link> {
    ids.iter()
        .filter_map(|id| chronicle.actors.get(id))
        .map(|a| link(page, Page::Actor(a.id.clone()), &a.name))
        .collect()
}

fn place_links(ids: &[PlaceId], chronicle: &Chronicle, page: &Page) -> Vec<Link> {
    ids.iter()
        .filter_map(|id| chronicle.places.get(id))
        .map(|p| link(page, Page::Place(p.id.clone()), &p.name))
        .collect()
}

/// The day page an event is read on, if it is dated within the range.
fn day_of(event: &Event, chronicle: &Chronicle) -> Option<NaiveDate> {
    event.when.first_day().filter(|d| in_range(chronicle, *d))
}

/// Where a link to an event goes: its anchor on its day's page, or its own page.
pub fn event_href(event: &Event, chronicle: &Chronicle, page: &Page) -> String {
    match day_of(event, chronicle) {
        Some(day) => page.href(&Page::Day(day), Some(&event.id.0)),
        None => page.href(&Page::Event(event.id.clone()), None),
    }
}

pub fn event_view(event: &Event, chronicle: &Chronicle, page: &Page, notes: &mut Notes) -> EventView {
    let owner = Owner::Event(event.id.clone());
    let body = render_text(&event.text, &owner, chronicle, page, notes);
    let mut sources: Vec<&SourceId> = event.text.quotes.values().map(|q| &q.passage.source).collect();
    sources.sort();
    sources.dedup();
    EventView {
        id: event.id.0.clone(),
        title: event.title.clone(),
        when: i18n::when(&event.when, &chronicle.interface),
        datetime: event.when.machine(),
        precision: event.when.precision(),
        date_basis: event.date_basis.clone(),
        actors: actor_links(&event.actors, chronicle, page),
        places: place_links(&event.places, chronicle, page),
        sources: sources
            .into_iter()
            .filter_map(|id| chronicle.sources.get(id))
            .map(|s| link(page, Page::Source(s.id.clone()), &s.title))
            .collect(),
        comparisons: chronicle
            .comparisons
            .values()
            .filter(|c| c.events.contains(&event.id))
            .map(|c| link(page, Page::Comparison(c.id.clone()), &c.question))
            .collect(),
        body,
        href: page.href(&Page::Event(event.id.clone()), None),
        day_href: day_of(event, chronicle).map(|d| page.href(&Page::Day(d), Some(&event.id.0))),
    }
}

/// A line in a list of events: when, what, where to read it.
#[derive(Debug, Serialize)]
pub struct EventLine {
    pub title: String,
    pub when: String,
    pub datetime: String,
    pub href: String,
}

fn event_line(event: &Event, chronicle: &Chronicle, page: &Page) -> EventLine {
    EventLine {
        title: event.title.clone(),
        when: i18n::when(&event.when, &chronicle.interface),
        datetime: event.when.machine(),
        href: event_href(event, chronicle, page),
    }
}

/// A reader-facing name for what owns a footnote, for backlinks.
pub fn owner_title(owner: &Owner, chronicle: &Chronicle) -> String {
    match owner {
        Owner::Intro => chronicle.interface.text("introduction"),
        Owner::Day(day) => {
            chronicle.interface.text("note_on").replace("{date}", &chronicle.interface.day(*day))
        }
        Owner::Event(id) => chronicle.event(id).map_or_else(|| id.0.clone(), |e| e.title.clone()),
        Owner::Actor(id) => chronicle.actors.get(id).map_or_else(|| id.0.clone(), |a| a.name.clone()),
        Owner::Place(id) => chronicle.places.get(id).map_or_else(|| id.0.clone(), |p| p.name.clone()),
        Owner::Source(id) => chronicle.sources.get(id).map_or_else(|| id.0.clone(), |s| s.title.clone()),
        Owner::Comparison(id) => {
            chronicle.comparisons.get(id).map_or_else(|| id.0.clone(), |c| c.question.clone())
        }
    }
}

fn view(page: Page, template: &'static str, title: String, context: Context, notes: Notes) -> PageView {
    let mut context = context;
    context.insert("notes", &notes.list);
    PageView { page, template, title, context }
}

#[derive(Debug, Serialize)]
struct DayLine {
    label: String,
    date: String,
    href: String,
    headlines: Vec<EventLine>,
    others: usize,
    ongoing: usize,
}

pub fn index(chronicle: &Chronicle) -> PageView {
    let page = Page::Index;
    let mut notes = Notes::default();
    let intro = render_text(&chronicle.intro, &Owner::Intro, chronicle, &page, &mut notes);
    let days: Vec<DayLine> = chronicle
        .days()
        .map(|day| {
            let starting: Vec<&Event> =
                chronicle.events.iter().filter(|e| e.when.first_day() == Some(day)).collect();
            // A day whose events are not flagged as headlines shows them all.
            let flagged = starting.iter().any(|e| e.headline);
            let headlines: Vec<EventLine> = starting
                .iter()
                .filter(|e| e.headline || !flagged)
                .map(|e| event_line(e, chronicle, &page))
                .collect();
            DayLine {
                label: chronicle.interface.long_day(day),
                date: day.to_string(),
                href: page.href(&Page::Day(day), None),
                others: starting.len() - headlines.len(),
                headlines,
                ongoing: ongoing(chronicle, day).len(),
            }
        })
        .collect();
    let (start, end) = (chronicle.config.start, chronicle.config.end);
    let select = |keep: &dyn Fn(&Event) -> bool| -> Vec<EventLine> {
        chronicle.events.iter().filter(|e| keep(e)).map(|e| event_line(e, chronicle, &page)).collect()
    };
    let before = select(&|e| e.when.bounds().is_some_and(|(_, last)| last < start));
    let after = select(&|e| e.when.bounds().is_some_and(|(first, _)| first > end));
    let imprecise = select(&|e| {
        e.when.first_day().is_none() && e.when.bounds().is_some_and(|(f, l)| f <= end && l >= start)
    });
    let undated = select(&|e| e.when.bounds().is_none());
    let mut context = Context::new();
    context.insert("intro", &intro);
    context.insert("timeline", &figures::timeline(chronicle, &page));
    context.insert("days", &days);
    context.insert("before", &before);
    context.insert("after", &after);
    context.insert("imprecise", &imprecise);
    context.insert("undated", &undated);
    context
        .insert("range", &format!("{} – {}", chronicle.interface.day(start), chronicle.interface.day(end)));
    context.insert(
        "counts",
        &[
            ("events", chronicle.events.len()),
            ("sources", chronicle.sources.len()),
            ("actors", chronicle.actors.len()),
            ("places", chronicle.places.len()),
            ("comparisons", chronicle.comparisons.len()),
        ],
    );
    view(page, "index.html", chronicle.config.title.clone(), context, notes)
}

/// Events that started before `day` and still run on it (ranges and nights).
fn ongoing(chronicle: &Chronicle, day: NaiveDate) -> Vec<&Event> {
    chronicle
        .events
        .iter()
        .filter(|e| matches!((e.when.first_day(), e.when.last_day()), (Some(first), Some(last)) if first < day && day <= last))
        .collect()
}

pub fn day(chronicle: &Chronicle, day: NaiveDate) -> PageView {
    let page = Page::Day(day);
    let mut notes = Notes::default();
    let note = chronicle
        .day_notes
        .get(&day)
        .map(|text| render_text(text, &Owner::Day(day), chronicle, &page, &mut notes));
    let events: Vec<EventView> = chronicle
        .events
        .iter()
        .filter(|e| e.when.first_day() == Some(day))
        .map(|e| event_view(e, chronicle, &page, &mut notes))
        .collect();
    let ongoing: Vec<EventLine> =
        ongoing(chronicle, day).into_iter().map(|e| event_line(e, chronicle, &page)).collect();
    let neighbour = |d: Option<NaiveDate>| {
        d.filter(|d| in_range(chronicle, *d))
            .map(|d| link(&page, Page::Day(d), chronicle.interface.long_day(d)))
    };
    let mut context = Context::new();
    context.insert("date", &day.to_string());
    context.insert("label", &chronicle.interface.long_day(day));
    context.insert("note", &note);
    context.insert("events", &events);
    context.insert("ongoing", &ongoing);
    context.insert("map", &figures::map(chronicle, &page, Some(day)).filter(|m| m.highlighted > 0));
    context.insert("previous", &neighbour(day.pred_opt()));
    context.insert("next", &neighbour(day.succ_opt()));
    let title = chronicle.interface.long_day(day);
    view(page, "day.html", title, context, notes)
}

pub fn event(chronicle: &Chronicle, event: &Event) -> PageView {
    let page = Page::Event(event.id.clone());
    let mut notes = Notes::default();
    let event_view = event_view(event, chronicle, &page, &mut notes);
    let mut context = Context::new();
    context.insert("event", &event_view);
    view(page, "event.html", event.title.clone(), context, notes)
}

#[derive(Debug, Serialize)]
struct NameView {
    variant: String,
    sources: Vec<Link>,
}

fn names(id: &str, chronicle: &Chronicle, page: &Page) -> Vec<NameView> {
    chronicle
        .name_uses
        .get(id)
        .map(|uses| {
            uses.iter()
                .map(|u| NameView {
                    variant: u.variant.clone(),
                    sources: u
                        .sources
                        .iter()
                        .filter_map(|s| chronicle.sources.get(s))
                        .map(|s| link(page, Page::Source(s.id.clone()), &s.title))
                        .collect(),
                })
                .collect()
        })
        .unwrap_or_default()
}

#[derive(Debug, Serialize)]
struct QuoteInContext {
    quote: QuoteView,
    context: Link,
}

/// The quotes backing the given events, each with the event it backs.
fn quotes_of(events: &[&Event], chronicle: &Chronicle, page: &Page) -> Vec<QuoteInContext> {
    events
        .iter()
        .flat_map(|event| {
            event.text.quotes.values().map(|quote| QuoteInContext {
                quote: QuoteView::new(quote, chronicle, page),
                context: Link { title: event.title.clone(), href: event_href(event, chronicle, page) },
            })
        })
        .collect()
}

/// What actor and place pages share: the profile text, the names the sources use, and
/// the events that name it with the quotes that back them.
fn profile_context(
    owner: Owner,
    text: &Text,
    events: &[&Event],
    chronicle: &Chronicle,
    page: &Page,
) -> (Context, Notes) {
    let mut notes = Notes::default();
    let id = match &owner {
        Owner::Actor(id) => id.0.clone(),
        Owner::Place(id) => id.0.clone(),
        _ => String::new(),
    };
    let mut context = Context::new();
    context.insert("profile", &render_text(text, &owner, chronicle, page, &mut notes));
    context.insert("names", &names(&id, chronicle, page));
    context.insert("events", &events.iter().map(|e| event_line(e, chronicle, page)).collect::<Vec<_>>());
    context.insert("quotes", &quotes_of(events, chronicle, page));
    (context, notes)
}

pub fn actor(chronicle: &Chronicle, actor: &Actor) -> PageView {
    let page = Page::Actor(actor.id.clone());
    let events: Vec<&Event> = chronicle.events.iter().filter(|e| e.actors.contains(&actor.id)).collect();
    let owner = Owner::Actor(actor.id.clone());
    let (mut context, notes) = profile_context(owner, &actor.text, &events, chronicle, &page);
    let members: Vec<Link> = chronicle
        .actors
        .values()
        .filter(|a| a.affiliations.contains(&actor.id))
        .map(|a| link(&page, Page::Actor(a.id.clone()), &a.name))
        .collect();
    context.insert("name", &actor.name);
    context.insert("kind", &i18n::actor_kind(actor.kind, &chronicle.interface));
    context.insert("role", &actor.role);
    context.insert("affiliations", &actor_links(&actor.affiliations, chronicle, &page));
    context.insert("members", &members);
    context.insert("positions", &positions_of(&actor.id, chronicle, &page));
    context.insert("actors_href", &page.href(&Page::Actors, None));
    view(page, "actor.html", actor.name.clone(), context, notes)
}

/// The comparison positions an actor states or relays, each linked to its table row.
#[derive(Debug, Serialize)]
struct ActorPosition {
    question: Link,
    value: String,
    href: String,
}

fn positions_of(actor: &ActorId, chronicle: &Chronicle, page: &Page) -> Vec<ActorPosition> {
    let mut list = Vec::new();
    for comparison in chronicle.comparisons.values() {
        let target = Page::Comparison(comparison.id.clone());
        for position in comparison.positions.iter().filter(|p| p.actors.contains(actor)) {
            list.push(ActorPosition {
                question: link(page, target.clone(), &comparison.question),
                value: position.value.clone(),
                href: page.href(&target, Some(&position_anchor(&position.quote.key))),
            });
        }
    }
    list
}

pub fn actors(chronicle: &Chronicle) -> PageView {
    let page = Page::Actors;
    let mut groups: Vec<(String, Vec<Link>)> = Vec::new();
    let mut by_kind: Vec<&Actor> = chronicle.actors.values().collect();
    by_kind.sort_by(|a, b| (a.kind, &a.name).cmp(&(b.kind, &b.name)));
    for actor in by_kind {
        let label = i18n::actor_kind(actor.kind, &chronicle.interface);
        let entry = link(&page, Page::Actor(actor.id.clone()), &actor.name);
        match groups.last_mut() {
            Some((last, list)) if *last == label => list.push(entry),
            _ => groups.push((label, vec![entry])),
        }
    }
    let mut context = Context::new();
    context.insert("groups", &groups);
    context.insert("matrix", &figures::actor_matrix(chronicle, &page));
    context.insert(
        "matrix_days",
        &chronicle
            .days()
            .map(|d| {
                (d.format("%-d").to_string(), chronicle.interface.long_day(d), page.href(&Page::Day(d), None))
            })
            .collect::<Vec<_>>(),
    );
    view(page, "actors.html", chronicle.interface.text("actors"), context, Notes::default())
}

pub fn place(chronicle: &Chronicle, place: &Place) -> PageView {
    let page = Page::Place(place.id.clone());
    let events: Vec<&Event> = chronicle.events.iter().filter(|e| e.places.contains(&place.id)).collect();
    let owner = Owner::Place(place.id.clone());
    let (mut context, notes) = profile_context(owner, &place.text, &events, chronicle, &page);
    let within: Vec<Link> = chronicle
        .places
        .values()
        .filter(|p| p.region.as_ref() == Some(&place.id))
        .map(|p| link(&page, Page::Place(p.id.clone()), &p.name))
        .collect();
    let region = place.region.as_ref().and_then(|r| chronicle.places.get(r));
    context.insert("name", &place.name);
    context.insert("coordinates", &place.coordinates.as_ref().map(coordinates_view));
    context.insert("region", &region.map(|r| link(&page, Page::Place(r.id.clone()), &r.name)));
    context.insert("within", &within);
    context.insert("places_href", &page.href(&Page::Places, None));
    view(page, "place.html", place.name.clone(), context, notes)
}

#[derive(Debug, Serialize)]
struct CoordinatesView {
    lat: String,
    lon: String,
    precision: Option<String>,
    basis: Option<String>,
}

fn coordinates_view(c: &crate::load::front::Coordinates) -> CoordinatesView {
    CoordinatesView {
        lat: format!("{:.4}", c.lat),
        lon: format!("{:.4}", c.lon),
        precision: c.precision.clone(),
        basis: c.basis.clone(),
    }
}

pub fn places(chronicle: &Chronicle) -> PageView {
    let page = Page::Places;
    let mut list: Vec<&Place> = chronicle.places.values().collect();
    list.sort_by(|a, b| a.name.cmp(&b.name));
    let links: Vec<Link> = list.iter().map(|p| link(&page, Page::Place(p.id.clone()), &p.name)).collect();
    let mut context = Context::new();
    context.insert("places", &links);
    context.insert("map", &figures::map(chronicle, &page, None));
    view(page, "places.html", chronicle.interface.text("places"), context, Notes::default())
}

#[derive(Debug, Serialize)]
struct MetaRow {
    label: String,
    value: String,
    inferred: Option<String>,
}

pub fn source(chronicle: &Chronicle, source: &Source) -> PageView {
    let page = Page::Source(source.id.clone());
    let mut notes = Notes::default();
    let provenance =
        render_text(&source.notes, &Owner::Source(source.id.clone()), chronicle, &page, &mut notes);
    let row = |field: &str, value: Option<String>| {
        let label = chronicle.interface.text(field);
        value.map(|value| MetaRow { label, value, inferred: source.inferred.get(field).cloned() })
    };
    let meta: Vec<MetaRow> = [
        row("title", Some(source.title.clone())),
        row("publisher", source.publisher.clone()),
        row("author", source.author.clone()),
        row("published", source.published.as_ref().map(|w| i18n::when(w, &chronicle.interface))),
        row("kind", Some(i18n::source_kind(source.kind, &chronicle.interface))),
        row("language", Some(source.language.clone())),
        row("seed", Some(source.seed_path.clone())),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut context = Context::new();
    context.insert("source_title", &source.title);
    context.insert("meta", &meta);
    context.insert("url", &source.url);
    context.insert("lang", &source.language);
    context.insert("provenance", &provenance);
    context.insert("paragraphs", &source_text::paragraphs(source, chronicle, &page));
    context.insert("quote_count", &source.citations.len());
    view(page, "source.html", source.title.clone(), context, notes)
}

pub fn sources(chronicle: &Chronicle) -> PageView {
    let page = Page::Sources;
    #[derive(Serialize)]
    struct Line {
        title: String,
        href: String,
        publisher: Option<String>,
        published: Option<String>,
        kind: String,
        lang: String,
        citations: usize,
    }
    let list: Vec<Line> = chronicle
        .sources
        .values()
        .map(|s| Line {
            title: s.title.clone(),
            href: page.href(&Page::Source(s.id.clone()), None),
            publisher: s.publisher.clone(),
            published: s.published.as_ref().map(|w| i18n::when(w, &chronicle.interface)),
            kind: i18n::source_kind(s.kind, &chronicle.interface),
            lang: s.language.clone(),
            citations: s.citations.len(),
        })
        .collect();
    let mut context = Context::new();
    context.insert("sources", &list);
    view(page, "sources.html", chronicle.interface.text("sources"), context, Notes::default())
}

#[derive(Debug, Serialize)]
struct PositionView {
    id: String,
    value: String,
    said_by: Option<String>,
    actors: Vec<Link>,
    as_of: Option<String>,
    as_of_datetime: Option<String>,
    quote: QuoteView,
}

pub fn comparison(chronicle: &Chronicle, comparison: &Comparison) -> PageView {
    let page = Page::Comparison(comparison.id.clone());
    let mut notes = Notes::default();
    let positions: Vec<PositionView> = comparison
        .positions
        .iter()
        .map(|p| PositionView {
            id: position_anchor(&p.quote.key),
            value: p.value.clone(),
            said_by: p.said_by.clone(),
            actors: actor_links(&p.actors, chronicle, &page),
            as_of: p.as_of.as_ref().map(|w| i18n::when(w, &chronicle.interface)),
            as_of_datetime: p.as_of.as_ref().map(|w| w.machine()),
            quote: QuoteView::new(&p.quote, chronicle, &page),
        })
        .collect();
    // The reading cites the positions above it as well as its own quotes.
    let mut reading_text = comparison.text.clone();
    reading_text.quotes.extend(comparison.positions.iter().map(|p| (p.quote.key.clone(), p.quote.clone())));
    let reading =
        render_text(&reading_text, &Owner::Comparison(comparison.id.clone()), chronicle, &page, &mut notes);
    let events: Vec<EventLine> = comparison
        .events
        .iter()
        .filter_map(|id| chronicle.event(id))
        .map(|e| event_line(e, chronicle, &page))
        .collect();
    let mut context = Context::new();
    context.insert("question", &comparison.question);
    context.insert("chart", &figures::chart(chronicle, comparison));
    context.insert("positions", &positions);
    context.insert("reading", &reading);
    context.insert("events", &events);
    view(page, "compare.html", comparison.question.clone(), context, notes)
}

pub fn comparisons(chronicle: &Chronicle) -> PageView {
    let page = Page::Comparisons;
    let list: Vec<(Link, usize)> = chronicle
        .comparisons
        .values()
        .map(|c| (link(&page, Page::Comparison(c.id.clone()), &c.question), c.positions.len()))
        .collect();
    let mut context = Context::new();
    context.insert("comparisons", &list);
    view(page, "comparisons.html", chronicle.interface.text("comparisons"), context, Notes::default())
}

pub fn not_found(chronicle: &Chronicle) -> PageView {
    let title = chronicle.interface.text("page_not_found");
    view(Page::NotFound, "404.html", title, Context::new(), Notes::default())
}
