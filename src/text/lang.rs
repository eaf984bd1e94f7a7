//! Language tags and the typography that depends on the language.

/// Whether two language tags name the same language (`fr` and `fr-FR` do).
pub fn same_language(a: &str, b: &str) -> bool {
    primary(a).eq_ignore_ascii_case(primary(b))
}

/// The primary subtag: `fr` of `fr-CA`.
pub fn primary(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

pub fn is_french(language: &str) -> bool {
    primary(language).eq_ignore_ascii_case("fr")
}

/// French text as printed, kept from breaking badly: the space before `;`, `!` and `?`
/// becomes a narrow no-break space, the one before `:` and `»` or after `«` a no-break
/// space. Only the kind of space changes, never a character a reader reads. `next` is the
/// character that follows `text`, when `text` is a piece of a longer one.
pub fn french_spacing(text: &str, next: Option<char>) -> String {
    let mut spaced = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut before: Option<char> = None;
    while let Some(c) = chars.next() {
        let after = chars.peek().copied().or(next);
        spaced.push(match (c, after, before) {
            (' ', Some(';' | '!' | '?'), _) => '\u{202F}',
            (' ', Some(':' | '»'), _) | (' ', _, Some('«')) => '\u{A0}',
            _ => c,
        });
        before = Some(c);
    }
    spaced
}

/// Whether `text` opens and closes with a quotation mark (Unicode's Quotation_Mark:
/// “ ” « » „ 「 」 and the rest), so that a page adds none around it.
pub fn carries_its_marks(text: &str) -> bool {
    static MARK: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"^\p{Quotation_Mark}$").expect("a valid pattern"));
    let text = text.trim();
    let (Some(first), Some(last)) = (text.chars().next(), text.chars().next_back()) else { return false };
    text.chars().count() > 1
        && MARK.is_match(&text[..first.len_utf8()])
        && MARK.is_match(&text[text.len() - last.len_utf8()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quotation_in_its_own_marks_is_told_from_one_without() {
        assert!(carries_its_marks("“sera prête à arrêter l’offensive”"));
        assert!(carries_its_marks("« Nous contrôlons la ville »"));
        assert!(carries_its_marks("「東京」"));
        assert!(!carries_its_marks("sera prête"));
        assert!(!carries_its_marks("“J’ai décidé"));
        assert!(!carries_its_marks("(parenthesised)"));
        assert!(!carries_its_marks("“"));
    }

    #[test]
    fn french_spacing_changes_only_spaces() {
        let spaced = french_spacing("Jeudi : « oui » ; non ?", None);
        assert_eq!(spaced, "Jeudi\u{A0}: «\u{A0}oui\u{A0}»\u{202F}; non\u{202F}?");
        assert_eq!(
            french_spacing("Jeudi ", Some(':')),
            "Jeudi\u{A0}",
            "a space before the next piece's colon"
        );
        assert_eq!(french_spacing("Jeudi , un", None), "Jeudi , un", "other spaces stay as they are");
    }

    #[test]
    fn languages_compare_by_primary_subtag() {
        assert!(same_language("fr", "fr-FR"));
        assert!(same_language("EN", "en-GB"));
        assert!(!same_language("fr", "en"));
        assert!(is_french("fr-CA"));
    }
}
