//! A Markdown body, parsed once: `resolve` parses every body with pulldown-cmark a single
//! time and keeps the result, HTML with a slot at each citation marker (every page that
//! shows the body numbers its own footnotes into the slots) and the plain text (for
//! search, feeds and data), along with what it checks (the markers, and the statements:
//! each sentence of a paragraph, heading, list item or table cell, and whether a marker
//! stands in it).

use super::highlight;
use super::markers::{self, Piece};
use icu_segmenter::options::SentenceBreakInvariantOptions;
use icu_segmenter::SentenceSegmenter;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag, TagEnd};
use std::ops::Range;

/// A piece of a body as HTML: markup, or the place of a `[^key]` citation marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Html(String),
    Cite(String),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    pub segments: Vec<Segment>,
    /// The body as plain text, without markup or citation markers.
    pub plain: String,
}

impl Body {
    pub fn is_empty(&self) -> bool {
        self.segments.iter().all(|s| matches!(s, Segment::Html(html) if html.trim().is_empty()))
    }
}

/// What parsing a body finds.
#[derive(Debug, Default)]
pub struct Parsed {
    pub body: Body,
    /// Every `[^key]` marker, with its byte range in the Markdown.
    pub citations: Vec<(String, Range<usize>)>,
    pub statements: Statements,
}

/// What a body states: its blocks of text (paragraphs, headings, list items, the rows of
/// a table's body; its header row is labels, and code is not prose), their sentences,
/// and the sentences that no citation marker stands in.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Statements {
    pub blocks: usize,
    pub blocks_cited: usize,
    pub sentences: usize,
    /// The byte ranges in the Markdown of the sentences that cite nothing.
    pub uncited: Vec<Range<usize>>,
}

/// A block of text being read: its plain text, where each piece of it starts in the
/// Markdown, and where in the plain text each citation marker stands. One is reused for
/// every block of a body, with its scratch lists.
#[derive(Default)]
struct Block {
    /// Whether a block is being read.
    open: bool,
    text: String,
    /// (offset in `text`, offset in the Markdown) at the start of each piece.
    pieces: Vec<(usize, usize)>,
    cites: Vec<usize>,
    sentences: Vec<Range<usize>>,
    cited: Vec<bool>,
}

impl Block {
    fn push(&mut self, text: &str, at: usize) {
        if self.open {
            self.pieces.push((self.text.len(), at));
            self.text.push_str(text);
        }
    }

    fn cite(&mut self) {
        if self.open {
            self.cites.push(self.text.len());
        }
    }

    /// Ends the block being read, if any, counting it into `statements`.
    fn close(&mut self, statements: &mut Statements) {
        if self.open {
            self.count(statements);
        }
        self.open = false;
        self.text.clear();
        self.pieces.clear();
        self.cites.clear();
    }

    /// Where an offset of the plain text is in the Markdown.
    fn source_offset(&self, offset: usize) -> usize {
        let i = self.pieces.partition_point(|&(plain, _)| plain <= offset).saturating_sub(1);
        self.pieces.get(i).map_or(0, |&(plain, source)| source + (offset - plain))
    }

    /// Counts the block's sentences into `statements`, and records those no marker
    /// stands in. A marker belongs to the sentence it follows or stands inside (one
    /// before the first sentence, to the first).
    fn count(&mut self, statements: &mut Statements) {
        sentences(&self.text, &mut self.sentences);
        if self.sentences.is_empty() {
            return;
        }
        statements.blocks += 1;
        if !self.cites.is_empty() {
            statements.blocks_cited += 1;
        }
        self.cited.clear();
        self.cited.resize(self.sentences.len(), false);
        for &c in &self.cites {
            let i = self.sentences.partition_point(|s| s.start < c).saturating_sub(1);
            self.cited[i] = true;
        }
        statements.sentences += self.sentences.len();
        for (sentence, &cited) in self.sentences.iter().zip(&self.cited) {
            if !cited {
                let start = self.source_offset(sentence.start);
                let end = self.source_offset(sentence.end.saturating_sub(1)) + 1;
                statements.uncited.push(start..end.max(start));
            }
        }
    }
}

/// The sentences of a block of text (UAX #29, any script), as byte ranges without their
/// surrounding white space, into `out`. A one-word "sentence" ending in a full stop is an
/// abbreviation or an initial ("Col. Dao", "J. Smith"): it runs on into the next; a
/// "sentence" with no letter or digit is not one.
pub fn sentences(text: &str, out: &mut Vec<Range<usize>>) {
    out.clear();
    let mut run_on: Option<usize> = None;
    let segmenter = SentenceSegmenter::new(SentenceBreakInvariantOptions::default());
    let mut boundaries = segmenter.segment_str(text);
    let mut from = boundaries.next().unwrap_or(0);
    for to in boundaries {
        let sentence = &text[from..to];
        let trimmed = sentence.trim_end();
        let lead = sentence.len() - sentence.trim_start().len();
        let end = from + trimmed.len();
        let start = from + lead;
        from = to;
        if !trimmed.chars().any(char::is_alphanumeric) {
            continue;
        }
        let start = run_on.take().unwrap_or(start);
        if trimmed.ends_with('.') && !trimmed.trim_start().contains(char::is_whitespace) {
            run_on = Some(start);
            continue;
        }
        out.push(start..end);
    }
    if let Some(start) = run_on {
        out.push(start..text.trim_end().len());
    }
}

/// A character the body does not contain, to mark citation slots in its HTML: U+0000,
/// or, in a body that holds one, the first private-use character it does not.
fn slot_mark(markdown: &str) -> char {
    std::iter::once('\u{0}')
        .chain('\u{E000}'..='\u{F8FF}')
        .find(|c| !markdown.contains(*c))
        .unwrap_or('\u{0}')
}

pub fn parse(markdown: &str) -> Parsed {
    let slot = slot_mark(markdown);
    let mut parsed = Parsed::default();
    let mut plain = String::new();
    let mut events: Vec<Event> = Vec::new();
    // The block of text being read, for its statements.
    let mut block = Block::default();
    // A fenced or indented code block being read: its language and its text so far.
    let mut code: Option<(String, String)> = None;
    for (piece, range) in markers::parse(markdown) {
        let event = match piece {
            Piece::Cite(key) => {
                block.cite();
                events.push(Event::InlineHtml(CowStr::from(format!("{slot}{key}{slot}"))));
                parsed.citations.push((key, range));
                continue;
            }
            Piece::Markdown(event) => event,
        };
        match &event {
            Event::Text(text) | Event::Code(text) => plain.push_str(text),
            Event::SoftBreak | Event::HardBreak => plain.push(' '),
            Event::End(TagEnd::Paragraph) => plain.push_str("\n\n"),
            _ => {}
        }
        match &event {
            // A table's header row has its cells straight inside `TableHead`, its body rows
            // in `TableRow`: a body row is one statement, its cells apart.
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item | Tag::TableRow)
            | Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableRow) => {
                block.close(&mut parsed.statements);
                block.open = matches!(event, Event::Start(_));
            }
            // Cells after the first are set apart, as in the Markdown.
            Event::Start(Tag::TableCell) if !block.text.is_empty() => block.push(" | ", range.start),
            Event::Text(text) | Event::Code(text) if code.is_none() => {
                // An inline code span's range includes its backticks.
                let at = if matches!(event, Event::Code(_)) { range.start + 1 } else { range.start };
                block.push(text, at);
            }
            Event::Html(html) | Event::InlineHtml(html) => block.push(html, range.start),
            Event::SoftBreak | Event::HardBreak => block.push(" ", range.start),
            _ => {}
        }
        let event = match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(lang) => lang.split_whitespace().next().unwrap_or("").to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
                continue;
            }
            Event::End(TagEnd::CodeBlock) => {
                let (lang, source) = code.take().unwrap_or_default();
                Event::Html(CowStr::from(highlight::code_block(&source, &lang)))
            }
            Event::Text(text) if code.is_some() => {
                if let Some((_, source)) = code.as_mut() {
                    source.push_str(&text);
                }
                continue;
            }
            // Raw HTML in content is shown as text: content is text, the theme owns markup.
            Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
            event => event,
        };
        events.push(event);
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    // The HTML alternates: markup, key, markup, key, ..., markup. A U+0000 of the body
    // itself becomes U+FFFD, as CommonMark asks: it has no place in HTML.
    for (i, piece) in html.split(slot).enumerate() {
        if i % 2 == 1 {
            parsed.body.segments.push(Segment::Cite(piece.to_string()));
        } else if !piece.is_empty() {
            parsed.body.segments.push(Segment::Html(piece.replace('\u{0}', "\u{FFFD}")));
        }
    }
    parsed.body.plain = plain.trim().to_string();
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_slots_for_citations_and_the_plain_text() {
        let parsed = parse("Konna *fell*.[^afp] Then `x` and more.\n\nNo note here.\n");
        assert_eq!(
            parsed.body.segments,
            [
                Segment::Html("<p>Konna <em>fell</em>.".into()),
                Segment::Cite("afp".into()),
                Segment::Html(" Then <code>x</code> and more.</p>\n<p>No note here.</p>\n".into()),
            ]
        );
        assert_eq!(parsed.body.plain, "Konna fell. Then x and more.\n\nNo note here.");
        assert_eq!(parsed.citations.len(), 1);
        assert_eq!(parsed.statements.blocks, 2);
        assert_eq!(parsed.statements.blocks_cited, 1);
    }

    /// The sentences of `markdown` that cite nothing, as written.
    fn uncited(markdown: &str) -> Vec<&str> {
        let statements = parse(markdown).statements;
        statements.uncited.iter().map(|r| &markdown[r.clone()]).collect()
    }

    #[test]
    fn each_sentence_needs_a_marker_in_or_after_it() {
        let text = "Konna fell.[^a] The army left. It came back[^b] later.\n";
        assert_eq!(uncited(text), ["The army left."]);
        assert_eq!(parse(text).statements.sentences, 3);
        assert_eq!(uncited("[^a] Said first. Then this.[^b]\n"), Vec::<&str>::new());
    }

    #[test]
    fn headings_list_items_and_table_rows_are_statements_too() {
        let text = "# 500 civilians were killed\n\n- One item.\n- Another.[^a]\n\n| Figure | Who |\n|---|---|\n| 46 | AFP[^a] |\n| 100 | BBC |\n";
        assert_eq!(uncited(text), ["500 civilians were killed", "One item.", "100 | BBC"]);
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_a_sentence() {
        assert_eq!(uncited("Col. Dao spoke.[^a] Gen. X. Smith did not.\n"), ["Gen. X. Smith did not."]);
    }

    #[test]
    fn code_is_not_a_statement_and_scripts_split_their_own_way() {
        assert_eq!(uncited("```\nnot. prose.\n```\n"), Vec::<&str>::new());
        assert_eq!(uncited("سقطت كونا؟[^a] ثم عاد الجيش.\n"), ["ثم عاد الجيش."]);
        assert_eq!(uncited("コンナが陥落した。[^a]軍は撤退した。\n"), ["軍は撤退した。"]);
    }

    #[test]
    fn raw_html_and_stray_nul_stay_text() {
        let parsed = parse("<b>x</b> a\u{0}b[^k]\n");
        let html: String = parsed
            .body
            .segments
            .iter()
            .map(|s| match s {
                Segment::Html(h) => h.clone(),
                Segment::Cite(k) => format!("[{k}]"),
            })
            .collect();
        assert_eq!(html, "<p>&lt;b&gt;x&lt;/b&gt; a\u{FFFD}b[k]</p>\n");
    }
}
