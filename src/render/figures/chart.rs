//! A comparison's figures, grouped by what they count and over what scope. Only figures
//! alike in both are comparable, so only a group of two or more is drawn, as bars on a
//! scale of its own (a range as a range, each bar with where its claim starts); every
//! figure is in the table.

use super::escape;
use crate::model::{Comparison, Figure, Position};
use crate::render::context::RenderContext;
use crate::render::i18n;
use crate::render::links::{position_anchor, Page};
use crate::render::notes::Origin;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write as _;

/// A comparison's figures: every group, for the table, and a bar chart of each group
/// that has figures to compare.
#[derive(Debug, Serialize)]
pub struct ChartView {
    pub groups: Vec<ChartGroup>,
    /// Whether any group is drawn.
    pub drawn: bool,
}

#[derive(Debug, Serialize)]
pub struct ChartGroup {
    /// What the figures count.
    pub of: String,
    /// What they cover.
    pub scope: String,
    pub rows: Vec<ChartRow>,
    /// The group's bars, as HTML, when it has two figures or more.
    pub bars: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ChartRow {
    pub number: String,
    pub value: String,
    pub origin: Origin,
    pub as_of: Option<String>,
    /// The position's row in the comparison's table.
    pub href: String,
}

/// The bars' scale: a figure as large as the group's largest is this wide.
const BAR: f64 = 380.0;

/// What a group of figures counts, and over what scope.
type GroupKey<'a> = (&'a str, &'a str);

/// The positions that give a figure, a group for each count and scope; `None` when
/// fewer than two positions give one.
pub fn chart(ctx: &RenderContext, comparison: &Comparison, page: &Page) -> Option<ChartView> {
    let mut figured: Vec<(&Position, &Figure)> =
        comparison.positions.iter().filter_map(|p| Some((p, p.figure.as_ref()?))).collect();
    if figured.len() < 2 {
        return None;
    }
    // Groups in the order their counts first appear, and within a count in the order its
    // scopes do, so that the groups of one count stand side by side; in each group the
    // largest figure first, so that it reads as a ranking.
    let mut counts_seen: HashMap<&str, usize> = HashMap::new();
    let mut rank: HashMap<GroupKey, (usize, usize)> = HashMap::new();
    for (_, figure) in &figured {
        let next = counts_seen.len();
        let count = *counts_seen.entry(figure.counts.as_str()).or_insert(next);
        let next = rank.len();
        rank.entry((figure.counts.as_str(), figure.scope.as_str())).or_insert((count, next));
    }
    let group = |f: &Figure| rank.get(&(f.counts.as_str(), f.scope.as_str())).copied();
    figured.sort_by(|(_, a), (_, b)| {
        group(a).cmp(&group(b)).then(b.high.total_cmp(&a.high)).then(b.low.total_cmp(&a.low))
    });
    let claim_in = ctx.text("claim_in");
    let mut views = Vec::new();
    for rows in figured.chunk_by(|(_, a), (_, b)| group(a) == group(b)) {
        let (of, scope) = (&rows[0].1.counts, &rows[0].1.scope);
        let row_views: Vec<ChartRow> = rows
            .iter()
            .map(|(position, figure)| ChartRow {
                number: shown(figure),
                value: position.value.clone(),
                origin: Origin::of(&position.quote, ctx, page),
                as_of: position.as_of.as_ref().map(|w| i18n::when(w, ctx.words)),
                href: format!("#{}", position_anchor(&position.quote.key)),
            })
            .collect();
        let drawn = (rows.len() >= 2).then(|| bars(rows, &row_views, &claim_in));
        views.push(ChartGroup { of: of.clone(), scope: scope.clone(), rows: row_views, bars: drawn });
    }
    let drawn = views.iter().any(|g| g.bars.is_some());
    Some(ChartView { groups: views, drawn })
}

/// One group's figures, a row each: the number, a bar on the group's own scale (the
/// largest full width, a range as a range), then the position's words and where its claim
/// starts, in HTML so that they wrap on a phone rather than run out of the picture.
fn bars(rows: &[(&Position, &Figure)], views: &[ChartRow], claim_in: &str) -> String {
    let largest = rows.iter().map(|(_, f)| f.high).fold(0.0, f64::max).max(1.0);
    let mut html = String::from("<ol class=\"chart-rows\">");
    for ((position, figure), view) in rows.iter().zip(views) {
        let low = (figure.low / largest * BAR).max(2.0);
        let high = (figure.high / largest * BAR).max(low);
        let origin = &view.origin;
        let said = match (origin.kind, &view.as_of) {
            ("source", Some(when)) => format!("{claim_in} {}, {when}", origin.name),
            ("source", None) => format!("{claim_in} {}", origin.name),
            (_, Some(when)) => format!("{}, {when}", origin.name),
            (_, None) => origin.name.clone(),
        };
        let _ = write!(
            html,
            "<li><span class=\"chart-number\">{}</span>\
             <svg class=\"chart\" viewBox=\"0 0 {BAR} 16\" preserveAspectRatio=\"none\" aria-hidden=\"true\">\
             <rect class=\"chart-bar\" x=\"0\" y=\"0\" width=\"{low:.1}\" height=\"16\"/>",
            escape(&view.number)
        );
        if high > low {
            let _ = write!(
                html,
                "<rect class=\"chart-range\" x=\"{low:.1}\" y=\"0\" width=\"{:.1}\" height=\"16\"/>",
                high - low
            );
        }
        let _ = write!(
            html,
            "</svg><span class=\"chart-text\"><span class=\"chart-value\">{}</span> \
             <span class=\"chart-said\">{}</span></span></li>",
            escape(&position.value),
            escape(&said),
        );
    }
    html.push_str("</ol>");
    html
}

/// A figure as written: "46", or a range, "25–30".
fn shown(figure: &Figure) -> String {
    if figure.low == figure.high {
        format_number(figure.low)
    } else {
        format!("{}–{}", format_number(figure.low), format_number(figure.high))
    }
}

/// 46 → "46", 2.5 → "2.5".
fn format_number(number: f64) -> String {
    if number.fract() == 0.0 {
        format!("{number:.0}")
    } else {
        number.to_string()
    }
}
