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
    /// The group's bars, when it has two figures or more.
    pub svg: Option<String>,
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

// Narrow, so that on a phone the text is scaled down little.
const WIDTH: f64 = 440.0;
const BAR: f64 = 380.0;
const ROW: f64 = 54.0;

/// What a group of figures counts, and over what scope.
type GroupKey<'a> = (&'a str, &'a str);

/// The positions that give a figure, a group for each count and scope; `None` when
/// fewer than two positions give one.
pub fn chart(ctx: &RenderContext, comparison: &Comparison, page: &Page) -> Option<ChartView> {
    let figured: Vec<(&Position, &Figure)> =
        comparison.positions.iter().filter_map(|p| Some((p, p.figure.as_ref()?))).collect();
    if figured.len() < 2 {
        return None;
    }
    // The groups in the order they first appear.
    let mut groups: Vec<(GroupKey, Vec<(&Position, &Figure)>)> = Vec::new();
    let mut group_of: std::collections::HashMap<GroupKey, usize> = std::collections::HashMap::new();
    for (position, figure) in figured {
        let key = (figure.counts.as_str(), figure.scope.as_str());
        let index = *group_of.entry(key).or_insert_with(|| {
            groups.push((key, Vec::new()));
            groups.len() - 1
        });
        groups[index].1.push((position, figure));
    }
    let mut views = Vec::new();
    for ((of, scope), rows) in &groups {
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
        let svg = (rows.len() >= 2).then(|| bars(rows, &row_views));
        views.push(ChartGroup { of: of.to_string(), scope: scope.to_string(), rows: row_views, svg });
    }
    let drawn = views.iter().any(|g| g.svg.is_some());
    Some(ChartView { groups: views, drawn })
}

/// One group's figures as bars on its own scale, the largest full width.
fn bars(rows: &[(&Position, &Figure)], views: &[ChartRow]) -> String {
    let largest = rows.iter().map(|(_, f)| f.high).fold(0.0, f64::max).max(1.0);
    let height = rows.len() as f64 * ROW + 4.0;
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" aria-hidden=\"true\">"
    );
    let mut y = 0.0;
    for ((position, figure), view) in rows.iter().zip(views) {
        let low = (figure.low / largest * BAR).max(2.0);
        let high = (figure.high / largest * BAR).max(low);
        let said = match &view.as_of {
            Some(when) => format!("{}, {when}", view.origin.name),
            None => view.origin.name.clone(),
        };
        let _ = write!(
            svg,
            "<rect class=\"chart-bar\" x=\"0\" y=\"{}\" width=\"{low:.1}\" height=\"16\" rx=\"2\"/>",
            y + 2.0
        );
        if high > low {
            let _ = write!(
                svg,
                "<rect class=\"chart-range\" x=\"{low:.1}\" y=\"{}\" width=\"{:.1}\" height=\"16\" rx=\"2\"/>",
                y + 2.0,
                high - low
            );
        }
        let _ = write!(
            svg,
            "<text class=\"chart-number\" x=\"{:.1}\" y=\"{}\">{}</text>\
             <text class=\"chart-value\" x=\"0\" y=\"{}\">{}</text>\
             <text class=\"chart-said\" x=\"0\" y=\"{}\">{}</text>",
            high + 6.0,
            y + 15.0,
            escape(&view.number),
            y + 32.0,
            escape(&position.value),
            y + 46.0,
            escape(&said),
        );
        y += ROW;
    }
    svg.push_str("</svg>");
    svg
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
