//! The embedded Oxigraph store and its model (see `ontology/newsgraph.ttl` and [`crate::rdf`]):
//! one merged graph that holds each fact once, and one named graph per document with its
//! description, the facts it supports and their evidence.
//!
//! Writing a document is one transaction: its graph is replaced, its facts are added to the merged
//! graph, and the facts only its earlier version supported leave the merged graph. Removing a
//! document is the same with no new version, so the store after any sequence of ingests and
//! removals equals a clean build of the documents it holds.

use crate::extract::extract;
use crate::model::Extraction;
use crate::rdf::{self, DocumentGraph, DCTERMS, NG};
use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term, Triple};
use oxigraph::store::{StorageError, Store};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no store at {} (run `newsgraph ingest` first, or pass --store)", .0.display())]
    Missing(PathBuf),
    #[error("cannot open the store at {}: {source}", path.display())]
    Open { path: PathBuf, source: StorageError },
    #[error("{document}: writing to the store failed; nothing of it was written: {source}")]
    Write { document: String, source: StorageError },
    #[error("the store failed: {0}")]
    Storage(#[from] StorageError),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

pub fn open(path: &Path) -> Result<Store> {
    Store::open(path).map_err(|source| StoreError::Open { path: path.to_path_buf(), source })
}

pub fn open_read_only(path: &Path) -> Result<Store> {
    if !path.exists() {
        return Err(StoreError::Missing(path.to_path_buf()));
    }
    Store::open_read_only(path).map_err(|source| StoreError::Open { path: path.to_path_buf(), source })
}

/// What writing one document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteOutcome {
    /// A document the store did not hold.
    Added,
    /// A new version of a document the store held.
    Replaced,
    /// The store already held this very version: nothing was written.
    Unchanged,
}

/// What ingesting one document did.
#[derive(Debug, Clone)]
pub struct IngestSummary {
    pub graph: NamedNode,
    pub extraction: Extraction,
    pub quads: usize,
    pub outcome: WriteOutcome,
}

/// Extracts `content` and writes it as the document `source` (its identity: a canonical path or
/// a name given by the user), in one transaction.
pub fn ingest(store: &Store, content: &str, source: &str) -> Result<IngestSummary> {
    let extraction = extract(content);
    let graph = rdf::document_graph(content, source, &extraction);
    let mut groups = crate::resolve::document_groups(store, &graph.doc)?;
    let outcome = write_document(store, &graph, source)?;
    if outcome != WriteOutcome::Unchanged {
        groups.extend(graph.groups.iter().cloned());
        crate::resolve::reconcile(store, groups)?;
    }
    Ok(IngestSummary { graph: graph.doc.clone(), quads: graph.quad_count(), extraction, outcome })
}

fn dcterms(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{DCTERMS}{local}"))
}

/// The version (content hash) of the document the store holds at `doc`, if any.
pub fn stored_hash(store: &Store, doc: &NamedNode) -> Result<Option<String>> {
    let identifier = dcterms("identifier");
    let found = store.quads_for_pattern(Some(doc.as_ref().into()), Some(identifier.as_ref()), None, Some(doc.as_ref().into())).next();
    Ok(match found.transpose()? {
        Some(Quad { object: Term::Literal(l), .. }) => Some(l.value().to_string()),
        _ => None,
    })
}

/// The facts a stored document graph supports: every triple of it but its evidence nodes' and its
/// identity keys (which only its graph holds).
fn stored_facts(store: &Store, doc: &NamedNode) -> Result<Vec<Triple>> {
    let mut facts = Vec::new();
    for q in store.quads_for_pattern(None, None, None, Some(doc.as_ref().into())) {
        let q = q?;
        let evidence = matches!(&q.subject, NamedOrBlankNode::NamedNode(s) if rdf::is_evidence_node(doc, s.as_str()));
        if !evidence && !rdf::is_identity_predicate(q.predicate.as_str()) {
            facts.push(Triple::from(q));
        }
    }
    Ok(facts)
}

/// True when a document graph other than `doc` holds `t`.
fn supported_elsewhere(store: &Store, t: &Triple, doc: &NamedNode, merged: &NamedNode) -> Result<bool> {
    for q in store.quads_for_pattern(Some(t.subject.as_ref()), Some(t.predicate.as_ref()), Some(t.object.as_ref()), None) {
        let q = q?;
        let g = q.graph_name.as_ref();
        if g != GraphNameRef::from(doc.as_ref()) && g != GraphNameRef::from(merged.as_ref()) && !g.is_default_graph() {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Facts of `old` that neither `keep` holds nor another document supports: they leave the merged
/// graph with the version that stated them. Read before the transaction: the store has one writer.
fn orphaned_facts(store: &Store, doc: &NamedNode, old: Vec<Triple>, keep: &HashSet<&Triple>) -> Result<Vec<Triple>> {
    let merged = rdf::merged_graph();
    let mut out = Vec::new();
    for t in old {
        if !keep.contains(&t) && !supported_elsewhere(store, &t, doc, &merged)? {
            out.push(t);
        }
    }
    Ok(out)
}

/// Writes one document in one transaction: its named graph replaced, its facts in the merged graph,
/// and the facts that only its earlier version supported taken out. `name` is for messages.
pub fn write_document(store: &Store, graph: &DocumentGraph, name: &str) -> Result<WriteOutcome> {
    let earlier = stored_hash(store, &graph.doc)?;
    if earlier.as_deref() == Some(graph.hash.as_str()) {
        return Ok(WriteOutcome::Unchanged);
    }
    let orphans = match earlier {
        Some(_) => {
            let keep: HashSet<&Triple> = graph.facts.iter().collect();
            orphaned_facts(store, &graph.doc, stored_facts(store, &graph.doc)?, &keep)?
        }
        None => Vec::new(),
    };
    let merged = rdf::merged_graph();
    let write = || -> std::result::Result<(), StorageError> {
        let mut tx = store.start_transaction()?;
        tx.remove_named_graph(graph.doc.as_ref())?;
        tx.insert_named_graph(graph.doc.as_ref());
        tx.insert_named_graph(merged.as_ref());
        for q in graph.document_quads().chain(graph.merged_quads()) {
            tx.insert(q.as_ref());
        }
        for t in &orphans {
            tx.remove(t.as_ref().in_graph(merged.as_ref()));
        }
        tx.commit()
    };
    write().map_err(|source| StoreError::Write { document: name.to_string(), source })?;
    Ok(if earlier.is_some() { WriteOutcome::Replaced } else { WriteOutcome::Added })
}

/// Takes a document out in one transaction: its graph, and the facts no other document supports;
/// then the identities it took part in are resolved again without it. False when the store does
/// not hold it.
pub fn remove_document(store: &Store, doc: &NamedNode) -> Result<bool> {
    if !store.contains_named_graph(doc.as_ref())? {
        return Ok(false);
    }
    let groups = crate::resolve::document_groups(store, doc)?;
    let orphans = orphaned_facts(store, doc, stored_facts(store, doc)?, &HashSet::new())?;
    let merged = rdf::merged_graph();
    let write = || -> std::result::Result<(), StorageError> {
        let mut tx = store.start_transaction()?;
        tx.remove_named_graph(doc.as_ref())?;
        for t in &orphans {
            tx.remove(t.as_ref().in_graph(merged.as_ref()));
        }
        tx.commit()
    };
    write().map_err(|source| StoreError::Write { document: doc.to_string(), source })?;
    crate::resolve::reconcile(store, groups)?;
    Ok(true)
}

/// A document the store holds, as `newsgraph list` shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DocumentInfo {
    pub iri: String,
    pub source: String,
    pub hash: String,
    /// The date of the article (ISO), when the text gives one.
    pub date: Option<String>,
    pub facts: u64,
}

/// The document the store holds at `doc`, if any.
pub fn document(store: &Store, doc: &NamedNode) -> Result<Option<DocumentInfo>> {
    let graph: GraphNameRef = doc.as_ref().into();
    let value = |p: &str| -> Result<Option<String>> {
        let p = NamedNode::new_unchecked(p);
        let q = store.quads_for_pattern(Some(doc.as_ref().into()), Some(p.as_ref()), None, Some(graph)).next().transpose()?;
        Ok(q.map(|q| match q.object {
            Term::Literal(l) => l.value().to_string(),
            other => other.to_string(),
        }))
    };
    let Some(hash) = value(&format!("{DCTERMS}identifier"))? else { return Ok(None) };
    Ok(Some(DocumentInfo {
        iri: doc.as_str().to_string(),
        source: value(&format!("{DCTERMS}source"))?.unwrap_or_default(),
        hash,
        date: value(&format!("{DCTERMS}date"))?,
        facts: value(&format!("{NG}factCount"))?.and_then(|n| n.parse().ok()).unwrap_or(0),
    }))
}

/// Every document the store holds, by source.
pub fn documents(store: &Store) -> Result<Vec<DocumentInfo>> {
    let merged = rdf::merged_graph();
    let mut out = Vec::new();
    for g in store.named_graphs() {
        if let NamedOrBlankNode::NamedNode(g) = g? {
            if g != merged {
                out.extend(document(store, &g)?);
            }
        }
    }
    out.sort_by(|a, b| (&a.source, &a.iri).cmp(&(&b.source, &b.iri)));
    Ok(out)
}

/// The documents `key` names: a document IRI, a source exactly as stored (a canonical path or a
/// given id), or a content hash or a prefix of one (at least 6 hex digits). `canonical` is the key
/// as a canonical path, when it names a file.
pub fn find_documents(store: &Store, key: &str, canonical: Option<&str>) -> Result<Vec<DocumentInfo>> {
    let all = documents(store)?;
    let is_hash_prefix = key.len() >= 6 && key.chars().all(|c| c.is_ascii_hexdigit());
    Ok(all
        .into_iter()
        .filter(|d| {
            d.iri == key
                || d.source == key
                || canonical.is_some_and(|c| d.source == c)
                || (is_hash_prefix && d.hash.starts_with(&key.to_ascii_lowercase()))
        })
        .collect())
}

/// What the bulk loader may hold in memory at once (its default is 2 GB per thread).
const BULK_LOAD_MEMORY_MB: usize = 256;

/// Writes documents the store does not hold with Oxigraph's bulk loader: far faster than one
/// transaction each, and atomic as a whole (a failure leaves the store as it was). Each item is one
/// document's quads ([`DocumentGraph::into_quads`]). The loader only adds, so a new version of a
/// stored document goes through [`write_document`]. Returns the quads given to the loader.
pub fn bulk_load(store: &Store, documents: impl Iterator<Item = Vec<Quad>>) -> Result<u64> {
    let mut count = 0u64;
    let merged = rdf::merged_graph();
    let quads = documents.flat_map(|quads| {
        count += quads.len() as u64;
        quads
    });
    // Batches of a bounded size, so that memory stays flat however many documents come.
    let mut loader = store.bulk_loader().with_max_memory_size_in_megabytes(BULK_LOAD_MEMORY_MB);
    loader.load_quads(quads)?;
    loader.commit()?;
    if count > 0 {
        // A loaded store always has its merged graph, even before any fact.
        store.insert_named_graph(NamedNodeRef::new_unchecked(merged.as_str()))?;
    }
    Ok(count)
}

/// Flushes the store's buffers to its tables, so that the next open is fast (a store just written
/// holds its recent writes in the write-ahead log, which every open replays).
pub fn flush(store: &Store) -> Result<()> {
    store.flush()?;
    Ok(())
}

/// Total number of quads in the store.
pub fn quad_count(store: &Store) -> Result<usize> {
    Ok(store.len()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::GraphName;

    const A: &str = "3月4日，全市优化营商环境大会在洛阳召开。市委书记秦守源出席并讲话。";
    const B: &str = "5月7日，市长顾怀川到宜阳县调研。";
    const C: &str = "6月1日，市委书记秦守源主持召开常委会会议。";

    fn merged(store: &Store) -> HashSet<Triple> {
        let g = rdf::merged_graph();
        store.quads_for_pattern(None, None, None, Some(g.as_ref().into())).map(|q| Triple::from(q.unwrap())).collect()
    }

    #[test]
    fn the_same_document_twice_is_written_once() {
        let store = Store::new().unwrap();
        let first = ingest(&store, A, "a.txt").unwrap();
        let n = store.len().unwrap();
        let again = ingest(&store, A, "a.txt").unwrap();
        assert_eq!(n, store.len().unwrap());
        assert_eq!(first.graph, again.graph);
        assert_eq!((first.outcome, again.outcome), (WriteOutcome::Added, WriteOutcome::Unchanged));
    }

    #[test]
    fn a_changed_document_replaces_its_earlier_version() {
        let store = Store::new().unwrap();
        ingest(&store, A, "a.txt").unwrap();
        let s = ingest(&store, B, "a.txt").unwrap();
        assert_eq!(s.outcome, WriteOutcome::Replaced);
        let only_b = Store::new().unwrap();
        ingest(&only_b, B, "a.txt").unwrap();
        assert_eq!(merged(&store), merged(&only_b));
        assert_eq!(store.len().unwrap(), only_b.len().unwrap());
    }

    /// The persons of the merged graph that hold `title`, by name.
    fn holders(store: &Store, title: &str) -> Vec<String> {
        let g = rdf::merged_graph();
        let job = NamedNode::new_unchecked("http://schema.org/jobTitle");
        let name = NamedNode::new_unchecked("http://schema.org/name");
        let lit = oxigraph::model::Literal::new_language_tagged_literal_unchecked(title, "zh");
        let mut out = Vec::new();
        for q in store.quads_for_pattern(None, Some(job.as_ref()), Some(lit.as_ref().into()), Some(g.as_ref().into())) {
            let q = q.unwrap();
            for n in store.quads_for_pattern(Some(q.subject.as_ref()), Some(name.as_ref()), None, Some(g.as_ref().into())) {
                if let Term::Literal(l) = n.unwrap().object {
                    out.push(l.value().to_string());
                }
            }
        }
        out
    }

    #[test]
    fn a_fact_stays_while_one_document_supports_it() {
        let store = Store::new().unwrap();
        ingest(&store, A, "a.txt").unwrap();
        ingest(&store, C, "c.txt").unwrap();
        // Stored once in the merged graph, whatever the number of documents that state it: c.txt's
        // 秦守源 (no place of its own) is a.txt's, the one candidate.
        assert_eq!(holders(&store, "市委书记"), ["秦守源"]);
        remove_document(&store, &rdf::document_iri("a.txt")).unwrap();
        assert_eq!(holders(&store, "市委书记"), ["秦守源"], "c.txt still says so");
        let only_c = Store::new().unwrap();
        ingest(&only_c, C, "c.txt").unwrap();
        assert_eq!(merged(&store), merged(&only_c));
        assert_eq!(store.len().unwrap(), only_c.len().unwrap());
        remove_document(&store, &rdf::document_iri("c.txt")).unwrap();
        assert!(merged(&store).is_empty());
        assert_eq!(store.named_graphs().filter(|g| g.as_ref().unwrap().to_string() != format!("<{}>", rdf::MERGED_GRAPH)).count(), 0);
    }

    #[test]
    fn documents_are_listed_and_found_by_source_iri_or_hash() {
        let store = Store::new().unwrap();
        ingest(&store, A, "a.txt").unwrap();
        ingest(&store, B, "b.txt").unwrap();
        let docs = documents(&store).unwrap();
        assert_eq!(docs.iter().map(|d| d.source.as_str()).collect::<Vec<_>>(), ["a.txt", "b.txt"]);
        assert!(docs[0].facts > 0 && docs[0].date.is_none());
        assert_eq!(docs[0].hash, rdf::content_hash(A));
        for key in ["a.txt", &docs[0].iri, &docs[0].hash[..8]] {
            assert_eq!(find_documents(&store, key, None).unwrap(), vec![docs[0].clone()], "{key}");
        }
        assert!(find_documents(&store, "abc", None).unwrap().is_empty(), "too short a hash prefix");
    }

    #[test]
    fn bulk_loading_equals_one_transaction_per_document() {
        let one_by_one = Store::new().unwrap();
        let bulk = Store::new().unwrap();
        let mut graphs = Vec::new();
        for (text, source) in [(A, "a.txt"), (B, "b.txt"), (C, "c.txt")] {
            ingest(&one_by_one, text, source).unwrap();
            graphs.push(rdf::document_graph(text, source, &extract(text)));
        }
        let groups: Vec<String> = graphs.iter().flat_map(|g| g.groups.clone()).collect();
        bulk_load(&bulk, graphs.into_iter().map(DocumentGraph::into_quads)).unwrap();
        crate::resolve::reconcile(&bulk, groups).unwrap();
        let all = |s: &Store| s.iter().map(|q| q.unwrap()).collect::<HashSet<Quad>>();
        assert_eq!(all(&one_by_one), all(&bulk));
        assert!(all(&bulk).iter().all(|q| q.graph_name != GraphName::DefaultGraph));
    }
}
