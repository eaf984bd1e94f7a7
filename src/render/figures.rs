//! Pictures drawn at build time: the timeline of the whole range as inline SVG, and the
//! actor × day matrix as data for a table. No script is needed to read either.

use super::links::Page;
use super::pages::event_href;
use crate::model::{ActorId, Chronicle, Event};
use crate::resolve::dates::When;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::fmt::Write as _;

const COLUMN: f64 = 56.0;
const HEADER: f64 = 44.0;
const LANE: f64 = 18.0;

/// Where an event sits on the timeline, in column units: a dot for a day or a time, a
/// bar for a range of days or a night.
struct Mark<'a> {
    event: &'a Event,
    from: f64,
    to: f64,
    bar: bool,
    night: bool,
}

/// The columns: one for context before the range (if any event is there), one per day,
/// one for context after.
struct Columns {
    start: NaiveDate,
    end: NaiveDate,
    before: bool,
    after: bool,
}

impl Columns {
    fn of_day(&self, day: NaiveDate) -> f64 {
        (day - self.start).num_days() as f64 + if self.before { 1.0 } else { 0.0 }
    }

    fn count(&self) -> usize {
        ((self.end - self.start).num_days() + 1) as usize + usize::from(self.before) + usize::from(self.after)
    }
}

fn mark<'a>(event: &'a Event, columns: &Columns) -> Option<Mark<'a>> {
    let (first, last) = (event.when.first_day()?, event.when.last_day()?);
    let (start, end) = (columns.start, columns.end);
    let dot = |from: f64| Mark { event, from, to: from + 1.0, bar: false, night: false };
    if last < start {
        return Some(dot(0.0));
    }
    if first > end {
        return Some(dot(columns.count() as f64 - 1.0));
    }
    let (first, last) = (first.max(start), last.min(end));
    Some(match event.when {
        When::Night(_) => {
            let from = columns.of_day(first) + 0.5;
            let to = (columns.of_day(first) + 1.5).min(columns.of_day(end) + 1.0);
            Mark { event, from, to, bar: true, night: true }
        }
        When::Range(..) => Mark {
            event,
            from: columns.of_day(first),
            to: columns.of_day(last) + 1.0,
            bar: true,
            night: false,
        },
        _ => dot(columns.of_day(first)),
    })
}

/// Stacks marks in lanes, each in the first lane where it overlaps nothing.
fn lanes(marks: &[Mark]) -> Vec<usize> {
    let mut taken: Vec<Vec<(f64, f64)>> = Vec::new();
    let overlaps = |a: &(f64, f64), m: &Mark| a.0 < m.to - 1e-9 && m.from < a.1 - 1e-9;
    marks
        .iter()
        .map(|m| {
            let lane = taken
                .iter()
                .position(|lane| !lane.iter().any(|span| overlaps(span, m)))
                .unwrap_or_else(|| {
                    taken.push(Vec::new());
                    taken.len() - 1
                });
            taken[lane].push((m.from, m.to));
            lane
        })
        .collect()
}

fn escape(text: &str) -> String {
    super::highlight::escape(text)
}

/// The timeline of the index: days as columns, events as marks linking to their anchors.
pub fn timeline(chronicle: &Chronicle, page: &Page) -> String {
    let config = &chronicle.config;
    let words = &chronicle.interface;
    let precise = |e: &&Event| e.when.first_day().is_some();
    let columns = Columns {
        start: config.start,
        end: config.end,
        before: chronicle.events.iter().filter(precise).any(|e| e.when.last_day() < Some(config.start)),
        after: chronicle.events.iter().filter(precise).any(|e| e.when.first_day() > Some(config.end)),
    };
    let mut marks: Vec<Mark> = chronicle.events.iter().filter_map(|e| mark(e, &columns)).collect();
    // Bars first, so that the dots of each day then fill the gaps beneath them.
    marks.sort_by(|a, b| b.bar.cmp(&a.bar).then(a.from.total_cmp(&b.from)).then(b.to.total_cmp(&a.to)));
    let lanes = lanes(&marks);
    let lane_count = lanes.iter().max().map_or(1, |l| l + 1);
    let width = columns.count() as f64 * COLUMN;
    let height = HEADER + lane_count as f64 * LANE + 8.0;

    let mut svg = String::new();
    let title = words.text("timeline_title");
    let _ = write!(
        svg,
        "<svg class=\"timeline\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" \
         aria-labelledby=\"timeline-title\"><title id=\"timeline-title\">{}</title>",
        escape(&title)
    );
    let mut column = 0.0;
    let mut header = |svg: &mut String, class: &str, href: String, top: &str, bottom: &str| {
        let x = column * COLUMN;
        let _ = write!(
            svg,
            "<rect class=\"tl-column {class}\" x=\"{x}\" y=\"0\" width=\"{COLUMN}\" height=\"{height}\"/>\
             <a href=\"{href}\"><text class=\"tl-top\" x=\"{}\" y=\"16\">{}</text>\
             <text class=\"tl-day\" x=\"{}\" y=\"34\">{}</text></a>",
            x + COLUMN / 2.0,
            escape(top),
            x + COLUMN / 2.0,
            escape(bottom),
        );
        column += 1.0;
    };
    if columns.before {
        let href = page.href(&Page::Index, Some("before-heading"));
        header(&mut svg, "tl-context", href, "", &words.text("timeline_before"));
    }
    for day in chronicle.days() {
        let weekday = &words.dates.weekdays[day.weekday().num_days_from_monday() as usize];
        let short: String = weekday.chars().take(3).collect();
        let class = if (day - config.start).num_days() % 2 == 0 { "tl-even" } else { "tl-odd" };
        header(&mut svg, class, page.href(&Page::Day(day), None), &short, &day.format("%-d").to_string());
    }
    if columns.after {
        let href = page.href(&Page::Index, Some("after-heading"));
        header(&mut svg, "tl-context", href, "", &words.text("timeline_after"));
    }
    for (mark, lane) in marks.iter().zip(lanes) {
        let y = HEADER + lane as f64 * LANE + LANE / 2.0;
        let href = event_href(mark.event, chronicle, page);
        let label = format!("{}: {}", super::i18n::when(&mark.event.when, words), mark.event.title);
        let _ = write!(
            svg,
            "<a class=\"tl-mark\" href=\"{href}\" data-event=\"{}\"><title>{}</title>",
            escape(&mark.event.id.0),
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
        svg.push_str("</a>");
    }
    svg.push_str("</svg>");
    svg
}

/// One row of the actor × day matrix: an actor and, for each day, the events naming it.
#[derive(Debug, Serialize)]
pub struct MatrixRow {
    pub actor: String,
    pub href: String,
    pub cells: Vec<MatrixCell>,
}

#[derive(Debug, Serialize)]
pub struct MatrixCell {
    pub count: usize,
    /// The first of the day's events naming the actor; the others follow it on the page.
    pub href: Option<String>,
    pub titles: Vec<String>,
}

/// Who appears on which day: every actor named by an event dated within the range, in the
/// order of their first appearance.
pub fn actor_matrix(chronicle: &Chronicle, page: &Page) -> Vec<MatrixRow> {
    let days: Vec<NaiveDate> = chronicle.days().collect();
    let on = |event: &Event, day: NaiveDate| {
        event.when.first_day().is_some_and(|f| f <= day) && event.when.last_day().is_some_and(|l| day <= l)
    };
    let mut first_seen: Vec<(usize, &ActorId)> = Vec::new();
    for actor in chronicle.actors.keys() {
        let first = days
            .iter()
            .position(|&day| chronicle.events.iter().any(|e| on(e, day) && e.actors.contains(actor)));
        if let Some(first) = first {
            first_seen.push((first, actor));
        }
    }
    first_seen.sort();
    first_seen
        .into_iter()
        .filter_map(|(_, id)| chronicle.actors.get(id))
        .map(|actor| MatrixRow {
            actor: actor.name.clone(),
            href: page.href(&Page::Actor(actor.id.clone()), None),
            cells: days
                .iter()
                .map(|&day| {
                    let events: Vec<&Event> = chronicle
                        .events
                        .iter()
                        .filter(|e| on(e, day) && e.actors.contains(&actor.id))
                        .collect();
                    MatrixCell {
                        count: events.len(),
                        href: events.first().map(|e| match e.when.first_day() {
                            Some(first) if first == day => event_href(e, chronicle, page),
                            _ => page.href(&Page::Day(day), None),
                        }),
                        titles: events.iter().map(|e| e.title.clone()).collect(),
                    }
                })
                .collect(),
        })
        .collect()
}
