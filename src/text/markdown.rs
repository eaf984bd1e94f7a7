//! A Markdown body, parsed once: `resolve` parses every body with pulldown-cmark a single
//! time and keeps the result, HTML with a slot at each citation marker (every page that
//! shows the body numbers its own footnotes into the slots) and the plain text (for
//! search, feeds and data), along with what it checks (the markers and the paragraphs
//! that cite nothing).

use super::highlight;
use super::markers::{self, Piece};
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
    /// The byte ranges of paragraphs that cite nothing.
    pub bare_paragraphs: Vec<Range<usize>>,
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
    // The paragraph being read: where it starts and whether it has cited anything yet.
    let mut paragraph: Option<(usize, bool)> = None;
    // A fenced or indented code block being read: its language and its text so far.
    let mut code: Option<(String, String)> = None;
    for (piece, range) in markers::parse(markdown) {
        let event = match piece {
            Piece::Cite(key) => {
                if let Some((_, cited)) = paragraph.as_mut() {
                    *cited = true;
                }
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
        let event = match event {
            Event::Start(Tag::Paragraph) => {
                paragraph = Some((range.start, false));
                Event::Start(Tag::Paragraph)
            }
            Event::End(TagEnd::Paragraph) => {
                if let Some((start, false)) = paragraph.take() {
                    parsed.bare_paragraphs.push(start..range.end);
                }
                Event::End(TagEnd::Paragraph)
            }
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
        assert_eq!(parsed.bare_paragraphs.len(), 1, "the second paragraph cites nothing");
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
