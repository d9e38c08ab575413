//! End-to-end tests of `newsgraph analyze` on a store built from the bundled sample articles. The
//! answers are checked against what the SPARQL queries in queries/ say, computed independently.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

fn run(store: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsgraph")).arg("--store").arg(store).args(args).output().expect("binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A fresh store holding examples/articles.
fn sample_store() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
    let out = run(&store, &["ingest", articles.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    (dir, store)
}

/// Runs a command that must succeed and returns its standard output.
fn ok(store: &Path, args: &[&str]) -> String {
    let out = run(store, args);
    assert!(out.status.success(), "{args:?} failed: {}", stderr(&out));
    stdout(&out)
}

/// `analyze ... --format json` as rows of column → value.
fn analyze_json(store: &Path, args: &[&str]) -> Vec<BTreeMap<String, String>> {
    let mut all = vec!["analyze"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let v: Value = serde_json::from_str(&ok(store, &all)).expect("JSON");
    v.as_array()
        .expect("an array of rows")
        .iter()
        .map(|r| r.as_object().unwrap().iter().map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string())).collect())
        .collect()
}

/// The bindings of a query file in queries/, as rows of variable → value.
fn query(store: &Path, file: &str) -> Vec<BTreeMap<String, String>> {
    let q = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries").join(file);
    let v: Value = serde_json::from_str(&ok(store, &["query", "--file", q.to_str().unwrap(), "--format", "json"])).unwrap();
    v["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b.as_object().unwrap().iter().map(|(k, v)| (k.clone(), v["value"].as_str().unwrap().to_string())).collect())
        .collect()
}

/// Who attended what, from queries/attendance.rq: person name → the event IRIs.
fn attended(store: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut m: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for r in query(store, "attendance.rq") {
        m.entry(r["name"].clone()).or_default().insert(r["event"].clone());
    }
    m
}

/// Event IRI → name, from queries/events.rq.
fn event_names(store: &Path) -> BTreeMap<String, String> {
    query(store, "events.rq").into_iter().map(|r| (r["event"].clone(), r["name"].clone())).collect()
}

fn score(row: &BTreeMap<String, String>) -> f64 {
    row["score"].parse().expect("a number")
}

/// "民营企业家座谈会 (2025-03-03) ×2" → "民营企业家座谈会".
fn bare_name(item: &str) -> &str {
    let item = item.split(" ×").next().unwrap();
    match item.rfind(" (") {
        Some(i) if item.ends_with(')') => &item[..i],
        _ => item,
    }
}

#[test]
fn the_top_person_by_degree_is_the_one_who_attended_most_events() {
    let (_dir, store) = sample_store();
    let people = analyze_json(&store, &["centrality", "--type", "person", "--top", "0"]);
    let attended = attended(&store);
    let persons: BTreeSet<String> = query(&store, "people.rq").into_iter().map(|r| r["person"].clone()).collect();
    assert_eq!(people.len(), persons.len(), "every person is ranked");
    assert!(people.iter().all(|r| r["type"] == "person"));
    let most = attended.values().map(BTreeSet::len).max().unwrap();
    let busiest: Vec<&String> = attended.iter().filter(|(_, e)| e.len() == most).map(|(p, _)| p).collect();
    assert_eq!(people[0]["rank"], "1");
    assert!(busiest.contains(&&people[0]["entity"]), "top {} but most events: {busiest:?}", people[0]["entity"]);
    // Each person is linked at least to every event they attended.
    for r in &people {
        let events = attended.get(&r["entity"]).map_or(0, BTreeSet::len);
        assert!(r["degree"].parse::<usize>().unwrap() >= events, "{r:?}");
    }
    // Sorted by score, ties by label; the score is degree / (n − 1) over all entities.
    let n = analyze_json(&store, &["centrality", "--top", "0"]).len() as f64;
    for w in people.windows(2) {
        assert!(score(&w[0]) > score(&w[1]) || (score(&w[0]) == score(&w[1]) && w[0]["entity"] < w[1]["entity"]), "{w:?}");
    }
    for r in &people {
        let expected = r["degree"].parse::<f64>().unwrap() / (n - 1.0);
        assert_eq!(r["score"], format!("{expected:.4}"), "{r:?}");
    }
}

#[test]
fn the_top_event_by_degree_is_the_one_with_most_participants() {
    let (_dir, store) = sample_store();
    let names = event_names(&store);
    let mut participants: BTreeMap<String, usize> = BTreeMap::new();
    for r in query(&store, "attendance.rq") {
        *participants.entry(names[&r["event"]].clone()).or_default() += 1;
    }
    let most = participants.values().max().unwrap();
    let events = analyze_json(&store, &["centrality", "--type", "event", "--top", "3"]);
    assert_eq!(events.len(), 3);
    assert_eq!(participants[&events[0]["entity"]], *most, "{events:?} vs {participants:?}");
}

#[test]
fn every_measure_ranks_with_fixed_decimals_and_sane_scores() {
    let (_dir, store) = sample_store();
    for measure in ["degree", "pagerank", "betweenness", "closeness"] {
        let all = analyze_json(&store, &["centrality", "--measure", measure, "--top", "0"]);
        assert!(all.len() > 50, "{measure}: {}", all.len());
        for r in &all {
            let s = &r["score"];
            assert!(s.len() == 6 && s.starts_with("0.") || s == "1.0000", "{measure}: {r:?}");
        }
        assert!(all.windows(2).all(|w| score(&w[0]) >= score(&w[1])), "{measure} not sorted");
        if measure == "pagerank" {
            let sum: f64 = all.iter().map(score).sum();
            assert!((sum - 1.0).abs() < 0.01, "pagerank sums to {sum}");
        }
        assert!(score(&all[0]) > 0.0, "{measure}");
    }
    // A person who links two groups lies on shortest paths; one who only attended one event does not.
    let b = analyze_json(&store, &["centrality", "--measure", "betweenness", "--type", "person", "--top", "0"]);
    let of = |name: &str| b.iter().find(|r| r["entity"] == name).map(score).unwrap();
    assert!(of("杭立新") > 0.0 && of("温书瑶") < of("杭立新"), "{b:?}");
}

#[test]
fn centrality_as_a_terminal_table_and_as_csv() {
    let (_dir, store) = sample_store();
    let table = ok(&store, &["analyze", "centrality", "--top", "5"]);
    assert!(table.contains("| rank") && table.contains("score") && table.ends_with("5 rows\n"), "{table}");
    let csv = ok(&store, &["analyze", "centrality", "--measure", "closeness", "--type", "person,event", "--top", "4", "--format", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "rank,entity,type,score,degree");
    assert_eq!(lines.len(), 5, "{csv}");
    assert!(lines[1..].iter().all(|l| l.contains(",person,") || l.contains(",event,")), "{csv}");
    // --format may also come before the analysis.
    let csv2 = ok(&store, &["analyze", "--format", "csv", "centrality", "--measure", "closeness", "--type", "person,event", "--top", "4"]);
    assert_eq!(csv, csv2);
}

#[test]
fn a_path_between_two_persons_goes_through_an_event_both_attended_with_its_evidence() {
    let (_dir, store) = sample_store();
    let attended = attended(&store);
    let names = event_names(&store);
    let shared: BTreeSet<&String> = attended["聂晓岚"].intersection(&attended["庞敬之"]).map(|e| &names[e]).collect();
    assert!(!shared.is_empty());
    let steps = analyze_json(&store, &["path", "聂晓岚", "庞敬之"]);
    assert!(!steps.is_empty());
    let first: Vec<_> = steps.iter().filter(|r| r["path"] == "1").collect();
    assert_eq!(first.len(), 2, "two persons who met at an event are two steps apart: {steps:?}");
    assert_eq!(first[0]["from"], "聂晓岚");
    assert!(shared.contains(&first[0]["to"]), "{} not in {shared:?}", first[0]["to"]);
    assert_eq!(first[1]["from"], first[0]["to"]);
    assert_eq!(first[1]["to"], "庞敬之");
    for (step, person) in first.iter().zip(["聂晓岚", "庞敬之"]) {
        assert_eq!(step["predicate"], "attendee");
        assert!(step["relation"].starts_with("出席"), "{step:?}");
        assert!(step["evidence"].contains(person), "{step:?}");
        assert!(step["source"].ends_with(".txt"), "{step:?}");
    }
    // On a terminal: readable steps with the sentence and the source file.
    let text = ok(&store, &["analyze", "path", "聂晓岚", "庞敬之"]);
    let event = &first[0]["to"];
    assert!(text.contains(&format!("聂晓岚 —{}→ {event}", first[0]["relation"])), "{text}");
    assert!(text.contains(&format!("{event} ←{}— 庞敬之", first[1]["relation"])), "{text}");
    assert!(
        text.contains(&format!("「{}」 — {}", first[0]["evidence"].lines().next().unwrap(), first[0]["source"].lines().next().unwrap())),
        "{text}"
    );
    // CSV: a header and one line per step (evidence may span lines inside quotes).
    let csv = ok(&store, &["analyze", "path", "聂晓岚", "庞敬之", "--format", "csv"]);
    assert!(csv.starts_with("path,step,from,relation,predicate,direction,to,evidence,source\n1,1,聂晓岚,"), "{csv}");
}

#[test]
fn no_path_within_max_is_an_answer_not_an_error() {
    let (_dir, store) = sample_store();
    let text = ok(&store, &["analyze", "path", "聂晓岚", "庞敬之", "--max", "1"]);
    assert_eq!(text, "no path between 聂晓岚 and 庞敬之 within 1 steps\n");
    assert!(analyze_json(&store, &["path", "聂晓岚", "庞敬之", "--max", "1"]).is_empty());
    let csv = ok(&store, &["analyze", "path", "聂晓岚", "庞敬之", "--max", "1", "--format", "csv"]);
    assert_eq!(csv.lines().count(), 1, "{csv}");
}

#[test]
fn unknown_and_ambiguous_names_fail_with_a_clear_message() {
    let (_dir, store) = sample_store();
    let out = run(&store, &["analyze", "path", "无此人", "秦守源"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("无此人") && !stderr(&out).contains("panicked"), "{}", stderr(&out));
    let out = run(&store, &["analyze", "path", "秦守源", "签约仪式"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("ambiguous")
            && err.contains("洛阳·无锡产业合作项目签约仪式 (event)")
            && err.contains("2025年栾川县钼钨新材料产业招商签约仪式 (event)"),
        "{err}"
    );
    assert!(stdout(&out).is_empty());
    for bad in [
        &["analyze", "coattendance", "--min", "0"][..],
        &["analyze", "centrality", "--measure", "fame"],
        &["analyze", "path", "秦守源", "顾怀川", "--max", "0"],
    ] {
        let out = run(&store, bad);
        assert!(!out.status.success() && !stderr(&out).contains("panicked"), "{bad:?}");
    }
    for r in ["--resolution=-1", "--resolution=0", "--resolution=NaN"] {
        let out = run(&store, &["analyze", "communities", r]);
        assert!(!out.status.success() && stderr(&out).contains("--resolution"), "{r}: {}", stderr(&out));
    }
    let missing = run(&store.with_extension("missing"), &["analyze", "centrality"]);
    assert!(!missing.status.success() && stderr(&missing).contains("no store"), "{}", stderr(&missing));
}

#[test]
fn coattendance_weights_are_the_shared_events_counted_from_the_attendance_query() {
    let (_dir, store) = sample_store();
    let attended = attended(&store);
    let names = event_names(&store);
    let mut expected: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    let people: Vec<&String> = attended.keys().collect();
    for (i, a) in people.iter().enumerate() {
        for b in &people[i + 1..] {
            let shared: BTreeSet<String> = attended[*a].intersection(&attended[*b]).map(|e| names[e].clone()).collect();
            if !shared.is_empty() {
                expected.insert(((*a).clone(), (*b).clone()), shared);
            }
        }
    }
    let rows = analyze_json(&store, &["coattendance"]);
    let mut got: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for r in &rows {
        let (a, b) = (r["person_a"].clone(), r["person_b"].clone());
        let events: BTreeSet<String> = r["events"].split("; ").map(|e| bare_name(e).to_string()).collect();
        assert_eq!(r["shared"].parse::<usize>().unwrap(), r["events"].split("; ").count(), "{r:?}");
        let key = if a < b { (a, b) } else { (b, a) };
        assert!(got.insert(key, events).is_none(), "pair listed twice: {r:?}");
    }
    assert_eq!(got, expected);
    assert!(rows.windows(2).all(|w| w[0]["shared"].parse::<usize>().unwrap() >= w[1]["shared"].parse::<usize>().unwrap()));
    // --min keeps exactly the pairs with that many shared events.
    let strong = analyze_json(&store, &["coattendance", "--min", "2"]);
    assert_eq!(strong.len(), expected.values().filter(|e| e.len() >= 2).count());
    assert!(!strong.is_empty() && strong.iter().all(|r| r["shared"].parse::<usize>().unwrap() >= 2));
    let csv = ok(&store, &["analyze", "coattendance", "--min", "2", "--format", "csv"]);
    assert_eq!(csv.lines().next(), Some("person_a,person_b,shared,events"));
    assert_eq!(csv.lines().count(), strong.len() + 1, "{csv}");
    let table = ok(&store, &["analyze", "coattendance", "--min", "2"]);
    assert!(table.ends_with(&format!("{} rows\n", strong.len())), "{table}");
}

#[test]
fn communities_cover_every_entity_once_and_name_the_events_that_bind_them() {
    let (_dir, store) = sample_store();
    let entities: BTreeSet<String> = analyze_json(&store, &["centrality", "--top", "0"]).into_iter().map(|r| r["entity"].clone()).collect();
    let all = analyze_json(&store, &["communities", "--min-size", "1"]);
    let mut seen: Vec<String> = Vec::new();
    for c in &all {
        let members: Vec<&str> = c["members"].split("; ").collect();
        assert_eq!(c["size"].parse::<usize>().unwrap(), members.len(), "{c:?}");
        seen.extend(members.iter().map(|m| m.to_string()));
    }
    assert_eq!(seen.len(), entities.len(), "each entity in exactly one community");
    assert_eq!(seen.into_iter().collect::<BTreeSet<_>>(), entities);

    let events: BTreeSet<String> = event_names(&store).into_values().collect();
    let projects: BTreeSet<String> = query(&store, "projects.rq").into_iter().map(|r| r["name"].clone()).collect();
    let groups = analyze_json(&store, &["communities"]);
    assert!(groups.len() >= 2 && groups.len() < all.len(), "{} of {}", groups.len(), all.len());
    for c in &groups {
        assert!(c["size"].parse::<usize>().unwrap() >= 2, "{c:?}");
        let members: BTreeSet<&str> = c["members"].split("; ").collect();
        let binding: BTreeSet<&str> = c["binding"].split("; ").filter(|b| !b.is_empty()).map(bare_name).collect();
        for b in &binding {
            assert!(events.contains(*b) || projects.contains(*b), "{b} is not an event or project");
        }
        // Every event inside a community is among the ones that bind it.
        for m in &members {
            if events.contains(*m) {
                assert!(binding.contains(m), "{m} missing from {c:?}");
            }
        }
    }
    // 温书瑶 and 钟岳峰 only ever met at the Luanchuan signing: one community, bound by it.
    let attended = attended(&store);
    let names = event_names(&store);
    let met: Vec<&String> = attended["温书瑶"].intersection(&attended["钟岳峰"]).map(|e| &names[e]).collect();
    assert_eq!(met.len(), 1);
    let theirs = groups.iter().find(|c| c["members"].split("; ").any(|m| m == "温书瑶")).expect("温书瑶 has a community");
    assert!(theirs["members"].split("; ").any(|m| m == "钟岳峰"), "{theirs:?}");
    assert!(theirs["binding"].split("; ").any(|b| bare_name(b) == met[0]), "{theirs:?}");
    // Reproducible, and the same in every format.
    assert_eq!(analyze_json(&store, &["communities"]), groups);
    let csv = ok(&store, &["analyze", "communities", "--format", "csv"]);
    assert!(csv.starts_with("community,size,kinds,members,binding\n1,"), "{csv}");
    let table = ok(&store, &["analyze", "communities"]);
    assert!(table.ends_with(&format!("{} rows\n", groups.len())), "{table}");
}
