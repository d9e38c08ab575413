//! Dictionaries (data files under `src/lexicon/data/`), the administrative-division gazetteer and
//! the jieba-rs segmenter set up with our own words.

pub mod gazetteer;
pub mod name_model;

use crate::model::{OrgType, Role};
use jieba_rs::Jieba;
use std::collections::HashSet;
use std::sync::OnceLock;

pub use gazetteer::{Division, Gazetteer, Level};

/// A set of words with fast longest-match lookups over a character slice.
#[derive(Debug, Default)]
pub struct WordSet {
    words: HashSet<String>,
    max_len: usize,
    /// First and last characters of the words: most positions of a text are rejected on these.
    firsts: HashSet<char>,
    lasts: HashSet<char>,
}

impl WordSet {
    pub fn from_lines(data: &str) -> Self {
        let mut set = WordSet::default();
        for w in data_lines(data).flat_map(|l| l.split_whitespace()) {
            set.insert(w);
        }
        set
    }

    pub fn insert(&mut self, w: &str) {
        let (Some(first), Some(last)) = (w.chars().next(), w.chars().last()) else { return };
        self.max_len = self.max_len.max(w.chars().count());
        self.firsts.insert(first);
        self.lasts.insert(last);
        self.words.insert(w.to_string());
    }

    pub fn contains(&self, w: &str) -> bool {
        self.words.contains(w)
    }

    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.words.iter()
    }

    /// Length of the longest word that ends exactly at `end` (exclusive).
    pub fn longest_ending_at(&self, chars: &[char], end: usize) -> Option<usize> {
        if end == 0 || end > chars.len() || !self.lasts.contains(&chars[end - 1]) {
            return None;
        }
        let window = self.max_len.min(end);
        // One string for the whole window; each candidate is a suffix of it (no allocation each).
        let text = collect(&chars[end - window..end]);
        let mut starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        starts.reverse(); // starts[n - 1] is where the n-character suffix begins
        (1..=window).rev().find(|&n| self.words.contains(&text[starts[n - 1]..]))
    }

    /// Length of the longest word that starts at `start`.
    pub fn longest_starting_at(&self, chars: &[char], start: usize) -> Option<usize> {
        if start >= chars.len() || !self.firsts.contains(&chars[start]) {
            return None;
        }
        let window = self.max_len.min(chars.len().saturating_sub(start));
        let text = collect(&chars[start..start + window]);
        let ends: Vec<usize> = text.char_indices().map(|(b, c)| b + c.len_utf8()).collect();
        (1..=window).rev().find(|&n| self.words.contains(&text[..ends[n - 1]]))
    }
}

pub fn collect(chars: &[char]) -> String {
    chars.iter().collect()
}

/// Non-empty lines of a data file, without `#` comments.
pub fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

pub struct Lexicon {
    pub titles: WordSet,
    /// Title words that are a post only next to a person ("代表").
    pub bound_titles: WordSet,
    /// Rank words that stay part of the post before a title ("见习", "首席").
    pub title_prefixes: WordSet,
    pub leader_words: WordSet,
    /// Words that end a name written before them ("带队", "一行").
    pub after_name_words: WordSet,
    /// Words that open a back-reference to a named event ("此次", "该").
    pub event_back_references: WordSet,
    /// Words that name no event of their own before an event noun ("相关", "分会场").
    pub event_generic_qualifiers: WordSet,
    pub stop_before: WordSet,
    pub name_followers: HashSet<char>,
    pub surnames: WordSet,
    /// Chinese names of countries and territories (data/countries.txt, generated from ISO 3166-1 data).
    pub countries: WordSet,
    pub event_nouns: WordSet,
    /// Verb → role, longest verbs first.
    pub roles: Vec<(String, Role)>,
    /// Suffix → organisation type, longest first.
    pub org_suffixes: Vec<(String, OrgType)>,
    /// Department names written after a place prefix (发展和改革委员会, 工信局…).
    pub gov_bodies: WordSet,
    /// Bodies that stand alone (国务院, 党中央, 市委…).
    pub standalone_bodies: WordSet,
    /// Armed forces named alone or after a country ("海军", "法国海军").
    pub armed_forces: WordSet,
    /// Armed forces named only after a country or its short form ("法军", "德国军队").
    pub armed_forces_after_country: WordSet,
    /// Words after which a person's name names a place, building or body ("纪念馆", "岛").
    pub named_after_words: WordSet,
    /// Trade words that end a company's short name after its brand ("证券", "传媒").
    pub company_trades: WordSet,
    /// Words naming a branch of the company before them ("分行", "分公司").
    pub org_branches: WordSet,
    /// One-character short forms of country names ("美", "俄").
    pub country_short_forms: WordSet,
    /// Standing abbreviations of departments: 发改委 → 发展和改革委员会.
    pub gov_abbreviations: Vec<(String, String)>,
    pub gazetteer: Gazetteer,
    /// Verbs that take 项目 as object ("紧盯项目"): data/project_object_verbs.txt.
    pub project_object_verbs: WordSet,
    /// Qualifiers of 项目 that name no project ("重点", "部分"), longest first: data/project_generic_words.txt.
    pub project_generic_words: Vec<String>,
    /// Posts a question can ask the holder of, each level's spelled out: data/post_forms.txt.
    pub post_titles: Vec<String>,
    /// What national posts start with, or are: data/national_posts.txt.
    pub national_posts: Vec<String>,
    /// Scope and stage words before a project's name, longest first: data/project_qualifiers.txt.
    pub project_qualifiers: Vec<String>,
    /// Words before 项目 that say which class of projects is meant ("重点", "招商"):
    /// data/project_category_heads.txt.
    pub project_category_heads: WordSet,
    /// Words that say what kind of delegation it is ("党政", "经贸"): data/delegation_kinds.txt.
    pub delegation_kinds: Vec<String>,
    /// Capacities and phases that make a project's name one undertaking: data/project_name_markers.txt.
    pub project_name_markers: WordSet,
    /// One-character words of a clause (要, 着, 向…) that no name holds: data/clause_particles.txt.
    pub clause_particles: WordSet,
    /// Verbs that may stand inside an organisation's name ("机械制造有限公司"): data/org_name_verbs.txt.
    pub org_name_verbs: WordSet,
    /// Division names that are everyday words when written alone: data/place_exclusions.txt.
    pub place_exclusions: WordSet,
    /// Full division names that are everyday words ("城区"): the `full:` lines of the same file.
    pub place_exclusions_full: WordSet,
    /// Short place names that jieba's own dictionary knows as everyday words (资源, 合作, 古城…).
    pub everyday_short_names: HashSet<String>,
    pub jieba: Jieba,
    /// Where names stand in running text, learned from an annotated corpus (`name_model`).
    pub name_model: name_model::NameModel,
}

static LEXICON: OnceLock<Lexicon> = OnceLock::new();

/// jieba tags that mark a short place name as an everyday word when written alone.
const EVERYDAY_PLACE_TAGS: [&str; 15] = ["n", "v", "vn", "d", "m", "q", "l", "i", "p", "c", "u", "r", "t", "f", "s"];

/// The shared lexicon, built on first use (about 0.2 s: jieba's dictionary and the name model dominate).
pub fn lexicon() -> &'static Lexicon {
    LEXICON.get_or_init(Lexicon::load)
}

impl Lexicon {
    fn load() -> Self {
        let gazetteer = Gazetteer::parse(include_str!("data/divisions.tsv"));
        let (mut gov_bodies, standalone_bodies) = split_marked(include_str!("data/gov_bodies.txt"), '=');
        let (armed_forces, armed_forces_after_country) = split_marked(include_str!("data/armed_forces.txt"), '+');
        let gov_abbreviations = parse_pairs(include_str!("data/gov_abbreviations.tsv"), |full| Some(full.to_string()));
        // A department's abbreviation and its full form are both department names.
        for (short, full) in &gov_abbreviations {
            gov_bodies.insert(short);
            gov_bodies.insert(full);
        }
        let (place_exclusions, place_exclusions_full) = place_exclusions(include_str!("data/place_exclusions.txt"));
        let lex = Lexicon {
            project_object_verbs: WordSet::from_lines(include_str!("data/project_object_verbs.txt")),
            project_name_markers: WordSet::from_lines(include_str!("data/project_name_markers.txt")),
            clause_particles: WordSet::from_lines(include_str!("data/clause_particles.txt")),
            project_generic_words: longest_first(&WordSet::from_lines(include_str!("data/project_generic_words.txt"))),
            post_titles: post_forms(include_str!("data/post_forms.txt")),
            national_posts: longest_first(&WordSet::from_lines(include_str!("data/national_posts.txt"))),
            project_qualifiers: longest_first(&WordSet::from_lines(include_str!("data/project_qualifiers.txt"))),
            project_category_heads: WordSet::from_lines(include_str!("data/project_category_heads.txt")),
            delegation_kinds: longest_first(&WordSet::from_lines(include_str!("data/delegation_kinds.txt"))),
            org_name_verbs: WordSet::from_lines(include_str!("data/org_name_verbs.txt")),
            place_exclusions,
            place_exclusions_full,
            titles: WordSet::from_lines(include_str!("data/titles.txt")),
            title_prefixes: WordSet::from_lines(include_str!("data/title_prefixes.txt")),
            bound_titles: WordSet::from_lines(include_str!("data/bound_titles.txt")),
            leader_words: WordSet::from_lines(include_str!("data/leader_words.txt")),
            after_name_words: WordSet::from_lines(include_str!("data/after_name_words.txt")),
            event_back_references: WordSet::from_lines(include_str!("data/event_back_references.txt")),
            event_generic_qualifiers: WordSet::from_lines(include_str!("data/event_generic_qualifiers.txt")),
            stop_before: WordSet::from_lines(include_str!("data/stop_before.txt")),
            name_followers: data_lines(include_str!("data/name_followers.txt")).filter_map(|l| l.chars().next()).collect(),
            surnames: WordSet::from_lines(include_str!("data/surnames.txt")),
            countries: WordSet::from_lines(include_str!("data/countries.txt")),
            event_nouns: WordSet::from_lines(include_str!("data/event_nouns.txt")),
            roles: sorted_by_len(parse_pairs(include_str!("data/roles.tsv"), Role::parse)),
            org_suffixes: sorted_by_len(parse_pairs(include_str!("data/org_suffixes.tsv"), OrgType::parse)),
            gov_bodies,
            standalone_bodies,
            armed_forces,
            armed_forces_after_country,
            country_short_forms: WordSet::from_lines(include_str!("data/country_short_forms.txt")),
            org_branches: WordSet::from_lines(include_str!("data/org_branches.txt")),
            company_trades: WordSet::from_lines(include_str!("data/company_trades.txt")),
            named_after_words: WordSet::from_lines(include_str!("data/named_after_words.txt")),
            gov_abbreviations,
            everyday_short_names: HashSet::new(),
            gazetteer,
            jieba: Jieba::new(),
            // Our own bundled data: a parse failure is a build defect, caught by every test.
            name_model: name_model::NameModel::parse(include_str!("data/names.model")).expect("bundled names.model"),
        };
        lex.with_own_words()
    }

    /// Teaches jieba our words so that it does not cut through them. Words already in jieba's
    /// dictionary keep their tag (see notes/dependencies.md), so tags are re-read from our sets.
    fn with_own_words(mut self) -> Self {
        self.everyday_short_names = self.everyday_words_among_short_names();
        let mut words: Vec<String> = Vec::new();
        words.extend(self.titles.iter().cloned());
        words.extend(self.gov_bodies.iter().cloned());
        words.extend(self.standalone_bodies.iter().cloned());
        words.extend(self.armed_forces.iter().cloned());
        words.extend(self.event_nouns.iter().cloned());
        words.extend(self.org_suffixes.iter().map(|(w, _)| w.clone()));
        words.extend(self.gazetteer.all_names().map(str::to_string));
        for w in words {
            if w.chars().count() >= 2 {
                // Frequent enough that jieba keeps the word whole ("经开区", not "将经/开区").
                let freq = self.jieba.suggest_freq(&w).max(2000);
                self.jieba.add_word(&w, Some(freq), None);
            }
        }
        self
    }

    /// Short place names that jieba's bundled dictionary tags as something other than a place name.
    fn everyday_words_among_short_names(&self) -> HashSet<String> {
        let mut out = HashSet::new();
        for d in &self.gazetteer.divisions {
            for short in &d.short_names {
                let tags = self.jieba.tag(short, false);
                // Adjective tags are left out: jieba tags some county names (平遥) as adjectives.
                let everyday = EVERYDAY_PLACE_TAGS.contains(&tags.first().map_or("", |t| t.tag));
                if tags.len() == 1 && self.jieba.has_word(short) && everyday {
                    out.insert(short.clone());
                }
            }
        }
        out
    }

    /// The divisions a name starts with ("宜阳县县长" → 宜阳县, "洛阳某某公司" → 洛阳市), with the
    /// length of the place name in characters; several when the name is ambiguous.
    pub fn place_prefix(&self, name: &str) -> Option<(usize, &[usize])> {
        self.place_prefix_entry(name).map(|(n, e)| (n, e.divisions.as_slice()))
    }

    /// [`Self::place_prefix`] with the gazetteer's entry (whether the name is a short form).
    pub fn place_prefix_entry(&self, name: &str) -> Option<(usize, &gazetteer::NameEntry)> {
        let chars: Vec<char> = name.chars().collect();
        self.gazetteer.longest_at(&chars, 0)
    }

    /// True for a post of the whole country ("总书记", "国务院副总理", "国家发改委主任").
    pub fn is_national_post(&self, title: &str) -> bool {
        self.national_posts.iter().any(|w| title.starts_with(w.as_str()))
    }

    /// `name` without the place names it starts with ("洛阳市宜阳县某某" → "某某"), unless nothing
    /// would be left.
    pub fn strip_place_prefix<'n>(&self, name: &'n str) -> &'n str {
        self.strip_place_prefix_of(name, None)
    }

    /// [`Self::strip_place_prefix`], a short form ("锦屏" of 锦屏县) only when it names one of
    /// `known` (division codes), when given: a brand or park named like a far county stays.
    pub fn strip_place_prefix_of<'n>(&self, name: &'n str, known: Option<&HashSet<&str>>) -> &'n str {
        let mut rest = name;
        while let Some((n, e)) = self.place_prefix_entry(rest) {
            let far = e.short && known.is_some_and(|k| !e.divisions.iter().any(|&d| k.contains(self.gazetteer.divisions[d].code.as_str())));
            if far {
                break;
            }
            let at = rest.char_indices().nth(n).map_or(rest.len(), |(b, _)| b);
            if at >= rest.len() {
                break;
            }
            rest = &rest[at..];
        }
        rest
    }

    /// The full form of a department's standing abbreviation, keeping its place prefix
    /// ("市发改委" → "市发展和改革委员会").
    pub fn expand_abbreviation(&self, name: &str) -> Option<String> {
        self.gov_abbreviations
            .iter()
            .find(|(short, _)| name.ends_with(short.as_str()))
            .map(|(short, full)| format!("{}{}", &name[..name.len() - short.len()], full))
    }

    /// The organisation type for a name, from its longest known suffix.
    pub fn org_type_of(&self, name: &str) -> Option<OrgType> {
        if self.standalone_bodies.contains(name) {
            return Some(OrgType::Government);
        }
        self.org_suffixes.iter().find(|(s, _)| name.ends_with(s.as_str())).map(|(_, t)| *t)
    }

    /// What the name model sees of each character, from jieba's words (start, end, tag) over `chars`.
    pub fn char_hints(&self, chars: &[char], words: &[(usize, usize, String)]) -> Vec<name_model::CharHint> {
        name_model::char_hints(chars.len(), words, &self.surname_starts(chars))
    }

    /// [`Lexicon::char_hints`], segmenting `chars` here (training reads sentences with no tokens yet).
    pub fn char_hints_of(&self, chars: &[char]) -> Vec<name_model::CharHint> {
        let text: String = chars.iter().collect();
        let words: Vec<(usize, usize, String)> =
            self.jieba.tag(&text, true).into_iter().map(|t| (t.start, t.end, t.tag.to_string())).collect();
        self.char_hints(chars, &words)
    }

    /// For each position of `chars`, whether a surname of our list starts there (a feature of the name model).
    pub fn surname_starts(&self, chars: &[char]) -> Vec<bool> {
        (0..chars.len()).map(|i| self.is_surname_start(chars, i).is_some()).collect()
    }

    /// How often jieba's dictionary has seen `word` as a word of its own (0 when it is none of its
    /// words): "强调" is common, a name that happens to be listed ("强卫") is rare.
    pub fn word_freq(&self, word: &str) -> usize {
        if self.jieba.has_word(word) {
            self.jieba.suggest_freq(word)
        } else {
            0
        }
    }

    pub fn is_surname_start(&self, chars: &[char], at: usize) -> Option<usize> {
        if at + 1 < chars.len() && self.surnames.contains(&collect(&chars[at..at + 2])) {
            return Some(2);
        }
        (at < chars.len() && self.surnames.contains(&chars[at].to_string())).then_some(1)
    }
}

/// The lines of a data file in two sets: plain lines, and lines that start with `marker` (without it).
/// The posts of data/post_forms.txt: each word with `{L}` once for each level of its `levels:`
/// line, the others as they are.
fn post_forms(data: &str) -> Vec<String> {
    let mut levels: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for line in data_lines(data) {
        if let Some(l) = line.strip_prefix("levels:") {
            levels = l.split_whitespace().collect();
            continue;
        }
        for w in line.split_whitespace() {
            if w.contains("{L}") {
                out.extend(levels.iter().map(|l| w.replace("{L}", l)));
            } else {
                out.push(w.to_string());
            }
        }
    }
    out
}

fn split_marked(data: &str, marker: char) -> (WordSet, WordSet) {
    let (mut plain, mut marked) = (WordSet::default(), WordSet::default());
    for line in data_lines(data) {
        match line.strip_prefix(marker) {
            Some(w) => marked.insert(w),
            None => plain.insert(line),
        }
    }
    (plain, marked)
}

/// Everyday words among division names; `full:` marks full names ("full:城区").
fn place_exclusions(data: &str) -> (WordSet, WordSet) {
    let (mut short, mut full) = (WordSet::default(), WordSet::default());
    for w in data_lines(data).flat_map(str::split_whitespace) {
        match w.strip_prefix("full:") {
            Some(f) => full.insert(f),
            None => short.insert(w),
        }
    }
    (short, full)
}

fn parse_pairs<T>(data: &str, parse: fn(&str) -> Option<T>) -> Vec<(String, T)> {
    data_lines(data)
        .filter_map(|l| {
            let (w, t) = l.split_once('\t')?;
            Some((w.trim().to_string(), parse(t.trim())?))
        })
        .collect()
}

/// The words of a set, longest first (ties in character order, so that the order is stable).
fn longest_first(set: &WordSet) -> Vec<String> {
    let mut words: Vec<String> = set.iter().cloned().collect();
    words.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then_with(|| a.cmp(b)));
    words
}

fn sorted_by_len<T>(mut v: Vec<(String, T)>) -> Vec<(String, T)> {
    v.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_load() {
        let lex = lexicon();
        assert!(lex.titles.contains("常务副市长"));
        assert!(lex.surnames.contains("欧阳"));
        assert!(!lex.titles.contains("市领导"), "generic labels are not titles");
        assert_eq!(lex.org_type_of("某某科技有限公司"), Some(OrgType::Company));
        assert_eq!(lex.org_type_of("市发展和改革委员会"), Some(OrgType::Government));
        assert_eq!(lex.org_type_of("某某经济技术开发区"), Some(OrgType::Other));
    }

    #[test]
    fn longest_match_at_both_ends() {
        let lex = lexicon();
        let chars: Vec<char> = "市委常委、常务副市长".chars().collect();
        assert_eq!(lex.titles.longest_ending_at(&chars, chars.len()), Some(5));
        assert_eq!(lex.titles.longest_ending_at(&chars, 4), Some(2));
    }
}
