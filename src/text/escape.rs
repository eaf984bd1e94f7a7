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

/// `text`, escaped as it is formatted: `write!(html, "<p>{}</p>", Escaped(text))` makes no
/// string of its own.
pub struct Escaped<'t>(pub &'t str);

impl std::fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        pulldown_cmark_escape::escape_html(pulldown_cmark_escape::FmtWriter(f), self.0)
    }
}

/// Appends to HTML piece by piece: markup as it is, text escaped, numbers in digits.
/// Cheaper than formatting, for what is written by the hundred thousand.
pub struct Html<'s>(pub &'s mut String);

impl Html<'_> {
    pub fn raw(&mut self, markup: &str) -> &mut Self {
        self.0.push_str(markup);
        self
    }

    pub fn text(&mut self, text: &str) -> &mut Self {
        html_into(self.0, text);
        self
    }

    pub fn number(&mut self, n: usize) -> &mut Self {
        self.0.push_str(itoa::Buffer::new().format(n));
        self
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn builds_html_piece_by_piece() {
        let mut out = String::new();
        super::Html(&mut out).raw("<li value=\"").number(12).raw("\">").text("a < b").raw("</li>");
        assert_eq!(out, "<li value=\"12\">a &lt; b</li>");
    }

    #[test]
    fn escapes_as_it_formats() {
        assert_eq!(
            format!("<p>{}</p>", super::Escaped("a < b & \"c\"")),
            "<p>a &lt; b &amp; &quot;c&quot;</p>"
        );
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(super::html("<a href=\"x\">&</a>'"), "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;&#39;");
    }
}
