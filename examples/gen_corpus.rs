//! Writes a synthetic archive of OCR-like newspaper pages (see `newsgraph::synth`) for benchmarks:
//!
//! `cargo run --release --example gen_corpus -- --pages 1000 --seed 7 OUT_DIR`
//!
//! Options: `--pages N` (default 1000), `--seed S` (default 1), `--officials N` (size of the
//! recurring cast, default 24), `--articles MIN-MAX` (articles per page, default 1-4).
use newsgraph::synth::{write_corpus, Options};
use std::path::PathBuf;
use std::time::Instant;

const USAGE: &str = "usage: gen_corpus [--pages N] [--seed S] [--officials N] [--articles MIN-MAX] OUT_DIR";

fn main() {
    if std::env::args().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return;
    }
    let (opts, dir) = match parse_args(std::env::args().skip(1)) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("gen_corpus: {message}\n{USAGE}");
            std::process::exit(2);
        }
    };
    let start = Instant::now();
    match write_corpus(&dir, &opts) {
        Ok((pages, bytes)) => println!(
            "{pages} pages, {bytes} bytes ({:.1} MB) in {} in {:.2} s",
            bytes as f64 / 1e6,
            dir.display(),
            start.elapsed().as_secs_f64()
        ),
        Err(e) => {
            eprintln!("gen_corpus: {}: {e}", dir.display());
            std::process::exit(1);
        }
    }
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<(Options, PathBuf), String> {
    let mut opts = Options::default();
    let mut dir = None;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--pages" => opts.pages = number(&value("--pages")?)?,
            "--seed" => opts.seed = number(&value("--seed")?)?,
            "--officials" => opts.officials = number(&value("--officials")?)?,
            "--articles" => {
                let v = value("--articles")?;
                let (lo, hi) = v.split_once('-').unwrap_or((&v, &v));
                opts.articles_per_page = (number(lo)?, number(hi)?);
            }
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}")),
            _ if dir.is_none() => dir = Some(PathBuf::from(arg)),
            _ => return Err(format!("one output directory only (got {arg} too)")),
        }
    }
    Ok((opts, dir.ok_or("give an output directory")?))
}

fn number<T: std::str::FromStr>(s: &str) -> Result<T, String> {
    s.trim().parse().map_err(|_| format!("not a number: {s}"))
}
