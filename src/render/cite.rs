//! "Cite this page": a formatted citation, BibTeX, RIS and CSL-JSON for every page, the
//! metadata reference managers read in the page head (Highwire Press `citation_*` and
//! Dublin Core), and schema.org JSON-LD. Everything here comes from the content and the
//! config, never from the clock: the version is the content's fingerprint and the date is
//! `updated` from chronicle.toml.
//!
//! The exports are plain text in the page (the theme's script offers each as a download,
//! made in the browser, so it works offline); they are neither highlighted nor repeated
//! as `data:` URLs, which made them a third of every page.

use super::links::Page;
use crate::load::interface::Interface;
use crate::model::{slugify, ActorKind, Chronicle};
use chrono::Datelike;
use serde::Serialize;
use serde_json::{json, Value};

#[derive(Debug, Serialize)]
pub struct Cite {
    /// The citation as a reader would paste it into a text.
    pub text: String,
    pub formats: Vec<Format>,
    pub meta: Vec<Meta>,
    pub json_ld: String,
}

#[derive(Debug, Serialize)]
pub struct Format {
    pub name: &'static str,
    pub text: String,
    /// The file a download of it is saved as, and its media type.
    pub filename: String,
    pub mime: &'static str,
}

#[derive(Debug, Serialize)]
pub struct Meta {
    pub name: &'static str,
    pub content: String,
}

pub fn cite(page: &Page, title: &str, chronicle: &Chronicle, words: &Interface) -> Cite {
    let config = &chronicle.config;
    let url = page.absolute(&config.base_url);
    let key = slugify(&page.path().replace(".html", ""));
    let updated = config.updated;
    let version = &chronicle.version;

    let mut text = String::new();
    if !config.editors.is_empty() {
        text.push_str(&format!("{}. ", config.editors.join(", ")));
    }
    let (open, close, within) = (words.text("quote_open"), words.text("quote_close"), words.text("cite_in"));
    text.push_str(&format!("{open}{title}.{close} {within} {}, version {version}", config.title));
    if let Some(day) = updated {
        text.push_str(&format!(", {}", words.day(day)));
    }
    text.push_str(&format!(". {url}"));

    let braced = |s: &str| s.replace('{', "\\{").replace('}', "\\}");
    let mut bibtex = format!("@misc{{{key},\n  title = {{{{{}}}}},\n", braced(title));
    if !config.editors.is_empty() {
        bibtex.push_str(&format!("  author = {{{}}},\n", braced(&config.editors.join(" and "))));
    }
    bibtex.push_str(&format!("  howpublished = {{{}}},\n", braced(&config.title)));
    if let Some(day) = updated {
        bibtex.push_str(&format!("  year = {{{}}},\n  month = {{{}}},\n", day.year(), day.month()));
    }
    bibtex.push_str(&format!("  note = {{Version {version}}},\n  url = {{{url}}}\n}}\n"));

    let mut ris = format!("TY  - ELEC\nTI  - {title}\nT2  - {}\n", config.title);
    for editor in &config.editors {
        ris.push_str(&format!("A2  - {editor}\n"));
    }
    if let Some(day) = updated {
        ris.push_str(&format!("PY  - {}\nDA  - {}\n", day.year(), day.format("%Y/%m/%d")));
    }
    ris.push_str(&format!("ET  - {version}\nUR  - {url}\nLA  - {}\nER  - \n", config.language));

    let mut csl = json!({
        "id": key,
        "type": "webpage",
        "title": title,
        "container-title": config.title,
        "URL": url,
        "version": version,
        "language": config.language,
    });
    if !config.editors.is_empty() {
        csl["editor"] = json!(config.editors.iter().map(|e| json!({ "literal": e })).collect::<Vec<_>>());
    }
    if let Some(day) = updated {
        csl["issued"] = json!({ "date-parts": [[day.year(), day.month(), day.day()]] });
    }
    let csl = format!("{}\n", serde_json::to_string_pretty(&json!([csl])).unwrap_or_default());

    let file = key.clone();
    let formats = vec![
        format("BibTeX", bibtex, "bib", "application/x-bibtex", &file),
        format("RIS", ris, "ris", "application/x-research-info-systems", &file),
        format("CSL-JSON", csl, "json", "application/vnd.citationstyles.csl+json", &file),
    ];
    Cite { text, formats, meta: meta(title, &url, chronicle), json_ld: json_ld(page, title, &url, chronicle) }
}

fn format(name: &'static str, text: String, extension: &str, mime: &'static str, file: &str) -> Format {
    Format { name, text, filename: format!("{file}.{extension}"), mime }
}

fn meta(title: &str, url: &str, chronicle: &Chronicle) -> Vec<Meta> {
    let config = &chronicle.config;
    let mut meta = vec![
        Meta { name: "citation_title", content: title.to_string() },
        Meta { name: "citation_journal_title", content: config.title.clone() },
    ];
    for editor in &config.editors {
        meta.push(Meta { name: "citation_author", content: editor.clone() });
    }
    if let Some(day) = config.updated {
        meta.push(Meta { name: "citation_publication_date", content: day.format("%Y/%m/%d").to_string() });
    }
    meta.push(Meta { name: "citation_public_url", content: url.to_string() });
    meta.push(Meta { name: "citation_language", content: config.language.clone() });
    meta.push(Meta { name: "DC.title", content: title.to_string() });
    for editor in &config.editors {
        meta.push(Meta { name: "DC.creator", content: editor.clone() });
    }
    if let Some(day) = config.updated {
        meta.push(Meta { name: "DC.date", content: day.to_string() });
    }
    meta.push(Meta { name: "DC.identifier", content: url.to_string() });
    meta.push(Meta { name: "DC.language", content: config.language.clone() });
    meta.push(Meta { name: "DC.type", content: "Text".to_string() });
    meta.push(Meta { name: "DC.relation.ispartof", content: config.title.clone() });
    meta
}

/// schema.org JSON-LD: an Event, a Place, a Person or Organization, else an Article.
fn json_ld(page: &Page, title: &str, url: &str, chronicle: &Chronicle) -> String {
    let config = &chronicle.config;
    let website = json!({ "@type": "WebSite", "name": config.title, "url": config.base_url });
    let mut value: Value = match page {
        Page::Event(id) => match chronicle.event(id) {
            Some(event) => {
                let places: Vec<Value> = event
                    .places
                    .iter()
                    .filter_map(|p| chronicle.places.get(p))
                    .map(|p| json!({ "@type": "Place", "name": p.name }))
                    .collect();
                let mut value = json!({ "@type": "Event", "name": event.title, "location": places });
                if let (Some(first), Some(last)) = (event.when.first_day(), event.when.last_day()) {
                    value["startDate"] = json!(first.to_string());
                    value["endDate"] = json!(last.to_string());
                }
                value
            }
            None => json!({ "@type": "Event", "name": title }),
        },
        Page::Place(id) => {
            let mut value = json!({ "@type": "Place", "name": title });
            if let Some(place) = chronicle.places.get(id) {
                value["alternateName"] = json!(place.aliases);
                if let Some(c) = &place.coordinates {
                    value["geo"] =
                        json!({ "@type": "GeoCoordinates", "latitude": c.lat, "longitude": c.lon });
                }
            }
            value
        }
        Page::Actor(id) => match chronicle.actors.get(id) {
            Some(actor) => {
                let kind = if actor.kind == ActorKind::Person { "Person" } else { "Organization" };
                json!({ "@type": kind, "name": actor.name, "alternateName": actor.aliases })
            }
            None => json!({ "@type": "Thing", "name": title }),
        },
        _ => {
            json!({ "@type": "Article", "headline": title, "inLanguage": config.language, "version": chronicle.version })
        }
    };
    value["@context"] = json!("https://schema.org");
    value["url"] = json!(url);
    value["isPartOf"] = website;
    if let Some(day) = config.updated {
        value["dateModified"] = json!(day.to_string());
    }
    // `</` would end the script element that holds the JSON.
    serde_json::to_string(&value).unwrap_or_default().replace("</", "<\\/")
}
