//! Times extraction of one (large) file: `cargo run --release --example extract_timing FILE [MODE]`.
//! MODE `whole` reads the file as one document however long it is (the rules' own cost on a long
//! text); `pieces` (the default) is what `extract()` does, pieces for a long text.
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a file");
    let mode = args.next().unwrap_or_else(|| "pieces".into());
    let text = std::fs::read_to_string(&path).expect("UTF-8");
    newsgraph::lexicon::lexicon();
    let t = Instant::now();
    let (mentions, sentences) = match mode.as_str() {
        // One piece as long as the text: the whole text at once.
        "whole" => {
            newsgraph::extract::extract_pieces(&text, usize::MAX).fold((0, 0), |(m, s), x| (m + x.mentions.len(), s + x.sentences.len()))
        }
        "pieces" => {
            let x = newsgraph::extract::extract(&text);
            (x.mentions.len(), x.sentences.len())
        }
        other => panic!("unknown mode {other}: whole or pieces"),
    };
    println!(
        "{path}: {} chars, {mode}: {:.2} s, {mentions} mentions, {sentences} sentences",
        text.chars().count(),
        t.elapsed().as_secs_f64()
    );
}
