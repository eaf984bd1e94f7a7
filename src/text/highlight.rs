//! Syntax highlighting with syntect, as CSS classes so the theme's stylesheet (light and
//! dark) colours them. The syntax set loads once, and only if a page has code.

use super::escape::html as escape;
use std::sync::LazyLock;
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);

const STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// A `<pre>` block of highlighted code; plain (escaped) when the language is unknown.
pub fn code_block(source: &str, lang: &str) -> String {
    let syntax = (!lang.is_empty()).then(|| SYNTAXES.find_syntax_by_token(lang)).flatten();
    let Some(syntax) = syntax else {
        return format!("<pre class=\"code\"><code>{}</code></pre>\n", escape(source));
    };
    let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, &SYNTAXES, STYLE);
    for line in LinesWithEndings::from(source) {
        if generator.parse_html_for_line_which_includes_newline(line).is_err() {
            return format!("<pre class=\"code\"><code>{}</code></pre>\n", escape(source));
        }
    }
    format!(
        "<pre class=\"code\" data-lang=\"{}\"><code>{}</code></pre>\n",
        escape(lang),
        generator.finalize()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_known_languages_with_classes_and_escapes_unknown_ones() {
        let html = code_block("{\"title\": \"Konna\"}\n", "json");
        assert!(html.contains("class=\"hl-"), "{html}");
        assert_eq!(
            code_block("<b>", "no-such-language"),
            "<pre class=\"code\"><code>&lt;b&gt;</code></pre>\n"
        );
    }
}
