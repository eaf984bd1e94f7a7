//! A comparison's numbers: a bar chart on one scale, grouped by what the numbers count,
//! and the same figures as a table.

use super::escape;
use crate::model::{Comparison, Position};
use crate::render::context::RenderContext;
use crate::render::i18n;
use crate::render::links::position_anchor;
use serde::Serialize;
use std::fmt::Write as _;

/// A comparison's numbers: a bar chart, and the same figures as a table.
#[derive(Debug, Serialize)]
pub struct ChartView {
    pub svg: String,
    pub groups: Vec<ChartGroup>,
}

#[derive(Debug, Serialize)]
pub struct ChartGroup {
    /// What the numbers count.
    pub of: String,
    pub rows: Vec<ChartRow>,
}

#[derive(Debug, Serialize)]
pub struct ChartRow {
    pub number: String,
    pub value: String,
    pub said_by: String,
    pub as_of: Option<String>,
    /// The position's row in the comparison's table.
    pub href: String,
}

/// Charts the positions that give a number, grouped by what they count, on one scale so
/// that the groups compare too; `None` when fewer than two positions give one.
pub fn chart(ctx: &RenderContext, comparison: &Comparison) -> Option<ChartView> {
    let numbered: Vec<&Position> = comparison.positions.iter().filter(|p| p.number.is_some()).collect();
    if numbered.len() < 2 {
        return None;
    }
    // Grouped by what they count, the groups in the order they first appear.
    let mut groups: Vec<(String, Vec<(&Position, f64)>)> = Vec::new();
    let mut group_of: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for position in numbered {
        let (number, of) = position.number.clone()?;
        let index = *group_of.entry(of.clone()).or_insert_with(|| {
            groups.push((of, Vec::new()));
            groups.len() - 1
        });
        groups[index].1.push((position, number));
    }
    let largest = groups.iter().flat_map(|(_, rows)| rows.iter().map(|r| r.1)).fold(0.0, f64::max).max(1.0);
    // Narrow, so that on a phone the text is scaled down little.
    const WIDTH: f64 = 440.0;
    const BAR: f64 = 380.0;
    let rows: usize = groups.iter().map(|(_, rows)| rows.len()).sum();
    let height = groups.len() as f64 * 30.0 + rows as f64 * 54.0 + 8.0;
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" aria-hidden=\"true\">"
    );
    let mut y = 0.0;
    let mut views = Vec::new();
    for (of, rows) in &groups {
        y += 22.0;
        let _ = write!(svg, "<text class=\"chart-group\" x=\"0\" y=\"{y}\">{}</text>", escape(of));
        y += 8.0;
        let mut row_views = Vec::new();
        for (position, number) in rows {
            let w = (number / largest * BAR).max(2.0);
            let shown = format_number(*number);
            let as_of = position.as_of.as_ref().map(|w| i18n::when(w, ctx.words));
            let said = match (&position.said_by, &as_of) {
                (Some(by), Some(when)) => format!("{by}, {when}"),
                (Some(by), None) => by.clone(),
                (None, Some(when)) => when.clone(),
                (None, None) => String::new(),
            };
            let _ = write!(
                svg,
                "<rect class=\"chart-bar\" x=\"0\" y=\"{}\" width=\"{w:.1}\" height=\"16\" rx=\"2\"/>\
                 <text class=\"chart-number\" x=\"{:.1}\" y=\"{}\">{}</text>\
                 <text class=\"chart-value\" x=\"0\" y=\"{}\">{}</text>\
                 <text class=\"chart-said\" x=\"0\" y=\"{}\">{}</text>",
                y + 2.0,
                w + 6.0,
                y + 15.0,
                escape(&shown),
                y + 32.0,
                escape(&position.value),
                y + 46.0,
                escape(&said),
            );
            y += 54.0;
            row_views.push(ChartRow {
                number: shown,
                value: position.value.clone(),
                said_by: position.said_by.clone().unwrap_or_default(),
                as_of,
                href: format!("#{}", position_anchor(&position.quote.key)),
            });
        }
        views.push(ChartGroup { of: of.clone(), rows: row_views });
    }
    svg.push_str("</svg>");
    Some(ChartView { svg, groups: views })
}

/// 46 → "46", 2.5 → "2.5".
fn format_number(number: f64) -> String {
    if number.fract() == 0.0 {
        format!("{number:.0}")
    } else {
        number.to_string()
    }
}
