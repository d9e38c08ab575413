//! The identities of one document's entities, read from that document alone: each organisation's
//! canonical name, each person's, project's and event's [`Key`] and the IRI it has while no other
//! document says otherwise. [`super::reconcile`] then resolves the keys against the store.

use super::key::{Jurisdiction, Key};
use crate::extract::home::is_bare;
use crate::lexicon::{lexicon, Lexicon};
use crate::model::*;
use crate::rdf;
use oxigraph::model::NamedNode;
use std::collections::{HashMap, HashSet};

/// An entity of the document with its key.
#[derive(Debug, Clone)]
pub struct Local {
    pub iri: NamedNode,
    pub key: Key,
    /// For a person, the division each of their titles serves in (in the order of the titles).
    pub posts: Vec<Option<String>>,
}

/// An organisation as the graph names it.
#[derive(Debug, Clone)]
pub struct OrgIdentity {
    pub iri: NamedNode,
    /// A company's key, resolved against other documents' companies.
    pub key: Option<Key>,
    pub org_type: OrgType,
    /// The canonical name: a government body's with its place and in full (洛阳市发展和改革委员会).
    pub name: String,
    /// Every other name the document gives it (市发改委, 洛阳市发改委).
    pub aliases: Vec<String>,
    /// A short form the document uses for a company it names in full elsewhere ("某某公司" for
    /// "某某科技股份有限公司"): the position of that company, whose node it is.
    pub short_form_of: Option<usize>,
}

/// Every identity of one document.
#[derive(Debug, Clone, Default)]
pub struct Identities {
    pub orgs: Vec<OrgIdentity>,
    /// Any name or alias of an organisation → its position in `orgs` (the first listed wins).
    org_names: HashMap<String, usize>,
    /// Persons by name.
    pub persons: HashMap<String, Local>,
    /// One per project, in the extraction's order.
    pub projects: Vec<Local>,
    /// One per event, in the extraction's order.
    pub events: Vec<Local>,
}

impl Identities {
    /// The identities of `x`; `doc_tag` names bodies whose place the document does not give
    /// (a bare "市委" is this document's, not every document's).
    pub fn of(x: &Extraction, doc_tag: &str) -> Self {
        let lex = lexicon();
        let codes: HashSet<&str> = x.places.iter().map(|p| p.code.as_str()).collect();
        let places = Places { lex, codes, by_name: x.places.iter().map(|p| (p.name.as_str(), p.code.as_str())).collect() };
        let mut ids = Identities::default();
        for o in &x.organizations {
            let (name, placed) = canonical_org_name(lex, o);
            let iri = if placed { rdf::org_iri(&name) } else { rdf::entity_iri("org", &format!("{name}@{doc_tag}")) };
            let mut aliases: Vec<String> = Vec::new();
            for a in std::iter::once(&o.name).chain(&o.aliases) {
                if *a != name && !aliases.contains(a) {
                    aliases.push(a.clone());
                }
            }
            let home = o.evidence.first().and_then(|ev| x.sentences.get(ev.sentence)).and_then(|s| s.home.nearest().map(str::to_string));
            let key = (o.org_type == OrgType::Company && super::key::company_core(&name).chars().count() >= 2).then(|| Key::Company {
                name: name.clone(),
                place: places.prefix_code(&name, &Home::default()),
                aliases: aliases.clone(),
                home,
            });
            let i = ids.orgs.len();
            for n in std::iter::once(&name).chain(&aliases) {
                ids.org_names.entry(n.clone()).or_insert(i);
            }
            ids.orgs.push(OrgIdentity { iri, key, org_type: o.org_type, name, aliases, short_form_of: None });
        }
        ids.merge_company_short_forms();
        let home = |ev: &Evidence| x.sentences.get(ev.sentence).map(|s| s.home.clone()).unwrap_or_default();
        for p in &x.persons {
            let h = p.evidence.first().map(home).unwrap_or_default();
            let mut posts: Vec<Option<Jurisdiction>> = Vec::new();
            // The place of the last title that names one: "温岭市委副书记、市长" — 市长 of 温岭市.
            let mut named: Option<String> = None;
            for t in &p.titles {
                let h = x.sentences.get(t.evidence.sentence).map(|s| s.home.clone()).unwrap_or_else(|| h.clone());
                let post = match title_jurisdiction(&ids, &places, t, &h) {
                    Some((j, true)) => {
                        named = j.place.clone();
                        Some(j)
                    }
                    Some((j, false)) => Some(named.as_deref().filter(|c| same_level(c, &t.text)).map_or(j, |c| Jurisdiction {
                        place: Some(c.to_string()),
                        org: None,
                        inferred: false,
                    })),
                    None => None,
                };
                posts.push(post);
            }
            let at = person_jurisdiction(&posts, &h);
            let posts = posts.into_iter().map(|j| j.and_then(|j| j.place)).collect();
            let key = Key::Person { name: p.name.clone(), at };
            ids.persons.entry(p.name.clone()).or_insert(Local { iri: key.iri(), key, posts });
        }
        for p in &x.projects {
            let h = home(&p.evidence);
            let investor = p.investor.as_deref().and_then(|n| ids.org(n)).map(|o| o.name.clone());
            let place = p.place.as_deref().and_then(|n| places.code_of_place(&ids, n)).or_else(|| places.prefix_code(&p.name, &h));
            let inferred = place.is_none();
            let at = Jurisdiction { place: place.or_else(|| h.nearest().map(str::to_string)), org: investor, inferred };
            let core = project_core(lex, &p.name, p.investor.as_deref().and_then(|n| ids.org(n)), Some(&places.codes));
            let key = Key::Project { core, at, name: p.name.clone() };
            ids.projects.push(Local { iri: key.iri(), key, posts: Vec::new() });
        }
        for e in &x.events {
            let h = home(&e.evidence);
            let place = e.place.as_deref().and_then(|n| places.code_of_place(&ids, n)).or_else(|| h.nearest().map(str::to_string));
            let mut participants: Vec<String> = e.participants.iter().map(|p| p.person.clone()).collect();
            participants.sort();
            participants.dedup();
            let date = e.date.map(|d| d.iso()).unwrap_or_default();
            let key = Key::Event { date, name: e.name.clone(), place, participants };
            ids.events.push(Local { iri: key.iri(), key, posts: Vec::new() });
        }
        ids
    }

    /// A company's short form used on the page ("锐驰公司") is the one company named in full on it
    /// that it abbreviates, if exactly one: one node, the short form an alias.
    fn merge_company_short_forms(&mut self) {
        let full: Vec<usize> = (0..self.orgs.len())
            .filter(|&j| self.orgs[j].org_type == OrgType::Company && super::key::is_full_company_name(&self.orgs[j].name))
            .collect();
        for i in 0..self.orgs.len() {
            let o = &self.orgs[i];
            if o.org_type != OrgType::Company || super::key::is_full_company_name(&o.name) {
                continue;
            }
            let targets: Vec<usize> = full.iter().copied().filter(|&j| super::key::abbreviates(&o.name, &self.orgs[j].name)).collect();
            let [j] = targets.as_slice() else { continue };
            let (name, aliases) = (o.name.clone(), o.aliases.clone());
            let target = &mut self.orgs[*j];
            for a in std::iter::once(name).chain(aliases) {
                if a != target.name && !target.aliases.contains(&a) {
                    target.aliases.push(a.clone());
                    if let Some(Key::Company { aliases, .. }) = &mut target.key {
                        aliases.push(a);
                    }
                }
            }
            let iri = target.iri.clone();
            let short = &mut self.orgs[i];
            short.iri = iri;
            short.key = None;
            short.short_form_of = Some(*j);
        }
        let orgs = &self.orgs;
        for slot in self.org_names.values_mut() {
            if let Some(j) = orgs[*slot].short_form_of {
                *slot = j;
            }
        }
    }

    /// The organisation a written name (full, canonical or alias) refers to.
    pub fn org(&self, name: &str) -> Option<&OrgIdentity> {
        self.org_names.get(name).map(|&i| &self.orgs[i])
    }

    /// The person of a name; a participant the document names only in an event is a person of
    /// the document's home (or of nowhere known).
    pub fn person(&self, name: &str) -> NamedNode {
        match self.persons.get(name) {
            Some(l) => l.iri.clone(),
            None => Key::Person { name: name.to_string(), at: Jurisdiction::default() }.iri(),
        }
    }
}

/// The document's divisions, to read the place a name starts with.
struct Places<'a> {
    lex: &'a Lexicon,
    codes: HashSet<&'a str>,
    by_name: HashMap<&'a str, &'a str>,
}

impl Places<'_> {
    /// The division a name starts with: of the document's divisions of that name if any, else
    /// within its home, else the only one.
    fn prefix_code(&self, name: &str, home: &Home) -> Option<String> {
        let (_, entry) = self.lex.place_prefix_entry(name)?;
        let divisions = entry.divisions.as_slice();
        let g = &self.lex.gazetteer;
        let code = |d: &usize| g.divisions[*d].code.as_str();
        let within_home = |d: &&usize| home.nearest().is_some_and(|h| super::key::contains(h, code(d)) || super::key::contains(code(d), h));
        divisions
            .iter()
            .find(|d| self.codes.contains(code(d)))
            .or_else(|| divisions.iter().find(within_home))
            // A short form of a division the page does not name is a brand or a park ("锦屏产业园").
            .or_else(|| (divisions.len() == 1 && !entry.short).then(|| &divisions[0]))
            .map(|d| code(d).to_string())
    }

    /// The code of a place written by name: a division of the document, or the place an
    /// organisation (a zone, a body) starts with.
    fn code_of_place(&self, ids: &Identities, name: &str) -> Option<String> {
        if let Some(c) = self.by_name.get(name) {
            return Some(c.to_string());
        }
        let org = ids.org(name)?;
        self.prefix_code(&org.name, &Home::default())
    }
}

/// The canonical name of an organisation and whether it carries its place. A government body
/// named with its place is written in full ("洛阳市发改委" → "洛阳市发展和改革委员会"); one named with a
/// bare level ("市委" on a page of no clear city) has no place to carry.
fn canonical_org_name(lex: &Lexicon, o: &Organization) -> (String, bool) {
    if o.org_type != OrgType::Government {
        return (o.name.clone(), true);
    }
    let placed =
        lex.place_prefix(&o.name).is_some() || ["中共中央", "中央", "国务院", "国家", "全国", "中国"].iter().any(|w| o.name.starts_with(w));
    if !placed || is_bare(lex, &o.name) {
        return (o.name.clone(), false);
    }
    (lex.expand_abbreviation(&o.name).unwrap_or_else(|| o.name.clone()), true)
}

/// Where a person serves, from their posts: the body or the place a title names, the article's
/// home for a title written with a bare level ("市长", "县委书记"), a company for its 董事长. The most
/// precise place compatible with all the others wins; a person with no post serves at home.
fn person_jurisdiction(posts: &[Option<Jurisdiction>], home: &Home) -> Jurisdiction {
    let found: Vec<&Jurisdiction> = posts.iter().flatten().collect();
    let best = found
        .iter()
        .filter(|j| found.iter().all(|o| j.compatible(o).is_ok()))
        .max_by_key(|j| j.specificity())
        .or_else(|| found.first())
        .map(|j| (*j).clone());
    best.unwrap_or_else(|| Jurisdiction { place: home.nearest().map(str::to_string), org: None, inferred: true })
}

/// Where one title serves, and whether the title (or its body) names the place itself rather than
/// the article's home standing for it.
fn title_jurisdiction(ids: &Identities, places: &Places, t: &Title, home: &Home) -> Option<(Jurisdiction, bool)> {
    let national = |name: &str| places.lex.is_national_post(name);
    if national(&t.text) || t.org.as_deref().is_some_and(national) {
        return Some((Jurisdiction { place: Some(super::key::NATIONAL.to_string()), org: None, inferred: false }, true));
    }
    if let Some(org) = t.org.as_deref().and_then(|o| ids.org(o)) {
        let place = places.prefix_code(&org.name, home);
        if org.org_type == OrgType::Company {
            return Some((Jurisdiction { place, org: Some(org.name.clone()), inferred: false }, true));
        }
        if place.is_some() {
            return Some((Jurisdiction { place, org: None, inferred: false }, true));
        }
    }
    if let Some(place) = places.prefix_code(&t.text, home) {
        return Some((Jurisdiction { place: Some(place), org: None, inferred: false }, true));
    }
    let level = match level_of(&t.text)? {
        '省' => home.province.clone(),
        '市' | '县' | '区' | '州' => home.nearest().map(str::to_string),
        _ => return None,
    };
    level.map(|place| (Jurisdiction { place: Some(place), org: None, inferred: false }, false))
}

/// The level character a title starts with once its rank is set aside ("副省长", "常务副市长").
fn level_of(title: &str) -> Option<char> {
    title.trim_start_matches("常务").trim_start_matches('副').chars().next()
}

/// True when the division `code` is of the level a bare title names: 温岭市 for 市长, 宜阳县 for 县长.
fn same_level(code: &str, title: &str) -> bool {
    let g = &lexicon().gazetteer;
    let name = g.by_code(code).map(|d| d.name.as_str());
    matches!((name.and_then(|n| n.chars().last()), level_of(title)), (Some(a), Some(b)) if a == b)
}

/// A project's name once what only places it or says whose it is is set aside: the place names it
/// starts with, its investor's name, words that say what kind of project it is ("重点", "新建"), and
/// the word 项目 itself ("宜阳县某某新材料项目" and "某某新材料项目" are one name).
/// `known`: the document's divisions, the only ones a short place name may stand for.
pub fn project_core(lex: &Lexicon, name: &str, investor: Option<&OrgIdentity>, known: Option<&HashSet<&str>>) -> String {
    // What is left must still name something: "宜阳县项目" stays itself.
    let names_something = |r: &str| r.strip_suffix("项目").unwrap_or(r).chars().count() >= 2;
    let mut rest = name.trim();
    loop {
        let before = rest;
        let unplaced = lex.strip_place_prefix_of(rest, known);
        if names_something(unplaced) {
            rest = unplaced;
        }
        if let Some(o) = investor {
            for n in std::iter::once(&o.name).chain(&o.aliases) {
                if let Some(r) = rest.strip_prefix(n.as_str()).filter(|r| names_something(r)) {
                    rest = r;
                }
            }
        }
        for w in &lex.project_qualifiers {
            if let Some(r) = rest.strip_prefix(w.as_str()).filter(|r| r.chars().count() >= 2) {
                rest = r;
            }
        }
        if rest == before {
            break;
        }
    }
    let core = rest.strip_suffix("项目").filter(|r| r.chars().count() >= 2).unwrap_or(rest);
    core.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    #[test]
    fn a_project_s_name_without_its_place_and_generic_words() {
        let lex = lexicon();
        assert_eq!(project_core(lex, "宜阳县年产10万吨新材料项目", None, None), "年产10万吨新材料");
        assert_eq!(project_core(lex, "年产10万吨新材料项目", None, None), "年产10万吨新材料");
        assert_eq!(project_core(lex, "洛阳市重点新材料产业园项目", None, None), "新材料产业园");
        // A park named like a far county keeps its name: 锦屏 is not 锦屏县 on a 宜阳 page.
        let here: HashSet<&str> = ["410327", "410300"].into_iter().collect();
        assert_eq!(project_core(lex, "宜阳县锦屏产业园一期标准化厂房项目", None, Some(&here)), "锦屏产业园一期标准化厂房");
        assert_eq!(project_core(lex, "锦屏产业园一期标准化厂房项目", None, Some(&here)), "锦屏产业园一期标准化厂房");
    }

    #[test]
    fn posts_give_the_place_a_person_serves_and_bodies_carry_their_place() {
        let text = "洛阳市召开会议。洛阳今年发展良好，宜阳县项目推进顺利。市委书记秦守源出席，宜阳县县长刘明远、市发改委主任韩松参加。";
        let x = extract(text);
        let ids = Identities::of(&x, "d");
        let at = |name: &str| match &ids.persons[name].key {
            Key::Person { at, .. } => at.place.clone(),
            _ => None,
        };
        assert_eq!(at("秦守源").as_deref(), Some("410300"));
        assert_eq!(at("刘明远").as_deref(), Some("410327"));
        // A national post serves every place: the same leader in papers of two provinces is one.
        let a = extract("南京市召开会议。南京今年发展良好。习近平总书记的重要讲话精神。国务院副总理韩正出席。");
        let leader = &Identities::of(&a, "d").persons;
        assert!(
            leader.values().all(|l| matches!(&l.key, Key::Person { at, .. } if at.place.as_deref() == Some(super::super::key::NATIONAL))),
            "{leader:?}"
        );
        // A bare level after a title that names its place serves that place.
        let wenling = extract("台州市召开会议。台州今年发展良好。温岭市委副书记、市长殷若川出席。");
        let posts = &Identities::of(&wenling, "d").persons["殷若川"].posts;
        assert_eq!(posts, &[Some("331081".to_string()), Some("331081".to_string())], "{:?}", wenling.persons);
        let body = ids.org("市发改委").expect("the body");
        assert_eq!(body.name, "洛阳市发展和改革委员会");
        assert!(body.aliases.contains(&"市发改委".to_string()), "{:?}", body.aliases);
    }

    #[test]
    fn a_body_without_its_place_belongs_to_its_document() {
        let x = extract("太原和大同的代表出席。市委书记某某表示。");
        let a = Identities::of(&x, "a");
        let b = Identities::of(&x, "b");
        assert_ne!(a.org("市委").unwrap().iri, b.org("市委").unwrap().iri);
    }
}
