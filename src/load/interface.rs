//! The interface text: a theme's translation tables (`themes/<name>/i18n/<lang>.toml`),
//! one per language, each a set of dates' words and patterns and of named texts.

use crate::config::toml_error;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceText};
use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The language whose table fills in what another table leaves out.
pub const FALLBACK: &str = "en";

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interface {
    /// Counts up to this one take the singular; below it only if zero does too.
    pub singular_up_to: u64,
    pub singular_includes_zero: bool,
    pub dates: DateWords,
    pub text: BTreeMap<String, Text>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateWords {
    pub months: [String; 12],
    /// Monday first.
    pub weekdays: [String; 7],
    /// Abbreviations, where a figure has little room; a table without them has the first
    /// three letters of each name.
    #[serde(default)]
    pub short_months: Option<[String; 12]>,
    #[serde(default)]
    pub short_weekdays: Option<[String; 7]>,
    pub day: String,
    /// The first day of a range that ends in the same year (`{day} {month}`) or month
    /// (`{day}`), so that "8 to 10 January 2013" does not repeat the month and year; a
    /// table without them writes both days in full.
    #[serde(default)]
    pub day_in_year: Option<String>,
    #[serde(default)]
    pub day_in_month: Option<String>,
    pub first_of_month: String,
    pub long_day: String,
    pub month: String,
    pub time: String,
    pub range: String,
    pub night: String,
    pub undated: String,
    pub gmt: String,
}

/// A named text, or a pair of them for a count: `{ one = "…", other = "…" }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Text {
    Plain(String),
    Plural { one: String, other: String },
}

impl Interface {
    /// Parses one table; errors point into the file.
    pub fn parse(file: &SourceText, diagnostics: &mut Diagnostics) -> Option<Interface> {
        match toml::from_str(&file.text) {
            Ok(interface) => Some(interface),
            Err(error) => {
                diagnostics.push(toml_error(&error, file, 0));
                None
            }
        }
    }

    /// The text named `key`, or the key itself when the table lacks it (which `check`
    /// reports, so a page never shows an empty label).
    pub fn text(&self, key: &str) -> String {
        match self.text.get(key) {
            Some(Text::Plain(text)) => text.clone(),
            Some(Text::Plural { other, .. }) => other.clone(),
            None => key.to_string(),
        }
    }

    /// The text named `key` for a count `n`, with `{n}` replaced.
    pub fn count(&self, key: &str, n: u64) -> String {
        let singular = n <= self.singular_up_to && (n > 0 || self.singular_includes_zero);
        let text = match self.text.get(key) {
            Some(Text::Plain(text)) => text,
            Some(Text::Plural { one, other }) => {
                if singular {
                    one
                } else {
                    other
                }
            }
            None => key,
        };
        fill(text, &[("n", itoa::Buffer::new().format(n))])
    }

    pub fn month(&self, month: u32) -> &str {
        &self.dates.months[(month as usize + 11) % 12]
    }

    /// "Jan", "janv.".
    pub fn short_month(&self, month: u32) -> String {
        let index = (month as usize + 11) % 12;
        match &self.dates.short_months {
            Some(short) => short[index].clone(),
            None => self.dates.months[index].chars().take(3).collect(),
        }
    }

    /// "Thu", "jeu.".
    pub fn short_weekday(&self, day: NaiveDate) -> String {
        let index = day.weekday().num_days_from_monday() as usize;
        match &self.dates.short_weekdays {
            Some(short) => short[index].clone(),
            None => self.dates.weekdays[index].chars().take(3).collect(),
        }
    }

    /// "10 January 2013", "1er janvier 2013".
    pub fn day(&self, day: NaiveDate) -> String {
        let number = if day.day() == 1 { self.dates.first_of_month.clone() } else { day.day().to_string() };
        let year = day.year().to_string();
        fill(&self.dates.day, &[("day", &number), ("month", self.month(day.month())), ("year", &year)])
    }

    /// `from` as the start of a range ending on `to`: "8" before "10 January 2013",
    /// "31 December" before "2 January 2014" only when the year differs.
    pub fn day_until(&self, from: NaiveDate, to: NaiveDate) -> String {
        let pattern = match (from.year() == to.year(), from.month() == to.month()) {
            (true, true) => self.dates.day_in_month.as_ref(),
            (true, false) => self.dates.day_in_year.as_ref(),
            _ => None,
        };
        let Some(pattern) = pattern else { return self.day(from) };
        let number = if from.day() == 1 { self.dates.first_of_month.clone() } else { from.day().to_string() };
        fill(pattern, &[("day", &number), ("month", self.month(from.month()))])
    }

    /// "Thursday 10 January 2013", "jeudi 10 janvier 2013".
    pub fn long_day(&self, day: NaiveDate) -> String {
        let weekday = &self.dates.weekdays[day.weekday().num_days_from_monday() as usize];
        let number = if day.day() == 1 { self.dates.first_of_month.clone() } else { day.day().to_string() };
        let year = day.year().to_string();
        let values = [
            ("weekday", weekday.as_str()),
            ("day", &number),
            ("month", self.month(day.month())),
            ("year", &year),
        ];
        fill(&self.dates.long_day, &values)
    }

    /// Fills in, from `fallback`, every text this table lacks; returns the keys filled.
    fn complete_from(&mut self, fallback: &Interface) -> Vec<String> {
        let mut missing = Vec::new();
        for (key, text) in &fallback.text {
            if !self.text.contains_key(key) {
                self.text.insert(key.clone(), text.clone());
                missing.push(key.clone());
            }
        }
        missing
    }
}

/// `pattern` with each `{name}` replaced by its value in `values`; other text, and a
/// `{name}` with no value, stay as they are. One pass, however many names: interface
/// texts are filled in hundreds of thousands of times in a large build.
pub fn fill(pattern: &str, values: &[(&str, &str)]) -> String {
    let mut filled = String::with_capacity(pattern.len() + 16);
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        filled.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after
            .find('}')
            .and_then(|close| Some((values.iter().find(|(name, _)| *name == &after[..close])?.1, close)));
        match value {
            Some((value, close)) => {
                filled.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                filled.push('{');
                rest = after;
            }
        }
    }
    filled.push_str(rest);
    filled
}

/// Picks the table for `language` ("fr-CA" takes `fr-CA.toml`, else `fr.toml`), completed
/// from the fallback language's; warns when there is none, or when it lacks texts.
pub fn select(
    tables: &BTreeMap<String, (SourceText, Interface)>,
    language: &str,
    diagnostics: &mut Diagnostics,
) -> Option<Interface> {
    let primary = language.split('-').next().unwrap_or(language);
    let fallback = tables.get(FALLBACK).map(|(_, table)| table);
    let Some((file, table)) = tables.get(language).or_else(|| tables.get(primary)) else {
        if fallback.is_some() {
            diagnostics.push(
                Diagnostic::warning(format!(
                    "the theme has no interface text for language `{language}`; the interface is in English"
                ))
                .help(format!("add the theme's i18n/{primary}.toml, translated from i18n/{FALLBACK}.toml")),
            );
        }
        return fallback.cloned();
    };
    let mut table = table.clone();
    if let Some(fallback) = fallback {
        let missing = table.complete_from(fallback);
        if !missing.is_empty() {
            diagnostics.push(
                Diagnostic::warning(format!(
                    "{} lacks {} interface text(s), shown in English: {}",
                    file.path,
                    missing.len(),
                    missing.join(", ")
                ))
                .in_file(file)
                .help(format!("translate these keys from i18n/{FALLBACK}.toml")),
            );
        }
    }
    Some(table)
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn fill_replaces_known_names_once_and_keeps_the_rest() {
        assert_eq!(fill("{from} to {to}", &[("from", "1"), ("to", "{from}")]), "1 to {from}");
        assert_eq!(fill("{n} {x} {", &[("n", "3")]), "3 {x} {");
        assert_eq!(fill("no braces", &[]), "no braces");
    }
}
