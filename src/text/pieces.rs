//! Long texts in pieces: an archive dump of many pages is cut where a page or an article starts
//! (or, failing that, where a paragraph or a line ends), so that each piece can be read on its own
//! in memory proportional to the piece.

use super::chars::{ends_sentence, is_terminal};
use super::normalize::{fold_char, parse_date_line};

/// One piece of a text: a slice of it and the character offset where the slice starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece<'a> {
    pub text: &'a str,
    /// Characters of the whole text before this piece.
    pub offset: usize,
}

/// The pieces of `text`, in order, each at most `max_chars` characters long (at least one
/// character), together the whole text.
pub fn pieces(text: &str, max_chars: usize) -> Pieces<'_> {
    Pieces { text, byte: 0, offset: 0, max_chars: max_chars.max(1) }
}

pub struct Pieces<'a> {
    text: &'a str,
    /// Where the next piece starts, in bytes and in characters.
    byte: usize,
    offset: usize,
    max_chars: usize,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        let rest = &self.text[self.byte..];
        if rest.is_empty() {
            return None;
        }
        let (len, chars) = cut(rest, self.max_chars);
        let piece = Piece { text: &rest[..len], offset: self.offset };
        self.byte += len;
        self.offset += chars;
        Some(piece)
    }
}

/// How good a place to cut a line start is: a page is better than an article, an article better
/// than a paragraph after a finished sentence, and so on down to any line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Boundary {
    Line,
    Sentence,
    Paragraph,
    Article,
    Page,
}

/// Where the first piece of `rest` ends: (bytes, characters).
fn cut(rest: &str, max_chars: usize) -> (usize, usize) {
    // The window: the first max_chars characters, and the byte where each starts.
    let starts: Vec<usize> = rest.char_indices().map(|(b, _)| b).take(max_chars + 1).collect();
    if starts.len() <= max_chars {
        return (rest.len(), starts.len());
    }
    let window = &rest[..starts[max_chars]];
    let lines = line_starts(window);
    let half = window.len() / 2;
    // The best boundary in the second half of the window, the last of its kind; else the best
    // anywhere; else inside a line.
    let best_after = |from: usize| lines.iter().filter(|&&b| b >= from && b > 0).map(|&b| (boundary_at(rest, b), b)).max().map(|(_, b)| b);
    let byte = best_after(half).or_else(|| best_after(0)).unwrap_or_else(|| inside_line(window, half));
    let chars = starts.partition_point(|&b| b < byte);
    (byte, chars)
}

/// The byte offsets of the starts of lines in `window` (after each '\n').
fn line_starts(window: &str) -> Vec<usize> {
    window.match_indices('\n').map(|(b, _)| b + 1).filter(|&b| b < window.len()).collect()
}

/// A cut within one long line: after the last sentence end in the second half of the window, else
/// at the window's end.
fn inside_line(window: &str, half: usize) -> usize {
    window
        .char_indices()
        .rev()
        .take_while(|&(b, _)| b >= half)
        .find(|&(_, c)| ends_sentence(c))
        .map(|(b, c)| b + c.len_utf8())
        .unwrap_or(window.len())
}

/// What starts at byte `at` of `text` (a line start, not the first).
fn boundary_at(text: &str, at: usize) -> Boundary {
    let line = line_from(text, at);
    let before = &text[..at - 1];
    // The last line with text before this one, and whether blank lines stand between.
    let mut previous = before.rsplit('\n').map(str::trim);
    let mut blank_between = false;
    let last = loop {
        match previous.next() {
            Some("") => blank_between = true,
            Some(l) => break Some(l),
            None => break None,
        }
    };
    let next = line_from(text, at + text[at..].find('\n').map_or(text.len() - at, |n| n + 1));
    // A page opens with its masthead line and its date line ("2025年3月5日 星期三").
    let masthead = |l: &str| !l.is_empty() && l.chars().count() <= 40 && !l.chars().last().is_some_and(is_terminal);
    if (is_date_line(line) && !last.is_some_and(|l| masthead(l) && !blank_between)) || (masthead(line) && is_date_line(next)) {
        return Boundary::Page;
    }
    if ["本报讯", "本刊讯", "新华社"].iter().any(|d| line.starts_with(d)) {
        return Boundary::Article;
    }
    match last {
        Some(l) if l.chars().last().is_some_and(is_terminal) => {
            if blank_between {
                Boundary::Paragraph
            } else {
                Boundary::Sentence
            }
        }
        _ => Boundary::Line,
    }
}

/// The line starting at byte `at`, trimmed (at most its first 200 bytes are looked at).
fn line_from(text: &str, at: usize) -> &str {
    let rest = &text[at.min(text.len())..];
    let end = rest.find('\n').unwrap_or(rest.len());
    let mut short = end.min(200);
    while !rest.is_char_boundary(short) {
        short -= 1;
    }
    rest[..short].trim()
}

fn is_date_line(line: &str) -> bool {
    let folded: String = line.chars().map(fold_char).collect();
    parse_date_line(&folded).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut_all(text: &str, max: usize) -> Vec<&str> {
        let ps: Vec<Piece> = pieces(text, max).collect();
        let mut offset = 0;
        for p in &ps {
            assert_eq!(p.offset, offset);
            offset += p.text.chars().count();
            assert!(p.text.chars().count() <= max);
        }
        assert_eq!(ps.iter().map(|p| p.text).collect::<String>(), text);
        ps.into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn short_texts_are_one_piece() {
        assert_eq!(cut_all("一句话。\n第二行", 100), vec!["一句话。\n第二行"]);
        assert!(cut_all("", 10).is_empty());
    }

    #[test]
    fn pieces_start_at_pages_then_articles_then_paragraphs() {
        let page = "某某日报 第1版\n2025年3月5日 星期三\n\n本报讯（记者甲）第一篇正文。\n第二段。\n\n本报讯（记者乙）第二篇正文。\n";
        let two = format!("{page}{page}");
        let n = page.chars().count();
        assert_eq!(cut_all(&two, n + 5), vec![page, page]);
        // Within a page, an article rather than a line or a sentence.
        let parts = cut_all(page, 40);
        assert!(parts[1].starts_with("本报讯（记者甲）"), "{parts:?}");
        let parts = cut_all(page, 52);
        assert!(parts[1].starts_with("本报讯（记者乙）"), "{parts:?}");
        // Without datelines, after a finished sentence and a blank line rather than mid-sentence.
        let text = "第一段的第一句话写到这里还\n没有结束，现在结束了。\n\n第二段开始，写了一些话。\n";
        assert_eq!(cut_all(text, 30)[1], "第二段开始，写了一些话。\n");
    }

    #[test]
    fn a_long_line_is_cut_after_a_sentence() {
        let line = "这是一句话。".repeat(10);
        let parts = cut_all(&line, 25);
        assert!(parts.iter().all(|p| p.ends_with('。')), "{parts:?}");
        let line = "字".repeat(50);
        let parts = cut_all(&line, 20);
        assert_eq!(parts.iter().map(|p| p.chars().count()).collect::<Vec<_>>(), vec![20, 20, 10]);
    }
}
