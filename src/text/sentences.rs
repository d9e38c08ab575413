//! Sentences and articles over a [`CleanText`].

use super::chars::ends_sentence;
use super::normalize::{CleanText, ParagraphKind};

/// A sentence: a character range of the clean text, with the paragraph and article it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
    pub article: usize,
}

/// Splits every paragraph into sentences after 。！？； (and a closing quote right after them).
pub fn split_sentences(clean: &CleanText) -> Vec<Sentence> {
    let articles = article_of_paragraphs(clean);
    let mut out = Vec::new();
    for (pi, p) in clean.paragraphs.iter().enumerate() {
        let mut start = p.start;
        let mut i = p.start;
        while i < p.end {
            let c = clean.chars[i];
            i += 1;
            if ends_sentence(c) {
                while i < p.end && matches!(clean.chars[i], '”' | '’' | '」' | '）') {
                    i += 1;
                }
                push_trimmed(clean, &mut out, start, i, pi, articles[pi]);
                start = i;
            }
        }
        push_trimmed(clean, &mut out, start, p.end, pi, articles[pi]);
    }
    out
}

/// The sentence holding character `at`, if any. Sentences come in order and do not overlap (as
/// [`split_sentences`] makes them), so this is a binary search, not a scan.
pub fn sentence_at(sentences: &[Sentence], at: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.end <= at);
    sentences.get(i).filter(|s| s.start <= at).map(|_| i)
}

fn push_trimmed(clean: &CleanText, out: &mut Vec<Sentence>, mut start: usize, mut end: usize, paragraph: usize, article: usize) {
    while start < end && clean.chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && clean.chars[end - 1].is_whitespace() {
        end -= 1;
    }
    if end > start {
        out.push(Sentence { start, end, paragraph, article });
    }
}

/// Numbers the articles of a page: a new article starts at a dateline byline (本报讯, 本刊讯), after a
/// headline, byline or caption that follows body text, and after page furniture ("下转第4版").
pub fn article_of_paragraphs(clean: &CleanText) -> Vec<usize> {
    let mut ids = Vec::with_capacity(clean.paragraphs.len());
    let mut article = 0;
    let mut previous: Option<(ParagraphKind, bool)> = None;
    for p in &clean.paragraphs {
        let text = clean.slice(p.start, p.end);
        let dateline = ["本报讯", "本刊讯", "新华社"].iter().any(|s| text.starts_with(s));
        if let Some((kind, break_after)) = previous {
            let boundary = break_after || dateline || (p.kind != kind && (p.kind != ParagraphKind::Body || kind != ParagraphKind::Byline));
            if boundary {
                article += 1;
            }
        }
        ids.push(article);
        previous = Some((p.kind, p.break_after));
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::normalize;

    #[test]
    fn splits_on_sentence_punctuation_keeping_quotes() {
        let c = normalize("他说：“今年要干好。”会议结束。下一句？");
        let s: Vec<String> = split_sentences(&c).iter().map(|s| c.slice(s.start, s.end)).collect();
        assert_eq!(s, vec!["他说：“今年要干好。”", "会议结束。", "下一句？"]);
    }

    #[test]
    fn the_sentence_at_a_position_is_the_one_a_scan_finds() {
        let c = normalize("第一句。 第二句！\n\n第三句");
        let s = split_sentences(&c);
        for at in 0..c.chars.len() + 2 {
            assert_eq!(sentence_at(&s, at), s.iter().position(|x| x.start <= at && at < x.end), "{at}");
        }
    }

    #[test]
    fn articles_split_at_datelines_and_headlines() {
        let page = "本报讯（记者周一鸣）第一篇文章的正文内容比较长，讲了一件事。\n\n第一篇的标题\n\n本报讯（记者吴小燕）第二篇文章的正文内容，讲了另一件事。\n第二篇的第二段，还是第二篇。\n";
        let c = normalize(page);
        let ids = article_of_paragraphs(&c);
        assert_eq!(ids.len(), 4, "{:?}", c.paragraphs);
        assert_ne!(ids[0], ids[2]);
        assert_ne!(ids[1], ids[2]);
        assert_eq!(ids[2], ids[3]);
    }
}
