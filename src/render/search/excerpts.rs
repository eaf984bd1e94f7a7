//! The excerpts a document keeps for the snippets of its search results.
//!
//! A result shows the text around its first match. Keeping each document's whole text
//! would make the index as large as the chronicle's sources, and a result's file as large
//! as its document; keeping only its opening misses every hit deeper in a source. So a
//! document keeps its opening and a dozen windows of about `WINDOW` bytes, each around
//! the first occurrence of a word, within `BUDGET` bytes in all. The windows go first to
//! the rarest words (held by the fewest documents), the longest of equal rarity: those
//! are what a reader remembers and searches for, and what tells this document from the
//! others; a common word's first occurrence is usually in the opening anyway. A short
//! event and most comparisons fit whole; a long source keeps about a twentieth of 15 kB.
//! A word no window holds still finds the document, which then shows its opening, and the
//! page it leads to marks the word.

use super::words::words;

/// How many bytes of excerpts a document keeps at most.
pub const BUDGET: usize = 800;
/// About how long one window is, in bytes.
const WINDOW: usize = 120;
/// How far before its word a window may begin, to begin with the word's sentence.
const LEAD: usize = 50;

/// What ends a sentence, in the scripts that mark it.
const SENTENCE_ENDS: [char; 9] = ['.', '!', '?', '\n', '。', '！', '？', '؟', '।'];

/// A stretch of one of a document's texts.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Window {
    text: usize,
    start: usize,
    end: usize,
}

/// The excerpts of a document whose texts are `texts`, in text order; `lookup` gives a
/// word as written its folded word's number and the number of documents holding it.
pub fn excerpts(texts: &[&str], lookup: impl Fn(&str) -> (usize, usize)) -> Vec<String> {
    let Some(first) = texts.iter().position(|t| !t.trim().is_empty()) else { return Vec::new() };
    // Each word's first occurrence, rarest first, then longest (of equally rare words,
    // the longer says more: a name, not a number), then in text order.
    let mut seen = rustc_hash::FxHashSet::default();
    let mut firsts: Vec<(usize, std::cmp::Reverse<usize>, usize, usize)> = Vec::new();
    for (number, text) in texts.iter().enumerate() {
        for (at, word) in words(text) {
            let (folded, documents) = lookup(word);
            if seen.insert(folded) {
                firsts.push((documents, std::cmp::Reverse(word.chars().count()), number, at));
            }
        }
    }
    firsts.sort_unstable();
    let mut windows = vec![window(texts, first, 0)];
    let mut used = windows[0].end - windows[0].start;
    for (_, _, text, at) in firsts {
        if windows.iter().any(|w| w.text == text && (w.start..w.end).contains(&at)) {
            continue;
        }
        let next = window(texts, text, at);
        if used + (next.end - next.start) > BUDGET {
            break;
        }
        used += next.end - next.start;
        windows.push(next);
    }
    windows.sort_unstable();
    // Windows that overlap become one.
    let mut merged: Vec<Window> = Vec::with_capacity(windows.len());
    for next in windows {
        match merged.last_mut() {
            Some(last) if last.text == next.text && next.start <= last.end => {
                last.end = last.end.max(next.end)
            }
            _ => merged.push(next),
        }
    }
    merged.iter().map(|w| excerpt(texts[w.text], w.start, w.end)).collect()
}

/// The window around the word at `at`: from its sentence's start if that is near, else
/// from a word boundary a little before it, to a word boundary about `WINDOW` bytes on.
fn window(texts: &[&str], text: usize, at: usize) -> Window {
    let s = texts[text];
    let low = boundary(s, at.saturating_sub(LEAD));
    let before = &s[low..at];
    let start = match before.rfind(SENTENCE_ENDS) {
        Some(end) => low + end + before[end..].chars().next().map_or(1, char::len_utf8),
        None if low == 0 => 0,
        // Not in the middle of a word.
        None => before.find(char::is_whitespace).map_or(at, |space| low + space),
    };
    let start = start + (s[start..].len() - s[start..].trim_start().len());
    let high = boundary(s, start + WINDOW);
    let end = if high >= s.len() {
        s.len()
    } else {
        match s[at..high].rfind(char::is_whitespace) {
            Some(space) if space > 0 => at + space,
            // A script without spaces, or one long word: cut between characters.
            _ => high,
        }
    };
    Window { text, start: start.min(at), end: end.max(at) }
}

/// The largest character boundary of `s` at or before `at`.
fn boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The text of a window, its white space made single spaces, with an ellipsis where it
/// cuts its text.
fn excerpt(text: &str, start: usize, end: usize) -> String {
    let mut out = String::with_capacity(end - start + 8);
    if !text[..start].trim().is_empty() {
        out.push('…');
    }
    for (i, part) in text[start..end].split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(part);
    }
    if !text[end..].trim().is_empty() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word's number, for tests: distinct words, distinct numbers (nearly always).
    fn id(word: &str) -> usize {
        word.bytes().fold(7usize, |h, b| h.wrapping_mul(31).wrapping_add(b as usize))
    }

    #[test]
    fn a_rare_word_deep_in_a_long_text_keeps_its_sentence() {
        let mut text = "The opening sentence. ".to_string();
        for n in 0..400 {
            text.push_str(&format!("Filler sentence {} of many. ", n % 7));
        }
        text.push_str("Here the zanzibar treaty was signed. More filler follows.");
        let common = |word: &str| (id(word), if word == "zanzibar" { 1 } else { 100 });
        let kept = excerpts(&[&text], common);
        assert!(kept[0].starts_with("The opening sentence."), "{kept:?}");
        assert!(kept.iter().any(|e| e.starts_with("…Here the zanzibar treaty")), "{kept:?}");
        assert!(kept.iter().map(|e| e.len()).sum::<usize>() <= BUDGET + 64);
    }

    #[test]
    fn windows_cut_between_characters_where_there_are_no_spaces() {
        let text = "北京".repeat(200);
        let kept = excerpts(&[&text], |w| (id(w), 1));
        assert!(!kept.is_empty());
        assert!(kept.iter().all(|e| e.len() <= WINDOW + 8), "{kept:?}");
    }

    #[test]
    fn a_short_text_is_kept_whole() {
        assert_eq!(excerpts(&["", "Rebels  take\nthe town."], |w| (id(w), 1)), ["Rebels take the town."]);
        assert!(excerpts(&["", " "], |w| (id(w), 1)).is_empty());
    }
}
