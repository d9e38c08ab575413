//! Exports of the knowledge graph: the entity graph for visualisation tools (GraphML, GEXF, DOT,
//! Cytoscape.js JSON, a self-contained HTML page) and RDF dumps of the store (Turtle, N-Triples,
//! N-Quads, TriG, RDF/XML).
//!
//! Every writer takes a `&mut dyn Write`; [`export`] reads the store, applies the selection
//! ([`Options`]: a neighbourhood, some kinds of entity, one named graph) and calls the writer of the
//! format asked for.
//!
//! In the graph formats nodes are called `n0`, `n1`… and edges `e0`, `e1`… (petgraph indices of the
//! exported graph); every node carries its IRI, type, label, colour and literal facts, every edge its
//! relation (`memberOf`, `attendee`…), its Chinese reading (`出席（主持）`), the roles and the evidence
//! sentences with their source files.
//!
//! For the RDF formats `--around`/`--types` are honoured too: see [`rdf::SubjectFilter`].

pub mod cytoscape;
pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod html;
pub mod rdf;
pub mod xml;

use crate::graph::{EntityGraph, Kind, Relation, Resolution};
use anyhow::{bail, Result};
use oxigraph::store::Store;
use petgraph::graph::{EdgeIndex, NodeIndex};
use std::collections::BTreeSet;
use std::fmt;
use std::io::Write;

/// What `newsgraph export --format` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// GraphML (Gephi, Cytoscape, yEd, networkx).
    #[value(alias = "xml-graph")]
    Graphml,
    /// GEXF 1.3 (Gephi).
    Gexf,
    /// Graphviz DOT.
    #[value(alias = "gv", alias = "graphviz")]
    Dot,
    /// Cytoscape.js JSON (`{"elements": {"nodes": [...], "edges": [...]}}`).
    #[value(alias = "cytoscape", alias = "json")]
    Cyjs,
    /// One self-contained interactive web page (works offline).
    Html,
    /// RDF Turtle (all graphs merged, or one with --graph).
    #[value(alias = "ttl")]
    Turtle,
    /// RDF N-Triples (all graphs merged, or one with --graph).
    #[value(alias = "nt")]
    Ntriples,
    /// RDF N-Quads (every named graph kept).
    #[value(alias = "nq")]
    Nquads,
    /// RDF TriG (every named graph kept).
    Trig,
    /// RDF/XML (all graphs merged, or one with --graph).
    #[value(alias = "rdf", alias = "owl")]
    Rdfxml,
}

impl Format {
    /// Every format, in the order of `--help`.
    pub const ALL: [Format; 10] = [
        Format::Graphml,
        Format::Gexf,
        Format::Dot,
        Format::Cyjs,
        Format::Html,
        Format::Turtle,
        Format::Ntriples,
        Format::Nquads,
        Format::Trig,
        Format::Rdfxml,
    ];

    /// True for the RDF dumps of the store, false for the entity-graph formats.
    pub fn is_rdf(self) -> bool {
        rdf::rdf_format(self).is_some()
    }

    /// The name given to `--format`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::Dot => "dot",
            Format::Cyjs => "cyjs",
            Format::Html => "html",
            Format::Turtle => "turtle",
            Format::Ntriples => "ntriples",
            Format::Nquads => "nquads",
            Format::Trig => "trig",
            Format::Rdfxml => "rdfxml",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::Dot => "dot",
            Format::Cyjs => "cyjs",
            Format::Html => "html",
            Format::Turtle => "ttl",
            Format::Ntriples => "nt",
            Format::Nquads => "nq",
            Format::Trig => "trig",
            Format::Rdfxml => "rdf",
        }
    }
}

/// What to export; the default is everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Only the neighbourhood of the entity with this name (label or alias, or a part of one).
    pub around: Option<String>,
    /// Steps from `around` (edges followed either way); 1 when `None`.
    pub depth: Option<usize>,
    /// Only these kinds of entity (all when empty). With `around`, the centre is always kept.
    pub kinds: Vec<Kind>,
    /// RDF formats only: dump this named graph (its IRI, or its document's source path) alone.
    pub graph: Option<String>,
}

impl Options {
    /// True when some entities are left out.
    pub fn is_selective(&self) -> bool {
        self.around.is_some() || !self.kinds.is_empty()
    }
}

/// What [`export`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// An entity graph with this many nodes and edges.
    Graph { nodes: usize, edges: usize },
    /// RDF: this many triples (merged formats) or quads (N-Quads, TriG).
    Rdf { statements: usize, quads: bool },
}

impl fmt::Display for Written {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Written::Graph { nodes, edges } => write!(f, "{nodes} nodes, {edges} edges"),
            Written::Rdf { statements, quads: true } => write!(f, "{statements} quads"),
            Written::Rdf { statements, quads: false } => write!(f, "{statements} triples"),
        }
    }
}

/// Reads the store and writes it in `format`, restricted as `options` say.
pub fn export(store: &Store, format: Format, options: &Options, w: &mut dyn Write) -> Result<Written> {
    if options.graph.is_some() && !format.is_rdf() {
        bail!("--graph only applies to the RDF formats (turtle, ntriples, nquads, trig, rdfxml), not {}", format.name());
    }
    if options.depth.is_some() && options.around.is_none() {
        bail!("--depth needs --around NAME");
    }
    if let Some(rdf_format) = rdf::rdf_format(format) {
        return export_rdf(store, rdf_format, options, w);
    }
    let full = EntityGraph::load_structure(store)?;
    let (mut selected, title) = select(&full, options)?;
    // Evidence for the edges written: all of them, or those of the selection.
    let edges: Option<Vec<_>> = options.is_selective().then(|| selected.graph.edge_indices().collect());
    selected.load_evidence(store, edges.as_deref())?;
    write_graph(&selected, format, &title, w)?;
    Ok(Written::Graph { nodes: selected.node_count(), edges: selected.edge_count() })
}

/// The RDF dumps: the entity graph is only read when entities are selected.
fn export_rdf(store: &Store, format: oxigraph::io::RdfFormat, options: &Options, w: &mut dyn Write) -> Result<Written> {
    let filter = if options.is_selective() {
        let full = EntityGraph::load_structure(store)?;
        let (selected, _) = select(&full, options)?;
        Some(rdf::SubjectFilter::new(&full, &selected))
    } else {
        None
    };
    let graph = options.graph.as_deref().map(|g| rdf::find_graph(store, g)).transpose()?;
    let statements = rdf::write(store, format, graph.as_ref(), filter.as_ref(), w)?;
    Ok(Written::Rdf { statements, quads: format.supports_datasets() })
}

/// Writes an entity graph in one of the graph formats (`Graphml`, `Gexf`, `Dot`, `Cyjs`, `Html`);
/// `title` names it (page title, GEXF description, DOT label).
pub fn write_graph(g: &EntityGraph, format: Format, title: &str, w: &mut dyn Write) -> Result<()> {
    match format {
        Format::Graphml => graphml::write(g, title, w)?,
        Format::Gexf => gexf::write(g, title, w)?,
        Format::Dot => dot::write(g, title, w)?,
        Format::Cyjs => cytoscape::write(g, title, w)?,
        Format::Html => html::write(g, title, w)?,
        other => bail!("{} is an RDF format, not a graph format", other.name()),
    }
    Ok(())
}

/// The part of `full` that `options` ask for, and a title saying what it is. The neighbourhood is
/// taken in the whole graph first, then the kinds are filtered (keeping the centre), so
/// `--around 秦守源 --types person` gives the people two steps away through shared events when the
/// depth is 2. An unknown or ambiguous `around` name is an error that lists the candidates.
pub fn select(full: &EntityGraph, options: &Options) -> Result<(EntityGraph, String)> {
    let mut title = String::from("newsgraph");
    let (graph, centre) = match &options.around {
        Some(name) => {
            let centre = resolve(full, name)?;
            let depth = options.depth.unwrap_or(1);
            title = format!("{} 周边 {depth} 层", full.graph[centre].label);
            let near = full.around(centre, depth);
            let iri = full.graph[centre].iri.clone();
            (near, Some(iri))
        }
        None => {
            if options.depth.is_some() {
                bail!("--depth needs --around NAME");
            }
            (full.clone(), None)
        }
    };
    if options.kinds.is_empty() {
        return Ok((graph, title));
    }
    let kinds = &options.kinds;
    let kept = graph.subgraph(|_, e| kinds.contains(&e.kind) || Some(&e.iri) == centre.as_ref());
    let names: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
    Ok((kept, format!("{title}（{}）", names.join(", "))))
}

/// The one entity `name` means, or an error naming the candidates.
fn resolve(g: &EntityGraph, name: &str) -> Result<NodeIndex> {
    match g.resolve(name, &[]) {
        Resolution::Found(n) => Ok(n),
        Resolution::NotFound => {
            let similar = similar_names(g, name.trim(), 5);
            let hint = if similar.is_empty() {
                "give a person, organisation, place, project or event as stored".to_string()
            } else {
                format!("similar names: {}", similar.join(", "))
            };
            bail!("--around: no entity is called 「{}」 ({hint})", name.trim())
        }
        Resolution::Ambiguous(candidates) => {
            let shown: Vec<String> =
                candidates.iter().take(20).map(|&n| format!("{} ({})", g.graph[n].label, g.graph[n].kind.as_str())).collect();
            let more = candidates.len().saturating_sub(shown.len());
            let more = if more > 0 { format!(" and {more} more") } else { String::new() };
            bail!("--around: 「{}」 is ambiguous, it matches {}{more}; give the full name", name.trim(), shown.join(", "))
        }
    }
}

/// Up to `limit` labels sharing the most characters with `name` (at least half of them), for
/// "did you mean" hints, as "label (kind)".
fn similar_names(g: &EntityGraph, name: &str, limit: usize) -> Vec<String> {
    let wanted: BTreeSet<char> = name.chars().filter(|c| !c.is_whitespace()).collect();
    let needed = wanted.len().div_ceil(2).max(1);
    let mut scored: Vec<(usize, &str, Kind)> = g
        .graph
        .node_weights()
        .map(|e| (e.label.chars().collect::<BTreeSet<char>>().intersection(&wanted).count(), e.label.as_str(), e.kind))
        .filter(|(score, _, _)| *score >= needed)
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.chars().count().cmp(&b.1.chars().count())).then(a.1.cmp(b.1)));
    scored.into_iter().take(limit).map(|(_, label, kind)| format!("{label} ({})", kind.as_str())).collect()
}

/// The id of a node in the graph formats.
pub fn node_id(n: NodeIndex) -> String {
    format!("n{}", n.index())
}

/// The id of an edge in the graph formats.
pub fn edge_id(e: EdgeIndex) -> String {
    format!("e{}", e.index())
}

/// The fill colour of a kind of entity, `#rrggbb` (Tableau 10 colours).
pub fn kind_colour(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "#4e79a7",
        Kind::Organization => "#f28e2b",
        Kind::Place => "#59a14f",
        Kind::Project => "#e15759",
        Kind::Event => "#b07aa1",
    }
}

/// The colour of a kind as red, green, blue.
pub fn kind_rgb(kind: Kind) -> (u8, u8, u8) {
    let hex = &kind_colour(kind)[1..];
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
    (byte(0), byte(2), byte(4))
}

/// The literal attribute names present on any node, sorted: the extra columns of the graph formats.
pub fn attribute_names(g: &EntityGraph) -> Vec<String> {
    let names: BTreeSet<&String> = g.graph.node_weights().flat_map(|e| e.attributes.keys()).collect();
    names.into_iter().cloned().collect()
}

/// Values of a multi-valued attribute as one string.
pub fn join_values(values: &[String]) -> String {
    values.join("; ")
}

/// The evidence of an edge as text, one sentence per line, each followed by its source in brackets.
pub fn evidence_text(r: &Relation) -> String {
    r.evidence.iter().map(|e| format!("{} [{}]", e.sentence, e.source)).collect::<Vec<_>>().join("\n")
}

/// The distinct source files of an edge's evidence.
pub fn evidence_sources(r: &Relation) -> String {
    let sources: BTreeSet<&str> = r.evidence.iter().map(|e| e.source.as_str()).collect();
    sources.into_iter().collect::<Vec<_>>().join("; ")
}

/// An edge's weight: how many sentences attest it (at least 1).
pub fn edge_weight(r: &Relation) -> usize {
    r.evidence.len().max(1)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::graph::{Entity, Evidence};
    use std::collections::BTreeMap;

    /// A graph whose labels, attributes and evidence hold every character that needs escaping.
    pub(crate) fn hostile_graph() -> EntityGraph {
        let mut g = EntityGraph::default();
        let nasty = "A&B <市委> \"书记\" 'x' \\n\\ </script><script>alert(1)</script> ]]> -- \u{1}";
        let mut attributes = BTreeMap::new();
        attributes.insert("jobTitle".to_string(), vec![nasty.to_string(), "市长".to_string()]);
        let a = g.graph.add_node(Entity {
            iri: "https://newsgraph.local/id/person/甲&乙".into(),
            kind: Kind::Person,
            label: nasty.into(),
            attributes,
        });
        let b = g.graph.add_node(Entity {
            iri: "https://newsgraph.local/id/org/市委".into(),
            kind: Kind::Organization,
            label: "市委\n第二行\"".into(),
            attributes: BTreeMap::new(),
        });
        let c = g.graph.add_node(Entity {
            iri: "https://newsgraph.local/id/event/会".into(),
            kind: Kind::Event,
            label: "大会".into(),
            attributes: BTreeMap::new(),
        });
        let evidence = vec![Evidence { sentence: nasty.into(), document: "d".into(), source: "a&b<1>.txt".into() }];
        g.graph.add_edge(a, b, Relation { predicate: "memberOf".into(), roles: vec![], evidence: evidence.clone() });
        g.graph.add_edge(c, a, Relation { predicate: "attendee".into(), roles: vec!["presided".into(), "spoke".into()], evidence });
        g
    }

    /// A graph read from a real ingestion of one short page.
    pub(crate) fn sample_graph() -> EntityGraph {
        let store = Store::new().unwrap();
        crate::store::ingest(&store, crate::export::rdf::tests::PAGE, "a.txt").unwrap();
        EntityGraph::load(&store).unwrap()
    }

    #[test]
    fn format_names_are_the_command_line_names() {
        use clap::ValueEnum;
        for f in Format::ALL {
            assert_eq!(f.to_possible_value().unwrap().get_name(), f.name());
        }
        assert_eq!(Format::ALL.iter().filter(|f| f.is_rdf()).count(), 5);
    }

    #[test]
    fn colours_are_distinct_and_parse() {
        let colours: BTreeSet<&str> = Kind::ALL.iter().map(|&k| kind_colour(k)).collect();
        assert_eq!(colours.len(), 5);
        assert_eq!(kind_rgb(Kind::Person), (0x4e, 0x79, 0xa7));
    }

    #[test]
    fn selection_by_name_depth_and_kind() {
        let g = sample_graph();
        let opts = |around: Option<&str>, depth, kinds: Vec<Kind>| Options { around: around.map(String::from), depth, kinds, graph: None };
        let (all, _) = select(&g, &opts(None, None, vec![])).unwrap();
        assert_eq!(all.node_count(), g.node_count());
        let (near, title) = select(&g, &opts(Some("柳新宇"), Some(1), vec![])).unwrap();
        assert!(near.node_count() < g.node_count() && near.node_count() >= 2, "{}", near.node_count());
        assert!(title.contains("柳新宇"), "{title}");
        let (people, _) = select(&g, &opts(Some("柳新宇"), Some(2), vec![Kind::Person])).unwrap();
        assert!(people.graph.node_weights().all(|e| e.kind == Kind::Person));
        assert!(people.graph.node_weights().any(|e| e.label == "秦守源"));
        // The centre stays even when its kind is not asked for.
        let (events, _) = select(&g, &opts(Some("柳新宇"), Some(1), vec![Kind::Event])).unwrap();
        assert!(events.graph.node_weights().any(|e| e.label == "柳新宇"));
    }

    #[test]
    fn unknown_and_ambiguous_names_are_clear_errors() {
        let g = sample_graph();
        let opts = |name: &str| Options { around: Some(name.into()), ..Options::default() };
        let err = select(&g, &opts("无此人")).unwrap_err().to_string();
        assert!(err.contains("无此人") && err.contains("no entity"), "{err}");
        // A name with a wrong character gets the near names as hints.
        let err = select(&g, &opts("秦守元")).unwrap_err().to_string();
        assert!(err.contains("similar names: 秦守源 (person)"), "{err}");
        let err = select(&g, &Options { depth: Some(2), ..Options::default() }).unwrap_err().to_string();
        assert!(err.contains("--around"), "{err}");
        // Only 大会 contains 「大」 in the hostile graph, so add a second one.
        let mut h = hostile_graph();
        h.graph.add_node(crate::graph::Entity {
            iri: "https://newsgraph.local/id/event/大会2".into(),
            kind: Kind::Event,
            label: "大会二".into(),
            attributes: BTreeMap::new(),
        });
        let err = select(&h, &opts("大")).unwrap_err().to_string();
        assert!(err.contains("ambiguous") && err.contains("大会 (event)") && err.contains("大会二 (event)"), "{err}");
    }
}
