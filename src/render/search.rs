//! The offline search index: every event, actor, place, source and comparison as a
//! record the theme's `search.js` reads. It is a script (`search-index.js`), not JSON,
//! because browsers refuse to fetch JSON from `file://` but do load scripts.

use super::links::Page;
use super::pages::event_href;
use super::text::plain_text;
use crate::model::Chronicle;
use crate::write::OutputFile;
use serde::Serialize;

#[derive(Serialize)]
struct Record {
    /// What the result shows.
    title: String,
    /// Event, Actor, Place, Source or Comparison.
    kind: String,
    /// The target, relative to the site root, with its anchor.
    url: String,
    /// Everything the record can be found by: names, aliases, text.
    text: String,
}

pub fn index(chronicle: &Chronicle) -> OutputFile {
    let root = Page::Index;
    let mut records = Vec::new();
    for event in &chronicle.events {
        let names = event
            .actors
            .iter()
            .filter_map(|a| chronicle.actors.get(a))
            .flat_map(|a| std::iter::once(&a.name).chain(&a.aliases))
            .chain(
                event
                    .places
                    .iter()
                    .filter_map(|p| chronicle.places.get(p))
                    .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases)),
            );
        let names: Vec<&str> = names.map(String::as_str).collect();
        records.push(Record {
            title: event.title.clone(),
            kind: chronicle.interface.text("search_event"),
            url: event_href(event, chronicle, &root),
            text: format!("{} {} {}", event.title, names.join(" "), plain_text(&event.text.markdown)),
        });
    }
    for actor in chronicle.actors.values() {
        records.push(Record {
            title: actor.name.clone(),
            kind: chronicle.interface.text("search_actor"),
            url: root.href(&Page::Actor(actor.id.clone()), None),
            text: format!(
                "{} {} {}",
                actor.name,
                actor.aliases.join(" "),
                actor.role.as_deref().unwrap_or("")
            ),
        });
    }
    for place in chronicle.places.values() {
        records.push(Record {
            title: place.name.clone(),
            kind: chronicle.interface.text("search_place"),
            url: root.href(&Page::Place(place.id.clone()), None),
            text: format!("{} {}", place.name, place.aliases.join(" ")),
        });
    }
    for source in chronicle.sources.values() {
        records.push(Record {
            title: source.title.clone(),
            kind: chronicle.interface.text("search_source"),
            url: root.href(&Page::Source(source.id.clone()), None),
            // The whole document: a reader may remember a phrase rather than a title.
            text: format!(
                "{} {} {}",
                source.title,
                source.publisher.as_deref().unwrap_or(""),
                source.seed_text
            ),
        });
    }
    for comparison in chronicle.comparisons.values() {
        let values: Vec<&str> = comparison.positions.iter().map(|p| p.value.as_str()).collect();
        records.push(Record {
            title: comparison.question.clone(),
            kind: chronicle.interface.text("search_comparison"),
            url: root.href(&Page::Comparison(comparison.id.clone()), None),
            text: format!("{} {}", comparison.question, values.join(" ")),
        });
    }
    let json = serde_json::to_string(&records).unwrap_or_else(|_| "[]".to_string());
    let script = format!("window.annalistSearchIndex = {};\n", json.replace("</", "<\\/"));
    OutputFile { path: "search-index.js".to_string(), bytes: script.into_bytes() }
}
