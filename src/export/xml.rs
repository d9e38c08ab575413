//! XML text and attribute escaping for the GraphML and GEXF writers.

use std::borrow::Cow;

/// True for the characters XML 1.0 allows in a document.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escapes `s` for XML element content or a double- or single-quoted attribute value: `& < > " '`
/// become entities, tab and line breaks become character references (so attribute values keep
/// them), and characters XML 1.0 forbids (control characters, U+FFFE, U+FFFF) become U+FFFD.
pub fn escape(s: &str) -> Cow<'_, str> {
    if s.chars().all(|c| allowed(c) && !matches!(c, '&' | '<' | '>' | '"' | '\'' | '\t' | '\n' | '\r')) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if allowed(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_quotes_breaks_and_forbidden_characters() {
        assert_eq!(escape("市委书记"), "市委书记");
        assert!(matches!(escape("市委书记"), Cow::Borrowed(_)));
        assert_eq!(escape("A&B <c> \"d\" 'e'"), "A&amp;B &lt;c&gt; &quot;d&quot; &apos;e&apos;");
        assert_eq!(escape("a\nb\tc\r"), "a&#10;b&#9;c&#13;");
        assert_eq!(escape("x\u{1}y\u{FFFF}"), "x\u{FFFD}y\u{FFFD}");
        assert_eq!(escape("]]>"), "]]&gt;");
    }
}
