//! jieba-rs segmentation of the clean text, kept as word boundaries and tags per character.

use crate::lexicon::Lexicon;

pub struct Tokens {
    /// `starts[i]`: a word starts at character i; `ends[i]`: a word ends just before character i.
    pub starts: Vec<bool>,
    pub ends: Vec<bool>,
    /// (start, end, tag) of every word, in order.
    pub words: Vec<(usize, usize, String)>,
}

impl Tokens {
    pub fn new(lex: &Lexicon, text: &str, n_chars: usize) -> Self {
        let mut starts = vec![false; n_chars + 1];
        let mut ends = vec![false; n_chars + 1];
        let mut words = Vec::new();
        for t in lex.jieba.tag(text, true) {
            starts[t.start] = true;
            ends[t.end] = true;
            words.push((t.start, t.end, t.tag.to_string()));
        }
        starts[n_chars] = true;
        ends[0] = true;
        Tokens { starts, ends, words }
    }

    /// Is `[start, end)` made of whole words?
    pub fn aligned(&self, start: usize, end: usize) -> bool {
        self.starts[start] && self.ends[end]
    }

    /// The words lying inside `[start, end)`, in order (words do not overlap and come in order).
    pub fn words_within(&self, start: usize, end: usize) -> impl Iterator<Item = &(usize, usize, String)> {
        let from = self.words.partition_point(|w| w.0 < start);
        self.words[from..].iter().take_while(move |w| w.0 <= end).filter(move |w| w.1 <= end)
    }

    /// The word covering character `at`.
    pub fn word_at(&self, at: usize) -> Option<&(usize, usize, String)> {
        let i = self.words.partition_point(|w| w.1 <= at);
        self.words.get(i).filter(|w| w.0 <= at)
    }
}

/// jieba tags of function words: adverbs, pronouns, prepositions, conjunctions, idioms and the like.
pub const FUNCTION_TAGS: [&str; 10] = ["vd", "d", "r", "p", "c", "u", "i", "l", "ad", "y"];

/// Tags of everyday words a name must not start with (adds nouns and adjectives to the above).
pub const COMMON_WORD_TAGS: [&str; 18] = ["n", "v", "vn", "a", "an", "ad", "d", "p", "c", "u", "r", "f", "t", "s", "l", "i", "m", "q"];

impl Tokens {
    /// Moves `start` past leading function words (各级, 进一步, 全力以赴…) that end before `limit`.
    pub fn skip_function_words(&self, start: usize, limit: usize) -> usize {
        self.skip_words_tagged(start, limit, &FUNCTION_TAGS)
    }

    /// Moves `start` past leading words whose tag is one of `tags`, up to `limit`.
    pub fn skip_words_tagged(&self, mut start: usize, limit: usize, tags: &[&str]) -> usize {
        while let Some((s, e, tag)) = self.word_at(start) {
            if *s != start || *e > limit || !tags.contains(&tag.as_str()) {
                break;
            }
            start = *e;
        }
        start
    }
}
