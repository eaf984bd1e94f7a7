//! A comparison: each source's answer to one question side by side with its quote, who
//! made the claim and through whom, grouped by where the claims start; a chart when the
//! answers are figures, or else, when they are dated on two days or more, the claims in
//! the order they were made; and the editor's reading.

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

/// A day on which positions were claimed, with how long after the one before it.
#[derive(Debug, Serialize)]
struct ClaimDay {
    label: String,
    datetime: String,
    after: Option<String>,
    claims: Vec<ClaimLine>,
}

/// A position in the claims over time: who, what, and when in the day if known.
#[derive(Debug, Serialize)]
struct ClaimLine {
    time: Option<String>,
    origin: Origin,
    value: String,
    href: String,
}

/// The positions by the day they were claimed (`as_of`), those without a day last; `None`
/// when fewer than two days are named, where a picture of time would show nothing.
fn claims_over_time(
    comparison: &Comparison,
    ctx: &RenderContext,
    page: &Page,
) -> Option<(Vec<ClaimDay>, Vec<ClaimLine>)> {
    let line = |p: &Position| ClaimLine {
        time: match &p.as_of {
            Some(When::Time { time, .. }) => Some(time.format("%H:%M").to_string()),
            _ => None,
        },
        origin: Origin::of(&p.quote, ctx, page),
        value: p.value.clone(),
        href: format!("#{}", position_anchor(&p.quote.key)),
    };
    let mut dated: Vec<(chrono::NaiveDate, String, &Position)> = Vec::new();
    let mut undated = Vec::new();
    for p in &comparison.positions {
        match p.as_of.as_ref().and_then(When::first_day) {
            Some(day) => dated.push((day, p.as_of.as_ref().map(When::machine).unwrap_or_default(), p)),
            None => undated.push(line(p)),
        }
    }
    // By day, then by time where given; positions of one moment in the order listed.
    dated.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    let mut days: Vec<ClaimDay> = Vec::new();
    let mut last: Option<chrono::NaiveDate> = None;
    for (day, _, p) in dated {
        if last != Some(day) {
            let after = last.map(|l| ctx.words.count("days_later", (day - l).num_days() as u64));
            days.push(ClaimDay {
                label: ctx.words.long_day(day),
                datetime: day.to_string(),
                after,
                claims: Vec::new(),
            });
            last = Some(day);
        }
        if let Some(current) = days.last_mut() {
            current.claims.push(line(p));
        }
    }
    (days.len() >= 2).then_some((days, undated))
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
    let chart = figures::chart::chart(ctx, comparison, &page);
    // One picture a comparison: its figures, or else its claims over time.
    let over_time = if chart.is_none() { claims_over_time(comparison, ctx, &page) } else { None };
    context.insert("chart", &chart);
    context.insert("over_time", &over_time.as_ref().map(|(days, _)| days));
    context.insert("over_time_undated", &over_time.as_ref().map(|(_, undated)| undated));
    context.insert("origins", &groups);
    context.insert("positions_count", &comparison.positions.len());
    context.insert("reading", &reading);
    context.insert("corrections", &corrections(&comparison.text, ctx));
    context.insert("events", &events);
    view_of(ctx, "compare.html", comparison.question.clone(), context, notes)
}
