//! GraphML (Gephi, Cytoscape, yEd, networkx): every attribute declared as a `<key>`.
//!
//! Node keys: `label`, `type`, `type_zh`, `iri`, `color`, and one per literal fact present
//! (`jobTitle`, `startDate`, `investmentYuan`…; several values joined by `; `). Edge keys: `relation`
//! (the property's local name), `label` (its Chinese reading), `roles`, `evidence` (one sentence per
//! line with its source), `sources` and `weight` (the number of evidence sentences, at least 1).

use super::xml::escape;
use super::{attribute_names, edge_id, edge_weight, evidence_sources, evidence_text, join_values, kind_colour, node_id};
use crate::graph::EntityGraph;
use petgraph::visit::EdgeRef;
use std::io::{self, Write};

/// Fixed node keys: (id, attr.name).
const NODE_KEYS: [(&str, &str); 5] = [("label", "label"), ("type", "type"), ("type_zh", "type_zh"), ("iri", "iri"), ("color", "color")];

/// Fixed string edge keys: (id, attr.name).
const EDGE_KEYS: [(&str, &str); 5] =
    [("relation", "relation"), ("edge_label", "label"), ("roles", "roles"), ("evidence", "evidence"), ("sources", "sources")];

/// The key id of a literal attribute.
fn attribute_key(name: &str) -> String {
    format!("attr_{name}")
}

/// Writes `g` as one GraphML document.
pub fn write(g: &EntityGraph, title: &str, w: &mut dyn Write) -> io::Result<()> {
    let attributes = attribute_names(g);
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    write_keys(&attributes, w)?;
    writeln!(w, r#"  <graph id="newsgraph" edgedefault="directed">"#)?;
    writeln!(w, r#"    <desc>{}</desc>"#, escape(title))?;
    for n in g.graph.node_indices() {
        write_node(g, n, &attributes, w)?;
    }
    for e in g.graph.edge_references() {
        write_edge(e, w)?;
    }
    writeln!(w, "  </graph>")?;
    writeln!(w, "</graphml>")
}

fn write_keys(attributes: &[String], w: &mut dyn Write) -> io::Result<()> {
    for (id, name) in NODE_KEYS {
        writeln!(w, r#"  <key id="{id}" for="node" attr.name="{name}" attr.type="string"/>"#)?;
    }
    for name in attributes {
        writeln!(w, r#"  <key id="{}" for="node" attr.name="{}" attr.type="string"/>"#, escape(&attribute_key(name)), escape(name))?;
    }
    for (id, name) in EDGE_KEYS {
        writeln!(w, r#"  <key id="{id}" for="edge" attr.name="{name}" attr.type="string"/>"#)?;
    }
    writeln!(w, r#"  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>"#)
}

fn data(w: &mut dyn Write, key: &str, value: &str) -> io::Result<()> {
    writeln!(w, r#"      <data key="{}">{}</data>"#, escape(key), escape(value))
}

fn write_node(g: &EntityGraph, n: petgraph::graph::NodeIndex, attributes: &[String], w: &mut dyn Write) -> io::Result<()> {
    let e = &g.graph[n];
    writeln!(w, r#"    <node id="{}">"#, node_id(n))?;
    data(w, "label", &e.label)?;
    data(w, "type", e.kind.as_str())?;
    data(w, "type_zh", e.kind.zh())?;
    data(w, "iri", &e.iri)?;
    data(w, "color", kind_colour(e.kind))?;
    for name in attributes {
        if let Some(values) = e.attributes.get(name) {
            data(w, &attribute_key(name), &join_values(values))?;
        }
    }
    writeln!(w, "    </node>")
}

fn write_edge(e: petgraph::graph::EdgeReference<'_, crate::graph::Relation>, w: &mut dyn Write) -> io::Result<()> {
    let r = e.weight();
    writeln!(w, r#"    <edge id="{}" source="{}" target="{}">"#, edge_id(e.id()), node_id(e.source()), node_id(e.target()))?;
    data(w, "relation", &r.predicate)?;
    data(w, "edge_label", &r.label_zh())?;
    if !r.roles.is_empty() {
        data(w, "roles", &r.roles.join(","))?;
    }
    if !r.evidence.is_empty() {
        data(w, "evidence", &evidence_text(r))?;
        data(w, "sources", &evidence_sources(r))?;
    }
    data(w, "weight", &edge_weight(r).to_string())?;
    writeln!(w, "    </edge>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::{hostile_graph, sample_graph};

    fn render(g: &EntityGraph) -> String {
        let mut out = Vec::new();
        write(g, "t&t", &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn hostile_labels_are_escaped() {
        let text = render(&hostile_graph());
        assert!(text.contains("A&amp;B &lt;市委&gt; &quot;书记&quot; &apos;x&apos;"), "{text}");
        assert!(text.contains("市委&#10;第二行&quot;"), "{text}");
        assert!(!text.contains("<script>") && !text.contains("\u{1}"), "{text}");
        assert!(text.contains("[a&amp;b&lt;1&gt;.txt]"), "{text}");
        assert!(text.contains("<desc>t&amp;t</desc>"));
        // Every element opened is closed: as many <node> as </node>.
        assert_eq!(text.matches("<node ").count(), text.matches("</node>").count());
    }

    #[test]
    fn structure_matches_the_graph() {
        let g = sample_graph();
        let text = render(&g);
        assert_eq!(text.matches("<node id=").count(), g.node_count());
        assert_eq!(text.matches("<edge id=").count(), g.edge_count());
        for key in ["label", "type", "relation", "evidence", "weight", "attr_jobTitle"] {
            assert!(text.contains(&format!(r#"<key id="{key}""#)), "key {key} missing");
        }
        assert!(text.contains(r#"<data key="type">person</data>"#));
        assert!(text.contains(r#"<data key="edge_label">出席（主持、讲话）</data>"#) || text.contains("出席（主持"), "{text}");
        assert!(text.trim_end().ends_with("</graphml>"));
    }
}
