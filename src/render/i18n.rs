//! Dates and labels in the site's language (English and French for now).

use crate::load::front::{ActorKind, SourceKind};
use crate::resolve::dates::When;
use chrono::{Datelike, NaiveDate};

use crate::resolve::dates::{EN_DAYS, EN_MONTHS, FR_DAYS, FR_MONTHS};

fn french(language: &str) -> bool {
    language == "fr" || language.starts_with("fr-")
}

fn month(m: u32, language: &str) -> &'static str {
    let names = if french(language) { FR_MONTHS } else { EN_MONTHS };
    names[(m as usize + 11) % 12]
}

/// "Thursday 10 January 2013" / "jeudi 10 janvier 2013".
pub fn long_day(day: NaiveDate, language: &str) -> String {
    let names = if french(language) { FR_DAYS } else { EN_DAYS };
    let weekday = names[day.weekday().num_days_from_monday() as usize];
    format!("{weekday} {}", short_day(day, language))
}

/// "10 January 2013".
pub fn short_day(day: NaiveDate, language: &str) -> String {
    format!("{} {} {}", day.day(), month(day.month(), language), day.year())
}

/// A date of any precision, as a reader reads it.
pub fn when(when: &When, language: &str) -> String {
    let fr = french(language);
    match when {
        When::Day(d) => short_day(*d, language),
        When::Time { date, time, offset } => {
            let zone = match offset {
                Some(o) if o.local_minus_utc() == 0 => " GMT".to_string(),
                Some(o) => format!(" (UTC{o})"),
                None => String::new(),
            };
            format!("{}, {}{zone}", short_day(*date, language), time.format("%H:%M"))
        }
        When::Range(a, b) => {
            let (from, to) = if fr { ("du", "au") } else { ("", "to") };
            format!("{from} {} {to} {}", short_day(*a, language), short_day(*b, language)).trim().to_string()
        }
        When::Night(d) => {
            let next = d.succ_opt().unwrap_or(*d);
            if fr {
                format!("nuit du {} au {}", short_day(*d, language), short_day(next, language))
            } else {
                format!("night of {} to {}", short_day(*d, language), short_day(next, language))
            }
        }
        When::Month(y, m) => format!("{} {y}", month(*m, language)),
        When::Year(y) => y.to_string(),
        When::Undated => (if fr { "non daté" } else { "undated" }).to_string(),
    }
}

pub fn actor_kind(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "People",
        ActorKind::ArmedGroup => "Armed groups",
        ActorKind::Army => "Armies",
        ActorKind::State => "States",
        ActorKind::Organisation => "Organisations",
        ActorKind::Media => "Media",
        ActorKind::Other => "Others",
    }
}

pub fn source_kind(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::NewsArticle => "News article",
        SourceKind::Encyclopedia => "Encyclopedia extract",
        SourceKind::ReaderComments => "Reader comments",
        SourceKind::Statement => "Statement",
        SourceKind::Other => "Document",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_days_in_english_and_french() {
        let day = NaiveDate::from_ymd_opt(2013, 1, 10).unwrap();
        assert_eq!(long_day(day, "en"), "Thursday 10 January 2013");
        assert_eq!(long_day(day, "fr"), "jeudi 10 janvier 2013");
        let night = When::parse("night 2013-01-14/2013-01-15").unwrap();
        assert_eq!(when(&night, "en"), "night of 14 January 2013 to 15 January 2013");
        let range = When::parse("2013-01-11/2013-01-14").unwrap();
        assert_eq!(when(&range, "fr"), "du 11 janvier 2013 au 14 janvier 2013");
    }
}
