//! Facts → RDF, following `ontology/newsgraph.ttl` and its store model:
//!
//! * the **merged graph** ([`MERGED_GRAPH`]) holds every fact once, whatever the number of documents
//!   that state it; queries read it as their default graph;
//! * each document's **named graph** ([`document_iri`]) holds what that document says: its own
//!   description, the facts it supports (the same triples it contributes to the merged graph) and
//!   one `ng:Evidence` node per stated fact (the sentence and the character span it was read from).
//!   A fact stays in the merged graph while at least one document graph holds it.
//!
//! Entity IRIs come from [`crate::resolve`]: a division by its code, an organisation by its
//! canonical name, a person, project or event by its identity key (name and where it belongs), so
//! the same official in two documents is one node and two namesakes are two. Each such entity
//! carries its key (`ng:identityGroup`, `ng:identityKey`), which the store resolves against the
//! other documents' (see [`crate::resolve::reconcile`]).

use crate::model::*;
use crate::resolve::{Identities, Key};
use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term, Triple};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

pub const NG: &str = "https://newsgraph.local/ns#";
pub const ID: &str = "https://newsgraph.local/id/";
pub const DOC: &str = "https://newsgraph.local/doc/";
pub const SCHEMA: &str = "http://schema.org/";
pub const ORG: &str = "http://www.w3.org/ns/org#";
pub const PROV: &str = "http://www.w3.org/ns/prov#";
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
/// The named graph that holds each fact once: the default graph of every query.
pub const MERGED_GRAPH: &str = "https://newsgraph.local/graph/merged";

/// Namespace prefixes for Turtle, TriG and RDF/XML output and for abbreviating IRIs in tables.
pub const PREFIXES: &[(&str, &str)] = &[
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("schema", SCHEMA),
    ("org", ORG),
    ("prov", PROV),
    ("skos", SKOS),
    ("dcterms", DCTERMS),
    ("ng", NG),
];

fn iri(base: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{base}{local}"))
}

/// Percent-encodes what an IRI path segment may not hold; Chinese characters stay readable.
fn segment(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() || matches!(c, '-' | '.' | '_' | '~' | '·' | '@') {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// An entity's IRI from its kind ("person", "org", "project", "event") and its local name.
pub fn entity_iri(kind: &str, local: &str) -> NamedNode {
    iri(ID, &format!("{kind}/{}", segment(local)))
}

/// A node that belongs to an entity (its participation in an event, a post it holds, a status
/// report): under the entity's IRI, so it follows the entity when identities are resolved.
pub fn dependent_iri(owner: &NamedNode, kind: &str, local: &str) -> NamedNode {
    iri(owner.as_str(), &format!("/{kind}/{}", segment(local)))
}

/// True when `iri` is `owner` or one of its dependent nodes.
pub fn is_under(iri: &str, owner: &str) -> bool {
    iri.strip_prefix(owner).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}
pub fn org_iri(name: &str) -> NamedNode {
    iri(ID, &format!("org/{}", segment(name)))
}
pub fn place_iri(code: &str) -> NamedNode {
    iri(ID, &format!("place/{code}"))
}

/// The merged graph as a graph name.
pub fn merged_graph() -> NamedNode {
    NamedNode::new_unchecked(MERGED_GRAPH)
}

/// The document's IRI, which is also its named graph: keyed by the SHA-256 of its identity (its
/// canonical source), so a new version of a document replaces the old one whatever its content.
pub fn document_iri(source: &str) -> NamedNode {
    iri(DOC, &content_hash(source)[..32])
}

/// True for the subjects a document graph holds besides facts: its evidence nodes (`<doc>#ev1`…).
pub fn is_evidence_node(doc: &NamedNode, subject: &str) -> bool {
    subject.len() > doc.as_str().len() && subject.starts_with(doc.as_str()) && subject[doc.as_str().len()..].starts_with("#ev")
}

/// True for the predicates of a mention's identity key, which only its document's graph holds.
pub fn is_identity_predicate(p: &str) -> bool {
    p.strip_prefix(NG).is_some_and(|local| local == "identityGroup" || local == "identityKey")
}

pub fn content_hash(content: &str) -> String {
    let digest = Sha256::digest(content.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn zh(s: &str) -> Term {
    Literal::new_language_tagged_literal_unchecked(s, "zh").into()
}
fn plain(s: &str) -> Term {
    Literal::new_simple_literal(s).into()
}
fn typed(s: &str, dt: oxigraph::model::NamedNodeRef) -> Term {
    Literal::new_typed_literal(s, dt).into()
}

fn date_literal(d: DateValue) -> Term {
    match (d.year, d.day) {
        (Some(_), Some(_)) => typed(&d.iso(), xsd::DATE),
        (Some(_), None) => typed(&d.iso(), xsd::G_YEAR_MONTH),
        (None, Some(_)) => typed(&d.iso(), xsd::G_MONTH_DAY),
        (None, None) => typed(&d.iso(), xsd::G_MONTH),
    }
}

/// What one document contributes to the store (see the module documentation).
#[derive(Debug, Clone)]
pub struct DocumentGraph {
    /// The document's IRI and named graph.
    pub doc: NamedNode,
    /// SHA-256 of the content, in hex: the version of the document.
    pub hash: String,
    /// The facts the document supports, each once, sorted: its description among them.
    pub facts: Vec<Triple>,
    /// What its graph alone holds: its evidence nodes' triples, and the identity key of each of its
    /// entities (`ng:identityGroup`, `ng:identityKey`).
    pub evidence: Vec<Triple>,
    /// The identity groups of its persons, projects, events and companies
    /// ([`crate::resolve::Key::group`]).
    pub groups: Vec<String>,
    /// Their identity keys, encoded ([`crate::resolve::Key::encode`]).
    pub keys: Vec<String>,
}

impl DocumentGraph {
    /// The document's named graph: its facts and their evidence.
    pub fn document_quads(&self) -> impl Iterator<Item = Quad> + '_ {
        let g = GraphName::NamedNode(self.doc.clone());
        self.facts.iter().chain(&self.evidence).map(move |t| t.clone().in_graph(g.clone()))
    }

    /// The facts as quads of the merged graph.
    pub fn merged_quads(&self) -> impl Iterator<Item = Quad> + '_ {
        let g = GraphName::NamedNode(merged_graph());
        self.facts.iter().map(move |t| t.clone().in_graph(g.clone()))
    }

    /// Every quad of the document, its graph's and its share of the merged graph, built without
    /// copying what need not be.
    pub fn into_quads(self) -> Vec<Quad> {
        let doc = GraphName::NamedNode(self.doc);
        let merged = GraphName::NamedNode(merged_graph());
        let mut quads = Vec::with_capacity(2 * self.facts.len() + self.evidence.len());
        quads.extend(self.facts.iter().map(|t| t.clone().in_graph(merged.clone())));
        quads.extend(self.facts.into_iter().chain(self.evidence).map(|t| t.in_graph(doc.clone())));
        quads
    }

    /// Number of quads written for the document: its graph and its share of the merged graph.
    pub fn quad_count(&self) -> usize {
        2 * self.facts.len() + self.evidence.len()
    }
}

/// Builds the triples of one document.
pub struct GraphBuilder<'a> {
    doc: NamedNode,
    published: Option<DateValue>,
    ids: &'a Identities,
    places: std::collections::HashSet<&'a str>,
    groups: Vec<String>,
    keys: Vec<String>,
    sentences: &'a [SentenceText],
    facts: Vec<Triple>,
    evidence: Vec<Triple>,
    evidence_count: usize,
}

impl<'a> GraphBuilder<'a> {
    fn add(&mut self, s: &NamedNode, p: NamedNode, o: impl Into<Term>) {
        self.facts.push(Triple::new(s.clone(), p, o.into()));
    }

    fn add_evidence(&mut self, s: &NamedNode, p: NamedNode, o: impl Into<Term>) {
        self.evidence.push(Triple::new(s.clone(), p, o.into()));
    }

    /// A fact with its evidence.
    fn fact(&mut self, s: &NamedNode, p: NamedNode, o: impl Into<Term>, ev: &Evidence) {
        let o: Term = o.into();
        self.add(s, p.clone(), o.clone());
        self.evidence_count += 1;
        let node = iri(self.doc.as_str(), &format!("#ev{}", self.evidence_count));
        self.add_evidence(&node, rdf::TYPE.into(), NamedNode::from(rdf::STATEMENT));
        self.add_evidence(&node, rdf::TYPE.into(), iri(NG, "Evidence"));
        self.add_evidence(&node, rdf::SUBJECT.into(), s.clone());
        self.add_evidence(&node, rdf::PREDICATE.into(), p);
        self.add_evidence(&node, rdf::OBJECT.into(), o);
        self.add_evidence(&node, iri(PROV, "wasDerivedFrom"), self.doc.clone());
        if let Some(sentence) = self.sentences.get(ev.sentence) {
            let text = sentence.text.clone();
            self.add_evidence(&node, iri(NG, "sentence"), zh(&text));
        }
        self.add_evidence(&node, iri(NG, "charStart"), typed(&ev.start.to_string(), xsd::INTEGER));
        self.add_evidence(&node, iri(NG, "charEnd"), typed(&ev.end.to_string(), xsd::INTEGER));
    }

    /// The identity key of a person, project or event, read when later documents are resolved.
    fn identity(&mut self, s: &NamedNode, key: &Key) {
        let (group, encoded) = (key.group(), key.encode());
        // In the document's graph only: the merged graph holds entities, not their mentions.
        self.add_evidence(s, iri(NG, "identityGroup"), plain(&group));
        self.add_evidence(s, iri(NG, "identityKey"), plain(&encoded));
        self.groups.push(group);
        self.keys.push(encoded);
    }

    /// The date of the article, for posts and statuses seen in it.
    fn seen_on(&mut self, s: &NamedNode) {
        if let Some(d) = self.published {
            self.add(s, iri(NG, "seenOn"), date_literal(d));
        }
    }

    fn label(&mut self, s: &NamedNode, name: &str) {
        self.add(s, rdfs::LABEL.into(), zh(name));
        self.add(s, iri(SCHEMA, "name"), zh(name));
        self.add(s, iri(NG, "mentionedIn"), self.doc.clone());
    }
}

/// Everything one document contributes: its description and every extracted fact, with evidence.
/// `source` is the document's identity (a canonical path or a name the user gave).
pub fn document_graph(content: &str, source: &str, x: &Extraction) -> DocumentGraph {
    let doc = document_iri(source);
    let hash = content_hash(content);
    let ids = Identities::of(x, &doc.as_str()[DOC.len()..DOC.len() + 8]);
    let mut b = GraphBuilder {
        doc: doc.clone(),
        published: x.published,
        ids: &ids,
        places: x.places.iter().map(|p| p.code.as_str()).collect(),
        groups: Vec::new(),
        keys: Vec::new(),
        sentences: &x.sentences,
        facts: Vec::new(),
        evidence: Vec::new(),
        evidence_count: 0,
    };
    b.add(&doc, rdf::TYPE.into(), iri(SCHEMA, "NewsArticle"));
    b.add(&doc, rdf::TYPE.into(), iri(PROV, "Entity"));
    b.add(&doc, iri(DCTERMS, "source"), plain(source));
    b.add(&doc, iri(DCTERMS, "identifier"), plain(&hash));
    if let Some(d) = x.published {
        b.add(&doc, iri(DCTERMS, "date"), date_literal(d));
    }
    b.add(&doc, iri(NG, "factCount"), typed(&x.fact_count().to_string(), xsd::INTEGER));
    places(&mut b, &x.places);
    organizations(&mut b, &x.organizations);
    let names = Names::new(&ids, &x.places);
    persons(&mut b, &x.persons, &names);
    projects(&mut b, &x.projects, &names);
    events(&mut b, &x.events, &names);
    let mut groups = b.groups;
    groups.sort();
    groups.dedup();
    let keys = b.keys;
    let mut facts = b.facts;
    // The key renders the object, so it is computed once per fact rather than per comparison.
    facts.sort_by_cached_key(triple_key);
    facts.dedup();
    DocumentGraph { doc, hash, facts, evidence: b.evidence, groups, keys }
}

fn triple_key(t: &Triple) -> (String, String, String) {
    let s = match &t.subject {
        oxigraph::model::NamedOrBlankNode::NamedNode(n) => n.as_str(),
        _ => "",
    };
    (s.to_owned(), t.predicate.as_str().to_owned(), t.object.to_string())
}

fn level_class(level: &str) -> &'static str {
    match level {
        "province" => "Province",
        "city" => "City",
        _ => "County",
    }
}

fn places(b: &mut GraphBuilder, places: &[Place]) {
    for p in places {
        let node = place_iri(&p.code);
        describe_place(b, &node, &p.name, p.level, &p.code);
        b.add(&node, iri(NG, "mentionedIn"), b.doc.clone());
        let mut child = node.clone();
        for (i, (name, level, code)) in p.parents.iter().enumerate() {
            let parent = place_iri(code);
            describe_place(b, &parent, name, level, code);
            let ev = p.evidence[0].clone();
            if i == 0 {
                b.fact(&child, iri(SCHEMA, "containedInPlace"), parent.clone(), &ev);
            } else {
                b.add(&child, iri(SCHEMA, "containedInPlace"), parent.clone());
            }
            child = parent;
        }
    }
}

fn describe_place(b: &mut GraphBuilder, node: &NamedNode, name: &str, level: &str, code: &str) {
    b.add(node, rdf::TYPE.into(), iri(SCHEMA, "AdministrativeArea"));
    b.add(node, rdf::TYPE.into(), iri(NG, level_class(level)));
    b.add(node, rdfs::LABEL.into(), zh(name));
    b.add(node, iri(SCHEMA, "name"), zh(name));
    b.add(node, iri(NG, "adminLevel"), plain(level));
    b.add(node, iri(NG, "divisionCode"), plain(code));
}

fn org_class(t: OrgType) -> NamedNode {
    match t {
        OrgType::Company => iri(SCHEMA, "Corporation"),
        OrgType::Government => iri(SCHEMA, "GovernmentOrganization"),
        OrgType::Other => iri(SCHEMA, "Organization"),
    }
}

fn organizations(b: &mut GraphBuilder, orgs: &[Organization]) {
    let ids = b.ids;
    for (o, id) in orgs.iter().zip(&ids.orgs) {
        let node = id.iri.clone();
        if id.short_form_of.is_some() {
            // The company named in full on the page is this node; its short form is an alias.
            for a in std::iter::once(&id.name).chain(&id.aliases) {
                b.fact(&node, iri(SKOS, "altLabel"), zh(a), &o.evidence[0]);
            }
            continue;
        }
        b.add(&node, rdf::TYPE.into(), iri(ORG, "Organization"));
        b.add(&node, rdf::TYPE.into(), org_class(o.org_type));
        b.label(&node, &id.name);
        b.add(&node, iri(NG, "orgType"), plain(o.org_type.as_str()));
        if let Some(key) = &id.key {
            b.identity(&node, key);
        }
        for a in &id.aliases {
            b.fact(&node, iri(SKOS, "altLabel"), zh(a), &o.evidence[0]);
        }
    }
}

/// The nodes that names written in a document refer to, looked up in constant time (a document
/// can be an archive of many pages): organisations by name or alias, places by name; the first
/// one listed wins, as in the extraction's own order.
struct Names<'a> {
    ids: &'a Identities,
    places: HashMap<String, NamedNode>,
}

impl<'a> Names<'a> {
    fn new(ids: &'a Identities, places: &[Place]) -> Self {
        let mut by_place = HashMap::new();
        for p in places {
            by_place.entry(p.name.clone()).or_insert_with(|| place_iri(&p.code));
        }
        Names { ids, places: by_place }
    }

    /// The organisation node a written name refers to (its full name when it is a known alias).
    fn org(&self, name: &str) -> Option<NamedNode> {
        self.ids.org(name).map(|o| o.iri.clone())
    }

    /// A place written by name: a division of this document or an organisation (a zone).
    fn place(&self, name: &str) -> Option<NamedNode> {
        self.places.get(name).cloned().or_else(|| self.org(name))
    }
}

fn persons(b: &mut GraphBuilder, persons: &[Person], names: &Names) {
    let ids = b.ids;
    for p in persons {
        let Some(id) = ids.persons.get(&p.name) else { continue };
        let node = id.iri.clone();
        b.add(&node, rdf::TYPE.into(), iri(SCHEMA, "Person"));
        b.label(&node, &p.name);
        b.identity(&node, &id.key);
        for (i, t) in p.titles.iter().enumerate() {
            b.fact(&node, iri(SCHEMA, "jobTitle"), zh(&t.text), &t.evidence);
            let org = t.org.as_deref().and_then(|o| names.org(o));
            if let Some(org) = &org {
                b.fact(&node, iri(SCHEMA, "memberOf"), org.clone(), &t.evidence);
            }
            let place = id.posts.get(i).cloned().flatten();
            post(b, &node, t, org, place);
        }
    }
}

/// A post a person holds, as a node of its own (W3C ORG `org:Membership`): the title, the body
/// and the division it serves, and the date of each article that states it (`ng:seenOn`; the
/// first and the last are when the post is known to have been held).
fn post(b: &mut GraphBuilder, person: &NamedNode, t: &Title, org: Option<NamedNode>, place: Option<String>) {
    let local = match (&org, &place) {
        (Some(o), _) => format!("{}@{}", t.text, o.as_str().rsplit('/').next().unwrap_or_default()),
        (None, Some(p)) => format!("{}@{p}", t.text),
        (None, None) => t.text.clone(),
    };
    let m = dependent_iri(person, "post", &local);
    b.add(&m, rdf::TYPE.into(), iri(ORG, "Membership"));
    b.add(&m, iri(NG, "title"), zh(&t.text));
    // The title's own fact (schema:jobTitle) carries the evidence.
    b.add(&m, iri(ORG, "member"), person.clone());
    if let Some(o) = org {
        b.add(&m, iri(ORG, "organization"), o);
    }
    if let Some(code) = place.filter(|c| b.places.contains(c.as_str())) {
        b.add(&m, iri(NG, "jurisdiction"), place_iri(&code));
    }
    b.seen_on(&m);
}

fn projects(b: &mut GraphBuilder, projects: &[Project], names: &Names) {
    let ids = b.ids;
    for (p, id) in projects.iter().zip(&ids.projects) {
        let node = id.iri.clone();
        b.add(&node, rdf::TYPE.into(), iri(NG, "Project"));
        b.label(&node, &p.name);
        b.identity(&node, &id.key);
        let ev = p.evidence.clone();
        if let Some(y) = &p.investment {
            b.fact(&node, iri(NG, "investmentYuan"), typed(y, xsd::DECIMAL), &ev);
        }
        if let Some(place) = p.place.as_deref().and_then(|n| names.place(n)) {
            b.fact(&node, iri(SCHEMA, "location"), place, &ev);
        }
        if let Some(inv) = p.investor.as_deref().and_then(|n| names.org(n)) {
            b.fact(&node, iri(NG, "investor"), inv, &ev);
        }
        if let Some(st) = p.status {
            b.fact(&node, iri(NG, "status"), plain(st.as_str()), &ev);
            status_report(b, &node, st, &ev);
        }
    }
}

/// A project's status as one article reports it, with the article's date: the steps of its
/// timeline once its mentions are one project (签约 → 开工 → 投产).
fn status_report(b: &mut GraphBuilder, project: &NamedNode, status: ProjectStatus, ev: &Evidence) {
    let when = b.published.map(|d| format!("@{}", d.iso())).unwrap_or_default();
    let r = dependent_iri(project, "status", &format!("{}{when}", status.as_str()));
    // The status's own fact (ng:status) carries the evidence.
    let _ = ev;
    b.add(project, iri(NG, "statusReport"), r.clone());
    b.add(&r, rdf::TYPE.into(), iri(NG, "StatusReport"));
    b.add(&r, iri(NG, "status"), plain(status.as_str()));
    if let Some(d) = b.published {
        b.add(&r, iri(DCTERMS, "date"), date_literal(d));
    }
}

fn events(b: &mut GraphBuilder, events: &[Event], names: &Names) {
    let ids = b.ids;
    for (e, id) in events.iter().zip(&ids.events) {
        let node = id.iri.clone();
        b.add(&node, rdf::TYPE.into(), iri(SCHEMA, "Event"));
        b.label(&node, &e.name);
        b.identity(&node, &id.key);
        if let Some(d) = e.date {
            b.fact(&node, iri(SCHEMA, "startDate"), date_literal(d), &e.evidence);
        }
        if let Some(d) = e.end_date {
            b.fact(&node, iri(SCHEMA, "endDate"), date_literal(d), &e.evidence);
        }
        if let Some(place) = e.place.as_deref().and_then(|n| names.place(n)) {
            b.fact(&node, iri(SCHEMA, "location"), place, &e.evidence);
        }
        if let Some(n) = e.aggregate_projects {
            b.fact(&node, iri(NG, "aggregateProjects"), typed(&n.to_string(), xsd::INTEGER), &e.evidence);
        }
        if let Some(y) = &e.aggregate_investment {
            b.fact(&node, iri(NG, "aggregateInvestmentYuan"), typed(y, xsd::DECIMAL), &e.evidence);
        }
        for part in &e.participants {
            let person = ids.person(&part.person);
            b.fact(&node, iri(SCHEMA, "attendee"), person.clone(), &part.evidence);
            let pnode = dependent_iri(&node, "participation", &part.person);
            b.add(&node, iri(NG, "participation"), pnode.clone());
            b.add(&pnode, rdf::TYPE.into(), iri(NG, "Participation"));
            b.add(&pnode, iri(NG, "participant"), person);
            b.fact(&pnode, iri(NG, "role"), plain(part.role.as_str()), &part.evidence);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    const TEXT: &str = "3月4日，全市优化营商环境大会在洛阳召开。市委书记秦守源出席并讲话。";

    fn quads() -> Vec<Quad> {
        document_graph(TEXT, "a.txt", &extract(TEXT)).document_quads().collect()
    }

    fn has(quads: &[Quad], s: &str, p: &str, o: &str) -> bool {
        quads.iter().any(|q| q.subject.to_string().contains(s) && q.predicate.as_str().ends_with(p) && q.object.to_string().contains(o))
    }

    #[test]
    fn entities_have_stable_iris_and_labels_in_chinese() {
        let q = quads();
        assert!(has(&q, "person/秦守源@410000", "jobTitle", "\"市委书记\"@zh"));
        assert!(has(&q, "place/410300", "adminLevel", "\"city\""));
        assert!(has(&q, "place/410300", "containedInPlace", "place/410000"));
        assert!(q.iter().all(|quad| quad.graph_name.to_string().contains("/doc/")));
    }

    #[test]
    fn every_fact_has_evidence_with_sentence_and_span() {
        let q = quads();
        let title_ev = q
            .iter()
            .find(|quad| quad.predicate.as_str().ends_with("#object") && quad.object.to_string() == "\"市委书记\"@zh")
            .map(|quad| quad.subject.clone())
            .expect("an evidence node for the title");
        let about = |p: &str| {
            q.iter().find(|quad| quad.subject == title_ev && quad.predicate.as_str().ends_with(p)).map(|quad| quad.object.to_string())
        };
        assert!(about("sentence").unwrap().contains("市委书记秦守源出席并讲话"));
        let start: usize = about("charStart").unwrap().split('"').nth(1).unwrap().parse().unwrap();
        let end: usize = about("charEnd").unwrap().split('"').nth(1).unwrap().parse().unwrap();
        let chars: Vec<char> = TEXT.chars().collect();
        assert!(chars[start..end].iter().collect::<String>().contains("秦守源"));
        assert!(about("wasDerivedFrom").unwrap().contains("/doc/"));
    }

    #[test]
    fn participation_carries_the_role() {
        let q = quads();
        assert!(has(&q, "participation/秦守源", "#role", "\"spoke\""));
        assert!(has(&q, "event/", "attendee", "person/秦守源"));
        assert!(has(&q, "event/", "startDate", "--03-04"));
    }
}
