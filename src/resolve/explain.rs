//! Why mentions are one entity or several: for a name, every group it belongs to, clustered as
//! the store holds it, each mention with its document, key and the ground it joined on (or why it
//! was kept apart). `newsgraph evidence` prints the merges, `newsgraph resolve --explain` the rest.

use super::cluster::Decision;
use super::reconcile::clustered;
use crate::rdf::{self, NG};
use crate::store::{self, StoreError};
use oxigraph::model::{Literal, NamedNode, Term};
use oxigraph::store::Store;
use std::collections::{BTreeSet, HashMap};
use std::io::Write;

/// One mention as explained.
#[derive(Debug, Clone, serde::Serialize)]
pub struct MentionLine {
    /// The document's source (its path or given id).
    pub document: String,
    /// The key's details: where the mention belongs.
    pub key: String,
    /// "seed", "joined", "ambiguous".
    pub decision: &'static str,
    /// The ground of a merge, or why the mention is kept apart from each other entity.
    pub reasons: Vec<String>,
}

/// One entity of a group.
#[derive(Debug, Clone, serde::Serialize)]
pub struct EntityLine {
    pub iri: String,
    pub mentions: Vec<MentionLine>,
}

/// A group (one name, one day) as the store resolves it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct GroupLine {
    pub group: String,
    pub entities: Vec<EntityLine>,
}

/// The identity groups of the entities named `name` (label or alias) in the merged graph.
pub fn groups_named(store: &Store, name: &str) -> Result<Vec<String>, StoreError> {
    let merged = rdf::merged_graph();
    let label = NamedNode::new_unchecked("http://www.w3.org/2000/01/rdf-schema#label");
    let alt = NamedNode::new_unchecked(format!("{}altLabel", rdf::SKOS));
    let group_p = NamedNode::new_unchecked(format!("{NG}identityGroup"));
    let mut out = BTreeSet::new();
    for lit in [Literal::new_language_tagged_literal_unchecked(name, "zh"), Literal::new_simple_literal(name)] {
        for p in [&label, &alt] {
            for q in store.quads_for_pattern(None, Some(p.as_ref()), Some(lit.as_ref().into()), Some(merged.as_ref().into())) {
                let q = q?;
                // The keys are in the documents' graphs.
                for g in store.quads_for_pattern(Some(q.subject.as_ref()), Some(group_p.as_ref()), None, None) {
                    if let Term::Literal(l) = g?.object {
                        out.insert(l.value().to_string());
                    }
                }
            }
        }
    }
    Ok(out.into_iter().collect())
}

/// Every group of `name`, explained.
pub fn explain(store: &Store, name: &str) -> Result<Vec<GroupLine>, StoreError> {
    let mut sources: HashMap<String, String> = HashMap::new();
    let mut out = Vec::new();
    for group in groups_named(store, name)? {
        let (stored, mentions, c) = clustered(store, &group)?;
        let mut entities: Vec<EntityLine> =
            c.entities.iter().map(|e| EntityLine { iri: e.iri.as_str().to_string(), mentions: Vec::new() }).collect();
        let iri_of = |e: usize| c.entities[e].iri.as_str().to_string();
        for (e, entity) in c.entities.iter().enumerate() {
            for &i in &entity.members {
                let doc = &stored[i].0;
                let document = match sources.get(doc.as_str()) {
                    Some(s) => s.clone(),
                    None => {
                        let s = store::document(store, doc)?.map(|d| d.source).unwrap_or_else(|| doc.as_str().to_string());
                        sources.insert(doc.as_str().to_string(), s.clone());
                        s
                    }
                };
                let (decision, reasons) = match &c.assigned[i].1 {
                    Decision::Seed { apart } => {
                        ("seed", apart.iter().map(|(o, why)| format!("apart from {}: {why}", iri_of(*o))).collect())
                    }
                    Decision::Joined { ground, .. } => ("joined", vec![ground.clone()]),
                    Decision::Ambiguous { candidates } => (
                        "ambiguous",
                        vec![format!(
                            "kept apart: compatible with {} entities ({})",
                            candidates.len(),
                            candidates.iter().map(|&o| iri_of(o)).collect::<Vec<_>>().join(", ")
                        )],
                    ),
                };
                entities[e].mentions.push(MentionLine { document, key: mentions[i].key.describe(), decision, reasons });
            }
        }
        out.push(GroupLine { group, entities });
    }
    Ok(out)
}

/// Writes the explanation as text; `apart` adds why entities of one name were kept apart.
pub fn write_text(groups: &[GroupLine], apart: bool, out: &mut dyn Write) -> std::io::Result<()> {
    for g in groups {
        let mentions: usize = g.entities.iter().map(|e| e.mentions.len()).sum();
        writeln!(
            out,
            "{} — {mentions} mention(s), {} entit{}",
            g.group,
            g.entities.len(),
            if g.entities.len() == 1 { "y" } else { "ies" }
        )?;
        for e in &g.entities {
            writeln!(out, "  <{}>", e.iri)?;
            for m in &e.mentions {
                let reasons: Vec<&String> = match m.decision {
                    "joined" => m.reasons.iter().collect(),
                    _ if apart => m.reasons.iter().collect(),
                    _ => Vec::new(),
                };
                let why = if reasons.is_empty() {
                    String::new()
                } else {
                    format!(": {}", reasons.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("; "))
                };
                writeln!(out, "    {} [{}] {}{why}", m.document, m.key, m.decision)?;
            }
        }
    }
    Ok(())
}
