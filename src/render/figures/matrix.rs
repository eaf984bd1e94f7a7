//! The actor × period matrix of the actors page: who appears when. Rows are the actors
//! named by the most events within the range (at most `MAX_ROWS`), in the order of
//! their first appearance; columns are the range's (see `Columns`). Built from each
//! actor's own list of events, so it costs what those lists hold.

use super::{Columns, Period};
use crate::model::{Actor, Placement};
use crate::render::context::RenderContext;
use crate::render::links::{event_href, Page};
use chrono::NaiveDate;
use serde::Serialize;

const MAX_ROWS: usize = 60;

#[derive(Debug, Serialize)]
pub struct Matrix {
    pub period: Period,
    /// How many actors appear within the range, shown or not.
    pub appearing: usize,
    pub rows: Vec<MatrixRow>,
    /// Each column: its short label, its full label, and a link to its first day.
    pub columns: Vec<(String, String, String)>,
}

/// One row of the matrix: an actor and, for each column, the events naming it.
#[derive(Debug, Serialize)]
pub struct MatrixRow {
    pub actor: String,
    pub href: String,
    pub cells: Vec<MatrixCell>,
}

#[derive(Debug, Serialize)]
pub struct MatrixCell {
    pub count: usize,
    /// The first of the column's events naming the actor; the others follow it.
    pub href: Option<String>,
    pub titles: Vec<String>,
}

/// How many events a cell names in its tooltip.
const TITLES_PER_CELL: usize = 10;

pub fn actor_matrix(ctx: &RenderContext, page: &Page) -> Matrix {
    let chronicle = ctx.chronicle;
    let columns = Columns::new(chronicle.config.start, chronicle.config.end);
    // For each actor: its events within the range by column, how many, and its first day.
    let mut rows: Vec<(&Actor, Vec<Vec<usize>>, usize, NaiveDate)> = Vec::new();
    for actor in chronicle.actors.values() {
        let mut cells: Vec<Vec<usize>> = vec![Vec::new(); columns.count()];
        let mut within = 0;
        let mut first: Option<NaiveDate> = None;
        for &ix in &actor.events {
            let event = &chronicle.events[ix];
            let Placement::Day(day) = event.placement else { continue };
            let last = event.when.last_day().unwrap_or(day).min(chronicle.config.end);
            let (from, to) = (columns.of(day), columns.of(last));
            for cell in &mut cells[from..=to] {
                cell.push(ix);
            }
            within += 1;
            first = Some(first.map_or(day, |f: NaiveDate| f.min(day)));
        }
        if let Some(first) = first {
            rows.push((actor, cells, within, first));
        }
    }
    // The actors named most often, then by first appearance and id.
    let appearing = rows.len();
    rows.sort_by(|a, b| b.2.cmp(&a.2).then(a.3.cmp(&b.3)).then(a.0.id.cmp(&b.0.id)));
    rows.truncate(MAX_ROWS);
    rows.sort_by(|a, b| a.3.cmp(&b.3).then(a.0.id.cmp(&b.0.id)));
    let rows = rows
        .into_iter()
        .map(|(actor, cells, _, _)| MatrixRow {
            actor: actor.name.clone(),
            href: page.href(&Page::Actor(actor.id.clone()), None),
            cells: cells
                .iter()
                .enumerate()
                .map(|(index, events)| MatrixCell {
                    count: events.len(),
                    href: events.first().map(|&ix| {
                        let event = &chronicle.events[ix];
                        // An event that began in an earlier column is read on its own day.
                        if event.placement.day().map(|d| columns.of(d)) == Some(index) {
                            event_href(event, page)
                        } else {
                            page.href(&Page::Day(columns.first_day(index)), None)
                        }
                    }),
                    titles: events
                        .iter()
                        .take(TITLES_PER_CELL)
                        .map(|&ix| chronicle.events[ix].title.clone())
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let columns_of = columns;
    let columns = (0..columns.count())
        .map(|index| {
            let (_, short, long) = columns.labels(index, ctx.words);
            (short, long, page.href(&Page::Day(columns.first_day(index)), None))
        })
        .collect();
    Matrix { period: columns_of.period, appearing, rows, columns }
}
