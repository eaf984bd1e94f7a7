//! A source's page: its metadata and provenance, then the seed as a readable document,
//! one paragraph per non-blank line (seeds are plain text), every quoted passage
//! highlighted with its stable anchor, names linked to their profiles, and under each
//! paragraph what cites the passages that start in it.
//!
//! The seed is laid out in one pass: citations and mentions are sorted by where they
//! start, so each paragraph takes its share from a cursor instead of searching them all.

use super::*;
use crate::render::links::{footnote_href, paragraph_anchor, passage_anchor, position_anchor, read_on};
use crate::text::escape::{html as escape, Escaped};
use crate::text::lang::{french_spacing, is_french};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::ops::Range;

#[derive(Debug, Serialize)]
struct MetaRow {
    label: String,
    value: String,
    inferred: Option<String>,
}

pub fn source<'a>(ctx: &RenderContext<'a>, source: &'a Source) -> PageView {
    let page = Page::Source(source.id.clone());
    let mut notes = Notes::default();
    let owner = Owner::Source(source.id.clone());
    let provenance = render_body(&source.notes, &owner, ctx, &page, &mut notes);
    let row = |field: &str, value: Option<String>| {
        let label = ctx.text(field);
        value.map(|value| MetaRow { label, value, inferred: source.inferred.get(field).cloned() })
    };
    let meta: Vec<MetaRow> = [
        row("title", Some(source.title.clone())),
        row("publisher", source.publisher.clone()),
        row("author", source.author.clone()),
        row("published", source.published.as_ref().map(|w| i18n::when(w, ctx.words))),
        row("kind", Some(i18n::source_kind(source.kind, ctx.words))),
        row("language", Some(source.language.clone())),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut context = Context::new();
    context.insert("source_title", &source.title);
    context.insert("meta", &meta);
    context.insert("url", &source.url);
    context.insert("lang", &source.language);
    context.insert("provenance", &provenance);
    context.insert("corrections", &corrections(&source.notes, ctx));
    let paragraphs = paragraphs(source, ctx, &page);
    if ctx.uses("document_html") {
        context.insert("document_html", &document(&paragraphs, ctx));
    }
    if ctx.uses("paragraphs") {
        context.insert("paragraphs", &paragraphs);
    }
    context.insert("quote_count", &source.citations.len());
    view_of(ctx, "source.html", source.title.clone(), context, notes)
}

#[derive(Serialize)]
struct Paragraph {
    /// `p-<line>`: seeds never change, so the line is a stable anchor.
    id: String,
    line: usize,
    /// Nesting from leading white space (reader-comment threads), 0 to 6.
    indent: usize,
    html: String,
    cited: Vec<CitedPassage>,
    /// Why the editor leaves this paragraph uncited, if they said.
    uncited: Option<String>,
    /// The reason is the same as the paragraph above's, and said there.
    uncited_as_above: bool,
    /// How the line opens: `numbered` ("12. …", an item such as a reader comment),
    /// `bullet` ("• …", such as a reply), or empty.
    opens: &'static str,
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
#[derive(Serialize)]
struct CitedPassage {
    anchor: String,
    by: Vec<Backlink>,
}

#[derive(Serialize)]
struct Backlink {
    title: String,
    href: String,
    kind: &'static str,
}

/// The citations or mentions that overlap the paragraph being laid out: those that
/// start before its end are taken from a cursor, and those that end before its start are
/// dropped.
struct Overlapping<'s, T> {
    all: &'s [T],
    next: usize,
    active: Vec<&'s T>,
}

impl<'s, T> Overlapping<'s, T> {
    fn new(all: &'s [T]) -> Self {
        Overlapping { all, next: 0, active: Vec::new() }
    }

    fn within(&mut self, paragraph: &Range<usize>, range: impl Fn(&T) -> &Range<usize>) -> &[&'s T] {
        self.active.retain(|item| range(item).end > paragraph.start);
        while let Some(item) = self.all.get(self.next).filter(|item| range(item).start < paragraph.end) {
            if range(item).end > paragraph.start {
                self.active.push(item);
            }
            self.next += 1;
        }
        &self.active
    }
}

/// The seed's paragraphs as HTML: made here, as notes are, since a source may run to
/// thousands of paragraphs.
fn document(paragraphs: &[Paragraph], ctx: &RenderContext) -> String {
    let text = |key: &str| Escaped(&ctx.text(key)).to_string();
    let (passage, cited_in, as_above, not_cited) =
        (text("passage"), text("cited_in"), text("not_cited_as_above"), text("not_cited"));
    let (cited_note, cited_position) = (text("cited_note"), text("cited_position"));
    let site = Escaped(&ctx.site.language).to_string();
    let mut html = String::with_capacity(paragraphs.len() * 400);
    for p in paragraphs {
        let opens = if p.opens.is_empty() { String::new() } else { format!(" opens-{}", p.opens) };
        let _ = write!(
            html,
            "\n    <div class=\"paragraph indent-{}{opens}\" id=\"{}\">\n      \
             <p><a class=\"line-number\" href=\"#{}\" aria-label=\"{}\">{}</a> {}</p>\n      ",
            p.indent,
            p.id,
            p.id,
            Escaped(&ctx.words.count("line_label", p.line as u64)),
            p.line,
            p.html
        );
        if !p.cited.is_empty() {
            // Folded: the text reads on, and a reader who wants the apparatus opens it.
            let uses: usize = p.cited.iter().map(|c| c.by.len()).sum();
            let _ = write!(
                html,
                "<details class=\"cited-by\" lang=\"{site}\"><summary>{}</summary><ul>",
                Escaped(&ctx.words.count("cited_where", uses as u64))
            );
            for c in &p.cited {
                let _ = write!(html, "<li><a href=\"#{}\">{passage}</a> {cited_in} ", c.anchor);
                for (i, b) in c.by.iter().enumerate() {
                    let kind = if b.kind == "position" { &cited_position } else { &cited_note };
                    let separator = if i + 1 < c.by.len() { "; " } else { "" };
                    let _ = write!(
                        html,
                        "<a href=\"{}\">{}</a> ({kind}){separator}",
                        Escaped(&b.href),
                        Escaped(&b.title)
                    );
                }
                html.push_str("</li>");
            }
            html.push_str("</ul></details>");
        }
        html.push_str("\n      ");
        if p.uncited_as_above {
            let _ = write!(
                html,
                "<p class=\"uncited\" lang=\"{site}\"><span class=\"label\">{as_above}</span></p>"
            );
        } else if let Some(reason) = &p.uncited {
            let _ = write!(
                html,
                "<p class=\"uncited\" lang=\"{site}\"><span class=\"label\">{not_cited}</span> {}</p>",
                Escaped(reason)
            );
        }
        html.push_str("\n    </div>\n  ");
    }
    html
}

fn paragraphs(source: &Source, ctx: &RenderContext, page: &Page) -> Vec<Paragraph> {
    let text = &source.seed_text;
    let mut citations = Overlapping::new(&source.citations);
    let mut mentions = Overlapping::new(&source.mentions);
    let mut paragraphs: Vec<Paragraph> = Vec::new();
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
        let cited: Vec<&Citation> = citations.within(&content, |c| &c.range).to_vec();
        let named: Vec<&Mention> = mentions.within(&content, |m| &m.range).to_vec();
        // A reason shared by a run of lines is said once, under the first of them.
        let reason = source.uncited.get(&(number + 1)).cloned();
        let as_above = reason.is_some() && paragraphs.last().is_some_and(|p| p.uncited == reason);
        paragraphs.push(Paragraph {
            id: paragraph_anchor(number + 1),
            line: number + 1,
            indent: (leading / 2).min(6),
            html: highlighted(text, content.clone(), &cited, &named, source, page),
            cited: cited_in(&content, &cited, source, ctx, page),
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
fn highlighted(
    text: &str,
    range: Range<usize>,
    citations: &[&Citation],
    mentions: &[&Mention],
    source: &Source,
    page: &Page,
) -> String {
    let mut cuts: BTreeSet<usize> = [range.start, range.end].into();
    let bounds = citations.iter().map(|c| &c.range).chain(mentions.iter().map(|m| &m.range));
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
            citations.iter().filter(|c| c.range.start <= a && c.range.end >= b).collect();
        if covering.is_empty() {
            html.push_str(&inner);
            continue;
        }
        // Anchors derive from where a passage starts, so each is placed once, here.
        let id = covering
            .iter()
            .find(|c| c.range.start == a)
            .map_or(String::new(), |c| format!(" id=\"{}\"", passage_anchor(&source.id, c.range.start)));
        let depth = covering.len().min(3);
        // Every fragment names the passages it belongs to, so that a passage broken by a
        // linked name is shown whole when a reader arrives at it.
        let mut passages = String::new();
        for c in &covering {
            if !passages.is_empty() {
                passages.push(' ');
            }
            passages.push_str(&passage_anchor(&source.id, c.range.start));
        }
        let _ = write!(
            html,
            "<mark class=\"quote depth-{depth}\"{id} data-passages=\"{passages}\">{inner}</mark>"
        );
    }
    html
}

fn cited_in(
    range: &Range<usize>,
    citations: &[&Citation],
    source: &Source,
    ctx: &RenderContext,
    page: &Page,
) -> Vec<CitedPassage> {
    let mut cited: Vec<CitedPassage> = Vec::new();
    for citation in citations.iter().filter(|c| range.contains(&c.range.start)) {
        let anchor = passage_anchor(&source.id, citation.range.start);
        let href = if citation.is_position {
            page.href(&read_on(&citation.owner, ctx.chronicle), Some(&position_anchor(&citation.key)))
        } else {
            footnote_href(&citation.owner, &citation.key, ctx.chronicle, page)
        };
        let backlink = Backlink {
            title: owner_title(&citation.owner, ctx),
            href,
            kind: if citation.is_position { "position" } else { "note" },
        };
        // Citations are in seed order, so those of one passage follow each other.
        match cited.last_mut().filter(|c| c.anchor == anchor) {
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

    #[test]
    fn overlapping_keeps_what_spans_paragraphs() {
        let ranges = [0..5, 3..20, 12..14, 30..31];
        let mut cursor = Overlapping::new(&ranges);
        let mut take = |p: Range<usize>| -> Vec<Range<usize>> {
            cursor.within(&p, |r| r).iter().map(|r| (*r).clone()).collect()
        };
        assert_eq!(take(0..4), [0..5, 3..20]);
        assert_eq!(take(10..15), [3..20, 12..14]);
        assert_eq!(take(16..18), vec![3..20]);
        assert_eq!(take(25..35), vec![30..31]);
    }
}
