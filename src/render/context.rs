//! The one value every page is rendered from, like mdBook's `RenderContext`: the
//! resolved chronicle (with its indexes), the theme's compiled templates, the interface
//! text and the map outline, all borrowed and shared by every rendering thread.

use super::i18n;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::interface::Interface;
use crate::load::outline::Outline;
use crate::load::Theme;
use crate::model::{Actor, Chronicle, Comparison, Event, Place, Source};
use crate::text::escape;
use serde::Serialize;
use std::collections::HashMap;
use std::error::Error as _;
use tera::Tera;

pub struct RenderContext<'a> {
    pub chronicle: &'a Chronicle,
    pub theme: &'a Theme,
    /// The interface text in the chronicle's language.
    pub words: &'a Interface,
    pub outline: Option<&'a Outline>,
    pub tera: Tera,
    pub site: Site,
    pub order: Order<'a>,
    /// The interface texts of notes, looked up once.
    pub note_words: super::notes::NoteWords,
    /// Every name the templates use, so that a view makes only what they read.
    used: rustc_hash::FxHashSet<String>,
    /// The map's outline projected as SVG, made by the first map that needs it.
    pub map_areas: std::sync::OnceLock<Option<String>>,
    /// Each event's date for readers and for machines, by the event's index: an event is
    /// listed on many pages.
    whens: Vec<(String, String)>,
    /// What every page's citation shares.
    pub citing: super::cite::Citing,
}

/// The orders the lists of the site are shown in, sorted once for all their pages.
pub struct Order<'a> {
    /// By kind, then name.
    pub actors: Vec<&'a Actor>,
    /// By name.
    pub places: Vec<&'a Place>,
    /// By id.
    pub sources: Vec<&'a Source>,
    /// By id.
    pub comparisons: Vec<&'a Comparison>,
}

impl<'a> Order<'a> {
    fn of(chronicle: &'a Chronicle) -> Order<'a> {
        // Names in alphabetical order whatever their accents and case ("Élodie" among the
        // E's), then as written.
        let key = |name: &str| super::search::fold(name);
        let mut actors: Vec<&Actor> = chronicle.actors.values().collect();
        actors.sort_by_cached_key(|a| (a.kind, key(&a.name), a.name.clone(), a.id.clone()));
        let mut places: Vec<&Place> = chronicle.places.values().collect();
        places.sort_by_cached_key(|p| (key(&p.name), p.name.clone(), p.id.clone()));
        Order {
            actors,
            places,
            sources: chronicle.sources.values().collect(),
            comparisons: chronicle.comparisons.values().collect(),
        }
    }
}

/// What every template knows of the site.
#[derive(Debug, Clone, Serialize)]
pub struct Site {
    pub title: String,
    pub description: String,
    pub language: String,
    pub base_url: String,
}

impl<'a> RenderContext<'a> {
    /// Compiles the theme's templates; `None`, with the error, when one does not compile.
    pub fn new(
        chronicle: &'a Chronicle,
        theme: &'a Theme,
        words: &'a Interface,
        outline: Option<&'a Outline>,
        diagnostics: &mut Diagnostics,
    ) -> Option<RenderContext<'a>> {
        let mut tera = Tera::default();
        tera.register_function("t", i18n::tera_function(words.clone()));
        tera.autoescape_on(vec![".html"]);
        // Tera's default also escapes `/`, which is valid but makes every URL unreadable.
        tera.set_escape_fn(escape::html);
        let list: Vec<(&str, &str)> =
            theme.templates.iter().map(|t| (t.path.as_str(), t.text.as_str())).collect();
        if let Err(error) = tera.add_raw_templates(list) {
            diagnostics.push(template_error(&theme.templates_dir, "", &error));
            return None;
        }
        let config = &chronicle.config;
        let site = Site {
            title: config.title.clone(),
            description: config.description.clone(),
            language: config.language.clone(),
            base_url: config.base_url.clone(),
        };
        Some(RenderContext {
            chronicle,
            theme,
            words,
            outline,
            tera,
            site,
            order: Order::of(chronicle),
            note_words: super::notes::NoteWords::new(words),
            used: theme.templates.iter().flat_map(|t| names_used(&t.text)).collect(),
            map_areas: Default::default(),
            citing: super::cite::Citing::new(chronicle, words),
            whens: chronicle.events.iter().map(|e| (i18n::when(&e.when, words), e.when.machine())).collect(),
        })
    }

    /// An event's date, for readers and for `<time datetime>`.
    pub fn when_of(&self, event: &Event) -> (&str, &str) {
        match self.chronicle.event_ix.get(&event.id).and_then(|&ix| self.whens.get(ix)) {
            Some((text, machine)) => (text, machine),
            None => ("", ""),
        }
    }

    /// A text of the interface.
    pub fn text(&self, key: &str) -> String {
        self.words.text(key)
    }

    /// Whether any template uses `name`: a view leaves out what no template reads, such
    /// as the list of notes when the templates place them as HTML.
    pub fn uses(&self, name: &str) -> bool {
        self.used.contains(name)
    }
}

/// The names in a template's tags (`{{ … }}` and `{% … %}`), string literals left out:
/// the variables, filters and keywords it uses.
fn names_used(template: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find(['{']) {
        let tag = &rest[open..];
        let close = match tag.as_bytes().get(1) {
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            _ => {
                rest = &tag[1..];
                continue;
            }
        };
        let end = tag[2..].find(close).map_or(tag.len(), |i| i + 2);
        let mut quote: Option<char> = None;
        let mut name = String::new();
        for c in tag[2..end].chars().chain([' ']) {
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None if c == '"' || c == '\'' || c == '`' => quote = Some(c),
                None if c.is_alphanumeric() || c == '_' => name.push(c),
                None => {
                    if !name.is_empty() {
                        names.push(std::mem::take(&mut name));
                    }
                }
            }
        }
        rest = &tag[(end + 2).min(tag.len())..];
    }
    names
}

/// A template error with its whole cause chain (tera puts the useful part last), naming
/// the template's file.
pub fn template_error(dir: &str, template: &str, error: &tera::Error) -> Diagnostic {
    let mut message = error.to_string();
    let mut cause = error.source();
    while let Some(inner) = cause {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        cause = inner.source();
    }
    let what =
        if template.is_empty() { format!("the templates in {dir}") } else { format!("{dir}/{template}") };
    Diagnostic::error(format!("template error in {what}: {message}")).help("fix the theme's template")
}

/// Template errors found while rendering, one per template however many pages hit it.
#[derive(Default)]
pub struct TemplateErrors(std::sync::Mutex<HashMap<&'static str, Diagnostic>>);

impl TemplateErrors {
    pub fn record(&self, template: &'static str, error: impl FnOnce() -> Diagnostic) {
        if let Ok(mut errors) = self.0.lock() {
            errors.entry(template).or_insert_with(error);
        }
    }

    pub fn into_diagnostics(self, diagnostics: &mut Diagnostics) {
        let mut errors: Vec<(&str, Diagnostic)> =
            self.0.into_inner().map(|m| m.into_iter().collect()).unwrap_or_default();
        errors.sort_by_key(|(template, _)| *template);
        for (_, error) in errors {
            diagnostics.push(error);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::names_used;

    #[test]
    fn finds_the_names_in_tags_but_not_in_strings_or_text() {
        let names = names_used(
            r#"quotes <p>{{ t(key="quotes") }} {% for n in notes %}{{ n.quote.text | safe }}{% endfor %} {"#,
        );
        assert_eq!(names, ["t", "key", "for", "n", "in", "notes", "n", "quote", "text", "safe", "endfor"]);
    }
}
