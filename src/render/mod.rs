//! Renders the resolved chronicle to files, as data: every page through its tera
//! template, then the files around them (redirects, sitemap, feed, data exports, search
//! index) and the theme's static files. Touches no disk.

mod cite;
mod data;
mod figures;
mod highlight;
pub mod i18n;
pub mod links;
mod pages;
mod search;
mod site_files;
mod source_text;
pub mod text;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::interface::Interface;
use crate::load::Theme;
use crate::model::Chronicle;
use crate::write::OutputFile;
use links::Page;
use pages::PageView;
use serde::Serialize;
use std::error::Error as _;
use tera::Tera;

#[derive(Serialize)]
struct Site<'a> {
    title: &'a str,
    description: &'a str,
    language: &'a str,
    base_url: &'a str,
}

#[derive(Serialize)]
struct Nav {
    index: String,
    first_day: String,
    actors: String,
    places: String,
    sources: String,
    comparisons: String,
}

/// Every page of the site, in a fixed order.
fn page_views(chronicle: &Chronicle) -> Vec<PageView> {
    let mut views = vec![pages::index(chronicle)];
    views.extend(chronicle.days().map(|day| pages::day(chronicle, day)));
    views.extend(chronicle.events.iter().map(|e| pages::event(chronicle, e)));
    views.push(pages::actors(chronicle));
    views.extend(chronicle.actors.values().map(|a| pages::actor(chronicle, a)));
    views.push(pages::places(chronicle));
    views.extend(chronicle.places.values().map(|p| pages::place(chronicle, p)));
    views.push(pages::sources(chronicle));
    views.extend(chronicle.sources.values().map(|s| pages::source(chronicle, s)));
    views.push(pages::comparisons(chronicle));
    views.extend(chronicle.comparisons.values().map(|c| pages::comparison(chronicle, c)));
    views.push(pages::not_found(chronicle));
    views
}

pub fn render(
    chronicle: &Chronicle,
    theme: &Theme,
    diagnostics: &mut Diagnostics,
) -> Option<Vec<OutputFile>> {
    let tera = templates(theme, &chronicle.interface, diagnostics)?;
    let config = &chronicle.config;
    let site = Site {
        title: &config.title,
        description: &config.description,
        language: &config.language,
        base_url: &config.base_url,
    };
    let mut files = Vec::new();
    let mut pages = Vec::new();
    for view in page_views(chronicle) {
        let page = view.page.clone();
        // The 404 page is served at any depth, so its links are absolute.
        let link = |to: &Page| {
            if page == Page::NotFound {
                to.absolute(&config.base_url)
            } else {
                page.href(to, None)
            }
        };
        let nav = Nav {
            index: link(&Page::Index),
            first_day: link(&Page::Day(config.start)),
            actors: link(&Page::Actors),
            places: link(&Page::Places),
            sources: link(&Page::Sources),
            comparisons: link(&Page::Comparisons),
        };
        let root = if page == Page::NotFound { config.base_url.as_str() } else { page.root() };
        let mut context = view.context;
        context.insert("site", &site);
        context.insert("nav", &nav);
        context.insert("root", root);
        context.insert("page_title", &view.title);
        context.insert("canonical", &page.absolute(&config.base_url));
        if page != Page::NotFound {
            context.insert("cite", &cite::cite(&page, &view.title, chronicle));
        }
        match tera.render(view.template, &context) {
            Ok(html) => files.push(OutputFile { path: page.path(), bytes: html.into_bytes() }),
            Err(error) => diagnostics.push(template_error(view.template, &error)),
        }
        pages.push(page);
    }
    files.extend(site_files::redirects(chronicle, &config.language));
    files.push(site_files::sitemap(&pages, &config.base_url));
    files.push(site_files::robots(&config.base_url));
    files.push(site_files::atom(chronicle));
    files.extend(data::exports(chronicle));
    files.push(search::index(chronicle));
    for (path, bytes) in &theme.static_files {
        files.push(OutputFile { path: path.clone(), bytes: bytes.clone() });
    }
    (!diagnostics.has_errors()).then_some(files)
}

fn templates(theme: &Theme, interface: &Interface, diagnostics: &mut Diagnostics) -> Option<Tera> {
    let mut tera = Tera::default();
    tera.register_function("t", i18n::tera_function(interface.clone()));
    tera.autoescape_on(vec![".html"]);
    // Tera's default also escapes `/`, which is valid but makes every URL unreadable.
    tera.set_escape_fn(highlight::escape);
    let list: Vec<(&str, &str)> =
        theme.templates.iter().map(|t| (t.path.as_str(), t.text.as_str())).collect();
    if let Err(error) = tera.add_raw_templates(list) {
        diagnostics.push(template_error("the theme", &error));
        return None;
    }
    Some(tera)
}

/// A template error with its whole cause chain: tera puts the useful part last.
fn template_error(template: &str, error: &tera::Error) -> Diagnostic {
    let mut message = error.to_string();
    let mut cause = error.source();
    while let Some(inner) = cause {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        cause = inner.source();
    }
    Diagnostic::error(format!("template {template}: {message}"))
        .help("fix the theme's template; `annalist check` does not run templates, `build` does")
}
