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
use std::path::{Path, PathBuf};
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
            "{} pages, {} sources, {} events, {} quotes verified, {}, {} warnings in {:.2}s",
            self.pages, self.sources, self.events, self.quotes, self.coverage, self.warnings, self.seconds
        )
    }
}

/// A chronicle loaded and resolved, with what rendering it needs besides.
struct Resolved {
    chronicle: model::Chronicle,
    theme: load::Theme,
    interface: load::interface::Interface,
    outline: Option<load::outline::Outline>,
    /// What the build reads, which its output may not replace or delete.
    guard: write::Guard,
}

fn resolve(options: &Options, diagnostics: &mut Diagnostics) -> Option<Resolved> {
    let loaded = load::load(&options.root, options.base_url.as_deref(), diagnostics)?;
    let load::Loaded { config, theme, interface, outline, content, .. } = loaded;
    let guard = write_guard(options, &config);
    let chronicle = resolve::resolve(content, &config, diagnostics);
    (!diagnostics.has_errors()).then_some(Resolved { chronicle, theme, interface, outline, guard })
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
    build_site(options, diagnostics).ok()
}

/// Why a build stopped without replacing its output.
#[derive(Debug)]
pub enum Stopped {
    /// Errors in the chronicle, or writing failed; they are in the diagnostics, and the
    /// output is as it was.
    Errors,
    /// The output would replace or delete the chronicle or something it reads (said in
    /// the diagnostics); nothing was written. A usage error.
    Refused,
    /// A signal stopped the build; the output named here is as it was.
    Interrupted(PathBuf),
    /// The swap failed halfway and the previous site could not be put back; the
    /// diagnostics say where it is.
    OutputMoved,
}

/// Builds the site, saying why it stopped if it did.
pub fn build_site(options: &Options, diagnostics: &mut Diagnostics) -> Result<Summary, Stopped> {
    let started = Instant::now();
    let resolved = resolve(options, diagnostics).ok_or(Stopped::Errors)?;
    let output = output_dir(options);
    let staging =
        write::Staging::begin(&output, &resolved.guard).map_err(|error| stopped(error, diagnostics))?;
    let chronicle = &resolved.chronicle;
    let outline = resolved.outline.as_ref();
    let ctx = render::context::RenderContext::new(
        chronicle,
        &resolved.theme,
        &resolved.interface,
        outline,
        diagnostics,
    )
    .ok_or(Stopped::Errors)?;
    let rendered = render::render(&ctx, &staging, diagnostics);
    let Some(rendered) = rendered else {
        return Err(if write::interrupted() { Stopped::Interrupted(output) } else { Stopped::Errors });
    };
    drop(ctx);
    let committed = staging.commit().map_err(|error| stopped(error, diagnostics))?;
    for leftover in committed.leftovers {
        diagnostics.push(diagnostics::Diagnostic::warning(leftover.message()).help(leftover.help()));
    }
    let summary = Summary {
        pages: rendered.pages,
        sources: chronicle.sources.len(),
        events: chronicle.events.len(),
        quotes: chronicle.quotes_verified,
        coverage: chronicle.coverage,
        warnings: diagnostics.warning_count(),
        seconds: started.elapsed().as_secs_f64(),
    };
    // Freeing a large chronicle takes a while, and nobody waits for it: on a thread of
    // its own, which the command line does not wait for as it exits.
    std::thread::spawn(move || drop(resolved));
    Ok(summary)
}

/// What the build reads, which its output may not replace or delete.
fn write_guard(options: &Options, config: &config::Config) -> write::Guard {
    let root = &options.root;
    let guard = write::Guard::chronicle(root).reading(root.join("themes").join(&config.theme));
    match &config.map {
        Some(map) => {
            let outline = root.join(&map.outline);
            let folder = outline.parent().map(Path::to_path_buf);
            guard.reading(outline).reading(folder.unwrap_or_else(|| root.clone()))
        }
        None => guard,
    }
}

/// A write error as a diagnostic, and what the command line should make of it.
fn stopped(error: write::WriteError, diagnostics: &mut Diagnostics) -> Stopped {
    let stop = match &error {
        write::WriteError::Interrupted { output } => return Stopped::Interrupted(output.clone()),
        write::WriteError::Refused { .. } => Stopped::Refused,
        write::WriteError::Stranded { .. } => Stopped::OutputMoved,
        write::WriteError::Io { .. } => Stopped::Errors,
    };
    diagnostics.push(diagnostics::Diagnostic::error(error.message()).help(error.help()));
    stop
}

pub fn output_dir(options: &Options) -> PathBuf {
    options.output.clone().unwrap_or_else(|| options.root.join("public"))
}
