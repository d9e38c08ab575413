//! Identity against the store: the mentions of each group that documents hold are clustered
//! ([`super::cluster`]) and every mention takes its entity's IRI. A document is written with the
//! IRIs its own mentions give ([`super::local`]); when the store holds compatible mentions (the
//! same official in earlier articles, the same project at its signing) the mentions that are not
//! their entity's seed are renamed, in the documents' graphs and in the merged graph, in one
//! transaction. Clustering depends only on the set of mentions, so after any sequence of ingests
//! and removals the store equals a clean build of the documents it holds.

use super::cluster::{cluster, Clustering, Mention};
use super::key::Key;
use crate::rdf::{self, NG};
use oxigraph::model::{GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use oxigraph::store::{StorageError, Store};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// What a resolution did.
#[derive(Debug, Clone, Default)]
pub struct Reconciled {
    /// Groups looked at.
    pub groups: usize,
    /// Mentions that took another entity's IRI.
    pub renamed: usize,
    /// Documents whose graph changed.
    pub documents: usize,
    /// Time taken.
    pub elapsed: std::time::Duration,
}

fn ng(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{NG}{local}"))
}

/// A group's mentions as the store holds them: the document, the IRI the mention has now, its key.
pub fn stored_mentions(store: &Store, group: &str) -> Result<Vec<(NamedNode, NamedNode, Key)>, StorageError> {
    let merged = rdf::merged_graph();
    let (group_p, key_p) = (ng("identityGroup"), ng("identityKey"));
    let literal = Literal::new_simple_literal(group);
    let mut out = Vec::new();
    for q in store.quads_for_pattern(None, Some(group_p.as_ref()), Some(literal.as_ref().into()), None) {
        let q = q?;
        let (NamedOrBlankNode::NamedNode(entity), GraphName::NamedNode(doc)) = (q.subject, q.graph_name) else { continue };
        if doc == merged {
            continue;
        }
        for k in store.quads_for_pattern(Some(entity.as_ref().into()), Some(key_p.as_ref()), None, Some(doc.as_ref().into())) {
            if let Term::Literal(l) = k?.object {
                if let Some(key) = Key::parse(l.value()).filter(|k| k.group() == group) {
                    out.push((doc.clone(), entity.clone(), key));
                }
            }
        }
    }
    out.sort_by(|a, b| (a.0.as_str(), a.1.as_str()).cmp(&(b.0.as_str(), b.1.as_str())));
    out.dedup();
    Ok(out)
}

/// A group as the store holds it: each mention's document and current IRI, the mentions, and how
/// they cluster.
pub type Clustered = (Vec<(NamedNode, NamedNode)>, Vec<Mention>, Clustering);

/// A group clustered as the store holds it.
pub fn clustered(store: &Store, group: &str) -> Result<Clustered, StorageError> {
    let stored = stored_mentions(store, group)?;
    let mentions: Vec<Mention> = stored.iter().map(|(d, _, k)| Mention { doc: d.as_str().to_string(), key: k.clone() }).collect();
    let c = cluster(&mentions);
    Ok((stored.into_iter().map(|(d, e, _)| (d, e)).collect(), mentions, c))
}

/// The identity groups a stored document's entities belong to.
pub fn document_groups(store: &Store, doc: &NamedNode) -> Result<Vec<String>, StorageError> {
    let group_p = ng("identityGroup");
    let mut out = BTreeSet::new();
    for q in store.quads_for_pattern(None, Some(group_p.as_ref()), None, Some(doc.as_ref().into())) {
        if let Term::Literal(l) = q?.object {
            out.insert(l.value().to_string());
        }
    }
    Ok(out.into_iter().collect())
}

/// The mentions of the documents just written to a store that held nothing before: what
/// resolution needs, without reading them back (each still has the IRI of its own key, and its
/// own name).
#[derive(Debug, Default)]
pub struct Batch {
    docs: Vec<NamedNode>,
    /// (document, encoded key) by group.
    groups: BTreeMap<String, Vec<(u32, String)>>,
}

impl Batch {
    /// Notes a written document's keys.
    pub fn add(&mut self, doc: &NamedNode, keys: &[String]) {
        let d = self.docs.len() as u32;
        self.docs.push(doc.clone());
        for k in keys {
            if let Some(key) = Key::parse(k) {
                self.groups.entry(key.group()).or_default().push((d, k.clone()));
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }
}

/// A mention as resolution finds it: its document, the IRI it has now, its key, and whether its
/// name is now an alias of its entity's.
struct Current {
    doc: NamedNode,
    iri: NamedNode,
    key: Key,
    demoted: bool,
}

/// Resolves `groups` against everything the store holds (see the module documentation).
pub fn reconcile(store: &Store, groups: impl IntoIterator<Item = String>) -> Result<Reconciled, StorageError> {
    let started = std::time::Instant::now();
    let groups: BTreeSet<String> = groups.into_iter().collect();
    let mut summary = Reconciled { groups: groups.len(), ..Default::default() };
    let mut renames = Renames::new();
    for g in &groups {
        let mut current = Vec::new();
        for (doc, iri, key) in stored_mentions(store, g)? {
            let demoted = !has_name(store, &doc, &iri, key.name())?;
            current.push(Current { doc, iri, key, demoted });
        }
        plan(current, &mut renames, &mut summary);
    }
    apply(store, renames, &mut summary)?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Resolves the documents of a batch written to an empty store, from what the batch holds.
pub fn reconcile_batch(store: &Store, batch: &Batch) -> Result<Reconciled, StorageError> {
    let started = std::time::Instant::now();
    let mut summary = Reconciled { groups: batch.groups.len(), ..Default::default() };
    let mut renames = Renames::new();
    for mentions in batch.groups.values() {
        let current = mentions
            .iter()
            .filter_map(|(d, k)| Key::parse(k).map(|key| (batch.docs[*d as usize].clone(), key)))
            .map(|(doc, key)| Current { doc, iri: key.iri(), key, demoted: false })
            .collect();
        plan(current, &mut renames, &mut summary);
    }
    apply(store, renames, &mut summary)?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// document → (current IRI → what it becomes)
type Renames = BTreeMap<NamedNode, HashMap<NamedNode, Rename>>;

/// Clusters one group's mentions and notes the ones whose IRI or name must change.
fn plan(mut current: Vec<Current>, renames: &mut Renames, summary: &mut Reconciled) {
    current.sort_by(|a, b| (a.doc.as_str(), a.iri.as_str()).cmp(&(b.doc.as_str(), b.iri.as_str())));
    let mentions: Vec<Mention> = current.iter().map(|m| Mention { doc: m.doc.as_str().to_string(), key: m.key.clone() }).collect();
    let c = cluster(&mentions);
    for (i, m) in current.into_iter().enumerate() {
        let entity = &c.entities[c.assigned[i].0];
        let name = m.key.name().to_string();
        // The entity is named as its seed is; a mention named otherwise keeps its name as an alias.
        let demote = mentions[entity.members[0]].key.name() != name;
        if entity.iri != m.iri || demote != m.demoted {
            if entity.iri != m.iri {
                summary.renamed += 1;
            }
            renames.entry(m.doc).or_default().insert(m.iri, Rename { target: entity.iri.clone(), demote, name });
        }
    }
}

/// Writes the renames in one transaction.
fn apply(store: &Store, renames: Renames, summary: &mut Reconciled) -> Result<(), StorageError> {
    if renames.is_empty() {
        return Ok(());
    }
    summary.documents = renames.len();
    // Everything is read before the transaction (the store has one writer): in each document, the
    // quads about a renamed entity or a node under it, and what they become.
    let mut removed: HashSet<Quad> = HashSet::new();
    let mut inserted: HashSet<Quad> = HashSet::new();
    for (doc, map) in &renames {
        for q in quads_about(store, doc, map.keys())? {
            let new = rename_quad(&q, map);
            if new.len() == 1 && new[0] == q {
                continue;
            }
            removed.insert(q);
            inserted.extend(new);
        }
    }
    removed.retain(|q| !inserted.contains(q));
    let merged = rdf::merged_graph();
    let in_merged = |q: &Quad| Quad::new(q.subject.clone(), q.predicate.clone(), q.object.clone(), merged.clone());
    // What the merged graph holds too: not evidence, not a mention's identity key.
    let is_fact = |q: &Quad| match (&q.subject, &q.graph_name) {
        (NamedOrBlankNode::NamedNode(s), GraphName::NamedNode(g)) => {
            !rdf::is_evidence_node(g, s.as_str()) && !rdf::is_identity_predicate(q.predicate.as_str())
        }
        _ => false,
    };
    // A fact a document no longer states leaves the merged graph unless another document still does.
    let gained: HashSet<Quad> = inserted.iter().filter(|q| is_fact(q)).map(in_merged).collect();
    let mut orphans: Vec<Quad> = Vec::new();
    for q in removed.iter().filter(|q| is_fact(q)) {
        let fact = in_merged(q);
        if !gained.contains(&fact) && !still_supported(store, q, &merged, &removed)? {
            orphans.push(fact);
        }
    }
    let mut tx = store.start_transaction()?;
    for q in &removed {
        tx.remove(q.as_ref());
    }
    for q in &orphans {
        tx.remove(q.as_ref());
    }
    for q in &inserted {
        tx.insert(q.as_ref());
        if is_fact(q) {
            tx.insert(in_merged(q).as_ref());
        }
    }
    tx.commit()?;
    Ok(())
}

/// What a mention's entity becomes in its document.
#[derive(Debug, Clone)]
struct Rename {
    target: NamedNode,
    /// The entity's seed names it otherwise: the mention's name is an alias (`skos:altLabel`).
    demote: bool,
    name: String,
}

const SCHEMA_NAME: &str = "http://schema.org/name";
const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";

fn alt_label() -> NamedNode {
    NamedNode::new_unchecked(format!("{}altLabel", rdf::SKOS))
}

/// True when `doc` names `entity` `name` (its own name, not an alias).
fn has_name(store: &Store, doc: &NamedNode, entity: &NamedNode, name: &str) -> Result<bool, StorageError> {
    let p = NamedNode::new_unchecked(SCHEMA_NAME);
    let lit = Literal::new_language_tagged_literal_unchecked(name, "zh");
    Ok(store
        .quads_for_pattern(Some(entity.as_ref().into()), Some(p.as_ref()), Some(lit.as_ref().into()), Some(doc.as_ref().into()))
        .next()
        .transpose()?
        .is_some())
}

/// `iri` renamed by `map`: an entity, or a node under one (its participation, post or status).
fn rename(iri: &NamedNode, map: &HashMap<NamedNode, Rename>) -> Option<NamedNode> {
    if let Some(r) = map.get(iri) {
        return Some(r.target.clone());
    }
    let s = iri.as_str();
    let cut = s.match_indices('/').map(|(i, _)| i).find(|&i| map.contains_key(&NamedNode::new_unchecked(&s[..i])))?;
    let owner = NamedNodeRef::new_unchecked(&s[..cut]);
    map.get(&owner.into_owned()).map(|r| NamedNode::new_unchecked(format!("{}{}", r.target.as_str(), &s[cut..])))
}

/// A quad of a document with its entities renamed; an entity's own name becomes an alias when the
/// entity is named after another mention, and back.
fn rename_quad(q: &Quad, map: &HashMap<NamedNode, Rename>) -> Vec<Quad> {
    let subject = match &q.subject {
        NamedOrBlankNode::NamedNode(n) => rename(n, map).map(NamedOrBlankNode::from).unwrap_or_else(|| q.subject.clone()),
        other => other.clone(),
    };
    let object = match &q.object {
        Term::NamedNode(n) => rename(n, map).map(Term::from).unwrap_or_else(|| q.object.clone()),
        other => other.clone(),
    };
    let own = match (&q.subject, &q.object) {
        (NamedOrBlankNode::NamedNode(n), Term::Literal(l)) => map.get(n).filter(|r| l.value() == r.name && l.language() == Some("zh")),
        _ => None,
    };
    let p = q.predicate.as_str();
    let quad = |predicate: NamedNode| Quad::new(subject.clone(), predicate, object.clone(), q.graph_name.clone());
    match own {
        Some(r) if r.demote && (p == SCHEMA_NAME || p == RDFS_LABEL) => vec![quad(alt_label())],
        Some(r) if !r.demote && p == alt_label().as_str() => {
            vec![quad(NamedNode::new_unchecked(SCHEMA_NAME)), quad(NamedNode::new_unchecked(RDFS_LABEL))]
        }
        _ => vec![quad(q.predicate.clone())],
    }
}

/// The quads of `doc` about `entities` or a node under one (its participations, posts, status
/// reports), the evidence that names them among them.
fn quads_about<'a>(store: &Store, doc: &NamedNode, entities: impl Iterator<Item = &'a NamedNode>) -> Result<Vec<Quad>, StorageError> {
    let g: GraphNameRef = doc.as_ref().into();
    let mut nodes: BTreeSet<NamedNode> = BTreeSet::new();
    let mut out: HashSet<Quad> = HashSet::new();
    for e in entities {
        nodes.insert(e.clone());
        for q in store.quads_for_pattern(Some(e.as_ref().into()), None, None, Some(g)) {
            let q = q?;
            if let Term::NamedNode(o) = &q.object {
                if o != e && rdf::is_under(o.as_str(), e.as_str()) {
                    nodes.insert(o.clone());
                }
            }
        }
        for q in store.quads_for_pattern(None, None, Some(e.as_ref().into()), Some(g)) {
            if let NamedOrBlankNode::NamedNode(s) = &q?.subject {
                if s != e && rdf::is_under(s.as_str(), e.as_str()) {
                    nodes.insert(s.clone());
                }
            }
        }
    }
    for n in &nodes {
        for q in store.quads_for_pattern(Some(n.as_ref().into()), None, None, Some(g)) {
            out.insert(q?);
        }
        for q in store.quads_for_pattern(None, None, Some(n.as_ref().into()), Some(g)) {
            out.insert(q?);
        }
    }
    Ok(out.into_iter().collect())
}

/// True when a document graph holds `q` that does not lose it now.
fn still_supported(store: &Store, q: &Quad, merged: &NamedNode, removed: &HashSet<Quad>) -> Result<bool, StorageError> {
    for other in store.quads_for_pattern(Some(q.subject.as_ref()), Some(q.predicate.as_ref()), Some(q.object.as_ref()), None) {
        let other = other?;
        let held = match &other.graph_name {
            GraphName::NamedNode(g) => g != merged,
            _ => false,
        };
        if held && !removed.contains(&other) {
            return Ok(true);
        }
    }
    Ok(false)
}
