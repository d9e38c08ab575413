//! `newsgraph evidence NAME`: every fact about an entity, with the sentence and document it was
//! read from, so that any edge of the graph can be checked against its source.

use crate::query::{run_query, QueryFormat};
use anyhow::{bail, Result};
use oxigraph::model::Literal;
use oxigraph::store::Store;
use std::io::Write;

/// Facts whose subject or object is the entity named `$NEEDLES` (label or alias), or a
/// participation of it, each with its evidence.
const EVIDENCE: &str = r#"PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX ng: <https://newsgraph.local/ns#>
SELECT DISTINCT ?about ?relation ?value ?sentence ?document ?start ?end WHERE {
  VALUES ?label { $NEEDLES }
  ?entity rdfs:label|skos:altLabel ?label .
  # Evidence lives in the graph of the document it was read from.
  GRAPH ?doc {
    { ?ev rdf:subject ?entity } UNION { ?ev rdf:object ?entity } UNION { ?s ng:participant ?entity . ?ev rdf:subject ?s }
    ?ev a ng:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
        ng:sentence ?text ; ng:charStart ?start ; ng:charEnd ?end .
    OPTIONAL { ?doc dcterms:source ?src }
  }
  OPTIONAL { ?s rdfs:label ?sl }
  OPTIONAL { ?event ng:participation ?s ; rdfs:label ?el }
  OPTIONAL { ?o rdfs:label ?ol }
  BIND(STR(COALESCE(?sl, ?el)) AS ?about)
  BIND(REPLACE(STR(?p), "^.*[#/]", "") AS ?relation)
  BIND(STR(COALESCE(?ol, ?o)) AS ?value)
  BIND(STR(?text) AS ?sentence)
  BIND(STR(COALESCE(?src, ?doc)) AS ?document)
}
ORDER BY ?document ?start ?relation"#;

/// Prints the evidence table for `name`; an error when the store knows nothing about it.
pub fn print_evidence(store: &Store, name: &str, format: Option<QueryFormat>, out: &mut dyn Write) -> Result<()> {
    // The name goes in as an RDF literal written by oxigraph, which escapes quotes and the like:
    // user text is never pasted into the query as it stands.
    let needles = format!("{} {}", Literal::new_simple_literal(name), Literal::new_language_tagged_literal_unchecked(name, "zh"));
    let query = EVIDENCE.replace("$NEEDLES", &needles);
    let mut buffer = Vec::new();
    let outcome = run_query(store, &query, format, None, &mut buffer)?;
    if outcome.rows == 0 {
        bail!("no facts about '{name}' in the store (names are matched exactly, with aliases)");
    }
    out.write_all(&buffer)?;
    if format.is_none() {
        // The merges behind the entity: which mentions, from which documents, on what ground.
        let groups = crate::resolve::explain::explain(store, name)?;
        if !groups.is_empty() {
            writeln!(out, "\nMentions merged into this entity (newsgraph resolve --explain shows what was kept apart):")?;
            crate::resolve::explain::write_text(&groups, false, out)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> Store {
        let store = Store::new().unwrap();
        crate::store::ingest(&store, "3月4日，全市营商环境大会在洛阳召开。市委书记秦守源出席并讲话。", "a.txt").unwrap();
        store
    }

    #[test]
    fn lists_each_fact_with_its_sentence_and_document() {
        let mut out = Vec::new();
        print_evidence(&store(), "秦守源", Some(QueryFormat::Csv), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("jobTitle,市委书记"), "{text}");
        assert!(text.contains("role,spoke"), "{text}");
        assert!(text.contains("a.txt"), "{text}");
        assert!(text.contains("市委书记秦守源出席并讲话"), "{text}");
    }

    #[test]
    fn unknown_names_and_hostile_text_are_errors_not_injections() {
        for name in ["无此人", "\"} ?x ?y ?z . #", "秦守源\" || true || \""] {
            let err = print_evidence(&store(), name, None, &mut Vec::new()).unwrap_err().to_string();
            assert!(err.contains("no facts"), "{err}");
        }
    }
}
