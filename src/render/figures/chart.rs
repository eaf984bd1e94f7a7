//! A comparison's figures: bar charts grouped by what the figures count and over what
//! scope, each group on its own scale (figures of different scopes are not comparable,
//! so no bar stands beside one of another scope), ranges drawn as ranges, each bar with
//! where its claim starts; and the same figures as a table.

use super::escape;
use crate::model::{Comparison, Figure, Position};
use crate::render::context::RenderContext;
use crate::render::i18n;
use crate::render::links::{position_anchor, Page};
use crate::render::notes::Origin;
use serde::Serialize;
use std::fmt::Write as _;

/// A comparison's figures: a bar chart, and the same figures as a table.
#[derive(Debug, Serialize)]
pub struct ChartView {
    pub svg: String,
    pub groups: Vec<ChartGroup>,
}

#[derive(Debug, Serialize)]
pub struct ChartGroup {
    /// What the figures count.
    pub of: String,
    /// What they cover.
    pub scope: String,
    pub rows: Vec<ChartRow>,
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
const GROUP_HEADING: f64 = 46.0;
const ROW: f64 = 54.0;

/// What a group of figures counts, and over what scope.
type GroupKey<'a> = (&'a str, &'a str);

/// Charts the positions that give a figure, a group for each count and scope; `None`
/// when fewer than two positions give one.
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
    let rows: usize = groups.iter().map(|(_, rows)| rows.len()).sum();
    let height = groups.len() as f64 * GROUP_HEADING + rows as f64 * ROW + 8.0;
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" aria-hidden=\"true\">"
    );
    let mut y = 0.0;
    let mut views = Vec::new();
    for ((of, scope), rows) in &groups {
        let largest = rows.iter().map(|(_, f)| f.high).fold(0.0, f64::max).max(1.0);
        let _ = write!(
            svg,
            "<text class=\"chart-group\" x=\"0\" y=\"{}\">{}</text><text class=\"chart-scope\" x=\"0\" y=\"{}\">{}</text>",
            y + 20.0,
            escape(of),
            y + 36.0,
            escape(scope),
        );
        y += GROUP_HEADING;
        let mut row_views = Vec::new();
        for (position, figure) in rows {
            let low = (figure.low / largest * BAR).max(2.0);
            let high = (figure.high / largest * BAR).max(low);
            let shown = if figure.low == figure.high {
                format_number(figure.low)
            } else {
                format!("{}–{}", format_number(figure.low), format_number(figure.high))
            };
            let origin = Origin::of(&position.quote, ctx, page);
            let as_of = position.as_of.as_ref().map(|w| i18n::when(w, ctx.words));
            let said = match &as_of {
                Some(when) => format!("{}, {when}", origin.name),
                None => origin.name.clone(),
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
                escape(&shown),
                y + 32.0,
                escape(&position.value),
                y + 46.0,
                escape(&said),
            );
            y += ROW;
            row_views.push(ChartRow {
                number: shown,
                value: position.value.clone(),
                origin,
                as_of,
                href: format!("#{}", position_anchor(&position.quote.key)),
            });
        }
        views.push(ChartGroup { of: of.to_string(), scope: scope.to_string(), rows: row_views });
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
