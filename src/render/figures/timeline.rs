//! The timeline of the front page: the range's columns (see `Columns`), a column for the
//! context before and after it when there is any, and events as marks linking to where
//! they are read: a dot for a day or a time, a bar for a range or a night. Marks are
//! stacked in at most `MAX_LANES` lanes; a column with more events says how many more,
//! linking to its first day. When a column is longer than a day (a long range), a bar at
//! its foot counts the events that begin in it, and only headline events are marked.
//!
//! A headline mark carries its title beside it, as a newspaper's timeline does: the title
//! takes room in its lane like a mark, so that no title covers another mark, and it stands
//! to the left of its mark where the right edge leaves no room. Every mark is a target a
//! lane high and most of a column wide, whatever the size of its dot. The marks are left
//! out of the Tab order (the column heads stay in it): the list of days under the
//! picture links every event, and a keyboard would otherwise cross every mark to get
//! past the picture.

use super::{escape, Columns, Period};
use crate::model::{Event, Placement, When};
use crate::render::context::RenderContext;
use crate::render::i18n;
use crate::render::links::{event_href, Page};
use serde::Serialize;
use std::fmt::Write as _;
use unicode_width::UnicodeWidthStr;

const COLUMN: f64 = 56.0;
const HEADER: f64 = 44.0;
/// A lane is a 24 px target (WCAG 2.2) at the picture's natural size.
const LANE: f64 = 24.0;
const LABEL_FONT: f64 = 11.0;
/// Between a mark and its title.
const LABEL_GAP: f64 = 6.0;
const MAX_LANES: usize = 24;
/// The height of the count bars of a long range's columns, at their tallest.
const COUNTS: f64 = 64.0;

#[derive(Debug, Serialize)]
pub struct TimelineView {
    pub svg: String,
    pub period: Period,
}

/// Where an event sits, in column units counted from the left edge.
struct Mark<'a> {
    event: &'a Event,
    from: f64,
    to: f64,
    bar: bool,
    night: bool,
    label: Option<Label>,
}

/// A headline's title beside its mark.
struct Label {
    text: String,
    /// Its width, in column units.
    width: f64,
    /// To the left of the mark rather than to the right.
    left: bool,
}

impl Mark<'_> {
    /// What the mark takes of its lane, its title included, in column units.
    fn span(&self) -> (f64, f64) {
        match &self.label {
            Some(label) if label.left => (self.from - label.width, self.to),
            Some(label) => (self.from, self.to + label.width),
            None => (self.from, self.to),
        }
    }

    /// Gives a headline its title, on the side that has room for it within `columns`;
    /// where neither has, on the roomier side, cut to fit with an ellipsis.
    fn with_label(mut self, columns: f64) -> Self {
        if !self.event.headline {
            return self;
        }
        let (right, left) = (columns - self.to, self.from);
        let room = right.max(left) * COLUMN - LABEL_GAP;
        let title = &self.event.title;
        let text = if text_width(title) <= room { title.clone() } else { cut(title, room) };
        let width = (text_width(&text) + LABEL_GAP) / COLUMN;
        self.label = Some(Label { left: width > right && left > right, text, width });
        self
    }
}

/// A title's width at the label's size, estimated from its display columns (a wide
/// character counts two), since the reader's font is not known here; generous, so that
/// titles do not run into the next mark.
fn text_width(text: &str) -> f64 {
    text.width() as f64 * LABEL_FONT * 0.55
}

/// As many whole words of `title` as fit in `room`, with an ellipsis (as many letters
/// when not even the first word fits).
fn cut(title: &str, room: f64) -> String {
    let fits = |text: &str| text_width(text) + LABEL_FONT <= room;
    let mut text = String::new();
    for word in title.split_inclusive(' ') {
        if !fits(&format!("{text}{}", word.trim_end())) {
            break;
        }
        text.push_str(word);
    }
    if text.is_empty() {
        for c in title.chars() {
            text.push(c);
            if !fits(&text) {
                text.pop();
                break;
            }
        }
    }
    format!("{}…", text.trim_end().trim_end_matches([',', ';', ':']))
}

/// The columns of the picture: the range's, and the context columns around them.
struct Layout {
    range: Columns,
    before: bool,
    after: bool,
}

impl Layout {
    /// The left edge of the range column holding `day`.
    fn x(&self, day: chrono::NaiveDate) -> f64 {
        self.range.of(day) as f64 + if self.before { 1.0 } else { 0.0 }
    }

    fn count(&self) -> usize {
        self.range.count() + usize::from(self.before) + usize::from(self.after)
    }

    fn mark<'a>(&self, event: &'a Event) -> Option<Mark<'a>> {
        let dot = |from: f64| Mark { event, from, to: from + 1.0, bar: false, night: false, label: None };
        let day = match event.placement {
            Placement::Before => return Some(dot(0.0)),
            Placement::After => return Some(dot(self.count() as f64 - 1.0)),
            Placement::Day(day) => day,
            Placement::Imprecise | Placement::Undated => return None,
        };
        let last = event.when.last_day().unwrap_or(day).min(self.range.end);
        let (first_x, last_x) = (self.x(day), self.x(last));
        let end_x = self.x(self.range.end) + 1.0;
        Some(match event.when {
            When::Night(_) if self.range.period == Period::Day || last_x > first_x => {
                let (from, to) = (first_x + 0.5, (first_x + 1.5).min(end_x));
                Mark { event, from, to, bar: true, night: true, label: None }
            }
            When::Range(..) if last_x > first_x => {
                Mark { event, from: first_x, to: last_x + 1.0, bar: true, night: false, label: None }
            }
            _ => dot(first_x),
        })
    }
}

/// Stacks marks in lanes, each in the first lane where it overlaps nothing; `None` for a
/// mark that finds no room in `MAX_LANES`.
fn lanes(marks: &[Mark]) -> Vec<Option<usize>> {
    let mut taken: Vec<Vec<(f64, f64)>> = Vec::new();
    let overlaps = |a: &(f64, f64), b: (f64, f64)| a.0 < b.1 - 1e-9 && b.0 < a.1 - 1e-9;
    marks
        .iter()
        .map(|m| {
            let span = m.span();
            let lane = match taken.iter().position(|lane| !lane.iter().any(|taken| overlaps(taken, span))) {
                Some(lane) => lane,
                None if taken.len() < MAX_LANES => {
                    taken.push(Vec::new());
                    taken.len() - 1
                }
                None => return None,
            };
            taken[lane].push(span);
            Some(lane)
        })
        .collect()
}

pub fn timeline(ctx: &RenderContext, page: &Page) -> TimelineView {
    let chronicle = ctx.chronicle;
    let config = &chronicle.config;
    let words = ctx.words;
    let layout = Layout {
        range: Columns::new(config.start, config.end),
        before: !chronicle.context.before.is_empty(),
        after: !chronicle.context.after.is_empty(),
    };
    // Columns of days mark every event; longer columns mark the headlines and count all.
    let counted = layout.range.period != Period::Day;
    let mut counts = vec![0usize; layout.count()];
    let mut marks: Vec<Mark> = Vec::new();
    for event in &chronicle.events {
        let Some(mark) = layout.mark(event) else { continue };
        if counted {
            counts[(mark.from.floor() as usize).min(layout.count() - 1)] += 1;
        }
        if !counted || event.headline {
            marks.push(mark.with_label(layout.count() as f64));
        }
    }
    // Headlines first, at the top with their titles, in the order they happened; then
    // bars, so that the dots of each column fill the gaps beneath them.
    marks.sort_by(|a, b| {
        let (a_titled, b_titled) = (a.label.is_some(), b.label.is_some());
        b_titled
            .cmp(&a_titled)
            .then(if a_titled { std::cmp::Ordering::Equal } else { b.bar.cmp(&a.bar) })
            .then(a.from.total_cmp(&b.from))
            .then(b.to.total_cmp(&a.to))
    });
    let lanes = lanes(&marks);
    let mut hidden = vec![0usize; layout.count()];
    for (mark, lane) in marks.iter().zip(&lanes) {
        if lane.is_none() {
            hidden[(mark.from.floor() as usize).min(layout.count() - 1)] += 1;
        }
    }
    let lane_count = lanes.iter().flatten().max().map_or(usize::from(!counted), |l| l + 1);
    let more_row = if hidden.iter().any(|&n| n > 0) { LANE } else { 0.0 };
    let count_rows = if counted { COUNTS + 36.0 } else { 0.0 };
    let width = layout.count() as f64 * COLUMN;
    let height = HEADER + lane_count as f64 * LANE + more_row + count_rows + 8.0;

    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"timeline\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" \
         aria-labelledby=\"timeline-title\"><title id=\"timeline-title\">{}</title>",
        escape(&ctx.text("timeline_title"))
    );
    let mut column = 0.0;
    let mut header = |svg: &mut String, class: &str, href: String, top: &str, bottom: &str| {
        let x = column * COLUMN;
        let _ = write!(
            svg,
            "<rect class=\"tl-column {class}\" x=\"{x}\" y=\"0\" width=\"{COLUMN}\" height=\"{height}\"/>\
             <a href=\"{href}\"><rect class=\"tl-hit\" x=\"{x}\" y=\"0\" width=\"{COLUMN}\" height=\"{}\"/>\
             <text class=\"tl-top\" x=\"{}\" y=\"16\">{}</text>\
             <text class=\"tl-day\" x=\"{}\" y=\"34\">{}</text></a>",
            HEADER - 4.0,
            x + COLUMN / 2.0,
            escape(top),
            x + COLUMN / 2.0,
            escape(bottom),
        );
        column += 1.0;
    };
    if layout.before {
        let href = page.href(&Page::Index, Some("before-heading"));
        header(&mut svg, "tl-context", href, "", &ctx.text("timeline_before"));
    }
    for index in 0..layout.range.count() {
        let (top, bottom, _) = layout.range.labels(index, words);
        let class = if index % 2 == 0 { "tl-even" } else { "tl-odd" };
        let href = page.href(&Page::Day(layout.range.first_day(index)), None);
        header(&mut svg, class, href, &top, &bottom);
    }
    if layout.after {
        let href = page.href(&Page::Index, Some("after-heading"));
        header(&mut svg, "tl-context", href, "", &ctx.text("timeline_after"));
    }
    for (mark, lane) in marks.iter().zip(lanes) {
        let Some(lane) = lane else { continue };
        let y = HEADER + lane as f64 * LANE + LANE / 2.0;
        let href = event_href(mark.event, page);
        let label = format!("{}: {}", i18n::when(&mark.event.when, words), mark.event.title);
        let _ = write!(
            svg,
            "<a class=\"tl-mark\" href=\"{href}\" tabindex=\"-1\" data-event=\"{}\"><title>{}</title>",
            escape(mark.event.id.as_str()),
            escape(&label)
        );
        if mark.bar {
            let (x, w) = (mark.from * COLUMN + 4.0, (mark.to - mark.from) * COLUMN - 8.0);
            let class = if mark.night { "tl-bar tl-night" } else { "tl-bar" };
            let _ = write!(
                svg,
                "<rect class=\"{class}\" x=\"{x}\" y=\"{}\" width=\"{w}\" height=\"10\" rx=\"5\"/>",
                y - 5.0
            );
        } else {
            let class = if mark.event.headline { "tl-dot tl-headline" } else { "tl-dot" };
            let _ = write!(
                svg,
                "<circle class=\"{class}\" cx=\"{}\" cy=\"{y}\" r=\"6\"/>",
                (mark.from + 0.5) * COLUMN
            );
        }
        if let Some(label) = &mark.label {
            let (x, anchor) = if label.left {
                (mark.from * COLUMN - LABEL_GAP / 2.0, " text-anchor=\"end\"")
            } else {
                (mark.to * COLUMN + LABEL_GAP / 2.0, "")
            };
            let _ = write!(
                svg,
                "<text class=\"tl-label\" x=\"{x:.1}\" y=\"{:.1}\"{anchor}>{}</text>",
                y + LABEL_FONT / 3.0,
                escape(&label.text)
            );
        }
        // The target: the lane's height over what the mark takes, its title included.
        let (from, to) = mark.span();
        let _ = write!(
            svg,
            "<rect class=\"tl-hit\" x=\"{:.1}\" y=\"{}\" width=\"{:.1}\" height=\"{LANE}\"/>",
            from * COLUMN + 2.0,
            y - LANE / 2.0,
            (to - from) * COLUMN - 4.0
        );
        svg.push_str("</a>");
    }
    // Where a column leads: its first day, or the context lists on the front page.
    let column_target = |index: usize| -> (String, String) {
        match index.checked_sub(usize::from(layout.before)).filter(|&i| i < layout.range.count()) {
            Some(i) => {
                (page.href(&Page::Day(layout.range.first_day(i)), None), layout.range.labels(i, words).2)
            }
            None if index == 0 && layout.before => {
                (page.href(&Page::Index, Some("before-heading")), ctx.text("timeline_before"))
            }
            None => (page.href(&Page::Index, Some("after-heading")), ctx.text("timeline_after")),
        }
    };
    let y = HEADER + lane_count as f64 * LANE + LANE / 2.0 + 4.0;
    for (index, &count) in hidden.iter().enumerate().filter(|(_, &n)| n > 0) {
        let (href, label) = column_target(index);
        let more = ctx.words.count("timeline_more", count as u64);
        let _ = write!(
            svg,
            "<a class=\"tl-more\" href=\"{href}\"><title>{}</title><text x=\"{}\" y=\"{y}\">{}</text></a>",
            escape(&format!("{label}: {more}")),
            (index as f64 + 0.5) * COLUMN,
            escape(&more),
        );
    }
    if counted {
        let top = HEADER + lane_count as f64 * LANE + more_row + 16.0;
        let most = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
        for (index, &count) in counts.iter().enumerate() {
            let (href, label) = column_target(index);
            let events = ctx.words.count("n_events", count as u64);
            let h = (count as f64 / most * COUNTS).max(if count > 0 { 2.0 } else { 0.0 });
            let x = index as f64 * COLUMN;
            let _ = write!(
                svg,
                "<a class=\"tl-count\" href=\"{href}\"><title>{}</title>\
                 <rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{h:.1}\"/>\
                 <text x=\"{}\" y=\"{}\">{count}</text></a>",
                escape(&format!("{label}: {events}")),
                x + 8.0,
                top + COUNTS - h,
                COLUMN - 16.0,
                x + COLUMN / 2.0,
                top + COUNTS + 14.0,
            );
        }
    }
    svg.push_str("</svg>");
    TimelineView { svg, period: layout.range.period }
}
