//! Footnotes: a parsed body's citation slots filled with numbered references (and, at a
//! note's first citation, its sidenote), and the page's list of notes in the order they
//! are first cited. A note is a quote, with who made its claim and through whom, or an
//! editor's reading with its basis and the quotes it rests on. The one footnote renderer
//! every page kind uses.

use super::context::RenderContext;
use super::links::{footnote_anchor, marker_anchor, passage_anchor, Page};
use crate::model::{Claim, Claimant, Owner, Quote, Reading, Text};
use crate::text::escape::{html as escape, Html};
use crate::text::lang::same_language;
use crate::text::markdown::Segment;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

/// A footnote as the templates draw it.
#[derive(Debug, Clone, Serialize)]
pub struct Note<'a> {
    pub number: usize,
    /// Stable anchor, from the owner's id and the quote's key.
    pub id: String,
    /// Anchors of the markers that cite it, for links back.
    pub refs: Vec<String>,
    /// A quote, or else a reading.
    pub quote: Option<QuoteView<'a>>,
    pub reading: Option<ReadingView<'a>>,
}

/// An editor's reading as the templates draw it: its basis and the quotes it rests on.
#[derive(Debug, Clone, Serialize)]
pub struct ReadingView<'a> {
    pub basis: &'a str,
    pub rests_on: Vec<RestingOn<'a>>,
}

/// A quote a reading rests on, with the anchor its footnote would have: a quote cited
/// only through a reading is found there, from its source page for one.
#[derive(Debug, Clone, Serialize)]
pub struct RestingOn<'a> {
    pub id: String,
    pub quote: QuoteView<'a>,
}

/// Who made a quote's claim and through whom it came, as the templates draw it.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimView {
    pub said_by: Vec<ClaimantView>,
    pub via: Vec<ClaimantView>,
}

/// A claimant: an actor, linked, or someone unnamed, described as the seed does, with
/// the actor they belong to.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimantView {
    pub name: String,
    pub href: Option<String>,
    pub part_of: Option<super::views::Link>,
}

impl ClaimView {
    pub fn new(claim: &Claim, ctx: &RenderContext, page: &Page) -> Option<ClaimView> {
        if claim.is_empty() {
            return None;
        }
        let actor_link = |id: &crate::model::ActorId| {
            let name = ctx.chronicle.actors.get(id).map_or(id.as_str(), |a| a.name.as_str());
            super::views::Link { title: name.to_string(), href: page.href(&Page::Actor(id.clone()), None) }
        };
        let view = |c: &Claimant| match c {
            Claimant::Actor(id) => {
                let link = actor_link(id);
                ClaimantView { name: link.title, href: Some(link.href), part_of: None }
            }
            Claimant::Unnamed { description, part_of } => ClaimantView {
                name: description.clone(),
                href: None,
                part_of: part_of.as_ref().map(actor_link),
            },
        };
        Some(ClaimView {
            said_by: claim.said_by.iter().map(view).collect(),
            via: claim.via.iter().map(view).collect(),
        })
    }

    /// "Said by X, via Y → Z", linked. In a sidenote the links are left out of the Tab
    /// order (`focusable` false), so that a note is one stop: its source.
    pub fn write_html(&self, out: &mut Html, w: &NoteWords, focusable: bool) {
        out.raw("<span class=\"claim\">");
        if !self.said_by.is_empty() {
            out.raw("<span class=\"label\">").raw(&w.said_by).raw("</span> ");
            claimants_html(out, &self.said_by, ", ", focusable);
        }
        if !self.via.is_empty() {
            if !self.said_by.is_empty() {
                out.raw(", ");
            }
            out.raw("<span class=\"label\">").raw(&w.via).raw("</span> ");
            claimants_html(out, &self.via, " → ", focusable);
        }
        out.raw("</span>");
    }
}

/// Where a claim starts: the actor who made it (an unnamed claimant counts as the actor
/// it belongs to), someone unnamed, or, when the quote names no claimant, its source.
/// Figures and positions with one origin rest on one voice, however many sources carry
/// them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// What the origin is compared by.
    #[serde(skip)]
    pub key: String,
    /// `actor`, `unnamed`, or `source` when the quote names no claimant.
    pub kind: &'static str,
    pub name: String,
    pub href: Option<String>,
}

impl Origin {
    pub fn of(quote: &Quote, ctx: &RenderContext, page: &Page) -> Origin {
        let chronicle = ctx.chronicle;
        match quote.claim.said_by.first() {
            Some(Claimant::Actor(id) | Claimant::Unnamed { part_of: Some(id), .. }) => Origin {
                key: format!("actor:{id}"),
                kind: "actor",
                name: chronicle.actors.get(id).map_or(id.as_str(), |a| a.name.as_str()).to_string(),
                href: Some(page.href(&Page::Actor(id.clone()), None)),
            },
            Some(Claimant::Unnamed { description, part_of: None }) => Origin {
                key: format!("unnamed:{description}"),
                kind: "unnamed",
                name: description.clone(),
                href: None,
            },
            None => {
                let source = &quote.passage.source;
                Origin {
                    key: format!("source:{source}"),
                    kind: "source",
                    name: chronicle
                        .sources
                        .get(source)
                        .map_or(source.as_str(), |s| s.title.as_str())
                        .to_string(),
                    href: Some(page.href(&Page::Source(source.clone()), None)),
                }
            }
        }
    }
}

fn claimants_html(out: &mut Html, claimants: &[ClaimantView], separator: &str, focusable: bool) {
    let open = if focusable { "<a href=\"" } else { "<a tabindex=\"-1\" href=\"" };
    for (i, c) in claimants.iter().enumerate() {
        if i > 0 {
            out.raw(separator);
        }
        match &c.href {
            Some(href) => out.raw(open).text(href).raw("\">").text(&c.name).raw("</a>"),
            None => out.text(&c.name),
        };
        if let Some(actor) = &c.part_of {
            out.raw(" (").raw(open).text(&actor.href).raw("\">").text(&actor.title).raw("</a>)");
        }
    }
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
    /// Who made the claim and through whom it came, when not the source itself.
    pub claim: Option<ClaimView>,
    /// Whether the quotation carries its own quotation marks, first and last, so that the
    /// page adds none around it.
    pub quoted: bool,
}

impl QuoteView<'_> {
    /// The quote as a figure: the quotation alone in the `blockquote`, then, in the
    /// caption, its translation (or a word that there is none yet), its source and line,
    /// who made the claim, and the editor's note, so that none reads as part of the quote.
    pub fn html(&self, ctx: &RenderContext) -> String {
        let w = &ctx.note_words;
        let mut html = String::with_capacity(600);
        let mut out = Html(&mut html);
        out.raw("\n<figure class=\"quote\">\n  <blockquote cite=\"").text(&self.passage_href);
        out.raw("\"><p lang=\"")
            .text(self.lang)
            .raw("\">")
            .text(self.text)
            .raw("</p></blockquote>\n  <figcaption>");
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
        out.raw("\n  <p class=\"quote-source\"><cite><a href=\"").text(&self.source_href).raw("\">");
        out.text(self.source_title).raw("</a></cite>, <a href=\"").text(&self.passage_href).raw("\">");
        out.text(&ctx.words.count("line_n", self.seed_line as u64)).raw("</a>");
        if let Some(claim) = &self.claim {
            out.raw("<br>");
            claim.write_html(&mut out, w, true);
        }
        out.raw("</p>");
        if let Some(note) = self.note {
            out.raw("\n  <p class=\"editor-note\"><span class=\"label\">").raw(&w.editors_note);
            out.raw("</span> ").text(note).raw("</p>");
        }
        out.raw("</figcaption>\n</figure>\n");
        html
    }
}

impl<'a> QuoteView<'a> {
    pub fn new(quote: &'a Quote, ctx: &RenderContext<'a>, page: &Page) -> QuoteView<'a> {
        let passage = &quote.passage;
        let source_page = Page::Source(passage.source.clone());
        let title = ctx.chronicle.sources.get(&passage.source).map_or(passage.source.as_str(), |s| &s.title);
        let anchor = passage_anchor(&passage.source, passage.range.start);
        let mut passage_url = source_page.absolute(&ctx.chronicle.config.base_url);
        passage_url.push('#');
        passage_url.push_str(&anchor);
        QuoteView {
            text: &quote.shown,
            lang: &quote.language,
            translation: quote.translation.as_deref(),
            note: quote.note.as_deref(),
            source_title: title,
            source_href: page.href(&source_page, None),
            passage_href: page.href(&source_page, Some(&anchor)),
            passage_url,
            seed_line: passage.line,
            claim: ClaimView::new(&quote.claim, ctx, page),
            quoted: quote.in_its_own_marks,
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

/// What a citation marker cites: a quote, or a reading and the quotes it rests on.
enum Cited<'a> {
    Quote(&'a Quote),
    Reading(&'a Reading, Vec<&'a Quote>),
}

impl Cited<'_> {
    fn key(&self) -> &str {
        match self {
            Cited::Quote(quote) => &quote.key,
            Cited::Reading(reading, _) => &reading.key,
        }
    }
}

impl<'a> Notes<'a> {
    /// Cites a quote or a reading; returns the note's index in the list and the marker's
    /// own anchor.
    fn cite(
        &mut self,
        owner: &Owner,
        cited: Cited<'a>,
        ctx: &RenderContext<'a>,
        page: &Page,
    ) -> (usize, String) {
        let id = footnote_anchor(owner, cited.key());
        let index = match self.index.get(&id) {
            Some(&index) => index,
            None => {
                let (quote, reading) = match cited {
                    Cited::Quote(quote) => (Some(QuoteView::new(quote, ctx, page)), None),
                    Cited::Reading(reading, rests_on) => {
                        let rests_on = rests_on
                            .into_iter()
                            .map(|q| RestingOn {
                                id: footnote_anchor(owner, &q.key),
                                quote: QuoteView::new(q, ctx, page),
                            })
                            .collect();
                        (None, Some(ReadingView { basis: &reading.basis, rests_on }))
                    }
                };
                self.list.push(Note {
                    number: self.list.len() + 1,
                    id: id.clone(),
                    refs: Vec::new(),
                    quote,
                    reading,
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
    editors_reading: String,
    rests_on: String,
    said_by: String,
    via: String,
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
            editors_reading: text("editors_reading"),
            rests_on: text("reading_rests_on"),
            said_by: text("claim_said_by"),
            via: text("claim_via"),
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
        // A quote cited only through readings takes its anchor at the first of them.
        let mut anchored = FxHashSet::default();
        // Folded by notes.js where every note is shown beside or behind its reference;
        // open without it, in print, and on arrival at a note.
        out.raw("<details class=\"notes\" id=\"notes\" open>\n  <summary><h2 id=\"notes-heading\">");
        out.raw(&w.notes).raw(" <span class=\"notes-count\">");
        out.text(&ctx.words.count("notes_n", self.list.len() as u64)).raw("</span></h2></summary>\n  <ol>\n");
        for note in &self.list {
            out.raw("    <li id=\"").raw(&note.id);
            if note.reading.is_some() {
                out.raw("\" class=\"reading");
            }
            out.raw("\" value=\"").number(note.number).raw("\">\n      <span class=\"backrefs\">");
            for (i, r) in note.refs.iter().enumerate() {
                out.raw("<a href=\"#").raw(r).raw("\" aria-label=\"");
                out.text(&ctx.words.count("back_to_text", i as u64 + 1)).raw("\">↩︎</a>");
            }
            out.raw("</span>\n");
            if let Some(q) = &note.quote {
                quote_in_note(&mut out, q, ctx);
            }
            if let Some(reading) = &note.reading {
                out.raw("      <span class=\"label\">").raw(&w.editors_reading).raw("</span> ");
                out.text(reading.basis).raw("\n");
                if !reading.rests_on.is_empty() {
                    out.raw("      <div class=\"rests-on\"><span class=\"label\">").raw(&w.rests_on);
                    out.raw("</span>\n      <ul>\n");
                    for rest in &reading.rests_on {
                        // A quote that is a note of this page is pointed to, not repeated.
                        if let Some(&own) = self.index.get(&rest.id) {
                            out.raw("      <li class=\"see-note\"><a href=\"#").raw(&rest.id).raw("\">");
                            out.text(&ctx.words.count("see_note", self.list[own].number as u64));
                            out.raw("</a>: <cite>").text(rest.quote.source_title).raw("</cite></li>\n");
                            continue;
                        }
                        out.raw("      <li");
                        if anchored.insert(rest.id.as_str()) {
                            out.raw(" id=\"").raw(&rest.id).raw("\"");
                        }
                        out.raw(">");
                        quote_in_note(&mut out, &rest.quote, ctx);
                        out.raw("      </li>\n");
                    }
                    out.raw("      </ul></div>\n");
                }
            }
            out.raw("    </li>\n");
        }
        out.raw("  </ol>\n</details>\n");
        html
    }
}

/// A quote in the list of notes: its source, the quotation, its passage, translation,
/// claim and the editor's note.
fn quote_in_note(out: &mut Html, q: &QuoteView, ctx: &RenderContext) {
    let w = &ctx.note_words;
    out.raw("      <cite><a href=\"").text(&q.source_href).raw("\">").text(q.source_title);
    out.raw("</a></cite>:\n      ");
    quotation(out, q, Some(&q.passage_href));
    out.raw("\n      <a class=\"passage-link\" href=\"").text(&q.passage_href);
    out.raw("\" data-url=\"").text(&q.passage_url).raw("\">(");
    out.text(&ctx.words.count("in_the_source_line", q.seed_line as u64)).raw(")</a>\n");
    if let Some(translation) = q.translation {
        out.raw("      <span class=\"translation\"><span class=\"label\">").raw(&w.our_translation);
        out.raw("</span> ").raw(&w.quote_open).text(translation).raw(&w.quote_close).raw("</span>\n");
    }
    if let Some(claim) = &q.claim {
        out.raw("      ");
        claim.write_html(out, w, true);
        out.raw("\n");
    }
    if let Some(editors) = q.note {
        out.raw("      <span class=\"editor-note\"><span class=\"label\">").raw(&w.editors_note);
        out.raw("</span> ").text(editors).raw("</span>\n");
    }
}

/// The quotation inline, in its language; the page's quotation marks unless it carries
/// its own.
fn quotation(out: &mut Html, q: &QuoteView, cite: Option<&str>) {
    out.raw(if q.quoted { "<q class=\"quoted\" lang=\"" } else { "<q lang=\"" }).text(q.lang);
    if let Some(cite) = cite {
        out.raw("\" cite=\"").text(cite);
    }
    out.raw("\">").text(q.text).raw("</q>");
}

/// What a marker's key cites in `text` (a comparison's positions included): a quote, or
/// a reading with the quotes it rests on.
fn cited<'a>(key: &str, text: &'a Text, owner: &Owner, ctx: &RenderContext<'a>) -> Option<Cited<'a>> {
    let quote = |key: &str| match owner {
        // A comparison's reading cites its positions as well as its own quotes.
        Owner::Comparison(_) => ctx.chronicle.quote(owner, key),
        _ => text.quotes.get(key),
    };
    if let Some(quote) = quote(key) {
        return Some(Cited::Quote(quote));
    }
    let reading = text.readings.get(key)?;
    Some(Cited::Reading(reading, reading.rests_on.iter().filter_map(|k| quote(k)).collect()))
}

/// A text's body as HTML, its citations numbered on this page, adding its notes to
/// `notes`.
pub fn render_body<'a>(
    text: &'a Text,
    owner: &Owner,
    ctx: &RenderContext<'a>,
    page: &Page,
    notes: &mut Notes<'a>,
) -> String {
    let mut html = String::new();
    for segment in &text.body.segments {
        match segment {
            Segment::Html(markup) => html.push_str(markup),
            Segment::Cite(key) => {
                let Some(cited) = cited(key, text, owner, ctx) else { continue };
                let (index, marker) = notes.cite(owner, cited, ctx, page);
                let note = &notes.list[index];
                // A word joiner keeps the number on the line of the word it follows.
                let after_word = match html.rfind('<') {
                    // After a tag, only after one that closes an inline run ("</em>").
                    Some(tag) if html.ends_with('>') => html[tag..].starts_with("</"),
                    _ => html.ends_with(|c: char| !c.is_whitespace()),
                };
                if after_word {
                    html.push('\u{2060}');
                }
                let mut out = Html(&mut html);
                out.raw("<sup class=\"note-ref\" id=\"").raw(&marker).raw("\"><a href=\"#").raw(&note.id);
                out.raw("\" role=\"doc-noteref\">[").number(note.number).raw("]</a>");
                // The first citation of a note also carries it as a sidenote: in the
                // margin on a wide screen, behind its number on a narrow one; the list at
                // the bottom stays for print and for readers without CSS. The number that
                // opens it stands in the reference, so that a link back to the reference
                // lands on what the reader sees at every width.
                if note.refs.len() == 1 {
                    sidenote(&mut html, note, &marker, ctx);
                } else {
                    html.push_str("</sup>");
                }
            }
        }
    }
    html
}

fn sidenote(html: &mut String, note: &Note, marker: &str, ctx: &RenderContext) {
    let words = &ctx.note_words;
    let mut out = Html(html);
    out.raw("<label class=\"sidenote-toggle\" for=\"sn-")
        .raw(marker)
        .raw("\"><span class=\"visually-hidden\">");
    out.raw(&words.note_word).raw("</span>").number(note.number).raw("</label></sup>");
    out.raw("<input type=\"checkbox\" class=\"sidenote-toggle\" id=\"sn-").raw(marker).raw("\">");
    out.raw("<span class=\"sidenote\" role=\"note\" data-note=\"").raw(&note.id);
    out.raw("\"><span class=\"sidenote-number\">").number(note.number).raw("</span> ");
    if let Some(view) = &note.quote {
        out.raw("<cite><a href=\"").text(&view.passage_href).raw("\">").text(view.source_title);
        out.raw("</a></cite>: ");
        quotation(&mut out, view, None);
        if let Some(translation) = &view.translation {
            out.raw(" <span class=\"translation\"><span class=\"label\">").raw(&words.our_translation);
            out.raw("</span> ")
                .raw(&words.quote_open)
                .text(translation)
                .raw(&words.quote_close)
                .raw("</span>");
        }
        if let Some(claim) = &view.claim {
            out.raw(" ");
            claim.write_html(&mut out, words, false);
        }
        if let Some(editors) = view.note {
            out.raw(" <span class=\"editor-note\"><span class=\"label\">").raw(&words.editors_note);
            out.raw("</span> ").text(editors).raw("</span>");
        }
    }
    if let Some(reading) = &note.reading {
        out.raw("<span class=\"label\">").raw(&words.editors_reading).raw("</span> ").text(reading.basis);
    }
    out.raw("</span>");
}
