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

/// For each character, whether it stands inside the title marks of a work (《…》): a book, film or
/// game title names the work, not the people, posts or places its words would otherwise be.
pub fn inside_work_titles(chars: &[char]) -> Vec<bool> {
    let mut inside = vec![false; chars.len()];
    let mut open: Option<usize> = None;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '《' => open = Some(i),
            '》' => {
                if let Some(o) = open.take() {
                    inside[o + 1..i].iter_mut().for_each(|x| *x = true);
                }
            }
            // An unclosed mark does not run past its sentence.
            '。' | '\n' => open = None,
            _ => {}
        }
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_titles_cover_only_closed_marks() {
        let c: Vec<char> = "读《画家手记》的画家。《未闭".chars().collect();
        let inside = inside_work_titles(&c);
        let marked: String = c.iter().zip(&inside).filter(|(_, &x)| x).map(|(c, _)| *c).collect();
        assert_eq!(marked, "画家手记");
    }

    #[test]
    fn find_all_in_a_range() {
        let c: Vec<char> = "项目项目目项目".chars().collect();
        assert_eq!(find_all(&c, 0, c.len(), "项目"), vec![0, 2, 5]);
        assert_eq!(find_all(&c, 1, 4, "项目"), vec![2]);
        assert!(find_all(&c, 0, 1, "项目").is_empty());
    }
}
