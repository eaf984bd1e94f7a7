//! Dates and labels in the site's language, from the theme's interface text, and the
//! `t` function through which templates read it.

use crate::load::interface::{fill, Interface};
use crate::model::{ActorKind, SourceKind, When};
use std::collections::HashMap;

/// A date of any precision, as a reader reads it.
pub fn when(when: &When, interface: &Interface) -> String {
    let words = &interface.dates;
    match when {
        When::Day(d) => interface.day(*d),
        When::Time { date, time, offset } => {
            let zone = match offset {
                Some(o) if o.local_minus_utc() == 0 => format!(" {}", words.gmt),
                Some(o) => format!(" (UTC{o})"),
                None => String::new(),
            };
            let time = format!("{}{zone}", time.format("%H:%M"));
            fill(&words.time, &[("date", &interface.day(*date)), ("time", &time)])
        }
        When::Range(a, b) => {
            fill(&words.range, &[("from", &interface.day_until(*a, *b)), ("to", &interface.day(*b))])
        }
        When::Night(d) => {
            let next = d.succ_opt().unwrap_or(*d);
            fill(&words.night, &[("from", &interface.day_until(*d, next)), ("to", &interface.day(next))])
        }
        When::Month(y, m) => fill(&words.month, &[("month", interface.month(*m)), ("year", &y.to_string())]),
        When::Year(y) => y.to_string(),
        When::Undated => words.undated.clone(),
    }
}

/// An actor's kind: `n` 1 for one actor ("Person"), more for a group of them ("People").
pub fn actor_kind(kind: ActorKind, n: u64, interface: &Interface) -> String {
    let key = match kind {
        ActorKind::Person => "kind_person",
        ActorKind::ArmedGroup => "kind_armed_group",
        ActorKind::Army => "kind_army",
        ActorKind::State => "kind_state",
        ActorKind::Organisation => "kind_organisation",
        ActorKind::Media => "kind_media",
        ActorKind::Other => "kind_other",
    };
    interface.count(key, n)
}

pub fn source_kind(kind: SourceKind, interface: &Interface) -> String {
    interface.text(match kind {
        SourceKind::NewsArticle => "source_news_article",
        SourceKind::Encyclopedia => "source_encyclopedia",
        SourceKind::ReaderComments => "source_reader_comments",
        SourceKind::Statement => "source_statement",
        SourceKind::Other => "source_other",
    })
}

/// The templates' `t(key="…")`, `t(key="…", n=count)` and `t(key="…", file=…)`: a text of
/// the interface table; an unknown key is a template error, so `build` reports it.
pub fn tera_function(interface: Interface) -> impl tera::Function {
    move |args: &HashMap<String, tera::Value>| -> tera::Result<tera::Value> {
        let key = args.get("key").and_then(|k| k.as_str()).ok_or("t() needs key=\"…\"")?;
        if !interface.text.contains_key(key) {
            return Err(format!("no interface text `{key}` in the theme's i18n tables").into());
        }
        let text = match args.get("n").and_then(|n| n.as_u64()) {
            Some(n) => interface.count(key, n),
            None => interface.text(key),
        };
        if args.len() == 1 || !text.contains('{') {
            return Ok(tera::Value::String(text));
        }
        let values: Vec<(&str, String)> = args
            .iter()
            .filter(|(name, _)| !matches!(name.as_str(), "key" | "n"))
            .map(|(name, value)| {
                (name.as_str(), value.as_str().map_or_else(|| value.to_string(), str::to_string))
            })
            .collect();
        let values: Vec<(&str, &str)> = values.iter().map(|(name, value)| (*name, value.as_str())).collect();
        Ok(tera::Value::String(fill(&text, &values)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Theme;

    fn table(language: &str) -> Interface {
        Theme::builtin().interfaces[language].1.clone()
    }

    #[test]
    fn formats_dates_in_english_and_french() {
        let day = chrono::NaiveDate::from_ymd_opt(2013, 1, 10).unwrap();
        assert_eq!(table("en").long_day(day), "Thursday 10 January 2013");
        assert_eq!(table("fr").long_day(day), "jeudi 10 janvier 2013");
        let night = When::parse("night 2013-01-14/2013-01-15").unwrap();
        assert_eq!(when(&night, &table("en")), "night of 14 to 15 January 2013");
        let range = When::parse("2013-01-01/2013-01-14").unwrap();
        assert_eq!(when(&range, &table("fr")), "du 1er au 14 janvier 2013");
        let across_months = When::parse("2013-01-31/2013-02-02").unwrap();
        assert_eq!(when(&across_months, &table("en")), "31 January to 2 February 2013");
        let across_years = When::parse("night 2012-12-31/2013-01-01").unwrap();
        assert_eq!(when(&across_years, &table("fr")), "nuit du 31 décembre 2012 au 1er janvier 2013");
    }
}
