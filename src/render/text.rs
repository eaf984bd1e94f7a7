//! Annotated text to HTML: Markdown through pulldown-cmark, each `[^key]` marker turned
//! into a numbered footnote reference, and the page's footnotes collected in order.
//! The one footnote renderer every page kind uses.

use super::highlight;
use super::links::{footnote_anchor, owner_page, Page};
use crate::model::{Chronicle, Owner, Quote, Text};
use crate::resolve::markers::{self, Piece};
use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag, TagEnd};
use serde::Serialize;

/// A footnote as the templates draw it.
#[derive(Debug, Clone, Serialize)]
pub struct Note {
    pub number: usize,
    /// Stable anchor, from the owner's id and the quote's key.
    pub id: String,
    /// Anchors of the markers that cite it, for links back.
    pub refs: Vec<String>,
    pub quote: QuoteView,
}

/// A quote as the templates draw it, wherever it appears.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteView {
    /// The seed's text, verbatim.
    pub text: String,
    pub lang: String,
    /// The editor's translation, when the quote is not in the site's language.
    pub translation: Option<String>,
    pub note: Option<String>,
    pub source_title: String,
    pub source_href: String,
    /// The highlighted passage on the source page.
    pub passage_href: String,
    /// The same, as an absolute URL, for print and citation.
    pub passage_url: String,
    pub seed_line: usize,
}

impl QuoteView {
    pub fn new(quote: &Quote, chronicle: &Chronicle, page: &Page) -> QuoteView {
        let source_page = Page::Source(quote.passage.source.clone());
        let title = chronicle
            .sources
            .get(&quote.passage.source)
            .map_or_else(|| quote.passage.source.0.clone(), |s| s.title.clone());
        let text = quote.passage.text.split_whitespace().collect::<Vec<_>>().join(" ");
        QuoteView {
            text: if is_french(&quote.language) { french_spacing(&text, None) } else { text },
            lang: quote.language.clone(),
            translation: quote.translation.clone(),
            note: quote.note.clone(),
            source_title: title,
            source_href: page.href(&source_page, None),
            passage_href: page.href(&source_page, Some(&quote.passage.anchor())),
            passage_url: format!(
                "{}#{}",
                source_page.absolute(&chronicle.config.base_url),
                quote.passage.anchor()
            ),
            seed_line: quote.passage.line,
        }
    }
}

pub fn is_french(language: &str) -> bool {
    language.split('-').next().is_some_and(|primary| primary.eq_ignore_ascii_case("fr"))
}

/// French text as printed, kept from breaking badly: the space before `;`, `!` and `?`
/// becomes a narrow no-break space, the one before `:` and `»` or after `«` a no-break
/// space. Only the kind of space changes, never a character a reader reads. `next` is the
/// character that follows `text`, when `text` is a piece of a longer one.
pub fn french_spacing(text: &str, next: Option<char>) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut spaced = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let after = chars.get(i + 1).copied().or(next);
        let before = i.checked_sub(1).map(|j| chars[j]);
        spaced.push(match (c, after, before) {
            (' ', Some(';' | '!' | '?'), _) => '\u{202F}',
            (' ', Some(':' | '»'), _) | (' ', _, Some('«')) => '\u{A0}',
            _ => c,
        });
    }
    spaced
}

/// The footnotes of one page, numbered in the order they are first cited.
#[derive(Debug, Default)]
pub struct Notes {
    pub list: Vec<Note>,
}

impl Notes {
    /// Whether the note `id` has been cited exactly once so far on the page.
    fn is_first_citation(&self, id: &str) -> bool {
        self.list.iter().any(|n| n.id == id && n.refs.len() == 1)
    }

    /// Cites a quote; returns the note's number and the marker's own anchor.
    fn cite(
        &mut self,
        owner: &Owner,
        quote: &Quote,
        chronicle: &Chronicle,
        page: &Page,
    ) -> (usize, String, String) {
        let id = footnote_anchor(owner, &quote.key);
        let index = match self.list.iter().position(|n| n.id == id) {
            Some(index) => index,
            None => {
                self.list.push(Note {
                    number: self.list.len() + 1,
                    id: id.clone(),
                    refs: Vec::new(),
                    quote: QuoteView::new(quote, chronicle, page),
                });
                self.list.len() - 1
            }
        };
        let note = &mut self.list[index];
        let marker = format!("ref-{}-{}", &id[3..], note.refs.len() + 1);
        note.refs.push(marker.clone());
        (note.number, id, marker)
    }
}

/// Renders a body to HTML, adding its footnotes to `notes`.
pub fn render_text(
    text: &Text,
    owner: &Owner,
    chronicle: &Chronicle,
    page: &Page,
    notes: &mut Notes,
) -> String {
    markdown_to_html(&text.markdown, |key| {
        let quote = text.quotes.get(key)?;
        let (number, id, marker) = notes.cite(owner, quote, chronicle, page);
        let mut html = format!(
            "<sup class=\"note-ref\" id=\"{marker}\"><a href=\"#{id}\" role=\"doc-noteref\">[{number}]</a></sup>"
        );
        // The first citation of a note also carries it as a sidenote: in the margin on a
        // wide screen, behind its number on a narrow one; the list at the bottom stays
        // for print and for readers without CSS.
        if notes.is_first_citation(&id) {
            html.push_str(&sidenote(number, &id, &marker, quote, chronicle, page));
        }
        Some(html)
    })
}

fn sidenote(
    number: usize,
    id: &str,
    marker: &str,
    quote: &Quote,
    chronicle: &Chronicle,
    page: &Page,
) -> String {
    let view = QuoteView::new(quote, chronicle, page);
    let words = &chronicle.interface;
    let e = highlight::escape;
    let toggle = format!("sn-{marker}");
    let mut html = format!(
        "<label class=\"sidenote-toggle\" for=\"{toggle}\"><span class=\"visually-hidden\">{}</span>{number}</label>\
         <input type=\"checkbox\" class=\"sidenote-toggle\" id=\"{toggle}\">\
         <span class=\"sidenote\" role=\"note\" data-note=\"{id}\"><span class=\"sidenote-number\">{number}</span> \
         <cite><a href=\"{}\">{}</a></cite>: <q lang=\"{}\">{}</q>",
        e(&words.text("note_word")),
        e(&view.passage_href),
        e(&view.source_title),
        e(&view.lang),
        e(&view.text),
    );
    if let Some(translation) = &view.translation {
        html.push_str(&format!(
            " <span class=\"translation\"><span class=\"label\">{}</span> {}{}{}</span>",
            e(&words.text("our_translation")),
            e(&words.text("quote_open")),
            e(translation),
            e(&words.text("quote_close")),
        ));
    }
    html.push_str("</span>");
    html
}

/// Markdown to HTML; `cite` turns a `[^key]` marker into its HTML.
fn markdown_to_html(markdown: &str, mut cite: impl FnMut(&str) -> Option<String>) -> String {
    let mut events: Vec<Event> = Vec::new();
    let mut code: Option<(String, String)> = None;
    for (piece, _) in markers::parse(markdown) {
        let event = match piece {
            Piece::Cite(key) => match cite(&key) {
                Some(html) => Event::InlineHtml(CowStr::from(html)),
                None => continue,
            },
            Piece::Markdown(Event::Start(Tag::CodeBlock(kind))) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(lang) => lang.split_whitespace().next().unwrap_or("").to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
                continue;
            }
            Piece::Markdown(Event::End(TagEnd::CodeBlock)) => {
                let (lang, source) = code.take().unwrap_or_default();
                Event::Html(CowStr::from(highlight::code_block(&source, &lang)))
            }
            Piece::Markdown(Event::Text(t)) if code.is_some() => {
                if let Some((_, source)) = code.as_mut() {
                    source.push_str(&t);
                }
                continue;
            }
            // Raw HTML in content is shown as text: content is text, the theme owns markup.
            Piece::Markdown(Event::Html(html) | Event::InlineHtml(html)) => Event::Text(html),
            Piece::Markdown(event) => event,
        };
        events.push(event);
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html
}

/// Where a backlink to `owner`'s footnote for `key` goes, from `from`.
pub fn footnote_href(owner: &Owner, key: &str, chronicle: &Chronicle, from: &Page) -> String {
    from.href(&owner_page(owner, chronicle), Some(&footnote_anchor(owner, key)))
}

/// A body as plain text, without markup or citation markers: for feeds and data.
pub fn plain_text(markdown: &str) -> String {
    let mut text = String::new();
    for (piece, _) in markers::parse(markdown) {
        match piece {
            Piece::Markdown(Event::Text(t) | Event::Code(t)) => text.push_str(&t),
            Piece::Markdown(Event::SoftBreak | Event::HardBreak) => text.push(' '),
            Piece::Markdown(Event::End(TagEnd::Paragraph)) => text.push_str("\n\n"),
            _ => {}
        }
    }
    text.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_spacing_changes_only_spaces() {
        let spaced = french_spacing("Jeudi : « oui » ; non ?", None);
        assert_eq!(spaced, "Jeudi\u{A0}: «\u{A0}oui\u{A0}»\u{202F}; non\u{202F}?");
        assert_eq!(
            french_spacing("Jeudi ", Some(':')),
            "Jeudi\u{A0}",
            "a space before the next piece's colon"
        );
        assert_eq!(french_spacing("Jeudi , un", None), "Jeudi , un", "other spaces stay as they are");
    }
}
