//! Footnotes: a parsed body's citation slots filled with numbered references (and, at a
//! note's first citation, its sidenote), and the page's list of notes in the order they
//! are first cited. The one footnote renderer every page kind uses.

use super::context::RenderContext;
use super::links::{footnote_anchor, marker_anchor, passage_anchor, Page};
use crate::model::{Owner, Quote};
use crate::text::escape::{html as escape, html_into, Escaped};
use crate::text::lang::same_language;
use crate::text::markdown::{Body, Segment};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::fmt::Write as _;

/// A footnote as the templates draw it.
#[derive(Debug, Clone, Serialize)]
pub struct Note<'a> {
    pub number: usize,
    /// Stable anchor, from the owner's id and the quote's key.
    pub id: String,
    /// Anchors of the markers that cite it, for links back.
    pub refs: Vec<String>,
    pub quote: QuoteView<'a>,
}

/// A quote as the templates draw it, wherever it appears.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteView<'a> {
    /// The seed's text, verbatim (French spaces made no-break).
    pub text: &'a str,
    pub lang: &'a str,
    /// The editor's translation, when the quote is not in the site's language.
    pub translation: Option<&'a str>,
    pub note: Option<&'a str>,
    pub source_title: &'a str,
    pub source_href: String,
    /// The highlighted passage on the source page.
    pub passage_href: String,
    /// The same, as an absolute URL, for print and citation.
    pub passage_url: String,
    pub seed_line: usize,
}

impl QuoteView<'_> {
    /// The quote as a block: the quotation alone in the `blockquote`'s paragraph, then its
    /// translation (or a word that there is none yet), its source and line, and the
    /// editor's note.
    pub fn html(&self, ctx: &RenderContext) -> String {
        let w = &ctx.note_words;
        let mut html = String::with_capacity(600);
        let _ = write!(
            html,
            "\n<blockquote class=\"quote\" cite=\"{}\">\n  <p lang=\"{}\">{}</p>\n  ",
            Escaped(&self.passage_href),
            Escaped(self.lang),
            Escaped(self.text)
        );
        match self.translation {
            Some(translation) => {
                let _ = write!(
                    html,
                    "<p class=\"translation\"><span class=\"label\">{}</span> {}</p>",
                    w.our_translation,
                    Escaped(translation)
                );
            }
            None if !same_language(self.lang, &ctx.site.language) => {
                let _ = write!(html, "<p class=\"translation missing\">{}</p>", w.no_translation);
            }
            None => {}
        }
        let _ = write!(
            html,
            "\n  <footer><cite><a href=\"{}\">{}</a></cite>, <a href=\"{}\">{}</a></footer>\n  ",
            Escaped(&self.source_href),
            Escaped(self.source_title),
            Escaped(&self.passage_href),
            Escaped(&ctx.words.count("line_n", self.seed_line as u64)),
        );
        if let Some(note) = self.note {
            let _ = write!(
                html,
                "<p class=\"editor-note\"><span class=\"label\">{}</span> {}</p>",
                w.editors_note,
                Escaped(note)
            );
        }
        html.push_str("\n</blockquote>\n");
        html
    }
}

impl<'a> QuoteView<'a> {
    pub fn new(quote: &'a Quote, ctx: &RenderContext<'a>, page: &Page) -> QuoteView<'a> {
        let passage = &quote.passage;
        let source_page = Page::Source(passage.source.clone());
        let title = ctx.chronicle.sources.get(&passage.source).map_or(passage.source.as_str(), |s| &s.title);
        let anchor = passage_anchor(&passage.source, passage.range.start);
        QuoteView {
            text: &quote.shown,
            lang: &quote.language,
            translation: quote.translation.as_deref(),
            note: quote.note.as_deref(),
            source_title: title,
            source_href: page.href(&source_page, None),
            passage_href: page.href(&source_page, Some(&anchor)),
            passage_url: format!("{}#{anchor}", source_page.absolute(&ctx.chronicle.config.base_url)),
            seed_line: passage.line,
        }
    }
}

/// The footnotes of one page, numbered in the order they are first cited.
#[derive(Debug, Default)]
pub struct Notes<'a> {
    pub list: Vec<Note<'a>>,
    /// Note id → its index in `list`.
    index: FxHashMap<String, usize>,
}

impl<'a> Notes<'a> {
    /// Cites a quote; returns the note's index in the list and the marker's own anchor.
    fn cite(
        &mut self,
        owner: &Owner,
        quote: &'a Quote,
        ctx: &RenderContext<'a>,
        page: &Page,
    ) -> (usize, String) {
        let id = footnote_anchor(owner, &quote.key);
        let index = match self.index.get(&id) {
            Some(&index) => index,
            None => {
                self.list.push(Note {
                    number: self.list.len() + 1,
                    id: id.clone(),
                    refs: Vec::new(),
                    quote: QuoteView::new(quote, ctx, page),
                });
                self.index.insert(id, self.list.len() - 1);
                self.list.len() - 1
            }
        };
        let note = &mut self.list[index];
        let marker = marker_anchor(&note.id, note.refs.len() + 1);
        note.refs.push(marker.clone());
        (index, marker)
    }
}

/// The interface texts notes are written with, looked up once per build.
#[derive(Debug, Clone)]
pub struct NoteWords {
    notes: String,
    note_word: String,
    our_translation: String,
    no_translation: String,
    quote_open: String,
    quote_close: String,
    editors_note: String,
}

impl NoteWords {
    pub fn new(words: &crate::load::interface::Interface) -> NoteWords {
        let text = |key: &str| escape(&words.text(key));
        NoteWords {
            notes: text("notes"),
            note_word: text("note_word"),
            our_translation: text("our_translation"),
            no_translation: text("no_translation"),
            quote_open: text("quote_open"),
            quote_close: text("quote_close"),
            editors_note: text("editors_note"),
        }
    }
}

impl Notes<'_> {
    /// The page's list of notes, numbered, each with its links back to the text, its
    /// quote, its translation and the editor's note. Made here, as the sidenotes are (as
    /// Zola renders Markdown footnotes), for speed: a day page of a large chronicle has
    /// hundreds of notes. Empty when the page has none.
    pub fn html(&self, ctx: &RenderContext) -> String {
        if self.list.is_empty() {
            return String::new();
        }
        let w = &ctx.note_words;
        let mut html = String::with_capacity(self.list.len() * 900);
        let _ = write!(
            html,
            "<section class=\"notes\" aria-labelledby=\"notes-heading\">\n  <h2 id=\"notes-heading\">{}</h2>\n  <ol>\n",
            w.notes
        );
        for note in &self.list {
            let q = &note.quote;
            let _ = write!(
                html,
                "    <li id=\"{}\" value=\"{}\">\n      <span class=\"backrefs\">",
                note.id, note.number
            );
            for (i, r) in note.refs.iter().enumerate() {
                let label = ctx.words.count("back_to_text", i as u64 + 1);
                let _ = write!(html, "<a href=\"#{r}\" aria-label=\"{}\">↩︎</a>", Escaped(&label));
            }
            let _ = write!(
                html,
                "</span>\n      <cite><a href=\"{}\">{}</a></cite>:\n      <q lang=\"{}\" cite=\"{}\">{}</q>\n      \
                 <a class=\"passage-link\" href=\"{}\" data-url=\"{}\">({})</a>\n",
                Escaped(&q.source_href),
                Escaped(q.source_title),
                Escaped(q.lang),
                Escaped(&q.passage_href),
                Escaped(q.text),
                Escaped(&q.passage_href),
                Escaped(&q.passage_url),
                Escaped(&ctx.words.count("in_the_source_line", q.seed_line as u64)),
            );
            if let Some(translation) = q.translation {
                let _ = writeln!(
                    html,
                    "      <span class=\"translation\"><span class=\"label\">{}</span> {}{}{}</span>",
                    w.our_translation,
                    w.quote_open,
                    Escaped(translation),
                    w.quote_close
                );
            }
            if let Some(editors) = q.note {
                let _ = writeln!(
                    html,
                    "      <span class=\"editor-note\"><span class=\"label\">{}</span> {}</span>",
                    w.editors_note,
                    Escaped(editors)
                );
            }
            html.push_str("    </li>\n");
        }
        html.push_str("  </ol>\n</section>\n");
        html
    }
}

/// A body's HTML with its citations numbered on this page, adding its notes to `notes`.
/// `quote` finds the quote a marker's key cites.
pub fn render_body<'a>(
    body: &Body,
    quote: impl Fn(&str) -> Option<&'a Quote>,
    owner: &Owner,
    ctx: &RenderContext<'a>,
    page: &Page,
    notes: &mut Notes<'a>,
) -> String {
    let mut html = String::new();
    for segment in &body.segments {
        match segment {
            Segment::Html(markup) => html.push_str(markup),
            Segment::Cite(key) => {
                let Some(quote) = quote(key) else { continue };
                let (index, marker) = notes.cite(owner, quote, ctx, page);
                let note = &notes.list[index];
                let _ = write!(
                    html,
                    "<sup class=\"note-ref\" id=\"{marker}\"><a href=\"#{}\" role=\"doc-noteref\">[{}]</a></sup>",
                    note.id, note.number
                );
                // The first citation of a note also carries it as a sidenote: in the
                // margin on a wide screen, behind its number on a narrow one; the list at
                // the bottom stays for print and for readers without CSS.
                if note.refs.len() == 1 {
                    sidenote(&mut html, note, &marker, ctx);
                }
            }
        }
    }
    html
}

fn sidenote(html: &mut String, note: &Note, marker: &str, ctx: &RenderContext) {
    let view = &note.quote;
    let words = &ctx.note_words;
    let toggle = format!("sn-{marker}");
    let _ = write!(
        html,
        "<label class=\"sidenote-toggle\" for=\"{toggle}\"><span class=\"visually-hidden\">{}</span>{number}</label>\
         <input type=\"checkbox\" class=\"sidenote-toggle\" id=\"{toggle}\">\
         <span class=\"sidenote\" role=\"note\" data-note=\"{id}\"><span class=\"sidenote-number\">{number}</span> \
         <cite><a href=\"{}\">{}</a></cite>: <q lang=\"{}\">{}</q>",
        words.note_word,
        Escaped(&view.passage_href),
        Escaped(view.source_title),
        Escaped(view.lang),
        Escaped(view.text),
        number = note.number,
        id = note.id,
    );
    if let Some(translation) = &view.translation {
        let _ = write!(
            html,
            " <span class=\"translation\"><span class=\"label\">{}</span> {}",
            words.our_translation, words.quote_open,
        );
        html_into(html, translation);
        html.push_str(&words.quote_close);
        html.push_str("</span>");
    }
    html.push_str("</span>");
}
