//! annalist builds an annotated chronicle into a static website.
//!
//! The pipeline is four stages, each taking the previous one's value:
//! `load` (files → parsed front matter) → `resolve` (→ checked `model::Chronicle`)
//! → `render` (→ each file, as it is made) → `write` (→ `public/`, atomically).

pub mod config;
pub mod diagnostics;
pub mod load;
pub mod model;
pub mod render;
pub mod resolve;
pub mod text;
pub mod write;

use diagnostics::Diagnostics;
use std::path::PathBuf;
use std::time::Instant;

/// What a build or check is asked to do.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub root: PathBuf,
    /// Where to write the site; `public/` under the root by default.
    pub output: Option<PathBuf>,
    /// Overrides `base_url` of chronicle.toml.
    pub base_url: Option<String>,
}

/// What a successful build did, for the summary line.
#[derive(Debug, Clone)]
pub struct Summary {
    pub pages: usize,
    pub sources: usize,
    pub events: usize,
    pub quotes: usize,
    pub coverage: model::Coverage,
    pub warnings: usize,
    pub seconds: f64,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} pages, {} sources, {} events, {} quotes verified, {} of {} seed paragraphs cited ({:.0}%), {} warnings in {:.2}s",
            self.pages,
            self.sources,
            self.events,
            self.quotes,
            self.coverage.cited,
            self.coverage.paragraphs,
            self.coverage.percent(),
            self.warnings,
            self.seconds
        )
    }
}

/// A chronicle loaded and resolved, with what rendering it needs besides.
struct Resolved {
    chronicle: model::Chronicle,
    theme: load::Theme,
    interface: load::interface::Interface,
    outline: Option<load::outline::Outline>,
}

fn resolve(options: &Options, diagnostics: &mut Diagnostics) -> Option<Resolved> {
    let loaded = load::load(&options.root, options.base_url.as_deref(), diagnostics)?;
    let load::Loaded { config, theme, interface, outline, version, content, .. } = loaded;
    let chronicle = resolve::resolve(content, &config, version, diagnostics);
    (!diagnostics.has_errors()).then_some(Resolved { chronicle, theme, interface, outline })
}

/// Loads, resolves and renders the chronicle, writing nothing; `None` if there were
/// errors. Rendering here finds template errors before a build does.
pub fn check(options: &Options, diagnostics: &mut Diagnostics) -> Option<model::Chronicle> {
    let resolved = resolve(options, diagnostics)?;
    let outline = resolved.outline.as_ref();
    let ctx = render::context::RenderContext::new(
        &resolved.chronicle,
        &resolved.theme,
        &resolved.interface,
        outline,
        diagnostics,
    )?;
    render::render(&ctx, &write::Discard, diagnostics)?;
    drop(ctx);
    Some(resolved.chronicle)
}

/// Builds the site. On any error nothing is written and the previous output stays.
pub fn build(options: &Options, diagnostics: &mut Diagnostics) -> Option<Summary> {
    let started = Instant::now();
    let resolved = resolve(options, diagnostics)?;
    let chronicle = &resolved.chronicle;
    let outline = resolved.outline.as_ref();
    let ctx = render::context::RenderContext::new(
        chronicle,
        &resolved.theme,
        &resolved.interface,
        outline,
        diagnostics,
    )?;
    let sink = write::Collect::default();
    let rendered = render::render(&ctx, &sink, diagnostics)?;
    let files = sink.0.into_inner().unwrap_or_default();
    let output = output_dir(options);
    if let Err(error) = write::write_site(&output, &files) {
        diagnostics.push(
            diagnostics::Diagnostic::error(format!("cannot write {}: {error}", output.display()))
                .help("check that the output folder's parent exists and is writable"),
        );
        return None;
    }
    Some(Summary {
        pages: rendered.pages,
        sources: chronicle.sources.len(),
        events: chronicle.events.len(),
        quotes: chronicle.quotes_verified,
        coverage: chronicle.coverage,
        warnings: diagnostics.warning_count(),
        seconds: started.elapsed().as_secs_f64(),
    })
}

pub fn output_dir(options: &Options) -> PathBuf {
    options.output.clone().unwrap_or_else(|| options.root.join("public"))
}
