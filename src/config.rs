//! Reads `chronicle.toml` (the chronicle's title, language, range of days, base URL,
//! theme and map) into a `model::Config`, reporting what is wrong where.

use crate::diagnostics::{Diagnostic, Diagnostics, SourceText};
use crate::model::when::parse_day;
pub use crate::model::{Config, MapConfig};
use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: String,
    #[serde(default)]
    description: String,
    language: Spanned<String>,
    base_url: Spanned<String>,
    #[serde(default = "default_theme")]
    theme: String,
    range: RawRange,
    #[serde(default)]
    editors: Vec<String>,
    updated: Option<Spanned<String>>,
    map: Option<RawMap>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMap {
    outline: String,
    bounds: Spanned<[f64; 4]>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRange {
    start: Spanned<String>,
    end: Spanned<String>,
}

fn default_theme() -> String {
    "default".to_string()
}

/// Parses `chronicle.toml`; `None` when it has errors, which go to `diagnostics`.
pub fn parse(file: &SourceText, diagnostics: &mut Diagnostics) -> Option<Config> {
    let raw: RawConfig = match toml::from_str(&file.text) {
        Ok(raw) => raw,
        Err(error) => {
            diagnostics.push(toml_error(&error, file, 0));
            return None;
        }
    };
    let mut day = |value: &Spanned<String>| match parse_day(value.get_ref()) {
        Ok(day) => Some(day),
        Err(problem) => {
            diagnostics.push(
                Diagnostic::error(format!("invalid date in the range: {problem}"))
                    .at(file, value.span())
                    .help("write the first and last day of the chronicle as `YYYY-MM-DD`"),
            );
            None
        }
    };
    let (start, end) = (day(&raw.range.start), day(&raw.range.end));
    let updated = raw.updated.as_ref().map(|value| match parse_day(value.get_ref()) {
        Ok(day) => Some(day),
        Err(problem) => {
            diagnostics.push(
                Diagnostic::error(format!("invalid `updated` date: {problem}"))
                    .at(file, value.span())
                    .help("write the day the content last changed as `YYYY-MM-DD`"),
            );
            None
        }
    });
    let (start, end) = (start?, end?);
    if end < start {
        diagnostics.push(
            Diagnostic::error("the range ends before it starts")
                .at(file, raw.range.end.span())
                .help(format!("`end` must be {start} or later")),
        );
        return None;
    }
    let language = raw.language.get_ref().trim().to_string();
    if language.is_empty() || !language.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        diagnostics.push(
            Diagnostic::error("`language` is not a language tag")
                .at(file, raw.language.span())
                .help("use a BCP 47 tag such as `en` or `fr`"),
        );
        return None;
    }
    let map = match raw.map {
        Some(map) => {
            let [west, south, east, north] = *map.bounds.get_ref();
            let valid = west < east
                && south < north
                && (-180.0..=180.0).contains(&west)
                && (-180.0..=180.0).contains(&east)
                && (-90.0..=90.0).contains(&south)
                && (-90.0..=90.0).contains(&north);
            if !valid {
                diagnostics.push(
                    Diagnostic::error("`bounds` is not an area of the globe")
                        .at(file, map.bounds.span())
                        .help("write `bounds = [west, south, east, north]` in degrees, west < east and south < north"),
                );
                return None;
            }
            Some(MapConfig { outline: map.outline, bounds: [west, south, east, north] })
        }
        None => None,
    };
    Some(Config {
        title: raw.title,
        description: raw.description,
        language,
        base_url: normalize_base_url(raw.base_url.get_ref()),
        theme: raw.theme,
        start,
        end,
        editors: raw.editors,
        updated: updated.flatten(),
        map,
    })
}

/// A base URL ending with exactly one `/`, so page paths can be appended to it.
pub fn normalize_base_url(url: &str) -> String {
    format!("{}/", url.trim().trim_end_matches('/'))
}

/// A TOML syntax or shape error as a diagnostic; `offset` is where the TOML starts in
/// the file (after the `+++` line of front matter).
pub fn toml_error(error: &toml::de::Error, file: &SourceText, offset: usize) -> Diagnostic {
    let span = error.span().unwrap_or(0..0);
    let message = error.message().trim_end_matches('\n');
    let help = if message.starts_with("unknown field") {
        "remove the key or correct its spelling; docs/writing-content.md lists the keys"
    } else if message.starts_with("unknown variant") {
        "use one of the values listed"
    } else if message.starts_with("missing field") {
        "add the key; docs/writing-content.md lists the keys each file needs"
    } else if message.starts_with("invalid type") || message.starts_with("invalid length") {
        "the value has the wrong shape: docs/writing-content.md shows what this key takes"
    } else {
        "this is TOML: check the quotes, brackets and commas at this point"
    };
    Diagnostic::error(message.to_string()).at(file, span.start + offset..span.end + offset).help(help)
}
