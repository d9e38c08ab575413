//! GEXF 1.3 (Gephi): a static directed graph with declared node and edge attributes, node colours
//! by type (`viz:color`) and edge weights (the number of evidence sentences).
//!
//! Node attributes: `type`, `type_zh`, `iri`, and one per literal fact present (`jobTitle`…). Edge
//! attributes: `relation`, `roles`, `evidence`, `sources`; the edge `label` is the Chinese reading.

use super::xml::escape;
use super::{attribute_names, edge_id, edge_weight, evidence_sources, evidence_text, join_values, kind_rgb, node_id};
use crate::graph::{EntityGraph, Relation};
use petgraph::graph::{EdgeReference, NodeIndex};
use petgraph::visit::EdgeRef;
use std::io::{self, Write};

const NODE_ATTRIBUTES: [&str; 3] = ["type", "type_zh", "iri"];
const EDGE_ATTRIBUTES: [&str; 4] = ["relation", "roles", "evidence", "sources"];

/// The attribute id of a literal fact.
fn attribute_id(name: &str) -> String {
    format!("attr_{name}")
}

/// Writes `g` as one GEXF 1.3 document.
pub fn write(g: &EntityGraph, title: &str, w: &mut dyn Write) -> io::Result<()> {
    let attributes = attribute_names(g);
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#
    )?;
    writeln!(w, "  <meta>\n    <creator>newsgraph</creator>\n    <description>{}</description>\n  </meta>", escape(title))?;
    writeln!(w, r#"  <graph defaultedgetype="directed" mode="static">"#)?;
    write_declarations(&attributes, w)?;
    writeln!(w, "    <nodes>")?;
    for n in g.graph.node_indices() {
        write_node(g, n, &attributes, w)?;
    }
    writeln!(w, "    </nodes>\n    <edges>")?;
    for e in g.graph.edge_references() {
        write_edge(e, w)?;
    }
    writeln!(w, "    </edges>\n  </graph>\n</gexf>")
}

fn write_declarations(attributes: &[String], w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, r#"    <attributes class="node">"#)?;
    for id in NODE_ATTRIBUTES {
        writeln!(w, r#"      <attribute id="{id}" title="{id}" type="string"/>"#)?;
    }
    for name in attributes {
        writeln!(w, r#"      <attribute id="{}" title="{}" type="string"/>"#, escape(&attribute_id(name)), escape(name))?;
    }
    writeln!(w, "    </attributes>")?;
    writeln!(w, r#"    <attributes class="edge">"#)?;
    for id in EDGE_ATTRIBUTES {
        writeln!(w, r#"      <attribute id="{id}" title="{id}" type="string"/>"#)?;
    }
    writeln!(w, "    </attributes>")
}

fn attvalue(w: &mut dyn Write, id: &str, value: &str) -> io::Result<()> {
    writeln!(w, r#"          <attvalue for="{}" value="{}"/>"#, escape(id), escape(value))
}

fn write_node(g: &EntityGraph, n: NodeIndex, attributes: &[String], w: &mut dyn Write) -> io::Result<()> {
    let e = &g.graph[n];
    writeln!(w, r#"      <node id="{}" label="{}">"#, node_id(n), escape(&e.label))?;
    writeln!(w, "        <attvalues>")?;
    attvalue(w, "type", e.kind.as_str())?;
    attvalue(w, "type_zh", e.kind.zh())?;
    attvalue(w, "iri", &e.iri)?;
    for name in attributes {
        if let Some(values) = e.attributes.get(name) {
            attvalue(w, &attribute_id(name), &join_values(values))?;
        }
    }
    writeln!(w, "        </attvalues>")?;
    let (r, gr, b) = kind_rgb(e.kind);
    writeln!(w, r#"        <viz:color r="{r}" g="{gr}" b="{b}"/>"#)?;
    writeln!(w, "      </node>")
}

fn write_edge(e: EdgeReference<'_, Relation>, w: &mut dyn Write) -> io::Result<()> {
    let r = e.weight();
    writeln!(
        w,
        r#"      <edge id="{}" source="{}" target="{}" label="{}" weight="{}">"#,
        edge_id(e.id()),
        node_id(e.source()),
        node_id(e.target()),
        escape(&r.label_zh()),
        edge_weight(r)
    )?;
    writeln!(w, "        <attvalues>")?;
    attvalue(w, "relation", &r.predicate)?;
    if !r.roles.is_empty() {
        attvalue(w, "roles", &r.roles.join(","))?;
    }
    if !r.evidence.is_empty() {
        attvalue(w, "evidence", &evidence_text(r))?;
        attvalue(w, "sources", &evidence_sources(r))?;
    }
    writeln!(w, "        </attvalues>\n      </edge>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::{hostile_graph, sample_graph};

    fn render(g: &EntityGraph) -> String {
        let mut out = Vec::new();
        write(g, "<t>", &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn hostile_labels_are_escaped() {
        let text = render(&hostile_graph());
        assert!(text.contains(r#"label="A&amp;B &lt;市委&gt; &quot;书记&quot; &apos;x&apos;"#), "{text}");
        assert!(text.contains(r#"label="市委&#10;第二行&quot;""#), "{text}");
        assert!(!text.contains("<script>") && !text.contains('\u{1}'), "{text}");
        assert!(text.contains("<description>&lt;t&gt;</description>"));
        assert!(text.contains(r#"label="出席（主持、讲话）""#), "{text}");
    }

    #[test]
    fn structure_matches_the_graph() {
        let g = sample_graph();
        let text = render(&g);
        assert!(text.contains(r#"version="1.3""#));
        assert_eq!(text.matches("<node id=").count(), g.node_count());
        assert_eq!(text.matches("<edge id=").count(), g.edge_count());
        assert_eq!(text.matches("<viz:color ").count(), g.node_count());
        assert!(text.contains(r#"<attribute id="attr_jobTitle" title="jobTitle" type="string"/>"#), "{text}");
        assert!(text.contains(r#"<attvalue for="type" value="person"/>"#));
        assert!(text.trim_end().ends_with("</gexf>"));
    }
}
