//! End-to-end tests of `newsgraph ask` on a store built from the bundled sample articles. Answers
//! are checked against the canned queries of `queries/`, not against copies of themselves.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

type Rec = HashMap<String, String>;

/// A store holding examples/articles, in a directory removed when the test ends.
struct Samples {
    _dir: tempfile::TempDir,
    store: PathBuf,
}

fn samples() -> Samples {
    samples_of("examples/articles")
}

/// A store of examples/identity/articles: people who change posts and a project reported as signed,
/// started and in production, over 2024–2025.
fn identity() -> Samples {
    samples_of("examples/identity/articles")
}

fn samples_of(dir: &str) -> Samples {
    let dir_name = dir;
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir_name);
    let out = run(&store, &["ingest", articles.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    Samples { _dir: dir, store }
}

fn run(store: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsgraph")).arg("--store").arg(store).args(args).output().expect("binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `ask --format json`: the answer rows, which must be a success.
fn ask_json(s: &Samples, question: &str) -> Vec<Rec> {
    let out = run(&s.store, &["ask", question, "--format", "json"]);
    assert!(out.status.success(), "{question}: {}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{question}: {e}: {}", text(&out.stdout)))
}

/// `ask` that must fail: its stderr.
fn ask_fails(s: &Samples, question: &str) -> String {
    let out = run(&s.store, &["ask", question]);
    assert!(!out.status.success(), "{question} should fail: {}", text(&out.stdout));
    assert!(out.stdout.is_empty(), "{question}: {}", text(&out.stdout));
    text(&out.stderr)
}

/// The solutions of a canned query, variable → value.
fn canned(s: &Samples, file: &str) -> Vec<Rec> {
    let q = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries").join(file);
    let out = run(&s.store, &["query", "--file", q.to_str().unwrap(), "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b.as_object().unwrap().iter().map(|(k, v)| (k.clone(), v["value"].as_str().unwrap().to_string())).collect())
        .collect()
}

fn get<'a>(r: &'a Rec, k: &str) -> &'a str {
    r.get(k).map_or("", String::as_str)
}

fn set<'a>(rows: &'a [Rec], cols: &[&str]) -> BTreeSet<Vec<&'a str>> {
    rows.iter().map(|r| cols.iter().map(|c| get(r, c)).collect()).collect()
}

/// The Chinese reading of a role, as the answers show it.
fn role_zh(role: &str) -> &str {
    match role {
        "presided" => "主持",
        "spoke" => "讲话",
        "led" => "带队",
        "attended" => "出席",
        "organized" => "组织",
        other => other,
    }
}

fn attendance(s: &Samples) -> Vec<Rec> {
    let mut rows = canned(s, "attendance.rq");
    for r in &mut rows {
        let zh = role_zh(get(r, "role")).to_string();
        r.insert("role".into(), zh);
    }
    rows
}

#[test]
fn attendees_of_an_event_are_those_of_the_attendance_query_with_roles_and_posts() {
    let s = samples();
    let all = attendance(&s);
    let expected: BTreeSet<Vec<&str>> =
        all.iter().filter(|r| get(r, "eventName") == "民营企业家座谈会").map(|r| vec![get(r, "name"), get(r, "role")]).collect();
    assert_eq!(expected.len(), 5, "{expected:?}");
    for q in ["谁出席了民营企业家座谈会？", "民营企业家座谈会有哪些人参加?", "谁参加过座谈会", "民营企业家座谈会的参会人员"]
    {
        let rows = ask_json(&s, q);
        assert_eq!(set(&rows, &["姓名", "角色"]), expected, "{q}");
        assert!(rows.iter().all(|r| get(r, "活动") == "民营企业家座谈会" && get(r, "日期") == "2025-03-03"), "{q}: {rows:?}");
    }
    let rows = ask_json(&s, "谁出席了民营企业家座谈会");
    // Presiding first, and posts from the people query.
    assert_eq!(get(&rows[0], "姓名"), "顾怀川");
    assert_eq!(get(&rows[0], "角色"), "主持");
    let people = canned(&s, "people.rq");
    let titles: BTreeSet<&str> = people.iter().filter(|r| get(r, "name") == "杭立新").map(|r| get(r, "title")).collect();
    let hang = rows.iter().find(|r| get(r, "姓名") == "杭立新").unwrap();
    assert_eq!(get(hang, "职务").split('、').collect::<BTreeSet<_>>(), titles);
}

#[test]
fn attendees_by_date_cover_every_event_of_that_day() {
    let s = samples();
    let all = attendance(&s);
    let expected: BTreeSet<Vec<&str>> = all
        .iter()
        .filter(|r| get(r, "date").ends_with("-03-03"))
        .map(|r| vec![get(r, "eventName"), get(r, "name"), get(r, "role")])
        .collect();
    let rows = ask_json(&s, "3月3日的活动有哪些人参加？");
    assert_eq!(set(&rows, &["活动", "姓名", "角色"]), expected);
    let events: BTreeSet<&str> = rows.iter().map(|r| get(r, "活动")).collect();
    assert_eq!(events.len(), 2, "{events:?}");
    // A day inside a multi-day event counts, whatever the year.
    let rows = ask_json(&s, "谁出席了4月20日的活动");
    let events: BTreeSet<&str> = rows.iter().map(|r| get(r, "活动")).collect();
    assert!(events.contains("秦守源率队赴江苏省苏州市、无锡市学习考察") && events.contains("洛阳·无锡产业合作项目签约仪式"), "{events:?}");
}

#[test]
fn events_of_a_person_with_date_place_and_role() {
    let s = samples();
    let all = attendance(&s);
    let expected: BTreeSet<Vec<&str>> =
        all.iter().filter(|r| get(r, "name") == "秦守源").map(|r| vec![get(r, "eventName"), get(r, "role")]).collect();
    for q in ["秦守源出席了哪些活动？", "秦守源参加过什么活动", "秦守源都参加了哪些会议"] {
        let rows = ask_json(&s, q);
        assert_eq!(set(&rows, &["活动", "角色"]), expected, "{q}");
    }
    let rows = ask_json(&s, "秦守源出席了哪些活动");
    let trip = rows.iter().find(|r| get(r, "活动").starts_with("秦守源率队")).unwrap();
    assert_eq!((get(trip, "日期"), get(trip, "地点"), get(trip, "角色")), ("2025-04-19 至 2025-04-20", "江苏省", "带队"));
    let dates: Vec<&str> = rows.iter().map(|r| get(r, "日期")).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
}

#[test]
fn the_whole_attendance_table() {
    let s = samples();
    let all = attendance(&s);
    let rows = ask_json(&s, "谁参加了哪些活动?");
    assert_eq!(rows.len(), all.len());
    assert_eq!(set(&rows, &["姓名", "活动", "角色"]), set(&all, &["name", "eventName", "role"]));
}

#[test]
fn posts_of_a_person_with_organisations() {
    let s = samples();
    let people = canned(&s, "people.rq");
    let expected: BTreeSet<Vec<&str>> = people.iter().filter(|r| get(r, "name") == "顾怀川").map(|r| vec![get(r, "title")]).collect();
    for q in ["顾怀川担任什么职务？", "顾怀川是谁", "顾怀川的职务是什么"] {
        let rows = ask_json(&s, q);
        assert_eq!(set(&rows, &["职务"]), expected, "{q}");
        assert!(rows.iter().all(|r| get(r, "姓名") == "顾怀川"));
    }
    let rows = ask_json(&s, "顾怀川担任什么职务");
    let deputy = rows.iter().find(|r| get(r, "职务") == "市委副书记").unwrap();
    assert_eq!(get(deputy, "所属机构"), "洛阳市委");
    assert!(get(deputy, "来源").contains("examples/articles/"), "{deputy:?}");
}

/// Projects of the canned query located in `place` or in a division whose parent is `place`.
fn projects_under<'a>(s: &Samples, projects: &'a [Rec], place: &str) -> Vec<&'a Rec> {
    let places = canned(s, "places.rq");
    let mut inside: BTreeSet<String> =
        places.iter().filter(|r| get(r, "parentName") == place).map(|r| get(r, "name").to_string()).collect();
    inside.insert(place.to_string());
    projects.iter().filter(|r| inside.contains(get(r, "place"))).collect()
}

#[test]
fn projects_of_a_place_include_its_counties() {
    let s = samples();
    let projects = canned(&s, "projects.rq");
    let expected: BTreeSet<&str> = projects_under(&s, &projects, "洛阳市").iter().map(|r| get(r, "name")).collect();
    assert!(expected.len() >= 4, "{expected:?}");
    let rows = ask_json(&s, "洛阳有哪些项目？");
    assert_eq!(rows.iter().map(|r| get(r, "项目")).collect::<BTreeSet<_>>(), expected);
    let yiyang = ask_json(&s, "宜阳有什么项目");
    assert!(!yiyang.is_empty() && yiyang.iter().all(|r| get(r, "所在地") == "宜阳县"), "{yiyang:?}");
    // Largest first, with a readable amount next to the exact one.
    let amounts: Vec<u64> = rows.iter().map(|r| get(r, "投资额（元）").parse().unwrap()).collect();
    assert!(amounts.windows(2).all(|w| w[0] >= w[1]), "{amounts:?}");
    let storage = rows.iter().find(|r| get(r, "项目") == "200兆瓦独立储能电站项目").unwrap();
    assert_eq!((get(storage, "投资额"), get(storage, "投资额（元）")), ("12.5亿元", "1250000000"));
}

#[test]
fn the_investment_total_is_the_sum_of_the_listed_projects() {
    let s = samples();
    let projects = canned(&s, "projects.rq");
    let expected: u64 = projects_under(&s, &projects, "洛阳市").iter().filter_map(|r| get(r, "investment").parse::<u64>().ok()).sum();
    let rows = ask_json(&s, "洛阳市的项目总投资是多少？");
    let (total, listed): (Vec<&Rec>, Vec<&Rec>) = rows.iter().partition(|r| get(r, "项目") == "合计");
    assert_eq!(total.len(), 1, "{rows:?}");
    let listed_sum: u64 = listed.iter().filter_map(|r| get(r, "投资额（元）").parse::<u64>().ok()).sum();
    assert_eq!(get(total[0], "投资额（元）").parse::<u64>().unwrap(), listed_sum);
    assert_eq!(listed_sum, expected);
    assert_eq!(get(total[0], "投资额"), "34.2亿元");
    // The terminal answer says the total in its heading.
    let out = run(&s.store, &["ask", "洛阳市的项目总投资是多少"]);
    assert!(text(&out.stdout).starts_with("洛阳市（含下辖地区）的项目总投资：34.2亿元"), "{}", text(&out.stdout));
}

#[test]
fn investors_in_a_place() {
    let s = samples();
    let projects = canned(&s, "projects.rq");
    let expected: BTreeSet<&str> =
        projects_under(&s, &projects, "洛阳市").iter().map(|r| get(r, "investor")).filter(|i| !i.is_empty()).collect();
    assert_eq!(expected.len(), 2, "{expected:?}");
    for q in ["哪些公司在洛阳投资？", "哪些企业在洛阳市投资了", "在洛阳投资的公司有哪些"] {
        let rows = ask_json(&s, q);
        assert_eq!(rows.iter().map(|r| get(r, "投资方")).collect::<BTreeSet<_>>(), expected, "{q}");
        assert!(rows.iter().all(|r| get(r, "类型") == "企业"), "{rows:?}");
    }
}

#[test]
fn co_attendees_with_the_shared_events() {
    let s = samples();
    let all = attendance(&s);
    let mine: BTreeSet<&str> = all.iter().filter(|r| get(r, "name") == "杭立新").map(|r| get(r, "eventName")).collect();
    let expected: BTreeSet<Vec<&str>> = all
        .iter()
        .filter(|r| get(r, "name") != "杭立新" && mine.contains(get(r, "eventName")))
        .map(|r| vec![get(r, "name"), get(r, "eventName"), get(r, "role")])
        .collect();
    for q in ["谁和杭立新一起出席过活动？", "杭立新和谁一起参加过活动", "哪些人与杭立新一起出席了会议"]
    {
        let rows = ask_json(&s, q);
        assert_eq!(set(&rows, &["姓名", "共同出席的活动", "角色"]), expected, "{q}");
    }
}

#[test]
fn a_relation_between_two_persons_goes_through_a_shared_event_with_evidence() {
    let s = samples();
    let all = attendance(&s);
    let events_of = |who: &str| all.iter().filter(|r| get(r, "name") == who).map(|r| get(r, "eventName")).collect::<BTreeSet<_>>();
    let shared: BTreeSet<&str> = events_of("顾怀川").intersection(&events_of("聂晓岚")).copied().collect();
    assert!(!shared.is_empty());
    let rows = ask_json(&s, "顾怀川和聂晓岚有什么关系？");
    let mut paths: BTreeMap<&str, Vec<&Rec>> = BTreeMap::new();
    for r in &rows {
        paths.entry(get(r, "路径")).or_default().push(r);
    }
    let via_events: Vec<&Vec<&Rec>> = paths.values().filter(|p| p.len() == 2 && shared.contains(get(p[0], "客体"))).collect();
    assert!(!via_events.is_empty(), "{rows:?}");
    for path in via_events {
        assert_eq!(get(path[0], "主体"), "顾怀川");
        assert_eq!(get(path[1], "主体"), "聂晓岚");
        assert_eq!(get(path[0], "客体"), get(path[1], "客体"));
        for step in path {
            assert!(get(step, "关系").starts_with("出席"), "{step:?}");
            assert!(get(step, "证据").contains(get(step, "主体")), "{step:?}");
            assert!(get(step, "来源").contains("examples/articles/0"), "{step:?}");
        }
    }
    // Every path is a shortest one: the same number of steps.
    let lengths: BTreeSet<usize> = paths.values().map(Vec::len).collect();
    assert_eq!(lengths, BTreeSet::from([2]));
}

#[test]
fn the_largest_projects_ranked() {
    let s = samples();
    let projects = canned(&s, "projects.rq");
    let mut amounts: Vec<u64> = projects.iter().filter_map(|r| get(r, "investment").parse().ok()).collect();
    amounts.sort_unstable_by(|a, b| b.cmp(a));
    let rows = ask_json(&s, "投资最多的项目是哪些？");
    assert_eq!(rows.len(), amounts.len().min(10));
    let ranked: Vec<u64> = rows.iter().map(|r| get(r, "投资额（元）").parse().unwrap()).collect();
    assert_eq!(ranked, amounts[..rows.len()]);
    assert_eq!(
        rows.iter().map(|r| get(r, "排名").to_string()).collect::<Vec<_>>(),
        (1..=rows.len()).map(|i| i.to_string()).collect::<Vec<_>>()
    );
    assert_eq!((get(&rows[0], "项目"), get(&rows[0], "投资额")), ("年产5万吨高端电池铝箔项目", "30.06亿元"));
}

#[test]
fn an_ambiguous_name_lists_the_candidates() {
    let s = samples();
    let err = ask_fails(&s, "签约仪式有哪些人参加？");
    assert!(err.contains("“签约仪式”可以指2个活动"), "{err}");
    assert!(err.contains("洛阳·无锡产业合作项目签约仪式（活动，2025-04-20）"), "{err}");
    assert!(err.contains("2025年栾川县钼钨新材料产业招商签约仪式"), "{err}");
}

#[test]
fn an_unknown_name_says_so() {
    let s = samples();
    let err = ask_fails(&s, "张三出席了哪些活动？");
    assert!(err.contains("没有找到名为“张三”的人物"), "{err}");
    let err = ask_fails(&s, "火星有哪些项目");
    assert!(err.contains("没有找到名为“火星”的地点"), "{err}");
}

#[test]
fn an_unknown_question_lists_the_supported_forms() {
    let s = samples();
    let err = ask_fails(&s, "今天天气怎么样？");
    assert!(err.contains("无法理解这个问题"), "{err}");
    for form in [
        "谁出席了<活动>",
        "<人物>出席了哪些活动",
        "谁参加了哪些活动",
        "<人物>担任什么职务",
        "<地点>有哪些项目",
        "<地点>的项目总投资是多少",
        "哪些公司在<地点>投资",
        "谁和<人物>一起出席过活动",
        "<A>和<B>有什么关系",
        "投资最多的项目是哪些",
        "<时间><地点><职务>是谁",
        "<人物>担任过哪些职务",
        "<项目>进展如何",
    ] {
        assert!(err.contains(form), "{form} missing: {err}");
    }
    assert!(err.contains("例：谁出席了民营企业家座谈会"), "{err}");
}

#[test]
fn hostile_names_are_never_sparql() {
    let s = samples();
    for q in [
        "谁出席了\"} ; DROP ALL ; #",
        "x\" . ?s ?p ?o } #出席了哪些活动",
        "{}#担任什么职务",
        "'}}}有哪些项目",
        "哪些公司在\\\"#}投资",
        "a\"}和b{#有什么关系",
        "谁和\"}#一起出席过活动",
        "2025年\"} . ?s ?p ?o } #市副市长是谁",
        "\"}#市委书记是谁",
        "x\" . ?s ?p ?o } #担任过哪些职务",
        "\"} ; DROP ALL ; #项目进展如何",
    ] {
        let err = ask_fails(&s, q);
        assert!(err.contains("没有找到"), "{q}: {err}");
        assert!(!err.to_lowercase().contains("sparql") && !err.contains("syntax"), "{q}: {err}");
    }
    // A hostile tail on a real name still finds the event, and the query holds no part of the tail.
    let out = run(&s.store, &["ask", "--explain", "民营企业家座谈会\"} ; DROP ALL ; #注入有哪些人参加"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("| 顾怀川 |"), "{stdout}");
    assert!(!stdout.contains("DROP") && !stdout.contains("注入"), "{stdout}");
}

#[test]
fn json_and_csv_carry_the_same_rows() {
    let s = samples();
    let q = "谁出席了民营企业家座谈会";
    let json = ask_json(&s, q);
    let out = run(&s.store, &["ask", q, "--format", "csv"]);
    assert!(out.status.success());
    let csv = text(&out.stdout);
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("活动,日期,姓名,角色,职务"));
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), json.len());
    for (line, rec) in rows.iter().zip(&json) {
        assert!(line.starts_with(&format!("民营企业家座谈会,2025-03-03,{},{}", get(rec, "姓名"), get(rec, "角色"))), "{line}");
    }
}

#[test]
fn explain_prints_the_sparql_before_the_answer() {
    let s = samples();
    let out = run(&s.store, &["ask", "--explain", "秦守源出席了哪些活动"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let (sparql, answer) = stdout.split_once("\n\n").expect("a blank line after the query");
    assert!(
        sparql.starts_with("# ") && sparql.contains("SELECT") && sparql.contains("<https://newsgraph.local/id/person/秦守源@410000>"),
        "{sparql}"
    );
    assert!(answer.starts_with("秦守源出席的活动："), "{answer}");
    // The printed query is the one that ran: running it gives the same number of rows.
    let query = run(&s.store, &["query", sparql, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&query.stdout).unwrap();
    assert_eq!(v["results"]["bindings"].as_array().unwrap().len(), ask_json(&s, "秦守源出席了哪些活动").len());
    // Without --explain there is no query.
    let plain = text(&run(&s.store, &["ask", "秦守源出席了哪些活动"]).stdout);
    assert!(plain.starts_with("秦守源出席的活动：") && !plain.contains("SELECT"), "{plain}");
}

#[test]
fn an_answer_without_rows_says_so_and_succeeds() {
    let s = samples();
    for (q, says) in [("2月23日的活动有哪些人参加", "没有找到2月23日的活动"), ("哪些公司在宜阳县投资", "没有找到在宜阳县投资的公司")]
    {
        let out = run(&s.store, &["ask", q]);
        assert!(out.status.success(), "{q}: {}", text(&out.stderr));
        assert!(text(&out.stdout).starts_with(says), "{q}: {}", text(&out.stdout));
        assert_eq!(ask_json(&s, q), Vec::<Rec>::new());
    }
}

/// The answer's values of some columns, row by row.
fn cells<'a>(rows: &'a [Rec], cols: &[&str]) -> Vec<Vec<&'a str>> {
    rows.iter().map(|r| cols.iter().map(|c| get(r, c)).collect()).collect()
}

fn names(rows: &[Rec]) -> Vec<&str> {
    rows.iter().map(|r| get(r, "姓名")).collect()
}

#[test]
fn holders_of_a_post_in_a_place_and_year() {
    let s = identity();
    // A 副市长 query is not a 市长 one, and the year tells the holders apart.
    assert_eq!(names(&ask_json(&s, "2024年晋中市副市长是谁？")), ["雷振华"]);
    assert_eq!(names(&ask_json(&s, "2024年晋中市市长是谁？")), ["芮青山"]);
    assert_eq!(names(&ask_json(&s, "晋中市市长是谁？")), ["芮青山"]);
    assert_eq!(names(&ask_json(&s, "2024年洛阳市副市长是谁？")), ["魏承泽"]);
    assert_eq!(names(&ask_json(&s, "2025年洛阳市副市长是谁？")), ["柴永谦"]);
    assert_eq!(names(&ask_json(&s, "2024年宜阳县县长是谁")), ["柴永谦"]);
    assert_eq!(names(&ask_json(&s, "2025年宜阳县县长是谁")), ["景若愚"]);
    // 市委书记 is not 市委副书记 (芮青山 is 晋中市委副书记 and 市长).
    assert_eq!(names(&ask_json(&s, "晋中市委书记是谁")), ["樊景川"]);
    assert_eq!(names(&ask_json(&s, "晋中市委副书记是谁")), ["芮青山"]);
    assert_eq!(names(&ask_json(&s, "谁是2024年洛阳市委书记")), ["蔡峻岭"]);
    // The two memberships of one post (副市长 of 洛阳市 and 洛阳市副市长) are one row, from the first
    // article to the last.
    let rows = ask_json(&s, "2025年洛阳市副市长是谁");
    assert_eq!(
        cells(&rows, &["姓名", "职务", "机构或地区", "首次出现", "最近出现", "依据"]),
        [["柴永谦", "洛阳市副市长", "洛阳市", "2025-03-19", "2025-03-27", "见于该时期的报道"]]
    );
    // A month: seen in an article of it, or held before and after it.
    let rows = ask_json(&s, "2024年2月洛阳市副市长是谁");
    assert_eq!(cells(&rows, &["姓名", "依据"]), [["魏承泽", "见于该时期的报道"]]);
    let rows = ask_json(&s, "2024年3月洛阳市副市长是谁？");
    assert_eq!(cells(&rows, &["姓名", "首次出现", "最近出现", "依据"]), [["魏承泽", "2024-02-28", "2024-05-21", "据前后报道推断"]]);
    let out = run(&s.store, &["ask", "2024年3月洛阳市副市长是谁"]);
    assert!(text(&out.stdout).starts_with("2024年3月洛阳市的副市长（1人）："), "{}", text(&out.stdout));
    let out = run(&s.store, &["ask", "2023年洛阳市副市长是谁"]);
    assert!(out.status.success() && text(&out.stdout).starts_with("没有找到2023年洛阳市副市长的任职记录"), "{}", text(&out.stdout));
}

#[test]
fn holders_of_a_post_agree_with_the_posts_query() {
    let s = identity();
    let posts = canned(&s, "posts.rq");
    let year = |d: &str| d.get(..4).unwrap_or("").to_string();
    for (place, title, y) in [
        ("洛阳市", "副市长", "2024"),
        ("洛阳市", "副市长", "2025"),
        ("晋中市", "副市长", "2024"),
        ("晋中市", "市长", "2024"),
        ("宜阳县", "县长", "2024"),
    ] {
        let expected: BTreeSet<&str> = posts
            .iter()
            .filter(|r| get(r, "title") == title || get(r, "title") == format!("{place}{title}"))
            .filter(|r| get(r, "orgName").starts_with(place))
            .filter(|r| year(get(r, "firstSeen")).as_str() <= y && y <= year(get(r, "lastSeen")).as_str())
            .map(|r| get(r, "name"))
            .collect();
        assert_eq!(expected.len(), 1, "{place}{title} {y}: {expected:?}");
        let rows = ask_json(&s, &format!("{y}年{place}{title}是谁"));
        assert_eq!(rows.iter().map(|r| get(r, "姓名")).collect::<BTreeSet<_>>(), expected, "{place}{title} {y}");
    }
}

#[test]
fn the_posts_a_person_held_with_first_and_last_dates() {
    let s = identity();
    for q in ["柴永谦担任过哪些职务？", "柴永谦曾经担任过什么职务", "柴永谦的任职经历"] {
        let rows = ask_json(&s, q);
        assert_eq!(
            cells(&rows, &["姓名", "职务", "机构或地区", "首次出现", "最近出现"]),
            [
                ["柴永谦", "宜阳县县长", "宜阳县", "2024-02-28", "2024-06-19"],
                ["柴永谦", "洛阳市副市长", "洛阳市", "2025-03-19", "2025-03-27"],
            ],
            "{q}"
        );
    }
    // The dates are those of the posts query.
    let posts = canned(&s, "posts.rq");
    let mine: Vec<&Rec> = posts.iter().filter(|r| get(r, "name") == "柴永谦").collect();
    assert_eq!(mine.iter().map(|r| get(r, "firstSeen")).min(), Some("2024-02-28"));
    assert_eq!(mine.iter().map(|r| get(r, "lastSeen")).max(), Some("2025-03-27"));
    // Without 过, the posts as they stand, with their sources.
    let rows = ask_json(&s, "柴永谦担任什么职务");
    assert!(rows.iter().any(|r| get(r, "职务") == "宜阳县县长" && get(r, "来源").contains("02_luoyang_yiyang_qianyue")), "{rows:?}");
    // Two people of one name are told apart.
    let err = ask_fails(&s, "雷振华担任过哪些职务");
    assert!(err.contains("“雷振华”可以指2个人物"), "{err}");
}

#[test]
fn the_progress_of_a_project_is_its_dated_status_timeline() {
    let s = identity();
    let expected = [
        ["2024-02-28", "签约", "宜阳县", "12亿元", "1200000000"],
        ["2024-06-19", "开工", "宜阳县", "12亿元", "1200000000"],
        ["2025-03-19", "投产", "宜阳县", "12亿元", "1200000000"],
    ];
    // By its name, its alias, without the place or 项目, or with another place.
    for q in [
        "宸铝年产10万吨再生铝合金项目进展如何？",
        "宜阳县宸铝年产10万吨再生铝合金项目的进展",
        "宸铝年产10万吨再生铝合金项目进展情况",
        "宸铝年产10万吨再生铝合金进展如何",
        "洛阳宸铝年产10万吨再生铝合金进展如何",
    ] {
        let rows = ask_json(&s, q);
        assert_eq!(cells(&rows, &["日期", "进展", "所在地", "投资额", "投资额（元）"]), expected, "{q}");
        assert!(rows.iter().all(|r| get(r, "项目") == "宜阳县宸铝年产10万吨再生铝合金项目"), "{q}: {rows:?}");
    }
    let rows = ask_json(&s, "宸铝年产10万吨再生铝合金项目进展如何");
    let sources: Vec<&str> = rows.iter().map(|r| get(r, "来源").rsplit('/').next().unwrap()).collect();
    assert_eq!(sources, ["02_luoyang_yiyang_qianyue.txt", "07_luoyang_yiyang_kaigong.txt", "10_luoyang_yiyang_touchan.txt"]);
    let out = run(&s.store, &["ask", "宸铝年产10万吨再生铝合金项目进展如何？"]);
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with(
            "宜阳县宸铝年产10万吨再生铝合金项目的进展：签约（2024-02-28） → 开工（2024-06-19） → 投产（2025-03-19）\n  所在地：宜阳县；投资额：12亿元"
        ),
        "{stdout}"
    );
    // Two projects of that kind: the user is asked which.
    let err = ask_fails(&s, "年产10万吨再生铝合金项目进展如何");
    assert!(err.contains("可以指2个项目") && err.contains("嵩县伊峰年产10万吨再生铝合金项目"), "{err}");
    // A project without a reported status says so, with what is known of it.
    let out = run(&s.store, &["ask", "平遥古城康养度假区项目进展如何"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("没有找到平遥古城康养度假区项目的进展报道（所在地：平遥县；投资额：8亿元"),
        "{}",
        text(&out.stdout)
    );
}
