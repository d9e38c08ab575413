//! The store at archive scale, through the binary: documents that repeat the same officials read as
//! one graph, each fact once; the merged graph does not depend on the order or batches of ingest;
//! removing a document equals a clean build without it; a file is one document by any path.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Five short reports of our own, each self-contained, with officials who recur across them.
const ARTICLES: [&str; 5] = [
    "2025年3月12日，全市一季度重点项目观摩推进会在宜阳县召开。市委书记郑明远出席会议并讲话，市委副书记、市长高振华主持会议。副市长刘景山、孙立平参加会议。",
    "2025年3月15日，市长高振华到栾川县调研文旅产业发展情况。副市长孙立平陪同调研。",
    "2025年3月18日，嵩县2025年第一批重点项目集中签约仪式举行，共签约项目12个，总投资86亿元。县委书记马文涛出席并致辞，县长赵启明主持。",
    "2025年3月20日，市委书记郑明远会见了华辰新能源集团董事长周海峰一行。副市长刘景山参加会见。",
    "2025年3月22日，全市民营经济发展大会在洛阳召开。市委书记郑明远出席会议并讲话，市长高振华主持。副市长刘景山、孙立平，市政协副主席钱文博出席。",
];

const MERGED: &str = "https://newsgraph.local/graph/merged";

fn run(store: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_newsgraph")).arg("--store").arg(store).args(args).output().expect("binary runs");
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

fn ingest(store: &Path, paths: &[&Path]) {
    let mut args = vec!["ingest", "--quiet"];
    args.extend(paths.iter().map(|p| p.to_str().unwrap()));
    run(store, &args);
}

/// 50 pages, each two of the articles (or one), so every official recurs in many documents.
fn fifty_pages(dir: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    (0..50)
        .map(|i| {
            let (a, b) = (i % 5, (i * 3 + 1) % 5);
            let text = if a == b { ARTICLES[a].to_string() } else { format!("{}\n\n{}\n", ARTICLES[a], ARTICLES[b]) };
            // Blank lines at the end make each page a text of its own (a hash of its own).
            let text = text + &"\n".repeat(i / 5 + 1);
            let path = dir.join(format!("p{i:02}.txt"));
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

fn tsv(store: &Path, sparql: &str) -> BTreeSet<String> {
    let out = run(store, &["query", sparql, "--format", "tsv"]);
    String::from_utf8(out.stdout).unwrap().lines().skip(1).map(str::to_string).collect()
}

fn count(store: &Path, pattern: &str) -> u64 {
    let q = format!(
        "PREFIX schema: <http://schema.org/> PREFIX ng: <https://newsgraph.local/ns#> SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}"
    );
    let rows = tsv(store, &q);
    // TSV writes an integer as its bare digits.
    let n = rows.iter().next().and_then(|r| r.trim().parse().ok());
    n.unwrap_or_else(|| panic!("no count in {rows:?}"))
}

fn attendance(store: &Path) -> BTreeSet<String> {
    let q = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("queries/attendance.rq")).unwrap();
    tsv(store, &q)
}

/// The merged graph as sorted N-Quads lines.
fn merged_nquads(store: &Path) -> Vec<String> {
    let out = run(store, &["export", "--format", "nquads", "--graph", MERGED]);
    let mut lines: Vec<String> = String::from_utf8(out.stdout).unwrap().lines().map(str::to_string).collect();
    lines.sort();
    lines
}

fn listed(store: &Path) -> Vec<serde_json::Value> {
    let out = run(store, &["list", "--format", "json"]);
    serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap().as_array().unwrap().clone()
}

#[test]
fn fifty_documents_that_repeat_officials_read_like_one_that_holds_them_all() {
    let dir = tempfile::tempdir().unwrap();
    let pages = fifty_pages(&dir.path().join("pages"));
    let many = dir.path().join("many");
    ingest(&many, &[&dir.path().join("pages")]);
    let union_file = dir.path().join("union.txt");
    std::fs::write(&union_file, ARTICLES.join("\n\n")).unwrap();
    let one = dir.path().join("one");
    ingest(&one, &[&union_file]);

    assert_eq!(listed(&many).len(), pages.len());
    let rows = attendance(&many);
    assert!(rows.len() >= 10, "{rows:?}");
    assert_eq!(rows, attendance(&one), "the same rows, each once");
    for pattern in [
        "?p a schema:Person",
        "?e a schema:Event",
        "?e ng:participation ?part",
        "?part ng:role ?r",
        "?p schema:jobTitle ?t",
        "?x a ng:Project",
    ] {
        assert_eq!(count(&many, pattern), count(&one, pattern), "{pattern}");
    }
    // COUNT of persons counts persons: the names are the eight officials of the articles.
    let names = tsv(&many, "SELECT DISTINCT ?n WHERE { ?p a <http://schema.org/Person> ; <http://schema.org/name> ?n }");
    assert_eq!(count(&many, "?p a schema:Person"), names.len() as u64);
    assert_eq!(names.len(), 8, "{names:?}");
}

#[test]
fn the_merged_graph_does_not_depend_on_order_or_batches() {
    let dir = tempfile::tempdir().unwrap();
    let pages = fifty_pages(&dir.path().join("pages"));
    let at_once = dir.path().join("at-once");
    ingest(&at_once, &[&dir.path().join("pages")]);
    let reference = merged_nquads(&at_once);
    assert!(reference.len() > 100);

    let backwards = dir.path().join("backwards");
    for p in pages.iter().rev().take(5) {
        ingest(&backwards, &[p]);
    }
    let rest: Vec<&Path> = pages.iter().rev().skip(5).map(PathBuf::as_path).collect();
    ingest(&backwards, &rest);
    assert_eq!(merged_nquads(&backwards), reference, "reverse order, one by one then the rest");

    let batches = dir.path().join("batches");
    let (first, second) = pages.split_at(pages.len() / 2);
    ingest(&batches, &second.iter().map(PathBuf::as_path).collect::<Vec<_>>());
    ingest(&batches, &first.iter().map(PathBuf::as_path).collect::<Vec<_>>());
    assert_eq!(merged_nquads(&batches), reference, "two batches");
}

#[test]
fn removing_a_document_equals_a_clean_build_without_it() {
    let dir = tempfile::tempdir().unwrap();
    let pages = fifty_pages(&dir.path().join("pages"));
    let store = dir.path().join("store");
    ingest(&store, &[&dir.path().join("pages")]);
    let out = run(&store, &["remove", pages[7].to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("removed"), "{out:?}");
    // And one more by a prefix of its content hash.
    let docs = listed(&store);
    let victim = docs.iter().find(|d| d["source"].as_str().unwrap().ends_with("p11.txt")).unwrap();
    run(&store, &["remove", &victim["hash"].as_str().unwrap()[..10]]);

    let clean = dir.path().join("clean");
    let kept: Vec<&Path> = pages.iter().enumerate().filter(|(i, _)| *i != 7 && *i != 11).map(|(_, p)| p.as_path()).collect();
    assert_eq!(kept.len(), 48);
    ingest(&clean, &kept);
    assert_eq!(merged_nquads(&store), merged_nquads(&clean));
    assert_eq!(listed(&store), listed(&clean));
    assert_eq!(attendance(&store), attendance(&clean));

    let missing = Command::new(env!("CARGO_BIN_EXE_newsgraph")).arg("--store").arg(&store).args(["remove", "p99.txt"]).output().unwrap();
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("p99.txt"));
}

#[test]
fn a_file_by_two_spellings_of_its_path_is_one_document() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("work")).unwrap();
    let file = dir.path().join("work/a.txt");
    std::fs::write(&file, ARTICLES[0]).unwrap();
    let store = dir.path().join("store");
    ingest(&store, &[&file]);
    std::fs::write(&file, ARTICLES[4]).unwrap();
    let other = dir.path().join("work/../work/./a.txt");
    let out = run(&store, &["ingest", "--verbose", other.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("replaced"), "{out:?}");
    let docs = listed(&store);
    assert_eq!(docs.len(), 1, "{docs:?}");

    let clean = dir.path().join("clean");
    ingest(&clean, &[&file]);
    assert_eq!(merged_nquads(&store), merged_nquads(&clean));
    // The same text under another name is another document: its hash then names two, which is refused.
    let copy = dir.path().join("work/copy.txt");
    std::fs::write(&copy, ARTICLES[4]).unwrap();
    ingest(&store, &[&copy]);
    let hash = listed(&store)[0]["hash"].as_str().unwrap().to_string();
    let both = Command::new(env!("CARGO_BIN_EXE_newsgraph")).arg("--store").arg(&store).args(["remove", &hash[..8]]).output().unwrap();
    assert!(!both.status.success() && String::from_utf8_lossy(&both.stderr).contains("names 2 documents"), "{both:?}");
    // Standard input has no path: it needs an id, and the id is then its identity.
    let stdin = Command::new(env!("CARGO_BIN_EXE_newsgraph")).arg("--store").arg(&store).args(["ingest", "-"]).output().unwrap();
    assert!(!stdin.status.success() && String::from_utf8_lossy(&stdin.stderr).contains("--id"));
}

/// A read that would run for hours stops at its bound with a clear message and exit status 3.
fn bounded(store: &Path, args: &[&str]) -> (std::time::Duration, String, Option<i32>) {
    let started = std::time::Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_newsgraph")).arg("--store").arg(store).args(args).output().unwrap();
    (started.elapsed(), String::from_utf8_lossy(&out.stderr).into_owned(), out.status.code())
}

#[test]
fn every_read_is_bounded_in_time_and_memory() {
    let dir = tempfile::tempdir().unwrap();
    fifty_pages(&dir.path().join("pages"));
    let store = dir.path().join("store");
    ingest(&store, &[&dir.path().join("pages")]);
    // A cross product of the whole graph with itself, three times over, sorted.
    let endless = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i";
    let (took, err, code) = bounded(&store, &["--timeout", "2", "query", endless, "--format", "csv"]);
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("time limit of 2 s"), "{err}");
    assert!(took < std::time::Duration::from_secs(8), "{took:?}");
    let (took, err, code) = bounded(&store, &["--timeout", "0", "--max-memory", "300M", "query", endless, "--format", "csv"]);
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("300.0 MiB"), "{err}");
    assert!(took < std::time::Duration::from_secs(30), "{took:?}");
    // The other read commands run under the same deadline.
    for args in
        [&["analyze", "centrality"][..], &["ask", "谁参加了哪些活动？"], &["export", "--format", "graphml"], &["evidence", "郑明远"]]
    {
        let mut all = vec!["--timeout", "0.001"];
        all.extend_from_slice(args);
        let (_, err, code) = bounded(&store, &all);
        assert_eq!(code, Some(3), "{args:?}: {err}");
    }
    // And the same reads within their bounds answer.
    for args in [&["analyze", "centrality"][..], &["ask", "谁参加了哪些活动？"], &["evidence", "郑明远"]] {
        let (_, err, code) = bounded(&store, args);
        assert_eq!(code, Some(0), "{args:?}: {err}");
    }
}
