//! The entity graph read from the store: persons, organisations, places, projects and events as
//! petgraph nodes, the relations between them as edges, each edge with the sentences it was read
//! from. `ask`, `analyze` and `export` work on this; it only reads the store.

use crate::query::{select, Row};
use anyhow::Result;
use oxigraph::model::{Literal, NamedNode};
use oxigraph::store::Store;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Person,
    Organization,
    Place,
    Project,
    Event,
}

impl Kind {
    pub const ALL: [Kind; 5] = [Kind::Person, Kind::Organization, Kind::Place, Kind::Project, Kind::Event];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Place => "place",
            Kind::Project => "project",
            Kind::Event => "event",
        }
    }

    /// How the kind reads in Chinese.
    pub fn zh(self) -> &'static str {
        match self {
            Kind::Person => "人物",
            Kind::Organization => "机构",
            Kind::Place => "地点",
            Kind::Project => "项目",
            Kind::Event => "活动",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The RDF class that marks an entity of this kind.
    fn class(self) -> &'static str {
        match self {
            Kind::Person => "http://schema.org/Person",
            Kind::Organization => "http://www.w3.org/ns/org#Organization",
            Kind::Place => "http://schema.org/AdministrativeArea",
            Kind::Project => "https://newsgraph.local/ns#Project",
            Kind::Event => "http://schema.org/Event",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub iri: String,
    pub kind: Kind,
    pub label: String,
    /// Literal facts by property local name ("jobTitle", "startDate", "investmentYuan", "altLabel"…),
    /// each property's values sorted and without repeats.
    pub attributes: BTreeMap<String, Vec<String>>,
}

impl Entity {
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.get(name).and_then(|v| v.first()).map(String::as_str)
    }

    pub fn values(&self, name: &str) -> &[String] {
        self.attributes.get(name).map_or(&[], Vec::as_slice)
    }

    /// The label and every alias.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.label.as_str()).chain(self.values("altLabel").iter().map(String::as_str))
    }
}

/// Where a fact was read: the sentence and the document (its IRI and source file).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Evidence {
    pub sentence: String,
    pub document: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// The property's local name: memberOf, attendee, location, investor or containedInPlace.
    pub predicate: String,
    /// For attendee edges: presided, spoke, led, attended, organized (sorted).
    pub roles: Vec<String>,
    /// Sorted, without repeats; empty for containment known only from the gazetteer.
    pub evidence: Vec<Evidence>,
}

/// Relations between entities, by property local name, with how they read in Chinese.
pub const RELATIONS: [(&str, &str, &str); 5] = [
    ("memberOf", "http://schema.org/memberOf", "任职于"),
    ("attendee", "http://schema.org/attendee", "出席"),
    ("location", "http://schema.org/location", "位于"),
    ("investor", "https://newsgraph.local/ns#investor", "投资方"),
    ("containedInPlace", "http://schema.org/containedInPlace", "隶属于"),
];

/// Participation roles and how they read in Chinese.
pub const ROLES: [(&str, &str); 5] =
    [("presided", "主持"), ("spoke", "讲话"), ("led", "带队"), ("attended", "出席"), ("organized", "组织")];

pub fn role_zh(role: &str) -> &str {
    ROLES.iter().find(|(en, _)| *en == role).map_or(role, |(_, zh)| zh)
}

impl Relation {
    /// The relation as a reader says it: "出席（主持、讲话）", "任职于", "位于"…
    pub fn label_zh(&self) -> String {
        let base = RELATIONS.iter().find(|(p, _, _)| *p == self.predicate).map_or(self.predicate.as_str(), |r| r.2);
        // A plain attendance says no more than the relation itself ("出席", not "出席（出席）").
        if self.roles.is_empty() || self.roles == ["attended"] {
            base.to_string()
        } else {
            let roles: Vec<&str> = self.roles.iter().map(|r| role_zh(r)).collect();
            format!("{base}（{}）", roles.join("、"))
        }
    }
}

/// Literal properties kept as entity attributes.
const ATTRIBUTES: [&str; 11] = [
    "http://schema.org/jobTitle",
    "https://newsgraph.local/ns#orgType",
    "http://www.w3.org/2004/02/skos/core#altLabel",
    "https://newsgraph.local/ns#adminLevel",
    "https://newsgraph.local/ns#divisionCode",
    "https://newsgraph.local/ns#investmentYuan",
    "https://newsgraph.local/ns#status",
    "http://schema.org/startDate",
    "http://schema.org/endDate",
    "https://newsgraph.local/ns#aggregateProjects",
    "https://newsgraph.local/ns#aggregateInvestmentYuan",
];

#[derive(Debug, Clone, Default)]
pub struct EntityGraph {
    /// Edges point the way the RDF property does: person → organisation (memberOf), event → person
    /// (attendee), project/event → place (location), project → organisation (investor), place → parent.
    pub graph: DiGraph<Entity, Relation>,
    by_iri: HashMap<String, NodeIndex>,
}

/// What a name given by a user refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    Found(NodeIndex),
    /// Several entities match; sorted by label.
    Ambiguous(Vec<NodeIndex>),
    NotFound,
}

fn local_name(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}

/// The evidence of the relation statements: of those in `values` (`(<s> <p> <o>) …`), or of all.
fn evidence_query(values: Option<&str>) -> String {
    let (values, filter) = match values {
        Some(v) => (format!("  VALUES (?s ?p ?o) {{ {v} }}\n"), String::new()),
        None => (String::new(), format!("  FILTER(?p IN ({}))\n", iri_list(RELATIONS.iter().map(|r| r.1)))),
    };
    format!(
        r#"PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX ng: <https://newsgraph.local/ns#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?s ?p ?o ?sentence ?doc ?source WHERE {{
{values}  GRAPH ?doc {{
    ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; a ng:Evidence ; ng:sentence ?sentence .
    OPTIONAL {{ ?doc dcterms:source ?source }}
  }}
{filter}}}"#
    )
}

fn iri_list(iris: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    iris.into_iter().map(|i| format!("<{}>", i.as_ref())).collect::<Vec<_>>().join(", ")
}

impl EntityGraph {
    /// Reads every entity and relation of the store's merged graph, with every edge's evidence.
    pub fn load(store: &Store) -> Result<Self> {
        let mut g = Self::load_structure(store)?;
        g.load_evidence(store, None)?;
        Ok(g)
    }

    /// Reads every entity and relation, without evidence: what centrality, communities and name
    /// resolution need, at a fraction of the cost on a large store.
    pub fn load_structure(store: &Store) -> Result<Self> {
        let mut g = EntityGraph::default();
        for kind in Kind::ALL {
            let q = format!(
                "SELECT DISTINCT ?e ?label WHERE {{ ?e a <{}> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }} ORDER BY ?e ?label",
                kind.class()
            );
            for row in select(store, &q)? {
                let (Some(iri), Some(label)) = (row.get("e"), row.get("label")) else { continue };
                if g.by_iri.contains_key(iri) {
                    continue;
                }
                let node = g.graph.add_node(Entity { iri: iri.clone(), kind, label: label.clone(), attributes: BTreeMap::new() });
                g.by_iri.insert(iri.clone(), node);
            }
        }
        g.load_attributes(store)?;
        g.load_relations(store)?;
        g.disambiguate_labels();
        Ok(g)
    }

    /// Two entities of one name (namesakes of two places, a bare "县委" of two pages) are told apart
    /// in every listing by where they belong: "王立新（晋中市）", "县委（4920eb7c）".
    fn disambiguate_labels(&mut self) {
        let mut by_label: HashMap<String, Vec<NodeIndex>> = HashMap::new();
        for n in self.graph.node_indices() {
            by_label.entry(self.graph[n].label.clone()).or_default().push(n);
        }
        for nodes in by_label.into_values().filter(|v| v.len() > 1) {
            for n in nodes {
                let Some(qualifier) = self.qualifier(&self.graph[n].iri) else { continue };
                let e = &mut self.graph[n];
                e.label = format!("{}（{qualifier}）", e.label);
            }
        }
    }

    /// What an entity's IRI says of where it belongs (after its last `@`): a place by its name.
    fn qualifier(&self, iri: &str) -> Option<String> {
        let tail = iri.rsplit('@').next().filter(|t| t.len() < iri.len())?;
        let tail = percent_decode(tail);
        let place = format!("{}place/{tail}", crate::rdf::ID);
        Some(self.by_iri.get(&place).map_or(tail, |&p| self.graph[p].label.clone()))
    }

    /// Only the entities whose label or alias is exactly `name`, with their attributes and no
    /// relations: a few index look-ups, where [`Self::load_structure`] reads the whole graph.
    pub fn load_named(store: &Store, name: &str) -> Result<Self> {
        let zh = Literal::new_language_tagged_literal_unchecked(name, "zh");
        let classes = iri_list(Kind::ALL.iter().map(|k| k.class()));
        let q = format!(
            r#"SELECT DISTINCT ?e ?class ?label WHERE {{
  VALUES ?name {{ {zh} {plain} }}
  ?e <http://www.w3.org/2000/01/rdf-schema#label>|<http://www.w3.org/2004/02/skos/core#altLabel> ?name .
  ?e a ?class ; <http://www.w3.org/2000/01/rdf-schema#label> ?label .
  FILTER(?class IN ({classes}))
}} ORDER BY ?e ?label"#,
            plain = Literal::new_simple_literal(name),
        );
        let mut g = EntityGraph::default();
        for row in select(store, &q)? {
            let (Some(iri), Some(class), Some(label)) = (row.get("e"), row.get("class"), row.get("label")) else { continue };
            let Some(kind) = Kind::ALL.into_iter().find(|k| k.class() == class) else { continue };
            if !g.by_iri.contains_key(iri) {
                let node = g.graph.add_node(Entity { iri: iri.clone(), kind, label: label.clone(), attributes: BTreeMap::new() });
                g.by_iri.insert(iri.clone(), node);
            }
        }
        if g.graph.node_count() > 0 {
            let values: Vec<String> = g.graph.node_weights().map(|e| NamedNode::new_unchecked(e.iri.as_str()).to_string()).collect();
            g.load_attributes_of(store, Some(&values.join(" ")))?;
        }
        Ok(g)
    }

    fn load_attributes(&mut self, store: &Store) -> Result<()> {
        self.load_attributes_of(store, None)
    }

    /// The attributes of the entities in `values` (IRIs written for SPARQL), or of all.
    fn load_attributes_of(&mut self, store: &Store, values: Option<&str>) -> Result<()> {
        let values = values.map(|v| format!("VALUES ?e {{ {v} }} ")).unwrap_or_default();
        let q =
            format!("SELECT DISTINCT ?e ?p ?v WHERE {{ {values}?e ?p ?v . FILTER(?p IN ({}) && isLiteral(?v)) }}", iri_list(ATTRIBUTES));
        for row in select(store, &q)? {
            let (Some(e), Some(p), Some(v)) = (row.get("e"), row.get("p"), row.get("v")) else { continue };
            if let Some(&node) = self.by_iri.get(e) {
                let values = self.graph[node].attributes.entry(local_name(p).to_string()).or_default();
                if !values.contains(v) {
                    values.push(v.clone());
                    values.sort();
                }
            }
        }
        Ok(())
    }

    /// The relations, with the roles of attendee edges; no evidence (see [`Self::load_evidence`]).
    fn load_relations(&mut self, store: &Store) -> Result<()> {
        let q = format!(
            r#"PREFIX ng: <https://newsgraph.local/ns#>
SELECT DISTINCT ?s ?p ?o ?role WHERE {{
  ?s ?p ?o . FILTER(?p IN ({}) && isIRI(?o))
  OPTIONAL {{ ?s ng:participation ?part . ?part ng:participant ?o ; ng:role ?role }}
}}"#,
            iri_list(RELATIONS.iter().map(|r| r.1))
        );
        let mut edges: BTreeMap<(NodeIndex, NodeIndex, String), Vec<String>> = BTreeMap::new();
        for row in select(store, &q)? {
            let Some((s, o, p)) = self.endpoints(&row) else { continue };
            let roles = edges.entry((s, o, p)).or_default();
            if let Some(r) = row.get("role") {
                if !roles.contains(r) {
                    roles.push(r.clone());
                }
            }
        }
        for ((s, o, predicate), mut roles) in edges {
            roles.sort();
            self.graph.add_edge(s, o, Relation { predicate, roles, evidence: Vec::new() });
        }
        Ok(())
    }

    /// Fills in the evidence (sentence, document, source) of the edges `which` names, or of every
    /// edge. Evidence is read from the documents' graphs, so a reader that only needs the shape of
    /// the graph (centrality, communities, name resolution) never pays for it.
    pub fn load_evidence(&mut self, store: &Store, which: Option<&[EdgeIndex]>) -> Result<()> {
        for (edge, evidence) in self.evidence_of(store, which)? {
            self.graph[edge].evidence = evidence;
        }
        Ok(())
    }

    /// The evidence of the edges `which` names, or of every edge: sorted, without repeats.
    pub fn evidence_of(&self, store: &Store, which: Option<&[EdgeIndex]>) -> Result<HashMap<EdgeIndex, Vec<Evidence>>> {
        let mut found: HashMap<EdgeIndex, Vec<Evidence>> = HashMap::new();
        match which {
            None => {
                for row in select(store, &evidence_query(None))? {
                    self.collect_evidence(&row, &mut found);
                }
            }
            Some(edges) => {
                // In chunks, so that one query never lists thousands of statements.
                for chunk in edges.chunks(200) {
                    let values: Vec<String> = chunk
                        .iter()
                        .filter_map(|&e| {
                            let (s, o) = self.graph.edge_endpoints(e)?;
                            let p = RELATIONS.iter().find(|r| r.0 == self.graph[e].predicate)?.1;
                            Some(format!(
                                "({} <{p}> {})",
                                NamedNode::new_unchecked(self.graph[s].iri.as_str()),
                                NamedNode::new_unchecked(self.graph[o].iri.as_str())
                            ))
                        })
                        .collect();
                    if values.is_empty() {
                        continue;
                    }
                    for row in select(store, &evidence_query(Some(&values.join(" "))))? {
                        self.collect_evidence(&row, &mut found);
                    }
                }
            }
        }
        for evidence in found.values_mut() {
            evidence.sort();
            evidence.dedup();
        }
        Ok(found)
    }

    fn collect_evidence(&self, row: &Row, found: &mut HashMap<EdgeIndex, Vec<Evidence>>) {
        let (Some((s, o, p)), Some(sentence), Some(doc)) = (self.endpoints(row), row.get("sentence"), row.get("doc")) else { return };
        let Some(edge) = self.graph.edges_connecting(s, o).find(|e| e.weight().predicate == p).map(|e| e.id()) else { return };
        let source = row.get("source").cloned().unwrap_or_else(|| doc.clone());
        found.entry(edge).or_default().push(Evidence { sentence: sentence.clone(), document: doc.clone(), source });
    }

    fn endpoints(&self, row: &Row) -> Option<(NodeIndex, NodeIndex, String)> {
        let s = *self.by_iri.get(row.get("s")?)?;
        let o = *self.by_iri.get(row.get("o")?)?;
        let p = row.get("p")?;
        let p = RELATIONS.iter().find(|r| r.1 == p)?.0;
        Some((s, o, p.to_string()))
    }

    pub fn node(&self, iri: &str) -> Option<NodeIndex> {
        self.by_iri.get(iri).copied()
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Finds the entity a user means by `name`: an exact label or alias first, then labels that
    /// contain the name or are contained in it. Several matches at the same level are ambiguous.
    pub fn resolve(&self, name: &str, kinds: &[Kind]) -> Resolution {
        let name = name.trim();
        if name.is_empty() {
            return Resolution::NotFound;
        }
        let candidates = || self.graph.node_indices().filter(|&n| kinds.is_empty() || kinds.contains(&self.graph[n].kind));
        let exact: Vec<NodeIndex> = candidates().filter(|&n| self.graph[n].names().any(|l| l == name)).collect();
        let partial: Vec<NodeIndex> = if exact.is_empty() {
            candidates()
                .filter(|&n| self.graph[n].names().any(|l| l.contains(name) || (l.chars().count() >= 2 && name.contains(l))))
                .collect()
        } else {
            exact
        };
        // "洛阳" among 洛阳市, 洛阳市委, 洛阳某公司…: the division written without its suffix.
        if partial.len() > 1 {
            let division: Vec<NodeIndex> = partial
                .iter()
                .copied()
                .filter(|&n| {
                    let e = &self.graph[n];
                    e.kind == Kind::Place
                        && e.label
                            .strip_prefix(name)
                            .is_some_and(|rest| ["省", "市", "县", "区", "自治州", "自治县", "盟", "旗"].contains(&rest))
                })
                .collect();
            if division.len() == 1 {
                return Resolution::Found(division[0]);
            }
        }
        match partial.len() {
            0 => Resolution::NotFound,
            1 => Resolution::Found(partial[0]),
            _ => {
                let mut all = partial;
                all.sort_by(|a, b| self.graph[*a].label.cmp(&self.graph[*b].label));
                Resolution::Ambiguous(all)
            }
        }
    }

    /// Neighbours of a node in either direction, with the connecting edge.
    pub fn neighbours(&self, n: NodeIndex) -> impl Iterator<Item = (NodeIndex, petgraph::graph::EdgeIndex)> + '_ {
        let out = self.graph.edges_directed(n, Direction::Outgoing).map(|e| (e.target(), e.id()));
        let inc = self.graph.edges_directed(n, Direction::Incoming).map(|e| (e.source(), e.id()));
        out.chain(inc)
    }

    /// The subgraph of the nodes kept by `keep`, with the edges between them.
    pub fn subgraph(&self, keep: impl Fn(NodeIndex, &Entity) -> bool) -> EntityGraph {
        let graph = self.graph.filter_map(|n, e| keep(n, e).then(|| e.clone()), |_, r| Some(r.clone()));
        let by_iri = graph.node_indices().map(|n| (graph[n].iri.clone(), n)).collect();
        EntityGraph { graph, by_iri }
    }

    /// Nodes within `depth` steps of `center`, following edges either way.
    pub fn around(&self, center: NodeIndex, depth: usize) -> EntityGraph {
        let mut seen: HashSet<NodeIndex> = HashSet::from([center]);
        let mut queue = VecDeque::from([(center, 0)]);
        while let Some((n, d)) = queue.pop_front() {
            if d == depth {
                continue;
            }
            for (m, _) in self.neighbours(n) {
                if seen.insert(m) {
                    queue.push_back((m, d + 1));
                }
            }
        }
        self.subgraph(|n, _| seen.contains(&n))
    }

    /// Only entities of these kinds (all kinds when empty).
    pub fn of_kinds(&self, kinds: &[Kind]) -> EntityGraph {
        self.subgraph(|_, e| kinds.is_empty() || kinds.contains(&e.kind))
    }
}

/// A path through the graph: `nodes[i]` and `nodes[i + 1]` are joined by `edges[i]` (either way).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphPath {
    pub nodes: Vec<NodeIndex>,
    pub edges: Vec<petgraph::graph::EdgeIndex>,
}

impl EntityGraph {
    /// Every shortest path from `from` to `to` of at most `max_hops` edges, following edges either
    /// way, at most `limit` of them (in a stable order). Empty when the two are not connected so.
    pub fn shortest_paths(&self, from: NodeIndex, to: NodeIndex, max_hops: usize, limit: usize) -> Vec<GraphPath> {
        if from == to {
            return vec![GraphPath { nodes: vec![from], edges: vec![] }];
        }
        // Breadth-first from `from`, keeping every predecessor on a shortest route.
        let mut dist: HashMap<NodeIndex, usize> = HashMap::from([(from, 0)]);
        let mut preds: HashMap<NodeIndex, Vec<(NodeIndex, petgraph::graph::EdgeIndex)>> = HashMap::new();
        let mut queue = VecDeque::from([from]);
        while let Some(n) = queue.pop_front() {
            let d = dist[&n];
            if d >= max_hops || dist.get(&to).is_some_and(|&t| d >= t) {
                continue;
            }
            let mut next: Vec<(NodeIndex, petgraph::graph::EdgeIndex)> = self.neighbours(n).collect();
            next.sort();
            for (m, e) in next {
                match dist.get(&m) {
                    None => {
                        dist.insert(m, d + 1);
                        preds.entry(m).or_default().push((n, e));
                        queue.push_back(m);
                    }
                    Some(&dm) if dm == d + 1 => preds.entry(m).or_default().push((n, e)),
                    _ => {}
                }
            }
        }
        if !dist.contains_key(&to) {
            return Vec::new();
        }
        // Walk back from `to`, depth first, up to `limit` paths.
        let mut out = Vec::new();
        let mut stack: Vec<(NodeIndex, Vec<NodeIndex>, Vec<petgraph::graph::EdgeIndex>)> = vec![(to, vec![to], vec![])];
        while let Some((n, nodes, edges)) = stack.pop() {
            if out.len() >= limit {
                break;
            }
            if n == from {
                let (mut nodes, mut edges) = (nodes, edges);
                nodes.reverse();
                edges.reverse();
                out.push(GraphPath { nodes, edges });
                continue;
            }
            for &(p, e) in preds.get(&n).map_or(&[][..], Vec::as_slice).iter().rev() {
                let (mut nn, mut ee) = (nodes.clone(), edges.clone());
                nn.push(p);
                ee.push(e);
                stack.push((p, nn, ee));
            }
        }
        out
    }
}

/// `%E6%B4%9B` → 洛 (IRIs keep Chinese readable, but encode what a path may not hold).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "3月4日，全市营商环境大会在洛阳召开。市委书记秦守源主持会议并讲话，副市长柳新宇出席。\n\
        洛阳华晟新材料有限公司投资12亿元的新材料产业园项目在宜阳县开工。";

    fn graph() -> EntityGraph {
        let store = Store::new().unwrap();
        crate::store::ingest(&store, PAGE, "a.txt").unwrap();
        EntityGraph::load(&store).unwrap()
    }

    fn find(g: &EntityGraph, name: &str) -> NodeIndex {
        match g.resolve(name, &[]) {
            Resolution::Found(n) => n,
            other => panic!("{name}: {other:?}"),
        }
    }

    #[test]
    fn attendance_edges_carry_roles_and_evidence() {
        let g = graph();
        let (event, person) = (find(&g, "营商环境大会"), find(&g, "秦守源"));
        assert_eq!(g.graph[event].kind, Kind::Event);
        let edge = g.graph.find_edge(event, person).expect("event → person");
        let r = &g.graph[edge];
        assert_eq!(r.predicate, "attendee");
        assert_eq!(r.roles, vec!["presided"]);
        assert_eq!(r.label_zh(), "出席（主持）");
        assert!(r.evidence[0].sentence.contains("秦守源主持会议"), "{r:?}");
        assert_eq!(r.evidence[0].source, "a.txt");
        assert_eq!(g.graph[person].values("jobTitle"), ["市委书记"]);
    }

    #[test]
    fn names_resolve_exactly_then_by_part_and_report_ambiguity() {
        let g = graph();
        assert_eq!(g.graph[find(&g, "宜阳")].label, "宜阳县");
        assert_eq!(g.resolve("无此人", &[]), Resolution::NotFound);
        assert_eq!(g.resolve("秦守源", &[Kind::Place]), Resolution::NotFound);
        // A division's short form wins over the bodies and companies named after it.
        assert_eq!(g.graph[find(&g, "洛阳")].label, "洛阳市");
        assert!(matches!(g.resolve("市", &[]), Resolution::Ambiguous(_)));
    }

    #[test]
    fn neighbourhoods_and_kind_filters_keep_only_what_was_asked() {
        let g = graph();
        let near = g.around(find(&g, "柳新宇"), 1);
        let labels: HashSet<&str> = near.graph.node_weights().map(|e| e.label.as_str()).collect();
        assert!(labels.contains("柳新宇") && labels.iter().any(|l| l.contains("营商环境大会")), "{labels:?}");
        assert!(!labels.contains("宜阳县"), "{labels:?}");
        let people = g.of_kinds(&[Kind::Person]);
        assert!(people.graph.node_weights().all(|e| e.kind == Kind::Person));
        assert_eq!(people.edge_count(), 0);
    }

    #[test]
    fn shortest_paths_go_through_shared_events_either_way() {
        let g = graph();
        let (a, b) = (find(&g, "秦守源"), find(&g, "柳新宇"));
        let paths = g.shortest_paths(a, b, 4, 10);
        assert_eq!(paths.len(), 1, "{paths:?}");
        let p = &paths[0];
        assert_eq!(p.nodes.len(), 3);
        assert_eq!(g.graph[p.nodes[1]].kind, Kind::Event);
        assert_eq!(p.edges.len(), 2);
        assert!(g.shortest_paths(a, b, 1, 10).is_empty());
    }
}
