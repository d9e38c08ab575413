//! Resolved questions → SPARQL text.
//!
//! Entities go in as IRIs written by oxigraph ([`iri`]) and every other value as a literal written
//! by oxigraph ([`literal`]); nothing a user typed is pasted into a query. Comments are fixed text.

use super::parse::{Day, Period, DIVISION_SUFFIXES};
use crate::graph::ROLES;
use oxigraph::model::vocab::xsd;
use oxigraph::model::{Literal, NamedNode};

/// The prefixes every generated query starts with.
pub const PREFIXES: &str = "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX schema: <http://schema.org/>
PREFIX ng: <https://newsgraph.local/ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX org: <http://www.w3.org/ns/org#>
";

/// An IRI in SPARQL syntax (`<…>`), as oxigraph writes it.
pub fn iri(node: &NamedNode) -> String {
    node.to_string()
}

/// A plain string literal in SPARQL syntax, quoted and escaped by oxigraph.
pub fn literal(value: &str) -> String {
    Literal::new_simple_literal(value).to_string()
}

/// A name as the graph stores it: a `@zh` literal and a plain one, written by oxigraph, for a
/// VALUES block.
fn names_block(value: &str) -> String {
    format!("{} {}", Literal::new_language_tagged_literal_unchecked(value, "zh"), literal(value))
}

/// An integer literal, written by oxigraph.
fn integer(value: impl Into<i64>) -> String {
    Literal::from(value.into()).to_string()
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

/// The names of an entity (schema:name), to write the posts named after a place.
pub fn names_of(entity: &NamedNode) -> String {
    format!(
        "# 实体的名称
{PREFIXES}SELECT DISTINCT ?name WHERE {{
  VALUES ?e {{ {} }}
  ?e schema:name ?n .
  BIND(STR(?n) AS ?name)
}}
ORDER BY ?name
",
        iri(entity)
    )
}

/// The titles that name the place themselves: "晋中市市长" and "晋中市长" for 晋中市 and 市长.
pub fn titles_with_place(place_names: &[String], title: &str) -> Vec<String> {
    let mut out = Vec::new();
    for name in place_names {
        out.push(format!("{name}{title}"));
        if let Some(short) = DIVISION_SUFFIXES.iter().find_map(|s| name.strip_suffix(s)).filter(|s| s.chars().count() >= 2) {
            out.push(format!("{short}{title}"));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// An xsd:date literal, written by oxigraph.
fn date(y: u16, m: u8, d: u8) -> String {
    Literal::new_typed_literal(format!("{y:04}-{m:02}-{d:02}"), xsd::DATE).to_string()
}

fn days_in_month(y: u16, m: u8) -> u8 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The first and last day of a period with a year, as xsd:date literals.
fn period_bounds(period: Period) -> Option<(String, String)> {
    let y = period.year?;
    Some(match (period.month, period.day) {
        (None, _) => (date(y, 1, 1), date(y, 12, 31)),
        (Some(m), None) => (date(y, m, 1), date(y, m, days_in_month(y, m))),
        (Some(m), Some(d)) => (date(y, m, d), date(y, m, d)),
    })
}

/// Whether a date `?seen` falls in the period (with a year: between its bounds; without: in that
/// month, and day, of any year).
fn in_period(period: Period) -> String {
    if let Some((start, end)) = period_bounds(period) {
        return format!("?seen >= {start} && ?seen <= {end}");
    }
    let mut tests = Vec::new();
    if let Some(m) = period.month {
        tests.push(format!("MONTH(?seen) = {}", integer(m)));
    }
    if let Some(d) = period.day {
        tests.push(format!("DAY(?seen) = {}", integer(d)));
    }
    if tests.is_empty() {
        "true".to_string()
    } else {
        tests.join(" && ")
    }
}

/// The memberships (W3C ORG) of a post in a place: the title exactly (市长 is not 副市长) with the
/// place as jurisdiction or body (or a body named after it: 晋中市委), or a title that names the
/// place ([`titles_with_place`]). Each with the person, the body or place, and the first and last
/// dates it is seen. With a period, only those seen in an article of that time (`?seenThen` 1), or,
/// when the period has a year, seen before and after it (`?seenThen` 0: held then, by inference).
pub fn office_holders(area: &NamedNode, place_names: &[String], title: &str, period: Option<Period>) -> String {
    let bare = names_block(title);
    let full: Vec<String> = titles_with_place(place_names, title).iter().map(|t| names_block(t)).collect();
    let named_after: Vec<String> = place_names.iter().map(|n| format!("STRSTARTS(STR(?bn), {})", literal(n))).collect();
    let named_after = if named_after.is_empty() { "false".to_string() } else { named_after.join(" || ") };
    let (hit, having) = match period {
        None => (String::new(), String::new()),
        Some(p) => {
            let hit = format!("  BIND(COALESCE(IF({}, 1, 0), 0) AS ?hit)\n", in_period(p));
            let spans =
                period_bounds(p).map(|(start, end)| format!(" || (MIN(?seen) <= {end} && MAX(?seen) >= {start})")).unwrap_or_default();
            (hit, format!("HAVING (MAX(?hit) = 1{spans})\n"))
        }
    };
    let seen_then = if period.is_some() { " (MAX(?hit) AS ?seenThen)" } else { "" };
    format!(
        "# 某地某职务的任职者（W3C ORG 任职记录）
{PREFIXES}SELECT ?m ?person (SAMPLE(?pname) AS ?name) ?title (GROUP_CONCAT(DISTINCT ?orgName; separator=\"、\") AS ?orgs) (MIN(?seen) AS ?firstSeen) (MAX(?seen) AS ?lastSeen){seen_then} WHERE {{
  {{
    VALUES ?t {{ {bare} }}
    VALUES ?area {{ {area} }}
    ?m ng:title ?t .
    {{ ?m ng:jurisdiction ?area }} UNION {{ ?m org:organization ?area }} UNION {{
      ?m org:organization/schema:name ?bn .
      FILTER({named_after})
    }}
  }} UNION {{
    VALUES ?t {{ {full} }}
    ?m ng:title ?t .
  }}
  ?m a org:Membership ; org:member ?person .
  ?person schema:name ?pn .
  BIND(STR(?pn) AS ?pname)
  BIND(STR(?t) AS ?title)
  OPTIONAL {{ ?m ng:seenOn ?seen }}
{hit}  OPTIONAL {{ ?m org:organization/schema:name ?on }}
  OPTIONAL {{ ?m ng:jurisdiction/schema:name ?jn }}
  BIND(STR(COALESCE(?on, ?jn)) AS ?orgName)
}}
GROUP BY ?m ?person ?title
{having}ORDER BY ?firstSeen ?name ?title
",
        area = iri(area),
        full = full.join(" "),
    )
}

/// Every post (W3C ORG membership) of a person: the title, the body or the place it serves, and
/// the first and last dates of the articles that state it.
pub fn post_history(person: &NamedNode) -> String {
    format!(
        "# 某人担任过的职务（W3C ORG 任职记录）及首次、最近见于报道的日期
{PREFIXES}SELECT ?m ?title (GROUP_CONCAT(DISTINCT ?orgName; separator=\"、\") AS ?orgs) (MIN(?seen) AS ?firstSeen) (MAX(?seen) AS ?lastSeen) WHERE {{
  VALUES ?person {{ {person} }}
  ?m a org:Membership ; org:member ?person ; ng:title ?t .
  BIND(STR(?t) AS ?title)
  OPTIONAL {{ ?m ng:seenOn ?seen }}
  OPTIONAL {{ ?m org:organization/schema:name ?on }}
  OPTIONAL {{ ?m ng:jurisdiction/schema:name ?jn }}
  BIND(STR(COALESCE(?on, ?jn)) AS ?orgName)
}}
GROUP BY ?m ?title
ORDER BY ?firstSeen ?title
",
        person = iri(person),
    )
}

/// `?rank`: the order of project statuses in a project's life (planned first), unknown ones last.
fn status_rank(var: &str) -> String {
    let mut expr = (super::answer::STATUS_ZH.len() + 1).to_string();
    for (i, (status, _)) in super::answer::STATUS_ZH.iter().enumerate().rev() {
        expr = format!("IF({var} = {}, {}, {expr})", literal(status), i + 1);
    }
    expr
}

/// A project's status reports: each status with the date of the article that reports it and the
/// source files of those articles, oldest first.
pub fn status_reports(project: &NamedNode) -> String {
    format!(
        "# 项目的进展：各篇报道所述的状态及报道日期
{PREFIXES}SELECT ?report ?status ?rank ?date (GROUP_CONCAT(DISTINCT ?source; separator=\"、\") AS ?sources) WHERE {{
  VALUES ?project {{ {project} }}
  ?project ng:statusReport ?report .
  ?report ng:status ?s .
  BIND(STR(?s) AS ?status)
  BIND({rank} AS ?rank)
  OPTIONAL {{ ?report dcterms:date ?d . BIND(STR(?d) AS ?date) }}
  # The articles that report it: the graphs of the documents that state the report. The
  # project's IRI is written in the block itself, so that only that project's reports are read.
  OPTIONAL {{ GRAPH ?doc {{
    {project} ng:statusReport ?report .
    ?doc dcterms:source ?source .
  }} }}
}}
GROUP BY ?report ?status ?rank ?date
ORDER BY ?date ?rank
",
        project = iri(project),
        rank = status_rank("?status"),
    )
}

/// Where a project query looks.
#[derive(Debug, Clone, Copy)]
pub enum ProjectScope<'a> {
    /// This project.
    One(&'a NamedNode),
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
        ProjectScope::One(project) => (
            "项目的名称、所在地、投资额与投资方",
            format!("  VALUES ?project {{ {} }}\n", iri(project)),
            "  OPTIONAL { ?project ng:investmentYuan ?amt }\n",
            String::new(),
        ),
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
        let (person, event, place) = (rdf::entity_iri("person", name), rdf::entity_iri("event", name), rdf::org_iri(name));
        let project = rdf::entity_iri("project", name);
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
            names_of(&place),
            office_holders(&place, &[name.to_string()], "副市长", None),
            office_holders(
                &place,
                &[name.to_string(), format!("{name}市")],
                "市委书记",
                Some(Period { year: Some(2024), month: Some(3), day: Some(5) }),
            ),
            office_holders(&place, &[], "市长", Some(Period { year: None, month: Some(12), day: None })),
            office_holders(&place, &[name.to_string()], "县长", Some(Period { year: Some(2025), month: None, day: None })),
            post_history(&person),
            status_reports(&project),
            projects(ProjectScope::One(&project)),
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
    fn a_post_is_matched_exactly_with_or_without_the_place_in_its_title() {
        let area = NamedNode::new("https://newsgraph.local/id/place/140700").unwrap();
        assert_eq!(titles_with_place(&["晋中市".to_string()], "市长"), ["晋中市市长", "晋中市长"]);
        assert_eq!(titles_with_place(&["洛阳市".to_string()], "市委书记"), ["洛阳市委书记", "洛阳市市委书记"]);
        let month = Some(Period { year: Some(2024), month: Some(2), day: None });
        let q = office_holders(&area, &["晋中市".to_string()], "市长", month);
        assert!(q.contains("VALUES ?t { \"市长\"@zh \"市长\" }"), "{q}");
        assert!(q.contains("\"晋中市长\"@zh") && !q.contains("副市长") && !q.contains("REGEX"), "{q}");
        let (start, end) =
            ("\"2024-02-01\"^^<http://www.w3.org/2001/XMLSchema#date>", "\"2024-02-29\"^^<http://www.w3.org/2001/XMLSchema#date>");
        assert!(q.contains(&format!("?seen >= {start} && ?seen <= {end}")), "{q}");
        assert!(q.contains(&format!("HAVING (MAX(?hit) = 1 || (MIN(?seen) <= {end} && MAX(?seen) >= {start}))")), "{q}");
        // Without a year: seen in that month of any year, and no span.
        let q = office_holders(&area, &[], "市长", Some(Period { year: None, month: Some(3), day: None }));
        assert!(q.contains("MONTH(?seen) = \"3\"^^<http://www.w3.org/2001/XMLSchema#integer>") && !q.contains("MIN(?seen) <="), "{q}");
        assert!(!office_holders(&area, &[], "市长", None).contains("HAVING"));
    }

    #[test]
    fn statuses_are_ranked_in_a_projects_life() {
        let rank = status_rank("?status");
        assert!(rank.starts_with("IF(?status = \"planned\", 1, IF(?status = \"signed\", 2,"), "{rank}");
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
