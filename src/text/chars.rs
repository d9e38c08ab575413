//! Character classes shared by the text stages.

/// A CJK unified ideograph (the basic block and extension A).
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// Chinese (full-width) punctuation and brackets.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff01}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}'
        | '\u{ff3b}'..='\u{ff40}' | '\u{ff5b}'..='\u{ff65}' | '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// Punctuation that ends a sentence or a paragraph.
pub fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | '”' | '’' | '）' | ')' | '…' | '」' | '』')
}

/// Punctuation that ends a sentence (for splitting).
pub fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；')
}

/// Does `word` end exactly at character `end` of `chars`?
pub fn ends_with_at(chars: &[char], end: usize, word: &str) -> bool {
    let n = word.chars().count();
    end <= chars.len() && end >= n && word.chars().eq(chars[end - n..end].iter().copied())
}

/// Does one of `words` end exactly at `end`?
pub fn ends_with_any(chars: &[char], end: usize, words: &[&str]) -> bool {
    words.iter().any(|w| ends_with_at(chars, end, w))
}

/// Every position in `chars[from..to]` where `word` starts (occurrences may overlap).
pub fn find_all(chars: &[char], from: usize, to: usize, word: &str) -> Vec<usize> {
    let w: Vec<char> = word.chars().collect();
    if w.is_empty() || to > chars.len() || to < from + w.len() {
        return Vec::new();
    }
    (from..=to - w.len()).filter(|&i| chars[i..i + w.len()] == w[..]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_all_in_a_range() {
        let c: Vec<char> = "项目项目目项目".chars().collect();
        assert_eq!(find_all(&c, 0, c.len(), "项目"), vec![0, 2, 5]);
        assert_eq!(find_all(&c, 1, 4, "项目"), vec![2]);
        assert!(find_all(&c, 0, 1, "项目").is_empty());
    }
}
