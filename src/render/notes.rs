//! Footnotes: a parsed body's citation slots filled with numbered references (and, at a
//! note's first citation, its sidenote), and the page's list of notes in the order they
//! are first cited. The one footnote renderer every page kind uses.

use super::context::RenderContext;
use super::links::{footnote_anchor, passage_anchor, Page};
use crate::model::{Owner, Quote};
use crate::text::escape::{html as escape, html_into};
use crate::text::markdown::{Body, Segment};
use serde::Serialize;
use std::collections::HashMap;
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
    index: HashMap<String, usize>,
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
        let marker = format!("ref-{}-{}", &note.id[3..], note.refs.len() + 1);
        note.refs.push(marker.clone());
        (index, marker)
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
    let toggle = format!("sn-{marker}");
    let _ = write!(
        html,
        "<label class=\"sidenote-toggle\" for=\"{toggle}\"><span class=\"visually-hidden\">{}</span>{number}</label>\
         <input type=\"checkbox\" class=\"sidenote-toggle\" id=\"{toggle}\">\
         <span class=\"sidenote\" role=\"note\" data-note=\"{id}\"><span class=\"sidenote-number\">{number}</span> \
         <cite><a href=\"{}\">{}</a></cite>: <q lang=\"{}\">{}</q>",
        escape(&ctx.text("note_word")),
        escape(&view.passage_href),
        escape(view.source_title),
        escape(view.lang),
        escape(view.text),
        number = note.number,
        id = note.id,
    );
    if let Some(translation) = &view.translation {
        let _ = write!(
            html,
            " <span class=\"translation\"><span class=\"label\">{}</span> {}",
            escape(&ctx.text("our_translation")),
            escape(&ctx.text("quote_open")),
        );
        html_into(html, translation);
        html_into(html, &ctx.text("quote_close"));
        html.push_str("</span>");
    }
    html.push_str("</span>");
}
