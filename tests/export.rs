//! End-to-end tests of `newsgraph export`: every format is produced by the binary from a store of
//! the sample articles, parsed back, and its counts compared with the entity graph of the library
//! or with SPARQL counts.

use newsgraph::graph::EntityGraph;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Quad, Triple};
use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A store of the sample articles in a temporary directory.
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
        let f = Fixture { dir };
        let out = f.run(&["ingest", samples.to_str().unwrap()]);
        assert!(out.status.success(), "ingest: {}", stderr(&out));
        f
    }

    fn store(&self) -> PathBuf {
        self.dir.path().join("store")
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_newsgraph")).arg("--store").arg(self.store()).args(args).output().expect("binary runs")
    }

    /// `export` with these arguments; must succeed; its standard output.
    fn export(&self, args: &[&str]) -> String {
        let out = self.run(&[&["export"], args].concat());
        assert!(out.status.success(), "export {args:?}: {}", stderr(&out));
        assert!(out.stderr.is_empty(), "export {args:?} complained: {}", stderr(&out));
        String::from_utf8(out.stdout).expect("UTF-8 output")
    }

    /// `export` with these arguments; must fail; its error message.
    fn export_fails(&self, args: &[&str]) -> String {
        let out = self.run(&[&["export"], args].concat());
        assert!(!out.status.success(), "export {args:?} should fail");
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{err}");
        err
    }

    /// The entity graph as the library reads it (the binary is not running then).
    fn graph(&self) -> EntityGraph {
        let st = newsgraph::store::open_read_only(&self.store()).unwrap();
        EntityGraph::load(&st).unwrap()
    }

    /// The single number a `SELECT (COUNT(...) AS ?n)` query returns.
    fn count(&self, sparql: &str) -> usize {
        let out = self.run(&["query", sparql, "--format", "json"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["results"]["bindings"][0]["n"]["value"].as_str().unwrap().parse().unwrap()
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The value of `name="..."` in each element `<tag ...>` of an XML text, in order.
fn xml_attribute(xml: &str, tag: &str, name: &str) -> Vec<String> {
    let open = format!("<{tag} ");
    xml.split(&open)
        .skip(1)
        .map(|rest| {
            let head = &rest[..rest.find('>').expect("element closes")];
            let key = format!("{name}=\"");
            let start = head.find(&key).unwrap_or_else(|| panic!("<{tag}> without {name}: {head}")) + key.len();
            head[start..start + head[start..].find('"').unwrap()].to_string()
        })
        .collect()
}

/// Node ids, and edges as (source, target), of a GraphML or GEXF text; every edge must join
/// declared nodes and every id must be unique.
fn xml_graph(xml: &str) -> (usize, usize) {
    let ids = xml_attribute(xml, "node", "id");
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate node ids");
    let sources = xml_attribute(xml, "edge", "source");
    let targets = xml_attribute(xml, "edge", "target");
    assert_eq!(sources.len(), targets.len());
    for s in sources.iter().chain(&targets) {
        assert!(unique.contains(s), "edge end {s} is not a node");
    }
    assert_eq!(xml.matches("<node ").count(), xml.matches("</node>").count());
    assert_eq!(xml.matches("<edge ").count(), xml.matches("</edge>").count());
    (ids.len(), sources.len())
}

fn cyjs_labels(v: &serde_json::Value) -> BTreeSet<String> {
    v["elements"]["nodes"].as_array().unwrap().iter().map(|n| n["data"]["label"].as_str().unwrap().to_string()).collect()
}

fn counts(v: &serde_json::Value) -> (usize, usize) {
    (v["elements"]["nodes"].as_array().unwrap().len(), v["elements"]["edges"].as_array().unwrap().len())
}

/// The data embedded in the HTML page.
fn html_data(page: &str) -> serde_json::Value {
    let marker = r#"<script type="application/json" id="graph-data">"#;
    let start = page.find(marker).expect("embedded data") + marker.len();
    let end = start + page[start..].find("</script>").unwrap();
    serde_json::from_str(&page[start..end]).expect("embedded data is JSON")
}

fn parse_rdf(text: &str, format: RdfFormat) -> Vec<Quad> {
    RdfParser::from_format(format).for_slice(text.as_bytes()).collect::<Result<_, _>>().unwrap_or_else(|e| panic!("{format}: {e}"))
}

fn triples(quads: Vec<Quad>) -> HashSet<Triple> {
    quads.into_iter().map(Triple::from).collect()
}

#[test]
fn graph_formats_hold_every_entity_and_relation() {
    let f = Fixture::new();
    let g = f.graph();
    let expected = (g.node_count(), g.edge_count());
    assert!(expected.0 > 50 && expected.1 > 50, "{expected:?}");
    let labels: BTreeSet<String> = g.graph.node_weights().map(|e| e.label.clone()).collect();

    let graphml = f.export(&["--format", "graphml"]);
    assert_eq!(xml_graph(&graphml), expected, "graphml");
    let declared: HashSet<String> = xml_attribute(&graphml, "key", "id").into_iter().collect();
    for used in xml_attribute(&graphml, "data", "key") {
        assert!(declared.contains(&used), "graphml <data key={used}> is not declared");
    }
    for key in ["label", "type", "relation", "evidence"] {
        assert!(declared.contains(key), "graphml key {key}");
    }

    let gexf = f.export(&["--format", "gexf"]);
    assert_eq!(xml_graph(&gexf), expected, "gexf");
    let declared: HashSet<String> = xml_attribute(&gexf, "attribute", "id").into_iter().collect();
    for used in xml_attribute(&gexf, "attvalue", "for") {
        assert!(declared.contains(&used), "gexf attvalue for={used} is not declared");
    }

    let dot = f.export(&["--format", "dot"]);
    assert!(dot.starts_with("digraph") && dot.trim_end().ends_with('}'));
    let node_lines = dot.lines().filter(|l| l.trim_start().starts_with("\"n") && !l.contains(" -> ")).count();
    assert_eq!((node_lines, dot.matches(" -> ").count()), expected, "dot");

    let cyjs: serde_json::Value = serde_json::from_str(&f.export(&["--format", "cyjs"])).expect("cyjs is JSON");
    assert_eq!(counts(&cyjs), expected, "cyjs");
    assert_eq!(cyjs_labels(&cyjs), labels);
    let with_evidence = cyjs["elements"]["edges"].as_array().unwrap().iter().filter(|e| e["data"]["evidence"][0]["sentence"].is_string());
    assert!(with_evidence.count() > expected.1 / 2);

    let page = f.export(&["--format", "html"]);
    assert!(page.starts_with("<!DOCTYPE html>"));
    let data = html_data(&page);
    assert_eq!(counts(&data), expected, "html");
    assert_eq!(cyjs_labels(&data), labels);
    let lower = page.to_lowercase();
    assert!(!lower.contains("<script src") && !lower.contains("<link") && !lower.contains("@import"), "external resources");
    for attr in ["src=\"http", "href=\"http", "src='http", "href='http", "url(http"] {
        assert!(!lower.contains(attr), "network reference {attr}");
    }
}

#[test]
fn rdf_dumps_reparse_with_the_counts_of_the_store() {
    let f = Fixture::new();
    let quads = f.count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
    let distinct = f.count("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }");
    assert!(distinct > 1000 && distinct <= quads, "{distinct} {quads}");

    let nquads = parse_rdf(&f.export(&["-f", "nquads"]), RdfFormat::NQuads);
    assert_eq!(nquads.len(), quads);
    assert!(nquads.iter().all(|q| !q.graph_name.is_default_graph()));
    let trig = parse_rdf(&f.export(&["-f", "trig"]), RdfFormat::TriG);
    assert_eq!(trig.iter().collect::<HashSet<_>>(), nquads.iter().collect::<HashSet<_>>());

    let turtle = parse_rdf(&f.export(&["-f", "turtle"]), RdfFormat::Turtle);
    assert_eq!(turtle.len(), distinct, "turtle: each distinct triple once");
    let turtle = triples(turtle);
    for (name, format) in [("ntriples", RdfFormat::NTriples), ("rdfxml", RdfFormat::RdfXml)] {
        let parsed = parse_rdf(&f.export(&["-f", name]), format);
        assert_eq!(parsed.len(), distinct, "{name}");
        assert!(triples(parsed) == turtle, "{name} differs from turtle");
    }
    assert!(triples(nquads) == turtle, "merging the graphs of nquads gives the turtle triples");
}

#[test]
fn one_named_graph_alone() {
    let f = Fixture::new();
    let source = "examples/articles/02_luoyang_p2_kaocha.txt";
    let by_source = parse_rdf(&f.export(&["-f", "nquads", "--graph", source]), RdfFormat::NQuads);
    let graph = by_source[0].graph_name.to_string();
    assert!(by_source.iter().all(|q| q.graph_name.to_string() == graph));
    let expected = f.count(&format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"));
    assert_eq!(by_source.len(), expected);
    let iri = graph.trim_start_matches('<').trim_end_matches('>');
    for (name, format) in [("turtle", RdfFormat::Turtle), ("rdfxml", RdfFormat::RdfXml), ("ntriples", RdfFormat::NTriples)] {
        assert_eq!(parse_rdf(&f.export(&["-f", name, "--graph", iri]), format).len(), expected, "{name}");
    }
    let err = f.export_fails(&["-f", "turtle", "--graph", "https://example.org/none"]);
    assert!(err.contains("no named graph") && err.contains(source), "{err}");
    let err = f.export_fails(&["-f", "graphml", "--graph", iri]);
    assert!(err.contains("--graph") && err.contains("graphml"), "{err}");
}

#[test]
fn around_shrinks_the_graph_to_the_neighbourhood() {
    let f = Fixture::new();
    let full: serde_json::Value = serde_json::from_str(&f.export(&["-f", "cyjs"])).unwrap();
    let near: serde_json::Value = serde_json::from_str(&f.export(&["-f", "cyjs", "--around", "秦守源"])).unwrap();
    let wider: serde_json::Value = serde_json::from_str(&f.export(&["-f", "cyjs", "--around", "秦守源", "--depth", "2"])).unwrap();
    let (n_full, n_near, n_wider) = (counts(&full).0, counts(&near).0, counts(&wider).0);
    assert!(1 < n_near && n_near < n_wider && n_wider < n_full, "{n_near} < {n_wider} < {n_full}");
    assert!(cyjs_labels(&near).contains("秦守源"));
    assert!(cyjs_labels(&near).is_subset(&cyjs_labels(&wider)));

    let people: serde_json::Value = serde_json::from_str(&f.export(&["-f", "cyjs", "--types", "person,event"])).unwrap();
    let kinds: BTreeSet<&str> =
        people["elements"]["nodes"].as_array().unwrap().iter().map(|n| n["data"]["type"].as_str().unwrap()).collect();
    assert_eq!(kinds, BTreeSet::from(["event", "person"]));

    // Every graph format and the RDF dumps honour the neighbourhood.
    let graphml = f.export(&["-f", "graphml", "--around", "秦守源"]);
    assert_eq!(xml_graph(&graphml), counts(&near));
    assert!(graphml.contains(">秦守源</data>"));
    let page = f.export(&["-f", "html", "--around", "秦守源"]);
    assert_eq!(counts(&html_data(&page)), counts(&near));

    let iris: HashSet<String> =
        near["elements"]["nodes"].as_array().unwrap().iter().map(|n| format!("<{}>", n["data"]["iri"].as_str().unwrap())).collect();
    let all_iris: HashSet<String> =
        full["elements"]["nodes"].as_array().unwrap().iter().map(|n| format!("<{}>", n["data"]["iri"].as_str().unwrap())).collect();
    let ttl = parse_rdf(&f.export(&["-f", "turtle", "--around", "秦守源"]), RdfFormat::Turtle);
    let whole = parse_rdf(&f.export(&["-f", "turtle"]), RdfFormat::Turtle);
    assert!(!ttl.is_empty() && ttl.len() < whole.len() / 3, "{} of {}", ttl.len(), whole.len());
    let centre = iris.iter().find(|i| i.contains("/person/秦守源")).expect("centre IRI");
    assert!(ttl.iter().any(|q| &q.subject.to_string() == centre));
    for q in &ttl {
        for term in [q.subject.to_string(), q.object.to_string()] {
            assert!(!all_iris.contains(&term) || iris.contains(&term), "{term} is outside the neighbourhood");
        }
    }
}

#[test]
fn bad_requests_fail_with_clear_messages() {
    let f = Fixture::new();
    let err = f.export_fails(&["-f", "cyjs", "--around", "签约仪式"]);
    assert!(
        err.contains("ambiguous")
            && err.contains("洛阳·无锡产业合作项目签约仪式 (event)")
            && err.contains("2025年栾川县钼钨新材料产业招商签约仪式 (event)"),
        "{err}"
    );
    let err = f.export_fails(&["-f", "dot", "--around", "查无此人"]);
    assert!(err.contains("查无此人") && err.contains("no entity"), "{err}");
    let err = f.export_fails(&["-f", "dot", "--depth", "2"]);
    assert!(err.contains("--around"), "{err}");
    let err = f.export_fails(&["-f", "dot", "--types", "person,robot"]);
    assert!(err.contains("robot") && err.contains("person, organization, place, project, event"), "{err}");
    let err = f.export_fails(&["-f", "pdf"]);
    assert!(err.contains("pdf") && err.contains("graphml"), "{err}");
    let err = f.export_fails(&["-f", "dot", "-o", "/nonexistent-dir/x.dot"]);
    assert!(err.contains("/nonexistent-dir/x.dot"), "{err}");
    let missing = f.dir.path().join("no-store");
    let out = Command::new(env!("CARGO_BIN_EXE_newsgraph")).arg("--store").arg(&missing).args(["export", "-f", "dot"]).output().unwrap();
    assert!(!out.status.success() && stderr(&out).contains("no store"), "{}", stderr(&out));
}

#[test]
fn output_files_are_replaced_whole() {
    let f = Fixture::new();
    let target = f.dir.path().join("graph.gexf");
    std::fs::write(&target, "old").unwrap();
    let summary = f.export(&["-f", "gexf", "-o", target.to_str().unwrap()]);
    let g = f.graph();
    assert_eq!(summary.trim(), format!("wrote {} nodes, {} edges to {}", g.node_count(), g.edge_count(), target.display()));
    let text = std::fs::read_to_string(&target).unwrap();
    assert_eq!(xml_graph(&text), (g.node_count(), g.edge_count()));
    // A failed export leaves the old file, and no temporary file behind.
    f.export_fails(&["-f", "gexf", "--around", "签约仪式", "-o", target.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), text);
    let names: Vec<String> =
        std::fs::read_dir(f.dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names.iter().filter(|n| n.starts_with('.')).count(), 0, "{names:?}");
    let summary = f.export(&["-f", "trig", "-o", f.dir.path().join("all.trig").to_str().unwrap()]);
    assert!(summary.starts_with("wrote ") && summary.contains(" quads to "), "{summary}");
}
