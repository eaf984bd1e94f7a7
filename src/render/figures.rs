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
    let on = |event: &Event, day: NaiveDate| event.when.covers(day);
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

/// The places map: the outline of `[map]`, projected for its bounds, and every place
/// with coordinates inside them, each a link to its page.
#[derive(Debug, Serialize)]
pub struct MapView {
    pub svg: String,
    /// Places with coordinates outside the bounds, named under the map instead.
    pub off_map: Vec<(String, String)>,
    /// How many places are marked as the day's (all of them on the full map).
    pub highlighted: usize,
}

/// An equirectangular projection true to scale at the middle latitude, which is close
/// enough for the region of a chronicle and keeps the code short.
struct Projection {
    west: f64,
    north: f64,
    scale: f64,
    squeeze: f64,
}

impl Projection {
    const WIDTH: f64 = 640.0;

    fn new([west, south, east, north]: [f64; 4]) -> Projection {
        let squeeze = ((south + north) / 2.0).to_radians().cos();
        Projection { west, north, scale: Self::WIDTH / ((east - west) * squeeze), squeeze }
    }

    fn point(&self, [lon, lat]: [f64; 2]) -> (f64, f64) {
        ((lon - self.west) * self.squeeze * self.scale, (self.north - lat) * self.scale)
    }
}

/// Marks every place with coordinates; on a day's map (`day`), the places of that day's
/// events stand out and the others fade.
pub fn map(chronicle: &Chronicle, page: &Page, day: Option<NaiveDate>) -> Option<MapView> {
    let bounds = chronicle.config.map.as_ref()?.bounds;
    let outline = chronicle.outline.as_ref()?;
    let [west, south, east, north] = bounds;
    let projection = Projection::new(bounds);
    let (width, height) = projection.point([east, south]);
    let words = &chronicle.interface;
    let mut svg = String::new();
    let title = match day {
        Some(day) => words.text("map_day_title").replace("{date}", &words.long_day(day)),
        None => words.text("map_title"),
    };
    let _ = write!(
        svg,
        "<svg class=\"map\" viewBox=\"0 0 {width:.0} {height:.0}\" width=\"{width:.0}\" height=\"{height:.0}\" \
         aria-labelledby=\"map-title\"><title id=\"map-title\">{}</title><g class=\"map-areas\">",
        escape(&title)
    );
    let inside = |[lon, lat]: [f64; 2]| lon >= west && lon <= east && lat >= south && lat <= north;
    let points: Vec<[f64; 2]> =
        chronicle.places.values().filter_map(|p| p.coordinates.as_ref()).map(|c| [c.lon, c.lat]).collect();
    for area in &outline.areas {
        // The areas the places lie in are the chronicle's ground: they are drawn darker.
        let home = points.iter().any(|&p| area.polygons.iter().any(|polygon| contains(polygon, p)));
        let class = if home { "map-area map-home" } else { "map-area" };
        let mut d = String::new();
        for ring in area.polygons.iter().flatten() {
            for (i, point) in ring.iter().enumerate() {
                let (x, y) = projection.point(*point);
                let _ = write!(d, "{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" });
            }
            d.push('Z');
        }
        let _ = write!(svg, "<path class=\"{class}\" d=\"{d}\"><title>{}</title></path>", escape(&area.name));
    }
    svg.push_str("</g>");

    // Regions (places other places lie in) are areas, not points: they are not marked.
    let regions: Vec<&crate::model::PlaceId> =
        chronicle.places.values().filter_map(|p| p.region.as_ref()).collect();
    let of_day: Vec<&crate::model::PlaceId> = match day {
        Some(day) => chronicle.events.iter().filter(|e| e.when.covers(day)).flat_map(|e| &e.places).collect(),
        None => Vec::new(),
    };
    let mut off_map = Vec::new();
    let mut marked: Vec<(&crate::model::Place, bool)> = Vec::new();
    for place in chronicle.places.values().filter(|p| !regions.contains(&&p.id)) {
        let Some(c) = &place.coordinates else { continue };
        if !inside([c.lon, c.lat]) {
            off_map.push((place.name.clone(), page.href(&Page::Place(place.id.clone()), None)));
            continue;
        }
        marked.push((place, day.is_none() || of_day.contains(&&place.id)));
    }
    // Faded places first, so the day's places are drawn on top and labelled first.
    marked.sort_by_key(|(place, strong)| (*strong, place.name.clone()));
    // A day's map is shown smaller, so its marks and labels are drawn larger.
    let (radius, size) = if day.is_some() { (7.0, 18.0) } else { (5.0, 12.0) };
    let mut taken: Vec<[f64; 4]> = Vec::new();
    let mut labels = String::new();
    let mut dots = String::new();
    for (place, strong) in &marked {
        let c = place.coordinates.as_ref().map(|c| [c.lon, c.lat]).unwrap_or_default();
        let (x, y) = projection.point(c);
        taken.push([x - radius, y - radius, x + radius, y + radius]);
        let class = if *strong { "map-place" } else { "map-place map-faded" };
        let href = page.href(&Page::Place(place.id.clone()), None);
        let _ = write!(
            dots,
            "<a class=\"{class}\" href=\"{href}\" data-place=\"{}\"><title>{}</title><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{radius}\"/></a>",
            escape(&place.id.0),
            escape(&place.name)
        );
    }
    // Labels go where they overlap no dot and no other label; a place whose label fits
    // nowhere keeps its dot, its tooltip and its line in the list below the map.
    for (place, strong) in marked.iter().rev() {
        if day.is_some() && !strong {
            continue;
        }
        let c = place.coordinates.as_ref().map(|c| [c.lon, c.lat]).unwrap_or_default();
        let (x, y) = projection.point(c);
        let w = place.name.chars().count() as f64 * size * 0.6;
        let gap = radius + 3.0;
        let candidates = [
            (x + gap, y + size / 3.0, "start"),
            (x - gap, y + size / 3.0, "end"),
            (x, y - gap, "middle"),
            (x, y + gap + size * 0.8, "middle"),
        ];
        let fits = candidates.iter().find_map(|&(lx, ly, anchor)| {
            let left = match anchor {
                "start" => lx,
                "end" => lx - w,
                _ => lx - w / 2.0,
            };
            let bbox = [left, ly - size, left + w, ly + size * 0.25];
            let clear = bbox[0] >= 0.0 && bbox[2] <= width && bbox[1] >= 0.0 && bbox[3] <= height;
            let free =
                !taken.iter().any(|t| t[0] < bbox[2] && bbox[0] < t[2] && t[1] < bbox[3] && bbox[1] < t[3]);
            (clear && free).then_some((lx, ly, anchor, bbox))
        });
        if let Some((lx, ly, anchor, bbox)) = fits {
            taken.push(bbox);
            let _ = write!(
                labels,
                "<text class=\"map-label\" x=\"{lx:.1}\" y=\"{ly:.1}\" font-size=\"{size}\" text-anchor=\"{anchor}\">{}</text>",
                escape(&place.name)
            );
        }
    }
    // Area names last, where no place or label is: they matter least.
    let mut area_names = String::new();
    for area in &outline.areas {
        let Some(ring) = area.polygons.iter().flatten().max_by_key(|ring| ring.len()) else { continue };
        let (mut low, mut high) = ([f64::MAX; 2], [f64::MIN; 2]);
        for p in ring {
            low = [low[0].min(p[0]), low[1].min(p[1])];
            high = [high[0].max(p[0]), high[1].max(p[1])];
        }
        // The name goes at the middle of the area's visible part, if enough of it shows.
        let (low, high) = ([low[0].max(west), low[1].max(south)], [high[0].min(east), high[1].min(north)]);
        let centre = [(low[0] + high[0]) / 2.0, (low[1] + high[1]) / 2.0];
        let shown = (high[0] - low[0]) / (east - west) > 0.2 && (high[1] - low[1]) / (north - south) > 0.2;
        let (x, middle) = projection.point(centre);
        let w = area.name.chars().count() as f64 * 13.0 * 0.75;
        // At the middle, or a little above or below it if a place is there.
        let spot = [0.0, -30.0, 30.0, -60.0, 60.0].into_iter().map(|dy| middle + dy).find(|&y| {
            let bbox = [x - w / 2.0, y - 13.0, x + w / 2.0, y + 3.0];
            !taken.iter().any(|t| t[0] < bbox[2] && bbox[0] < t[2] && t[1] < bbox[3] && bbox[1] < t[3])
        });
        if let (true, Some(y)) = (shown, spot) {
            let _ = write!(
                area_names,
                "<text class=\"map-area-name\" x=\"{x:.0}\" y=\"{y:.0}\">{}</text>",
                escape(&area.name)
            );
        }
    }
    let _ = write!(
        svg,
        "<g class=\"map-area-names\" aria-hidden=\"true\">{area_names}</g><g class=\"map-places\">{dots}"
    );
    let _ = write!(svg, "<g aria-hidden=\"true\">{labels}</g></g></svg>");
    let highlighted = marked.iter().filter(|(_, strong)| *strong).count();
    Some(MapView { svg, off_map, highlighted })
}

/// Whether a polygon (outer ring, then holes) contains a point: even-odd ray casting.
fn contains(polygon: &[Vec<[f64; 2]>], [x, y]: [f64; 2]) -> bool {
    let mut inside = false;
    for ring in polygon {
        for edge in ring.windows(2) {
            let ([x1, y1], [x2, y2]) = (edge[0], edge[1]);
            if (y1 > y) != (y2 > y) && x < x1 + (y - y1) * (x2 - x1) / (y2 - y1) {
                inside = !inside;
            }
        }
    }
    inside
}

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
pub fn chart(chronicle: &Chronicle, comparison: &crate::model::Comparison) -> Option<ChartView> {
    let numbered: Vec<&crate::model::Position> =
        comparison.positions.iter().filter(|p| p.number.is_some()).collect();
    if numbered.len() < 2 {
        return None;
    }
    let mut groups: Vec<(String, Vec<(&crate::model::Position, f64)>)> = Vec::new();
    for position in numbered {
        let (number, of) = position.number.clone()?;
        match groups.iter_mut().find(|(name, _)| *name == of) {
            Some((_, rows)) => rows.push((position, number)),
            None => groups.push((of, vec![(position, number)])),
        }
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
            let as_of = position.as_of.as_ref().map(|w| super::i18n::when(w, &chronicle.interface));
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
                href: format!("#{}", super::links::position_anchor(&position.quote.key)),
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
