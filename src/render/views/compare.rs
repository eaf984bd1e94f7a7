//! A comparison: each source's answer to one question side by side with its quote, who
//! made the claim and through whom, grouped by where the claims start; a chart when the
//! answers are figures; and the editor's reading.

use super::*;
use crate::render::figures;
use crate::render::links::position_anchor;
use crate::render::notes::{Origin, QuoteView};

#[derive(Debug, Serialize)]
struct PositionView<'a> {
    id: String,
    value: String,
    as_of: Option<String>,
    as_of_datetime: Option<String>,
    quote: QuoteView<'a>,
}

/// Positions whose claims start with one origin, in the order they are listed.
#[derive(Debug, Serialize)]
struct OriginGroup<'a> {
    origin: Origin,
    positions: Vec<PositionView<'a>>,
}

pub fn comparison<'a>(ctx: &RenderContext<'a>, comparison: &'a Comparison) -> PageView {
    let chronicle = ctx.chronicle;
    let page = Page::Comparison(comparison.id.clone());
    let mut notes = Notes::default();
    // Grouped by origin, the groups in the order of their first position.
    let mut groups: Vec<OriginGroup> = Vec::new();
    let mut group_of: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for p in &comparison.positions {
        let origin = Origin::of(&p.quote, ctx, &page);
        let index = *group_of.entry(origin.key.clone()).or_insert_with(|| {
            groups.push(OriginGroup { origin, positions: Vec::new() });
            groups.len() - 1
        });
        groups[index].positions.push(PositionView {
            id: position_anchor(&p.quote.key),
            value: p.value.clone(),
            as_of: p.as_of.as_ref().map(|w| i18n::when(w, ctx.words)),
            as_of_datetime: p.as_of.as_ref().map(|w| w.machine()),
            quote: QuoteView::new(&p.quote, ctx, &page),
        });
    }
    let owner = Owner::Comparison(comparison.id.clone());
    let reading = render_body(&comparison.text, &owner, ctx, &page, &mut notes);
    let events: Vec<EventLine> = comparison
        .events
        .iter()
        .filter_map(|id| chronicle.event(id))
        .map(|e| event_line(e, ctx, &page))
        .collect();
    let mut context = Context::new();
    context.insert("question", &comparison.question);
    context.insert("chart", &figures::chart::chart(ctx, comparison, &page));
    context.insert("origins", &groups);
    context.insert("positions_count", &comparison.positions.len());
    context.insert("reading", &reading);
    context.insert("corrections", &corrections(&comparison.text, ctx));
    context.insert("events", &events);
    view_of(ctx, "compare.html", comparison.question.clone(), context, notes)
}
