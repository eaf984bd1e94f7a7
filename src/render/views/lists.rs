//! The lists of the site: actors (grouped by kind, with the actor × period matrix),
//! places (with the map), sources and comparisons, each in pages of `ENTRIES_PER_PAGE`,
//! the corrections, and the page for addresses that lead nowhere.

use super::*;
use crate::render::{figures, links};

pub fn actors(ctx: &RenderContext, n: usize) -> PageView {
    let first = Page::Actors;
    let page = first.nth(n);
    let sorted = &ctx.order.actors;
    let mut groups: Vec<(String, Vec<Link>)> = Vec::new();
    for actor in page_of(sorted, n, ENTRIES_PER_PAGE) {
        let label = i18n::actor_kind(actor.kind, 2, ctx.words);
        let entry = link(&page, Page::Actor(actor.id.clone()), &actor.name);
        match groups.last_mut() {
            Some((last, list)) if *last == label => list.push(entry),
            _ => groups.push((label, vec![entry])),
        }
    }
    let mut context = Context::new();
    context.insert("groups", &groups);
    let matrix = (n == 1).then(|| figures::matrix::actor_matrix(ctx, &page));
    context.insert("matrix", &matrix.as_ref().map(|m| &m.rows));
    context.insert("matrix_days", &matrix.as_ref().map(|m| &m.columns));
    context.insert("matrix_period", &matrix.as_ref().map(|m| m.period));
    // When only the most often named are shown, how many they are.
    let top = matrix.as_ref().filter(|m| m.rows.len() < m.appearing).map(|m| m.rows.len());
    context.insert("matrix_top", &top);
    context.insert("pager", &pager(&first, n, sorted.len(), ENTRIES_PER_PAGE));
    view_of(ctx, "actors.html", paged_title(ctx, ctx.text("actors"), n), context, Notes::default())
}

pub fn places(ctx: &RenderContext, n: usize) -> PageView {
    let first = Page::Places;
    let page = first.nth(n);
    let sorted = &ctx.order.places;
    let links: Vec<Link> = page_of(sorted, n, ENTRIES_PER_PAGE)
        .iter()
        .map(|p| link(&page, Page::Place(p.id.clone()), &p.name))
        .collect();
    let mut context = Context::new();
    context.insert("places", &links);
    context
        .insert("map", &(n == 1).then(|| figures::map::map(ctx, &page, figures::map::Focus::All)).flatten());
    context.insert("pager", &pager(&first, n, sorted.len(), ENTRIES_PER_PAGE));
    view_of(ctx, "places.html", paged_title(ctx, ctx.text("places"), n), context, Notes::default())
}

#[derive(Serialize)]
struct SourceLine {
    title: String,
    href: String,
    publisher: Option<String>,
    published: Option<String>,
    kind: String,
    lang: String,
    citations: usize,
}

pub fn sources(ctx: &RenderContext, n: usize) -> PageView {
    let first = Page::Sources;
    let page = first.nth(n);
    let all = &ctx.order.sources;
    let list: Vec<SourceLine> = page_of(all, n, ENTRIES_PER_PAGE)
        .iter()
        .map(|s| SourceLine {
            title: s.title.clone(),
            href: page.href(&Page::Source(s.id.clone()), None),
            publisher: s.publisher.clone(),
            published: s.published.as_ref().map(|w| i18n::when(w, ctx.words)),
            kind: i18n::source_kind(s.kind, ctx.words),
            lang: s.language.clone(),
            citations: s.citations.len(),
        })
        .collect();
    let mut context = Context::new();
    context.insert("sources", &list);
    context.insert("pager", &pager(&first, n, all.len(), ENTRIES_PER_PAGE));
    view_of(ctx, "sources.html", paged_title(ctx, ctx.text("sources"), n), context, Notes::default())
}

pub fn comparisons(ctx: &RenderContext, n: usize) -> PageView {
    let first = Page::Comparisons;
    let page = first.nth(n);
    let all = &ctx.order.comparisons;
    let list: Vec<(Link, usize)> = page_of(all, n, ENTRIES_PER_PAGE)
        .iter()
        .map(|c| (link(&page, Page::Comparison(c.id.clone()), &c.question), c.positions.len()))
        .collect();
    let mut context = Context::new();
    context.insert("comparisons", &list);
    context.insert("pager", &pager(&first, n, all.len(), ENTRIES_PER_PAGE));
    view_of(ctx, "comparisons.html", paged_title(ctx, ctx.text("comparisons"), n), context, Notes::default())
}

pub fn not_found(ctx: &RenderContext) -> PageView {
    view_of(ctx, "404.html", ctx.text("page_not_found"), Context::new(), Notes::default())
}

/// A correction in the list of all of them: what it corrects, and the correction.
#[derive(Serialize)]
struct CorrectionLine {
    of: Link,
    correction: CorrectionView,
}

pub fn corrections(ctx: &RenderContext, n: usize) -> PageView {
    let first = Page::Corrections;
    let page = first.nth(n);
    let all = &ctx.chronicle.corrections;
    let lines: Vec<CorrectionLine> = page_of(all, n, ENTRIES_PER_PAGE)
        .iter()
        .filter_map(|c| {
            let correction = ctx.chronicle.text(&c.owner)?.corrections.get(c.index)?;
            let (on, anchor) = (links::read_on(&c.owner, ctx.chronicle), links::corrections_anchor(&c.owner));
            let href = page.href(&on, Some(&anchor));
            let of = Link { title: owner_title(&c.owner, ctx), href };
            Some(CorrectionLine { of, correction: correction_view(correction, ctx) })
        })
        .collect();
    let mut context = Context::new();
    context.insert("all_corrections", &lines);
    context.insert("pager", &pager(&first, n, all.len(), ENTRIES_PER_PAGE));
    view_of(ctx, "corrections.html", paged_title(ctx, ctx.text("corrections"), n), context, Notes::default())
}
