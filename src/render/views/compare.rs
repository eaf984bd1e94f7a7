//! A comparison: each source's answer to one question side by side with its quote, a
//! chart when the answers are numbers, and the editor's reading.

use super::*;
use crate::render::figures;
use crate::render::links::position_anchor;
use crate::render::notes::QuoteView;

#[derive(Debug, Serialize)]
struct PositionView<'a> {
    id: String,
    value: String,
    said_by: Option<String>,
    actors: Vec<Link>,
    as_of: Option<String>,
    as_of_datetime: Option<String>,
    quote: QuoteView<'a>,
}

pub fn comparison<'a>(ctx: &RenderContext<'a>, comparison: &'a Comparison) -> PageView {
    let chronicle = ctx.chronicle;
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
            as_of: p.as_of.as_ref().map(|w| i18n::when(w, ctx.words)),
            as_of_datetime: p.as_of.as_ref().map(|w| w.machine()),
            quote: QuoteView::new(&p.quote, ctx, &page),
        })
        .collect();
    // The reading cites the positions above it as well as its own quotes; a position
    // wins over a quote of the same key.
    let quotes: std::collections::HashMap<&str, &Quote> = comparison
        .text
        .quotes
        .iter()
        .map(|(key, quote)| (key.as_str(), quote))
        .chain(comparison.positions.iter().map(|p| (p.quote.key.as_str(), &p.quote)))
        .collect();
    let owner = Owner::Comparison(comparison.id.clone());
    let reading =
        render_body(&comparison.text.body, |key| quotes.get(key).copied(), &owner, ctx, &page, &mut notes);
    let events: Vec<EventLine> = comparison
        .events
        .iter()
        .filter_map(|id| chronicle.event(id))
        .map(|e| event_line(e, ctx, &page))
        .collect();
    let mut context = Context::new();
    context.insert("question", &comparison.question);
    context.insert("chart", &figures::chart::chart(ctx, comparison));
    context.insert("positions", &positions);
    context.insert("reading", &reading);
    context.insert("events", &events);
    view_of(ctx, "compare.html", comparison.question.clone(), context, notes)
}
