//! The fold that makes typographic variants of a text equal, for matching quotes and
//! names: runs of white space become one space, curly quotes and apostrophes straight
//! ones, dashes `-` and `…` `...`; nothing else changes. A folded text keeps a map back to
//! the bytes it came from, so a match is shown as the original's own bytes.

use std::ops::Range;

/// The folded form of one character, or `None` for white space (folded as a run).
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => "\"",
        '\u{2010}'..='\u{2015}' | '\u{2212}' => "-",
        '\u{2026}' => "...",
        _ => return None,
    })
}

/// Folds a string for comparison (see the module docs).
pub fn fold(text: &str) -> String {
    Folded::new(text).text
}

/// A folded text that remembers, for each of its bytes, where it came from.
#[derive(Debug)]
pub struct Folded {
    pub text: String,
    /// `origin[i]` is the byte offset in the original text of the character that
    /// produced folded byte `i`.
    origin: Vec<usize>,
    original_len: usize,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        let mut in_space = false;
        for (at, c) in original.char_indices() {
            if c.is_whitespace() {
                if !in_space {
                    text.push(' ');
                    origin.push(at);
                }
                in_space = true;
                continue;
            }
            in_space = false;
            let before = text.len();
            match fold_char(c) {
                Some(folded) => text.push_str(folded),
                None => text.push(c),
            }
            origin.resize(origin.len() + text.len() - before, at);
        }
        Folded { text, origin, original_len: original.len() }
    }

    /// The original byte range that a folded byte range came from.
    pub fn original_range(&self, folded: Range<usize>, original: &str) -> Range<usize> {
        let start = self.origin.get(folded.start).copied().unwrap_or(self.original_len);
        let end = match folded.end.checked_sub(1).and_then(|last| self.origin.get(last)) {
            Some(&last) => last + original[last..].chars().next().map_or(0, char::len_utf8),
            None => start,
        };
        start..end.max(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_typographic_variants_and_white_space() {
        assert_eq!(fold("l’armée  «\u{a0}x\u{202f}»"), "l'armée « x »");
        assert_eq!(fold("“a” — b…"), "\"a\" - b...");
        assert_eq!(fold("line\n  next"), "line next");
    }
}
