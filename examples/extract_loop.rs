//! Runs extraction on one file many times (for profiling with perf or callgrind).
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let runs: usize = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(20);
    let text = std::fs::read_to_string(path).expect("UTF-8");
    newsgraph::lexicon::lexicon();
    let t = std::time::Instant::now();
    for _ in 0..runs {
        std::hint::black_box(newsgraph::extract::extract(&text));
    }
    println!("{:.1} ms per run", t.elapsed().as_secs_f64() * 1000.0 / runs as f64);
}
