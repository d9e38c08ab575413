//! Mentions of one group (one name, one day) into entities, by rules a reader can follow:
//!
//! 1. mentions are taken from the most precise to the least (a county before its city before its
//!    province; a post's body before a bare name), ties by key;
//! 2. a mention joins the one entity all of whose mentions it is compatible with
//!    ([`Key::compatible`]) and none of which comes from its own document (a document's mentions
//!    of one thing are already one mention);
//! 3. with no such entity it starts one; with several it starts one too, and is kept apart from
//!    them all (a bare 王伟 beside two 王伟 of two provinces is neither of them).
//!
//! The result depends only on the set of mentions, never on the order they arrived in, and an
//! entity's IRI is made from its first (most precise) mention's key ([`Key::iri_at`]): its name and
//! province (a project's or event's city), or its full place when another entity of the group
//! shares those. Ingesting in any order or in any batches gives one graph.

use super::key::{by_specificity, Key};
use oxigraph::model::NamedNode;
use std::collections::HashSet;

/// One document's mention of a group, as the store holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The document's IRI.
    pub doc: String,
    pub key: Key,
}

/// What happened to a mention, for `evidence` and `resolve --explain`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// It started an entity: no other was compatible.
    Seed { apart: Vec<(usize, String)> },
    /// It joined entity `entity`, on this ground.
    Joined { entity: usize, ground: String },
    /// Several entities were compatible; it stands alone rather than guess.
    Ambiguous { candidates: Vec<usize> },
}

/// One entity: its IRI and the mentions (positions in the input) it holds, the first its seed.
#[derive(Debug, Clone)]
pub struct Entity {
    pub iri: NamedNode,
    pub members: Vec<usize>,
    /// One member for each distinct key: a mention need only be compared with these.
    distinct: Vec<usize>,
    docs: HashSet<String>,
}

impl Entity {
    fn new(iri: NamedNode, first: usize, mentions: &[Mention]) -> Self {
        Entity { iri, members: vec![first], distinct: vec![first], docs: HashSet::from([mentions[first].doc.clone()]) }
    }

    fn push(&mut self, i: usize, mentions: &[Mention]) {
        self.members.push(i);
        self.docs.insert(mentions[i].doc.clone());
        if !self.distinct.iter().any(|&j| mentions[j].key == mentions[i].key) {
            self.distinct.push(i);
        }
    }
}

#[derive(Debug, Clone)]
pub struct Clustering {
    pub entities: Vec<Entity>,
    /// For each mention (in input order): its entity and what decided it.
    pub assigned: Vec<(usize, Decision)>,
}

/// Clusters the mentions of one group (see the module documentation).
pub fn cluster(mentions: &[Mention]) -> Clustering {
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by(|&a, &b| by_specificity(&mentions[a].key, &mentions[b].key).then_with(|| mentions[a].doc.cmp(&mentions[b].doc)));
    let mut entities: Vec<Entity> = Vec::new();
    let mut assigned: Vec<Option<(usize, Decision)>> = vec![None; mentions.len()];
    let mut taken: HashSet<NamedNode> = HashSet::new();
    for i in order {
        let m = &mentions[i];
        let mut fits = Vec::new();
        let mut apart = Vec::new();
        for (e, entity) in entities.iter().enumerate() {
            match fit(mentions, entity, m) {
                Ok(ground) => fits.push((e, ground)),
                Err(why) => apart.push((e, why)),
            }
        }
        closest(mentions, &entities, m, &mut fits);
        let decision = match fits.len() {
            1 => {
                let (e, ground) = fits.pop().expect("one");
                entities[e].push(i, mentions);
                assigned[i] = Some((e, Decision::Joined { entity: e, ground }));
                continue;
            }
            0 => Decision::Seed { apart },
            _ => Decision::Ambiguous { candidates: fits.into_iter().map(|(e, _)| e).collect() },
        };
        assigned[i] = Some((entities.len(), decision));
        entities.push(Entity::new(m.key.iri(), i, mentions));
    }
    name_entities(&mut entities, mentions, &mut taken);
    Clustering { entities, assigned: assigned.into_iter().map(|a| a.expect("every mention is assigned")).collect() }
}

/// Each entity takes its seed's coarse IRI, or the fine one when another entity of the group would
/// take the same coarse one (two 王伟 of two cities of one province), numbered if still taken.
fn name_entities(entities: &mut [Entity], mentions: &[Mention], taken: &mut HashSet<NamedNode>) {
    let mut coarse: std::collections::HashMap<NamedNode, usize> = std::collections::HashMap::new();
    for e in entities.iter() {
        *coarse.entry(e.iri.clone()).or_default() += 1;
    }
    for e in entities.iter_mut() {
        let seed = &mentions[e.members[0]].key;
        let iri = if coarse[&e.iri] > 1 { seed.iri_at(true) } else { seed.iri() };
        e.iri = unique_iri(iri, taken);
    }
}

/// Among several candidates, only the closest stays when it is the only one that close (a short
/// form of a company used in the city where one of the two companies of that name is seen).
fn closest(mentions: &[Mention], entities: &[Entity], m: &Mention, fits: &mut Vec<(usize, String)>) {
    if fits.len() < 2 {
        return;
    }
    let affinity = |e: usize| entities[e].distinct.iter().map(|&j| m.key.affinity(&mentions[j].key)).min().unwrap_or(0);
    let best = fits.iter().map(|(e, _)| affinity(*e)).max().unwrap_or(0);
    let n = fits.len();
    let closest: Vec<(usize, String)> = fits.iter().filter(|(e, _)| affinity(*e) == best).cloned().collect();
    if closest.len() == 1 {
        let (e, ground) = closest.into_iter().next().expect("one");
        *fits = vec![(e, format!("{ground}; the closest of {n} candidates"))];
    }
}

/// Whether `m` may join `entity`: compatible with every mention of it, none from its document.
fn fit(mentions: &[Mention], entity: &Entity, m: &Mention) -> Result<String, String> {
    if entity.docs.contains(&m.doc) {
        return Err("mentioned in the same document as a different one".to_string());
    }
    let mut ground = String::new();
    for &j in &entity.distinct {
        let g = m.key.compatible(&mentions[j].key)?;
        if ground.is_empty() {
            ground = g;
        }
    }
    Ok(ground)
}

/// Two entities of one group may have seeds with equal keys (one kept apart as ambiguous): the
/// later one, in the fixed order, takes a numbered IRI.
fn unique_iri(iri: NamedNode, taken: &mut HashSet<NamedNode>) -> NamedNode {
    if taken.insert(iri.clone()) {
        return iri;
    }
    (2..)
        .map(|n| NamedNode::new_unchecked(format!("{}~{n}", iri.as_str())))
        .find(|candidate| taken.insert(candidate.clone()))
        .expect("some number is free")
}

#[cfg(test)]
mod tests {
    use super::super::key::Jurisdiction;
    use super::*;

    fn person(doc: &str, place: Option<&str>) -> Mention {
        Mention {
            doc: doc.into(),
            key: Key::Person {
                name: "王立新".into(), at: Jurisdiction { place: place.map(str::to_string), org: None, inferred: false }
            },
        }
    }

    fn groups(c: &Clustering) -> Vec<Vec<usize>> {
        let mut g: Vec<Vec<usize>> = c
            .entities
            .iter()
            .map(|e| {
                let mut m = e.members.clone();
                m.sort();
                m
            })
            .collect();
        g.sort();
        g
    }

    #[test]
    fn a_county_post_and_its_city_post_are_one_person_namesakes_elsewhere_are_not() {
        let m = [person("a", Some("410327")), person("b", Some("410300")), person("c", Some("331081"))];
        let c = cluster(&m);
        assert_eq!(groups(&c), vec![vec![0, 1], vec![2]]);
        assert_eq!(c.entities[c.assigned[1].0].iri, m[0].key.iri(), "the most precise mention names the entity");
    }

    #[test]
    fn namesakes_of_one_province_are_named_by_their_cities() {
        let m = [person("a", Some("140700")), person("b", Some("140100")), person("c", Some("331081"))];
        let c = cluster(&m);
        let iri = |i: usize| c.entities[c.assigned[i].0].iri.as_str().rsplit('/').next().unwrap().to_string();
        assert_eq!((iri(0), iri(1), iri(2)), ("王立新@140700".into(), "王立新@140100".into(), "王立新@330000".into()));
    }

    #[test]
    fn a_bare_name_joins_the_only_candidate_and_stays_apart_from_two() {
        let one = [person("a", Some("140700")), person("b", None)];
        assert_eq!(groups(&cluster(&one)), vec![vec![0, 1]]);
        let two = [person("a", Some("140700")), person("b", None), person("c", Some("331081"))];
        let c = cluster(&two);
        assert_eq!(groups(&c), vec![vec![0], vec![1], vec![2]]);
        assert!(matches!(c.assigned[1].1, Decision::Ambiguous { .. }));
    }

    #[test]
    fn the_order_of_the_mentions_does_not_matter() {
        let m = vec![person("a", Some("140000")), person("b", Some("140700")), person("c", Some("140702")), person("d", None)];
        let reference = cluster(&m);
        let mut reversed = m.clone();
        reversed.reverse();
        let c = cluster(&reversed);
        let iris = |c: &Clustering, m: &[Mention]| {
            let mut v: Vec<(String, String)> =
                m.iter().enumerate().map(|(i, x)| (x.doc.clone(), c.entities[c.assigned[i].0].iri.to_string())).collect();
            v.sort();
            v
        };
        assert_eq!(iris(&reference, &m), iris(&c, &reversed));
        assert_eq!(reference.entities.len(), 1);
    }

    #[test]
    fn two_mentions_of_one_document_are_two_entities() {
        let m = [person("a", Some("140700")), person("a", Some("140702"))];
        assert_eq!(cluster(&m).entities.len(), 2);
    }
}
