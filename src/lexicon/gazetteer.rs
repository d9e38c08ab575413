//! China's administrative divisions (GB/T 2260), read from `data/divisions.tsv`, which
//! `data/generate_divisions.py` generates from a published package (see `data/DIVISIONS_SOURCE.md`).

use std::collections::{HashMap, HashSet};

/// The divisions a document names: which, and how many mentions lie below each division.
#[derive(Debug, Default, Clone)]
pub struct NamedDivisions {
    named: HashSet<usize>,
    below: HashMap<usize, usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    Province,
    City,
    County,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::City => "city",
            Level::County => "county",
        }
    }

    fn parse(s: &str) -> Option<Level> {
        match s {
            "province" => Some(Level::Province),
            "city" => Some(Level::City),
            "county" => Some(Level::County),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Division {
    pub code: String,
    pub name: String,
    pub level: Level,
    pub parent: Option<usize>,
    pub short_names: Vec<String>,
}

/// A name as written in text, pointing at the divisions it may mean.
#[derive(Debug, Clone)]
pub struct NameEntry {
    pub divisions: Vec<usize>,
    /// True for a short form (平遥 for 平遥县), which needs more care in running text.
    pub short: bool,
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    pub divisions: Vec<Division>,
    names: HashMap<String, NameEntry>,
    /// Division code → position in `divisions`.
    by_code: HashMap<String, usize>,
    max_len: usize,
}

impl Gazetteer {
    pub fn parse(tsv: &str) -> Self {
        let mut g = Gazetteer::default();
        let mut parent_codes = Vec::new();
        let mut index_of_code: HashMap<String, usize> = HashMap::new();
        for line in super::data_lines(tsv) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 4 {
                continue;
            }
            let Some(level) = Level::parse(cols[2].trim()) else { continue };
            index_of_code.insert(cols[0].trim().to_string(), g.divisions.len());
            parent_codes.push(cols[3].trim().to_string());
            let short_names = cols
                .get(4)
                .map(|s| s.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect())
                .unwrap_or_default();
            g.divisions.push(Division {
                code: cols[0].trim().to_string(),
                name: cols[1].trim().to_string(),
                level,
                parent: None,
                short_names,
            });
        }
        for (d, pc) in g.divisions.iter_mut().zip(&parent_codes) {
            d.parent = index_of_code.get(pc).copied();
        }
        g.by_code = index_of_code;
        g.index_names();
        g
    }

    /// The division of a GB/T 2260 code.
    pub fn by_code(&self, code: &str) -> Option<&Division> {
        self.by_code.get(code).map(|&i| &self.divisions[i])
    }

    fn index_names(&mut self) {
        let mut names: HashMap<String, NameEntry> = HashMap::new();
        for (i, d) in self.divisions.iter().enumerate() {
            names.entry(d.name.clone()).or_insert(NameEntry { divisions: vec![], short: false }).divisions.push(i);
        }
        for (i, d) in self.divisions.iter().enumerate() {
            for s in &d.short_names {
                let e = names.entry(s.clone()).or_insert(NameEntry { divisions: vec![], short: true });
                if e.short {
                    e.divisions.push(i);
                }
            }
        }
        self.max_len = names.keys().map(|k| k.chars().count()).max().unwrap_or(0);
        self.names = names;
    }

    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        self.names.keys().map(String::as_str)
    }

    pub fn lookup(&self, name: &str) -> Option<&NameEntry> {
        self.names.get(name)
    }

    /// Longest known name starting at `start`: its length and entry.
    pub fn longest_at(&self, chars: &[char], start: usize) -> Option<(usize, &NameEntry)> {
        let window = self.max_len.min(chars.len().saturating_sub(start));
        let text: String = chars[start..start + window].iter().collect();
        let ends: Vec<usize> = text.char_indices().map(|(b, c)| b + c.len_utf8()).collect();
        (2..=window).rev().find_map(|n| self.names.get(&text[..ends[n - 1]]).map(|e| (n, e)))
    }

    /// The chain of ancestors of a division, nearest first.
    pub fn ancestors(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut cur = self.divisions[i].parent;
        while let Some(p) = cur {
            if out.contains(&p) {
                break;
            }
            out.push(p);
            cur = self.divisions[p].parent;
        }
        out
    }

    /// Picks one division among those a name may mean: the one whose ancestors (or itself) are
    /// named elsewhere in the same document, then the higher level, then the first in code order.
    pub fn disambiguate(&self, candidates: &[usize], context: &[usize]) -> usize {
        self.disambiguate_with(candidates, &self.named_divisions(context))
    }

    /// The divisions named in a document (`context`, one entry per mention), counted once for
    /// every name [`Gazetteer::disambiguate_with`] resolves in it.
    pub fn named_divisions(&self, context: &[usize]) -> NamedDivisions {
        let mut named = NamedDivisions::default();
        for &c in context {
            named.named.insert(c);
            for a in self.ancestors(c) {
                *named.below.entry(a).or_insert(0) += 1;
            }
        }
        named
    }

    /// [`Gazetteer::disambiguate`] against a document's divisions counted beforehand.
    pub fn disambiguate_with(&self, candidates: &[usize], context: &NamedDivisions) -> usize {
        let score = |&i: &usize| -> (usize, std::cmp::Reverse<Level>) {
            // Ancestors of i named in the document, and mentions of divisions below i.
            let related =
                self.ancestors(i).iter().filter(|a| context.named.contains(a)).count() + context.below.get(&i).copied().unwrap_or(0);
            (related, std::cmp::Reverse(self.divisions[i].level))
        };
        let mut best = candidates[0];
        for &c in &candidates[1..] {
            if score(&c) > score(&best) {
                best = c;
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# code\tname\tlevel\tparent_code\tshort_names\n\
        140000\t山西省\tprovince\t\t山西\n\
        140700\t晋中市\tcity\t140000\t晋中\n\
        140702\t榆次区\tcounty\t140700\t榆次\n\
        140729\t平遥县\tcounty\t140700\t平遥\n";

    #[test]
    fn parses_and_links_parents() {
        let g = Gazetteer::parse(SAMPLE);
        assert_eq!(g.divisions.len(), 4);
        let pingyao = g.lookup("平遥").unwrap();
        assert!(pingyao.short);
        let i = pingyao.divisions[0];
        assert_eq!(g.divisions[i].name, "平遥县");
        let names: Vec<&str> = g.ancestors(i).iter().map(|&a| g.divisions[a].name.as_str()).collect();
        assert_eq!(names, vec!["晋中市", "山西省"]);
    }

    #[test]
    fn longest_name_wins() {
        let g = Gazetteer::parse(SAMPLE);
        let chars: Vec<char> = "晋中市榆次区".chars().collect();
        assert_eq!(g.longest_at(&chars, 0).map(|(n, _)| n), Some(3));
    }

    #[test]
    fn real_gazetteer_has_current_units() {
        let g = Gazetteer::parse(include_str!("data/divisions.tsv"));
        for name in ["山西省", "晋中市", "太谷区", "怀仁市", "云州区", "上海市", "浦东新区"] {
            assert!(g.lookup(name).is_some(), "{name} missing");
        }
        let shanghai = g.lookup("上海市").unwrap().divisions[0];
        assert_eq!(g.divisions[shanghai].level, Level::City);
    }
}
