//! The theme: tera templates and static files. A chronicle's own
//! `themes/<name>/{templates,static}` wins; the default theme is also built into the
//! binary, so a chronicle needs no copy of it.

use crate::diagnostics::{Diagnostic, Diagnostics, SourceText};
use std::path::Path;

#[derive(Debug, Default)]
pub struct Theme {
    /// (template name, text), e.g. ("day.html", ...).
    pub templates: Vec<SourceText>,
    /// (path under the output root, bytes), e.g. ("style.css", ...).
    pub static_files: Vec<(String, Vec<u8>)>,
}

macro_rules! builtin {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("../../themes/default/", $name)))),*]
    };
}

/// The default theme's files, relative to `themes/default/`.
pub const BUILTIN: &[(&str, &[u8])] = builtin![
    "templates/base.html",
    "templates/macros.html",
    "templates/index.html",
    "templates/day.html",
    "templates/event.html",
    "templates/actor.html",
    "templates/actors.html",
    "templates/place.html",
    "templates/places.html",
    "templates/source.html",
    "templates/sources.html",
    "templates/compare.html",
    "templates/comparisons.html",
    "templates/404.html",
    "static/style.css",
    "static/search.js",
];

impl Theme {
    pub fn load(root: &Path, name: &str, diagnostics: &mut Diagnostics) -> Option<Theme> {
        let dir = root.join("themes").join(name);
        if dir.is_dir() {
            return Some(Theme::from_dir(root, &dir, diagnostics));
        }
        if name == "default" {
            return Some(Theme::builtin());
        }
        diagnostics.push(
            Diagnostic::error(format!("theme `{name}` not found at {}", dir.display()))
                .help("set `theme = \"default\"` in chronicle.toml, or create the theme's folder"),
        );
        None
    }

    fn builtin() -> Theme {
        let mut theme = Theme::default();
        for (path, bytes) in BUILTIN {
            theme.add(path, bytes.to_vec(), "themes/default", &mut Diagnostics::default());
        }
        theme
    }

    fn from_dir(root: &Path, dir: &Path, diagnostics: &mut Diagnostics) -> Theme {
        let mut theme = Theme::default();
        let shown = dir.strip_prefix(root).unwrap_or(dir).to_string_lossy().replace('\\', "/");
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().flatten() {
            if !entry.file_type().is_file() {
                continue;
            }
            let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path());
            let relative = relative.to_string_lossy().replace('\\', "/");
            match std::fs::read(entry.path()) {
                Ok(bytes) => theme.add(&relative, bytes, &shown, diagnostics),
                Err(error) => diagnostics
                    .push(Diagnostic::error(format!("cannot read {}: {error}", entry.path().display()))),
            }
        }
        theme
    }

    fn add(&mut self, relative: &str, bytes: Vec<u8>, shown_dir: &str, diagnostics: &mut Diagnostics) {
        if let Some(name) = relative.strip_prefix("templates/") {
            match String::from_utf8(bytes) {
                Ok(text) => self.templates.push(SourceText::new(name, text)),
                Err(_) => diagnostics.push(
                    Diagnostic::error(format!("{shown_dir}/{relative} is not valid UTF-8"))
                        .help("templates are UTF-8 text"),
                ),
            }
        } else if let Some(path) = relative.strip_prefix("static/") {
            self.static_files.push((path.to_string(), bytes));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_theme_has_every_file_of_themes_default() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        let mut on_disk: Vec<String> = walkdir::WalkDir::new(&dir)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| e.path().strip_prefix(&dir).unwrap().to_string_lossy().replace('\\', "/"))
            .collect();
        on_disk.sort();
        let mut built_in: Vec<String> = BUILTIN.iter().map(|(path, _)| path.to_string()).collect();
        built_in.sort();
        assert_eq!(built_in, on_disk);
    }
}
