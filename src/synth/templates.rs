//! The template file (`templates.txt`): named tables of sentence templates and words, and the
//! filling of `{slot}`s in a template.
//!
//! A section starts with `[name]` (one entry per line), `[name words]` (entries separated by
//! whitespace) or `[name chars]` (every character an entry). `#` starts a comment line. In a
//! template, `{slot}` is replaced by the article's value for that slot, or else by a random entry
//! of the table of that name, itself filled in turn.

use super::rng::Rng;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Default)]
pub struct Templates {
    tables: HashMap<String, Vec<String>>,
}

/// Values of the slots one article fills in ("lead" → "市委书记某某").
pub type Slots = HashMap<&'static str, String>;

/// Entries already used by an article (or by one filling), not to be said twice.
pub type Seen<'t> = HashSet<&'t str>;

/// How deep a table entry may refer to further tables.
const MAX_DEPTH: usize = 4;
/// Draws before an entry already seen is taken anyway.
const FRESH_TRIES: usize = 8;

impl Templates {
    pub fn parse(text: &str) -> Self {
        let mut tables: HashMap<String, Vec<String>> = HashMap::new();
        let mut current: Option<(String, Split)> = None;
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                let (name, split) = parse_header(header);
                tables.entry(name.clone()).or_default();
                current = Some((name, split));
                continue;
            }
            let Some((name, split)) = &current else { continue };
            let entries = tables.entry(name.clone()).or_default();
            match split {
                Split::Lines => entries.push(line.to_string()),
                Split::Words => entries.extend(line.split_whitespace().map(str::to_string)),
                Split::Chars => entries.extend(line.chars().filter(|c| !c.is_whitespace()).map(String::from)),
            }
        }
        Templates { tables }
    }

    /// Adds entries to a table (the generator adds tables made from the lexicon's data).
    pub fn extend(&mut self, name: &str, entries: impl IntoIterator<Item = String>) {
        self.tables.entry(name.to_string()).or_default().extend(entries);
    }

    /// The entries of a table (empty for an unknown name).
    pub fn table(&self, name: &str) -> &[String] {
        self.tables.get(name).map_or(&[], Vec::as_slice)
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.tables.keys().map(String::as_str)
    }

    /// A random entry of a table, filled; empty when the table is empty or unknown.
    pub fn pick(&self, name: &str, slots: &Slots, rng: &mut Rng) -> String {
        self.pick_at(name, slots, rng, &mut Seen::new(), 0)
    }

    /// An entry of a table not in `seen` (and the entries it draws in turn), filled, or `None`
    /// when none was found: an article says each thing once.
    pub fn pick_new<'t>(&'t self, name: &str, slots: &Slots, rng: &mut Rng, seen: &mut Seen<'t>) -> Option<String> {
        let (entry, fresh) = self.draw(name, rng, seen)?;
        fresh.then(|| {
            seen.insert(entry);
            self.fill_at(entry, slots, rng, seen, 1)
        })
    }

    /// Replaces every `{slot}` of `template`. A slot neither in `slots` nor a table becomes empty
    /// (the tests check that no template names such a slot).
    pub fn fill(&self, template: &str, slots: &Slots, rng: &mut Rng) -> String {
        self.fill_at(template, slots, rng, &mut Seen::new(), 0)
    }

    /// A random entry of the table, preferring one not seen yet; true if it is new.
    fn draw<'t>(&'t self, name: &str, rng: &mut Rng, seen: &Seen<'t>) -> Option<(&'t str, bool)> {
        let entries = self.table(name);
        let mut entry = rng.pick(entries)?.as_str();
        for _ in 0..FRESH_TRIES {
            if !seen.contains(entry) {
                return Some((entry, true));
            }
            entry = rng.pick(entries)?.as_str();
        }
        Some((entry, !seen.contains(entry)))
    }

    fn pick_at<'t>(&'t self, name: &str, slots: &Slots, rng: &mut Rng, seen: &mut Seen<'t>, depth: usize) -> String {
        match self.draw(name, rng, seen) {
            Some((entry, _)) if depth < MAX_DEPTH => {
                seen.insert(entry);
                self.fill_at(entry, slots, rng, seen, depth + 1)
            }
            _ => String::new(),
        }
    }

    fn fill_at<'t>(&'t self, template: &str, slots: &Slots, rng: &mut Rng, seen: &mut Seen<'t>, depth: usize) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                out.push_str(&rest[open..]);
                return out;
            };
            let key = &rest[open + 1..open + close];
            match slots.get(key) {
                Some(v) => out.push_str(v),
                None => out.push_str(&self.pick_at(key, slots, rng, seen, depth)),
            }
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        out
    }
}

#[derive(Debug, Clone, Copy)]
enum Split {
    Lines,
    Words,
    Chars,
}

fn parse_header(header: &str) -> (String, Split) {
    let mut parts = header.split_whitespace();
    let name = parts.next().unwrap_or("").to_string();
    let split = match parts.next() {
        Some("words") => Split::Words,
        Some("chars") => Split::Chars,
        _ => Split::Lines,
    };
    (name, split)
}

/// The slot names a template refers to.
pub fn slot_names(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else { break };
        out.push(&rest[open + 1..open + close]);
        rest = &rest[open + close + 1..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# comment\n[greeting]\n{who}好，{thing}。\n[thing words]\n天气 风景\n[letters chars]\n甲乙 丙\n";

    #[test]
    fn parses_sections_and_fills_slots_from_values_and_tables() {
        let t = Templates::parse(SAMPLE);
        assert_eq!(t.table("thing"), ["天气", "风景"]);
        assert_eq!(t.table("letters"), ["甲", "乙", "丙"]);
        assert!(t.table("missing").is_empty());
        let slots: Slots = [("who", "大家".to_string())].into_iter().collect();
        let s = t.pick("greeting", &slots, &mut Rng::new(1));
        assert!(s == "大家好，天气。" || s == "大家好，风景。", "{s}");
        assert_eq!(t.fill("{nothing}x{", &slots, &mut Rng::new(1)), "x{");
        assert_eq!(slot_names("a{b}c{d}"), vec!["b", "d"]);
        // Within one filling, and across an article's picks, nothing is said twice.
        assert_eq!(t.fill("{thing}{thing}", &slots, &mut Rng::new(2)).chars().count(), 4);
        let (mut seen, mut rng) = (Seen::new(), Rng::new(4));
        let a = t.pick_new("thing", &slots, &mut rng, &mut seen).unwrap();
        let b = t.pick_new("thing", &slots, &mut rng, &mut seen).unwrap();
        assert_ne!(a, b);
        assert!(t.pick_new("thing", &slots, &mut rng, &mut seen).is_none());
    }
}
