//! A seed as a readable document: one paragraph per non-blank line (seeds are plain
//! text), every quoted passage highlighted with its stable anchor, and under each
//! paragraph the list of what cites the passages that start in it.

use super::highlight::escape;
use super::links::{position_anchor, Page};
use super::pages::owner_title;
use super::text::{footnote_href, french_spacing, is_french};
use crate::model::{Chronicle, Citation, Mention, Named, Source};
use serde::Serialize;
use std::collections::BTreeSet;
use std::ops::Range;

#[derive(Debug, Serialize)]
pub struct Paragraph {
    /// `p-<line>`: seeds never change, so the line is a stable anchor.
    pub id: String,
    pub line: usize,
    /// Nesting from leading white space (reader-comment threads), 0 to 6.
    pub indent: usize,
    pub html: String,
    pub cited: Vec<CitedPassage>,
    /// Why the editor leaves this paragraph uncited, if they said.
    pub uncited: Option<String>,
    /// The reason is the same as the paragraph above's, and said there.
    pub uncited_as_above: bool,
    /// How the line opens: `numbered` ("12. …", an item such as a reader comment),
    /// `bullet` ("• …", such as a reply), or empty.
    pub opens: &'static str,
}

/// A line that starts a numbered item or a bulleted one: in a comment thread, a comment
/// or a reply. The text itself is left as it is.
fn opens(line: &str) -> &'static str {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && line[digits..].starts_with(". ") {
        "numbered"
    } else if line.starts_with(['•', '-', '*']) && line.chars().nth(1) == Some(' ') {
        "bullet"
    } else {
        ""
    }
}

/// A passage starting in a paragraph, and every place that cites it.
#[derive(Debug, Serialize)]
pub struct CitedPassage {
    pub anchor: String,
    pub by: Vec<Backlink>,
}

#[derive(Debug, Serialize)]
pub struct Backlink {
    pub title: String,
    pub href: String,
    pub kind: &'static str,
}

pub fn paragraphs(source: &Source, chronicle: &Chronicle, page: &Page) -> Vec<Paragraph> {
    let text = &source.seed_text;
    let mut paragraphs = Vec::new();
    let mut line_start = 0;
    for (number, line) in text.split('\n').enumerate() {
        let start = line_start;
        line_start += line.len() + 1;
        let trimmed = line.trim_start();
        if trimmed.trim().is_empty() {
            continue;
        }
        let leading = line.len() - trimmed.len();
        let content = start + leading..start + line.trim_end().len();
        // A reason shared by a run of lines is said once, under the first of them.
        let reason = source.uncited.get(&(number + 1)).cloned();
        let as_above = reason.is_some() && paragraphs.last().is_some_and(|p: &Paragraph| p.uncited == reason);
        paragraphs.push(Paragraph {
            id: format!("p-{}", number + 1),
            line: number + 1,
            indent: (leading / 2).min(6),
            html: highlighted(text, content.clone(), source, page),
            cited: cited_in(content, &source.citations, chronicle, page),
            uncited: reason,
            uncited_as_above: as_above,
            opens: opens(trimmed),
        });
    }
    paragraphs
}

/// The paragraph's text with `<mark>`s over quoted passages and links on the names of
/// actors and places. The text is cut wherever a passage or a name starts or ends, so
/// each piece is wholly inside or outside each of them and the markup nests.
fn highlighted(text: &str, range: Range<usize>, source: &Source, page: &Page) -> String {
    let overlaps = |r: &Range<usize>| r.start < range.end && r.end > range.start;
    let citations: Vec<&Citation> = source.citations.iter().filter(|c| overlaps(&c.passage.range)).collect();
    let mentions: Vec<&Mention> = source.mentions.iter().filter(|m| overlaps(&m.range)).collect();
    let mut cuts: BTreeSet<usize> = [range.start, range.end].into();
    let bounds = citations.iter().map(|c| &c.passage.range).chain(mentions.iter().map(|m| &m.range));
    for r in bounds {
        cuts.extend([r.start, r.end].into_iter().filter(|at| range.contains(at)));
    }
    let cuts: Vec<usize> = cuts.into_iter().collect();
    let french = is_french(&source.language);
    let mut html = String::new();
    for piece in cuts.windows(2) {
        let (a, b) = (piece[0], piece[1]);
        let piece = &text[a..b];
        let mut inner =
            if french { escape(&french_spacing(piece, text[b..].chars().next())) } else { escape(piece) };
        if let Some(mention) = mentions.iter().find(|m| m.range.start <= a && m.range.end >= b) {
            let target = match &mention.of {
                Named::Actor(id) => Page::Actor(id.clone()),
                Named::Place(id) => Page::Place(id.clone()),
            };
            inner = format!("<a class=\"name\" href=\"{}\">{inner}</a>", page.href(&target, None));
        }
        let covering: Vec<&&Citation> =
            citations.iter().filter(|c| c.passage.range.start <= a && c.passage.range.end >= b).collect();
        if covering.is_empty() {
            html.push_str(&inner);
            continue;
        }
        // Anchors derive from where a passage starts, so each is placed once, here.
        let id = covering
            .iter()
            .find(|c| c.passage.range.start == a)
            .map_or(String::new(), |c| format!(" id=\"{}\"", c.passage.anchor()));
        let depth = covering.len().min(3);
        html.push_str(&format!("<mark class=\"quote depth-{depth}\"{id}>{inner}</mark>"));
    }
    html
}

fn cited_in(
    range: std::ops::Range<usize>,
    citations: &[Citation],
    chronicle: &Chronicle,
    page: &Page,
) -> Vec<CitedPassage> {
    let mut cited: Vec<CitedPassage> = Vec::new();
    for citation in citations.iter().filter(|c| range.contains(&c.passage.range.start)) {
        let anchor = citation.passage.anchor();
        let href = if citation.is_position {
            let owner_page = super::links::owner_page(&citation.owner, chronicle);
            page.href(&owner_page, Some(&position_anchor(&citation.key)))
        } else {
            footnote_href(&citation.owner, &citation.key, chronicle, page)
        };
        let backlink = Backlink {
            title: owner_title(&citation.owner, chronicle),
            href,
            kind: if citation.is_position { "position" } else { "note" },
        };
        match cited.iter_mut().find(|c| c.anchor == anchor) {
            Some(passage) => passage.by.push(backlink),
            None => cited.push(CitedPassage { anchor, by: vec![backlink] }),
        }
    }
    cited
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_and_bulleted_lines_are_told_apart() {
        assert_eq!(opens("12. bonsoir"), "numbered");
        assert_eq!(opens("• PAR LA GRACE"), "bullet");
        assert_eq!(opens("2013. Une année"), "numbered");
        assert_eq!(opens("35"), "");
        assert_eq!(opens("Moussa Ag"), "");
    }
}
