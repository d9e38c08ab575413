//! Where a page is from: "市委" in a 晋中 paper is 晋中市委. Each article's home city and province
//! are the ones it names most; bodies written with a bare level ("市委", "省商务厅", "市工信局")
//! are then named in full, keeping what the text wrote as an alias.

use super::organization::OrgMention;
use super::place::PlaceMention;
use crate::lexicon::{Level, Lexicon};
use crate::text::{sentence_at, Sentence};
use std::collections::HashMap;

/// The home city and province of each article (by article number).
pub fn home_places(lex: &Lexicon, places: &[PlaceMention], sentences: &[Sentence]) -> HashMap<usize, (Option<usize>, Option<usize>)> {
    let mut counts: HashMap<usize, HashMap<usize, usize>> = HashMap::new();
    let mut page: HashMap<usize, usize> = HashMap::new();
    for p in places {
        let Some(s) = sentence_at(sentences, p.start).map(|i| &sentences[i]) else { continue };
        // A county counts for its city and province too; a city for its province.
        let mut divisions = vec![p.division];
        divisions.extend(lex.gazetteer.ancestors(p.division));
        for d in divisions {
            *counts.entry(s.article).or_default().entry(d).or_insert(0) += 1;
            *page.entry(d).or_insert(0) += 1;
        }
    }
    // The page's own choice, for articles that have none of their own, is the same for all.
    let page_city = dominant(lex, Some(&page), Level::City);
    let page_province = dominant(lex, Some(&page), Level::Province);
    let mut out = HashMap::new();
    for s in sentences {
        if out.contains_key(&s.article) {
            continue;
        }
        let local = counts.get(&s.article);
        let city = dominant(lex, local, Level::City).or(page_city);
        let province = dominant(lex, local, Level::Province).or(page_province);
        out.insert(s.article, (city, province));
    }
    out
}

/// The division of `level` named clearly more than any other (at least twice as often).
fn dominant(lex: &Lexicon, counts: Option<&HashMap<usize, usize>>, level: Level) -> Option<usize> {
    let mut ranked: Vec<(usize, usize)> =
        counts?.iter().filter(|(d, _)| lex.gazetteer.divisions[**d].level == level).map(|(d, n)| (*n, *d)).collect();
    ranked.sort_unstable_by(|a, b| b.cmp(a));
    match ranked.as_slice() {
        [(n, d)] if *n >= 1 => Some(*d),
        [(n, d), (m, _), ..] if *n >= 2 * *m => Some(*d),
        _ => None,
    }
}

/// Names bodies written with a bare level character after the article's home city or province.
pub fn resolve_bare_bodies(
    lex: &Lexicon,
    orgs: &mut [OrgMention],
    sentences: &[Sentence],
    homes: &HashMap<usize, (Option<usize>, Option<usize>)>,
) {
    for o in orgs.iter_mut() {
        let Some(s) = sentence_at(sentences, o.start).map(|i| &sentences[i]) else { continue };
        let Some(&(city, province)) = homes.get(&s.article) else { continue };
        let written = o.alias.clone().unwrap_or_else(|| o.name.clone());
        if o.alias.is_some() || !is_bare(lex, &written) {
            continue;
        }
        let home = match written.chars().next() {
            Some('市') => city,
            Some('省') => province,
            _ => None,
        };
        if let Some(h) = home {
            let rest: String = written.chars().skip(1).collect();
            o.name = format!("{}{}", lex.gazetteer.divisions[h].name, rest);
            o.alias = Some(written);
        }
    }
}

/// "市委", "省政府", "市工信局", "省商务厅": a level character and a standing body, nothing more.
pub fn is_bare(lex: &Lexicon, name: &str) -> bool {
    let rest: String = name.chars().skip(1).collect();
    matches!(name.chars().next(), Some('市' | '省')) && (lex.standalone_bodies.contains(name) || lex.gov_bodies.contains(&rest))
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;

    #[test]
    fn bare_bodies_take_the_name_of_the_page_s_city_and_province() {
        let page = "洛阳市召开会议。洛阳今年发展良好，栾川县、宜阳县项目推进顺利。市委书记秦守源出席，市工信局、省商务厅负责同志参加。";
        let x = extract(page);
        let names: Vec<(&str, Vec<&str>)> =
            x.organizations.iter().map(|o| (o.name.as_str(), o.aliases.iter().map(String::as_str).collect())).collect();
        assert!(names.contains(&("洛阳市委", vec!["市委"])), "{names:?}");
        assert!(names.contains(&("洛阳市工信局", vec!["市工信局"])), "{names:?}");
        assert!(names.contains(&("河南省商务厅", vec!["省商务厅"])), "{names:?}");
        let secretary = x.persons.iter().find(|p| p.name == "秦守源").unwrap();
        assert_eq!(secretary.titles[0].org.as_deref(), Some("洛阳市委"));
    }

    #[test]
    fn without_a_clear_home_the_body_stays_as_written() {
        let x = extract("太原和大同的代表出席。市委书记某某表示。");
        assert!(x.organizations.iter().any(|o| o.name == "市委"), "{:?}", x.organizations);
    }
}
