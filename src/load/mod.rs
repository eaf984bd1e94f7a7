//! Reads a chronicle from disk: `chronicle.toml`, the content tree, the seeds and the
//! theme. Knows nothing of HTML and checks nothing across files; it only parses each
//! file into its front matter struct and reports what cannot be parsed.

pub mod front;
pub mod interface;
pub mod outline;
mod theme;

use crate::config::{self, Config};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceText};
use crate::model::{is_valid_id, slugify, RESERVED_IDS};
use front::*;
use interface::Interface;
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
pub use theme::Theme;
use walkdir::WalkDir;

/// One content file: its id (the file stem), the parsed front matter and the body.
#[derive(Debug)]
pub struct Doc<F> {
    pub id: String,
    pub file: SourceText,
    pub front: F,
    /// Where the front matter's TOML starts in the file, to place its spans.
    front_offset: usize,
    /// Where the body starts in the file: it runs to the end.
    pub body_offset: usize,
}

impl<F> Doc<F> {
    /// A span of the front matter, as a span of the file.
    pub fn front_span(&self, span: Range<usize>) -> Range<usize> {
        span.start + self.front_offset..span.end + self.front_offset
    }

    /// The Markdown body, after the front matter.
    pub fn body(&self) -> &str {
        &self.file.text[self.body_offset..]
    }

    pub fn error_at(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(message).at(&self.file, self.front_span(span))
    }
}

/// Everything read from disk, parsed file by file.
#[derive(Debug)]
pub struct Loaded {
    pub root: PathBuf,
    pub config: Config,
    pub theme: Theme,
    /// The theme's interface text in the chronicle's language.
    pub interface: Interface,
    /// The map's outline, when `[map]` names one.
    pub outline: Option<outline::Outline>,
    pub content: Content,
}

/// The chronicle's own files: content and seeds, parsed file by file, for `resolve`.
#[derive(Debug)]
pub struct Content {
    pub config_file: SourceText,
    /// Keyed by the path written in a source's `seed`, e.g. `seeds/000_x.txt`.
    pub seeds: BTreeMap<String, SourceText>,
    pub sources: Vec<Doc<SourceFront>>,
    pub events: Vec<Doc<EventFront>>,
    pub actors: Vec<Doc<ActorFront>>,
    pub places: Vec<Doc<PlaceFront>>,
    pub comparisons: Vec<Doc<ComparisonFront>>,
    pub days: Vec<Doc<NoteFront>>,
    /// Pages of the editor's own, from `content/pages/`.
    pub articles: Vec<Doc<ArticleFront>>,
    pub intro: Option<Doc<NoteFront>>,
    /// Every id that has a file, by content folder, including files that failed to
    /// parse: references to them are not reported again as unknown.
    pub ids: BTreeMap<&'static str, BTreeSet<String>>,
    /// Seed files that exist but could not be read (already reported).
    pub unreadable_seeds: BTreeSet<String>,
}

impl Content {
    /// A short fingerprint of everything the chronicle says (config, content, seeds): the
    /// version under which pages are cited. It changes when and only when the content
    /// does, so rebuilding unchanged content gives the same version. XXH3 over every
    /// file, in a fixed order.
    pub fn fingerprint(&self) -> String {
        fingerprint(&self.config_file, self)
    }
}

fn fingerprint(config_file: &SourceText, content: &Content) -> String {
    // XXH3 is specified, so the same content has the same fingerprint on every machine
    // and in every version; each piece ends with a 0 byte so that pieces cannot run into
    // each other.
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut feed = |bytes: &[u8]| {
        hasher.update(bytes);
        hasher.update(&[0]);
    };
    feed(config_file.text.as_bytes());
    for (path, seed) in &content.seeds {
        feed(path.as_bytes());
        feed(seed.text.as_bytes());
    }
    let docs = content.sources.iter().map(|d| &d.file).chain(content.events.iter().map(|d| &d.file));
    let docs =
        docs.chain(content.actors.iter().map(|d| &d.file)).chain(content.places.iter().map(|d| &d.file));
    let docs =
        docs.chain(content.comparisons.iter().map(|d| &d.file)).chain(content.days.iter().map(|d| &d.file));
    let docs = docs.chain(content.articles.iter().map(|d| &d.file));
    for file in docs.chain(content.intro.iter().map(|d| &d.file)) {
        feed(file.path.as_bytes());
        feed(file.text.as_bytes());
    }
    format!("{:010x}", hasher.digest() >> 24)
}

/// Reads the chronicle at `root`. Returns `None` only when nothing useful can follow
/// (no readable config); every problem goes to `diagnostics`.
pub fn load(root: &Path, base_url: Option<&str>, diagnostics: &mut Diagnostics) -> Option<Loaded> {
    let config_file = read_text(root, Path::new("chronicle.toml"), diagnostics)?;
    let mut config = config::parse(&config_file, diagnostics)?;
    if let Some(url) = base_url {
        config.base_url = config::normalize_base_url(url);
    }
    let theme = Theme::load(root, &config.theme, diagnostics).unwrap_or_default();
    let interface =
        interface::select(&theme.interfaces, &config.language, diagnostics).unwrap_or_else(|| {
            diagnostics.push(
                Diagnostic::error("the theme has no interface text").in_file(&config_file).help(format!(
                    "add the theme's i18n/{}.toml (see the default theme's)",
                    interface::FALLBACK
                )),
            );
            Interface::default()
        });
    let outline = config.map.as_ref().and_then(|map| {
        let file = read_text(root, Path::new(&map.outline), diagnostics)?;
        outline::parse(&file, diagnostics)
    });
    let content_dir = root.join("content");
    if !content_dir.is_dir() {
        diagnostics.push(Diagnostic::error(format!("no content folder at {}", content_dir.display())).help(
            "create `content/` with `sources/`, `events/`, `actors/`, `places/`, `compare/` and `days/`",
        ));
    }
    let intro_path = Path::new("content/index.md");
    let intro = root
        .join(intro_path)
        .is_file()
        .then(|| read_text(root, intro_path, diagnostics))
        .flatten()
        .and_then(|file| parse_doc("index".to_string(), file, diagnostics));
    let mut ids = BTreeMap::new();
    let (seeds, unreadable_seeds) = load_seeds(root, diagnostics);
    let content = Content {
        config_file,
        seeds,
        unreadable_seeds,
        sources: load_kind(root, "sources", &mut ids, diagnostics),
        events: load_kind(root, "events", &mut ids, diagnostics),
        actors: load_kind(root, "actors", &mut ids, diagnostics),
        places: load_kind(root, "places", &mut ids, diagnostics),
        comparisons: load_kind(root, "compare", &mut ids, diagnostics),
        days: load_kind(root, "days", &mut ids, diagnostics),
        articles: load_kind(root, "pages", &mut ids, diagnostics),
        ids,
        intro,
    };
    Some(Loaded { root: root.to_path_buf(), config, theme, interface, outline, content })
}

/// Every `.md` file under `content/<folder>/`, in path order, parsed as `F`. Files are
/// read and parsed in parallel; their diagnostics are reported in path order.
fn load_kind<F: DeserializeOwned + Send>(
    root: &Path,
    folder: &'static str,
    ids: &mut BTreeMap<&'static str, BTreeSet<String>>,
    diagnostics: &mut Diagnostics,
) -> Vec<Doc<F>> {
    let dir = root.join("content").join(folder);
    let mut markdown = Vec::new();
    for path in files_under(&dir, diagnostics) {
        let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
        if path.extension().is_none_or(|e| e != "md") {
            diagnostics.push(
                Diagnostic::warning(format!("{} is not a Markdown file and is ignored", display(&relative)))
                    .help("content files end in `.md`"),
            );
            continue;
        }
        let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        markdown.push((id, relative));
    }
    let read: Vec<(String, Option<SourceText>, Diagnostics)> = markdown
        .into_par_iter()
        .map(|(id, relative)| {
            let mut found = Diagnostics::default();
            let file = read_text(root, &relative, &mut found);
            (id, file, found)
        })
        .collect();
    let mut accepted = Vec::new();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for (id, file, found) in read {
        diagnostics.extend(found);
        let Some(file) = file else { continue };
        if RESERVED_IDS.contains(&id.as_str()) {
            diagnostics.push(
                Diagnostic::error(format!("`{id}` cannot be the id of a content file"))
                    .in_file(&file)
                    .help(format!("`{id}` names the page that lists the folder's pages: rename the file")),
            );
            continue;
        }
        if !is_valid_id(&id) && folder != "days" {
            diagnostics.push(Diagnostic::error(format!("`{id}` is not a valid id")).in_file(&file).help(
                format!(
                    "ids are lowercase letters, digits and hyphens, as in `{}`: rename the file",
                    slugify(&id)
                ),
            ));
            continue;
        }
        if let Some(first) = seen.get(&id) {
            diagnostics.push(
                Diagnostic::error(format!("duplicate id `{id}` in content/{folder}"))
                    .in_file(&file)
                    .help(format!("{first} has the same id (file stem): rename one of them")),
            );
            continue;
        }
        seen.insert(id.clone(), file.path.clone());
        ids.entry(folder).or_default().insert(id.clone());
        accepted.push((id, file));
    }
    let parsed: Vec<(Option<Doc<F>>, Diagnostics)> = accepted
        .into_par_iter()
        .map(|(id, file)| {
            let mut found = Diagnostics::default();
            (parse_doc(id, file, &mut found), found)
        })
        .collect();
    let mut docs = Vec::with_capacity(parsed.len());
    for (doc, found) in parsed {
        diagnostics.extend(found);
        docs.extend(doc);
    }
    docs
}

/// Splits front matter from body and parses the front matter.
fn parse_doc<F: DeserializeOwned>(
    id: String,
    file: SourceText,
    diagnostics: &mut Diagnostics,
) -> Option<Doc<F>> {
    let Some((front, body)) = split_front_matter(&file.text) else {
        diagnostics.push(
            Diagnostic::error("front matter is not closed")
                .at(&file, 0..3)
                .help("end the front matter with a line holding only `+++`, before the body"),
        );
        return None;
    };
    match toml::from_str::<F>(&file.text[front.clone()]) {
        Ok(parsed) => {
            Some(Doc { id, front: parsed, front_offset: front.start, body_offset: body.start, file })
        }
        Err(error) => {
            diagnostics.push(config::toml_error(&error, &file, front.start));
            None
        }
    }
}

/// The byte ranges of the TOML front matter (between `+++` lines) and of the body.
/// A file that does not start with `+++` has empty front matter; `None` when the
/// closing `+++` is missing.
fn split_front_matter(text: &str) -> Option<(Range<usize>, Range<usize>)> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let first_line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    if text[start..first_line_end].trim_end() != "+++" {
        return Some((start..start, start..text.len()));
    }
    let front_start = (first_line_end + 1).min(text.len());
    let mut line_start = front_start;
    while line_start < text.len() {
        let line_end = text[line_start..].find('\n').map_or(text.len(), |i| line_start + i);
        if text[line_start..line_end].trim_end() == "+++" {
            let body_start = (line_end + 1).min(text.len());
            return Some((front_start..line_start, body_start..text.len()));
        }
        line_start = line_end + 1;
    }
    None
}

/// Every seed file, keyed by its path relative to the root (`seeds/<name>`), and the
/// paths of those that could not be read.
fn load_seeds(
    root: &Path,
    diagnostics: &mut Diagnostics,
) -> (BTreeMap<String, SourceText>, BTreeSet<String>) {
    let mut seeds = BTreeMap::new();
    let mut unreadable = BTreeSet::new();
    for path in files_under(&root.join("seeds"), diagnostics) {
        let relative = path.strip_prefix(root).unwrap_or(&path);
        match read_text(root, relative, diagnostics) {
            Some(file) => {
                seeds.insert(display(relative), file);
            }
            None => {
                unreadable.insert(display(relative));
            }
        }
    }
    (seeds, unreadable)
}

/// The files under `dir`, sorted by path; nothing when `dir` does not exist.
fn files_under(dir: &Path, diagnostics: &mut Diagnostics) -> Vec<PathBuf> {
    if !dir.exists() {
        return Vec::new();
    }
    let mut files = Vec::new();
    for entry in WalkDir::new(dir).sort_by_file_name() {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let hidden = entry.file_name().to_string_lossy().starts_with('.');
                if !hidden {
                    files.push(entry.into_path());
                }
            }
            Ok(_) => {}
            Err(error) => {
                diagnostics.push(Diagnostic::error(format!("cannot read {}: {error}", dir.display())))
            }
        }
    }
    files
}

/// Reads a UTF-8 text file; reports a missing, unreadable or non-UTF-8 file.
pub fn read_text(root: &Path, relative: &Path, diagnostics: &mut Diagnostics) -> Option<SourceText> {
    let shown = display(relative);
    let bytes = match std::fs::read(root.join(relative)) {
        Ok(bytes) => bytes,
        Err(error) => {
            diagnostics.push(
                Diagnostic::error(format!("cannot read {shown}: {error}"))
                    .help("check that the file exists and is readable"),
            );
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => Some(SourceText::new(shown, text)),
        Err(error) => {
            let valid = error.utf8_error().valid_up_to();
            let bytes = error.into_bytes();
            let before = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let file = SourceText::new(shown.clone(), before);
            diagnostics.push(
                Diagnostic::error(format!("{shown} is not valid UTF-8 (byte {valid})"))
                    .at(&file, valid..valid)
                    .help("convert the file to UTF-8, e.g. `iconv -f latin1 -t utf-8`"),
            );
            None
        }
    }
}

/// A relative path as shown to users and used as a key: `/`-separated.
fn display(path: &Path) -> String {
    path.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}
