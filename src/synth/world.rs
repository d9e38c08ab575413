//! The world the archive reports on, fixed by the seed: one province, a home city and some of its
//! counties, a partner city elsewhere, a recurring cast of officials, the city's departments with
//! their heads, companies with their chairmen, and the paper's reporters.

use super::rng::Rng;
use super::templates::{Slots, Templates};
use crate::lexicon::{data_lines, Division, Level, Lexicon};
use crate::model::OrgType;
use std::collections::HashSet;

/// How many of the most common surnames (in the order of `data/surnames.txt`) names are drawn from.
const COMMON_SURNAMES: usize = 110;
/// Counties of the home city that the archive covers.
const COUNTIES: usize = 6;
/// City departments that appear (their heads are the occasional officials).
const DEPARTMENTS: usize = 14;
const REPORTERS: usize = 6;

#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    /// The post as written before the name at its first mention ("市委副书记、市长").
    pub title: String,
}

impl Person {
    /// "市委书记某某": how an article first names the person.
    pub fn titled(&self) -> String {
        format!("{}{}", self.title, self.name)
    }
}

/// Where an official of the cast stands; county posts carry the county's index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Post {
    CityTop,
    CityVice,
    CountySecretary(usize),
    CountyHead(usize),
    CountyVice(usize),
    Province,
    OtherCity,
    Department,
}

#[derive(Debug, Clone)]
pub struct Official {
    pub person: Person,
    pub post: Post,
}

/// A division as the text writes it: full name and short form (洛阳市, 洛阳).
#[derive(Debug, Clone)]
pub struct Area {
    pub name: String,
    pub short: String,
}

#[derive(Debug, Clone)]
pub struct County {
    pub area: Area,
    /// The county's head of government: 县长, 区长, 市长 (county-level city) or 旗长.
    pub head: &'static str,
    /// Its development zone, a place where projects are built and ceremonies held.
    pub zone: String,
}

#[derive(Debug, Clone)]
pub struct Industry {
    /// The trade word of company names ("新材料").
    pub trade: String,
    pub products: Vec<String>,
    /// Unit of yearly output ("万吨").
    pub unit: String,
}

#[derive(Debug, Clone)]
pub struct Company {
    pub name: String,
    /// Brand and trade, as later mentions shorten the name ("恒泰新材").
    pub short: String,
    pub chairman: Person,
    pub industry: usize,
    /// The home-city county it builds in.
    pub county: usize,
}

pub struct World {
    pub templates: Templates,
    pub province: Area,
    pub city: Area,
    pub other_city: Area,
    pub counties: Vec<County>,
    pub cast: Vec<Official>,
    pub departments: Vec<Person>,
    pub companies: Vec<Company>,
    pub industries: Vec<Industry>,
    pub reporters: Vec<String>,
    pub masthead: String,
}

/// Draws person names that are unique across the world.
struct NameMaker {
    surnames: Vec<String>,
    given: Vec<String>,
    used: HashSet<String>,
}

impl NameMaker {
    fn new(lex: &Lexicon, templates: &Templates) -> Self {
        let safe = |s: &str| !s.chars().any(|c| lex.name_followers.contains(&c)) && !lex.stop_before.contains(s);
        let surnames: Vec<String> = data_lines(include_str!("../lexicon/data/surnames.txt"))
            .flat_map(str::split_whitespace)
            .filter(|s| s.chars().count() == 1 && lex.surnames.contains(s) && safe(s))
            .take(COMMON_SURNAMES)
            .map(str::to_string)
            .collect();
        let given = templates.table("given_chars").iter().filter(|c| safe(c)).cloned().collect();
        NameMaker { surnames, given, used: HashSet::new() }
    }

    /// A new name: a common surname (the commonest more often) and one or two given characters.
    fn make(&mut self, rng: &mut Rng) -> String {
        for _ in 0..64 {
            let surname = self.surnames.get(rng.skewed(self.surnames.len())).cloned().unwrap_or_else(|| "王".into());
            let first = rng.pick(&self.given).cloned().unwrap_or_default();
            let second = if rng.chance(0.85) { rng.pick(&self.given).cloned().unwrap_or_default() } else { String::new() };
            let name = format!("{surname}{first}{second}");
            if first != second && self.used.insert(name.clone()) {
                return name;
            }
        }
        // Practically unreachable (tens of thousands of combinations); a repeat is harmless.
        format!("{}{}", self.surnames.first().map_or("王", String::as_str), self.given.first().map_or("明", String::as_str))
    }
}

impl World {
    pub fn build(lex: &Lexicon, seed: u64, officials: usize, companies: usize) -> World {
        let mut rng = Rng::for_stream(seed, u64::MAX);
        let mut templates = Templates::parse(include_str!("templates.txt"));
        let industries = parse_industries(&templates);
        templates.extend("industry", industries.iter().map(|i| i.trade.clone()));
        let (city_index, other_index) = pick_cities(lex, &mut rng);
        let g = &lex.gazetteer;
        let city = area(&g.divisions[city_index]);
        let other_city = area(&g.divisions[other_index]);
        let province = g.divisions[city_index].parent.map_or_else(|| city.clone(), |p| area(&g.divisions[p]));
        let counties = pick_counties(lex, city_index, &mut rng);
        let mut names = NameMaker::new(lex, &templates);
        let departments = make_departments(lex, &mut names, &mut rng);
        let mut world = World {
            masthead: String::new(),
            province,
            city,
            other_city,
            counties,
            cast: Vec::new(),
            departments,
            companies: Vec::new(),
            industries,
            reporters: (0..REPORTERS).map(|_| names.make(&mut rng)).collect(),
            templates,
        };
        world.masthead = world.templates.pick("masthead", &world.place_slots(), &mut rng);
        world.cast = world.make_cast(officials, &mut names, &mut rng);
        world.companies = world.make_companies(lex, companies, &mut names, &mut rng);
        world
    }

    /// The slots every template may use: the places of the world.
    pub fn place_slots(&self) -> Slots {
        let mut s = Slots::new();
        s.insert("city", self.city.name.clone());
        s.insert("city_short", self.city.short.clone());
        s.insert("province", self.province.name.clone());
        s.insert("province_short", self.province.short.clone());
        s.insert("other_city", self.other_city.name.clone());
        s.insert("other_short", self.other_city.short.clone());
        s
    }

    /// The first `n` posts of the `[cast]` table that exist here, then department heads.
    fn make_cast(&self, n: usize, names: &mut NameMaker, rng: &mut Rng) -> Vec<Official> {
        let mut cast = Vec::new();
        for line in self.templates.table("cast") {
            if cast.len() >= n {
                return cast;
            }
            let Some((tag, title)) = line.split_once('|') else { continue };
            let Some(post) = parse_post(tag).filter(|p| self.post_exists(*p)) else { continue };
            let title = self.templates.fill(title, &self.post_slots(post), rng);
            cast.push(Official { person: Person { name: names.make(rng), title }, post });
        }
        let heads = self.departments.iter().take(n.saturating_sub(cast.len()));
        cast.extend(heads.map(|p| Official { person: p.clone(), post: Post::Department }));
        cast
    }

    fn post_exists(&self, post: Post) -> bool {
        match post {
            Post::CountySecretary(c) | Post::CountyHead(c) | Post::CountyVice(c) => c < self.counties.len(),
            _ => true,
        }
    }

    fn post_slots(&self, post: Post) -> Slots {
        let mut s = self.place_slots();
        if let Post::CountySecretary(c) | Post::CountyHead(c) | Post::CountyVice(c) = post {
            s.insert("county", self.counties[c].area.name.clone());
            s.insert("county_head", self.counties[c].head.to_string());
        }
        s
    }

    fn make_companies(&self, lex: &Lexicon, n: usize, names: &mut NameMaker, rng: &mut Rng) -> Vec<Company> {
        let brands = self.templates.table("brand_chars");
        let forms = self.templates.table("legal_forms");
        let elsewhere = city_short_names(lex);
        let mut seen = HashSet::new();
        let mut out = Vec::with_capacity(n);
        for _ in 0..n * 4 {
            if out.len() >= n || self.industries.is_empty() || self.counties.is_empty() {
                break;
            }
            let (b1, b2) = (rng.pick(brands).cloned().unwrap_or_default(), rng.pick(brands).cloned().unwrap_or_default());
            let industry = rng.below(self.industries.len());
            let county = rng.below(self.counties.len());
            let trade = &self.industries[industry].trade;
            let county_short = &self.counties[county].area.short;
            let prefix = match rng.below(10) {
                // A one-character short form (宾 of 宾县) does not stand before a brand.
                5..=6 if county_short.chars().count() >= 2 => county_short.clone(),
                0..=6 => self.city.short.clone(),
                _ => rng.pick(&elsewhere).cloned().unwrap_or_else(|| self.other_city.short.clone()),
            };
            let form = rng.pick(forms).cloned().unwrap_or_else(|| "有限公司".into());
            let name = format!("{prefix}{b1}{b2}{trade}{form}");
            if b1 == b2 || !seen.insert(format!("{b1}{b2}")) || lex.org_type_of(&name) != Some(OrgType::Company) {
                continue;
            }
            let short = format!("{b1}{b2}{}", trade.chars().take(2).collect::<String>());
            let post = if rng.chance(0.8) { "董事长" } else { "总经理" };
            let chairman = Person { name: names.make(rng), title: format!("{name}{post}") };
            out.push(Company { name, short, chairman, industry, county });
        }
        out
    }

    /// Officials of the cast whose post passes `keep`.
    pub fn officials(&self, keep: impl Fn(Post) -> bool) -> Vec<&Official> {
        self.cast.iter().filter(|o| keep(o.post)).collect()
    }
}

fn parse_post(tag: &str) -> Option<Post> {
    match tag {
        "city_top" => return Some(Post::CityTop),
        "city_vice" => return Some(Post::CityVice),
        "province" => return Some(Post::Province),
        "other_top" => return Some(Post::OtherCity),
        _ => {}
    }
    let (county, role) = tag.strip_prefix("county")?.split_once('_')?;
    let c = county.parse::<usize>().ok()?.checked_sub(1)?;
    match role {
        "sec" => Some(Post::CountySecretary(c)),
        "head" => Some(Post::CountyHead(c)),
        "vice" => Some(Post::CountyVice(c)),
        _ => None,
    }
}

fn parse_industries(t: &Templates) -> Vec<Industry> {
    t.table("industries")
        .iter()
        .filter_map(|line| {
            let mut cols = line.split('|');
            let trade = cols.next()?.trim().to_string();
            let products: Vec<String> = cols.next()?.split_whitespace().map(str::to_string).collect();
            let unit = cols.next()?.trim().to_string();
            (!products.is_empty()).then_some(Industry { trade, products, unit })
        })
        .collect()
}

fn area(d: &Division) -> Area {
    let short = d.short_names.first().cloned().unwrap_or_else(|| d.name.chars().take(d.name.chars().count().saturating_sub(1)).collect());
    Area { name: d.name.clone(), short }
}

fn children(lex: &Lexicon, parent: usize) -> impl Iterator<Item = usize> + '_ {
    lex.gazetteer.divisions.iter().enumerate().filter(move |(_, d)| d.parent == Some(parent) && d.level == Level::County).map(|(i, _)| i)
}

/// Prefecture-level cities of a province with at least four counties (县) of their own, so the
/// cast has counties to govern. Every index is into the gazetteer, in code order.
fn candidate_cities(lex: &Lexicon) -> Vec<usize> {
    let g = &lex.gazetteer;
    (0..g.divisions.len())
        .filter(|&i| {
            let d = &g.divisions[i];
            let in_province = d.parent.is_some_and(|p| g.divisions[p].level == Level::Province);
            d.level == Level::City && d.name.ends_with('市') && in_province
        })
        .filter(|&i| children(lex, i).filter(|&c| g.divisions[c].name.ends_with('县')).count() >= 4)
        .collect()
}

/// The home city, and a partner city in another province.
fn pick_cities(lex: &Lexicon, rng: &mut Rng) -> (usize, usize) {
    let cities = candidate_cities(lex);
    let home = cities.get(rng.below(cities.len())).copied().unwrap_or(0);
    let province = lex.gazetteer.divisions.get(home).and_then(|d| d.parent);
    let others: Vec<usize> = cities.iter().copied().filter(|&c| lex.gazetteer.divisions[c].parent != province).collect();
    let other = others.get(rng.below(others.len())).copied().unwrap_or(home);
    (home, other)
}

/// Up to [`COUNTIES`] county-level units of the city, counties (县) first, in a seeded order.
fn pick_counties(lex: &Lexicon, city: usize, rng: &mut Rng) -> Vec<County> {
    let g = &lex.gazetteer;
    let usable = |&i: &usize| !lex.place_exclusions_full.contains(&g.divisions[i].name);
    let (xian, other): (Vec<usize>, Vec<usize>) = children(lex, city).filter(usable).partition(|&i| g.divisions[i].name.ends_with('县'));
    let mut order = shuffled(&xian, rng);
    order.extend(shuffled(&other, rng));
    order.into_iter().take(COUNTIES).map(|i| county(&g.divisions[i])).collect()
}

fn shuffled(items: &[usize], rng: &mut Rng) -> Vec<usize> {
    rng.distinct(items.len(), items.len()).into_iter().map(|k| items[k]).collect()
}

fn county(d: &Division) -> County {
    let head = match d.name.chars().last() {
        Some('区') => "区长",
        Some('市') => "市长",
        Some('旗') => "旗长",
        _ => "县长",
    };
    County { area: area(d), head, zone: format!("{}经济开发区", d.name) }
}

/// Short names of every prefecture-level city, for companies from elsewhere.
fn city_short_names(lex: &Lexicon) -> Vec<String> {
    candidate_cities(lex).into_iter().map(|i| area(&lex.gazetteer.divisions[i]).short).collect()
}

/// City departments from the lexicon's government bodies (full names ending in 局 or 委员会), each
/// with a head whose title is written with the department ("市商务局局长", "市发展和改革委员会党组书记、主任").
fn make_departments(lex: &Lexicon, names: &mut NameMaker, rng: &mut Rng) -> Vec<Person> {
    let short_forms: HashSet<&str> = lex.gov_abbreviations.iter().map(|(s, _)| s.as_str()).collect();
    let mut bodies: Vec<&String> = lex
        .gov_bodies
        .iter()
        .filter(|b| (b.ends_with('局') || b.ends_with("委员会")) && !short_forms.contains(b.as_str()))
        .filter(|b| !b.contains("纪律") && !b.contains("总"))
        .collect();
    bodies.sort();
    rng.distinct(bodies.len(), DEPARTMENTS)
        .into_iter()
        .map(|k| {
            let body = bodies[k];
            let head = if body.ends_with('局') { "局长" } else { "主任" };
            let title = if rng.chance(0.4) { format!("市{body}党组书记、{head}") } else { format!("市{body}{head}") };
            Person { name: names.make(rng), title }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexicon;

    #[test]
    fn a_world_has_a_city_counties_and_a_titled_cast() {
        let w = World::build(lexicon(), 7, 24, 50);
        assert!(w.city.name.ends_with('市') && w.counties.len() >= 4, "{:?}", w.city);
        assert_eq!(w.cast.len(), 24);
        assert_eq!(w.cast[0].person.title, "市委书记");
        assert!(w.cast.iter().any(|o| o.person.title.starts_with(&w.counties[0].area.name)));
        assert_eq!(w.companies.len(), 50);
        let names: HashSet<&str> = w.cast.iter().map(|o| o.person.name.as_str()).collect();
        assert_eq!(names.len(), w.cast.len(), "names are unique");
        assert!(w.companies.iter().all(|c| lexicon().org_type_of(&c.name) == Some(OrgType::Company)));
    }

    #[test]
    fn tiny_and_huge_casts_do_not_fail() {
        assert!(World::build(lexicon(), 1, 0, 0).cast.is_empty());
        let w = World::build(lexicon(), 1, 1000, 1);
        assert!(w.cast.len() > 30 && w.cast.len() < 1000);
    }
}
