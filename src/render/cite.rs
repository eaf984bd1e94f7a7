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

/// What the citations of every page share, worked out once per build: each page adds its
/// title, key and address.
pub struct Citing {
    /// The formatted citation before the title ("Editors. “") and after it, up to the URL.
    text_before: String,
    text_after: String,
    /// BibTeX after the title, up to the URL.
    bibtex_after: String,
    /// RIS after the title, up to the URL, and after the URL.
    ris_after: String,
    ris_end: String,
    /// `updated`, as `YYYY/MM/DD` and as `YYYY-MM-DD`.
    dates: Option<(String, String)>,
}

impl Citing {
    pub fn new(chronicle: &Chronicle, words: &Interface) -> Citing {
        let config = &chronicle.config;
        let version = &chronicle.version;
        let updated = config.updated;

        let mut text_before = String::new();
        if !config.editors.is_empty() {
            text_before.push_str(&format!("{}. ", config.editors.join(", ")));
        }
        text_before.push_str(&words.text("quote_open"));
        let (close, within) = (words.text("quote_close"), words.text("cite_in"));
        let mut text_after = format!(".{close} {within} {}, version {version}", config.title);
        if let Some(day) = updated {
            text_after.push_str(&format!(", {}", words.day(day)));
        }
        text_after.push_str(". ");

        let mut bibtex_after = String::new();
        if !config.editors.is_empty() {
            bibtex_after.push_str(&format!("  author = {{{}}},\n", braced(&config.editors.join(" and "))));
        }
        bibtex_after.push_str(&format!("  howpublished = {{{}}},\n", braced(&config.title)));
        if let Some(day) = updated {
            bibtex_after.push_str(&format!("  year = {{{}}},\n  month = {{{}}},\n", day.year(), day.month()));
        }
        bibtex_after.push_str(&format!("  note = {{Version {version}}},\n  url = {{"));

        let mut ris_after = format!("\nT2  - {}\n", config.title);
        for editor in &config.editors {
            ris_after.push_str(&format!("A2  - {editor}\n"));
        }
        if let Some(day) = updated {
            ris_after.push_str(&format!("PY  - {}\nDA  - {}\n", day.year(), day.format("%Y/%m/%d")));
        }
        ris_after.push_str(&format!("ET  - {version}\nUR  - "));
        let ris_end = format!("\nLA  - {}\nER  - \n", config.language);

        Citing {
            text_before,
            text_after,
            bibtex_after,
            ris_after,
            ris_end,
            dates: updated.map(|day| (day.format("%Y/%m/%d").to_string(), day.to_string())),
        }
    }
}

impl Citing {
    /// The formatted citation of the page titled `title` at `url`.
    fn text(&self, title: &str, url: &str) -> String {
        [self.text_before.as_str(), title, &self.text_after, url].concat()
    }
}

fn braced(s: &str) -> String {
    s.replace('{', "\\{").replace('}', "\\}")
}

/// The formatted citation of a page, as a reader pastes it into a text.
pub fn citation(page: &Page, title: &str, chronicle: &Chronicle, citing: &Citing) -> String {
    citing.text(title, &page.absolute(&chronicle.config.base_url))
}

pub fn cite(page: &Page, title: &str, chronicle: &Chronicle, citing: &Citing) -> Cite {
    let config = &chronicle.config;
    let url = page.absolute(&config.base_url);
    let key = slugify(&page.path().replace(".html", ""));
    let text = citing.text(title, &url);
    let bibtex =
        ["@misc{", &key, ",\n  title = {{", &braced(title), "}},\n", &citing.bibtex_after, &url, "}\n}\n"]
            .concat();
    let ris = ["TY  - ELEC\nTI  - ", title, &citing.ris_after, &url, &citing.ris_end].concat();

    let mut csl = json!({
        "id": key,
        "type": "webpage",
        "title": title,
        "container-title": config.title,
        "URL": url,
        "version": chronicle.version,
        "language": config.language,
    });
    if !config.editors.is_empty() {
        csl["editor"] = json!(config.editors.iter().map(|e| json!({ "literal": e })).collect::<Vec<_>>());
    }
    if let Some(day) = config.updated {
        csl["issued"] = json!({ "date-parts": [[day.year(), day.month(), day.day()]] });
    }
    let csl = format!("{}\n", serde_json::to_string_pretty(&json!([csl])).unwrap_or_default());

    let file = key.clone();
    let formats = vec![
        format("BibTeX", bibtex, "bib", "application/x-bibtex", &file),
        format("RIS", ris, "ris", "application/x-research-info-systems", &file),
        format("CSL-JSON", csl, "json", "application/vnd.citationstyles.csl+json", &file),
    ];
    Cite {
        text,
        formats,
        meta: meta(title, &url, chronicle, citing),
        json_ld: json_ld(page, title, &url, chronicle),
    }
}

fn format(name: &'static str, text: String, extension: &str, mime: &'static str, file: &str) -> Format {
    Format { name, text, filename: format!("{file}.{extension}"), mime }
}

fn meta(title: &str, url: &str, chronicle: &Chronicle, citing: &Citing) -> Vec<Meta> {
    let config = &chronicle.config;
    let mut meta = vec![
        Meta { name: "citation_title", content: title.to_string() },
        Meta { name: "citation_journal_title", content: config.title.clone() },
    ];
    for editor in &config.editors {
        meta.push(Meta { name: "citation_author", content: editor.clone() });
    }
    if let Some((slashed, _)) = &citing.dates {
        meta.push(Meta { name: "citation_publication_date", content: slashed.clone() });
    }
    meta.push(Meta { name: "citation_public_url", content: url.to_string() });
    meta.push(Meta { name: "citation_language", content: config.language.clone() });
    meta.push(Meta { name: "DC.title", content: title.to_string() });
    for editor in &config.editors {
        meta.push(Meta { name: "DC.creator", content: editor.clone() });
    }
    if let Some((_, day)) = &citing.dates {
        meta.push(Meta { name: "DC.date", content: day.clone() });
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
