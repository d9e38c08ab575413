//! Runs the queries of a question and builds its [`Answer`].

use super::parse::{self, Day, EventRef, Office, Question};
use super::resolve::{Graphs, Resolved, Target};
use super::sparql::{self, EventScope, ProjectScope};
use super::{Answer, AskError};
use crate::graph::{role_zh, EntityGraph, GraphPath};
use crate::query::{select, Row};
use crate::table::Table;
use oxigraph::store::Store;

/// How many projects a ranking shows.
pub const TOP_PROJECTS: usize = 10;
/// Longest relation path looked for, in edges, and how many shortest paths are shown.
pub const MAX_HOPS: usize = 6;
pub const MAX_PATHS: usize = 10;

/// Project status values and how they read in Chinese.
pub const STATUS_ZH: [(&str, &str); 5] =
    [("planned", "计划"), ("signed", "签约"), ("started", "开工"), ("in_production", "投产"), ("completed", "竣工")];

/// Organisation types and how they read in Chinese.
pub const ORG_TYPE_ZH: [(&str, &str); 3] = [("company", "企业"), ("government", "党政机关"), ("other", "其他")];

/// Resolves the names of a question and answers it.
pub fn answer(store: &Store, graphs: &Graphs, question: &Question) -> Result<Answer, AskError> {
    let resolve = |name: &str, target| graphs.resolve(name, target);
    match question {
        Question::EventAttendees(EventRef::Name(name)) => event_attendees(store, &resolve(name, Target::Event)?),
        Question::EventAttendees(EventRef::Date(day)) => day_attendees(store, *day),
        Question::PersonEvents(name) => person_events(store, &resolve(name, Target::Person)?),
        Question::AllAttendance => all_attendance(store),
        Question::PersonPosts(name) => person_posts(store, &resolve(name, Target::Person)?),
        Question::PostHistory(name) => post_history(store, &resolve(name, Target::Person)?),
        Question::OfficeHolder(office) => office_holders(store, office, &resolve(&office.place, Target::Place)?),
        Question::ProjectProgress(name) => project_progress(store, &resolve(name, Target::Project)?),
        Question::PlaceProjects(name) => place_projects(store, &resolve(name, Target::Place)?),
        Question::PlaceInvestment(name) => place_investment(store, &resolve(name, Target::Place)?),
        Question::PlaceInvestors(name) => place_investors(store, &resolve(name, Target::Place)?),
        Question::CoAttendees(name) => co_attendees(store, &resolve(name, Target::Person)?),
        Question::Relation(a, b) => {
            // Paths need the whole graph, and the names resolved in it.
            let graph = graphs.whole()?;
            let (a, b) = (super::resolve::resolve(graph, a, Target::Any)?, super::resolve::resolve(graph, b, Target::Any)?);
            relation(store, graph, &a, &b)
        }
        Question::TopProjects => top_projects(store),
    }
}

/// Runs one query, keeping its text for `--explain`.
fn run(store: &Store, queries: &mut Vec<String>, sparql: String) -> Result<Vec<Row>, AskError> {
    let rows = select(store, &sparql)?;
    queries.push(sparql);
    Ok(rows)
}

fn get<'a>(row: &'a Row, var: &str) -> &'a str {
    row.get(var).map_or("", String::as_str)
}

/// "2025-04-19", or "2025-04-19 至 2025-04-20" for an event over several days.
pub fn date_range(start: &str, end: &str) -> String {
    if end.is_empty() || end == start {
        start.to_string()
    } else {
        format!("{start} 至 {end}")
    }
}

/// A GROUP_CONCAT list ("、"-separated, any order) sorted and without repeats.
fn sorted_list(joined: &str) -> String {
    let mut items: Vec<&str> = joined.split('、').filter(|s| !s.is_empty()).collect();
    items.sort();
    items.dedup();
    items.join("、")
}

fn lookup<'a>(table: &[(&str, &'a str)], key: &'a str) -> &'a str {
    table.iter().find(|(k, _)| *k == key).map_or(key, |(_, v)| v)
}

/// A project status in Chinese (unknown values as they are).
pub fn status_zh(status: &str) -> &str {
    lookup(&STATUS_ZH, status)
}

/// An xsd:decimal amount without a useless fraction: "18600000000.0" → "18600000000".
pub fn exact_yuan(amount: &str) -> String {
    let amount = amount.trim();
    match amount.split_once('.') {
        Some((int, frac)) => {
            let frac = frac.trim_end_matches('0');
            if frac.is_empty() {
                int.to_string()
            } else {
                format!("{int}.{frac}")
            }
        }
        None => amount.to_string(),
    }
}

/// An amount in yuan as people read it: "30.06亿元", "5000万元", "800元". Exact (decimal shift,
/// no floating point); a value that is not a decimal number is returned as it is.
pub fn readable_yuan(amount: &str) -> String {
    let exact = exact_yuan(amount);
    let (sign, digits) = exact.strip_prefix('-').map_or(("", exact.as_str()), |d| ("-", d));
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if int.is_empty() || !int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit()) {
        return amount.to_string();
    }
    let int = int.trim_start_matches('0');
    let (shift, unit) = match int.len() {
        9.. => (8, "亿元"),
        5..=8 => (4, "万元"),
        _ => (0, "元"),
    };
    let (high, low) = int.split_at(int.len() - shift);
    let high = if high.is_empty() { "0" } else { high };
    let fraction = format!("{low}{frac}");
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        format!("{sign}{high}{unit}")
    } else {
        format!("{sign}{high}.{fraction}{unit}")
    }
}

/// "30.06亿元（3006000000元）"-style pair of columns: readable, exact; "未披露" when unknown.
fn amount_cells(amount: &str) -> [String; 2] {
    if amount.is_empty() {
        ["未披露".to_string(), String::new()]
    } else {
        [readable_yuan(amount), exact_yuan(amount)]
    }
}

fn attendance_table(rows: &[Row], person_first: bool) -> Table {
    let mut table = if person_first {
        Table::new(&["姓名", "职务", "活动", "日期", "角色"])
    } else {
        Table::new(&["活动", "日期", "姓名", "角色", "职务"])
    };
    for r in rows {
        let event = get(r, "eventName").to_string();
        let date = date_range(get(r, "date"), get(r, "endDate"));
        let name = get(r, "name").to_string();
        let role = role_zh(get(r, "role")).to_string();
        let titles = sorted_list(get(r, "titles"));
        table.push(if person_first { vec![name, titles, event, date, role] } else { vec![event, date, name, role, titles] });
    }
    table
}

fn event_attendees(store: &Store, event: &Resolved) -> Result<Answer, AskError> {
    let mut queries = Vec::new();
    let rows = run(store, &mut queries, sparql::attendees(EventScope::One(&event.iri)))?;
    let date = rows.first().map(|r| get(r, "date")).filter(|d| !d.is_empty());
    let heading = match date {
        Some(d) => format!("{}（{}）的出席人员：", event.label, d),
        None => format!("{}的出席人员：", event.label),
    };
    Ok(Answer {
        heading, table: attendance_table(&rows, false), queries, empty_message: format!("没有找到{}的出席人员。", event.label)
    })
}

fn day_name(day: Day) -> String {
    match day.year {
        Some(y) => format!("{y}年{}月{}日", day.month, day.day),
        None => format!("{}月{}日", day.month, day.day),
    }
}

fn day_attendees(store: &Store, day: Day) -> Result<Answer, AskError> {
    let mut queries = Vec::new();
    let rows = run(store, &mut queries, sparql::attendees(EventScope::Day(day)))?;
    let events: std::collections::BTreeSet<&str> = rows.iter().map(|r| get(r, "event")).collect();
    let attended: std::collections::BTreeSet<&str> = rows.iter().filter(|r| r.contains_key("person")).map(|r| get(r, "event")).collect();
    Ok(Answer {
        heading: format!("{}的活动（{}个，其中{}个有出席记录）及出席人员：", day_name(day), events.len(), attended.len()),
        table: attendance_table(&rows, false),
        queries,
        empty_message: format!("没有找到{}的活动。", day_name(day)),
    })
}

fn all_attendance(store: &Store) -> Result<Answer, AskError> {
    let mut queries = Vec::new();
    let rows = run(store, &mut queries, sparql::attendees(EventScope::All))?;
    Ok(Answer {
        heading: "各人出席的活动：".to_string(),
        table: attendance_table(&rows, true),
        queries,
        empty_message: "没有找到任何活动出席记录。".to_string(),
    })
}

fn person_events(store: &Store, person: &Resolved) -> Result<Answer, AskError> {
    let mut queries = Vec::new();
    let rows = run(store, &mut queries, sparql::events_of(&person.iri))?;
    let mut table = Table::new(&["活动", "日期", "地点", "角色"]);
    for r in &rows {
        table.push(vec![
            get(r, "eventName").to_string(),
            date_range(get(r, "date"), get(r, "endDate")),
            sorted_list(get(r, "places")),
            role_zh(get(r, "role")).to_string(),
        ]);
    }
    Ok(Answer {
        heading: format!("{}出席的活动：", person.label),
        table,
        queries,
        empty_message: format!("没有找到{}出席的活动。", person.label),
    })
}

fn person_posts(store: &Store, person: &Resolved) -> Result<Answer, AskError> {
    let mut queries = Vec::new();
    let rows = run(store, &mut queries, sparql::posts_of(&person.iri))?;
    let mut table = Table::new(&["姓名", "职务", "所属机构", "来源"]);
    for r in &rows {
        table.push(vec![person.label.clone(), get(r, "title").to_string(), sorted_list(get(r, "orgs")), sorted_list(get(r, "sources"))]);
    }
    Ok(Answer {
        heading: format!("{}的职务：", person.label),
        table,
        queries,
        empty_message: format!("没有找到{}的职务信息。", person.label),
    })
}

/// A post as answers show it: the memberships of one person that differ only in whether the title
/// names the place ("洛阳市副市长" and "副市长" of 洛阳市; "洛阳市委书记" and "市委书记" of 洛阳市委)
/// are one post, seen from the first date of any to the last.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Post {
    person: String,
    name: String,
    /// The fullest title first ("洛阳市副市长"), then the others.
    titles: Vec<String>,
    /// Bodies and places, sorted.
    orgs: Vec<String>,
    first: String,
    last: String,
    /// Whether an article of the period asked for states it (else it is seen before and after).
    seen_then: bool,
}

/// What tells posts apart: the title without the place it names, when the body or place is that
/// place ("洛阳市副市长" of 洛阳市 → 副市长; "洛阳市委书记" of 洛阳市委 → 市委书记).
fn post_key(title: &str, orgs: &[String]) -> String {
    match parse::split_title(title) {
        Some((place, bare)) if orgs.iter().any(|o| o.starts_with(place)) => bare,
        _ => title.to_string(),
    }
}

/// Whether two lists of bodies and places are of one place: equal, or one named after the other
/// (洛阳市委 and 洛阳市).
fn same_place(a: &[String], b: &[String]) -> bool {
    a == b || a.iter().any(|x| b.iter().any(|y| x.starts_with(y.as_str()) || y.starts_with(x.as_str())))
}

/// Membership rows (?person, ?name, ?title, ?orgs, ?firstSeen, ?lastSeen, ?seenThen) as posts, in
/// the order they are first seen (undated last).
fn merge_posts(rows: &[Row]) -> Vec<Post> {
    let mut posts: Vec<(String, Post)> = Vec::new();
    for r in rows {
        let orgs: Vec<String> = sorted_list(get(r, "orgs")).split('、').filter(|o| !o.is_empty()).map(str::to_string).collect();
        let title = get(r, "title").to_string();
        let key = post_key(&title, &orgs);
        let (first, last) = (get(r, "firstSeen").to_string(), get(r, "lastSeen").to_string());
        let seen_then = get(r, "seenThen") == "1";
        let same = posts.iter_mut().find(|(k, p)| *k == key && p.person == get(r, "person") && same_place(&p.orgs, &orgs));
        let Some((_, post)) = same else {
            let post = Post {
                person: get(r, "person").to_string(),
                name: get(r, "name").to_string(),
                titles: vec![title],
                orgs,
                first,
                last,
                seen_then,
            };
            posts.push((key, post));
            continue;
        };
        if !post.titles.contains(&title) {
            post.titles.push(title);
        }
        for o in orgs {
            if !post.orgs.contains(&o) {
                post.orgs.push(o);
            }
        }
        post.orgs.sort();
        if !first.is_empty() && (post.first.is_empty() || first < post.first) {
            post.first = first;
        }
        if last > post.last {
            post.last = last;
        }
        post.seen_then |= seen_then;
    }
    let mut posts: Vec<Post> = posts.into_iter().map(|(_, p)| p).collect();
    for p in &mut posts {
        p.titles.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then_with(|| a.cmp(b)));
    }
    posts.sort_by(|a, b| {
        let key = |p: &Post| (p.first.is_empty(), p.first.clone(), p.last.clone(), p.titles[0].clone());
        key(a).cmp(&key(b))
    });
    posts
}

/// Posts as a table; with `basis`, a column saying whether an article of the period asked for
/// states the post or it is inferred from articles before and after.
fn post_table(posts: &[Post], basis: bool) -> Table {
    let mut columns = vec!["姓名", "职务", "机构或地区", "首次出现", "最近出现"];
    if basis {
        columns.push("依据");
    }
    let mut table = Table::new(&columns);
    for p in posts {
        let mut row = vec![p.name.clone(), p.titles[0].clone(), p.orgs.join("、"), p.first.clone(), p.last.clone()];
        if basis {
            row.push(if p.seen_then { "见于该时期的报道" } else { "据前后报道推断" }.to_string());
        }
        table.push(row);
    }
    table
}

fn post_history(store: &Store, person: &Resolved) -> Result<Answer, AskError> {
    let mut queries = Vec::new();
    let mut rows = run(store, &mut queries, sparql::post_history(&person.iri))?;
    for r in &mut rows {
        r.insert("person".into(), person.iri.as_str().to_string());
        r.insert("name".into(), person.label.clone());
    }
    Ok(Answer {
        heading: format!("{}担任过的职务（按首次出现的日期）：", person.label),
        table: post_table(&merge_posts(&rows), false),
        queries,
        empty_message: format!("没有找到{}的任职记录。", person.label),
    })
}

fn office_holders(store: &Store, office: &Office, place: &Resolved) -> Result<Answer, AskError> {
    let mut queries = Vec::new();
    let names: Vec<String> = run(store, &mut queries, sparql::names_of(&place.iri))?.iter().map(|r| get(r, "name").to_string()).collect();
    let rows = run(store, &mut queries, sparql::office_holders(&place.iri, &names, &office.title, office.period))?;
    let when = office.period.map(parse::period_name).unwrap_or_default();
    let posts = merge_posts(&rows);
    let people: std::collections::BTreeSet<&str> = posts.iter().map(|p| p.person.as_str()).collect();
    Ok(Answer {
        heading: format!("{when}{}的{}（{}人）：", place.label, office.title, people.len()),
        table: post_table(&posts, office.period.is_some()),
        queries,
        empty_message: format!("没有找到{when}{}{}的任职记录。", place.label, office.title),
    })
}

/// The position of a status in a project's life ([`STATUS_ZH`]), unknown ones last.
fn status_rank(status: &str) -> usize {
    STATUS_ZH.iter().position(|(s, _)| *s == status).unwrap_or(STATUS_ZH.len())
}

fn project_progress(store: &Store, project: &Resolved) -> Result<Answer, AskError> {
    let mut queries = Vec::new();
    let info = run(store, &mut queries, sparql::projects(ProjectScope::One(&project.iri)))?;
    let mut reports = run(store, &mut queries, sparql::status_reports(&project.iri))?;
    let info = info.first();
    let field = |var: &str| info.map(|r| get(r, var)).unwrap_or_default();
    let (places, investors) = (sorted_list(field("places")), sorted_list(field("investors")));
    // A store without status reports still knows the status itself, undated.
    if reports.is_empty() && !field("status").is_empty() {
        reports.push(Row::from([("status".to_string(), field("status").to_string())]));
    }
    reports.sort_by(|a, b| {
        let key = |r: &Row| (get(r, "date").is_empty(), get(r, "date").to_string(), status_rank(get(r, "status")));
        key(a).cmp(&key(b))
    });
    let [readable, exact] = amount_cells(field("amount"));
    let mut table = Table::new(&["日期", "进展", "项目", "所在地", "投资额", "投资额（元）", "来源"]);
    for r in &reports {
        table.push(vec![
            get(r, "date").to_string(),
            status_zh(get(r, "status")).to_string(),
            project.label.clone(),
            places.clone(),
            readable.clone(),
            exact.clone(),
            sorted_list(get(r, "sources")),
        ]);
    }
    let steps: Vec<String> = reports
        .iter()
        .map(|r| match get(r, "date") {
            "" => format!("{}（日期不详）", status_zh(get(r, "status"))),
            d => format!("{}（{d}）", status_zh(get(r, "status"))),
        })
        .collect();
    let mut facts = Vec::new();
    if !places.is_empty() {
        facts.push(format!("所在地：{places}"));
    }
    if !field("amount").is_empty() {
        facts.push(format!("投资额：{readable}"));
    }
    if !investors.is_empty() {
        facts.push(format!("投资方：{investors}"));
    }
    let mut heading = format!("{}的进展：{}", project.label, steps.join(" → "));
    if !facts.is_empty() {
        heading.push_str(&format!("\n  {}", facts.join("；")));
    }
    let mut empty_message = format!("没有找到{}的进展报道", project.label);
    if !facts.is_empty() {
        empty_message.push_str(&format!("（{}）", facts.join("；")));
    }
    empty_message.push('。');
    Ok(Answer { heading, table, queries, empty_message })
}

/// Rows of a project query: project, place, readable and exact amount, investors, status.
fn project_table(rows: &[Row], ranked: bool) -> Table {
    let mut table = if ranked {
        Table::new(&["排名", "项目", "所在地", "投资额", "投资额（元）", "投资方", "状态"])
    } else {
        Table::new(&["项目", "所在地", "投资额", "投资额（元）", "投资方", "状态"])
    };
    for (i, r) in rows.iter().enumerate() {
        let [readable, exact] = amount_cells(get(r, "amount"));
        let mut row = vec![
            get(r, "name").to_string(),
            sorted_list(get(r, "places")),
            readable,
            exact,
            sorted_list(get(r, "investors")),
            status_zh(get(r, "status")).to_string(),
        ];
        if ranked {
            row.insert(0, (i + 1).to_string());
        }
        table.push(row);
    }
    table
}

fn place_projects(store: &Store, place: &Resolved) -> Result<Answer, AskError> {
    let mut queries = Vec::new();
    let rows = run(store, &mut queries, sparql::projects(ProjectScope::In(&place.iri)))?;
    Ok(Answer {
        heading: format!("{}（含下辖地区）的项目：", place.label),
        table: project_table(&rows, false),
        queries,
        empty_message: format!("没有找到位于{}的项目。", place.label),
    })
}

fn place_investment(store: &Store, place: &Resolved) -> Result<Answer, AskError> {
    let mut queries = Vec::new();
    let rows = run(store, &mut queries, sparql::projects(ProjectScope::In(&place.iri)))?;
    let totals = run(store, &mut queries, sparql::investment_total(&place.iri))?;
    let total = totals.first().map(|r| get(r, "total")).unwrap_or("0");
    let counted = totals.first().map(|r| get(r, "projects")).unwrap_or("0");
    let mut table = project_table(&rows, false);
    let heading =
        format!("{}（含下辖地区）的项目总投资：{}（{}个项目中{}个有投资额）", place.label, readable_yuan(total), rows.len(), counted);
    if !table.is_empty() {
        let [readable, exact] = amount_cells(total);
        table.push(vec!["合计".to_string(), place.label.clone(), readable, exact, String::new(), String::new()]);
    }
    Ok(Answer { heading, table, queries, empty_message: format!("没有找到位于{}的项目。", place.label) })
}

fn place_investors(store: &Store, place: &Resolved) -> Result<Answer, AskError> {
    let mut queries = Vec::new();
    let rows = run(store, &mut queries, sparql::investors_in(&place.iri))?;
    let mut table = Table::new(&["投资方", "类型", "项目", "所在地", "投资额", "投资额（元）"]);
    for r in &rows {
        let [readable, exact] = amount_cells(get(r, "amount"));
        table.push(vec![
            get(r, "investorName").to_string(),
            lookup(&ORG_TYPE_ZH, get(r, "orgType")).to_string(),
            get(r, "projectName").to_string(),
            sorted_list(get(r, "places")),
            readable,
            exact,
        ]);
    }
    Ok(Answer {
        heading: format!("在{}（含下辖地区）投资的机构：", place.label),
        table,
        queries,
        empty_message: format!("没有找到在{}投资的公司。", place.label),
    })
}

fn co_attendees(store: &Store, person: &Resolved) -> Result<Answer, AskError> {
    let mut queries = Vec::new();
    let rows = run(store, &mut queries, sparql::co_attendees_of(&person.iri))?;
    let mut table = Table::new(&["姓名", "职务", "共同出席的活动", "日期", "角色"]);
    for r in &rows {
        table.push(vec![
            get(r, "name").to_string(),
            sorted_list(get(r, "titles")),
            get(r, "eventName").to_string(),
            date_range(get(r, "date"), get(r, "endDate")),
            role_zh(get(r, "role")).to_string(),
        ]);
    }
    let people: std::collections::BTreeSet<&str> = rows.iter().map(|r| get(r, "other")).collect();
    Ok(Answer {
        heading: format!("与{}一起出席过活动的有{}人：", person.label, people.len()),
        table,
        queries,
        empty_message: format!("没有找到与{}一起出席过活动的人。", person.label),
    })
}

fn top_projects(store: &Store) -> Result<Answer, AskError> {
    let mut queries = Vec::new();
    let rows = run(store, &mut queries, sparql::projects(ProjectScope::Top(TOP_PROJECTS)))?;
    Ok(Answer {
        heading: format!("投资额最高的项目（前{TOP_PROJECTS}个）："),
        table: project_table(&rows, true),
        queries,
        empty_message: "没有找到有投资额的项目。".to_string(),
    })
}

/// One step of a path as a reader says it: (subject, relation, object), attendance read from the
/// person's side ("秦守源 出席（讲话） 推介会").
fn step(graph: &EntityGraph, edge: petgraph::graph::EdgeIndex) -> (String, String, String) {
    let relation = &graph.graph[edge];
    let (source, target) = graph.graph.edge_endpoints(edge).expect("an edge of the graph");
    let (s, o) = (&graph.graph[source].label, &graph.graph[target].label);
    if relation.predicate == "attendee" {
        // "出席（出席）" says nothing more than "出席".
        let label = if relation.roles.iter().all(|r| r == "attended") { "出席".to_string() } else { relation.label_zh() };
        (o.clone(), label, s.clone())
    } else {
        (s.clone(), relation.label_zh(), o.clone())
    }
}

/// "秦守源 → 推介会 ← 杭立新"-style chain of labels.
fn chain(graph: &EntityGraph, path: &GraphPath) -> String {
    path.nodes.iter().map(|&n| graph.graph[n].label.as_str()).collect::<Vec<_>>().join(" — ")
}

fn relation(store: &Store, graph: &EntityGraph, a: &Resolved, b: &Resolved) -> Result<Answer, AskError> {
    let paths = graph.shortest_paths(a.node, b.node, MAX_HOPS, MAX_PATHS);
    let edges: Vec<_> = paths.iter().flat_map(|p| p.edges.iter().copied()).collect();
    let evidence_of = graph.evidence_of(store, Some(&edges))?;
    let mut table = Table::new(&["路径", "步骤", "主体", "关系", "客体", "证据", "来源"]);
    for (i, path) in paths.iter().enumerate() {
        for (j, &edge) in path.edges.iter().enumerate() {
            let (subject, relation, object) = step(graph, edge);
            let evidence = evidence_of.get(&edge).map_or(&[][..], Vec::as_slice);
            let sentence = evidence.first().map_or_else(|| "（地名隶属关系，来自行政区划表）".to_string(), |e| e.sentence.clone());
            let mut sources: Vec<&str> = evidence.iter().map(|e| e.source.as_str()).collect();
            sources.dedup();
            table.push(vec![(i + 1).to_string(), (j + 1).to_string(), subject, relation, object, sentence, sources.join("、")]);
        }
    }
    let steps = paths.first().map_or(0, |p| p.edges.len());
    let mut heading = format!("{}与{}的联系：最短{}步，{}条路径", a.label, b.label, steps, paths.len());
    if paths.len() == MAX_PATHS {
        heading.push_str(&format!("（只列出前{MAX_PATHS}条）"));
    }
    heading.push('：');
    for (i, path) in paths.iter().enumerate() {
        heading.push_str(&format!("\n  {}. {}", i + 1, chain(graph, path)));
    }
    let note = format!(
        "# 关系问题不是单条 SPARQL：在实体图（EntityGraph::load_structure 从存储读出）上求两个实体之间\n# 不超过{MAX_HOPS}步的全部最短路径（EntityGraph::shortest_paths），每条边附其证据句。"
    );
    let same = a.node == b.node;
    Ok(Answer {
        heading,
        table,
        queries: vec![note],
        empty_message: if same {
            format!("“{}”与“{}”是同一个实体。", a.label, b.label)
        } else {
            format!("没有找到{}与{}之间{MAX_HOPS}步以内的联系。", a.label, b.label)
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_in_yi_and_wan_exactly() {
        assert_eq!(readable_yuan("3006000000"), "30.06亿元");
        assert_eq!(readable_yuan("1250000000"), "12.5亿元");
        assert_eq!(readable_yuan("18600000000.0"), "186亿元");
        assert_eq!(readable_yuan("50000000"), "5000万元");
        assert_eq!(readable_yuan("123456"), "12.3456万元");
        assert_eq!(readable_yuan("800"), "800元");
        assert_eq!(readable_yuan("0"), "0元");
        assert_eq!(readable_yuan("100000000.5"), "1.000000005亿元");
        assert_eq!(readable_yuan("n/a"), "n/a");
        assert_eq!(exact_yuan("18600000000.0"), "18600000000");
        assert_eq!(exact_yuan("1.50"), "1.5");
    }

    #[test]
    fn dates_lists_and_codes_read_well() {
        assert_eq!(date_range("2025-04-19", "2025-04-20"), "2025-04-19 至 2025-04-20");
        assert_eq!(date_range("2025-04-19", ""), "2025-04-19");
        assert_eq!(sorted_list("市长、市委副书记、市长"), "市委副书记、市长");
        assert_eq!(status_zh("in_production"), "投产");
        assert_eq!(status_zh("odd"), "odd");
        assert_eq!(day_name(Day { year: None, month: 2, day: 23 }), "2月23日");
    }

    #[test]
    fn an_empty_answer_says_so_on_a_terminal_and_stays_valid_json() {
        let answer = Answer { heading: "h".into(), table: Table::new(&["a"]), queries: vec![], empty_message: "没有找到X。".into() };
        let mut out = Vec::new();
        answer.write(crate::table::OutputFormat::Table, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "没有找到X。\n");
        let mut out = Vec::new();
        answer.write(crate::table::OutputFormat::Json, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap().trim(), "[]");
    }
}
