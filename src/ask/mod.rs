//! Questions in Chinese answered from the knowledge graph with generated SPARQL.
//!
//! [`parse`] reads a question into a [`Question`] (the forms are a table, [`parse::FORMS`]);
//! [`resolve`] turns the names in it into entities of the graph (exact label or alias first, then
//! fuzzy); [`sparql`] writes the queries with those entities' IRIs; [`answer`] runs them and builds
//! a [`Table`]. Relations between two entities are the shortest paths of the entity graph.

pub mod answer;
pub mod parse;
pub mod resolve;
pub mod sparql;

pub use parse::{parse, parse_all, Question};

use crate::table::{OutputFormat, Table};
use oxigraph::store::Store;
use std::fmt;
use std::io::Write;

/// The answer to a question: a table, a heading saying what it is, and the queries that made it.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// What the table shows, e.g. "民营企业家座谈会（2025-03-03）的出席人员"; may run over several lines.
    pub heading: String,
    pub table: Table,
    /// The SPARQL that was run, in order (for `--explain`).
    pub queries: Vec<String>,
    /// What to say when the table is empty ("没有找到…").
    pub empty_message: String,
}

impl Answer {
    /// Writes the answer: heading and table (or the empty message) on a terminal; only the table
    /// (possibly empty) as JSON or CSV, so that the output stays machine-readable.
    pub fn write(&self, format: OutputFormat, out: &mut dyn Write) -> std::io::Result<()> {
        match format {
            OutputFormat::Table if self.table.is_empty() => writeln!(out, "{}", self.empty_message),
            OutputFormat::Table => {
                writeln!(out, "{}", self.heading)?;
                self.table.write(format, out)
            }
            OutputFormat::Json | OutputFormat::Csv => self.table.write(format, out),
        }
    }

    /// The queries, separated by blank lines, as `--explain` prints them.
    pub fn explain(&self) -> String {
        self.queries.iter().map(|q| q.trim_end()).collect::<Vec<_>>().join("\n\n") + "\n"
    }
}

/// Why a question has no answer.
#[derive(Debug)]
pub enum AskError {
    /// No form matches the question.
    UnknownQuestion(String),
    /// A name matches nothing of the kind asked for.
    UnknownName { name: String, what: &'static str },
    /// A name matches several entities; the candidates as users can tell them apart.
    Ambiguous { name: String, what: &'static str, candidates: Vec<String> },
    /// Reading the store failed.
    Query(anyhow::Error),
}

impl fmt::Display for AskError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AskError::UnknownQuestion(q) => {
                write!(f, "无法理解这个问题：“{}”。支持的问法：\n{}", q.trim(), parse::help())
            }
            AskError::UnknownName { name, what } => write!(f, "没有找到名为“{name}”的{what}"),
            AskError::Ambiguous { name, what, candidates } => {
                write!(f, "“{name}”可以指{}个{what}，请说得更具体些：", candidates.len())?;
                candidates.iter().try_for_each(|c| write!(f, "\n  {c}"))
            }
            // The cause follows as the source (`{:#}` prints it).
            AskError::Query(_) => write!(f, "reading the store failed"),
        }
    }
}

impl std::error::Error for AskError {
    /// The store's error, so that a caller can tell a read that passed its bounds from others.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            AskError::Query(e) => Some(e.as_ref()),
            _ => None,
        }
    }
}

impl From<anyhow::Error> for AskError {
    fn from(e: anyhow::Error) -> Self {
        AskError::Query(e)
    }
}

/// Answers a question from the store. Every reading of the question is tried in turn (see
/// [`parse_all`]); the first whose names all resolve is answered, else the first reading's naming
/// problem is reported.
pub fn ask(store: &Store, question: &str) -> Result<Answer, AskError> {
    let readings = parse_all(question);
    if readings.is_empty() {
        return Err(AskError::UnknownQuestion(question.to_string()));
    }
    // Names are resolved with as little of the graph as they need; evidence is read only for the
    // edges an answer shows.
    let graphs = resolve::Graphs::new(store);
    let mut first_problem = None;
    for reading in &readings {
        match answer::answer(store, &graphs, reading) {
            Err(e @ (AskError::UnknownName { .. } | AskError::Ambiguous { .. })) => {
                first_problem.get_or_insert(e);
            }
            done => return done,
        }
    }
    Err(first_problem.expect("at least one reading"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf::{self, NG, SCHEMA};
    use oxigraph::model::vocab::{rdf as rdfv, rdfs, xsd};
    use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};

    const PAGE: &str = "3月4日，全市营商环境大会在洛阳召开。市委书记秦守源主持会议并讲话，副市长柳新宇出席。\n\
        星阙新能源集团在偃师区投资12.5亿元建设200兆瓦独立储能电站项目。";

    /// A person and an event whose names are SPARQL syntax, stored as the pipeline would store them.
    const HOSTILE_PERSON: &str = "张\"}#三";
    const HOSTILE_EVENT: &str = "会议\"} . ?s ?p ?o } #";
    /// A place (a city: its short form drops 市) and a project named so, with the person's posts
    /// there and the project's status.
    const HOSTILE_PLACE: &str = "洛\"} #阳市";
    const HOSTILE_PLACE_SHORT: &str = "洛\"} #阳";
    const HOSTILE_PROJECT: &str = "储能\"} . ?s ?p ?o } #电站项目";

    fn store() -> Store {
        let store = Store::new().unwrap();
        crate::store::ingest(&store, PAGE, "a.txt").unwrap();
        let g = GraphName::NamedNode(NamedNode::new("https://newsgraph.local/doc/hostile").unwrap());
        let (person, event) = (rdf::entity_iri("person", HOSTILE_PERSON), rdf::entity_iri("event", HOSTILE_EVENT));
        let part = NamedNode::new(format!("{}/participation/x", event.as_str())).unwrap();
        let (place, project) = (rdf::place_iri("999901"), rdf::entity_iri("project", HOSTILE_PROJECT));
        let (deputy, secretary) = (rdf::dependent_iri(&person, "post", "a"), rdf::dependent_iri(&person, "post", "b"));
        let report = rdf::dependent_iri(&project, "status", "started");
        let p = |s: &str| NamedNode::new(s).unwrap();
        let zh = |s: &str| -> Term { Literal::new_language_tagged_literal(s, "zh").unwrap().into() };
        let day = |s: &str| -> Term { Literal::new_typed_literal(s, xsd::DATE).into() };
        let org = |local: &str| p(&format!("http://www.w3.org/ns/org#{local}"));
        let quads = [
            (person.clone(), rdfv::TYPE.into_owned(), Term::from(p(&format!("{SCHEMA}Person")))),
            (person.clone(), rdfs::LABEL.into_owned(), zh(HOSTILE_PERSON)),
            (person.clone(), p(&format!("{SCHEMA}name")), zh(HOSTILE_PERSON)),
            (person.clone(), p(&format!("{SCHEMA}jobTitle")), zh("副市长")),
            (event.clone(), rdfv::TYPE.into_owned(), p(&format!("{SCHEMA}Event")).into()),
            (event.clone(), rdfs::LABEL.into_owned(), zh(HOSTILE_EVENT)),
            (event.clone(), p(&format!("{SCHEMA}name")), zh(HOSTILE_EVENT)),
            (event.clone(), p(&format!("{SCHEMA}attendee")), person.clone().into()),
            (event.clone(), p(&format!("{NG}participation")), part.clone().into()),
            (part.clone(), p(&format!("{NG}participant")), person.clone().into()),
            (part, p(&format!("{NG}role")), Literal::new_simple_literal("presided").into()),
            (place.clone(), rdfv::TYPE.into_owned(), p(&format!("{SCHEMA}AdministrativeArea")).into()),
            (place.clone(), rdfs::LABEL.into_owned(), zh(HOSTILE_PLACE)),
            (place.clone(), p(&format!("{SCHEMA}name")), zh(HOSTILE_PLACE)),
            // 副市长 of the place; and a title naming it in short, without a jurisdiction.
            (deputy.clone(), rdfv::TYPE.into_owned(), org("Membership").into()),
            (deputy.clone(), org("member"), person.clone().into()),
            (deputy.clone(), p(&format!("{NG}title")), zh("副市长")),
            (deputy.clone(), p(&format!("{NG}jurisdiction")), place.clone().into()),
            (deputy, p(&format!("{NG}seenOn")), day("2025-03-04")),
            (secretary.clone(), rdfv::TYPE.into_owned(), org("Membership").into()),
            (secretary.clone(), org("member"), person.clone().into()),
            (secretary.clone(), p(&format!("{NG}title")), zh(&format!("{HOSTILE_PLACE_SHORT}市委书记"))),
            (secretary, p(&format!("{NG}seenOn")), day("2025-03-05")),
            (project.clone(), rdfv::TYPE.into_owned(), p(&format!("{NG}Project")).into()),
            (project.clone(), rdfs::LABEL.into_owned(), zh(HOSTILE_PROJECT)),
            (project.clone(), p(&format!("{SCHEMA}name")), zh(HOSTILE_PROJECT)),
            (project.clone(), p(&format!("{SCHEMA}location")), place.into()),
            (project, p(&format!("{NG}statusReport")), report.clone().into()),
            (report.clone(), rdfv::TYPE.into_owned(), p(&format!("{NG}StatusReport")).into()),
            (report.clone(), p(&format!("{NG}status")), Literal::new_simple_literal("started").into()),
            (report, p("http://purl.org/dc/terms/date"), day("2025-03-04")),
        ];
        // As the store model has it: in the document's graph and in the merged graph.
        let merged = GraphName::NamedNode(rdf::merged_graph());
        for (s, pr, o) in quads {
            store.insert(&Quad::new(s.clone(), pr.clone(), o.clone(), g.clone())).unwrap();
            store.insert(&Quad::new(s, pr, o, merged.clone())).unwrap();
        }
        store
    }

    fn column(answer: &Answer, name: &str) -> Vec<String> {
        answer.table.column(name).into_iter().map(str::to_string).collect()
    }

    #[test]
    fn stored_names_full_of_sparql_syntax_are_answered_through_their_iris() {
        let store = store();
        let events = ask(&store, &format!("{HOSTILE_PERSON}出席了哪些活动？")).unwrap();
        assert_eq!(column(&events, "活动"), [HOSTILE_EVENT]);
        assert_eq!(column(&events, "角色"), ["主持"]);
        let attendees = ask(&store, &format!("谁出席了“{HOSTILE_EVENT}”？")).unwrap();
        assert_eq!(column(&attendees, "姓名"), [HOSTILE_PERSON]);
        let posts = ask(&store, &format!("{HOSTILE_PERSON}担任什么职务")).unwrap();
        assert_eq!(column(&posts, "职务"), ["副市长"]);
        let history = ask(&store, &format!("{HOSTILE_PERSON}担任过哪些职务")).unwrap();
        assert_eq!(column(&history, "职务"), ["副市长", &format!("{HOSTILE_PLACE_SHORT}市委书记")]);
        assert_eq!(column(&history, "机构或地区"), [HOSTILE_PLACE, ""]);
        assert_eq!(column(&history, "首次出现"), ["2025-03-04", "2025-03-05"]);
        // The place's name goes into the query only as literals written by oxigraph.
        let deputies = ask(&store, &format!("2025年{HOSTILE_PLACE}副市长是谁")).unwrap();
        assert_eq!(column(&deputies, "姓名"), [HOSTILE_PERSON]);
        let secretaries = ask(&store, &format!("{HOSTILE_PLACE_SHORT}市委书记是谁")).unwrap();
        assert_eq!(column(&secretaries, "姓名"), [HOSTILE_PERSON]);
        assert!(ask(&store, &format!("2024年{HOSTILE_PLACE}副市长是谁")).unwrap().table.is_empty());
        let progress = ask(&store, &format!("{HOSTILE_PROJECT}进展如何")).unwrap();
        assert_eq!(column(&progress, "进展"), ["开工"]);
        assert_eq!(column(&progress, "所在地"), [HOSTILE_PLACE]);
        for answer in [&events, &attendees, &posts, &history, &deputies, &secretaries, &progress] {
            for q in &answer.queries {
                assert!(!q.contains(HOSTILE_PERSON) && !q.contains("?o }") && !q.contains(HOSTILE_PLACE_SHORT), "{q}");
            }
        }
    }

    #[test]
    fn every_form_is_answered_on_a_small_page() {
        let store = store();
        let ok = |q: &str| ask(&store, q).unwrap_or_else(|e| panic!("{q}: {e}"));
        assert_eq!(column(&ok("谁出席了营商环境大会"), "姓名"), ["秦守源", "柳新宇"]);
        assert_eq!(column(&ok("3月4日的活动有哪些人参加"), "姓名"), ["秦守源", "柳新宇"]);
        assert_eq!(column(&ok("柳新宇出席了哪些活动"), "角色"), ["出席"]);
        assert_eq!(ok("谁参加了哪些活动").table.rows.len(), 3);
        assert_eq!(column(&ok("秦守源是谁"), "职务"), ["市委书记"]);
        assert_eq!(column(&ok("洛阳有哪些项目"), "项目"), ["200兆瓦独立储能电站项目"]);
        assert_eq!(column(&ok("偃师的项目总投资是多少"), "投资额"), ["12.5亿元", "12.5亿元"]);
        assert_eq!(column(&ok("哪些公司在洛阳市投资"), "投资方"), ["星阙新能源集团"]);
        assert_eq!(column(&ok("谁和秦守源一起出席过活动"), "姓名"), ["柳新宇"]);
        assert_eq!(column(&ok("秦守源和柳新宇有什么关系"), "客体"), ["全市营商环境大会", "全市营商环境大会"]);
        assert_eq!(column(&ok("投资最多的项目是哪些"), "排名"), ["1"]);
        assert_eq!(column(&ok("秦守源担任过哪些职务"), "职务"), ["市委书记"]);
        assert_eq!(column(&ok("洛阳市委书记是谁"), "姓名"), ["秦守源"]);
        assert_eq!(column(&ok("洛阳副市长是谁"), "姓名"), ["柳新宇"]);
        assert!(ok("洛阳市长是谁").table.is_empty());
        let progress = ok("200兆瓦独立储能电站项目进展如何");
        assert!(progress.table.is_empty() && progress.empty_message.contains("投资额：12.5亿元"), "{}", progress.empty_message);
    }

    #[test]
    fn problems_are_told_apart() {
        let store = store();
        assert!(matches!(ask(&store, "明天会下雨吗"), Err(AskError::UnknownQuestion(_))));
        assert!(matches!(ask(&store, "李四出席了哪些活动"), Err(AskError::UnknownName { what: "人物", .. })));
        let err = ask(&store, "会有哪些人参加").unwrap_err();
        assert!(matches!(err, AskError::Ambiguous { ref candidates, .. } if candidates.len() == 2), "{err}");
        assert!(err.to_string().contains("全市营商环境大会（活动，--03-04）"), "{err}");
    }
}
