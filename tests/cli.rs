//! End-to-end tests of the `newsgraph` binary on the bundled sample articles.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles")
}

fn run(store: &Path, args: &[&str]) -> Output {
    bin().arg("--store").arg(store).args(args).output().expect("binary runs")
}

fn query_json(store: &Path, file: &str) -> serde_json::Value {
    let q = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries").join(file);
    let out = run(store, &["query", "--file", q.to_str().unwrap(), "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("SPARQL JSON")
}

fn column(v: &serde_json::Value, var: &str) -> Vec<String> {
    v["results"]["bindings"].as_array().unwrap().iter().filter_map(|b| b[var]["value"].as_str().map(str::to_string)).collect()
}

fn count(store: &Path) -> u64 {
    let out = run(store, &["query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["results"]["bindings"][0]["n"]["value"].as_str().unwrap().parse().unwrap()
}

#[test]
fn ingest_then_query_the_samples() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let out = run(&store, &["ingest", samples().to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let pages =
        std::fs::read_dir(samples()).unwrap().filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "txt")).count();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains(&format!("total: {pages} documents")),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    let people = query_json(&store, "people.rq");
    let names = column(&people, "name");
    for n in ["顾怀川", "秦守源", "杭立新"] {
        assert!(names.iter().any(|x| x == n), "{n} missing from {names:?}");
    }
    let titles: Vec<(String, String)> = people["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|b| Some((b["name"]["value"].as_str()?.to_string(), b["title"]["value"].as_str()?.to_string())))
        .collect();
    assert!(titles.contains(&("顾怀川".into(), "市长".into())), "{titles:?}");

    let places = query_json(&store, "places.rq");
    let place_names = column(&places, "name");
    assert!(place_names.iter().any(|x| x == "洛阳市"), "{place_names:?}");
    assert!(place_names.iter().any(|x| x == "栾川县"), "{place_names:?}");

    let orgs = column(&query_json(&store, "organizations.rq"), "name");
    assert!(orgs.iter().any(|x| x.ends_with("有限公司")), "{orgs:?}");

    let projects = query_json(&store, "projects.rq");
    let amounts = column(&projects, "investment");
    assert!(amounts.iter().any(|a| a == "1800000000"), "{amounts:?}");

    let attendance = query_json(&store, "attendance.rq");
    let roles = column(&attendance, "role");
    assert!(roles.iter().all(|r| ["presided", "spoke", "led", "attended", "organized"].contains(&r.as_str())));
    assert!(!roles.is_empty());
}

#[test]
fn ingesting_twice_gives_the_same_triples() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let samples = samples();
    assert!(run(&store, &["ingest", samples.to_str().unwrap()]).status.success());
    let first = count(&store);
    assert!(run(&store, &["ingest", samples.to_str().unwrap()]).status.success());
    assert_eq!(first, count(&store));
    assert!(first > 100);
}

#[test]
fn bad_input_is_refused_with_the_file_named_and_the_store_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "3月5日，市委书记秦守源主持召开会议。").unwrap();
    assert!(run(&store, &["ingest", good.to_str().unwrap()]).status.success());
    let before = count(&store);

    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"\xff\xfe\x00").unwrap();
    let nodir = dir.path().join("nothing");
    std::fs::create_dir(&nodir).unwrap();
    for (path, word) in [(&empty, "empty.txt"), (&bad, "bad.txt"), (&dir.path().join("missing.txt"), "missing.txt"), (&nodir, "nothing")] {
        let out = run(&store, &["ingest", good.to_str().unwrap(), path.to_str().unwrap()]);
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(word), "{err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    }
    assert_eq!(before, count(&store));
}

#[test]
fn extract_reports_offsets_into_the_original_text() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("lines.txt");
    let text = "市委副\n书记 聂 晓岚出席。\n副市长符振东表示，\n";
    std::fs::write(&f, text).unwrap();
    let out = bin().args(["extract", f.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success());
    let chars: Vec<char> = text.chars().collect();
    let mut seen = 0;
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let m: serde_json::Value = serde_json::from_str(line).unwrap();
        if m["type"] == "person" {
            let (s, e) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
            let orig: String = chars[s..e].iter().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(orig, m["text"].as_str().unwrap());
            seen += 1;
        }
    }
    assert_eq!(seen, 2);
    let out = bin().args(["extract", "--per-line", f.to_str().unwrap()]).output().unwrap();
    let docs: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["doc"].as_str().unwrap().to_string())
        .collect();
    assert!(docs.contains(&"3".to_string()), "{docs:?}");
}
