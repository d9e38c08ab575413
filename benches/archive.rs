//! newsgraph at archive size: `cargo bench --bench archive [-- --pages 1000,10000] [--runs 5]`.
//!
//! Writes synthetic archives ([`newsgraph::synth`], deterministic from the seed), then prints one
//! table: jieba-rs tagging (the floor every extractor pays), extraction on one thread and on every
//! core, ingest through the binary on one and on every core, our bulk load against pyoxigraph's
//! `bulk_load` on the same N-Quads, the reopening of a freshly written store, the latency of each
//! canned query and of `ask` and `analyze centrality` on the largest store (the process as a whole:
//! store open included), and the peak memory of ingest at each size. Each target of the archive
//! issue is checked against the figures of the same run.

use newsgraph::rdf;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

struct Args {
    pages: Vec<usize>,
    runs: usize,
    seed: u64,
    keep: Option<PathBuf>,
    /// Directories of pages to use instead of synthetic ones (smallest first).
    corpora: Vec<PathBuf>,
}

fn args() -> Args {
    let mut a = Args { pages: vec![1000, 10000], runs: 5, seed: 7, keep: None, corpora: Vec::new() };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().unwrap_or_else(|| panic!("{flag} needs a value"));
        match flag.as_str() {
            "--pages" => a.pages = value().split(',').map(|n| n.trim().parse().expect("--pages 1000,10000")).collect(),
            "--runs" => a.runs = value().parse().expect("--runs N"),
            "--seed" => a.seed = value().parse().expect("--seed N"),
            "--keep" => a.keep = Some(PathBuf::from(value())),
            "--corpus" => a.corpora.push(PathBuf::from(value())),
            // cargo bench passes --bench to every harness.
            "--bench" => {}
            other => panic!("unknown argument {other} (use --pages A,B --runs N --seed N --keep DIR --corpus DIR)"),
        }
    }
    a.pages.sort_unstable();
    a
}

/// One row of the table.
struct Row {
    measure: String,
    value: String,
    target: String,
    met: Option<bool>,
}

#[derive(Default)]
struct Report {
    rows: Vec<Row>,
}

impl Report {
    fn add(&mut self, measure: impl Into<String>, value: impl Into<String>) {
        self.rows.push(Row { measure: measure.into(), value: value.into(), target: String::new(), met: None });
        self.echo();
    }

    fn check(&mut self, measure: impl Into<String>, value: impl Into<String>, target: impl Into<String>, met: bool) {
        self.rows.push(Row { measure: measure.into(), value: value.into(), target: target.into(), met: Some(met) });
        self.echo();
    }

    /// Each row as soon as it is measured, so a long run shows progress.
    fn echo(&self) {
        let r = self.rows.last().expect("a row");
        eprintln!("  {} = {} {}", r.measure, r.value, r.target);
    }

    fn print(&self) {
        let w = self.rows.iter().map(|r| r.measure.chars().count()).max().unwrap_or(0);
        let v = self.rows.iter().map(|r| r.value.chars().count()).max().unwrap_or(0);
        println!("| {:<w$} | {:>v$} | target | met |", "measure", "value");
        println!("|{}|{}|--------|-----|", "-".repeat(w + 2), "-".repeat(v + 2));
        for r in &self.rows {
            let met = match r.met {
                Some(true) => "yes",
                Some(false) => "NO",
                None => "",
            };
            println!("| {:<w$} | {:>v$} | {} | {met} |", r.measure, r.value, r.target);
        }
    }
}

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_newsgraph")
}

/// Wall time and peak resident memory (KiB) of one child process, which must succeed.
fn timed(cmd: &mut Command) -> (Duration, u64) {
    try_timed(cmd).unwrap_or_else(|e| panic!("{e}"))
}

/// The share of ingest that resolving identities against the store takes (its own timing, from
/// the summary ingest prints): ingest with it stays within 1.3× of ingest without it.
fn identity_row(dir: &Path, store: &Path, pages: usize, report: &mut Report) {
    let _ = std::fs::remove_dir_all(store);
    let out = Command::new(bin()).arg("--store").arg(store).args(["ingest", "--quiet"]).arg(dir).output().expect("ingest runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let seconds = |after: &str, before: &str| -> Option<f64> {
        let rest = &text[text.rfind(after)? + after.len()..];
        rest[..rest.find(before)?].rsplit([' ', '(']).next()?.parse().ok()
    };
    let (Some(total), Some(resolve)) = (seconds("quads written in ", " s"), seconds("documents (", " s)")) else {
        report.add("identity resolution", format!("no figures in the ingest summary: {text:?}"));
        return;
    };
    let ratio = total / (total - resolve).max(f64::EPSILON);
    report.check(
        format!("identity resolution in ingest of {pages} pages"),
        format!("{resolve:.1} s of {total:.1} s: ingest {ratio:.2}× the time without it"),
        "≤ 1.3×",
        ratio <= 1.3,
    );
}

/// Wall time and peak resident memory (KiB) of one child process, or what it said when it failed.
///
/// The child is started by a small runner (this benchmark re-executed with `--measure-child`) and not
/// by this process: Linux carries a process's peak resident memory across `exec`, so a child spawned
/// straight from here would report at least the memory this benchmark holds at that moment (the
/// pages, the quads of the bulk-load comparison) rather than its own.
fn try_timed(cmd: &mut Command) -> Result<(Duration, u64), String> {
    let mut runner = Command::new(std::env::current_exe().expect("the benchmark's own path"));
    runner.arg(MEASURE_CHILD).arg(cmd.get_program()).args(cmd.get_args());
    for (key, value) in cmd.get_envs() {
        match value {
            Some(v) => runner.env(key, v),
            None => runner.env_remove(key),
        };
    }
    let started = Instant::now();
    let out = runner.output().expect("spawn the runner");
    let took = started.elapsed();
    if !out.status.success() {
        return Err(format!("{cmd:?} failed: {}", String::from_utf8_lossy(&out.stderr).trim()));
    }
    let peak = String::from_utf8_lossy(&out.stdout).trim().parse().map_err(|e| format!("runner said {:?}: {e}", out.stdout))?;
    Ok((took, peak))
}

const MEASURE_CHILD: &str = "--measure-child";

/// The runner: starts PROGRAM ARGS…, reaps it with `wait4` (which gives the child's own rusage),
/// prints its peak resident memory in KiB and exits with its status (its stderr passes through).
fn measure_child(program: &str, args: &[String]) -> ! {
    let child = Command::new(program).args(args).stdout(std::process::Stdio::null()).spawn().unwrap_or_else(|e| {
        eprintln!("{program}: {e}");
        std::process::exit(127)
    });
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid, "wait4");
    // The child is reaped: `child` must not wait for it again.
    std::mem::forget(child);
    println!("{}", usage.ru_maxrss);
    std::process::exit(if libc::WIFEXITED(status) { libc::WEXITSTATUS(status) } else { 128 + libc::WTERMSIG(status) })
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

fn mib(kib: u64) -> String {
    format!("{:.0} MiB", kib as f64 / 1024.0)
}

fn read_pages(dir: &Path) -> Vec<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).expect("corpus").map(|e| e.unwrap().path()).collect();
    files.sort();
    files.iter().map(|f| std::fs::read_to_string(f).expect("UTF-8")).collect()
}

fn mb(pages: &[String]) -> f64 {
    pages.iter().map(|p| p.len()).sum::<usize>() as f64 / 1e6
}

fn main() {
    let argv: Vec<String> = std::env::args().collect();
    if argv.get(1).map(String::as_str) == Some(MEASURE_CHILD) && argv.len() > 2 {
        measure_child(&argv[2], &argv[3..]);
    }
    let a = args();
    let work = tempfile::tempdir().expect("temporary directory");
    let root = a.keep.clone().unwrap_or_else(|| work.path().to_path_buf());
    let mut report = Report::default();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    eprintln!("newsgraph archive benchmark: {cores} cores, pages {:?}, seed {}, {} runs per latency", a.pages, a.seed, a.runs);

    let mut corpora: Vec<(usize, PathBuf)> =
        a.corpora.iter().map(|d| (std::fs::read_dir(d).expect("--corpus DIR").count(), d.clone())).collect();
    for &n in a.pages.iter().filter(|_| a.corpora.is_empty()) {
        let dir = root.join(format!("corpus-{n}"));
        if !dir.is_dir() {
            let t = Instant::now();
            let opts = newsgraph::synth::Options { pages: n, seed: a.seed, ..newsgraph::synth::Options::default() };
            let (pages, bytes) = newsgraph::synth::write_corpus(&dir, &opts).expect("write corpus");
            eprintln!("wrote {pages} pages ({:.1} MB) in {:.1} s", bytes as f64 / 1e6, t.elapsed().as_secs_f64());
        }
        corpora.push((n, dir));
    }
    let (small_n, small_dir) = corpora[0].clone();
    let small = read_pages(&small_dir);
    let small_mb = mb(&small);
    report.add(format!("corpus of {small_n} pages"), format!("{small_mb:.1} MB"));

    // The floor: bare jieba-rs part-of-speech tagging, one thread.
    let jieba = jieba_rs::Jieba::new();
    let t = Instant::now();
    for p in &small {
        std::hint::black_box(jieba.tag(p, true));
    }
    let jieba_secs = t.elapsed().as_secs_f64();
    report.add("jieba-rs tagging, 1 thread (floor)", format!("{:.2} MB/s", small_mb / jieba_secs));

    // Extraction alone, in this process (the lexicon loaded first, as in a long ingest).
    newsgraph::lexicon::lexicon();
    let t = Instant::now();
    for p in &small {
        std::hint::black_box(newsgraph::extract::extract(p));
    }
    let one = t.elapsed().as_secs_f64();
    report.add("extraction, 1 thread", format!("{:.2} MB/s ({:.1}× the floor's time)", small_mb / one, one / jieba_secs));
    let t = Instant::now();
    small.par_iter().for_each(|p| {
        std::hint::black_box(newsgraph::extract::extract(p));
    });
    let all = t.elapsed().as_secs_f64();
    report.add(format!("extraction, {cores} threads"), format!("{:.2} MB/s", small_mb / all));

    // Ingest through the binary; "one core" is the process pinned to core 0 (taskset), with one
    // extraction thread.
    let ingest = |dir: &Path, store: &Path, one_core: bool| {
        let _ = std::fs::remove_dir_all(store);
        let mut cmd = if one_core {
            let mut c = Command::new("taskset");
            c.args(["-c", "0", bin()]);
            c
        } else {
            Command::new(bin())
        };
        cmd.arg("--store").arg(store).args(["ingest", "--quiet"]);
        if one_core {
            cmd.args(["--jobs", "1"]);
        }
        timed(cmd.arg(dir))
    };
    let (t1, _) = ingest(&small_dir, &root.join("store-1"), true);
    report.add(format!("ingest {small_n} pages, 1 core"), format!("{:.0} pages/s", small_n as f64 / t1.as_secs_f64()));
    let (tn, peak_small) = ingest(&small_dir, &root.join("store-n"), false);
    let speedup = t1.as_secs_f64() / tn.as_secs_f64();
    report.add(format!("ingest {small_n} pages, {cores} cores"), format!("{:.0} pages/s", small_n as f64 / tn.as_secs_f64()));
    report.check(format!("ingest speed-up, {cores} cores over 1"), format!("{speedup:.2}×"), "≥ 1.6×", speedup >= 1.6);
    let over = tn.as_secs_f64() / all;
    report.check("ingest time / extraction time (all cores)", format!("{over:.2}×"), "≤ 1.5×", over <= 1.5);
    report.add(format!("ingest {small_n} pages, peak memory"), mib(peak_small));
    identity_row(&small_dir, &root.join("store-identity"), small_n, &mut report);

    // Our bulk load against pyoxigraph's, on the same quads.
    bulk_load_rows(&small, &root, &mut report);

    // The largest archive: ingest, reopen, and the reads.
    let (big_n, big_dir) = corpora.last().expect("a corpus").clone();
    let big_store = root.join(format!("store-{big_n}"));
    let (tb, peak_big) = ingest(&big_dir, &big_store, false);
    report.add(
        format!("ingest {big_n} pages, {cores} cores"),
        format!("{:.0} pages/s ({:.0} s)", big_n as f64 / tb.as_secs_f64(), tb.as_secs_f64()),
    );
    if big_n > small_n {
        let ratio = peak_big as f64 / peak_small as f64;
        report.check(
            format!("ingest peak memory, {big_n} / {small_n} pages"),
            format!("{} / {} = {ratio:.2}×", mib(peak_big), mib(peak_small)),
            "< 1.3×",
            ratio < 1.3,
        );
    }
    let (reopen, _) = timed(Command::new(bin()).arg("--store").arg(&big_store).args(["query", "ASK {}"]));
    report.check(
        format!("first open of the fresh {big_n}-page store (query 'ASK {{}}')"),
        ms(reopen),
        "< 1 s",
        reopen < Duration::from_secs(1),
    );
    latency_rows(&big_store, big_n, a.runs, &mut report);

    println!();
    println!(
        "newsgraph archive benchmark: {cores} cores; pages {:?}, seed {}; latencies are medians of {} runs of the whole process",
        a.pages, a.seed, a.runs
    );
    println!();
    report.print();
}

/// Bulk load of the same quads: ours (document graphs into an empty on-disk store) and
/// pyoxigraph's `Store.bulk_load` of their N-Quads.
fn bulk_load_rows(pages: &[String], root: &Path, report: &mut Report) {
    let graphs: Vec<Vec<oxigraph::model::Quad>> = pages
        .par_iter()
        .enumerate()
        .map(|(i, p)| rdf::document_graph(p, &format!("page-{i}"), &newsgraph::extract::extract(p)).into_quads())
        .collect();
    let dir = root.join("bulk-ours");
    let _ = std::fs::remove_dir_all(&dir);
    let store = newsgraph::store::open(&dir).expect("store");
    let t = Instant::now();
    let quads = newsgraph::store::bulk_load(&store, graphs.into_iter()).expect("bulk load");
    store.flush().expect("flush");
    let ours = t.elapsed().as_secs_f64();
    report.add("bulk load, ours", format!("{:.0}k quads/s ({quads} quads)", quads as f64 / ours / 1e3));
    let nq = root.join("bulk.nq");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&nq).expect("N-Quads file"));
    store.dump_to_writer(oxigraph::io::RdfSerializer::from_format(oxigraph::io::RdfFormat::NQuads), &mut file).expect("dump");
    drop(file);
    drop(store);
    let script = "import sys, time, pyoxigraph as ox\n\
                  s = ox.Store(sys.argv[1]); t = time.perf_counter()\n\
                  s.bulk_load(path=sys.argv[2], format=ox.RdfFormat.N_QUADS); s.flush()\n\
                  print(time.perf_counter() - t)";
    let py_dir = root.join("bulk-pyoxigraph");
    let _ = std::fs::remove_dir_all(&py_dir);
    match Command::new("python3").arg("-c").arg(script).arg(&py_dir).arg(&nq).output() {
        Ok(out) if out.status.success() => {
            let theirs: f64 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap_or(f64::NAN);
            report.add("bulk load, pyoxigraph bulk_load (same N-Quads)", format!("{:.0}k quads/s", quads as f64 / theirs / 1e3));
            report.add("bulk load, ours / pyoxigraph (speed)", format!("{:.2}×", theirs / ours));
        }
        _ => report.add("bulk load, pyoxigraph", "not measured: pip install pyoxigraph"),
    }
}

/// The canned queries, `ask` and `analyze centrality` on a store, each as a whole process.
fn latency_rows(store: &Path, pages: usize, runs: usize, report: &mut Report) {
    let queries = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&queries).expect("queries/").map(|e| e.unwrap().path()).collect();
    files.retain(|f| f.extension().is_some_and(|e| e == "rq"));
    files.sort();
    let mut reads: Vec<(String, Vec<String>)> = files
        .iter()
        .map(|f| {
            (
                format!("query {}", f.file_name().unwrap().to_string_lossy()),
                vec!["query".into(), "--format".into(), "json".into(), "--file".into(), f.display().to_string()],
            )
        })
        .collect();
    // A typical person (the median of those in two events or more) and the busiest official,
    // whose answers grow with the archive.
    let (typical, busiest) = people_to_ask(store);
    for (who, name) in [("typical person", typical), ("busiest official", busiest)] {
        for q in [format!("{name}出席了哪些活动？"), format!("{name}担任什么职务？"), format!("谁和{name}一起出席过活动？")]
        {
            reads.push((format!("ask \"{q}\" ({who})"), vec!["ask".into(), "--format".into(), "json".into(), q.clone()]));
        }
    }
    reads.push((
        "analyze centrality --measure degree".into(),
        "analyze centrality --measure degree --top 10".split(' ').map(String::from).collect(),
    ));
    reads.push((
        "analyze centrality --measure pagerank".into(),
        "analyze centrality --measure pagerank --top 10".split(' ').map(String::from).collect(),
    ));
    for (name, args) in reads {
        let times: Result<Vec<Duration>, String> =
            (0..runs).map(|_| try_timed(Command::new(bin()).arg("--store").arg(store).args(&args)).map(|t| t.0)).collect();
        let times = match times {
            Ok(t) => t,
            Err(e) => {
                let said = e.rsplit("newsgraph: ").next().unwrap_or(&e).to_string();
                report.check(format!("{name}, {pages} pages"), format!("failed: {said}"), "p50 < 200 ms", false);
                continue;
            }
        };
        let p50 = median(times.clone());
        let max = times.iter().max().copied().unwrap_or_default();
        let target_applies = name.starts_with("query") || (name.starts_with("ask") && name.contains("typical"));
        let mut value = format!("p50 {} (max {})", ms(p50), ms(max));
        if let Some(file) = args.last().filter(|_| name.starts_with("query")) {
            value.push_str(&engine_alone(store, Path::new(file), runs));
        }
        if target_applies {
            report.check(format!("{name}, {pages} pages"), value, "p50 < 200 ms", p50 < Duration::from_millis(200));
        } else {
            report.add(format!("{name}, {pages} pages"), value);
        }
    }
}

/// The floor of a canned query: Oxigraph alone (pyoxigraph) opening the same store read-only and
/// producing every solution of the same query over the merged graph, with how many rows it gives.
fn engine_alone(store: &Path, query: &Path, runs: usize) -> String {
    let script = "import sys, time, pyoxigraph as ox\n\
                  q = open(sys.argv[2]).read(); g = ox.NamedNode(sys.argv[3]); times = []\n\
                  for _ in range(int(sys.argv[4])):\n\
                  \x20   t = time.perf_counter(); s = ox.Store.read_only(sys.argv[1])\n\
                  \x20   n = sum(1 for _ in s.query(q, default_graph=g)); times.append(time.perf_counter() - t); del s\n\
                  times.sort(); print(times[len(times) // 2], n)";
    let out = Command::new("python3").arg("-c").arg(script).arg(store).arg(query).arg(rdf::MERGED_GRAPH).arg(runs.to_string()).output();
    let text = match out {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout).into_owned(),
        _ => return "; Oxigraph alone not measured (pip install pyoxigraph)".into(),
    };
    let mut it = text.split_whitespace();
    match (it.next().and_then(|t| t.parse::<f64>().ok()), it.next()) {
        (Some(secs), Some(rows)) => format!("; Oxigraph alone {} ({rows} rows)", ms(Duration::from_secs_f64(secs))),
        _ => "; Oxigraph alone not measured".into(),
    }
}

/// A typical person to ask about (the median, by events, of those in two or more) and the person
/// in the most events.
fn people_to_ask(store: &Path) -> (String, String) {
    let q = "PREFIX schema: <http://schema.org/> PREFIX ng: <https://newsgraph.local/ns#> \
             SELECT ?n (COUNT(DISTINCT ?e) AS ?c) WHERE { ?e ng:participation/ng:participant ?p . ?p schema:name ?n } \
             GROUP BY ?n HAVING (COUNT(DISTINCT ?e) >= 2) ORDER BY DESC(?c) ?n";
    let out = Command::new(bin()).arg("--store").arg(store).args(["query", "--format", "csv", q]).output().expect("query");
    let text = String::from_utf8_lossy(&out.stdout);
    let names: Vec<String> = text.lines().skip(1).filter_map(|l| l.split(',').next()).map(str::to_string).collect();
    let busiest = names.first().cloned().unwrap_or_else(|| "秦守源".into());
    let typical = names.get(names.len() / 2).cloned().unwrap_or_else(|| busiest.clone());
    (typical, busiest)
}
