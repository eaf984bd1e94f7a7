//! Errors and warnings about a user's files, rendered in the style of rustc:
//! `error: ...`, `--> file:line:col`, the source line with a caret, then `help:`.
//!
//! Every stage collects its diagnostics and carries on, so one run reports every problem.

use std::fmt;
use std::ops::Range;

/// A text file of the chronicle (content, config or seed), kept with its line starts so
/// that a byte offset can be turned into a line and column.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// The path as shown to the user, relative to the chronicle root, with `/`.
    pub path: String,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceText {
    pub fn new(path: impl Into<String>, text: String) -> SourceText {
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        SourceText { path: path.into(), text, line_starts }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The byte offset where 1-based line `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts[line - 1]
    }

    /// The 1-based line number holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    /// The text of 1-based line `line`, without its line break.
    pub fn line_text(&self, line: usize) -> &str {
        let start = self.line_starts[line - 1];
        let end = self.line_starts.get(line).map_or(self.text.len(), |&next| next - 1);
        self.text[start..end].trim_end_matches('\r')
    }

    /// Where a byte range of this file is, for a diagnostic.
    pub fn locate(&self, range: Range<usize>) -> Location {
        let start = floor_char_boundary(&self.text, range.start.min(self.text.len()));
        let line = self.line_of(start);
        let line_start = self.line_starts[line - 1];
        let line_text = self.line_text(line).to_string();
        let column = self.text[line_start..start].chars().count() + 1;
        let end = floor_char_boundary(&self.text, range.end.clamp(start, self.text.len()));
        let span_end = end.min(line_start + line_text.len());
        let width = self.text[start..span_end.max(start)].chars().count().max(1);
        Location { path: self.path.clone(), line, column, line_text, width }
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// A point in a file, with the line's text for the caret display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: String,
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub line_text: String,
    /// How many characters the caret underlines.
    pub width: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    pub location: Option<Location>,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Error, message: message.into(), location: None, help: None }
    }

    pub fn warning(message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(message) }
    }

    pub fn at(mut self, file: &SourceText, range: Range<usize>) -> Diagnostic {
        self.location = Some(file.locate(range));
        self
    }

    /// Points at a file as a whole (line 1, column 1), when there is no finer place.
    pub fn in_file(self, file: &SourceText) -> Diagnostic {
        self.at(file, 0..0)
    }

    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }
}

/// How many characters of a long source line a diagnostic shows, and how many of them
/// before the column.
const WINDOW: usize = 120;
const MARGIN: usize = 40;

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(f, "{label}: {}", self.message)?;
        if let Some(at) = &self.location {
            let gutter = " ".repeat(at.line.to_string().len());
            writeln!(f, "{gutter}--> {}:{}:{}", at.path, at.line, at.column)?;
            writeln!(f, "{gutter} |")?;
            // A long line is shown as a window around the column, as rustc does.
            let chars: Vec<char> = at.line_text.chars().collect();
            let start = if chars.len() <= WINDOW { 0 } else { (at.column - 1).saturating_sub(MARGIN) };
            let end = (start + WINDOW).min(chars.len());
            let shown: String = chars[start..end].iter().collect();
            let (before, after) =
                (if start > 0 { "..." } else { "" }, if end < chars.len() { "..." } else { "" });
            writeln!(f, "{} | {before}{shown}{after}", at.line)?;
            let pad: String = before
                .chars()
                .chain(chars[start..at.column - 1].iter().copied())
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let width = at.width.min(end.saturating_sub(at.column - 1)).max(1);
            writeln!(f, "{gutter} | {pad}{}", "^".repeat(width))?;
        }
        if let Some(help) = &self.help {
            for (i, line) in help.lines().enumerate() {
                let head = if i == 0 { "help: " } else { "      " };
                writeln!(f, "{head}{line}")?;
            }
        }
        Ok(())
    }
}

/// How many warnings with one message a run keeps to show; the rest are counted. A
/// chronicle imported from elsewhere may have a hundred thousand unfootnoted sentences:
/// a screenful of each kind says what to fix, and the count says how much.
pub const SHOWN_PER_WARNING: usize = 100;

/// Every diagnostic of a run, in the order found; sorted by file and line for display.
/// Every error is kept; of each kind of warning, the first `SHOWN_PER_WARNING`.
#[derive(Debug, Default)]
pub struct Diagnostics {
    list: Vec<Diagnostic>,
    /// Keep every warning (`check --all-warnings`).
    all: bool,
    errors: usize,
    warnings: usize,
    /// Warning message → how many were found, kept or not.
    by_message: std::collections::BTreeMap<String, usize>,
}

impl Diagnostics {
    /// Diagnostics that keep every warning, however many.
    pub fn showing_all() -> Diagnostics {
        Diagnostics { all: true, ..Diagnostics::default() }
    }

    /// An empty set of diagnostics that keeps warnings as this one does, for a stage
    /// that holds its own back until it knows whether to report them.
    pub fn empty_like(&self) -> Diagnostics {
        Diagnostics { all: self.all, ..Diagnostics::default() }
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        if diagnostic.severity == Severity::Warning {
            let kept = self.keeps_warning(&diagnostic.message);
            self.count_warnings(&diagnostic.message, 1);
            if !kept {
                return;
            }
        } else {
            self.errors += 1;
        }
        self.list.push(diagnostic);
    }

    /// Whether a warning with this message would be kept to show; when not, the caller
    /// may spare itself making it and only `count_warnings`.
    pub fn keeps_warning(&self, message: &str) -> bool {
        self.all || self.by_message.get(message).is_none_or(|&n| n < SHOWN_PER_WARNING)
    }

    /// Counts `n` warnings with this message without keeping them.
    pub fn count_warnings(&mut self, message: &str, n: usize) {
        self.warnings += n;
        match self.by_message.get_mut(message) {
            Some(count) => *count += n,
            None => {
                self.by_message.insert(message.to_string(), n);
            }
        }
    }

    pub fn extend(&mut self, other: Diagnostics) {
        // What the other kept is pushed here, and what it only counted is counted.
        let mut unkept = other.by_message;
        for diagnostic in other.list {
            if let Some(n) =
                unkept.get_mut(&diagnostic.message).filter(|_| diagnostic.severity == Severity::Warning)
            {
                *n -= 1;
            }
            self.push(diagnostic);
        }
        for (message, n) in unkept.into_iter().filter(|(_, n)| *n > 0) {
            self.count_warnings(&message, n);
        }
    }

    pub fn error_count(&self) -> usize {
        self.errors
    }

    pub fn warning_count(&self) -> usize {
        self.warnings
    }

    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    /// The diagnostics in a stable order: errors first, then by file, line and column.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut list: Vec<&Diagnostic> = self.list.iter().collect();
        list.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
        list
    }
}

/// Errors first, then by file, line and column.
fn sort_key(d: &Diagnostic) -> (Severity, Option<(&str, usize, usize)>) {
    (d.severity, d.location.as_ref().map(|l| (l.path.as_str(), l.line, l.column)))
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in self.sorted() {
            writeln!(f, "{diagnostic}")?;
        }
        let mut shown: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        for d in self.list.iter().filter(|d| d.severity == Severity::Warning) {
            *shown.entry(&d.message).or_default() += 1;
        }
        for (message, &n) in &self.by_message {
            let shown = shown.get(message.as_str()).copied().unwrap_or(0);
            if n > shown {
                writeln!(
                    f,
                    "warning: {} more of \"{message}\" not shown\nhelp: the {shown} above are the first found; `annalist check --all-warnings` shows them all\n",
                    n - shown
                )?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flood_of_one_warning_is_counted_not_kept() {
        let mut diagnostics = Diagnostics::default();
        for _ in 0..SHOWN_PER_WARNING + 5 {
            diagnostics.push(Diagnostic::warning("sentence without a footnote"));
        }
        diagnostics.push(Diagnostic::warning("another"));
        let mut other = Diagnostics::default();
        other.push(Diagnostic::error("broken"));
        other.count_warnings("another", 3);
        diagnostics.extend(other);
        assert_eq!((diagnostics.error_count(), diagnostics.warning_count()), (1, SHOWN_PER_WARNING + 5 + 4));
        assert_eq!(diagnostics.sorted().len(), 1 + SHOWN_PER_WARNING + 1);
        let text = diagnostics.to_string();
        assert!(text.contains("warning: 5 more of \"sentence without a footnote\" not shown"), "{text}");
        assert!(text.contains("warning: 3 more of \"another\" not shown"), "{text}");
    }

    #[test]
    fn locates_line_and_character_column() {
        let file = SourceText::new("a.md", "first\nsé x = 1\nlast".to_string());
        let at = file.locate(10..11);
        assert_eq!((at.line, at.column, at.width), (2, 4, 1));
        assert_eq!(at.line_text, "sé x = 1");
    }

    #[test]
    fn shows_a_window_of_a_long_line() {
        let line = format!("{}needle{}", "a".repeat(200), "b".repeat(200));
        let file = SourceText::new("seed.txt", line);
        let text = Diagnostic::warning("here").at(&file, 200..206).to_string();
        let shown = text.lines().nth(3).unwrap();
        assert_eq!(shown, format!("1 | ...{}needle{}...", "a".repeat(40), "b".repeat(74)));
        let caret = text.lines().nth(4).unwrap();
        assert_eq!(caret, format!("  | {}^^^^^^", " ".repeat(43)));
    }

    #[test]
    fn renders_like_rustc() {
        let file = SourceText::new("content/a.md", "key = \"value\"\n".to_string());
        let text = Diagnostic::error("bad value").at(&file, 6..13).help("use another").to_string();
        assert_eq!(
            text,
            "error: bad value\n --> content/a.md:1:7\n  |\n1 | key = \"value\"\n  |       ^^^^^^^\nhelp: use another\n"
        );
    }
}
