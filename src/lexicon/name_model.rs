//! A statistical model of where person names stand in running text: a character-level linear-chain
//! tagger (O, B, M, E, S of a name) with weights learned by the averaged structured perceptron.
//!
//! The rules in `extract::person` find names next to titles, in lists and bylines; this model finds
//! the names written with nothing around them ("彭某某认为…"). Its weights are data
//! (`data/names.model`), trained by `examples/train_names.rs` from a published annotated corpus
//! (see `data/NAMES_MODEL_SOURCE.md`); the features are defined once here, for training and use.

use std::collections::HashMap;

/// Tags of one character: outside a name, begins, middle, ends, single-character name.
pub const TAGS: usize = 5;
const O: usize = 0;
const B: usize = 1;
const M: usize = 2;
const E: usize = 3;
const S: usize = 4;

/// Weights are written to the model file as integers, in hundredths.
const SCALE: f32 = 100.0;

#[derive(Debug, Default, Clone)]
pub struct NameModel {
    features: HashMap<String, [f32; TAGS]>,
    /// transitions[previous][next]
    transitions: [[f32; TAGS]; TAGS],
}

/// Can `next` follow `prev` (None: sentence start)? Keeps every decoded name well-formed.
fn allowed(prev: Option<usize>, next: usize) -> bool {
    match prev {
        None => matches!(next, O | B | S),
        Some(B | M) => matches!(next, M | E),
        Some(_) => matches!(next, O | B | S),
    }
}

fn can_end(tag: usize) -> bool {
    matches!(tag, O | E | S)
}

/// Character class: digit, Latin letter, CJK, other.
fn class(c: char) -> char {
    if c.is_ascii_digit() || ('０'..='９').contains(&c) {
        'D'
    } else if c.is_ascii_alphabetic() || ('Ａ'..='ｚ').contains(&c) {
        'A'
    } else if crate::text::chars::is_cjk(c) {
        'C'
    } else {
        'P'
    }
}

/// What the model knows of a character besides the text itself: whether a surname of our list
/// starts there, and the jieba word it stands in (its place in the word, its tag, its length).
/// jieba's dictionary knows many names (tagged nr, nrt, nrfg); the model learns how far to trust it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CharHint {
    pub surname: bool,
    /// B, M, E of a longer word, S of a one-character word.
    pub word_pos: char,
    /// The jieba tag, reduced to one character (see [`tag_class`]).
    pub word_tag: char,
    /// The word's length, capped at 4.
    pub word_len: u8,
    /// Where the word starts and ends, in characters.
    pub word_start: usize,
    pub word_end: usize,
}

impl Default for CharHint {
    fn default() -> Self {
        CharHint { surname: false, word_pos: 'S', word_tag: '-', word_len: 1, word_start: 0, word_end: 0 }
    }
}

/// A jieba tag reduced to the classes that matter for names.
pub fn tag_class(tag: &str) -> char {
    match tag {
        "nr" => 'r',
        "nrt" => 't',
        "nrfg" => 'f',
        "ns" => 's',
        "nt" => 'o',
        "nz" => 'z',
        "x" | "eng" => 'x',
        "m" | "q" | "mq" => 'm',
        t if t.starts_with('n') => 'n',
        t if t.starts_with('v') => 'v',
        t if t.starts_with('a') => 'a',
        _ => '-',
    }
}

/// Hints for `chars` from jieba's words (start, end, tag) and the surname positions.
pub fn char_hints(n_chars: usize, words: &[(usize, usize, String)], surname_at: &[bool]) -> Vec<CharHint> {
    let mut hints = vec![CharHint::default(); n_chars];
    for (s, e, tag) in words {
        let (s, e) = (*s, (*e).min(n_chars));
        for (i, hint) in hints.iter_mut().enumerate().take(e).skip(s) {
            hint.word_pos = if e - s == 1 {
                'S'
            } else if i == s {
                'B'
            } else if i + 1 == e {
                'E'
            } else {
                'M'
            };
            hint.word_tag = tag_class(tag);
            hint.word_len = (e - s).min(4) as u8;
            hint.word_start = s;
            hint.word_end = e;
        }
    }
    for (h, &s) in hints.iter_mut().zip(surname_at) {
        h.surname = s;
    }
    hints
}

/// The feature strings of position `i`, given to `visit` one at a time (one buffer, no allocation
/// per feature).
fn for_each_feature(chars: &[char], i: usize, hints: &[CharHint], buf: &mut String, mut visit: impl FnMut(&str)) {
    let at = |k: isize| -> char {
        let j = i as isize + k;
        if j < 0 {
            '^'
        } else if j as usize >= chars.len() {
            '$'
        } else {
            chars[j as usize]
        }
    };
    let mut emit = |name: &str, parts: &[char]| {
        buf.clear();
        buf.push_str(name);
        buf.extend(parts.iter());
        visit(buf);
    };
    emit("b", &[]);
    emit("c0=", &[at(0)]);
    emit("c-1=", &[at(-1)]);
    emit("c1=", &[at(1)]);
    emit("c-2=", &[at(-2)]);
    emit("c2=", &[at(2)]);
    emit("c-1c0=", &[at(-1), at(0)]);
    emit("c0c1=", &[at(0), at(1)]);
    emit("c-1c1=", &[at(-1), at(1)]);
    emit("c-2c-1=", &[at(-2), at(-1)]);
    emit("c1c2=", &[at(1), at(2)]);
    emit("t=", &[class(at(-1)), class(at(0)), class(at(1))]);
    let hint = |k: isize| -> CharHint {
        let j = i as isize + k;
        if j < 0 || j as usize >= hints.len() {
            CharHint { word_pos: '^', word_tag: '^', ..CharHint::default() }
        } else {
            hints[j as usize]
        }
    };
    let surname = |k: isize| if hint(k).surname { '1' } else { '0' };
    emit("s=", &[surname(-2), surname(-1), surname(0)]);
    let (h0, hp, hn) = (hint(0), hint(-1), hint(1));
    let len = |h: CharHint| char::from(b'0' + h.word_len);
    emit("w=", &[h0.word_pos, h0.word_tag, len(h0)]);
    emit("w-1=", &[hp.word_pos, hp.word_tag]);
    emit("w1=", &[hn.word_pos, hn.word_tag]);
    emit("ws=", &[h0.word_pos, h0.word_tag, surname(0), surname(-1)]);
    emit("wc=", &[h0.word_pos, h0.word_tag, at(0)]);
    // jieba tags some everyday words as names (谢谢/nr): the word itself tells the model which.
    if matches!(h0.word_tag, 'r' | 't' | 'f') && h0.word_end <= chars.len() && h0.word_start < h0.word_end {
        buf.clear();
        buf.push_str("wid=");
        buf.push(h0.word_pos);
        buf.extend(&chars[h0.word_start..h0.word_end]);
        visit(buf);
    }
}

impl NameModel {
    /// Reads the model file: a `T` line with the transition weights (25 integers, row by row), then
    /// one line per feature: the feature, a tab, five integer weights.
    pub fn parse(data: &str) -> Result<Self, String> {
        let mut model = NameModel::default();
        for (n, line) in data.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || format!("names.model line {}: malformed", n + 1);
            let (key, values) = line.rsplit_once('\t').ok_or_else(bad)?;
            let numbers: Vec<f32> =
                values.split(' ').map(|v| v.parse::<i32>().map(|x| x as f32 / SCALE)).collect::<Result<_, _>>().map_err(|_| bad())?;
            if key == "T" && numbers.len() == TAGS * TAGS {
                for (k, w) in numbers.into_iter().enumerate() {
                    model.transitions[k / TAGS][k % TAGS] = w;
                }
            } else if numbers.len() == TAGS {
                let mut w = [0.0; TAGS];
                w.copy_from_slice(&numbers);
                model.features.insert(key.to_string(), w);
            } else {
                return Err(bad());
            }
        }
        Ok(model)
    }

    /// Writes the model in the format `parse` reads, leaving out features whose weights all round to zero.
    pub fn write(&self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        let int = |w: f32| (w * SCALE).round() as i32;
        let join = |ws: &[f32]| ws.iter().map(|&w| int(w).to_string()).collect::<Vec<_>>().join(" ");
        writeln!(out, "T\t{}", join(&self.transitions.concat()))?;
        let mut keys: Vec<&String> = self.features.keys().collect();
        keys.sort();
        for k in keys {
            let w = &self.features[k];
            if w.iter().any(|&x| int(x) != 0) {
                writeln!(out, "{k}\t{}", join(w))?;
            }
        }
        Ok(())
    }

    pub fn feature_count(&self) -> usize {
        self.features.len()
    }

    fn emissions(&self, chars: &[char], hints: &[CharHint]) -> Vec<[f32; TAGS]> {
        let mut buf = String::new();
        (0..chars.len())
            .map(|i| {
                let mut score = [0.0; TAGS];
                for_each_feature(chars, i, hints, &mut buf, |f| {
                    if let Some(w) = self.features.get(f) {
                        for t in 0..TAGS {
                            score[t] += w[t];
                        }
                    }
                });
                score
            })
            .collect()
    }

    /// The best tag sequence (Viterbi over well-formed sequences).
    fn decode(&self, chars: &[char], hints: &[CharHint]) -> Vec<usize> {
        let emissions = self.emissions(chars, hints);
        viterbi(&emissions, &self.transitions)
    }

    /// Spans `[start, end)` of the names the model reads in `chars`.
    pub fn names(&self, chars: &[char], hints: &[CharHint]) -> Vec<(usize, usize)> {
        spans(&self.decode(chars, hints))
    }
}

fn viterbi(emissions: &[[f32; TAGS]], transitions: &[[f32; TAGS]; TAGS]) -> Vec<usize> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    const NONE: f32 = f32::NEG_INFINITY;
    let mut score = vec![[NONE; TAGS]; n];
    let mut back = vec![[0usize; TAGS]; n];
    for t in 0..TAGS {
        if allowed(None, t) {
            score[0][t] = emissions[0][t];
        }
    }
    for i in 1..n {
        for t in 0..TAGS {
            for p in 0..TAGS {
                if score[i - 1][p] == NONE || !allowed(Some(p), t) {
                    continue;
                }
                let s = score[i - 1][p] + transitions[p][t] + emissions[i][t];
                if s > score[i][t] {
                    score[i][t] = s;
                    back[i][t] = p;
                }
            }
        }
    }
    let mut best = (0..TAGS).filter(|&t| can_end(t)).max_by(|&a, &b| score[n - 1][a].total_cmp(&score[n - 1][b])).unwrap_or(O);
    let mut tags = vec![O; n];
    for i in (0..n).rev() {
        tags[i] = best;
        best = back[i][best];
    }
    tags
}

fn spans(tags: &[usize]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, &t) in tags.iter().enumerate() {
        match t {
            B => start = Some(i),
            E => {
                if let Some(s) = start.take() {
                    out.push((s, i + 1));
                }
            }
            S => out.push((i, i + 1)),
            O => start = None,
            _ => {}
        }
    }
    out
}

/// One training sentence: its characters and the name spans in it.
pub struct Example {
    pub chars: Vec<char>,
    pub names: Vec<(usize, usize)>,
}

fn gold_tags(e: &Example) -> Vec<usize> {
    let mut tags = vec![O; e.chars.len()];
    for &(s, end) in &e.names {
        if end - s == 1 {
            tags[s] = S;
        } else {
            tags[s] = B;
            tags[s + 1..end - 1].iter_mut().for_each(|t| *t = M);
            tags[end - 1] = E;
        }
    }
    tags
}

/// Trains with the averaged structured perceptron for `iterations` passes (in the given order, so a
/// run is reproducible). `surnames` says, for a sentence, where a surname starts.
pub fn train(examples: &[Example], iterations: usize, hints_of: impl Fn(&[char]) -> Vec<CharHint>) -> NameModel {
    // Feature strings → index, and each sentence's feature indices per position, computed once.
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut buf = String::new();
    let prepared: Vec<(Vec<Vec<usize>>, Vec<usize>)> = examples
        .iter()
        .map(|e| {
            let hints = hints_of(&e.chars);
            let feats = (0..e.chars.len())
                .map(|i| {
                    let mut ids = Vec::with_capacity(13);
                    for_each_feature(&e.chars, i, &hints, &mut buf, |f| {
                        let next = index.len();
                        ids.push(*index.entry(f.to_string()).or_insert(next));
                    });
                    ids
                })
                .collect();
            (feats, gold_tags(e))
        })
        .collect();
    // Averaging by the usual trick: keep w and the step-weighted sum of updates u; average = w - u/c.
    let mut w = vec![[0.0f32; TAGS]; index.len()];
    let mut u = vec![[0.0f32; TAGS]; index.len()];
    let mut tw = [[0.0f32; TAGS]; TAGS];
    let mut tu = [[0.0f32; TAGS]; TAGS];
    let mut step = 1.0f32;
    for _ in 0..iterations {
        for (feats, gold) in &prepared {
            let emissions: Vec<[f32; TAGS]> = feats
                .iter()
                .map(|ids| {
                    let mut s = [0.0; TAGS];
                    for &f in ids {
                        for t in 0..TAGS {
                            s[t] += w[f][t];
                        }
                    }
                    s
                })
                .collect();
            let guess = viterbi(&emissions, &tw);
            if guess != *gold {
                for i in 0..gold.len() {
                    let (g, p) = (gold[i], guess[i]);
                    if g != p {
                        for &f in &feats[i] {
                            w[f][g] += 1.0;
                            u[f][g] += step;
                            w[f][p] -= 1.0;
                            u[f][p] -= step;
                        }
                    }
                    if i > 0 && (gold[i - 1], g) != (guess[i - 1], p) {
                        tw[gold[i - 1]][g] += 1.0;
                        tu[gold[i - 1]][g] += step;
                        tw[guess[i - 1]][p] -= 1.0;
                        tu[guess[i - 1]][p] -= step;
                    }
                }
            }
            step += 1.0;
        }
    }
    let mut model = NameModel::default();
    for (name, id) in index {
        let mut avg = [0.0; TAGS];
        for t in 0..TAGS {
            avg[t] = w[id][t] - u[id][t] / step;
        }
        model.features.insert(name, avg);
    }
    for p in 0..TAGS {
        for t in 0..TAGS {
            model.transitions[p][t] = tw[p][t] - tu[p][t] / step;
        }
    }
    model
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(text: &str, name: &str) -> Example {
        let chars: Vec<char> = text.chars().collect();
        let start = text[..text.find(name).unwrap()].chars().count();
        Example { chars, names: vec![(start, start + name.chars().count())] }
    }

    #[test]
    fn learns_names_from_their_context_and_round_trips_through_the_file() {
        let data = [
            example("甲乙丙认为此事可行。", "甲乙丙"),
            example("据丁戊己介绍，工程已完工。", "丁戊己"),
            example("庚辛表示同意。", "庚辛"),
            example("今天天气很好。", ""),
        ];
        let data: Vec<Example> = data
            .into_iter()
            .map(|mut e| {
                e.names.retain(|(s, end)| end > s);
                e
            })
            .collect();
        let model = train(&data, 10, |c| vec![CharHint::default(); c.len()]);
        let chars: Vec<char> = "甲乙丙认为此事可行。".chars().collect();
        assert_eq!(model.names(&chars, &vec![CharHint::default(); chars.len()]), vec![(0, 3)]);
        let mut file = Vec::new();
        model.write(&mut file).unwrap();
        let back = NameModel::parse(std::str::from_utf8(&file).unwrap()).unwrap();
        assert_eq!(back.names(&chars, &vec![CharHint::default(); chars.len()]), vec![(0, 3)]);
        assert!(back.names(&"今天天气很好。".chars().collect::<Vec<_>>(), &[CharHint::default(); 7]).is_empty());
    }

    #[test]
    fn decoded_tags_are_always_well_formed() {
        // Emissions that favour M everywhere still decode to a valid sequence.
        let emissions = vec![[0.0, 0.0, 5.0, 0.0, 0.0]; 4];
        let tags = viterbi(&emissions, &[[0.0; TAGS]; TAGS]);
        assert!(allowed(None, tags[0]) && can_end(tags[3]));
        assert!(tags.windows(2).all(|w| allowed(Some(w[0]), w[1])));
    }

    #[test]
    fn malformed_model_lines_name_their_line() {
        let err = NameModel::parse("T\t0 0\nfoo\t1 2 3 4 5\nbar 1").unwrap_err();
        assert!(err.contains("line 1"), "{err}");
    }
}
