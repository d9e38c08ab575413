//! The embedded Oxigraph store: one named graph per document, written in one transaction.

use crate::extract::extract;
use crate::model::Extraction;
use crate::rdf::{self, DCTERMS};
use anyhow::{Context, Result};
use oxigraph::model::{GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Term};
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
/// the same content again replaces its graph, and a changed file replaces the graph it had before.
pub fn ingest(store: &Store, content: &str, source: &str) -> Result<IngestSummary> {
    let extraction = extract(content);
    let (graph, quads) = rdf::document_quads(content, source, &extraction);
    let older = graphs_of_source(store, source)?;
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
        if let NamedOrBlankNode::NamedNode(n) = q.subject {
            if q.graph_name == GraphNameRef::NamedNode(NamedNodeRef::new_unchecked(n.as_str())).into_owned() {
                out.push(n);
            }
        }
    }
    Ok(out)
}

/// Total number of quads in the store.
pub fn quad_count(store: &Store) -> Result<usize> {
    Ok(store.len()?)
}
