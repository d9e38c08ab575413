//! Cytoscape.js JSON (`.cyjs`, also read by Cytoscape desktop):
//! `{"data": {...}, "elements": {"nodes": [{"data": {...}}], "edges": [{"data": {...}}]}}`.
//!
//! Node data: `id`, `label`, `type`, `type_zh`, `iri`, `color`, and each literal fact as a list of
//! strings (`jobTitle`, `startDate`, `investmentYuan`…). Edge data: `id`, `source`, `target`,
//! `relation`, `label` (Chinese), `roles` (list), `weight`, and `evidence` as a list of
//! `{"sentence", "source", "document"}`.

use super::{edge_id, edge_weight, kind_colour, node_id};
use crate::graph::{EntityGraph, Kind, Relation};
use petgraph::graph::{EdgeReference, NodeIndex};
use petgraph::visit::EdgeRef;
use serde_json::{json, Map, Value};
use std::io::{self, Write};

/// The whole document as JSON.
pub fn document(g: &EntityGraph, title: &str) -> Value {
    let nodes: Vec<Value> = g.graph.node_indices().map(|n| json!({ "data": node_data(g, n) })).collect();
    let edges: Vec<Value> = g.graph.edge_references().map(|e| json!({ "data": edge_data(e) })).collect();
    let legend: Vec<Value> = Kind::ALL.iter().map(|&k| json!({"type": k.as_str(), "type_zh": k.zh(), "color": kind_colour(k)})).collect();
    json!({
        "format_version": "1.0",
        "generated_by": "newsgraph",
        "target_cytoscapejs_version": "~3",
        "data": { "name": title, "legend": legend },
        "elements": { "nodes": nodes, "edges": edges },
    })
}

fn node_data(g: &EntityGraph, n: NodeIndex) -> Value {
    let e = &g.graph[n];
    let mut data = Map::new();
    data.insert("id".into(), node_id(n).into());
    data.insert("label".into(), e.label.clone().into());
    data.insert("type".into(), e.kind.as_str().into());
    data.insert("type_zh".into(), e.kind.zh().into());
    data.insert("iri".into(), e.iri.clone().into());
    data.insert("color".into(), kind_colour(e.kind).into());
    for (name, values) in &e.attributes {
        // The fixed keys win over a literal fact of the same name (there is none today).
        data.entry(name.clone()).or_insert_with(|| json!(values));
    }
    Value::Object(data)
}

fn edge_data(e: EdgeReference<'_, Relation>) -> Value {
    let r = e.weight();
    let evidence: Vec<Value> =
        r.evidence.iter().map(|v| json!({"sentence": v.sentence, "source": v.source, "document": v.document})).collect();
    json!({
        "id": edge_id(e.id()),
        "source": node_id(e.source()),
        "target": node_id(e.target()),
        "relation": r.predicate,
        "label": r.label_zh(),
        "roles": r.roles,
        "weight": edge_weight(r),
        "evidence": evidence,
    })
}

/// Writes `g` as pretty-printed Cytoscape.js JSON.
pub fn write(g: &EntityGraph, title: &str, w: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, &document(g, title))?;
    writeln!(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::{hostile_graph, sample_graph};

    fn parse(g: &EntityGraph) -> Value {
        let mut out = Vec::new();
        write(g, "t\"", &mut out).unwrap();
        serde_json::from_slice(&out).expect("valid JSON")
    }

    #[test]
    fn hostile_labels_round_trip() {
        let g = hostile_graph();
        let v = parse(&g);
        assert_eq!(v["data"]["name"], "t\"");
        let nodes = v["elements"]["nodes"].as_array().unwrap();
        assert_eq!(nodes[0]["data"]["label"], g.graph[NodeIndex::new(0)].label.as_str());
        assert_eq!(nodes[0]["data"]["jobTitle"][1], "市长");
        let edges = v["elements"]["edges"].as_array().unwrap();
        assert_eq!(edges[1]["data"]["roles"], json!(["presided", "spoke"]));
        assert_eq!(edges[0]["data"]["evidence"][0]["source"], "a&b<1>.txt");
    }

    #[test]
    fn structure_matches_the_graph() {
        let g = sample_graph();
        let v = parse(&g);
        let nodes = v["elements"]["nodes"].as_array().unwrap();
        let edges = v["elements"]["edges"].as_array().unwrap();
        assert_eq!((nodes.len(), edges.len()), (g.node_count(), g.edge_count()));
        let ids: std::collections::HashSet<&str> = nodes.iter().map(|n| n["data"]["id"].as_str().unwrap()).collect();
        assert_eq!(ids.len(), nodes.len());
        for e in edges {
            assert!(ids.contains(e["data"]["source"].as_str().unwrap()) && ids.contains(e["data"]["target"].as_str().unwrap()));
            assert!(e["data"]["relation"].is_string() && e["data"]["label"].is_string());
        }
        assert!(edges.iter().any(|e| !e["data"]["evidence"].as_array().unwrap().is_empty()));
        assert!(nodes.iter().all(|n| n["data"]["color"].as_str().unwrap().starts_with('#')));
    }
}
