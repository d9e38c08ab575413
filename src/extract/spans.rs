//! Position indexes over mentions, so that the rules asking "a place ending here?", "an
//! organisation overlapping this name?" or "the persons of this sentence" do not scan a whole
//! list of mentions at every character: on a long document such scans made extraction quadratic.
//!
//! [`SpanIndex`] answers over a fixed list; [`DisjointSpans`] over a growing set of mentions that
//! never overlap one another (the kept mentions of an overlap resolution).

use std::collections::{BTreeMap, HashMap};

/// A mention's character span `[start, end)` in the clean text.
pub trait Spanned {
    fn span(&self) -> (usize, usize);
}

/// The spans `[start, end)` of one list of mentions, indexed by where they start and end. A span is
/// named by its position in the list it was built from, and every query that yields several spans
/// yields them in list order, as a scan of the list would: the rules keep their "first match"
/// and "last match" meaning.
#[derive(Debug, Default, Clone)]
pub struct SpanIndex {
    spans: Vec<(usize, usize)>,
    /// Positions in the list, sorted by (start, position) and by (end, position).
    by_start: Vec<usize>,
    by_end: Vec<usize>,
    /// `reach[k]`: the greatest end among `by_start[..=k]` (does anything starting before x reach past y?).
    reach: Vec<usize>,
    /// `latest[k]`: the greatest position among `by_end[..=k]`.
    latest: Vec<usize>,
}

impl SpanIndex {
    pub fn new(spans: Vec<(usize, usize)>) -> Self {
        let mut by_start: Vec<usize> = (0..spans.len()).collect();
        by_start.sort_by_key(|&i| (spans[i].0, i));
        let mut by_end: Vec<usize> = (0..spans.len()).collect();
        by_end.sort_by_key(|&i| (spans[i].1, i));
        let reach = running_max(by_start.iter().map(|&i| spans[i].1));
        let latest = running_max(by_end.iter().copied());
        SpanIndex { spans, by_start, by_end, reach, latest }
    }

    /// The index of a list of mentions.
    pub fn of<T: Spanned>(items: &[T]) -> Self {
        SpanIndex::new(items.iter().map(Spanned::span).collect())
    }

    /// The span of list item `i`.
    pub fn span(&self, i: usize) -> (usize, usize) {
        self.spans[i]
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Spans starting at `at`, in list order.
    pub fn starting_at(&self, at: usize) -> impl Iterator<Item = usize> + '_ {
        let from = self.by_start.partition_point(|&i| self.spans[i].0 < at);
        self.by_start[from..].iter().copied().take_while(move |&i| self.spans[i].0 == at)
    }

    /// Spans ending at `at`, in list order.
    pub fn ending_at(&self, at: usize) -> impl Iterator<Item = usize> + '_ {
        let from = self.by_end.partition_point(|&i| self.spans[i].1 < at);
        self.by_end[from..].iter().copied().take_while(move |&i| self.spans[i].1 == at)
    }

    pub fn first_starting_at(&self, at: usize) -> Option<usize> {
        self.starting_at(at).next()
    }

    pub fn first_ending_at(&self, at: usize) -> Option<usize> {
        self.ending_at(at).next()
    }

    /// Spans whose start lies in `[lo, hi)`, in list order.
    pub fn starting_in(&self, lo: usize, hi: usize) -> Vec<usize> {
        let from = self.by_start.partition_point(|&i| self.spans[i].0 < lo);
        let to = self.by_start.partition_point(|&i| self.spans[i].0 < hi);
        in_list_order(&self.by_start[from..to.max(from)])
    }

    /// Spans whose end lies in `[lo, hi)`, in list order.
    pub fn ending_in(&self, lo: usize, hi: usize) -> Vec<usize> {
        let from = self.by_end.partition_point(|&i| self.spans[i].1 < lo);
        let to = self.by_end.partition_point(|&i| self.spans[i].1 < hi);
        in_list_order(&self.by_end[from..to.max(from)])
    }

    /// Spans lying inside `[start, end)`, in list order.
    pub fn within(&self, start: usize, end: usize) -> Vec<usize> {
        // (An empty span may start at `end` itself.)
        let mut inside = self.starting_in(start, end.max(start) + 1);
        inside.retain(|&i| self.spans[i].1 <= end);
        inside
    }

    /// Does a span overlap `[start, end)` (`s < end && start < e`, the test the rules write)?
    pub fn any_overlapping(&self, start: usize, end: usize) -> bool {
        // Of the spans starting before `end`, does the one reaching furthest pass `start`?
        let n = self.by_start.partition_point(|&i| self.spans[i].0 < end);
        n > 0 && self.reach[n - 1] > start
    }

    /// Does a span cover character `at`?
    pub fn any_covering(&self, at: usize) -> bool {
        self.any_overlapping(at, at + 1)
    }

    /// Does a span hold all of `[start, end)` (`s <= start && end <= e`)?
    pub fn any_containing(&self, start: usize, end: usize) -> bool {
        let n = self.by_start.partition_point(|&i| self.spans[i].0 <= start);
        n > 0 && self.reach[n - 1] >= end
    }

    /// The last span in list order that ends at or before `at`.
    pub fn last_ending_by(&self, at: usize) -> Option<usize> {
        let n = self.by_end.partition_point(|&i| self.spans[i].1 <= at);
        (n > 0).then(|| self.latest[n - 1])
    }
}

fn running_max(values: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut best = 0;
    values
        .map(|v| {
            best = best.max(v);
            best
        })
        .collect()
}

fn in_list_order(positions: &[usize]) -> Vec<usize> {
    let mut v = positions.to_vec();
    v.sort_unstable();
    v
}

/// A growing set of non-empty spans, none overlapping another, each with an id: "keep a mention
/// unless it overlaps one already kept" without comparing it to every kept one.
#[derive(Debug, Default, Clone)]
pub struct DisjointSpans {
    /// start → (end, id). Disjoint spans sorted by start are sorted by end too.
    kept: BTreeMap<usize, (usize, usize)>,
}

impl DisjointSpans {
    /// The kept span overlapping `[start, end)`, as (start, end, id), if there is one. When several
    /// overlap it, one of them.
    pub fn overlapping(&self, start: usize, end: usize) -> Option<(usize, usize, usize)> {
        // The kept span starting last before `end` reaches furthest: if it ends by `start`, all do.
        let (&s, &(e, id)) = self.kept.range(..end).next_back()?;
        (e > start).then_some((s, e, id))
    }

    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        self.overlapping(start, end).is_some()
    }

    /// Adds a span that overlaps no kept one.
    pub fn insert(&mut self, start: usize, end: usize, id: usize) {
        debug_assert!(start < end && !self.overlaps(start, end));
        self.kept.insert(start, (end, id));
    }
}

/// Every position where each of `words` starts in `chars` (occurrences may overlap): for each
/// word, what `text::chars::find_all(chars, 0, chars.len(), word)` gives, in one pass over the
/// text for all the words instead of one pass each.
pub fn find_all_of(chars: &[char], words: &[Vec<char>]) -> Vec<Vec<usize>> {
    // Words are looked up by their first two characters (one-character words by their only one).
    let mut by_pair: HashMap<(char, char), Vec<usize>> = HashMap::new();
    let mut by_char: HashMap<char, Vec<usize>> = HashMap::new();
    for (w, word) in words.iter().enumerate() {
        match word.as_slice() {
            [] => {}
            [c] => by_char.entry(*c).or_default().push(w),
            [a, b, ..] => by_pair.entry((*a, *b)).or_default().push(w),
        }
    }
    let mut found: Vec<Vec<usize>> = vec![Vec::new(); words.len()];
    if words.is_empty() {
        return found;
    }
    for i in 0..chars.len() {
        if let Some(ws) = by_char.get(&chars[i]) {
            ws.iter().for_each(|&w| found[w].push(i));
        }
        let Some(ws) = chars.get(i + 1).and_then(|&next| by_pair.get(&(chars[i], next))) else { continue };
        for &w in ws {
            if chars[i..].starts_with(&words[w]) {
                found[w].push(i);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::chars::find_all;

    /// Every query, checked against the scan of the list it replaces.
    #[test]
    fn queries_agree_with_scans() {
        let spans = vec![(5, 9), (0, 3), (5, 7), (2, 4), (8, 8), (12, 20), (3, 4), (9, 12)];
        let ix = SpanIndex::new(spans.clone());
        for a in 0..22 {
            let scan = |f: &dyn Fn(&(usize, usize)) -> bool| (0..spans.len()).filter(|&i| f(&spans[i])).collect::<Vec<_>>();
            assert_eq!(ix.starting_at(a).collect::<Vec<_>>(), scan(&|s| s.0 == a));
            assert_eq!(ix.ending_at(a).collect::<Vec<_>>(), scan(&|s| s.1 == a));
            assert_eq!(ix.any_covering(a), !scan(&|s| s.0 <= a && a < s.1).is_empty());
            assert_eq!(ix.last_ending_by(a), spans.iter().rposition(|s| s.1 <= a));
            for b in a..22 {
                assert_eq!(ix.starting_in(a, b), scan(&|s| a <= s.0 && s.0 < b));
                assert_eq!(ix.ending_in(a, b), scan(&|s| a <= s.1 && s.1 < b));
                assert_eq!(ix.within(a, b), scan(&|s| a <= s.0 && s.1 <= b));
                assert_eq!(ix.any_overlapping(a, b), !scan(&|s| s.0 < b && a < s.1).is_empty(), "{a} {b}");
                assert_eq!(ix.any_containing(a, b), !scan(&|s| s.0 <= a && b <= s.1).is_empty(), "{a} {b}");
            }
        }
        assert!(!SpanIndex::new(vec![]).any_overlapping(0, 5));
    }

    #[test]
    fn disjoint_spans_find_what_overlaps() {
        let mut kept = DisjointSpans::default();
        kept.insert(3, 6, 0);
        kept.insert(10, 12, 1);
        assert!(matches!(kept.overlapping(5, 11), Some((10, 12, 1)) | Some((3, 6, 0))));
        assert!(kept.overlaps(0, 4) && kept.overlaps(11, 30) && kept.overlaps(4, 5));
        assert!(!kept.overlaps(0, 3) && !kept.overlaps(6, 10) && !kept.overlaps(12, 40));
        assert_eq!(kept.overlapping(3, 6), Some((3, 6, 0)));
    }

    #[test]
    fn many_words_at_once_as_one_at_a_time() {
        let c: Vec<char> = "项目项目目项目王小明和王小说了王".chars().collect();
        let words: Vec<Vec<char>> = ["项目", "目项", "王", "王小明", "王小", "", "项目"].iter().map(|w| w.chars().collect()).collect();
        let all = find_all_of(&c, &words);
        for (w, found) in words.iter().zip(&all) {
            let word: String = w.iter().collect();
            assert_eq!(*found, find_all(&c, 0, c.len(), &word), "{word}");
        }
    }
}
