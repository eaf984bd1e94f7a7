//! HTML escaping, by pulldown-cmark's own escaper: `&`, `<`, `>`, `"` and `'`, so the
//! text is safe in a text node and in an attribute, whichever quotes it.

/// `text` escaped for HTML text or a double-quoted attribute.
pub fn html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + text.len() / 8);
    html_into(&mut escaped, text);
    escaped
}

/// Appends `text`, escaped, to `out`.
pub fn html_into(out: &mut String, text: &str) {
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(out, text);
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(super::html("<a href=\"x\">&</a>'"), "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;&#39;");
    }
}
