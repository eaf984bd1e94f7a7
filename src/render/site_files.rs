//! The files around the pages: redirects left by former ids, `sitemap.xml`,
//! `robots.txt` and the Atom feed of events. Absolute URLs all come from `base_url`.

use super::highlight::escape;
use super::links::{own_page, Page};
use super::text::plain_text;
use crate::model::Chronicle;
use crate::write::OutputFile;

/// A page at each former id's URL that sends the reader on to the current one.
pub fn redirects(chronicle: &Chronicle, language: &str) -> Vec<OutputFile> {
    let base = &chronicle.config.base_url;
    chronicle
        .redirects
        .iter()
        .map(|redirect| {
            let from = own_page(&redirect.from);
            let to = own_page(&redirect.to);
            let href = escape(&from.href(&to, None));
            let moved = escape(&chronicle.interface.text("moved"));
            let moved_to = escape(&chronicle.interface.text("moved_to"));
            let html = format!(
                "<!DOCTYPE html>\n<html lang=\"{language}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{moved}</title>\n\
                 <link rel=\"canonical\" href=\"{}\">\n<meta name=\"robots\" content=\"noindex\">\n\
                 <meta http-equiv=\"refresh\" content=\"0; url={href}\">\n</head>\n<body>\n\
                 <p>{moved_to} <a href=\"{href}\">{}</a>.</p>\n</body>\n</html>\n",
                escape(&to.absolute(base)),
                escape(&to.absolute(base)),
            );
            OutputFile { path: from.path(), bytes: html.into_bytes() }
        })
        .collect()
}

pub fn sitemap(pages: &[Page], base_url: &str) -> OutputFile {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for page in pages.iter().filter(|p| **p != Page::NotFound) {
        xml.push_str(&format!("  <url><loc>{}</loc></url>\n", escape(&page.absolute(base_url))));
    }
    xml.push_str("</urlset>\n");
    OutputFile { path: "sitemap.xml".to_string(), bytes: xml.into_bytes() }
}

pub fn robots(base_url: &str) -> OutputFile {
    let text = format!("User-agent: *\nAllow: /\n\nSitemap: {base_url}sitemap.xml\n");
    OutputFile { path: "robots.txt".to_string(), bytes: text.into_bytes() }
}

/// An Atom feed with one entry per event. Dates come from the events themselves, never
/// from the clock, so the feed is the same at every build.
pub fn atom(chronicle: &Chronicle) -> OutputFile {
    let config = &chronicle.config;
    let base = &config.base_url;
    let stamp = |day: Option<chrono::NaiveDate>| day.map(|d| format!("{d}T00:00:00Z"));
    let updated = stamp(chronicle.events.iter().filter_map(|e| e.when.last_day()).max())
        .unwrap_or_else(|| format!("{}T00:00:00Z", config.end));
    let author = if config.editors.is_empty() { config.title.clone() } else { config.editors.join(", ") };
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        escape(&config.language)
    ));
    xml.push_str(&format!("  <title>{}</title>\n", escape(&config.title)));
    xml.push_str(&format!("  <id>{}</id>\n", escape(base)));
    xml.push_str(&format!("  <link rel=\"self\" href=\"{}feed.xml\"/>\n", escape(base)));
    xml.push_str(&format!("  <link href=\"{}\"/>\n", escape(base)));
    xml.push_str(&format!("  <updated>{updated}</updated>\n"));
    xml.push_str(&format!("  <author><name>{}</name></author>\n", escape(&author)));
    for event in &chronicle.events {
        let url = Page::Event(event.id.clone()).absolute(base);
        let when = stamp(event.when.first_day()).unwrap_or_else(|| updated.clone());
        xml.push_str("  <entry>\n");
        xml.push_str(&format!("    <title>{}</title>\n", escape(&event.title)));
        xml.push_str(&format!("    <id>{}</id>\n", escape(&url)));
        xml.push_str(&format!("    <link href=\"{}\"/>\n", escape(&url)));
        xml.push_str(&format!("    <updated>{when}</updated>\n"));
        xml.push_str(&format!("    <summary>{}</summary>\n", escape(&plain_text(&event.text.markdown))));
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    OutputFile { path: "feed.xml".to_string(), bytes: xml.into_bytes() }
}
