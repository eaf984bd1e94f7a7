//! Actor and place pages: the profile, the names the sources use, the positions an actor
//! takes, the claims it made and passed on, and the events that name it with the quotes
//! that back them. An actor named by thousands of events gets its events (and its claims)
//! in pages of `EVENTS_PER_PAGE`; the first keeps the actor's own URL, and the profile is
//! shown there only.

use super::*;
use crate::render::links::{footnote_href, position_anchor};
use crate::render::notes::QuoteView;
use crate::text::escape::{html as escape, Escaped};

/// How many sources the names table lists for one spelling; the rest are counted.
const SOURCES_PER_NAME: usize = 20;

#[derive(Debug, Serialize)]
struct NameView {
    variant: String,
    sources: Vec<Link>,
    /// Sources that use it beyond those listed.
    more: usize,
}

fn names(uses: &[NameUse], ctx: &RenderContext, page: &Page) -> Vec<NameView> {
    uses.iter()
        .map(|u| NameView {
            variant: u.variant.clone(),
            sources: u
                .sources
                .iter()
                .take(SOURCES_PER_NAME)
                .filter_map(|s| ctx.chronicle.sources.get(s))
                .map(|s| link(page, Page::Source(s.id.clone()), &s.title))
                .collect(),
            more: u.sources.len().saturating_sub(SOURCES_PER_NAME),
        })
        .collect()
}

/// Which of a paged list's entries a page shows, counted from 1.
#[derive(Debug, Serialize)]
struct Shown {
    from: usize,
    to: usize,
    total: usize,
}

/// A quote and the event it backs, for a template that lays out the quotes itself.
#[derive(Serialize)]
struct QuoteInContext<'a> {
    quote: QuoteView<'a>,
    context: Link,
}

/// The quotes backing the given events, each with the event it backs.
fn quotes_of<'a>(events: &[EventIx], ctx: &RenderContext<'a>, page: &Page) -> Vec<QuoteInContext<'a>> {
    events
        .iter()
        .map(|&ix| &ctx.chronicle.events[ix])
        .flat_map(|event| {
            event.text.quotes.values().map(move |quote| QuoteInContext {
                quote: QuoteView::new(quote, ctx, page),
                context: Link { title: event.title.clone(), href: event_href(event, page) },
            })
        })
        .collect()
}

/// The quotes backing the given events, grouped under the event they back, each group
/// folded under the event's line so that the page reads as a list of events, as HTML:
/// made here, as the notes are, since an actor in a large chronicle has hundreds of them.
fn quotes_html(events: &[EventIx], ctx: &RenderContext, page: &Page) -> String {
    let on = escape(&ctx.text("on_context"));
    let mut html = String::new();
    for event in events.iter().map(|&ix| &ctx.chronicle.events[ix]) {
        if event.text.quotes.is_empty() {
            continue;
        }
        html.push_str(&format!(
            "<div class=\"quote-in-context\"><p class=\"context\">{on} <a href=\"{}\">{}</a>, {}:</p>",
            Escaped(&event_href(event, page)),
            Escaped(&event.title),
            Escaped(ctx.when_of(event).0),
        ));
        let count = ctx.words.count("n_quotes", event.text.quotes.len() as u64);
        html.push_str(&format!("<details class=\"quotes-of-event\"><summary>{}</summary>", Escaped(&count)));
        for quote in event.text.quotes.values() {
            html.push_str(&QuoteView::new(quote, ctx, page).html(ctx));
        }
        html.push_str("</details></div>");
    }
    html
}

/// What actor and place pages share: the profile text and names on the first page, and
/// on every page its share of the events and of their quotes.
/// `entries` is the longest of the lists the pages share out, which decides their number.
#[allow(clippy::too_many_arguments)]
fn profile_context<'a>(
    owner: Owner,
    text: &'a Text,
    uses: &[NameUse],
    events: &[EventIx],
    entries: usize,
    ctx: &RenderContext<'a>,
    first: &Page,
    n: usize,
) -> (Context, Notes<'a>) {
    let page = first.nth(n);
    let mut notes = Notes::default();
    let mut context = Context::new();
    if n == 1 {
        let profile = render_body(text, &owner, ctx, &page, &mut notes);
        context.insert("profile", &profile);
        context.insert("names", &names(uses, ctx, &page));
        context.insert("corrections", &corrections(text, ctx));
    } else {
        context.insert("profile", "");
        context.insert("names", &Vec::<NameView>::new());
    }
    let shown = page_of(events, n, EVENTS_PER_PAGE);
    let pager = pager(first, n, entries, EVENTS_PER_PAGE);
    let from = (n - 1) * EVENTS_PER_PAGE + 1;
    let range = pager.as_ref().filter(|_| !shown.is_empty()).map(|_| Shown {
        from,
        to: from + shown.len() - 1,
        total: events.len(),
    });
    context.insert("events", &event_lines(shown, ctx, &page));
    context.insert("events_shown", &range);
    if ctx.uses("quotes_html") {
        context.insert("quotes_html", &quotes_html(shown, ctx, &page));
    }
    if ctx.uses("quotes") {
        context.insert("quotes", &quotes_of(shown, ctx, &page));
    }
    context.insert("pager", &pager);
    (context, notes)
}

pub fn actor<'a>(ctx: &RenderContext<'a>, actor: &'a Actor, n: usize) -> PageView {
    let chronicle = ctx.chronicle;
    let first = Page::Actor(actor.id.clone());
    let page = first.nth(n);
    let owner = Owner::Actor(actor.id.clone());
    let entries = actor_entries(actor);
    let (mut context, notes) =
        profile_context(owner, &actor.text, &actor.names, &actor.events, entries, ctx, &first, n);
    // This page's share of the claims, a passage at a time.
    let first_group = (n - 1) * EVENTS_PER_PAGE;
    let shown = page_of(&actor.claim_groups, n, EVENTS_PER_PAGE).len();
    let (made, relayed): (Vec<&[ClaimRef]>, Vec<&[ClaimRef]>) = (first_group..first_group + shown)
        .map(|g| claim_group(actor, g))
        .partition(|group| !group[0].relayed);
    if ctx.uses("claims_made_html") || ctx.uses("claims_relayed_html") {
        context.insert("claims_made_html", &claims_html(&made, ctx, &page));
        context.insert("claims_relayed_html", &claims_html(&relayed, ctx, &page));
    }
    if ctx.uses("claims_made") || ctx.uses("claims_relayed") {
        context.insert("claims_made", &claims_of(&made, ctx, &page));
        context.insert("claims_relayed", &claims_of(&relayed, ctx, &page));
    }
    let on_first = |links: Vec<Link>| if n == 1 { links } else { Vec::new() };
    context.insert("name", &actor.name);
    context.insert("kind", &i18n::actor_kind(actor.kind, 1, ctx.words));
    context.insert("role", &actor.role);
    context.insert("affiliations", &on_first(actor_links(&actor.affiliations, chronicle, &page)));
    context.insert("members", &on_first(actor_links(&actor.members, chronicle, &page)));
    let positions = if n == 1 { positions_of(actor, ctx, &page) } else { Vec::new() };
    context.insert("positions", &positions);
    context.insert("actors_href", &page.href(&Page::Actors, None));
    view_of(ctx, "actor.html", paged_title(ctx, actor.name.clone(), n), context, notes)
}

/// How many entries an actor's pages share out: its events or its claims, the longer.
pub fn actor_entries(actor: &Actor) -> usize {
    actor.events.len().max(actor.claim_groups.len())
}

/// An actor's `g`-th passage claimed (in one role), with every file that quotes it.
fn claim_group(actor: &Actor, g: usize) -> &[ClaimRef] {
    let start = actor.claim_groups[g];
    let end = actor.claim_groups.get(g + 1).copied().unwrap_or(actor.claims.len());
    &actor.claims[start..end]
}

/// Where a claim's quote is read: its footnote, or a comparison's position.
fn claim_context(claim: &ClaimRef, ctx: &RenderContext, page: &Page) -> Link {
    let chronicle = ctx.chronicle;
    let is_note = chronicle.text(&claim.owner).is_some_and(|t| t.quotes.contains_key(&claim.key));
    let href = match &claim.owner {
        Owner::Comparison(id) if !is_note => {
            page.href(&Page::Comparison(id.clone()), Some(&position_anchor(&claim.key)))
        }
        owner => footnote_href(owner, &claim.key, chronicle, page),
    };
    Link { title: owner_title(&claim.owner, ctx), href }
}

/// The quotes of an actor's claims, each passage once, after where it is read, as HTML.
fn claims_html(groups: &[&[ClaimRef]], ctx: &RenderContext, page: &Page) -> String {
    let within = escape(&ctx.text("claim_in"));
    let mut html = String::new();
    for group in groups {
        let Some(quote) = ctx.chronicle.quote(&group[0].owner, &group[0].key) else { continue };
        html.push_str("<div class=\"quote-in-context\"><p class=\"context\">");
        html.push_str(&within);
        for (i, claim) in group.iter().enumerate() {
            let context = claim_context(claim, ctx, page);
            let separator = if i == 0 { " " } else { "; " };
            html.push_str(&format!(
                "{separator}<a href=\"{}\">{}</a>",
                Escaped(&context.href),
                Escaped(&context.title)
            ));
        }
        html.push_str(":</p>");
        html.push_str(&QuoteView::new(quote, ctx, page).html(ctx));
        html.push_str("</div>");
    }
    html
}

/// A quote and every place it is read, for a template that lays out claims itself.
#[derive(Debug, Serialize)]
struct ClaimInContexts<'a> {
    quote: QuoteView<'a>,
    contexts: Vec<Link>,
}

fn claims_of<'a>(groups: &[&[ClaimRef]], ctx: &RenderContext<'a>, page: &Page) -> Vec<ClaimInContexts<'a>> {
    groups
        .iter()
        .filter_map(|group| {
            let quote = ctx.chronicle.quote(&group[0].owner, &group[0].key)?;
            Some(ClaimInContexts {
                quote: QuoteView::new(quote, ctx, page),
                contexts: group.iter().map(|claim| claim_context(claim, ctx, page)).collect(),
            })
        })
        .collect()
}

/// The comparison positions an actor takes, each linked to its table row.
#[derive(Debug, Serialize)]
struct ActorPosition {
    question: Link,
    value: String,
    href: String,
}

fn positions_of(actor: &Actor, ctx: &RenderContext, page: &Page) -> Vec<ActorPosition> {
    actor
        .positions
        .iter()
        .filter_map(|(id, index)| {
            let comparison = ctx.chronicle.comparisons.get(id)?;
            let position = comparison.positions.get(*index)?;
            let target = Page::Comparison(comparison.id.clone());
            Some(ActorPosition {
                question: link(page, target.clone(), &comparison.question),
                value: position.value.clone(),
                href: page.href(&target, Some(&position_anchor(&position.quote.key))),
            })
        })
        .collect()
}

pub fn place<'a>(ctx: &RenderContext<'a>, place: &'a Place, n: usize) -> PageView {
    let chronicle = ctx.chronicle;
    let first = Page::Place(place.id.clone());
    let page = first.nth(n);
    let owner = Owner::Place(place.id.clone());
    let (mut context, notes) =
        profile_context(owner, &place.text, &place.names, &place.events, place.events.len(), ctx, &first, n);
    let region = place.region.as_ref().and_then(|r| chronicle.places.get(r));
    let within = if n == 1 { place_links(&place.within, chronicle, &page) } else { Vec::new() };
    context.insert("name", &place.name);
    context.insert("coordinates", &place.coordinates.as_ref().filter(|_| n == 1).map(coordinates_view));
    // A locator map, on the first page, when the place is on the chronicle's map.
    let map = (n == 1 && place.coordinates.is_some())
        .then(|| {
            crate::render::figures::map::map(ctx, &page, crate::render::figures::map::Focus::Place(&place.id))
        })
        .flatten()
        .filter(|m| m.highlighted > 0);
    context.insert("map", &map);
    context.insert("region", &region.map(|r| link(&page, Page::Place(r.id.clone()), &r.name)));
    context.insert("within", &within);
    context.insert("places_href", &page.href(&Page::Places, None));
    view_of(ctx, "place.html", paged_title(ctx, place.name.clone(), n), context, notes)
}

#[derive(Debug, Serialize)]
struct CoordinatesView {
    lat: String,
    lon: String,
    precision: Option<String>,
    basis: Option<String>,
}

fn coordinates_view(c: &Coordinates) -> CoordinatesView {
    CoordinatesView {
        lat: format!("{:.4}", c.lat),
        lon: format!("{:.4}", c.lon),
        precision: c.precision.clone(),
        basis: c.basis.clone(),
    }
}
