//! The places map: the outline of `[map]`, projected for its bounds, and every place
//! with coordinates inside them, each a link to its page. On a day's map the places of
//! that day's events stand out. The outline is projected once for all the maps.

use super::escape;
use crate::model::{Day, Place, PlaceId};
use crate::render::context::RenderContext;
use crate::render::links::Page;
use serde::Serialize;
use std::collections::HashSet;
use std::fmt::Write as _;

/// A place's target: a circle this wide around its dot, whatever the dot's size.
const HIT_RADIUS: f64 = 12.0;

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

/// The areas of the outline as SVG paths, projected once and shared by every map. The
/// areas the places lie in are the chronicle's ground: they are drawn darker.
pub fn areas(ctx: &RenderContext) -> Option<String> {
    let bounds = ctx.chronicle.config.map.as_ref()?.bounds;
    let outline = ctx.outline?;
    let projection = Projection::new(bounds);
    let points: Vec<[f64; 2]> = ctx
        .chronicle
        .places
        .values()
        .filter_map(|p| p.coordinates.as_ref())
        .map(|c| [c.lon, c.lat])
        .collect();
    let mut svg = String::from("<g class=\"map-areas\">");
    for area in &outline.areas {
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
    Some(svg)
}

/// What a map is drawn for: every place, one day's, or one place, which stand out while
/// the others fade.
#[derive(Clone, Copy)]
pub enum Focus<'a> {
    All,
    Day(&'a Day),
    Place(&'a PlaceId),
}

/// Marks every place with coordinates; on a day's map the places of that day's events
/// stand out, on a place's map the place itself, and the others fade.
pub fn map(ctx: &RenderContext, page: &Page, focus: Focus) -> Option<MapView> {
    let chronicle = ctx.chronicle;
    let bounds = chronicle.config.map.as_ref()?.bounds;
    let outline = ctx.outline?;
    let areas = ctx.map_areas.get_or_init(|| areas(ctx));
    let areas = areas.as_deref()?;
    let [west, south, east, north] = bounds;
    let projection = Projection::new(bounds);
    let (width, height) = projection.point([east, south]);
    let words = ctx.words;
    let mut svg = String::new();
    let title = match focus {
        Focus::Day(day) => words.text("map_day_title").replace("{date}", &words.long_day(day.date)),
        Focus::Place(id) => words
            .text("map_place_title")
            .replace("{place}", chronicle.places.get(id).map_or(id.as_str(), |p| p.name.as_str())),
        Focus::All => words.text("map_title"),
    };
    let _ = write!(
        svg,
        "<svg class=\"map\" viewBox=\"0 0 {width:.0} {height:.0}\" width=\"{width:.0}\" height=\"{height:.0}\" \
         aria-labelledby=\"map-title\"><title id=\"map-title\">{}</title>{areas}",
        escape(&title)
    );
    let inside = |[lon, lat]: [f64; 2]| lon >= west && lon <= east && lat >= south && lat <= north;

    // Regions (places other places lie in) are areas, not points: they are not marked.
    // The places of the events under way on the day.
    let focused: HashSet<&PlaceId> = match focus {
        Focus::Day(day) => {
            day.starting.iter().chain(&day.ongoing).flat_map(|&ix| &chronicle.events[ix].places).collect()
        }
        Focus::Place(id) => HashSet::from([id]),
        Focus::All => HashSet::new(),
    };
    let all = matches!(focus, Focus::All);
    let mut off_map = Vec::new();
    let mut marked: Vec<(&Place, bool)> = Vec::new();
    for place in chronicle.places.values().filter(|p| p.within.is_empty()) {
        let Some(c) = &place.coordinates else { continue };
        if !inside([c.lon, c.lat]) {
            off_map.push((place.name.clone(), page.href(&Page::Place(place.id.clone()), None)));
            continue;
        }
        marked.push((place, all || focused.contains(&place.id)));
    }
    // Faded places first, so the day's places are drawn on top and labelled first; of
    // the faded, the places most events name are labelled first.
    marked
        .sort_by_key(|(place, strong)| (*strong, place.events.len(), std::cmp::Reverse(place.name.clone())));
    // A day's or a place's map is shown smaller, so its marks and labels are drawn larger.
    let (radius, size) = if all { (5.0, 12.0) } else { (7.0, 18.0) };
    let mut taken = Boxes::default();
    let mut labels = String::new();
    let mut dots = String::new();
    for (place, strong) in &marked {
        let c = place.coordinates.as_ref().map(|c| [c.lon, c.lat]).unwrap_or_default();
        let (x, y) = projection.point(c);
        taken.take([x - radius, y - radius, x + radius, y + radius]);
        let class = if *strong { "map-place" } else { "map-place map-faded" };
        let href = page.href(&Page::Place(place.id.clone()), None);
        let _ = write!(
            dots,
            "<a class=\"{class}\" href=\"{href}\" data-place=\"{}\"><title>{}</title><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{radius}\"/>\
             <circle class=\"map-hit\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{HIT_RADIUS}\"/></a>",
            escape(&place.id.0),
            escape(&place.name)
        );
    }
    // Labels go where they overlap no dot and no other label, the highlighted places'
    // first, then the faded ones, smaller, where room is left; a place whose label fits
    // nowhere keeps its dot, its tooltip and its link in the text.
    for (place, strong) in marked.iter().rev() {
        let size = if *strong { size } else { size * 0.8 };
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
            (clear && taken.free(bbox)).then_some((lx, ly, anchor, bbox))
        });
        if let Some((lx, ly, anchor, bbox)) = fits {
            taken.take(bbox);
            let _ = write!(
                labels,
                "<text class=\"{}\" x=\"{lx:.1}\" y=\"{ly:.1}\" font-size=\"{size}\" text-anchor=\"{anchor}\">{}</text>",
                if *strong { "map-label" } else { "map-label map-faded" },
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
            taken.free(bbox)
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

/// The boxes already taken by dots and labels, filed in a grid of `CELL`-sized squares so
/// that a new label is checked against its neighbours only, whatever the number of places.
#[derive(Default)]
struct Boxes {
    all: Vec<[f64; 4]>,
    cells: std::collections::HashMap<(i64, i64), Vec<usize>>,
}

impl Boxes {
    const CELL: f64 = 32.0;

    /// The grid squares a box covers.
    fn cells(b: [f64; 4]) -> impl Iterator<Item = (i64, i64)> {
        let cell = |v: f64| (v / Self::CELL).floor() as i64;
        let (x0, y0, x1, y1) = (cell(b[0]), cell(b[1]), cell(b[2]), cell(b[3]));
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    fn take(&mut self, b: [f64; 4]) {
        let index = self.all.len();
        self.all.push(b);
        for cell in Self::cells(b) {
            self.cells.entry(cell).or_default().push(index);
        }
    }

    /// Whether `b` overlaps no box taken.
    fn free(&self, b: [f64; 4]) -> bool {
        let overlaps = |t: &[f64; 4]| t[0] < b[2] && b[0] < t[2] && t[1] < b[3] && b[1] < t[3];
        !Self::cells(b).any(|cell| {
            self.cells.get(&cell).is_some_and(|list| list.iter().any(|&i| overlaps(&self.all[i])))
        })
    }
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
