//! A day's page: its note, its events in full with their footnotes, what is still under
//! way from earlier days, a map of its places, and its neighbours.

use super::*;
use crate::render::figures;

pub fn day<'a>(ctx: &RenderContext<'a>, day: &'a Day) -> PageView {
    let chronicle = ctx.chronicle;
    let page = Page::Day(day.date);
    let mut notes = Notes::default();
    let owner = Owner::Day(day.date);
    let note = day.note.as_ref().map(|t| render_body(t, &owner, ctx, &page, &mut notes));
    let events: Vec<EventView> =
        day.starting.iter().map(|&ix| event_view(&chronicle.events[ix], ctx, &page, &mut notes)).collect();
    let neighbour = |date: Option<chrono::NaiveDate>| {
        date.filter(|d| chronicle.in_range(*d)).map(|d| link(&page, Page::Day(d), ctx.words.long_day(d)))
    };
    let mut context = Context::new();
    context.insert("date", &day.date.to_string());
    context.insert("label", &ctx.words.long_day(day.date));
    context.insert("note", &note);
    context.insert("corrections", &day.note.as_ref().map(|t| corrections(t, ctx)).unwrap_or_default());
    context.insert("events", &events);
    context.insert("ongoing", &event_lines(&day.ongoing, ctx, &page));
    context.insert(
        "map",
        &figures::map::map(ctx, &page, figures::map::Focus::Day(day)).filter(|m| m.highlighted > 0),
    );
    context.insert("previous", &neighbour(day.date.pred_opt()));
    context.insert("next", &neighbour(day.date.succ_opt()));
    let mut view = view_of(ctx, "day.html", ctx.words.long_day(day.date), context, notes);
    // A date alone would say nothing in a list of references.
    view.cite_title = ctx
        .text("cite_day_title")
        .replace("{chronicle}", &chronicle.config.title)
        .replace("{date}", &view.title);
    view
}
