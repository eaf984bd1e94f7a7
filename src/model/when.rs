//! The dates of events and sources, each with its precision, and where an event falls
//! relative to the chronicle's range of days.
//!
//! Grammar (see docs/writing-content.md): `2013-01-10`, `2013-01-10T20:00[+01:00|Z]`,
//! `2013-01-10/2013-01-12`, `night 2013-01-07/2013-01-08`, `2013-01`, `2013`, `undated`.

use chrono::{Days, FixedOffset, NaiveDate, NaiveTime};
use std::fmt;
use std::fmt::Write as _;

/// When something happened, as precisely as the sources allow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    Day(NaiveDate),
    /// A time of day; `offset` is `None` when the source gives no time zone.
    Time {
        date: NaiveDate,
        time: NaiveTime,
        offset: Option<FixedOffset>,
    },
    /// Every day from `start` to `end`, both included.
    Range(NaiveDate, NaiveDate),
    /// The night from this day to the next.
    Night(NaiveDate),
    Month(i32, u32),
    Year(i32),
    Undated,
}

impl When {
    pub fn parse(text: &str) -> Result<When, String> {
        let text = text.trim();
        if text == "undated" {
            return Ok(When::Undated);
        }
        if let Some(rest) = text.strip_prefix("night ") {
            let (first, second) = split_range(rest.trim())?;
            if first.checked_add_days(Days::new(1)) != Some(second) {
                return Err(format!(
                    "a night runs from one day to the next, but {second} is not the day after {first}"
                ));
            }
            return Ok(When::Night(first));
        }
        if text.contains('/') {
            let (start, end) = split_range(text)?;
            if end <= start {
                return Err(format!("the range ends ({end}) before or on the day it starts ({start})"));
            }
            return Ok(When::Range(start, end));
        }
        if let Some((date, time)) = text.split_once('T') {
            return parse_time(parse_day(date)?, time);
        }
        match text.split('-').count() {
            1 => parse_year(text).map(When::Year),
            2 => {
                let (year, month) = text.split_once('-').unwrap_or_default();
                let month = month
                    .parse::<u32>()
                    .ok()
                    .filter(|m| (1..=12).contains(m) && month.len() == 2)
                    .ok_or_else(|| format!("`{month}` is not a month (01 to 12)"))?;
                Ok(When::Month(parse_year(year)?, month))
            }
            _ => parse_day(text).map(When::Day),
        }
    }

    /// The first day this covers, if it is precise to the day.
    pub fn first_day(&self) -> Option<NaiveDate> {
        match *self {
            When::Day(d) | When::Night(d) | When::Range(d, _) => Some(d),
            When::Time { date, .. } => Some(date),
            When::Month(..) | When::Year(_) | When::Undated => None,
        }
    }

    /// The last day this covers, if it is precise to the day.
    pub fn last_day(&self) -> Option<NaiveDate> {
        match *self {
            When::Range(_, end) => Some(end),
            When::Night(d) => d.checked_add_days(Days::new(1)),
            _ => self.first_day(),
        }
    }

    /// Whether it is precise to the day and covers `day`.
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.first_day().is_some_and(|first| first <= day) && self.last_day().is_some_and(|last| day <= last)
    }

    /// The earliest and latest day it could be, for placing it before, in or after a
    /// range of days; `None` when undated.
    pub fn bounds(&self) -> Option<(NaiveDate, NaiveDate)> {
        match *self {
            When::Month(y, m) => {
                let first = NaiveDate::from_ymd_opt(y, m, 1)?;
                let last = first.checked_add_months(chrono::Months::new(1))?.pred_opt()?;
                Some((first, last))
            }
            When::Year(y) => Some((NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y, 12, 31)?)),
            When::Undated => None,
            _ => Some((self.first_day()?, self.last_day()?)),
        }
    }

    pub fn precision(&self) -> &'static str {
        match self {
            When::Day(_) => "day",
            When::Time { .. } => "time",
            When::Range(..) => "range",
            When::Night(_) => "night",
            When::Month(..) => "month",
            When::Year(_) => "year",
            When::Undated => "undated",
        }
    }

    /// A machine-readable form for `<time datetime>`: ISO 8601, a duration-free interval
    /// written as its start for ranges.
    pub fn machine(&self) -> String {
        match self {
            When::Day(d) | When::Night(d) | When::Range(d, _) => d.to_string(),
            When::Time { date, time, offset } => {
                use chrono::Timelike;
                let mut out = format!("{date}T{:02}:{:02}", time.hour(), time.minute());
                if let Some(offset) = offset {
                    // As chrono writes an offset (`+01:00`), without parsing a format.
                    let seconds = offset.local_minus_utc();
                    let (sign, seconds) = if seconds < 0 { ('-', -seconds) } else { ('+', seconds) };
                    let _ = write!(out, "{sign}{:02}:{:02}", seconds / 3600, seconds / 60 % 60);
                    if seconds % 60 != 0 {
                        let _ = write!(out, ":{:02}", seconds % 60);
                    }
                }
                out
            }
            When::Month(y, m) => format!("{y:04}-{m:02}"),
            When::Year(y) => format!("{y:04}"),
            When::Undated => String::new(),
        }
    }

    /// A key that orders events chronologically; undated last.
    pub fn sort_key(&self) -> (NaiveDate, u8, Option<NaiveTime>) {
        let rank = match self {
            When::Year(_) => 0,
            When::Month(..) => 1,
            When::Range(..) => 2,
            When::Day(_) => 3,
            When::Time { .. } => 4,
            When::Night(_) => 5,
            When::Undated => 6,
        };
        let day = self.bounds().map_or(NaiveDate::MAX, |(first, _)| first);
        let time = match self {
            When::Time { time, .. } => Some(*time),
            _ => None,
        };
        (day, rank, time)
    }
}

/// Where an event falls relative to the chronicle's range of days. Decided once, in
/// `resolve`, and read by every page and figure, so that they agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Placement {
    /// It ended before the range starts: context.
    Before,
    /// Precise to the day and within the range: read on this day's page, the first day
    /// of the range it covers (an event that began before the range is read on its first
    /// day).
    Day(NaiveDate),
    /// A month or a year that overlaps the range: no day page can hold it.
    Imprecise,
    /// It starts after the range ends.
    After,
    Undated,
}

impl Placement {
    pub fn of(when: &When, start: NaiveDate, end: NaiveDate) -> Placement {
        let Some((first, last)) = when.bounds() else {
            return Placement::Undated;
        };
        if last < start {
            Placement::Before
        } else if first > end {
            Placement::After
        } else if when.first_day().is_some() {
            Placement::Day(first.max(start))
        } else {
            Placement::Imprecise
        }
    }

    pub fn day(&self) -> Option<NaiveDate> {
        match self {
            Placement::Day(day) => Some(*day),
            _ => None,
        }
    }
}

/// Written back in the grammar it was parsed from, so data exports read like content.
impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Range(start, end) => write!(f, "{start}/{end}"),
            When::Night(day) => write!(f, "night {day}/{}", day.succ_opt().unwrap_or(*day)),
            When::Undated => f.write_str("undated"),
            _ => f.write_str(&self.machine()),
        }
    }
}

fn split_range(text: &str) -> Result<(NaiveDate, NaiveDate), String> {
    let (start, end) = text
        .split_once('/')
        .ok_or_else(|| format!("`{text}` is not a pair of days written `YYYY-MM-DD/YYYY-MM-DD`"))?;
    Ok((parse_day(start.trim())?, parse_day(end.trim())?))
}

pub fn parse_day(text: &str) -> Result<NaiveDate, String> {
    let shaped = text.len() == 10
        && text.char_indices().all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
    if !shaped {
        return Err(format!("`{text}` is not a day written `YYYY-MM-DD`"));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| format!("`{text}` is not a day of the calendar"))
}

fn parse_year(text: &str) -> Result<i32, String> {
    text.parse::<i32>()
        .ok()
        .filter(|_| text.len() == 4)
        .ok_or_else(|| format!("`{text}` is not a date: write `YYYY-MM-DD`, `YYYY-MM` or `YYYY`"))
}

fn parse_time(date: NaiveDate, text: &str) -> Result<When, String> {
    let split_at = text.find(['Z', '+', '-']).unwrap_or(text.len());
    let (clock, zone) = text.split_at(split_at);
    let time = NaiveTime::parse_from_str(clock, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(clock, "%H:%M:%S"))
        .map_err(|_| format!("`{clock}` is not a time written `HH:MM`"))?;
    let offset = match zone {
        "" => None,
        "Z" => FixedOffset::east_opt(0),
        _ => Some(parse_offset(zone)?),
    };
    Ok(When::Time { date, time, offset })
}

fn parse_offset(zone: &str) -> Result<FixedOffset, String> {
    let invalid = || format!("`{zone}` is not a time zone written `Z` or `+HH:MM`");
    let sign = if zone.starts_with('-') { -1 } else { 1 };
    let (hours, minutes) = zone[1..].split_once(':').ok_or_else(invalid)?;
    let hours: i32 = hours.parse().map_err(|_| invalid())?;
    let minutes: i32 = minutes.parse().map_err(|_| invalid())?;
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60)).ok_or_else(invalid)
}

/// Every day from `start` to `end`, both included.
pub fn days(start: NaiveDate, end: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    start.iter_days().take_while(move |d| *d <= end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        parse_day(s).unwrap()
    }

    #[test]
    fn a_time_is_written_for_machines_as_chrono_writes_it() {
        for (text, machine) in [
            ("2013-01-12T11:31Z", "2013-01-12T11:31+00:00"),
            ("2013-01-12T11:31+05:30", "2013-01-12T11:31+05:30"),
            ("2013-01-12T08:05-03:00", "2013-01-12T08:05-03:00"),
            ("2013-01-12T08:05", "2013-01-12T08:05"),
        ] {
            let when = When::parse(text).unwrap();
            assert_eq!(when.machine(), machine, "{text}");
            if let When::Time { date, time, offset } = when {
                let zone = offset.map_or(String::new(), |o| o.to_string());
                assert_eq!(machine, format!("{date}T{}{zone}", time.format("%H:%M")));
            }
        }
    }

    #[test]
    fn parses_each_precision() {
        assert_eq!(When::parse("2013-01-10"), Ok(When::Day(day("2013-01-10"))));
        assert_eq!(
            When::parse("2013-01-11/2013-01-14"),
            Ok(When::Range(day("2013-01-11"), day("2013-01-14")))
        );
        assert_eq!(When::parse("night 2013-01-07/2013-01-08"), Ok(When::Night(day("2013-01-07"))));
        assert_eq!(When::parse("2013-01"), Ok(When::Month(2013, 1)));
        assert_eq!(When::parse("2012"), Ok(When::Year(2012)));
        assert_eq!(When::parse("undated"), Ok(When::Undated));
        let time = When::parse("2013-01-12T11:31Z").unwrap();
        assert_eq!(time.machine(), "2013-01-12T11:31+00:00");
        assert_eq!(When::parse("2013-01-12T20:00").unwrap().machine(), "2013-01-12T20:00");
        assert_eq!(When::parse("2013-01-12T20:00-05:00").unwrap().machine(), "2013-01-12T20:00-05:00");
    }

    #[test]
    fn displays_in_the_grammar_it_parses() {
        for text in
            ["2013-01-10", "2013-01-11/2013-01-14", "night 2013-01-07/2013-01-08", "2013-01", "undated"]
        {
            assert_eq!(When::parse(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn rejects_bad_dates_with_reasons() {
        assert!(When::parse("2013-02-30").unwrap_err().contains("not a day of the calendar"));
        assert!(When::parse("10/01/2013").is_err());
        assert!(When::parse("2013-1-10").unwrap_err().contains("YYYY-MM-DD"));
        assert!(When::parse("night 2013-01-07/2013-01-09").unwrap_err().contains("not the day after"));
        assert!(When::parse("2013-01-12/2013-01-11").unwrap_err().contains("before"));
        assert!(When::parse("2013-13").is_err());
        assert!(When::parse("2013-01-12T25:00").is_err());
    }

    #[test]
    fn nights_and_ranges_cover_their_days() {
        let night = When::parse("night 2013-01-14/2013-01-15").unwrap();
        assert_eq!(night.bounds(), Some((day("2013-01-14"), day("2013-01-15"))));
        let month = When::parse("2013-01").unwrap();
        assert_eq!(month.bounds(), Some((day("2013-01-01"), day("2013-01-31"))));
        assert_eq!(When::Undated.bounds(), None);
    }

    #[test]
    fn placement_follows_the_range() {
        let (start, end) = (day("2013-01-03"), day("2013-01-15"));
        let place = |text: &str| Placement::of(&When::parse(text).unwrap(), start, end);
        assert_eq!(place("2013-01-02"), Placement::Before);
        assert_eq!(place("2012-12"), Placement::Before);
        assert_eq!(place("2013-01-10T20:00Z"), Placement::Day(day("2013-01-10")));
        assert_eq!(place("2013-01-01/2013-01-04"), Placement::Day(start), "read on the range's first day");
        assert_eq!(place("night 2013-01-15/2013-01-16"), Placement::Day(end));
        assert_eq!(place("2013-01"), Placement::Imprecise);
        assert_eq!(place("2013"), Placement::Imprecise);
        assert_eq!(place("2013-01-16"), Placement::After);
        assert_eq!(place("2014"), Placement::After);
        assert_eq!(place("undated"), Placement::Undated);
    }

    #[test]
    fn orders_chronologically() {
        let mut whens: Vec<When> = ["undated", "2013-01-10T08:00", "2013-01-10", "2013-01-09"]
            .iter()
            .map(|s| When::parse(s).unwrap())
            .collect();
        whens.sort_by_key(When::sort_key);
        let order: Vec<String> = whens.iter().map(When::machine).collect();
        assert_eq!(order, ["2013-01-09", "2013-01-10", "2013-01-10T08:00", ""]);
    }
}
