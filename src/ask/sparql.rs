//! Resolved questions → SPARQL text.
//!
//! Entities go in as IRIs written by oxigraph ([`iri`]) and every other value as a literal written
//! by oxigraph ([`literal`]); nothing a user typed is pasted into a query. Comments are fixed text.

use super::parse::Day;
use crate::graph::ROLES;
use oxigraph::model::{Literal, NamedNode};

/// The prefixes every generated query starts with.
pub const PREFIXES: &str = "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX schema: <http://schema.org/>
PREFIX ng: <https://newsgraph.local/ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
";

/// An IRI in SPARQL syntax (`<…>`), as oxigraph writes it.
pub fn iri(node: &NamedNode) -> String {
    node.to_string()
}

/// A plain string literal in SPARQL syntax, quoted and escaped by oxigraph.
pub fn literal(value: &str) -> String {
    Literal::new_simple_literal(value).to_string()
}

/// Which events an attendance query covers.
#[derive(Debug, Clone, Copy)]
pub enum EventScope<'a> {
    One(&'a NamedNode),
    /// Events on that month and day (of that year, when given, or of an unknown year); a multi-day
    /// event counts on each of its days.
    Day(Day),
    All,
}

/// `?rank`: the order of roles in [`ROLES`] (presided first), unknown roles last.
fn role_rank(var: &str) -> String {
    let mut expr = (ROLES.len() + 1).to_string();
    for (i, (role, _)) in ROLES.iter().enumerate().rev() {
        expr = format!("IF({var} = {}, {}, {expr})", literal(role), i + 1);
    }
    expr
}

fn day_filter(day: Day) -> String {
    let md = literal(&format!("{:02}-{:02}", day.month, day.day));
    let mut block = format!(
        "  ?event schema:startDate ?sd .
  OPTIONAL {{ ?event schema:endDate ?ed }}
  FILTER(REGEX(STR(?sd), \"-[0-9][0-9]-[0-9][0-9]$\"))
  BIND(SUBSTR(STR(?sd), STRLEN(STR(?sd)) - 4) AS ?startDay)
  BIND(COALESCE(SUBSTR(STR(?ed), STRLEN(STR(?ed)) - 4), ?startDay) AS ?endDay)
  FILTER(?startDay <= {md} && {md} <= ?endDay)
"
    );
    if let Some(year) = day.year {
        let prefix = literal(&format!("{year:04}-"));
        block.push_str(&format!("  FILTER(STRSTARTS(STR(?sd), {prefix}) || STRSTARTS(STR(?sd), \"--\"))\n"));
    }
    block
}

/// Attendees of the events in scope: event, dates, person, role (and its rank) and titles. Events
/// of a day are listed even when nobody is recorded as attending (person unbound).
pub fn attendees(scope: EventScope) -> String {
    let (comment, filter, order) = match scope {
        EventScope::One(event) => ("活动的出席人员", format!("  VALUES ?event {{ {} }}\n", iri(event)), "?date ?eventName ?rank ?name"),
        EventScope::Day(day) => ("某日活动的出席人员", day_filter(day), "?date ?eventName ?rank ?name"),
        EventScope::All => ("全部出席记录", String::new(), "?name ?date ?eventName"),
    };
    let participation = format!(
        "?event ng:participation ?part .
?part ng:participant ?person ; ng:role ?r .
?person schema:name ?pn .
BIND(STR(?pn) AS ?name)
BIND(STR(?r) AS ?role)
BIND({} AS ?rank)
OPTIONAL {{ ?person schema:jobTitle ?t . BIND(STR(?t) AS ?title) }}",
        role_rank("?role")
    );
    let participation = if matches!(scope, EventScope::Day(_)) {
        format!("  OPTIONAL {{\n{}\n  }}\n", indent(&participation, 4))
    } else {
        format!("{}\n", indent(&participation, 2))
    };
    format!(
        "# {comment}
{PREFIXES}SELECT ?event ?eventName ?date ?endDate ?person ?name ?role ?rank (GROUP_CONCAT(DISTINCT ?title; separator=\"、\") AS ?titles) WHERE {{
{filter}  ?event a schema:Event ; schema:name ?en .
  BIND(STR(?en) AS ?eventName)
{participation}  OPTIONAL {{ ?event schema:startDate ?d . BIND(STR(?d) AS ?date) }}
  OPTIONAL {{ ?event schema:endDate ?e . BIND(STR(?e) AS ?endDate) }}
}}
GROUP BY ?event ?eventName ?date ?endDate ?person ?name ?role ?rank
ORDER BY {order}
"
    )
}

fn indent(lines: &str, by: usize) -> String {
    lines.lines().map(|l| format!("{:by$}{l}", "")).collect::<Vec<_>>().join("\n")
}

/// The events a person took part in, with dates, places and the person's role.
pub fn events_of(person: &NamedNode) -> String {
    format!(
        "# 某人出席的活动
{PREFIXES}SELECT ?event ?eventName ?date ?endDate ?role (GROUP_CONCAT(DISTINCT ?placeName; separator=\"、\") AS ?places) WHERE {{
  VALUES ?person {{ {person} }}
  ?event a schema:Event ; schema:name ?en ; ng:participation ?part .
  ?part ng:participant ?person ; ng:role ?r .
  BIND(STR(?en) AS ?eventName)
  BIND(STR(?r) AS ?role)
  OPTIONAL {{ ?event schema:startDate ?d . BIND(STR(?d) AS ?date) }}
  OPTIONAL {{ ?event schema:endDate ?e . BIND(STR(?e) AS ?endDate) }}
  OPTIONAL {{ ?event schema:location/schema:name ?pl . BIND(STR(?pl) AS ?placeName) }}
}}
GROUP BY ?event ?eventName ?date ?endDate ?role
ORDER BY ?date ?eventName
",
        person = iri(person),
    )
}

/// A person's titles, each with the organisations named with it (same evidence span) and the
/// source files that state it.
pub fn posts_of(person: &NamedNode) -> String {
    format!(
        "# 某人的职务与所属机构
{PREFIXES}SELECT ?title (GROUP_CONCAT(DISTINCT ?orgName; separator=\"、\") AS ?orgs) (GROUP_CONCAT(DISTINCT ?source; separator=\"、\") AS ?sources) WHERE {{
  VALUES ?person {{ {person} }}
  ?person schema:jobTitle ?t .
  BIND(STR(?t) AS ?title)
  # The evidence of each title, in the graph of the document that states it. The person's IRI is
  # written in the block itself, so that only that person's evidence is read.
  OPTIONAL {{ GRAPH ?doc {{
    ?ev rdf:subject {person} ; rdf:predicate schema:jobTitle ; rdf:object ?t ; a ng:Evidence ;
        ng:charStart ?cs ; ng:charEnd ?ce .
    OPTIONAL {{ ?doc dcterms:source ?source }}
    OPTIONAL {{
      ?member rdf:subject {person} ; rdf:predicate schema:memberOf ; rdf:object ?org ; a ng:Evidence ;
          ng:charStart ?cs ; ng:charEnd ?ce .
      ?org schema:name ?on .
      BIND(STR(?on) AS ?orgName)
    }}
  }} }}
}}
GROUP BY ?title
ORDER BY ?title
",
        person = iri(person),
    )
}

/// Where a project query looks.
#[derive(Debug, Clone, Copy)]
pub enum ProjectScope<'a> {
    /// Projects located in this place, in a division under it, or at it (a zone).
    In(&'a NamedNode),
    /// Projects with an amount, largest first, at most this many.
    Top(usize),
}

/// Projects with amount (the largest when documents differ), places, investors and status.
pub fn projects(scope: ProjectScope) -> String {
    let (comment, filter, amount, limit) = match scope {
        ProjectScope::In(area) => (
            "某地（含下辖地区）的项目",
            format!("  VALUES ?area {{ {} }}\n  ?project schema:location ?loc .\n  ?loc schema:containedInPlace* ?area .\n", iri(area)),
            "  OPTIONAL { ?project ng:investmentYuan ?amt }\n",
            String::new(),
        ),
        ProjectScope::Top(n) => ("投资额最高的项目", String::new(), "  ?project ng:investmentYuan ?amt .\n", format!("LIMIT {n}\n")),
    };
    format!(
        "# {comment}
{PREFIXES}SELECT ?project ?name (MAX(?amt) AS ?amount) (GROUP_CONCAT(DISTINCT ?placeName; separator=\"、\") AS ?places) (GROUP_CONCAT(DISTINCT ?investorName; separator=\"、\") AS ?investors) (SAMPLE(?st) AS ?status) WHERE {{
  ?project a ng:Project ; schema:name ?n .
{filter}{amount}  BIND(STR(?n) AS ?name)
  OPTIONAL {{ ?project schema:location/schema:name ?pl . BIND(STR(?pl) AS ?placeName) }}
  OPTIONAL {{ ?project ng:investor/schema:name ?iv . BIND(STR(?iv) AS ?investorName) }}
  OPTIONAL {{ ?project ng:status ?s . BIND(STR(?s) AS ?st) }}
}}
GROUP BY ?project ?name
ORDER BY DESC(?amount) ?name
{limit}"
    )
}

/// The total investment of the projects in a place (one amount per project) and how many have one.
pub fn investment_total(area: &NamedNode) -> String {
    format!(
        "# 某地（含下辖地区）项目的总投资
{PREFIXES}SELECT (SUM(?amount) AS ?total) (COUNT(?project) AS ?projects) WHERE {{
  {{
    SELECT ?project (MAX(?amt) AS ?amount) WHERE {{
      VALUES ?area {{ {area} }}
      ?project a ng:Project ; schema:location ?loc ; ng:investmentYuan ?amt .
      ?loc schema:containedInPlace* ?area .
    }}
    GROUP BY ?project
  }}
}}
",
        area = iri(area),
    )
}

/// The organisations investing in projects of a place, with those projects.
pub fn investors_in(area: &NamedNode) -> String {
    format!(
        "# 在某地（含下辖地区）投资的机构
{PREFIXES}SELECT ?investor ?investorName ?orgType ?project ?projectName (MAX(?amt) AS ?amount) (GROUP_CONCAT(DISTINCT ?placeName; separator=\"、\") AS ?places) WHERE {{
  VALUES ?area {{ {area} }}
  ?project a ng:Project ; schema:name ?pn ; ng:investor ?investor ; schema:location ?loc .
  ?loc schema:containedInPlace* ?area ; schema:name ?ln .
  ?investor schema:name ?iname .
  BIND(STR(?pn) AS ?projectName)
  BIND(STR(?ln) AS ?placeName)
  BIND(STR(?iname) AS ?investorName)
  OPTIONAL {{ ?investor ng:orgType ?ot . BIND(STR(?ot) AS ?orgType) }}
  OPTIONAL {{ ?project ng:investmentYuan ?amt }}
}}
GROUP BY ?investor ?investorName ?orgType ?project ?projectName
ORDER BY ?investorName DESC(?amount) ?projectName
",
        area = iri(area),
    )
}

/// The persons who took part in an event together with a person, event by event.
pub fn co_attendees_of(person: &NamedNode) -> String {
    format!(
        "# 与某人一起出席过活动的人
{PREFIXES}SELECT ?other ?name ?event ?eventName ?date ?endDate ?role (GROUP_CONCAT(DISTINCT ?title; separator=\"、\") AS ?titles) WHERE {{
  VALUES ?me {{ {person} }}
  ?event a schema:Event ; schema:name ?en ; ng:participation ?mine, ?theirs .
  ?mine ng:participant ?me .
  ?theirs ng:participant ?other ; ng:role ?r .
  FILTER(?other != ?me)
  ?other schema:name ?on .
  BIND(STR(?en) AS ?eventName)
  BIND(STR(?on) AS ?name)
  BIND(STR(?r) AS ?role)
  OPTIONAL {{ ?event schema:startDate ?d . BIND(STR(?d) AS ?date) }}
  OPTIONAL {{ ?event schema:endDate ?e . BIND(STR(?e) AS ?endDate) }}
  OPTIONAL {{ ?other schema:jobTitle ?t . BIND(STR(?t) AS ?title) }}
}}
GROUP BY ?other ?name ?event ?eventName ?date ?endDate ?role
ORDER BY ?name ?date ?eventName
",
        person = iri(person),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::query_variables;
    use crate::rdf;

    const HOSTILE: [&str; 5] = ["a\"} . ?s ?p ?o } #", "{}#\"'", "x\\\" ; DROP ALL #", "}}}\n#", "名字\">< #注释"];

    /// Every generated query, for the entity IRIs made from `name`.
    fn all_queries(name: &str) -> Vec<String> {
        let (person, event, place) = (rdf::person_iri(name), rdf::event_iri(name, None), rdf::org_iri(name));
        vec![
            attendees(EventScope::One(&event)),
            attendees(EventScope::Day(Day { year: Some(2025), month: 2, day: 23 })),
            attendees(EventScope::All),
            events_of(&person),
            posts_of(&person),
            projects(ProjectScope::In(&place)),
            projects(ProjectScope::Top(10)),
            investment_total(&place),
            investors_in(&place),
            co_attendees_of(&person),
        ]
    }

    #[test]
    fn queries_for_hostile_names_parse_and_hold_no_raw_text() {
        for name in HOSTILE {
            for q in all_queries(name) {
                let vars = query_variables(&q).unwrap_or_else(|e| panic!("{e}\n{q}"));
                assert!(!vars.is_empty(), "{q}");
                assert!(!q.contains(name), "raw name in query:\n{q}");
            }
        }
    }

    #[test]
    fn literals_are_escaped_by_oxigraph() {
        for s in HOSTILE {
            let lit = literal(s);
            assert!(lit.starts_with('"') && lit.ends_with('"'), "{lit}");
            let q = format!("SELECT ?x WHERE {{ BIND({lit} AS ?x) }}");
            query_variables(&q).unwrap_or_else(|e| panic!("{e}\n{q}"));
        }
        assert_eq!(literal("a\"b"), "\"a\\\"b\"");
    }

    #[test]
    fn iris_are_written_in_angle_brackets() {
        assert_eq!(iri(&NamedNode::new("https://newsgraph.local/id/person/x").unwrap()), "<https://newsgraph.local/id/person/x>");
    }

    #[test]
    fn roles_are_ranked_as_in_the_role_table() {
        let rank = role_rank("?role");
        assert!(rank.starts_with("IF(?role = \"presided\", 1, IF(?role = \"spoke\", 2,"), "{rank}");
        assert!(rank.ends_with(", 6)))))"), "{rank}");
    }

    #[test]
    fn a_day_matches_by_month_and_day_and_optionally_year() {
        let q = attendees(EventScope::Day(Day { year: None, month: 2, day: 3 }));
        assert!(q.contains("\"02-03\"") && !q.contains("STRSTARTS"), "{q}");
        let q = attendees(EventScope::Day(Day { year: Some(2025), month: 12, day: 31 }));
        assert!(q.contains("\"12-31\"") && q.contains("\"2025-\""), "{q}");
    }
}
