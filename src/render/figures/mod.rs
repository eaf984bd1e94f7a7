//! Pictures drawn at build time: the timeline of the whole range and the maps as inline
//! SVG, the actor × period matrix as data for a table, and a comparison's chart. No
//! script is needed to read any of them, and each is bounded in size whatever the number
//! of events: the range is cut into at most `MAX_COLUMNS` columns (days, or weeks,
//! months or years for a long range), shared by the timeline and the matrix.

pub mod chart;
pub mod map;
pub mod matrix;
pub mod timeline;

use crate::load::interface::{fill, Interface};
use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

/// The most columns the timeline and the matrix cut the range into.
const MAX_COLUMNS: i64 = 45;

/// What one column of the range stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Day,
    Week,
    Month,
    Year,
}

/// The range of days cut into columns of one period: the finest period that needs no
/// more than `MAX_COLUMNS` columns.
#[derive(Debug, Clone, Copy)]
pub struct Columns {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub period: Period,
}

impl Columns {
    pub fn new(start: NaiveDate, end: NaiveDate) -> Columns {
        let days = (end - start).num_days() + 1;
        let months = i64::from(months_between(start, end)) + 1;
        let period = if days <= MAX_COLUMNS {
            Period::Day
        } else if (days + 6) / 7 <= MAX_COLUMNS {
            Period::Week
        } else if months <= MAX_COLUMNS {
            Period::Month
        } else {
            Period::Year
        };
        Columns { start, end, period }
    }

    /// How many columns the range takes.
    pub fn count(&self) -> usize {
        self.of(self.end) + 1
    }

    /// The column holding `day`, a day of the range.
    pub fn of(&self, day: NaiveDate) -> usize {
        let day = day.clamp(self.start, self.end);
        let index = match self.period {
            Period::Day => (day - self.start).num_days(),
            Period::Week => (day - self.start).num_days() / 7,
            Period::Month => i64::from(months_between(self.start, day)),
            Period::Year => i64::from(day.year() - self.start.year()),
        };
        index.max(0) as usize
    }

    /// The first day of column `index` that is in the range.
    pub fn first_day(&self, index: usize) -> NaiveDate {
        let first = match self.period {
            Period::Day => self.start + chrono::Days::new(index as u64),
            Period::Week => self.start + chrono::Days::new(7 * index as u64),
            Period::Month => {
                let month =
                    NaiveDate::from_ymd_opt(self.start.year(), self.start.month(), 1).unwrap_or(self.start);
                month.checked_add_months(Months::new(index as u32)).unwrap_or(self.end)
            }
            Period::Year => {
                NaiveDate::from_ymd_opt(self.start.year() + index as i32, 1, 1).unwrap_or(self.end)
            }
        };
        first.clamp(self.start, self.end)
    }

    /// The column's labels: a short one above (said only where it changes, for months
    /// and weeks), the main one below, and in full.
    pub fn labels(&self, index: usize, words: &Interface) -> (String, String, String) {
        let day = self.first_day(index);
        let previous = index.checked_sub(1).map(|i| self.first_day(i));
        let changed = |same: &dyn Fn(NaiveDate) -> bool| previous.is_none_or(|p| !same(p));
        match self.period {
            Period::Day => (words.short_weekday(day), day.day().to_string(), words.long_day(day)),
            Period::Week => {
                let month = if changed(&|p| p.month() == day.month()) {
                    words.short_month(day.month())
                } else {
                    String::new()
                };
                (month, day.day().to_string(), words.day(day))
            }
            Period::Month => {
                let year =
                    if changed(&|p| p.year() == day.year()) { day.year().to_string() } else { String::new() };
                let long = fill(
                    &words.dates.month,
                    &[("month", words.month(day.month())), ("year", &day.year().to_string())],
                );
                (year, words.short_month(day.month()), long)
            }
            Period::Year => (String::new(), day.year().to_string(), day.year().to_string()),
        }
    }
}

fn months_between(from: NaiveDate, to: NaiveDate) -> u32 {
    let months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    months.max(0) as u32
}

/// Text for SVG, escaped like HTML.
fn escape(text: &str) -> String {
    crate::text::escape::html(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        crate::model::when::parse_day(text).unwrap()
    }

    #[test]
    fn a_range_is_cut_into_the_finest_period_that_fits() {
        let two_weeks = Columns::new(day("2013-01-03"), day("2013-01-15"));
        assert_eq!((two_weeks.period, two_weeks.count()), (Period::Day, 13));
        assert_eq!(two_weeks.of(day("2013-01-10")), 7);

        let half_year = Columns::new(day("2013-01-01"), day("2013-06-30"));
        assert_eq!((half_year.period, half_year.count()), (Period::Week, 26));
        assert_eq!(half_year.first_day(1), day("2013-01-08"));

        let year = Columns::new(day("2013-01-01"), day("2013-12-31"));
        assert_eq!((year.period, year.count()), (Period::Month, 12));
        assert_eq!(year.of(day("2013-09-28")), 8);
        assert_eq!(year.first_day(8), day("2013-09-01"));

        let decade = Columns::new(day("2001-03-15"), day("2012-12-31"));
        assert_eq!((decade.period, decade.count()), (Period::Year, 12));
        assert_eq!(decade.first_day(0), day("2001-03-15"), "the first column starts with the range");
    }
}
