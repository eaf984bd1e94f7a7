//! The theme: tera templates, static files and interface text. A chronicle's own
//! `themes/<name>/{templates,static,i18n}` wins; the default theme is also built into
//! the binary, so a chronicle needs no copy of it, and it fills in whatever a chronicle's
//! theme leaves out: a template, a static file, or the interface text of a language.

use super::interface::Interface;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceText};
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Default)]
pub struct Theme {
    /// (template name, text), e.g. ("day.html", ...).
    pub templates: Vec<SourceText>,
    /// (path under the output root, bytes), e.g. ("style.css", ...).
    pub static_files: Vec<(String, Vec<u8>)>,
    /// Interface text by language tag, e.g. "fr", with the file it came from.
    pub interfaces: BTreeMap<String, (SourceText, Interface)>,
    /// Where the templates come from, as errors name it.
    pub templates_dir: String,
}

macro_rules! builtin {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("../../themes/default/", $name)))),*]
    };
}

/// The default theme's files, relative to `themes/default/`.
pub const BUILTIN: &[(&str, &[u8])] = builtin![
    "templates/base.html",
    "templates/partials/all_of.html",
    "templates/partials/cite.html",
    "templates/partials/claim.html",
    "templates/partials/corrections.html",
    "templates/partials/event.html",
    "templates/partials/event_lines.html",
    "templates/partials/names.html",
    "templates/partials/pager.html",
    "templates/partials/profile.html",
    "templates/partials/days.html",
    "templates/index.html",
    "templates/day.html",
    "templates/days.html",
    "templates/event.html",
    "templates/actor.html",
    "templates/actors.html",
    "templates/place.html",
    "templates/places.html",
    "templates/source.html",
    "templates/sources.html",
    "templates/compare.html",
    "templates/comparisons.html",
    "templates/events.html",
    "templates/corrections.html",
    "templates/article.html",
    "templates/404.html",
    "static/style.css",
    "static/search.js",
    "static/cite.js",
    "static/notes.js",
    "static/keys.js",
    "static/passage.js",
    "static/preview.js",
    "i18n/en.toml",
    "i18n/fr.toml",
];

impl Theme {
    pub fn load(root: &Path, name: &str, diagnostics: &mut Diagnostics) -> Option<Theme> {
        let dir = root.join("themes").join(name);
        if dir.is_dir() {
            let mut theme = Theme::from_dir(root, &dir, diagnostics);
            let builtin = Theme::builtin();
            for (language, table) in builtin.interfaces {
                theme.interfaces.entry(language).or_insert(table);
            }
            for template in builtin.templates {
                if !theme.templates.iter().any(|t| t.path == template.path) {
                    theme.templates.push(template);
                }
            }
            for (path, bytes) in builtin.static_files {
                if !theme.static_files.iter().any(|(p, _)| *p == path) {
                    theme.static_files.push((path, bytes));
                }
            }
            return Some(theme);
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

    pub(crate) fn builtin() -> Theme {
        let mut theme = Theme { templates_dir: "themes/default/templates".to_string(), ..Theme::default() };
        for (path, bytes) in BUILTIN {
            theme.add(path, bytes.to_vec(), "themes/default", &mut Diagnostics::default());
        }
        theme
    }

    fn from_dir(root: &Path, dir: &Path, diagnostics: &mut Diagnostics) -> Theme {
        let shown = dir.strip_prefix(root).unwrap_or(dir).to_string_lossy().replace('\\', "/");
        let mut theme = Theme { templates_dir: format!("{shown}/templates"), ..Theme::default() };
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
        } else if let Some(language) = relative.strip_prefix("i18n/").and_then(|n| n.strip_suffix(".toml")) {
            let path = format!("{shown_dir}/{relative}");
            match String::from_utf8(bytes) {
                Ok(text) => {
                    let file = SourceText::new(path, text);
                    if let Some(table) = Interface::parse(&file, diagnostics) {
                        self.interfaces.insert(language.to_string(), (file, table));
                    }
                }
                Err(_) => diagnostics.push(
                    Diagnostic::error(format!("{path} is not valid UTF-8"))
                        .help("interface text is UTF-8 TOML"),
                ),
            }
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

    #[test]
    fn the_built_in_languages_parse_and_translate_every_text() {
        let mut diagnostics = Diagnostics::default();
        let theme = Theme::builtin();
        assert_eq!(theme.interfaces.keys().collect::<Vec<_>>(), ["en", "fr"], "both tables parse");
        let english = &theme.interfaces["en"].1;
        for (language, (_, table)) in &theme.interfaces {
            let keys = |t: &Interface| t.text.keys().cloned().collect::<Vec<_>>();
            assert!(!table.text.is_empty(), "{language} parses");
            assert_eq!(keys(table), keys(english), "{language} translates exactly the English keys");
        }
        let french = super::super::interface::select(&theme.interfaces, "fr-CA", &mut diagnostics).unwrap();
        assert_eq!(diagnostics.warning_count(), 0, "fr-CA takes fr without a warning");
        assert_eq!(
            french.long_day(chrono::NaiveDate::from_ymd_opt(2013, 1, 1).unwrap()),
            "mardi 1er janvier 2013"
        );
        assert_eq!(french.count("n_events", 0), "0 événement");
        assert_eq!(english.count("n_events", 0), "0 events");
    }
}
