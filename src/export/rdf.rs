//! RDF dumps of the store, written by Oxigraph's serializers.
//!
//! * N-Quads and TriG keep every named graph (one per document); with `--graph` only that graph.
//! * Turtle, N-Triples and RDF/XML hold triples only: the whole store is merged into one graph
//!   (each distinct triple once, sorted by subject); with `--graph` only that graph's triples.
//!
//! `--around` / `--types` are honoured by [`SubjectFilter`]: the statements about the selected
//! entities are kept, with the resources that only describe them (evidence statements,
//! participations) and the documents they cite; statements pointing at entities left out are
//! dropped. The result is a closed subset: every entity it mentions is one of the selection.

use super::Format;
use crate::graph::EntityGraph;
use crate::query::select;
use crate::rdf::PREFIXES;
use anyhow::{bail, Context, Result};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{NamedNode, NamedOrBlankNode, Quad, Term, Triple};
use oxigraph::store::{QuadIter, Store};
use std::collections::{HashMap, HashSet};
use std::io::Write;

/// The Oxigraph format of an RDF export format; `None` for the graph formats.
pub fn rdf_format(format: Format) -> Option<RdfFormat> {
    match format {
        Format::Turtle => Some(RdfFormat::Turtle),
        Format::Ntriples => Some(RdfFormat::NTriples),
        Format::Nquads => Some(RdfFormat::NQuads),
        Format::Trig => Some(RdfFormat::TriG),
        Format::Rdfxml => Some(RdfFormat::RdfXml),
        _ => None,
    }
}

fn serializer(format: RdfFormat) -> Result<RdfSerializer> {
    let mut s = RdfSerializer::from_format(format);
    for (name, iri) in PREFIXES {
        s = s.with_prefix(*name, *iri).context("invalid prefix")?;
    }
    Ok(s)
}

/// The named graph `name` refers to: its IRI, or the source path of its document (as stored, its
/// last components such as the file name, or the same file by another path).
/// An unknown name is an error listing the graphs of the store.
pub fn find_graph(store: &Store, name: &str) -> Result<NamedNode> {
    let name = name.trim();
    if let Ok(iri) = NamedNode::new(name) {
        if store.contains_named_graph(iri.as_ref())? {
            return Ok(iri);
        }
    }
    let documents =
        select(store, "SELECT ?g ?source WHERE { GRAPH ?g { ?g <http://purl.org/dc/terms/source> ?source } } ORDER BY ?source ?g")?;
    let pairs: Vec<(&str, &str)> = documents.iter().filter_map(|r| Some((r.get("g")?.as_str(), r.get("source")?.as_str()))).collect();
    let matches: Vec<&(&str, &str)> = pairs.iter().filter(|(_, s)| same_source(s, name)).collect();
    match matches.as_slice() {
        [(g, _)] => Ok(NamedNode::new(*g)?),
        [] => {
            let listed: Vec<String> = pairs.iter().take(30).map(|(g, s)| format!("  <{g}>  {s}")).collect();
            let listed = if listed.is_empty() { "  (the store has no named graphs)".to_string() } else { listed.join("\n") };
            bail!("--graph: no named graph is called {name:?} (give a graph IRI or a document's source path); the store has:\n{listed}")
        }
        many => {
            let listed: Vec<String> = many.iter().map(|(g, s)| format!("  <{g}>  {s}")).collect();
            bail!("--graph: {name:?} names several graphs, give one IRI:\n{}", listed.join("\n"))
        }
    }
}

/// True when `name` designates the stored source path `source`: the same text, its last path
/// components (`02.txt`, `articles/02.txt`), or the same file once both are made absolute.
fn same_source(source: &str, name: &str) -> bool {
    use std::path::Path;
    if source == name || (!name.is_empty() && Path::new(source).ends_with(name)) {
        return true;
    }
    match (std::fs::canonicalize(source), std::fs::canonicalize(name)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The quads in scope: one named graph, or the whole store.
fn quads(store: &Store, graph: Option<&NamedNode>) -> QuadIter<'static> {
    match graph {
        Some(g) => store.quads_for_pattern(None, None, None, Some(g.as_ref().into())),
        None => store.iter(),
    }
}

/// Writes the store (or one named graph of it, or the part `filter` keeps) in an RDF format and
/// returns the number of statements written: quads for N-Quads/TriG, distinct triples otherwise.
pub fn write(
    store: &Store,
    format: RdfFormat,
    graph: Option<&NamedNode>,
    filter: Option<&SubjectFilter>,
    w: &mut dyn Write,
) -> Result<usize> {
    let plan = filter.map(|f| f.plan(store, graph)).transpose()?;
    let keep = |q: &Quad| plan.as_ref().is_none_or(|p| p.keeps(q));
    let mut out = serializer(format)?.for_writer(w);
    let mut count = 0;
    if format.supports_datasets() {
        for q in quads(store, graph) {
            let q = q?;
            if keep(&q) {
                out.serialize_quad(&q)?;
                count += 1;
            }
        }
    } else {
        for t in merged_triples(store, graph, keep)? {
            out.serialize_triple(&t)?;
            count += 1;
        }
    }
    out.finish()?.flush()?;
    Ok(count)
}

/// The distinct triples of the quads in scope that `keep` accepts, sorted by subject, predicate
/// and object so that Turtle and RDF/XML group each subject's statements together.
fn merged_triples(store: &Store, graph: Option<&NamedNode>, keep: impl Fn(&Quad) -> bool) -> Result<Vec<Triple>> {
    let mut seen = HashSet::new();
    let mut triples = Vec::new();
    for q in quads(store, graph) {
        let q = q?;
        if keep(&q) {
            let t = Triple::from(q);
            if seen.insert(t.clone()) {
                triples.push(t);
            }
        }
    }
    triples.sort_by_cached_key(|t| (t.subject.to_string(), t.predicate.as_str().to_string(), t.object.to_string()));
    Ok(triples)
}

/// Keeps the statements about a selection of entities (see the module documentation).
#[derive(Debug, Clone)]
pub struct SubjectFilter {
    /// Every entity of the store.
    entities: HashSet<NamedOrBlankNode>,
    /// The entities selected.
    selected: HashSet<NamedOrBlankNode>,
}

/// The resource a term names, if it is an IRI or a blank node.
fn resource(t: &Term) -> Option<NamedOrBlankNode> {
    match t {
        Term::NamedNode(n) => Some(n.clone().into()),
        Term::BlankNode(b) => Some(b.clone().into()),
        #[allow(unreachable_patterns)]
        _ => None,
    }
}

/// Which subjects to write and which objects make a statement drop out.
struct Plan {
    subjects: HashSet<NamedOrBlankNode>,
    dropped_objects: HashSet<NamedOrBlankNode>,
}

impl Plan {
    fn keeps(&self, q: &Quad) -> bool {
        self.subjects.contains(&q.subject) && resource(&q.object).is_none_or(|o| !self.dropped_objects.contains(&o))
    }
}

/// For each auxiliary resource: (every entity it touches is selected, it touches one).
#[derive(Clone, Copy)]
struct Touch {
    all_selected: bool,
    any: bool,
}

impl SubjectFilter {
    /// The entities of `selected` out of all those of `full`.
    pub fn new(full: &EntityGraph, selected: &EntityGraph) -> Self {
        let set = |g: &EntityGraph| g.graph.node_weights().map(|e| NamedNode::new_unchecked(e.iri.clone()).into()).collect();
        SubjectFilter { entities: set(full), selected: set(selected) }
    }

    /// Works out, over the quads in scope, which auxiliary resources (subjects that are neither
    /// entities nor documents: evidence statements, participations) touch only selected entities,
    /// either way, and which documents the kept statements cite.
    fn plan(&self, store: &Store, graph: Option<&NamedNode>) -> Result<Plan> {
        let documents: HashSet<NamedOrBlankNode> = store.named_graphs().collect::<Result<_, _>>()?;
        let is_aux = |r: &NamedOrBlankNode| !self.entities.contains(r) && !documents.contains(r);
        let mut auxiliary = HashSet::new();
        let mut touches: HashMap<NamedOrBlankNode, Touch> = HashMap::new();
        for q in quads(store, graph) {
            let q = q?;
            if is_aux(&q.subject) {
                auxiliary.insert(q.subject.clone());
            }
            let Some(o) = resource(&q.object) else { continue };
            let (aux, entity) = if self.entities.contains(&q.subject) && is_aux(&o) {
                (o, &q.subject)
            } else if is_aux(&q.subject) && self.entities.contains(&o) {
                (q.subject.clone(), &o)
            } else {
                continue;
            };
            let sel = self.selected.contains(entity);
            let t = touches.entry(aux).or_insert(Touch { all_selected: true, any: false });
            t.all_selected &= sel;
            t.any = true;
        }
        let kept_aux: HashSet<NamedOrBlankNode> =
            auxiliary.iter().filter(|a| touches.get(*a).is_some_and(|t| t.all_selected && t.any)).cloned().collect();
        let mut dropped_objects: HashSet<NamedOrBlankNode> = self.entities.difference(&self.selected).cloned().collect();
        dropped_objects.extend(auxiliary.difference(&kept_aux).cloned());
        let mut plan = Plan { subjects: self.selected.iter().chain(&kept_aux).cloned().collect(), dropped_objects };
        // Documents cited by a kept statement (mentionedIn, wasDerivedFrom) come along.
        let mut cited = Vec::new();
        for q in quads(store, graph) {
            let q = q?;
            if let Some(o) = resource(&q.object) {
                if documents.contains(&o) && plan.keeps(&q) {
                    cited.push(o);
                }
            }
        }
        plan.subjects.extend(cited);
        Ok(plan)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::graph::Resolution;
    use oxigraph::io::RdfParser;

    pub(crate) const PAGE: &str = "3月4日，全市营商环境大会在洛阳召开。市委书记秦守源主持会议并讲话，副市长柳新宇出席。\n\
        洛阳华晟新材料有限公司投资12亿元的新材料产业园项目在宜阳县开工。";
    const PAGE2: &str = "3月5日，市长顾怀川在宜阳县调研。市委书记秦守源出席。";

    fn store() -> Store {
        let store = Store::new().unwrap();
        crate::store::ingest(&store, PAGE, "a.txt").unwrap();
        crate::store::ingest(&store, PAGE2, "dir/b.txt").unwrap();
        store
    }

    fn dump(store: &Store, format: RdfFormat, graph: Option<&NamedNode>, filter: Option<&SubjectFilter>) -> (usize, Vec<Quad>) {
        let mut out = Vec::new();
        let n = write(store, format, graph, filter, &mut out).unwrap();
        let parsed: Vec<Quad> = RdfParser::from_format(format).for_slice(&out).collect::<Result<_, _>>().expect("re-parses");
        (n, parsed)
    }

    fn distinct_triples(store: &Store) -> usize {
        store.iter().map(|q| Triple::from(q.unwrap())).collect::<HashSet<_>>().len()
    }

    #[test]
    fn datasets_keep_every_quad_and_merged_formats_every_distinct_triple() {
        let st = store();
        let (n, quads) = dump(&st, RdfFormat::NQuads, None, None);
        assert_eq!((n, quads.len()), (st.len().unwrap(), st.len().unwrap()));
        let (n, quads) = dump(&st, RdfFormat::TriG, None, None);
        assert_eq!((n, quads.len()), (st.len().unwrap(), st.len().unwrap()));
        let distinct = distinct_triples(&st);
        assert!(distinct < st.len().unwrap(), "the two pages share statements");
        for format in [RdfFormat::Turtle, RdfFormat::NTriples, RdfFormat::RdfXml] {
            let (n, triples) = dump(&st, format, None, None);
            assert_eq!((n, triples.len()), (distinct, distinct), "{format}");
            assert!(triples.iter().all(|q| q.graph_name.is_default_graph()));
        }
    }

    #[test]
    fn one_named_graph_by_iri_or_source() {
        let st = store();
        let g = find_graph(&st, "b.txt").unwrap();
        assert_eq!(find_graph(&st, g.as_str()).unwrap(), g);
        assert_eq!(find_graph(&st, "dir/b.txt").unwrap(), g);
        let in_graph = st.quads_for_pattern(None, None, None, Some(g.as_ref().into())).count();
        let (n, triples) = dump(&st, RdfFormat::Turtle, Some(&g), None);
        assert_eq!((n, triples.len()), (in_graph, in_graph));
        let (_, quads) = dump(&st, RdfFormat::NQuads, Some(&g), None);
        assert!(quads.iter().all(|q| q.graph_name == g.clone().into()));
        let err = find_graph(&st, "https://example.org/none").unwrap_err().to_string();
        assert!(err.contains("no named graph") && err.contains("dir/b.txt") && err.contains(g.as_str()), "{err}");
    }

    #[test]
    fn the_subject_filter_keeps_a_closed_neighbourhood() {
        let st = store();
        let full = EntityGraph::load(&st).unwrap();
        let Resolution::Found(centre) = full.resolve("柳新宇", &[]) else { panic!() };
        let near = full.around(centre, 1);
        let filter = SubjectFilter::new(&full, &near);
        let (n, triples) = dump(&st, RdfFormat::NTriples, None, Some(&filter));
        assert!(n > 0 && n < distinct_triples(&st), "{n}");
        let selected: HashSet<String> = near.graph.node_weights().map(|e| e.iri.clone()).collect();
        let all: HashSet<String> = full.graph.node_weights().map(|e| e.iri.clone()).collect();
        for t in &triples {
            for r in [t.subject.to_string(), t.object.to_string()] {
                let iri = r.trim_start_matches('<').trim_end_matches('>');
                assert!(!all.contains(iri) || selected.contains(iri), "{iri} is outside the selection: {t}");
            }
        }
        let centre_iri = format!("<{}>", full.graph[centre].iri);
        assert!(triples.iter().any(|t| t.subject.to_string() == centre_iri), "the centre's own statements");
        let ng = "https://newsgraph.local/ns#";
        assert!(triples.iter().any(|t| t.predicate.as_str() == format!("{ng}sentence")), "evidence kept");
        assert!(triples.iter().any(|t| t.predicate.as_str() == "http://purl.org/dc/terms/source"), "cited documents kept");
        // N-Quads honour the same filter.
        let (nq, _) = dump(&st, RdfFormat::NQuads, None, Some(&filter));
        assert!(nq >= n);
    }
}
