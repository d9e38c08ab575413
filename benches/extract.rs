//! Extraction speed on the bundled sample pages: `cargo bench --bench extract`.
//! Prints, per page, the mean and best time of `extract()` over repeated runs (the shared lexicon is
//! loaded once before timing, as in a long-running ingest).

use std::time::{Duration, Instant};

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
    let mut pages: Vec<_> = std::fs::read_dir(&dir).expect("examples/articles").filter_map(|e| e.ok()).map(|e| e.path()).collect();
    pages.sort();
    let start = Instant::now();
    newsgraph::lexicon::lexicon();
    println!("lexicon and jieba set-up: {:.1} ms (once per process)", ms(start.elapsed()));
    const RUNS: u32 = 50;
    let mut inputs: Vec<(String, String)> = pages
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(p).expect("UTF-8 page")))
        .collect();
    // A long page, like a full newspaper page of several articles.
    let all: String = inputs.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join("\n\n");
    inputs.push(("all four pages as one".into(), all));
    for (name, text) in &inputs {
        let mut best = Duration::MAX;
        let mut total = Duration::ZERO;
        for _ in 0..RUNS {
            let t = Instant::now();
            let x = newsgraph::extract::extract(text);
            let took = t.elapsed();
            std::hint::black_box(x);
            best = best.min(took);
            total += took;
        }
        println!("{:<40} {:>6} chars  mean {:>7.2} ms  best {:>7.2} ms", name, text.chars().count(), ms(total / RUNS), ms(best));
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
