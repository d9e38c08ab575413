//! Scores the store's identities against a gold clustering (`examples/identity/gold.json`): every
//! pair of gold mentions of one kind is a merge the gold wants or not, and a merge the store made
//! (both mentions found, one IRI) or not; precision and recall of merges, by kind and overall.

use super::key::dice;
use crate::rdf::{NG, ORG, SCHEMA, SKOS};
use crate::store::{self, StoreError};
use oxigraph::model::vocab::rdf as rdfv;
use oxigraph::model::{GraphNameRef, Literal, NamedNode, NamedOrBlankNode, Term};
use oxigraph::store::Store;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    pub clusters: Vec<GoldCluster>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldCluster {
    /// person, organization, project or event.
    pub kind: String,
    #[serde(default)]
    pub label: String,
    pub mentions: Vec<GoldMention>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldMention {
    /// The document, by the file name its source ends with.
    pub doc: String,
    pub name: String,
    /// An event's date (ISO).
    #[serde(default)]
    pub date: Option<String>,
}

/// Pairwise figures of one kind.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct PairScore {
    pub kind: String,
    pub mentions: usize,
    /// Gold mentions found in their document.
    pub found: usize,
    pub gold_pairs: usize,
    pub system_pairs: usize,
    pub true_pairs: usize,
}

impl PairScore {
    pub fn precision(&self) -> f64 {
        if self.system_pairs == 0 {
            1.0
        } else {
            self.true_pairs as f64 / self.system_pairs as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.gold_pairs == 0 {
            1.0
        } else {
            self.true_pairs as f64 / self.gold_pairs as f64
        }
    }
}

/// The scores by kind, then overall (kind "all"), and the gold mentions not found.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Report {
    pub kinds: Vec<PairScore>,
    pub missing: Vec<String>,
}

impl Report {
    pub fn overall(&self) -> &PairScore {
        self.kinds.last().expect("the overall row")
    }
}

fn class_of(kind: &str) -> Option<NamedNode> {
    let iri = match kind {
        "person" => format!("{SCHEMA}Person"),
        "organization" => format!("{ORG}Organization"),
        "project" => format!("{NG}Project"),
        "event" => format!("{SCHEMA}Event"),
        _ => return None,
    };
    Some(NamedNode::new_unchecked(iri))
}

/// Scores `store` against `gold`.
pub fn score(store: &Store, gold: &Gold) -> Result<Report, StoreError> {
    let docs = store::documents(store)?;
    let doc_of = |file: &str| {
        docs.iter().find(|d| d.source == file || d.source.ends_with(&format!("/{file}"))).map(|d| NamedNode::new_unchecked(d.iri.clone()))
    };
    // (kind, cluster, IRI or a unique stand-in)
    let mut rows: BTreeMap<String, Vec<(usize, String)>> = BTreeMap::new();
    let mut missing = Vec::new();
    let mut found_by_kind: HashMap<String, usize> = HashMap::new();
    for (ci, c) in gold.clusters.iter().enumerate() {
        for (mi, m) in c.mentions.iter().enumerate() {
            let found = match (doc_of(&m.doc), class_of(&c.kind)) {
                (Some(doc), Some(class)) => find(store, &doc, &class, &c.kind, m)?,
                _ => None,
            };
            let id = match found {
                Some(iri) => {
                    *found_by_kind.entry(c.kind.clone()).or_default() += 1;
                    iri
                }
                None => {
                    missing.push(format!("{} {} in {}", c.kind, m.name, m.doc));
                    format!("missing:{ci}:{mi}")
                }
            };
            rows.entry(c.kind.clone()).or_default().push((ci, id));
        }
    }
    let mut kinds = Vec::new();
    let mut all = PairScore { kind: "all".into(), ..Default::default() };
    for (kind, ms) in rows {
        let mut s = PairScore {
            kind: kind.clone(),
            mentions: ms.len(),
            found: found_by_kind.get(&kind).copied().unwrap_or(0),
            ..Default::default()
        };
        for i in 0..ms.len() {
            for j in i + 1..ms.len() {
                let gold_same = ms[i].0 == ms[j].0;
                let system_same = ms[i].1 == ms[j].1;
                s.gold_pairs += usize::from(gold_same);
                s.system_pairs += usize::from(system_same);
                s.true_pairs += usize::from(gold_same && system_same);
            }
        }
        all.mentions += s.mentions;
        all.found += s.found;
        all.gold_pairs += s.gold_pairs;
        all.system_pairs += s.system_pairs;
        all.true_pairs += s.true_pairs;
        kinds.push(s);
    }
    kinds.push(all);
    Ok(Report { kinds, missing })
}

/// The entity of `class` a gold mention names in `doc`: by name or alias; a project or an event
/// by the closest name (bigram overlap at least 0.5), an event on its date.
fn find(store: &Store, doc: &NamedNode, class: &NamedNode, kind: &str, m: &GoldMention) -> Result<Option<String>, StoreError> {
    let g: GraphNameRef = doc.as_ref().into();
    let is_a = |s: &NamedOrBlankNode| -> Result<bool, StoreError> {
        Ok(store.quads_for_pattern(Some(s.as_ref()), Some(rdfv::TYPE), Some(class.as_ref().into()), Some(g)).next().transpose()?.is_some())
    };
    let name = NamedNode::new_unchecked(format!("{SCHEMA}name"));
    let alt = NamedNode::new_unchecked(format!("{SKOS}altLabel"));
    let lit = Literal::new_language_tagged_literal_unchecked(&m.name, "zh");
    if kind != "event" {
        for p in [&name, &alt] {
            for q in store.quads_for_pattern(None, Some(p.as_ref()), Some(lit.as_ref().into()), Some(g)) {
                let q = q?;
                if is_a(&q.subject)? {
                    return Ok(Some(q.subject.to_string()));
                }
            }
        }
        if kind != "project" {
            return Ok(None);
        }
    }
    let start = NamedNode::new_unchecked(format!("{SCHEMA}startDate"));
    let mut best: Option<(f64, String)> = None;
    for q in store.quads_for_pattern(None, Some(rdfv::TYPE), Some(class.as_ref().into()), Some(g)) {
        let s = q?.subject;
        if let Some(date) = &m.date {
            let on_date = store
                .quads_for_pattern(Some(s.as_ref()), Some(start.as_ref()), None, Some(g))
                .filter_map(|q| q.ok())
                .any(|q| matches!(&q.object, Term::Literal(l) if l.value() == date));
            if !on_date {
                continue;
            }
        }
        // A mention named after another one of its entity keeps its own name as an alias.
        for p in [&name, &alt] {
            for n in store.quads_for_pattern(Some(s.as_ref()), Some(p.as_ref()), None, Some(g)) {
                if let Term::Literal(l) = n?.object {
                    let d = dice(l.value(), &m.name);
                    if d >= 0.5 && best.as_ref().is_none_or(|(b, _)| d > *b) {
                        best = Some((d, s.to_string()));
                    }
                }
            }
        }
    }
    Ok(best.map(|(_, s)| s))
}

/// The report as a table.
pub fn write_text(r: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<14} {:>8} {:>6} {:>10} {:>12} {:>10} {:>9} {:>7}",
        "kind", "mentions", "found", "gold pairs", "system pairs", "true pairs", "precision", "recall"
    )?;
    for s in &r.kinds {
        writeln!(
            out,
            "{:<14} {:>8} {:>6} {:>10} {:>12} {:>10} {:>9.3} {:>7.3}",
            s.kind,
            s.mentions,
            s.found,
            s.gold_pairs,
            s.system_pairs,
            s.true_pairs,
            s.precision(),
            s.recall()
        )?;
    }
    for m in &r.missing {
        writeln!(out, "not found: {m}")?;
    }
    Ok(())
}
