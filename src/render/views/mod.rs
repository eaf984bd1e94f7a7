//! What each page shows, as plain serializable views for the templates: one module per
//! page kind, sharing the event view, the event line, links and pagination from here.
//! Every view looks things up through the chronicle's indexes; none scans a collection
//! to find one thing.

mod article;
mod compare;
mod day;
mod event;
mod index;
mod lists;
mod profile;
mod source;

use super::context::RenderContext;
use super::i18n;
use super::links::{event_href, Page};
use super::notes::{render_body, Notes};
use crate::model::*;
use serde::Serialize;
use tera::Context;

/// How many events an actor's or a place's page lists before it continues on the next.
pub const EVENTS_PER_PAGE: usize = 50;
/// How many entries a list of actors, places, sources or events holds per page.
pub const ENTRIES_PER_PAGE: usize = 500;

/// A page before its template: which template, and what it is given.
pub struct PageView {
    pub template: &'static str,
    pub title: String,
    /// The title the page is cited under: its title, unless that says too little alone.
    pub cite_title: String,
    pub context: Context,
}

/// Every page of the site, in a fixed order.
pub fn pages(chronicle: &Chronicle) -> Vec<Page> {
    let mut pages = vec![Page::Index];
    pages.extend(paged(Page::Days, chronicle.days.len(), ENTRIES_PER_PAGE));
    pages.extend(chronicle.days.iter().map(|d| Page::Day(d.date)));
    pages.extend(index::context_pages(chronicle));
    pages.extend(chronicle.events.iter().map(|e| Page::Event(e.id.clone())));
    pages.extend(paged(Page::Actors, chronicle.actors.len(), ENTRIES_PER_PAGE));
    for actor in chronicle.actors.values() {
        pages.extend(paged(Page::Actor(actor.id.clone()), profile::actor_entries(actor), EVENTS_PER_PAGE));
    }
    pages.extend(paged(Page::Places, chronicle.places.len(), ENTRIES_PER_PAGE));
    for place in chronicle.places.values() {
        pages.extend(paged(Page::Place(place.id.clone()), place.events.len(), EVENTS_PER_PAGE));
    }
    pages.extend(paged(Page::Sources, chronicle.sources.len(), ENTRIES_PER_PAGE));
    pages.extend(chronicle.sources.keys().map(|id| Page::Source(id.clone())));
    pages.extend(paged(Page::Comparisons, chronicle.comparisons.len(), ENTRIES_PER_PAGE));
    pages.extend(chronicle.comparisons.keys().map(|id| Page::Comparison(id.clone())));
    pages.extend(paged(Page::Corrections, chronicle.corrections.len(), ENTRIES_PER_PAGE));
    pages.extend(chronicle.articles.keys().map(|id| Page::Article(id.clone())));
    pages.push(Page::NotFound);
    pages
}

/// The view of one page; `None` for a page that is not the chronicle's (an id that no
/// longer exists).
pub fn view<'a>(ctx: &RenderContext<'a>, page: &Page) -> Option<PageView> {
    let (first, n) = match page {
        Page::Continued(first, n) => (first.as_ref(), *n),
        _ => (page, 1),
    };
    let chronicle = ctx.chronicle;
    Some(match first {
        Page::Index => index::index(ctx),
        Page::Day(day) => day::day(ctx, chronicle.day(*day)?),
        Page::Context(list) => index::context(ctx, *list, n),
        Page::Event(id) => event::event(ctx, chronicle.event(id)?),
        Page::Actor(id) => profile::actor(ctx, chronicle.actors.get(id)?, n),
        Page::Place(id) => profile::place(ctx, chronicle.places.get(id)?, n),
        Page::Source(id) => source::source(ctx, chronicle.sources.get(id)?),
        Page::Comparison(id) => compare::comparison(ctx, chronicle.comparisons.get(id)?),
        Page::Article(id) => article::article(ctx, chronicle.articles.get(id)?),
        Page::Days => index::days(ctx, n),
        Page::Actors => lists::actors(ctx, n),
        Page::Places => lists::places(ctx, n),
        Page::Sources => lists::sources(ctx, n),
        Page::Comparisons => lists::comparisons(ctx, n),
        Page::Corrections => lists::corrections(ctx, n),
        Page::NotFound => lists::not_found(ctx),
        Page::Continued(..) => return None,
    })
}

/// The first page and its continuations, for a list of `len` entries.
fn paged(first: Page, len: usize, per_page: usize) -> impl Iterator<Item = Page> {
    (1..=page_count(len, per_page)).map(move |n| first.nth(n))
}

fn page_count(len: usize, per_page: usize) -> usize {
    len.div_ceil(per_page).max(1)
}

/// The entries of page `n` of a list.
fn page_of<T>(list: &[T], n: usize, per_page: usize) -> &[T] {
    let start = ((n.max(1) - 1) * per_page).min(list.len());
    &list[start..(start + per_page).min(list.len())]
}

/// Links between the pages of a list, for the templates' `pager` macro.
#[derive(Debug, Serialize)]
pub struct Pager {
    pub current: usize,
    pub total: usize,
    pub previous: Option<String>,
    pub next: Option<String>,
    /// Every page: its number and link.
    pub pages: Vec<(usize, String)>,
}

/// The pager of page `n` of `first`'s list of `len` entries; `None` when it fits on one.
fn pager(first: &Page, n: usize, len: usize, per_page: usize) -> Option<Pager> {
    let total = page_count(len, per_page);
    if total <= 1 {
        return None;
    }
    let here = first.nth(n);
    let link = |m: usize| here.href(&first.nth(m), None);
    Some(Pager {
        current: n,
        total,
        previous: (n > 1).then(|| link(n - 1)),
        next: (n < total).then(|| link(n + 1)),
        pages: (1..=total).map(|m| (m, link(m))).collect(),
    })
}

/// The title of page `n` of a list: its own for the first, with its number for the others.
fn paged_title(ctx: &RenderContext, title: String, n: usize) -> String {
    if n <= 1 {
        return title;
    }
    crate::load::interface::fill(&ctx.text("title_page_n"), &[("title", &title), ("n", &n.to_string())])
}

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub title: String,
    pub href: String,
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
    pub corrections: Vec<CorrectionView>,
    pub corrections_anchor: String,
    /// How to cite the event, where it is read on a page of others (its day's).
    pub citation: Option<String>,
    /// The event's own page.
    pub href: String,
    /// The event on its day's page, when it has one.
    pub day_href: Option<String>,
}

fn event_view<'a>(
    event: &'a Event,
    ctx: &RenderContext<'a>,
    page: &Page,
    notes: &mut Notes<'a>,
) -> EventView {
    let chronicle = ctx.chronicle;
    let owner = Owner::Event(event.id.clone());
    let body = render_body(&event.text, &owner, ctx, page, notes);
    let (when, datetime) = ctx.when_of(event);
    let mut sources: Vec<&SourceId> = event.text.quotes.values().map(|q| &q.passage.source).collect();
    sources.sort();
    sources.dedup();
    EventView {
        id: event.id.to_string(),
        title: event.title.clone(),
        when: when.to_string(),
        datetime: datetime.to_string(),
        precision: event.when.precision(),
        date_basis: event.date_basis.clone(),
        actors: actor_links(&event.actors, chronicle, page),
        places: place_links(&event.places, chronicle, page),
        sources: sources
            .into_iter()
            .filter_map(|id| chronicle.sources.get(id))
            .map(|s| link(page, Page::Source(s.id.clone()), &s.title))
            .collect(),
        comparisons: event
            .comparisons
            .iter()
            .filter_map(|id| chronicle.comparisons.get(id))
            .map(|c| link(page, Page::Comparison(c.id.clone()), &c.question))
            .collect(),
        body,
        corrections: corrections(&event.text, ctx),
        corrections_anchor: super::links::corrections_anchor(&owner),
        citation: (*page != Page::Event(event.id.clone())).then(|| {
            super::cite::citation(&Page::Event(event.id.clone()), &event.title, chronicle, &ctx.citing)
        }),
        href: page.href(&Page::Event(event.id.clone()), None),
        day_href: event.placement.day().map(|d| page.href(&Page::Day(d), Some(event.id.as_str()))),
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

fn event_line(event: &Event, ctx: &RenderContext, page: &Page) -> EventLine {
    let (when, datetime) = ctx.when_of(event);
    EventLine {
        title: event.title.clone(),
        when: when.to_string(),
        datetime: datetime.to_string(),
        href: event_href(event, page),
    }
}

fn event_lines(events: &[EventIx], ctx: &RenderContext, page: &Page) -> Vec<EventLine> {
    events.iter().map(|&ix| event_line(&ctx.chronicle.events[ix], ctx, page)).collect()
}

/// A correction as the templates show it.
#[derive(Debug, Serialize)]
pub struct CorrectionView {
    pub date: String,
    pub datetime: String,
    pub was: String,
    pub now: String,
}

fn correction_view(correction: &Correction, ctx: &RenderContext) -> CorrectionView {
    CorrectionView {
        date: i18n::when(&When::Day(correction.date), ctx.words),
        datetime: correction.date.to_string(),
        was: correction.was.clone(),
        now: correction.now.clone(),
    }
}

/// A text's corrections, newest first.
fn corrections(text: &Text, ctx: &RenderContext) -> Vec<CorrectionView> {
    text.corrections.iter().rev().map(|c| correction_view(c, ctx)).collect()
}

/// A reader-facing name for what owns a footnote, for backlinks.
fn owner_title(owner: &Owner, ctx: &RenderContext) -> String {
    let chronicle = ctx.chronicle;
    match owner {
        Owner::Intro => ctx.text("introduction"),
        Owner::Day(day) => ctx.text("note_on").replace("{date}", &ctx.words.day(*day)),
        Owner::Event(id) => chronicle.event(id).map_or_else(|| id.to_string(), |e| e.title.clone()),
        Owner::Actor(id) => chronicle.actors.get(id).map_or_else(|| id.to_string(), |a| a.name.clone()),
        Owner::Place(id) => chronicle.places.get(id).map_or_else(|| id.to_string(), |p| p.name.clone()),
        Owner::Source(id) => chronicle.sources.get(id).map_or_else(|| id.to_string(), |s| s.title.clone()),
        Owner::Comparison(id) => {
            chronicle.comparisons.get(id).map_or_else(|| id.to_string(), |c| c.question.clone())
        }
        Owner::Article(id) => chronicle.articles.get(id).map_or_else(|| id.to_string(), |a| a.title.clone()),
    }
}

fn view_of(
    ctx: &RenderContext,
    template: &'static str,
    title: String,
    mut context: Context,
    notes: Notes<'_>,
) -> PageView {
    if ctx.uses("notes_html") {
        context.insert("notes_html", &notes.html(ctx));
    }
    if ctx.uses("notes") {
        context.insert("notes", &notes.list);
    }
    // Every page has the corrections of its own text, none for a page whose events carry
    // theirs: a theme can test for them without Tera looking for what is not there.
    if !context.contains_key("corrections") {
        context.insert("corrections", &[(); 0]);
    }
    context.insert("corrections_anchor", "corrections");
    PageView { template, cite_title: title.clone(), title, context }
}
