//! The front page (the introduction, the timeline, every day with its headlines, and the
//! events no day holds) and the full lists of those events when they are too many for it.

use super::*;
use crate::render::figures;
use crate::render::links::ContextList;

/// How many headlines the front page names under a day; the rest are counted.
const HEADLINES_PER_DAY: usize = 5;
/// How many events of each context list the front page names; longer lists get a page.
const CONTEXT_ON_INDEX: usize = 50;

#[derive(Debug, Serialize)]
struct DayLine {
    label: String,
    date: String,
    href: String,
    headlines: Vec<EventLine>,
    others: usize,
    ongoing: usize,
}

/// A link to the full list of a context section, when the front page shows only a part.
#[derive(Debug, Serialize)]
struct AllOf {
    href: String,
    count: usize,
}

/// Each day a line: its date, its headlines (or its first events), and how many others
/// begin or go on that day.
fn day_lines(days: &[Day], ctx: &RenderContext, page: &Page) -> Vec<DayLine> {
    let chronicle = ctx.chronicle;
    days.iter()
        .map(|day| {
            let starting: Vec<&Event> = day.starting.iter().map(|&ix| &chronicle.events[ix]).collect();
            // A day whose events are not flagged as headlines names its first ones.
            let flagged = starting.iter().any(|e| e.headline);
            let headlines: Vec<EventLine> = starting
                .iter()
                .filter(|e| e.headline || !flagged)
                .take(HEADLINES_PER_DAY)
                .map(|e| event_line(e, ctx, page))
                .collect();
            DayLine {
                label: ctx.words.long_day(day.date),
                date: day.date.to_string(),
                href: page.href(&Page::Day(day.date), None),
                others: starting.len() - headlines.len(),
                headlines,
                ongoing: day.ongoing.len(),
            }
        })
        .collect()
}

/// Every day of the range, a line each, a page at a time.
pub fn days(ctx: &RenderContext, n: usize) -> PageView {
    let first = Page::Days;
    let page = first.nth(n);
    let all = &ctx.chronicle.days;
    let mut context = Context::new();
    context.insert("days", &day_lines(page_of(all, n, ENTRIES_PER_PAGE), ctx, &page));
    context.insert("pager", &pager(&first, n, all.len(), ENTRIES_PER_PAGE));
    view_of(ctx, "days.html", paged_title(ctx, ctx.text("days"), n), context, Notes::default())
}

pub fn index<'a>(ctx: &RenderContext<'a>) -> PageView {
    let chronicle = ctx.chronicle;
    let page = Page::Index;
    let mut notes = Notes::default();
    let intro = &chronicle.intro;
    let intro = render_body(intro, &Owner::Intro, ctx, &page, &mut notes);
    let days = day_lines(&chronicle.days, ctx, &page);
    let (start, end) = (chronicle.config.start, chronicle.config.end);
    let mut context = Context::new();
    for list in ContextList::ALL {
        let events = list.events(chronicle);
        let shown = &events[..events.len().min(CONTEXT_ON_INDEX)];
        context.insert(list.name(), &context_lines(list, shown, ctx, &page));
        let all = (events.len() > shown.len())
            .then(|| AllOf { href: page.href(&Page::Context(list), None), count: events.len() });
        context.insert(format!("{}_all", list.name()), &all);
    }
    context.insert("intro", &intro);
    context.insert("corrections", &corrections(&chronicle.intro, ctx));
    context.insert("timeline", &figures::timeline::timeline(ctx, &page));
    context.insert("days", &days);
    context.insert("range", &crate::render::i18n::when(&crate::model::When::Range(start, end), ctx.words));
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
    view_of(ctx, "index.html", chronicle.config.title.clone(), context, notes)
}

/// The pages of the context lists too long for the front page.
pub fn context_pages(chronicle: &Chronicle) -> impl Iterator<Item = Page> + '_ {
    ContextList::ALL
        .into_iter()
        .filter(|list| list.events(chronicle).len() > CONTEXT_ON_INDEX)
        .flat_map(|list| paged(Page::Context(list), list.events(chronicle).len(), ENTRIES_PER_PAGE))
}

/// Page `n` of the full list of the events of a context section.
pub fn context(ctx: &RenderContext, list: ContextList, n: usize) -> PageView {
    let first = Page::Context(list);
    let page = first.nth(n);
    let events = list.events(ctx.chronicle);
    let title = ctx.text(match list {
        ContextList::Before => "before_context",
        ContextList::Imprecise => "imprecise",
        ContextList::After => "after",
        ContextList::Undated => "undated",
    });
    let mut context = Context::new();
    context.insert("heading", &title);
    context.insert("events", &context_lines(list, page_of(events, n, ENTRIES_PER_PAGE), ctx, &page));
    context.insert("total", &events.len());
    context.insert("pager", &pager(&first, n, events.len(), ENTRIES_PER_PAGE));
    view_of(ctx, "events.html", paged_title(ctx, title, n), context, Notes::default())
}

/// The lines of a context list; under "Undated", a line does not say "undated" again.
fn context_lines(list: ContextList, events: &[EventIx], ctx: &RenderContext, page: &Page) -> Vec<EventLine> {
    let mut lines = event_lines(events, ctx, page);
    if list == ContextList::Undated {
        lines.iter_mut().for_each(|line| line.when.clear());
    }
    lines
}
