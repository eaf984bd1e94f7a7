//! The chronicle as data: `data/events.json` (every event with its attestations) and
//! `data/events.csv` (one row per attestation), for readers who analyse rather than read.

use super::links::Page;
use super::text::plain_text;
use crate::model::{Chronicle, Event};
use crate::write::OutputFile;
use serde::Serialize;

#[derive(Serialize)]
struct EventRecord<'a> {
    id: &'a str,
    title: &'a str,
    when: String,
    precision: &'static str,
    first_day: Option<String>,
    last_day: Option<String>,
    date_basis: Option<&'a str>,
    actors: Vec<&'a str>,
    places: Vec<&'a str>,
    narrative: String,
    url: String,
    attestations: Vec<AttestationRecord<'a>>,
}

#[derive(Serialize)]
struct AttestationRecord<'a> {
    source: &'a str,
    quote: &'a str,
    language: &'a str,
    translation: Option<&'a str>,
    /// The highlighted passage on the source page.
    url: String,
}

fn record<'a>(event: &'a Event, base: &str) -> EventRecord<'a> {
    EventRecord {
        id: &event.id.0,
        title: &event.title,
        when: event.when.to_string(),
        precision: event.when.precision(),
        first_day: event.when.first_day().map(|d| d.to_string()),
        last_day: event.when.last_day().map(|d| d.to_string()),
        date_basis: event.date_basis.as_deref(),
        actors: event.actors.iter().map(|a| a.0.as_str()).collect(),
        places: event.places.iter().map(|p| p.0.as_str()).collect(),
        narrative: plain_text(&event.text.markdown),
        url: Page::Event(event.id.clone()).absolute(base),
        attestations: event
            .text
            .quotes
            .values()
            .map(|q| AttestationRecord {
                source: &q.passage.source.0,
                quote: &q.passage.text,
                language: &q.language,
                translation: q.translation.as_deref(),
                url: format!(
                    "{}#{}",
                    Page::Source(q.passage.source.clone()).absolute(base),
                    q.passage.anchor()
                ),
            })
            .collect(),
    }
}

pub fn exports(chronicle: &Chronicle) -> Vec<OutputFile> {
    let base = &chronicle.config.base_url;
    let records: Vec<EventRecord> = chronicle.events.iter().map(|e| record(e, base)).collect();
    let mut json = serde_json::to_string_pretty(&records).unwrap_or_default();
    json.push('\n');
    let mut csv = String::from("date,precision,event,actors,places,source,quote,translation,url\r\n");
    for event in &records {
        for attestation in &event.attestations {
            let row = [
                event.when.as_str(),
                event.precision,
                event.id,
                &event.actors.join(" "),
                &event.places.join(" "),
                attestation.source,
                attestation.quote,
                attestation.translation.unwrap_or(""),
                &attestation.url,
            ];
            csv.push_str(&row.iter().map(|field| csv_field(field)).collect::<Vec<_>>().join(","));
            csv.push_str("\r\n");
        }
    }
    vec![
        OutputFile { path: "data/events.json".to_string(), bytes: json.into_bytes() },
        OutputFile { path: "data/events.csv".to_string(), bytes: csv.into_bytes() },
    ]
}

/// A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break.
fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("Konna"), "Konna");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("le \"verrou\""), "\"le \"\"verrou\"\"\"");
    }
}
