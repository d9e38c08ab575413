//! Graph analyses over the entity graph ([`EntityGraph`]): centrality, shortest paths with their
//! evidence, communities (Louvain) and the person–person co-attendance network.
//!
//! Every analysis is a pure function of an [`EntityGraph`]; they only read. Structural measures
//! work on the *undirected simple view* of the graph ([`undirected`]): the direction of an RDF
//! property (event → person for `attendee`) says nothing about who is central, and several
//! relations between the same two entities count as one link.

pub mod centrality;
pub mod coattendance;
pub mod community;
pub mod path;

use crate::graph::{EntityGraph, Kind, Resolution};
use anyhow::{bail, Result};
use petgraph::graph::{NodeIndex, UnGraph};
use std::cmp::Ordering;
use std::collections::BTreeMap;

pub use centrality::{centrality_table, rank, Measure, Ranked};
pub use coattendance::{coattendance, coattendance_table, CoAttendance};
pub use community::{communities, communities_table, louvain, modularity, Community};
pub use path::{path_table, paths, write_paths_text, PathStep, StepPath};

/// Scores are printed with this many decimals.
pub const SCORE_DECIMALS: usize = 4;

/// The undirected simple view of the graph: the same node indices, one edge per pair of distinct
/// entities that are related at all, weighted by how many relations join them.
pub fn undirected(g: &EntityGraph) -> UnGraph<(), u32> {
    let mut pairs: BTreeMap<(usize, usize), u32> = BTreeMap::new();
    for e in g.graph.raw_edges() {
        let (a, b) = (e.source().index(), e.target().index());
        if a != b {
            *pairs.entry((a.min(b), a.max(b))).or_default() += 1;
        }
    }
    let mut u = UnGraph::with_capacity(g.node_count(), pairs.len());
    for _ in 0..g.node_count() {
        u.add_node(());
    }
    for ((a, b), w) in pairs {
        u.add_edge(NodeIndex::new(a), NodeIndex::new(b), w);
    }
    u
}

/// A score with [`SCORE_DECIMALS`] decimals.
pub fn score_cell(score: f64) -> String {
    format!("{score:.SCORE_DECIMALS$}")
}

/// Orders entities by label, then IRI, so that ties always come out the same way.
pub fn by_label(g: &EntityGraph, a: NodeIndex, b: NodeIndex) -> Ordering {
    let (x, y) = (&g.graph[a], &g.graph[b]);
    x.label.cmp(&y.label).then_with(|| x.iri.cmp(&y.iri))
}

/// The one entity a user means by `name` (of the given kinds; any kind when empty). An unknown
/// name, or one that fits several entities, is an error that says so and lists the candidates.
pub fn resolve_entity(g: &EntityGraph, name: &str, kinds: &[Kind]) -> Result<NodeIndex> {
    match g.resolve(name, kinds) {
        Resolution::Found(n) => Ok(n),
        Resolution::NotFound => bail!("no entity named 「{}」 in the graph", name.trim()),
        Resolution::Ambiguous(candidates) => {
            let list: Vec<String> = candidates.iter().map(|&n| format!("{} ({})", g.graph[n].label, g.graph[n].kind.as_str())).collect();
            bail!("「{}」 is ambiguous; it could be any of: {}. Give the full name.", name.trim(), list.join(", "))
        }
    }
}

/// The `attendee` edges as (event, person) pairs, each once.
pub(crate) fn attendances(g: &EntityGraph) -> Vec<(NodeIndex, NodeIndex)> {
    let mut out: Vec<(NodeIndex, NodeIndex)> = g
        .graph
        .raw_edges()
        .iter()
        .filter(|e| e.weight.predicate == "attendee")
        .map(|e| (e.source(), e.target()))
        .filter(|&(ev, p)| g.graph[ev].kind == Kind::Event && g.graph[p].kind == Kind::Person)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// An event's label with its date when known: "民营企业家座谈会 (2025-03-03)".
pub(crate) fn event_name(g: &EntityGraph, n: NodeIndex) -> String {
    let e = &g.graph[n];
    match e.attribute("startDate") {
        Some(d) => format!("{} ({d})", e.label),
        None => e.label.clone(),
    }
}

/// Separator of the names listed in one table cell (labels may themselves contain "、" or ",").
pub const LIST_SEPARATOR: &str = "; ";

#[cfg(test)]
pub(crate) mod testing {
    //! Small hand-made entity graphs for the unit tests.
    use crate::graph::{Entity, EntityGraph, Evidence, Kind, Relation};
    use petgraph::graph::NodeIndex;
    use std::collections::BTreeMap;

    pub fn entity(label: &str, kind: Kind) -> Entity {
        Entity { iri: format!("urn:test:{label}"), kind, label: label.to_string(), attributes: BTreeMap::new() }
    }

    pub fn add(g: &mut EntityGraph, label: &str, kind: Kind) -> NodeIndex {
        g.graph.add_node(entity(label, kind))
    }

    pub fn relate(g: &mut EntityGraph, from: NodeIndex, to: NodeIndex, predicate: &str, roles: &[&str], sentence: &str) {
        let evidence = if sentence.is_empty() {
            vec![]
        } else {
            vec![Evidence { sentence: sentence.into(), document: "urn:doc".into(), source: "a.txt".into() }]
        };
        let roles = roles.iter().map(|r| r.to_string()).collect();
        g.graph.add_edge(from, to, Relation { predicate: predicate.into(), roles, evidence });
    }

    /// Event `e` with these persons attending.
    pub fn attend(g: &mut EntityGraph, event: NodeIndex, persons: &[NodeIndex]) {
        for &p in persons {
            relate(g, event, p, "attendee", &["attended"], "");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;

    #[test]
    fn the_undirected_view_merges_relations_between_the_same_pair() {
        let mut g = EntityGraph::default();
        let (p, o) = (add(&mut g, "甲", Kind::Person), add(&mut g, "乙", Kind::Organization));
        relate(&mut g, p, o, "memberOf", &[], "");
        relate(&mut g, o, p, "investor", &[], "");
        let u = undirected(&g);
        assert_eq!((u.node_count(), u.edge_count()), (2, 1));
        assert_eq!(u[u.find_edge(p, o).unwrap()], 2);
    }

    #[test]
    fn unknown_and_ambiguous_names_are_errors_that_say_why() {
        let mut g = EntityGraph::default();
        add(&mut g, "洛阳市委", Kind::Organization);
        add(&mut g, "洛阳市人民政府", Kind::Organization);
        let e = resolve_entity(&g, "无此人", &[]).unwrap_err().to_string();
        assert!(e.contains("无此人"), "{e}");
        let e = resolve_entity(&g, "洛阳市", &[]).unwrap_err().to_string();
        assert!(e.contains("洛阳市委 (organization)") && e.contains("洛阳市人民政府 (organization)"), "{e}");
        assert!(resolve_entity(&g, "洛阳市委", &[]).is_ok());
    }
}
