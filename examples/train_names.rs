//! Trains the person-name model (`src/lexicon/data/names.model`) from a character-per-line corpus
//! with BMES tags (`李 B-PER`, blank line between sentences), the MSRA NER corpus as fetched by
//! `src/lexicon/data/fetch_names_corpus.sh`. Prints precision and recall on the test file.
//!
//! cargo run --release --example train_names -- TRAIN TEST OUT [ITERATIONS]

use newsgraph::lexicon::lexicon;
use newsgraph::lexicon::name_model::{train, Example, NameModel};
use std::io::Write;

fn read_corpus(path: &str) -> Result<Vec<Example>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut out = Vec::new();
    let mut chars = Vec::new();
    let mut names = Vec::new();
    let mut start = None;
    for line in text.lines().chain(std::iter::once("")) {
        let mut parts = line.split_whitespace();
        let (Some(c), Some(tag)) = (parts.next(), parts.next()) else {
            if !chars.is_empty() {
                out.push(Example { chars: std::mem::take(&mut chars), names: std::mem::take(&mut names) });
            }
            start = None;
            continue;
        };
        let Some(c) = c.chars().next() else { continue };
        let i = chars.len();
        chars.push(c);
        match tag {
            "B-PER" => start = Some(i),
            "E-PER" => {
                if let Some(s) = start.take() {
                    names.push((s, i + 1));
                }
            }
            "S-PER" => names.push((i, i + 1)),
            "M-PER" => {}
            _ => start = None,
        }
    }
    Ok(out)
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [train_path, test_path, out_path] = [0, 1, 2].map(|i| args.get(i).cloned());
    let (Some(train_path), Some(test_path), Some(out_path)) = (train_path, test_path, out_path) else {
        return Err("usage: train_names TRAIN TEST OUT [ITERATIONS]".into());
    };
    let iterations: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(8);
    let lex = lexicon();
    let examples = read_corpus(&train_path)?;
    eprintln!("{} training sentences, {iterations} passes", examples.len());
    let model = train(&examples, iterations, |c| lex.char_hints_of(c));
    let mut file = Vec::new();
    model.write(&mut file).map_err(|e| e.to_string())?;
    // Score the model as it will be used: read back from the file (weights rounded).
    let model = NameModel::parse(std::str::from_utf8(&file).map_err(|e| e.to_string())?)?;
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for e in read_corpus(&test_path)? {
        let found = model.names(&e.chars, &lex.char_hints_of(&e.chars));
        let hit = found.iter().filter(|s| e.names.contains(s)).count();
        tp += hit;
        fp += found.len() - hit;
        fn_ += e.names.len() - hit;
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    println!(
        "test names: P {p:.3} R {r:.3} F1 {:.3} ({tp}/{fp}/{fn_}); {} features",
        2.0 * p * r / (p + r).max(1e-9),
        model.feature_count()
    );
    let mut out = std::fs::File::create(&out_path).map_err(|e| format!("{out_path}: {e}"))?;
    writeln!(out, "# Person-name model for newsgraph, trained by examples/train_names.rs; see NAMES_MODEL_SOURCE.md.")
        .and_then(|_| out.write_all(&file))
        .map_err(|e| format!("{out_path}: {e}"))?;
    Ok(())
}
