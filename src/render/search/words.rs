//! Words as the search index finds them and as `search.js` finds them in a query, in a
//! result's excerpt and on the page a result leads to. The two sides must agree to the
//! letter, so the rules are ones a regular expression states exactly (`search.js` has
//! them as `WORD` and `DROPPED`):
//!
//! - A word is a run of letters, marks and digits (Unicode's Alphabetic, Mark and Number),
//!   so any script that puts spaces between words (Latin, Cyrillic, Greek, Arabic, Hebrew,
//!   Devanagari…) splits where a reader expects.
//! - Scripts written without spaces between words (Chinese, Japanese kana) have no
//!   boundaries that a dictionary-free rule could find: each of their characters is a word
//!   of its own, and a query of several is a search for all of them.
//! - Folding decomposes a word, drops the diacritics that readers often leave out (Latin,
//!   Greek and Cyrillic accents, Hebrew points, Arabic harakat and tatweel) and lowercases
//!   it, with the Greek final sigma as a sigma. Indic vowel signs stay: they are letters.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The diacritics folding drops, as ranges of characters (`DROPPED` in `search.js`).
const DROPPED: [(char, char); 12] = [
    ('\u{300}', '\u{36f}'),
    ('\u{483}', '\u{489}'),
    ('\u{591}', '\u{5c7}'),
    ('\u{610}', '\u{61a}'),
    ('\u{640}', '\u{640}'),
    ('\u{64b}', '\u{65f}'),
    ('\u{670}', '\u{670}'),
    ('\u{6d6}', '\u{6ed}'),
    ('\u{1ab0}', '\u{1aff}'),
    ('\u{1dc0}', '\u{1dff}'),
    ('\u{20d0}', '\u{20ff}'),
    ('\u{fe20}', '\u{fe2f}'),
];

/// Letters of scripts written without spaces, each a word by itself (`ALONE` in
/// `search.js`): CJK ideographs, hiragana and katakana.
const ALONE: [(char, char); 12] = [
    ('\u{3005}', '\u{3005}'),
    ('\u{3007}', '\u{3007}'),
    ('\u{3041}', '\u{3096}'),
    ('\u{309d}', '\u{309f}'),
    ('\u{30a1}', '\u{30fa}'),
    ('\u{30fc}', '\u{30ff}'),
    ('\u{31f0}', '\u{31ff}'),
    ('\u{3400}', '\u{4dbf}'),
    ('\u{4e00}', '\u{9fff}'),
    ('\u{f900}', '\u{faff}'),
    ('\u{20000}', '\u{2fa1f}'),
    ('\u{30000}', '\u{3134f}'),
];

fn within(ranges: &[(char, char)], c: char) -> bool {
    ranges.iter().any(|&(low, high)| (low..=high).contains(&c))
}

fn in_word(c: char) -> bool {
    // ASCII and the accented Latin letters first: the Unicode tables are only needed for
    // other letters. U+00C0 to U+024F are all letters but × and ÷.
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{c0}'..='\u{24f}').contains(&c) {
        c != '×' && c != '÷'
    } else {
        c.is_alphanumeric() || is_combining_mark(c)
    }
}

fn alone(c: char) -> bool {
    !c.is_ascii() && within(&ALONE, c)
}

/// A word as the index and `search.js` compare it.
pub fn fold(word: &str) -> String {
    word.nfd()
        .filter(|&c| c.is_ascii() || !within(&DROPPED, c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ς' { 'σ' } else { c })
        .collect()
}

/// The words of a text, each with its byte offset.
pub fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

pub struct Words<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Iterator for Words<'t> {
    type Item = (usize, &'t str);

    fn next(&mut self) -> Option<(usize, &'t str)> {
        // Byte by byte where the text is ASCII, the common case; a character is decoded
        // only where it is not.
        let (text, bytes) = (self.text, self.text.as_bytes());
        let char_at = |i: usize| text[i..].chars().next().unwrap_or(' ');
        let mut start = self.at;
        let first = loop {
            let Some(&b) = bytes.get(start) else {
                self.at = start;
                return None;
            };
            if b.is_ascii() {
                if b.is_ascii_alphanumeric() {
                    break b as char;
                }
                start += 1;
            } else {
                let c = char_at(start);
                if in_word(c) {
                    break c;
                }
                start += c.len_utf8();
            }
        };
        let single = alone(first);
        let mut end = start + first.len_utf8();
        while let Some(&b) = bytes.get(end) {
            if b.is_ascii() {
                // A character written alone keeps only the marks that follow it.
                if single || !b.is_ascii_alphanumeric() {
                    break;
                }
                end += 1;
            } else {
                let c = char_at(end);
                let continues = if single { is_combining_mark(c) } else { in_word(c) && !alone(c) };
                if !continues {
                    break;
                }
                end += c.len_utf8();
            }
        }
        self.at = end;
        Some((start, &text[start..end]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words as the rules say them, a character at a time, for the byte-wise
    /// iterator to agree with.
    fn by_characters(text: &str) -> Vec<(usize, &str)> {
        let mut found = Vec::new();
        let mut at = 0;
        loop {
            let rest = &text[at..];
            let mut chars = rest.char_indices().skip_while(|&(_, c)| !in_word(c));
            let Some((start, first)) = chars.next() else { return found };
            let single = alone(first);
            let mut end = start + first.len_utf8();
            for (i, c) in chars {
                let continues = if single { is_combining_mark(c) } else { in_word(c) && !alone(c) };
                if !continues {
                    break;
                }
                end = i + c.len_utf8();
            }
            found.push((at + start, &rest[start..end]));
            at += end;
        }
    }

    #[test]
    fn words_are_found_byte_by_byte_as_character_by_character() {
        for text in [
            "Sévaré, 10×2 km; Ærø — l’armée «\u{a0}Konna\u{a0}» ÷ e\u{301}te\u{301}",
            "東京は晴れ。Москва и Αθήνα; مَدِينَة 12, हिंदी!",
            "  trailing   ",
            "",
            "ǅemal Ǉubljana ɐ",
        ] {
            assert_eq!(words(text).collect::<Vec<_>>(), by_characters(text), "{text}");
        }
        // The shortcut for accented Latin letters says what Unicode says.
        for c in '\u{c0}'..='\u{24f}' {
            assert_eq!(in_word(c), c.is_alphanumeric() || is_combining_mark(c), "{c:?}");
        }
    }

    fn split(text: &str) -> Vec<&str> {
        words(text).map(|(_, w)| w).collect()
    }

    #[test]
    fn words_fold_accents_and_case_in_any_script() {
        assert_eq!(fold("Sévaré"), "sevare");
        assert_eq!(fold("ÆRØ"), "ærø");
        assert_eq!(fold("Москва"), "москва");
        assert_eq!(fold("ΟΔΟΣ"), fold("οδός"), "a final sigma is a sigma");
        assert_eq!(fold("İstanbul"), "istanbul");
        assert_eq!(fold("مَدِينَة"), "مدينة", "Arabic harakat are dropped");
        assert_eq!(fold("हिंदी"), "हिंदी", "Indic vowel signs stay");
        assert_ne!(fold("が"), fold("か"), "a voiced kana stays voiced");
    }

    #[test]
    fn words_split_on_anything_but_letters_marks_and_digits() {
        assert_eq!(split("Ансар Дин, l’armée: 12 Αθήνα"), ["Ансар", "Дин", "l", "armée", "12", "Αθήνα"]);
        // A decomposed accent stays in its word.
        assert_eq!(split("Se\u{301}vare\u{301} x"), ["Se\u{301}vare\u{301}", "x"]);
        assert_eq!(split("हिंदी भाषा"), ["हिंदी", "भाषा"]);
    }

    #[test]
    fn ideographs_and_kana_are_words_by_themselves() {
        assert_eq!(split("北京市に行く。Tokyo"), ["北", "京", "市", "に", "行", "く", "Tokyo"]);
        assert_eq!(split("か\u{3099}x"), ["か\u{3099}", "x"]);
        let offsets: Vec<usize> = words("a 北京").map(|(at, _)| at).collect();
        assert_eq!(offsets, [0, 2, 5]);
    }
}
