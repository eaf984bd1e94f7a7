//! The chronicle as data: `data/events.json` (every event with its attestations, who
//! made each claim and through whom, and its corrections) and `data/events.csv` (one row
//! per attestation), for readers who analyse rather than read.
//! Both are streamed to their files, event by event; the JSON is compact, one event a line.

use super::links::{passage_anchor, Page};
use crate::model::{Chronicle, Claimant, Event};
use crate::write::Sink;
use serde::Serialize;
use std::io::{self, Write};

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
    narrative: &'a str,
    url: String,
    attestations: Vec<AttestationRecord<'a>>,
    corrections: Vec<CorrectionRecord<'a>>,
}

#[derive(Serialize)]
struct CorrectionRecord<'a> {
    date: String,
    was: &'a str,
    now: &'a str,
}

/// A claimant as data: `{"actor": id}`, or `{"unnamed": description, "part_of": id}`.
#[derive(Serialize)]
#[serde(untagged)]
enum ClaimantRecord<'a> {
    Actor { actor: &'a str },
    Unnamed { unnamed: &'a str, part_of: Option<&'a str> },
}

impl<'a> ClaimantRecord<'a> {
    fn of(claimant: &'a Claimant) -> ClaimantRecord<'a> {
        match claimant {
            Claimant::Actor(id) => ClaimantRecord::Actor { actor: id.as_str() },
            Claimant::Unnamed { description, part_of } => ClaimantRecord::Unnamed {
                unnamed: description,
                part_of: part_of.as_ref().map(|a| a.as_str()),
            },
        }
    }

    /// One cell of the CSV: the actor's id, or the description with its actor's id.
    fn cell(&self) -> String {
        match self {
            ClaimantRecord::Actor { actor } => actor.to_string(),
            ClaimantRecord::Unnamed { unnamed, part_of: Some(actor) } => format!("{unnamed} ({actor})"),
            ClaimantRecord::Unnamed { unnamed, part_of: None } => unnamed.to_string(),
        }
    }
}

#[derive(Serialize)]
struct AttestationRecord<'a> {
    source: &'a str,
    quote: &'a str,
    language: &'a str,
    translation: Option<&'a str>,
    said_by: Vec<ClaimantRecord<'a>>,
    via: Vec<ClaimantRecord<'a>>,
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
        narrative: &event.text.body.plain,
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
                said_by: q.claim.said_by.iter().map(ClaimantRecord::of).collect(),
                via: q.claim.via.iter().map(ClaimantRecord::of).collect(),
                url: format!(
                    "{}#{}",
                    Page::Source(q.passage.source.clone()).absolute(base),
                    passage_anchor(&q.passage.source, q.passage.range.start)
                ),
            })
            .collect(),
        corrections: event
            .text
            .corrections
            .iter()
            .map(|c| CorrectionRecord { date: c.date.to_string(), was: &c.was, now: &c.now })
            .collect(),
    }
}

pub fn write(chronicle: &Chronicle, sink: &dyn Sink) -> io::Result<()> {
    let base = &chronicle.config.base_url;
    // Both files in one pass, so that each event's record is made once.
    sink.write_with("data/events.json", &mut |json: &mut dyn Write| {
        sink.write_with("data/events.csv", &mut |csv: &mut dyn Write| {
            let mut csv = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(csv);
            csv.write_record([
                "date",
                "precision",
                "event",
                "actors",
                "places",
                "source",
                "quote",
                "translation",
                "said_by",
                "via",
                "url",
            ])?;
            // An array of compact records, one a line: read by programs, and easy to grep;
            // indented, a large chronicle's file was a third white space.
            json.write_all(b"[")?;
            for (i, event) in chronicle.events.iter().enumerate() {
                let event = record(event, base);
                json.write_all(if i == 0 { b"\n" } else { b",\n" })?;
                serde_json::to_writer(&mut *json, &event).map_err(io::Error::other)?;
                let (actors, places) = (event.actors.join(" "), event.places.join(" "));
                for attestation in &event.attestations {
                    csv.write_record([
                        event.when.as_str(),
                        event.precision,
                        event.id,
                        &actors,
                        &places,
                        attestation.source,
                        attestation.quote,
                        attestation.translation.unwrap_or(""),
                        &attestation.said_by.iter().map(ClaimantRecord::cell).collect::<Vec<_>>().join("; "),
                        &attestation.via.iter().map(ClaimantRecord::cell).collect::<Vec<_>>().join(" > "),
                        &attestation.url,
                    ])?;
                }
            }
            json.write_all(b"\n]\n")?;
            csv.flush()
        })
    })
}
