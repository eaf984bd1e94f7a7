//! Renders the resolved chronicle, a pure projection of it: every page through its tera
//! template, then the files around them (redirects, sitemap, feed, data exports, search
//! index) and the theme's static files, each handed to a `Sink` as soon as it is made.
//! Pages render in parallel and are not kept, so memory does not grow with their number.
//!
//! Invariants: render never touches the disk (the sink does), never scans a collection
//! to find something by id (the model's indexes and maps answer), and `links` is the
//! only place that makes a URL or an anchor.

pub(crate) mod cite;
pub mod context;
mod data;
mod figures;
pub mod i18n;
pub mod links;
mod notes;
mod previews;
pub mod search;
mod site_files;
mod views;

use crate::diagnostics::Diagnostics;
use crate::write::Sink;
use context::{template_error, RenderContext, TemplateErrors};
use links::Page;
use rayon::prelude::*;
use serde::Serialize;
use std::io;

#[derive(Serialize)]
struct Nav {
    index: String,
    /// The first day (kept for themes that link to it), and the list of days.
    first_day: String,
    days: String,
    actors: String,
    places: String,
    sources: String,
    comparisons: String,
    corrections: String,
    /// The editor's own pages, in id order.
    articles: Vec<views::Link>,
}

/// What a render made.
#[derive(Debug, Clone, Copy, Default)]
pub struct Rendered {
    /// HTML pages, redirects included.
    pub pages: usize,
}

/// Renders every file into `sink`. `None` when a template fails (each failing template
/// is reported once, with its file) or the sink refuses a file.
pub fn render(ctx: &RenderContext, sink: &dyn Sink, diagnostics: &mut Diagnostics) -> Option<Rendered> {
    let pages = views::pages(ctx.chronicle);
    let errors = TemplateErrors::default();
    let (written, others) = rayon::join(
        || pages.par_iter().try_for_each(|page| render_page(ctx, page, sink, &errors)),
        || other_files(ctx, &pages, sink),
    );
    errors.into_diagnostics(diagnostics);
    if let Err(error) = written.and(others) {
        // An interrupted build is reported as such by the caller.
        if error.kind() != io::ErrorKind::Interrupted {
            diagnostics
                .push(crate::diagnostics::Diagnostic::error(format!("cannot write the site: {error}")));
        }
        return None;
    }
    if diagnostics.has_errors() {
        return None;
    }
    Some(Rendered { pages: pages.len() + ctx.chronicle.redirects.len() })
}

fn render_page(ctx: &RenderContext, page: &Page, sink: &dyn Sink, errors: &TemplateErrors) -> io::Result<()> {
    let Some(view) = views::view(ctx, page) else { return Ok(()) };
    let config = &ctx.chronicle.config;
    // The 404 page is served at any depth, so its links are absolute.
    let not_found = *page == Page::NotFound;
    let link = |to: &Page| if not_found { to.absolute(&config.base_url) } else { page.href(to, None) };
    let nav = Nav {
        index: link(&Page::Index),
        first_day: link(&Page::Day(config.start)),
        days: link(&Page::Days),
        actors: link(&Page::Actors),
        places: link(&Page::Places),
        sources: link(&Page::Sources),
        comparisons: link(&Page::Comparisons),
        corrections: link(&Page::Corrections),
        articles: ctx
            .chronicle
            .articles
            .values()
            .map(|a| views::Link { title: a.title.clone(), href: link(&Page::Article(a.id.clone())) })
            .collect(),
    };
    let root = if not_found { config.base_url.clone() } else { page.root() };
    let mut context = view.context;
    context.insert("site", &ctx.site);
    context.insert("nav", &nav);
    context.insert("root", &root);
    context.insert("page_title", &view.title);
    context.insert("canonical", &page.absolute(&config.base_url));
    if !not_found {
        context.insert("cite", &cite::cite(page, &view.cite_title, ctx.chronicle, &ctx.citing));
    }
    // Each thread reuses one buffer; the page is written as bytes, since the templates and
    // everything they are given are already UTF-8.
    PAGE.with_borrow_mut(|html| {
        html.clear();
        match ctx.tera.render_to(view.template, &context, &mut *html) {
            Ok(()) => sink.write(&page.path(), html),
            Err(error) => {
                errors.record(view.template, || {
                    template_error(&ctx.theme.templates_dir, view.template, &error)
                });
                Ok(())
            }
        }
    })
}

thread_local! {
    static PAGE: std::cell::RefCell<Vec<u8>> = std::cell::RefCell::new(Vec::with_capacity(1 << 16));
}

/// Everything but the pages: redirects, sitemap, robots.txt, feed, data, search index
/// and the theme's static files.
fn other_files(ctx: &RenderContext, pages: &[Page], sink: &dyn Sink) -> io::Result<()> {
    let base_url = &ctx.chronicle.config.base_url;
    site_files::redirects(ctx, sink)?;
    site_files::sitemap(pages, base_url, sink)?;
    site_files::robots(base_url, sink)?;
    site_files::atom(ctx, sink)?;
    data::write(ctx.chronicle, sink)?;
    search::write(ctx, sink)?;
    previews::write(ctx, sink)?;
    for (path, bytes) in &ctx.theme.static_files {
        sink.write(path, bytes)?;
    }
    Ok(())
}
