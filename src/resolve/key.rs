//! What identifies a mention: its kind and name, and where it belongs (a division, an
//! organisation, a date). A key is written into the document's graph as a string
//! (`ng:identityKey`), so that later documents are resolved against earlier ones without reading
//! them again; [`Key::encode`] and [`Key::parse`] are each other's inverse.

use crate::rdf;
use oxigraph::model::NamedNode;
use std::cmp::Ordering;

/// Where a person serves, or where a project is and who invests in it: a division (GB/T 2260
/// code) and an organisation (a company's full name), either possibly unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Jurisdiction {
    pub place: Option<String>,
    pub org: Option<String>,
    /// The place is the article's home, not one a post or a name gives: the weakest ground, so
    /// such a mention joins an entity rather than seeds one.
    pub inferred: bool,
}

/// The jurisdiction of a national post: it contains every division.
pub const NATIONAL: &str = "000000";

/// How deep a division code is: 0 the whole country ([`NATIONAL`]), 1 a province (`140000`), 2 a
/// city (`140700`), 3 a county.
pub fn depth(code: &str) -> u8 {
    if code == NATIONAL {
        0
    } else if code.ends_with("0000") {
        1
    } else if code.ends_with("00") {
        2
    } else {
        3
    }
}

/// The province of a division, by code (`140702` → `140000`).
pub fn province(code: &str) -> String {
    format!("{}0000", &code[..code.len().min(2)])
}

/// The city of a division, by code (`140702` → `140700`; a province stays itself).
pub fn city(code: &str) -> String {
    if depth(code) <= 1 {
        return code.to_string();
    }
    format!("{}00", &code[..code.len().min(4)])
}

/// The part of a code its descendants share: `14` for a province, `1407` for a city.
fn stem(code: &str) -> &str {
    &code[..(2 * depth(code) as usize).min(code.len())]
}

/// True when `outer` is `inner` or contains it (by code: 晋中市 `140700` contains 榆次区 `140702`).
pub fn contains(outer: &str, inner: &str) -> bool {
    outer == inner || (depth(outer) < depth(inner) && inner.starts_with(stem(outer)))
}

/// Equal, or one contains the other.
pub fn places_compatible(a: &str, b: &str) -> bool {
    contains(a, b) || contains(b, a)
}

impl Jurisdiction {
    /// Why `self` and `other` may be the same, or why not.
    pub fn compatible(&self, other: &Jurisdiction) -> Result<&'static str, String> {
        if let (Some(a), Some(b)) = (&self.org, &other.org) {
            if a != b && !abbreviates(a, b) && !abbreviates(b, a) {
                return Err(format!("different organisations ({a} / {b})"));
            }
        }
        match (&self.place, &other.place) {
            (Some(a), Some(b)) if a == b => Ok("same place"),
            (Some(a), Some(b)) if places_compatible(a, b) => Ok("one place contains the other"),
            (Some(a), Some(b)) => Err(format!("different places ({a} / {b})")),
            _ if self.org.is_some() && other.org.is_some() => Ok("same organisation"),
            (None, None) if self.org.is_none() && other.org.is_none() => Ok("no place known on either side"),
            _ => Ok("no place known on one side"),
        }
    }

    /// More precise first: an organisation, then a deeper division.
    pub fn specificity(&self) -> u8 {
        8 * u8::from(!self.inferred) + 4 * u8::from(self.org.is_some()) + self.place.as_deref().map_or(0, depth)
    }

    pub fn is_unknown(&self) -> bool {
        self.place.is_none() && self.org.is_none()
    }
}

/// The identity of one mention in one document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Key {
    /// A person: the name, where they serve (the place and body of their posts, else the
    /// article's home).
    Person { name: String, at: Jurisdiction },
    /// A project: its name once place, investor and generic words are set aside, where it is and
    /// who invests; and its name as the document writes it.
    Project { core: String, at: Jurisdiction, name: String },
    /// An event: its date (ISO, possibly partial or empty), name, place and the names of its
    /// participants (sorted).
    Event { date: String, name: String, place: Option<String>, participants: Vec<String> },
    /// A company: its name in the document (full, or a short form the document uses alone), the
    /// place its name starts with, and the short forms the document declares (以下简称).
    /// `home` is where the document is from: it tells two companies of one short name apart.
    Company { name: String, place: Option<String>, aliases: Vec<String>, home: Option<String> },
}

const SEP: char = '|';

fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

impl Key {
    pub fn kind(&self) -> &'static str {
        match self {
            Key::Person { .. } => "person",
            Key::Project { .. } => "project",
            Key::Event { .. } => "event",
            Key::Company { .. } => "org",
        }
    }

    /// The mentions that may be one entity share a group: persons and projects by name, events by
    /// date (by name too when the date is not a full one).
    pub fn group(&self) -> String {
        match self {
            Key::Person { name, .. } => format!("person{SEP}{name}"),
            Key::Project { core, .. } => format!("project{SEP}{core}"),
            Key::Event { date, name, .. } if is_full_date(date) => format!("event{SEP}{date}"),
            Key::Event { date, name, .. } => format!("event{SEP}{date}{SEP}{name}"),
            Key::Company { name, .. } => format!("org{SEP}{}", brand(name)),
        }
    }

    pub fn encode(&self) -> String {
        let j = |at: &Jurisdiction| {
            let home = if at.inferred && at.place.is_some() { "~" } else { "" };
            format!("{home}{}{SEP}{}", at.place.as_deref().unwrap_or(""), at.org.as_deref().unwrap_or(""))
        };
        match self {
            Key::Person { name, at } => format!("person{SEP}{name}{SEP}{}", j(at)),
            Key::Project { core, at, name } => format!("project{SEP}{core}{SEP}{}{SEP}{name}", j(at)),
            Key::Event { date, name, place, participants } => {
                format!("event{SEP}{date}{SEP}{name}{SEP}{}{SEP}{}", place.as_deref().unwrap_or(""), participants.join(","))
            }
            Key::Company { name, place, aliases, home } => format!(
                "org{SEP}{name}{SEP}{}{SEP}{}{SEP}{}",
                place.as_deref().unwrap_or(""),
                aliases.join(","),
                home.as_deref().unwrap_or("")
            ),
        }
    }

    pub fn parse(s: &str) -> Option<Key> {
        let f: Vec<&str> = s.split(SEP).collect();
        let at = |p: &str, o: &str| Jurisdiction { place: opt(p.trim_start_matches('~')), org: opt(o), inferred: p.starts_with('~') };
        match f.as_slice() {
            ["person", name, p, o] => Some(Key::Person { name: name.to_string(), at: at(p, o) }),
            ["project", core, p, o, name] => Some(Key::Project { core: core.to_string(), at: at(p, o), name: name.to_string() }),
            ["event", date, name, p, parts] => Some(Key::Event {
                date: date.to_string(),
                name: name.to_string(),
                place: opt(p),
                participants: parts.split(',').filter(|x| !x.is_empty()).map(str::to_string).collect(),
            }),
            ["org", name, p, aliases, home] => Some(Key::Company {
                name: name.to_string(),
                place: opt(p),
                aliases: aliases.split(',').filter(|x| !x.is_empty()).map(str::to_string).collect(),
                home: opt(home),
            }),
            _ => None,
        }
    }

    /// The IRI of an entity whose most precise mention has this key, at two grains: `fine` names
    /// the place in full, the coarse one only its province, so that the mentions of one official
    /// across a province's counties and cities already share it. An entity takes the coarse IRI
    /// unless another entity of its group would take the same ([`super::cluster`]). Either is a
    /// function of the key alone: it does not change when unrelated documents arrive.
    pub fn iri_at(&self, fine: bool) -> NamedNode {
        // An official serves across a province's cities and counties over the years; a project or
        // an event is of one city.
        let wide = matches!(self, Key::Person { .. });
        let place = |p: Option<&str>| match p {
            Some(p) if fine => format!("@{p}"),
            Some(p) if wide => format!("@{}", province(p)),
            Some(p) => format!("@{}", city(p)),
            None => String::new(),
        };
        match self {
            Key::Person { name, at } => match &at.org {
                Some(o) => rdf::entity_iri("person", &format!("{name}@{o}")),
                None => rdf::entity_iri("person", &format!("{name}{}", place(at.place.as_deref()))),
            },
            Key::Project { core, at, .. } => {
                let org = at.org.as_deref().map(|o| format!("@{o}")).unwrap_or_default();
                rdf::entity_iri("project", &format!("{core}{}{org}", place(at.place.as_deref())))
            }
            Key::Event { date, name, place: p, .. } => {
                let date = if date.is_empty() { String::new() } else { format!("@{date}") };
                rdf::entity_iri("event", &format!("{name}{date}{}", place(p.as_deref())))
            }
            Key::Company { name, .. } => rdf::org_iri(name),
        }
    }

    /// The IRI a mention has in its document's graph as written: its coarse IRI.
    pub fn iri(&self) -> NamedNode {
        self.iri_at(false)
    }

    /// More precise mentions first: they seed the entities the others join.
    pub fn specificity(&self) -> (u8, usize, usize) {
        match self {
            Key::Person { at, .. } | Key::Project { at, .. } => (at.specificity(), 0, 0),
            Key::Event { place, participants, name, .. } => (place.as_deref().map_or(0, depth), participants.len(), name.chars().count()),
            Key::Company { name, place, .. } => (u8::from(is_full_company_name(name)), usize::from(place.is_some()), name.chars().count()),
        }
    }

    /// Whether two mentions (of the same group, from different documents) may be one entity:
    /// the ground, or the reason they are kept apart.
    pub fn compatible(&self, other: &Key) -> Result<String, String> {
        match (self, other) {
            (Key::Person { name: a, at: x }, Key::Person { name: b, at: y }) if a == b => {
                x.compatible(y).map(|g| format!("same name, {g}"))
            }
            (Key::Project { core: a, at: x, .. }, Key::Project { core: b, at: y, .. }) if a == b => {
                x.compatible(y).map(|g| format!("same name once place and investor are set aside, {g}"))
            }
            (
                Key::Event { date: d1, name: n1, place: p1, participants: a },
                Key::Event { date: d2, name: n2, place: p2, participants: b },
            ) if d1 == d2 => {
                if let (Some(p), Some(q)) = (p1, p2) {
                    if !places_compatible(p, q) {
                        return Err(format!("held in different places ({p} / {q})"));
                    }
                }
                let shared = a.iter().filter(|x| b.contains(x)).count();
                let (c1, c2) = (event_core(n1), event_core(n2));
                if c1 == c2 {
                    return Ok(format!("same day, same name, {shared} participants in common"));
                }
                let overlap = dice(&c1, &c2);
                if !(c1.contains(&c2) || c2.contains(&c1) || overlap >= 0.5) {
                    return Err(format!("names too different ({n1} / {n2}, overlap {overlap:.2})"));
                }
                if shared == 0 {
                    return Err(format!("similar names ({n1} / {n2}) but no participant in common"));
                }
                Ok(format!("same day, similar names (overlap {overlap:.2}), {shared} participants in common"))
            }
            (Key::Company { name: a, place: p1, aliases: x, .. }, Key::Company { name: b, place: p2, aliases: y, .. }) => {
                if a == b {
                    return Ok("same name".to_string());
                }
                if x.contains(b) || y.contains(a) {
                    return Ok("a short form the document declares (以下简称)".to_string());
                }
                if let (Some(p), Some(q)) = (p1, p2) {
                    if !places_compatible(p, q) {
                        return Err(format!("named after different places ({p} / {q})"));
                    }
                }
                if is_full_company_name(a) && is_full_company_name(b) {
                    return Err(format!("two full names ({a} / {b})"));
                }
                if abbreviates(a, b) || abbreviates(b, a) {
                    return Ok(format!("a short form of the other name ({a} / {b})"));
                }
                Err(format!("neither name is a short form of the other ({a} / {b})"))
            }
            _ => Err("different names".to_string()),
        }
    }

    /// How close two compatible mentions are, to choose among several candidates: 3 for the same
    /// place or name (or a declared short form), 2 for one place within the other (a short form
    /// used in the same city), 1 when one side says nothing of where it is.
    pub fn affinity(&self, other: &Key) -> u8 {
        let places = |a: Option<&str>, b: Option<&str>| match (a, b) {
            (Some(a), Some(b)) if a == b => 3,
            (Some(_), Some(_)) => 2,
            _ => 1,
        };
        match (self, other) {
            (Key::Person { at: x, .. }, Key::Person { at: y, .. }) | (Key::Project { at: x, .. }, Key::Project { at: y, .. }) => {
                places(x.place.as_deref(), y.place.as_deref())
            }
            (Key::Event { place: p, .. }, Key::Event { place: q, .. }) => places(p.as_deref(), q.as_deref()),
            (Key::Company { name: a, aliases: x, home: h1, .. }, Key::Company { name: b, aliases: y, home: h2, .. }) => {
                if a == b || x.contains(b) || y.contains(a) {
                    3
                } else if matches!((h1, h2), (Some(p), Some(q)) if places_compatible(p, q)) {
                    2
                } else {
                    1
                }
            }
            _ => 0,
        }
    }

    /// The name the document gives the mention.
    pub fn name(&self) -> &str {
        match self {
            Key::Person { name, .. } | Key::Project { name, .. } | Key::Event { name, .. } | Key::Company { name, .. } => name,
        }
    }

    /// A short description for explanations: the jurisdiction, or the event's details.
    pub fn describe(&self) -> String {
        let j = |at: &Jurisdiction| match (
            at.place.as_deref().map(|p| if at.inferred { format!("{} (the article's home)", place_name(p)) } else { place_name(p) }),
            &at.org,
        ) {
            (Some(p), Some(o)) => format!("place {p}, organisation {o}"),
            (Some(p), None) => format!("place {p}"),
            (None, Some(o)) => format!("organisation {o}"),
            (None, None) => "no place or organisation known".to_string(),
        };
        match self {
            Key::Person { at, .. } => j(at),
            Key::Project { name, at, .. } => format!("{name}, {}", j(at)),
            Key::Company { name, place, .. } => format!("{name}, place {}", place.as_deref().map_or("unknown".into(), place_name)),
            Key::Event { date, name, place, participants } => format!(
                "{name} on {}, place {}, participants {}",
                if date.is_empty() { "an unknown date" } else { date },
                place.as_deref().map_or("unknown".into(), place_name),
                if participants.is_empty() { "none".to_string() } else { participants.join("、") }
            ),
        }
    }
}

/// A division by name and code, for explanations: "宜阳县 410327".
fn place_name(code: &str) -> String {
    if code == NATIONAL {
        return format!("全国 {code}");
    }
    let g = &crate::lexicon::lexicon().gazetteer;
    match g.by_code(code) {
        Some(d) => format!("{} {code}", d.name),
        None => code.to_string(),
    }
}

/// Orders keys from the most precise: the order in which mentions are clustered.
pub fn by_specificity(a: &Key, b: &Key) -> Ordering {
    b.specificity().cmp(&a.specificity()).then_with(|| a.encode().cmp(&b.encode()))
}

/// A company's name without its place and its legal form: "洛阳宸铝新材料股份有限公司" → "宸铝新材料".
pub fn company_core(name: &str) -> &str {
    let lex = crate::lexicon::lexicon();
    let mut core = lex.strip_place_prefix(name);
    for (suffix, t) in &lex.org_suffixes {
        let legal = suffix.ends_with("公司") || suffix == "集团";
        if *t == crate::model::OrgType::Company && legal {
            if let Some(rest) = core.strip_suffix(suffix.as_str()).filter(|r| r.chars().count() >= 2) {
                core = rest;
                break;
            }
        }
    }
    core
}

/// A company name with its registered legal form (有限公司, 股份有限公司, 集团): a full name, where
/// "宸铝新材" and "宸铝新材公司" are short ones.
pub fn is_full_company_name(name: &str) -> bool {
    let core = company_core(name);
    let stem = crate::lexicon::lexicon().strip_place_prefix(name);
    let form = &stem[core.len().min(stem.len())..];
    stem.starts_with(core) && ["有限", "集团", "股份"].iter().any(|w| form.contains(w))
}

/// The trade name a company's mentions are grouped by: the first two characters of its core.
fn brand(name: &str) -> String {
    company_core(name).chars().take(2).collect()
}

/// True when `short` is a short form of `full`: its core's characters, from the first, appear in
/// order in the other's core ("宸铝新材" of "宸铝新材料", "宸铝" of "宸铝新材料").
pub fn abbreviates(short: &str, full: &str) -> bool {
    let (s, f) = (company_core(short), company_core(full));
    if s.chars().count() < 2 || s.chars().count() >= f.chars().count() || s.chars().next() != f.chars().next() {
        return false;
    }
    let mut rest = f.chars();
    s.chars().all(|c| rest.any(|x| x == c))
}

/// A date with a year, a month and a day (`2024-05-20`).
fn is_full_date(date: &str) -> bool {
    date.len() == 10 && !date.starts_with('-')
}

/// An event's name without the words that only say whose or which it is ("全市", "2024年").
pub fn event_core(name: &str) -> String {
    // "中国（绵阳）科技城…": a place in brackets says where, as a prefix would.
    let unbracketed: String = {
        let mut out = String::new();
        let mut depth = 0;
        for c in name.chars() {
            match c {
                '（' | '(' => depth += 1,
                '）' | ')' if depth > 0 => depth -= 1,
                _ if depth == 0 => out.push(c),
                _ => {}
            }
        }
        out
    };
    let mut s = unbracketed.strip_prefix("中国").unwrap_or(&unbracketed);
    for w in ["全市", "全省", "全县", "全区", "我市", "我省", "我县"] {
        if let Some(rest) = s.strip_prefix(w) {
            s = rest;
        }
    }
    let trimmed = s.trim_start_matches(|c: char| c.is_ascii_digit() || c == '年');
    crate::lexicon::lexicon().strip_place_prefix(trimmed).to_string()
}

/// Dice coefficient of the character bigrams of two names.
pub fn dice(a: &str, b: &str) -> f64 {
    let grams = |s: &str| -> Vec<(char, char)> {
        let c: Vec<char> = s.chars().collect();
        let mut g: Vec<(char, char)> = c.windows(2).map(|w| (w[0], w[1])).collect();
        g.sort_unstable();
        g.dedup();
        g
    };
    let (x, y) = (grams(a), grams(b));
    if x.is_empty() || y.is_empty() {
        return if a == b { 1.0 } else { 0.0 };
    }
    let shared = x.iter().filter(|g| y.binary_search(g).is_ok()).count();
    2.0 * shared as f64 / (x.len() + y.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, place: Option<&str>) -> Key {
        Key::Person { name: name.into(), at: Jurisdiction { place: place.map(str::to_string), org: None, inferred: false } }
    }

    #[test]
    fn codes_contain_their_descendants() {
        assert!(contains("140000", "140702"));
        assert!(contains("140700", "140702"));
        assert!(!contains("140700", "140100"));
        assert!(!contains("140702", "140700"));
        assert!(places_compatible("140702", "140000"));
        assert!(!places_compatible("140700", "331081"));
        assert!(contains(NATIONAL, "331081") && contains(NATIONAL, "140000") && !contains("140000", NATIONAL));
    }

    #[test]
    fn keys_round_trip() {
        let keys = [
            person("王立新", Some("140700")),
            person("王立新", None),
            Key::Person { name: "王立新".into(), at: Jurisdiction { place: Some("331000".into()), org: None, inferred: true } },
            Key::Person {
                name: "赵刚".into(),
                at: Jurisdiction { place: Some("140000".into()), org: Some("山西某某有限公司".into()), inferred: false },
            },
            Key::Project {
                core: "年产10万吨新材料".into(),
                at: Jurisdiction { place: Some("410327".into()), org: None, inferred: false },
                name: "宜阳县年产10万吨新材料项目".into(),
            },
            Key::Event {
                date: "2024-05-20".into(), name: "推介大会".into(), place: None, participants: vec!["甲".into(), "乙".into()]
            },
        ];
        for k in keys {
            assert_eq!(Key::parse(&k.encode()), Some(k.clone()), "{}", k.encode());
        }
    }

    #[test]
    fn a_company_is_one_under_its_full_name_and_its_short_forms() {
        let c = |name: &str, place: Option<&str>, aliases: &[&str]| Key::Company {
            name: name.into(),
            place: place.map(str::to_string),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            home: Some("410300".into()),
        };
        let full = c("洛阳云岭新材料股份有限公司", Some("410300"), &["云岭新材"]);
        assert_eq!(Key::parse(&full.encode()), Some(full.clone()));
        assert_eq!(full.group(), c("云岭新材公司", None, &[]).group());
        assert!(full.compatible(&c("云岭新材公司", None, &[])).is_ok());
        assert!(full.compatible(&c("洛阳云岭新材料股份有限公司", Some("410300"), &[])).is_ok());
        assert!(full.compatible(&c("洛阳云岭重工有限公司", Some("410300"), &[])).is_err());
        assert!(full.compatible(&c("山西云岭新材料有限公司", Some("140000"), &[])).is_err());
        assert!(abbreviates("云岭新材", "洛阳云岭新材料股份有限公司"));
        assert!(is_full_company_name("洛阳云岭新材料股份有限公司") && !is_full_company_name("云岭新材公司"));
        assert!(!abbreviates("新材料", "洛阳云岭新材料股份有限公司"));
    }

    #[test]
    fn namesakes_in_different_provinces_are_apart_and_a_county_is_within_its_city() {
        assert!(person("王立新", Some("140700")).compatible(&person("王立新", Some("331081"))).is_err());
        assert!(person("王立新", Some("410327")).compatible(&person("王立新", Some("410300"))).is_ok());
        assert!(person("王立新", None).compatible(&person("王立新", Some("410300"))).is_ok());
        assert!(person("王立新", None).compatible(&person("王立强", None)).is_err());
    }

    #[test]
    fn events_of_one_day_merge_on_similar_names_and_a_shared_participant() {
        let e = |name: &str, place: Option<&str>, parts: &[&str]| Key::Event {
            date: "2024-05-20".into(),
            name: name.into(),
            place: place.map(str::to_string),
            participants: parts.iter().map(|s| s.to_string()).collect(),
        };
        assert!(e("洛阳市招商推介大会", Some("410300"), &["甲", "乙"]).compatible(&e("招商推介会", None, &["乙"])).is_ok());
        assert!(e("招商推介大会", Some("410300"), &["甲"]).compatible(&e("招商推介大会", Some("140700"), &["丙"])).is_err());
        assert!(e("招商推介大会", None, &["甲"]).compatible(&e("招商推介会", None, &["丙"])).is_err());
        assert!(e("招商推介大会", None, &["甲"]).compatible(&e("项目签约仪式", None, &["甲"])).is_err());
    }
}
