//! The ingest pipeline: documents → extraction on every core → the store: Oxigraph's bulk loader for
//! the documents new to the store (atomic as a whole, far faster than transactions), one
//! transaction for each document that replaces an earlier version → a flush, so that the next open
//! of the store is fast.
//!
//! Workers read, extract and turn each document into its graph ([`rdf::DocumentGraph`]) in
//! parallel; the graphs reach the one writer through a bounded channel, so memory stays flat
//! whatever the number of documents. A document whose stored version has the same content is not
//! extracted again. A stop request (Ctrl-C) is honoured between documents: what was written stays
//! whole, what was not is not written at all.

use crate::extract::extract;
use crate::input::{Input, InputError};
use crate::rdf::{self, DocumentGraph};
use crate::store::{self, StoreError, WriteOutcome};
use oxigraph::model::{NamedNode, Quad};
use oxigraph::store::Store;
use rayon::prelude::*;
use std::collections::{BTreeSet, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot start {0} extraction threads: {1}")]
    Threads(usize, String),
}

/// How documents are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteMode {
    /// The bulk loader for the documents new to the store when there are several, one transaction
    /// for each new version of a stored document.
    Auto,
    /// One transaction per document, always.
    Transactions,
}

#[derive(Debug, Clone)]
pub struct Options {
    /// Extraction threads (at least 1).
    pub jobs: usize,
    pub mode: WriteMode,
    /// Flush the store when at least this many documents were written.
    pub flush_after: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { jobs: default_jobs(), mode: WriteMode::Auto, flush_after: 100 }
    }
}

/// Every core of the machine.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// One document as it went through the pipeline.
#[derive(Debug, Clone)]
pub struct DocumentReport {
    pub display: String,
    pub bytes: u64,
    pub persons: usize,
    pub organizations: usize,
    pub places: usize,
    pub projects: usize,
    pub events: usize,
    pub entities: usize,
    pub facts: usize,
    pub quads: usize,
    pub outcome: WriteOutcome,
}

/// What the pipeline tells its caller as it goes (from the writing thread).
#[derive(Debug)]
pub enum Progress<'a> {
    Started { documents: usize, bytes: u64, bulk: bool },
    Document(&'a DocumentReport),
    Skipped { display: &'a str, reason: String },
    Flushing,
}

/// What a run did.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub documents: usize,
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub skipped: usize,
    pub entities: usize,
    pub facts: usize,
    pub bytes: u64,
    pub quads: u64,
    pub bulk: bool,
    pub flushed: bool,
    /// A stop was requested: the documents not yet written were left out.
    pub interrupted: bool,
    /// What resolving the identities of the written documents against the store did.
    pub resolved: crate::resolve::Reconciled,
    pub elapsed: Duration,
}

/// A document's identity groups and keys, for resolution once it is written.
struct Identity {
    groups: Vec<String>,
    keys: Vec<String>,
}

/// The identities to resolve once the documents are written: the groups written (and those of
/// the versions replaced), and, while the store held nothing before, every key written, so that
/// resolution need not read them back.
struct ToResolve {
    groups: BTreeSet<String>,
    batch: Option<crate::resolve::reconcile::Batch>,
    keys: usize,
}

/// Beyond this many keys, resolution reads them back from the store rather than hold them.
const MAX_BATCH_KEYS: usize = 4_000_000;

impl ToResolve {
    fn new(fresh: bool) -> Self {
        ToResolve { groups: BTreeSet::new(), batch: fresh.then(Default::default), keys: 0 }
    }

    /// A document written, new to the store.
    fn added(&mut self, doc: &NamedNode, groups: &[String], keys: &[String]) {
        self.groups.extend(groups.iter().cloned());
        self.keys += keys.len();
        if self.keys > MAX_BATCH_KEYS {
            self.batch = None;
        }
        if let Some(b) = &mut self.batch {
            b.add(doc, keys);
        }
    }

    /// A document written over an earlier version, whose groups are `earlier`.
    fn replaced(&mut self, groups: &[String], earlier: Vec<String>) {
        self.groups.extend(groups.iter().cloned());
        self.groups.extend(earlier);
        self.batch = None;
    }

    fn resolve(self, store: &Store) -> Result<crate::resolve::Reconciled, StoreError> {
        Ok(match self.batch {
            Some(b) => crate::resolve::reconcile::reconcile_batch(store, &b)?,
            None => crate::resolve::reconcile(store, self.groups)?,
        })
    }
}

/// What a worker hands the writer.
enum Prepared {
    /// A document new to the store, as the bulk loader takes it (built by the worker, in parallel).
    New(NamedNode, Vec<Quad>, Identity, DocumentReport),
    /// A document to write in a transaction: a new version of a stored one, or any document when
    /// every document goes through a transaction.
    Graph(Box<DocumentGraph>, DocumentReport),
    Unchanged(DocumentReport),
    Skipped(String, String),
}

/// Ingests `inputs` into `store` (see the module documentation). `progress` is called from the
/// calling thread; `stop` is polled between documents.
pub fn run(
    store: &Store,
    inputs: &[Input],
    options: &Options,
    stop: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
) -> Result<Summary, IngestError> {
    let started = Instant::now();
    let bulk = options.mode == WriteMode::Auto && inputs.len() > 1;
    let fresh = store.is_empty().map_err(StoreError::from)?;
    progress(Progress::Started { documents: inputs.len(), bytes: inputs.iter().map(|i| i.size).sum(), bulk });
    let jobs = options.jobs.max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("extract-{i}"))
        .build()
        .map_err(|e| IngestError::Threads(jobs, e.to_string()))?;
    // Documents in flight: enough to keep the writer busy (the bulk loader takes them in batches),
    // little memory.
    let (sender, receiver) = mpsc::sync_channel::<Prepared>(if bulk { jobs * 32 } else { jobs * 4 });
    let mut summary = Summary::default();
    let mut groups = ToResolve::new(fresh);
    let written = std::thread::scope(|scope| {
        scope.spawn(|| {
            pool.install(|| {
                inputs.par_iter().for_each_with(sender, |tx, input| {
                    if stop.load(Ordering::Relaxed) {
                        return;
                    }
                    // The writer stopped (an error): nothing more to do.
                    let _ = tx.send(prepare(store, input, fresh, bulk));
                });
            })
        });
        let received = receiver.into_iter().take_while(|_| !stop.load(Ordering::Relaxed));
        if bulk {
            write_bulk(store, received, &mut summary, &mut groups, progress)
        } else {
            write_each(store, received, &mut summary, &mut groups, progress)
        }
    });
    written?;
    // What was written is resolved against the store, after a stop request too.
    summary.resolved = groups.resolve(store)?;
    summary.interrupted = stop.load(Ordering::Relaxed);
    let changed = summary.added + summary.replaced;
    if changed >= options.flush_after.max(1) || (summary.bulk && changed > 0) {
        progress(Progress::Flushing);
        store::flush(store)?;
        summary.flushed = true;
    }
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Reads, extracts and builds one document's graph; an unchanged document is not extracted again
/// (`fresh`: the store is known to be empty; `bulk`: new documents go to the bulk loader).
fn prepare(store: &Store, input: &Input, fresh: bool, bulk: bool) -> Prepared {
    let doc = match input.read() {
        Ok(doc) => doc,
        Err(e) => return Prepared::Skipped(input.display.clone(), e.to_string()),
    };
    let hash = rdf::content_hash(&doc.text);
    let mut report = DocumentReport {
        display: input.display.clone(),
        bytes: doc.text.len() as u64,
        persons: 0,
        organizations: 0,
        places: 0,
        projects: 0,
        events: 0,
        entities: 0,
        facts: 0,
        quads: 0,
        outcome: WriteOutcome::Unchanged,
    };
    let stored = if fresh { None } else { store::stored_hash(store, &rdf::document_iri(&input.id)).ok().flatten() };
    if stored.as_deref() == Some(hash.as_str()) {
        return Prepared::Unchanged(report);
    }
    let x = extract(&doc.text);
    let graph = rdf::document_graph(&doc.text, &input.id, &x);
    report.persons = x.persons.len();
    report.organizations = x.organizations.len();
    report.places = x.places.len();
    report.projects = x.projects.len();
    report.events = x.events.len();
    report.entities = x.entity_count();
    report.facts = x.fact_count();
    report.quads = graph.quad_count();
    if stored.is_none() && bulk {
        let identity = Identity { groups: graph.groups.clone(), keys: graph.keys.clone() };
        Prepared::New(graph.doc.clone(), graph.into_quads(), identity, report)
    } else {
        Prepared::Graph(Box::new(graph), report)
    }
}

fn count(summary: &mut Summary, report: &DocumentReport) {
    summary.documents += 1;
    summary.bytes += report.bytes;
    match report.outcome {
        WriteOutcome::Added => summary.added += 1,
        WriteOutcome::Replaced => summary.replaced += 1,
        WriteOutcome::Unchanged => summary.unchanged += 1,
    }
    if report.outcome != WriteOutcome::Unchanged {
        summary.entities += report.entities;
        summary.facts += report.facts;
        summary.quads += report.quads as u64;
    }
}

/// Counts a document that was written or left as it was, and tells the caller.
fn done(summary: &mut Summary, progress: &mut dyn FnMut(Progress), report: &DocumentReport) {
    count(summary, report);
    progress(Progress::Document(report));
}

fn skipped(summary: &mut Summary, progress: &mut dyn FnMut(Progress), display: &str, reason: String) {
    summary.skipped += 1;
    progress(Progress::Skipped { display, reason });
}

/// One transaction per document.
fn write_each(
    store: &Store,
    received: impl Iterator<Item = Prepared>,
    summary: &mut Summary,
    groups: &mut ToResolve,
    progress: &mut dyn FnMut(Progress),
) -> Result<(), IngestError> {
    for prepared in received {
        match prepared {
            Prepared::Graph(graph, mut report) => {
                report.outcome = write_one(store, &graph, &report.display, groups)?;
                done(summary, progress, &report);
            }
            Prepared::New(..) => unreachable!("documents for the bulk loader are only made in bulk mode"),
            Prepared::Unchanged(report) => done(summary, progress, &report),
            Prepared::Skipped(display, reason) => skipped(summary, progress, &display, reason),
        }
    }
    Ok(())
}

/// One document in a transaction of its own; its identity groups and those of the version it
/// replaces are noted for resolution.
fn write_one(store: &Store, graph: &DocumentGraph, display: &str, groups: &mut ToResolve) -> Result<WriteOutcome, IngestError> {
    let earlier = crate::resolve::document_groups(store, &graph.doc).map_err(StoreError::from)?;
    let outcome = store::write_document(store, graph, display)?;
    match outcome {
        WriteOutcome::Added => groups.added(&graph.doc, &graph.groups, &graph.keys),
        WriteOutcome::Replaced => groups.replaced(&graph.groups, earlier),
        WriteOutcome::Unchanged => {}
    }
    Ok(outcome)
}

/// The documents new to the store through the bulk loader; a new version of a stored document in a
/// transaction of its own (the loader only adds). No transaction runs while a load is open: the
/// load is committed first, and a new one starts after it.
fn write_bulk(
    store: &Store,
    mut received: impl Iterator<Item = Prepared>,
    summary: &mut Summary,
    groups: &mut ToResolve,
    progress: &mut dyn FnMut(Progress),
) -> Result<(), IngestError> {
    let mut seen = HashSet::new();
    loop {
        let mut replacing: Option<(Box<DocumentGraph>, DocumentReport)> = None;
        let mut ended = true;
        // The new documents up to the next replacement (or the end), each counted as it comes. One
        // load for them all: loads committed one after another would overlap in key ranges, and
        // the store would spend the time saved on compacting them.
        let graphs = std::iter::from_fn(|| {
            for prepared in received.by_ref() {
                match prepared {
                    Prepared::New(doc, quads, identity, mut report) => {
                        report.outcome = if seen.insert(doc.clone()) { WriteOutcome::Added } else { WriteOutcome::Unchanged };
                        done(summary, progress, &report);
                        if report.outcome == WriteOutcome::Added {
                            groups.added(&doc, &identity.groups, &identity.keys);
                            return Some(quads);
                        }
                    }
                    Prepared::Graph(graph, report) => {
                        replacing = Some((graph, report));
                        ended = false;
                        return None;
                    }
                    Prepared::Unchanged(report) => done(summary, progress, &report),
                    Prepared::Skipped(display, reason) => skipped(summary, progress, &display, reason),
                }
            }
            None
        });
        if store::bulk_load(store, graphs)? > 0 {
            summary.bulk = true;
        }
        if let Some((graph, mut report)) = replacing {
            report.outcome = write_one(store, &graph, &report.display, groups)?;
            done(summary, progress, &report);
        }
        if ended {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Origin;
    use oxigraph::model::Quad;

    fn input(id: &str, text: &str) -> Input {
        Input { id: id.into(), display: id.into(), origin: Origin::Bytes(text.as_bytes().to_vec()), size: text.len() as u64 }
    }

    fn inputs() -> Vec<Input> {
        vec![
            input("a", "3月4日，全市优化营商环境大会在洛阳召开。市委书记秦守源出席并讲话。"),
            input("b", "5月7日，市长顾怀川到宜阳县调研。市委书记秦守源陪同。"),
            input("c", "6月1日，市委书记秦守源主持召开常委会会议。"),
            input("d", "   "),
        ]
    }

    fn all(store: &Store) -> HashSet<Quad> {
        store.iter().map(|q| q.unwrap()).collect()
    }

    fn ingest(store: &Store, inputs: &[Input], mode: WriteMode, jobs: usize) -> Summary {
        let options = Options { jobs, mode, flush_after: usize::MAX };
        run(store, inputs, &options, &AtomicBool::new(false), &mut |_| {}).unwrap()
    }

    #[test]
    fn bulk_and_transactions_on_any_number_of_threads_write_the_same_store() {
        let reference = Store::new().unwrap();
        let s = ingest(&reference, &inputs(), WriteMode::Transactions, 1);
        assert_eq!((s.added, s.skipped, s.bulk), (3, 1, false));
        for (mode, jobs) in [(WriteMode::Auto, 1), (WriteMode::Auto, 3), (WriteMode::Transactions, 4)] {
            let store = Store::new().unwrap();
            let s = ingest(&store, &inputs(), mode, jobs);
            assert_eq!(s.bulk, mode == WriteMode::Auto);
            assert_eq!(all(&store), all(&reference), "{mode:?} on {jobs} threads");
        }
    }

    #[test]
    fn a_second_run_writes_only_what_changed() {
        let store = Store::new().unwrap();
        ingest(&store, &inputs(), WriteMode::Auto, 2);
        let mut changed = inputs();
        changed[1] = input("b", "5月8日，市长顾怀川到栾川县调研。");
        let s = ingest(&store, &changed, WriteMode::Auto, 2);
        assert_eq!((s.bulk, s.unchanged, s.replaced, s.added), (false, 2, 1, 0));
        // A new document goes through the bulk loader into the store that holds the others.
        changed.push(input("e", "7月2日，县委书记马文涛主持召开县委常委会会议。市委书记秦守源出席。"));
        let s = ingest(&store, &changed, WriteMode::Auto, 2);
        assert_eq!((s.bulk, s.unchanged, s.replaced, s.added), (true, 3, 0, 1));
        let clean = Store::new().unwrap();
        ingest(&clean, &changed, WriteMode::Transactions, 1);
        assert_eq!(all(&store), all(&clean));
    }

    #[test]
    fn a_stop_request_writes_nothing_more() {
        let store = Store::new().unwrap();
        let options = Options { jobs: 1, mode: WriteMode::Transactions, flush_after: usize::MAX };
        let s = run(&store, &inputs(), &options, &AtomicBool::new(true), &mut |_| {}).unwrap();
        assert!(s.interrupted);
        assert_eq!(s.added, 0);
        assert!(store.is_empty().unwrap());
    }
}
