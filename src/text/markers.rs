//! Citation markers in Markdown bodies: `[^key]` after a statement cites the quote with
//! that key. pulldown-cmark leaves a reference without a definition as plain text, so
//! the markers are found here, in text outside code, and both `resolve` (to check the
//! keys) and `render` (to draw the footnotes) read bodies through this one parser.

use pulldown_cmark::{Event, Options, Parser};
use std::ops::Range;

/// A piece of a parsed body.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece<'a> {
    Markdown(Event<'a>),
    /// A `[^key]` citation marker.
    Cite(String),
}

pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_SMART_PUNCTUATION
}

/// Parses a body into Markdown events and citation markers, each with its byte range.
pub fn parse(markdown: &str) -> Vec<(Piece<'_>, Range<usize>)> {
    let mut pieces = Vec::new();
    // pulldown-cmark splits text at `[` and `]`: join adjacent text before scanning.
    let mut text = String::new();
    let mut text_range: Option<Range<usize>> = None;
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        if let Event::Text(chunk) = &event {
            text.push_str(chunk);
            text_range = Some(text_range.map_or(range.clone(), |r| r.start..range.end));
            continue;
        }
        if let Some(range) = text_range.take() {
            split_markers(&std::mem::take(&mut text), range, &mut pieces);
        }
        pieces.push((Piece::Markdown(event), range));
    }
    if let Some(range) = text_range {
        split_markers(&text, range, &mut pieces);
    }
    pieces
}

/// Every `[^key]` of a body with its byte range: what `resolve` checks.
pub fn citations(markdown: &str) -> Vec<(String, Range<usize>)> {
    parse(markdown)
        .into_iter()
        .filter_map(|(piece, range)| match piece {
            Piece::Cite(key) => Some((key, range)),
            Piece::Markdown(_) => None,
        })
        .collect()
}

fn split_markers<'a>(text: &str, range: Range<usize>, pieces: &mut Vec<(Piece<'a>, Range<usize>)>) {
    // The text may have lost escapes or entities, so offsets inside it are
    // approximate; they are exact when the text is written plainly, as markers are.
    let mut rest = 0;
    while let Some(found) = text[rest..].find("[^") {
        let start = rest + found;
        let Some(len) = text[start + 2..].find(']') else {
            break;
        };
        let key = &text[start + 2..start + 2 + len];
        if key.is_empty() || key.contains(char::is_whitespace) {
            rest = start + 2;
            continue;
        }
        if start > rest {
            let piece = Piece::Markdown(Event::Text(text[rest..start].to_string().into()));
            pieces.push((piece, range.start + rest..range.start + start));
        }
        let end = start + 2 + len + 1;
        let marker_range = (range.start + start).min(range.end)..(range.start + end).min(range.end);
        pieces.push((Piece::Cite(key.to_string()), marker_range));
        rest = end;
    }
    if rest < text.len() {
        let piece = Piece::Markdown(Event::Text(text[rest..].to_string().into()));
        pieces.push((piece, range.start + rest..range.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_markers_with_their_offsets_but_not_in_code() {
        let body = "Konna fell.[^afp] Then `code [^no]` and more[^bbc-2].\n";
        let found = citations(body);
        let keys: Vec<&str> = found.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["afp", "bbc-2"]);
        assert_eq!(&body[found[0].1.clone()], "[^afp]");
        assert_eq!(&body[found[1].1.clone()], "[^bbc-2]");
    }

    #[test]
    fn keeps_surrounding_text() {
        let pieces = parse("a[^k]b");
        let texts: Vec<String> = pieces
            .iter()
            .map(|(p, _)| match p {
                Piece::Markdown(Event::Text(t)) => t.to_string(),
                Piece::Cite(k) => format!("<{k}>"),
                _ => String::new(),
            })
            .collect();
        assert_eq!(texts, ["", "a", "<k>", "b", ""]);
    }
}
