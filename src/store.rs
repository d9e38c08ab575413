//! The embedded Oxigraph store: one named graph per document, written in one transaction.

use crate::extract::extract;
use crate::model::Extraction;
use crate::rdf::{self, DCTERMS};
use anyhow::{Context, Result};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Term};
use oxigraph::store::Store;
use std::path::Path;

pub fn open(path: &Path) -> Result<Store> {
    Store::open(path).with_context(|| format!("cannot open the store at {}", path.display()))
}

pub fn open_read_only(path: &Path) -> Result<Store> {
    if !path.exists() {
        anyhow::bail!("no store at {} (run `newsgraph ingest` first, or pass --store)", path.display());
    }
    Store::open_read_only(path).with_context(|| format!("cannot open the store at {}", path.display()))
}

/// What ingesting one document did.
#[derive(Debug, Clone)]
pub struct IngestSummary {
    pub graph: NamedNode,
    pub extraction: Extraction,
    pub quads: usize,
    /// Older graphs of the same source that this one replaced.
    pub replaced: usize,
}

/// Extracts `content` and writes it as the named graph of its content hash, in one transaction:
/// the same content again replaces its graph, and a changed file replaces the graph it had before
/// (documents from standard input, source "-", only ever replace their own content).
pub fn ingest(store: &Store, content: &str, source: &str) -> Result<IngestSummary> {
    let extraction = extract(content);
    let (graph, quads) = rdf::document_quads(content, source, &extraction);
    // Standard input has no identity of its own: each document read from it is kept.
    let older = if source == "-" { Vec::new() } else { graphs_of_source(store, source)? };
    let mut tx = store.start_transaction()?;
    let mut replaced = 0;
    for g in &older {
        if g != &graph {
            replaced += 1;
        }
        tx.remove_named_graph(g.as_ref())?;
    }
    tx.remove_named_graph(graph.as_ref())?;
    tx.insert_named_graph(graph.as_ref());
    for q in &quads {
        tx.insert(q.as_ref());
    }
    tx.commit().with_context(|| format!("{source}: writing to the store failed; nothing was written"))?;
    Ok(IngestSummary { graph, extraction, quads: quads.len(), replaced })
}

/// Named graphs whose document has `dcterms:source` equal to `source`.
fn graphs_of_source(store: &Store, source: &str) -> Result<Vec<NamedNode>> {
    let p = NamedNode::new_unchecked(format!("{DCTERMS}source"));
    let lit: Term = Literal::new_simple_literal(source).into();
    let mut out = Vec::new();
    for q in store.quads_for_pattern(None, Some(p.as_ref()), Some(lit.as_ref()), None) {
        let q = q?;
        // The document describes itself in its own graph.
        if let (NamedOrBlankNode::NamedNode(doc), GraphName::NamedNode(graph)) = (q.subject, q.graph_name) {
            if doc == graph {
                out.push(doc);
            }
        }
    }
    Ok(out)
}

/// Total number of quads in the store.
pub fn quad_count(store: &Store) -> Result<usize> {
    Ok(store.len()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "3月4日，全市优化营商环境大会在洛阳召开。市委书记秦守源出席并讲话。";
    const B: &str = "5月7日，市长顾怀川到宜阳县调研。";

    #[test]
    fn the_same_document_twice_replaces_itself() {
        let store = Store::new().unwrap();
        let first = ingest(&store, A, "a.txt").unwrap();
        let n = store.len().unwrap();
        let again = ingest(&store, A, "a.txt").unwrap();
        assert_eq!(n, store.len().unwrap());
        assert_eq!(first.graph, again.graph);
        assert_eq!(again.replaced, 0);
    }

    #[test]
    fn a_changed_file_replaces_its_earlier_version() {
        let store = Store::new().unwrap();
        ingest(&store, A, "a.txt").unwrap();
        let s = ingest(&store, B, "a.txt").unwrap();
        assert_eq!(s.replaced, 1);
        assert_eq!(store.named_graphs().count(), 1);
        let only_b = Store::new().unwrap();
        ingest(&only_b, B, "a.txt").unwrap();
        assert_eq!(store.len().unwrap(), only_b.len().unwrap());
    }

    #[test]
    fn documents_from_standard_input_do_not_replace_each_other() {
        let store = Store::new().unwrap();
        ingest(&store, A, "-").unwrap();
        ingest(&store, B, "-").unwrap();
        assert_eq!(store.named_graphs().count(), 2);
    }

    #[test]
    fn documents_share_entity_nodes() {
        let store = Store::new().unwrap();
        ingest(&store, A, "a.txt").unwrap();
        ingest(&store, "6月1日，市委书记秦守源主持召开常委会会议。", "b.txt").unwrap();
        let person = crate::rdf::person_iri("秦守源");
        let graphs: std::collections::HashSet<_> = store
            .quads_for_pattern(Some(person.as_ref().into()), None, None, None)
            .map(|q| q.unwrap().graph_name)
            .collect();
        assert_eq!(graphs.len(), 2);
    }
}
