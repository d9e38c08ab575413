//! Places: China's administrative divisions named in the text, resolved to the gazetteer.

use super::spans::Spanned;
use super::tokens::Tokens;
use crate::lexicon::Lexicon;
use std::collections::HashSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceMention {
    pub start: usize,
    pub end: usize,
    pub division: usize,
}

impl Spanned for PlaceMention {
    fn span(&self) -> (usize, usize) {
        (self.start, self.end)
    }
}

/// Every division named in the text, longest name first. Short forms (平遥 for 平遥县) count only
/// where jieba also sees a whole word and they are not everyday words (see place_exclusions.txt).
pub fn find_places(lex: &Lexicon, chars: &[char], tokens: &Tokens) -> Vec<PlaceMention> {
    let mut raw: Vec<(usize, usize, Vec<usize>)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some((len, entry)) = lex.gazetteer.longest_at(chars, i) else {
            i += 1;
            continue;
        };
        let name: String = chars[i..i + len].iter().collect();
        let ok = if entry.short {
            // jieba's everyday words among county names (资源, 合作) need a suffix after them;
            // the short names of provinces and cities (大同) are common enough in news to stand.
            let county = entry.divisions.iter().all(|&d| lex.gazetteer.divisions[d].level == crate::lexicon::Level::County);
            let suffixed = followed_by_suffix(chars, i + len);
            let everyday = county && lex.everyday_short_names.contains(&name) && !suffixed;
            !lex.place_exclusions.contains(&name)
                && !everyday
                && !names_a_landform(chars, i + len)
                && tokens.starts[i]
                && (tokens.ends[i + len] || suffixed)
        } else {
            !lex.place_exclusions_full.contains(&name)
        };
        if ok {
            raw.push((i, i + len, entry.divisions.clone()));
            i += len;
        } else {
            i += 1;
        }
    }
    // Resolve names that several divisions share (朝阳区…) with the rest of the page as context.
    let context: Vec<usize> = raw.iter().filter(|r| r.2.len() == 1).map(|r| r.2[0]).collect();
    let context = lex.gazetteer.named_divisions(&context);
    let resolved: Vec<(PlaceMention, bool)> = raw
        .into_iter()
        .map(|(start, end, cands)| {
            let short = lex.gazetteer.lookup(&chars[start..end].iter().collect::<String>()).is_some_and(|e| e.short);
            (PlaceMention { start, end, division: lex.gazetteer.disambiguate_with(&cands, &context) }, short)
        })
        .collect();
    // A county written in short form counts only where the page also names its city or province:
    // a page about one region does not stray into a same-named county far away (洛浦 in 洛浦公园).
    let named: HashSet<usize> = resolved.iter().map(|(p, _)| p.division).collect();
    resolved
        .iter()
        .filter(|(p, short)| {
            let g = &lex.gazetteer;
            !*short
                || g.divisions[p.division].level != crate::lexicon::Level::County
                || g.ancestors(p.division).iter().any(|a| named.contains(a))
        })
        .map(|(p, _)| *p)
        .collect()
}

/// "吕梁山", "太行山系", "汾河": a short name followed by a landform word names the mountain or
/// river, not the division.
fn names_a_landform(chars: &[char], at: usize) -> bool {
    crate::text::chars::ends_with_any(chars, (at + 2).min(chars.len()), &["山系", "山脉", "山区"])
        || matches!(chars.get(at), Some('山' | '河' | '江' | '湖'))
}

/// A short place name directly followed by words that make it part of a name: 晋中开发区, 运城经开区.
fn followed_by_suffix(chars: &[char], at: usize) -> bool {
    const SUFFIXES: [&str; 8] = ["经济", "开发区", "经开区", "高新区", "示范区", "分会场", "籍", "地区"];
    SUFFIXES.iter().any(|s| {
        let s: Vec<char> = s.chars().collect();
        chars.len() >= at + s.len() && chars[at..at + s.len()] == s[..]
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexicon;

    fn places(s: &str) -> Vec<String> {
        let lex = lexicon();
        let chars: Vec<char> = s.chars().collect();
        let tokens = Tokens::new(lex, s, chars.len());
        find_places(lex, &chars, &tokens).into_iter().map(|p| lex.gazetteer.divisions[p.division].name.clone()).collect()
    }

    #[test]
    fn resolves_short_forms_to_full_names() {
        assert_eq!(places("晋中市古城平遥迎来游客"), vec!["晋中市", "平遥县"]);
        assert_eq!(places("从洛阳出发前往栾川县"), vec!["洛阳市", "栾川县"]);
        assert_eq!(places("河南省襄城县"), vec!["河南省", "襄城县"]);
    }

    #[test]
    fn a_short_county_name_needs_its_region_on_the_page() {
        assert!(places("市民在洛浦公园散步").is_empty());
        assert_eq!(places("新疆和田地区洛浦县"), vec!["新疆维吾尔自治区", "和田地区", "洛浦县"]);
    }

    #[test]
    fn mountains_and_rivers_named_after_a_place_are_not_the_place() {
        assert!(places("太行吕梁山系").is_empty());
    }

    #[test]
    fn everyday_words_are_not_places() {
        assert!(places("新建项目开工，和平发展").is_empty());
        // 城区 and 郊区 are the full names of several districts, and everyday words.
        assert!(places("城区改造，郊区农田").is_empty());
    }
}
