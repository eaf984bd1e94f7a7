//! Footnotes: a parsed body's citation slots filled with numbered references (and, at a
//! note's first citation, its sidenote), and the page's list of notes in the order they
//! are first cited. The one footnote renderer every page kind uses.

use super::context::RenderContext;
use super::links::{footnote_anchor, marker_anchor, passage_anchor, Page};
use crate::model::{Owner, Quote};
use crate::text::escape::{html as escape, Html};
use crate::text::lang::same_language;
use crate::text::markdown::{Body, Segment};
use rustc_hash::FxHashMap;
use serde::Serialize;

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
        let mut out = Html(&mut html);
        out.raw("\n<blockquote class=\"quote\" cite=\"").text(&self.passage_href);
        out.raw("\">\n  <p lang=\"").text(self.lang).raw("\">").text(self.text).raw("</p>\n  ");
        match self.translation {
            Some(translation) => {
                out.raw("<p class=\"translation\"><span class=\"label\">").raw(&w.our_translation);
                out.raw("</span> ").text(translation).raw("</p>");
            }
            None if !same_language(self.lang, &ctx.site.language) => {
                out.raw("<p class=\"translation missing\">").raw(&w.no_translation).raw("</p>");
            }
            None => {}
        }
        out.raw("\n  <footer><cite><a href=\"").text(&self.source_href).raw("\">").text(self.source_title);
        out.raw("</a></cite>, <a href=\"").text(&self.passage_href).raw("\">");
        out.text(&ctx.words.count("line_n", self.seed_line as u64)).raw("</a></footer>\n  ");
        if let Some(note) = self.note {
            out.raw("<p class=\"editor-note\"><span class=\"label\">").raw(&w.editors_note);
            out.raw("</span> ").text(note).raw("</p>");
        }
        out.raw("\n</blockquote>\n");
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
        let mut out = Html(&mut html);
        out.raw("<section class=\"notes\" aria-labelledby=\"notes-heading\">\n  <h2 id=\"notes-heading\">");
        out.raw(&w.notes).raw("</h2>\n  <ol>\n");
        for note in &self.list {
            let q = &note.quote;
            out.raw("    <li id=\"").raw(&note.id).raw("\" value=\"").number(note.number);
            out.raw("\">\n      <span class=\"backrefs\">");
            for (i, r) in note.refs.iter().enumerate() {
                out.raw("<a href=\"#").raw(r).raw("\" aria-label=\"");
                out.text(&ctx.words.count("back_to_text", i as u64 + 1)).raw("\">↩︎</a>");
            }
            out.raw("</span>\n      <cite><a href=\"").text(&q.source_href).raw("\">").text(q.source_title);
            out.raw("</a></cite>:\n      <q lang=\"").text(q.lang).raw("\" cite=\"").text(&q.passage_href);
            out.raw("\">")
                .text(q.text)
                .raw("</q>\n      <a class=\"passage-link\" href=\"")
                .text(&q.passage_href);
            out.raw("\" data-url=\"").text(&q.passage_url).raw("\">(");
            out.text(&ctx.words.count("in_the_source_line", q.seed_line as u64)).raw(")</a>\n");
            if let Some(translation) = q.translation {
                out.raw("      <span class=\"translation\"><span class=\"label\">").raw(&w.our_translation);
                out.raw("</span> ").raw(&w.quote_open).text(translation).raw(&w.quote_close).raw("</span>\n");
            }
            if let Some(editors) = q.note {
                out.raw("      <span class=\"editor-note\"><span class=\"label\">").raw(&w.editors_note);
                out.raw("</span> ").text(editors).raw("</span>\n");
            }
            out.raw("    </li>\n");
        }
        out.raw("  </ol>\n</section>\n");
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
                let mut out = Html(&mut html);
                out.raw("<sup class=\"note-ref\" id=\"").raw(&marker).raw("\"><a href=\"#").raw(&note.id);
                out.raw("\" role=\"doc-noteref\">[").number(note.number).raw("]</a></sup>");
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
    let mut out = Html(html);
    out.raw("<label class=\"sidenote-toggle\" for=\"sn-")
        .raw(marker)
        .raw("\"><span class=\"visually-hidden\">");
    out.raw(&words.note_word).raw("</span>").number(note.number).raw("</label>");
    out.raw("<input type=\"checkbox\" class=\"sidenote-toggle\" id=\"sn-").raw(marker).raw("\">");
    out.raw("<span class=\"sidenote\" role=\"note\" data-note=\"").raw(&note.id);
    out.raw("\"><span class=\"sidenote-number\">").number(note.number).raw("</span> <cite><a href=\"");
    out.text(&view.passage_href).raw("\">").text(view.source_title).raw("</a></cite>: <q lang=\"");
    out.text(view.lang).raw("\">").text(view.text).raw("</q>");
    if let Some(translation) = &view.translation {
        out.raw(" <span class=\"translation\"><span class=\"label\">").raw(&words.our_translation);
        out.raw("</span> ").raw(&words.quote_open).text(translation).raw(&words.quote_close).raw("</span>");
    }
    out.raw("</span>");
}
