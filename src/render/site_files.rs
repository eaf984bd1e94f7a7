//! The files around the pages: redirects left by former ids, `sitemap.xml`, `robots.txt`
//! and the Atom feed of events and corrections. Absolute URLs all come from `base_url`.

use super::context::RenderContext;
use super::links::{own_page, Page};
use crate::model::{Event, When};
use crate::text::escape::html as escape;
use crate::write::Sink;
use std::fmt::Write as _;
use std::io;

/// The most URLs one sitemap file may list (sitemaps.org); more go to several files
/// under a sitemap index.
const URLS_PER_SITEMAP: usize = 50_000;
/// How many events the feed carries: those updated last.
const FEED_ENTRIES: usize = 100;

/// A page at each former id's URL that sends the reader on to the current one.
pub fn redirects(ctx: &RenderContext, sink: &dyn Sink) -> io::Result<()> {
    let chronicle = ctx.chronicle;
    let base = &chronicle.config.base_url;
    let language = escape(&chronicle.config.language);
    let moved = escape(&ctx.text("moved"));
    let moved_to = escape(&ctx.text("moved_to"));
    for redirect in &chronicle.redirects {
        let from = own_page(&redirect.from);
        let to = own_page(&redirect.to);
        let href = escape(&from.href(&to, None));
        let absolute = escape(&to.absolute(base));
        let html = format!(
            "<!DOCTYPE html>\n<html lang=\"{language}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{moved}</title>\n\
             <link rel=\"canonical\" href=\"{absolute}\">\n<meta name=\"robots\" content=\"noindex\">\n\
             <meta http-equiv=\"refresh\" content=\"0; url={href}\">\n</head>\n<body>\n\
             <p>{moved_to} <a href=\"{href}\">{absolute}</a>.</p>\n</body>\n</html>\n",
        );
        sink.write(&from.path(), html.as_bytes())?;
    }
    Ok(())
}

/// `sitemap.xml`: every page but the 404 page; a sitemap index over several files when
/// there are more pages than one sitemap may list.
pub fn sitemap(pages: &[Page], base_url: &str, sink: &dyn Sink) -> io::Result<()> {
    let urls: Vec<String> =
        pages.iter().filter(|p| **p != Page::NotFound).map(|p| escape(&p.absolute(base_url))).collect();
    let urlset = |urls: &[String]| {
        let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for url in urls {
            let _ = writeln!(xml, "  <url><loc>{url}</loc></url>");
        }
        xml.push_str("</urlset>\n");
        xml
    };
    if urls.len() <= URLS_PER_SITEMAP {
        return sink.write("sitemap.xml", urlset(&urls).as_bytes());
    }
    let mut index = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    index.push_str("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (i, part) in urls.chunks(URLS_PER_SITEMAP).enumerate() {
        let name = format!("sitemap-{}.xml", i + 1);
        sink.write(&name, urlset(part).as_bytes())?;
        let _ = writeln!(index, "  <sitemap><loc>{}</loc></sitemap>", escape(&format!("{base_url}{name}")));
    }
    index.push_str("</sitemapindex>\n");
    sink.write("sitemap.xml", index.as_bytes())
}

pub fn robots(base_url: &str, sink: &dyn Sink) -> io::Result<()> {
    let text = format!("User-agent: *\nAllow: /\n\nSitemap: {base_url}sitemap.xml\n");
    sink.write("robots.txt", text.as_bytes())
}

/// An Atom feed of the `FEED_ENTRIES` events updated last, and of the corrections. An
/// event's entry is updated on its date, or on the day of its last correction, which the
/// entry then states, so that a subscriber sees a correction as news. Dates come from the
/// content, never from the clock, so the feed is the same at every build.
pub fn atom(ctx: &RenderContext, sink: &dyn Sink) -> io::Result<()> {
    let chronicle = ctx.chronicle;
    let config = &chronicle.config;
    let base = &config.base_url;
    let stamp = |day: chrono::NaiveDate| format!("{day}T00:00:00Z");
    let updated_on = |event: &Event| {
        let corrected = event.text.corrections.last().map(|c| c.date);
        corrected.into_iter().chain(event.when.first_day()).max()
    };
    let latest_correction = chronicle.corrections.first().map(|c| c.date);
    let updated = chronicle
        .events
        .iter()
        .filter_map(|e| e.when.last_day())
        .chain(latest_correction)
        .max()
        .unwrap_or(config.end);
    let updated = stamp(updated);
    let author = if config.editors.is_empty() { config.title.clone() } else { config.editors.join(", ") };
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = writeln!(
        xml,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
        escape(&config.language)
    );
    let _ = writeln!(xml, "  <title>{}</title>", escape(&config.title));
    let _ = writeln!(xml, "  <id>{}</id>", escape(base));
    let _ = writeln!(xml, "  <link rel=\"self\" href=\"{}feed.xml\"/>", escape(base));
    let _ = writeln!(xml, "  <link href=\"{}\"/>", escape(base));
    let _ = writeln!(xml, "  <updated>{updated}</updated>");
    let _ = writeln!(xml, "  <author><name>{}</name></author>", escape(&author));
    if let Some(date) = latest_correction {
        let url = Page::Corrections.absolute(base);
        let title = ctx.text("corrections");
        xml.push_str("  <entry>\n");
        let _ = writeln!(xml, "    <title>{}</title>", escape(&title));
        let _ = writeln!(xml, "    <id>{}</id>", escape(&url));
        let _ = writeln!(xml, "    <link href=\"{}\"/>", escape(&url));
        let _ = writeln!(xml, "    <updated>{}</updated>", stamp(date));
        let _ = writeln!(xml, "    <summary>{}</summary>", escape(&ctx.text("corrections_intro")));
        xml.push_str("  </entry>\n");
    }
    // The events updated last, in the chronicle's order among equals: a stable sort of
    // their positions, newest first.
    let mut latest: Vec<(Option<chrono::NaiveDate>, usize)> =
        chronicle.events.iter().enumerate().map(|(ix, e)| (updated_on(e), ix)).collect();
    latest.sort_by(|a, b| b.cmp(a));
    latest.truncate(FEED_ENTRIES);
    for (on, ix) in latest {
        let event = &chronicle.events[ix];
        let url = Page::Event(event.id.clone()).absolute(base);
        let when = on.map(stamp).unwrap_or_else(|| updated.clone());
        xml.push_str("  <entry>\n");
        let _ = writeln!(xml, "    <title>{}</title>", escape(&event.title));
        let _ = writeln!(xml, "    <id>{}</id>", escape(&url));
        let _ = writeln!(xml, "    <link href=\"{}\"/>", escape(&url));
        let _ = writeln!(xml, "    <updated>{when}</updated>");
        let mut summary = event.text.body.plain.clone();
        for correction in event.text.corrections.iter().rev() {
            let date = crate::render::i18n::when(&When::Day(correction.date), ctx.words);
            let corrected = crate::load::interface::fill(&ctx.text("corrected_on"), &[("date", &date)]);
            let _ = write!(
                summary,
                "\n\n{corrected}. {} {} {} {}",
                ctx.text("correction_was"),
                correction.was,
                ctx.text("correction_now"),
                correction.now
            );
        }
        let _ = writeln!(xml, "    <summary>{}</summary>", escape(&summary));
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    sink.write("feed.xml", xml.as_bytes())
}
