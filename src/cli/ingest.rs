//! `newsgraph ingest`, `remove` and `list`: flags, progress display and Ctrl-C, over
//! [`newsgraph::ingest`] and [`newsgraph::store`].

use super::TableFormat;
use anyhow::{bail, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsgraph::ingest::{self, Options, Progress, Summary, WriteMode};
use newsgraph::store::{self, WriteOutcome};
use newsgraph::table::{OutputFormat, Table};
use newsgraph::{input, rdf};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct IngestArgs {
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The document's identity instead of its path (one document; needed for standard input).
    #[arg(long, value_name = "ID")]
    id: Option<String>,
    /// Extraction threads [default: every core].
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1024))]
    jobs: Option<u32>,
    /// One transaction per document even into an empty store (no bulk loader).
    #[arg(long)]
    no_bulk: bool,
    /// A line per document: what was found in it.
    #[arg(long, short = 'v', conflicts_with = "quiet")]
    verbose: bool,
    /// No progress, only errors and the closing summary.
    #[arg(long, short = 'q')]
    quiet: bool,
}

/// Set by Ctrl-C: the pipeline stops between documents.
static STOP: AtomicBool = AtomicBool::new(false);

fn on_ctrl_c() {
    let _ = ctrlc::set_handler(|| {
        if STOP.swap(true, Ordering::SeqCst) {
            eprintln!("\nnewsgraph: stopped at once");
            std::process::exit(130);
        }
        eprintln!("\nnewsgraph: stopping after the document being written (Ctrl-C again to quit at once)");
    });
}

pub fn run(store_dir: &Path, args: IngestArgs, out: &mut dyn Write) -> Result<()> {
    // Every input listed, and each file named directly checked, before the store is touched.
    let inputs = input::list_inputs(&args.paths, args.id.as_deref())?;
    let st = store::open(store_dir)?;
    let options = Options {
        jobs: args.jobs.map_or_else(ingest::default_jobs, |j| j as usize),
        mode: if args.no_bulk { WriteMode::Transactions } else { WriteMode::Auto },
        ..Options::default()
    };
    on_ctrl_c();
    let mut display = Display::new(&args, out);
    let summary = ingest::run(&st, &inputs, &options, &STOP, &mut |p| display.show(p))?;
    display.finish();
    writeln!(out, "{}", summary_line(&summary))?;
    if summary.interrupted {
        bail!("interrupted: {} of {} documents done; ingest again to do the rest (done ones are skipped)", summary.documents, inputs.len());
    }
    Ok(())
}

fn summary_line(s: &Summary) -> String {
    let secs = s.elapsed.as_secs_f64().max(1e-3);
    let mut parts = vec![format!("{} new", s.added), format!("{} replaced", s.replaced), format!("{} unchanged", s.unchanged)];
    if s.skipped > 0 {
        parts.push(format!("{} skipped", s.skipped));
    }
    format!(
        "total: {} documents ({}), {} entities, {} facts, {} quads written in {secs:.1} s ({:.0} documents/s{}{})",
        s.documents,
        parts.join(", "),
        s.entities,
        s.facts,
        s.quads,
        s.documents as f64 / secs,
        if s.bulk { ", bulk load" } else { "" },
        if s.flushed { ", flushed" } else { "" },
    ) + &identities(&s.resolved)
}

/// What resolving identities against the store did, when it did anything.
fn identities(r: &newsgraph::resolve::Reconciled) -> String {
    if r.groups == 0 {
        return String::new();
    }
    format!(
        "; identities: {} groups resolved, {} mentions renamed in {} documents ({:.1} s)",
        r.groups,
        r.renamed,
        r.documents,
        r.elapsed.as_secs_f64()
    )
}

/// Progress on standard error: a bar on a terminal, a plain line every few seconds otherwise.
struct Display<'a> {
    bar: Option<ProgressBar>,
    verbose: Option<&'a mut dyn Write>,
    quiet: bool,
    total: usize,
    done: usize,
    bytes: u64,
    facts: usize,
    started: Instant,
    last_line: Instant,
}

impl<'a> Display<'a> {
    fn new(args: &IngestArgs, out: &'a mut dyn Write) -> Self {
        let bar = (!args.quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template("{bar:30} {pos}/{len} documents · {msg} · {per_sec} · ETA {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        let now = Instant::now();
        Display {
            bar,
            verbose: args.verbose.then_some(out),
            quiet: args.quiet,
            total: 0,
            done: 0,
            bytes: 0,
            facts: 0,
            started: now,
            last_line: now,
        }
    }

    fn show(&mut self, p: Progress) {
        match p {
            Progress::Started { documents, bytes, bulk } => {
                self.total = documents;
                if let Some(bar) = &self.bar {
                    bar.set_length(documents as u64);
                } else if !self.quiet && documents > 1 {
                    let how = if bulk { "bulk load into an empty store" } else { "one transaction per document" };
                    eprintln!("ingest: {documents} documents, {:.1} MB, {how}", bytes as f64 / 1e6);
                }
            }
            Progress::Document(r) => {
                self.done += 1;
                self.bytes += r.bytes;
                self.facts += r.facts;
                if let Some(out) = self.verbose.as_mut() {
                    let _ = writeln!(out, "{}", document_line(r));
                }
                self.tick();
            }
            Progress::Skipped { display, reason } => {
                self.done += 1;
                self.say(&format!("warning: skipped {display}: {}", reason.trim_start_matches(&format!("{display}: "))));
                self.tick();
            }
            Progress::Flushing => {
                if let Some(bar) = &self.bar {
                    bar.set_message("flushing the store");
                } else if !self.quiet && self.total > 1 {
                    eprintln!("ingest: flushing the store");
                }
            }
        }
    }

    fn say(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    fn tick(&mut self) {
        let message = format!("{:.1} MB, {} facts", self.bytes as f64 / 1e6, self.facts);
        if let Some(bar) = &self.bar {
            bar.set_position(self.done as u64);
            bar.set_message(message);
        } else if !self.quiet && self.last_line.elapsed() >= Duration::from_secs(5) {
            self.last_line = Instant::now();
            let rate = self.done as f64 / self.started.elapsed().as_secs_f64().max(1e-3);
            eprintln!("ingest: {}/{} documents, {message}, {rate:.0} documents/s", self.done, self.total);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

fn document_line(r: &ingest::DocumentReport) -> String {
    let what = match r.outcome {
        WriteOutcome::Unchanged => return format!("{}: unchanged", r.display),
        WriteOutcome::Replaced => " (replaced an earlier version)",
        WriteOutcome::Added => "",
    };
    format!(
        "{}: {} persons, {} organizations, {} places, {} projects, {} events; {} facts, {} quads{what}",
        r.display, r.persons, r.organizations, r.places, r.projects, r.events, r.facts, r.quads
    )
}

/// `newsgraph remove DOC…`: every name is resolved before anything is removed.
pub fn remove(store_dir: &Path, keys: &[String], out: &mut dyn Write) -> Result<()> {
    let st = store::open(store_dir)?;
    let mut chosen = Vec::new();
    for key in keys {
        let found = store::find_documents(&st, key, input::canonical_path(key).as_deref())?;
        match found.as_slice() {
            [] => bail!("no document in the store is {key:?} (give its path, its source as `newsgraph list` shows it, or a hash prefix of 6 or more hex digits)"),
            [one] => chosen.push(one.clone()),
            many => {
                let listed: Vec<String> = many.iter().map(|d| format!("  {}  {}", &d.hash[..12], d.source)).collect();
                bail!("{key:?} names {} documents; give one of their hashes:\n{}", many.len(), listed.join("\n"))
            }
        }
    }
    chosen.sort_by(|a, b| a.iri.cmp(&b.iri));
    chosen.dedup_by(|a, b| a.iri == b.iri);
    for d in &chosen {
        store::remove_document(&st, &rdf_iri(&d.iri)?)?;
        writeln!(out, "removed {} ({} facts)", d.source, d.facts)?;
    }
    store::flush(&st)?;
    Ok(())
}

fn rdf_iri(iri: &str) -> Result<oxigraph::model::NamedNode> {
    Ok(oxigraph::model::NamedNode::new(iri)?)
}

/// `newsgraph list`.
pub fn list(store_dir: &Path, format: TableFormat, out: &mut dyn Write) -> Result<()> {
    let st = store::open_read_only(store_dir)?;
    let docs = store::documents(&st)?;
    let mut table = Table::new(&["source", "hash", "date", "facts", "graph"]);
    let format = OutputFormat::from(format);
    for d in &docs {
        let hash = if format == OutputFormat::Table { d.hash[..12].to_string() } else { d.hash.clone() };
        table.push(vec![d.source.clone(), hash, d.date.clone().unwrap_or_default(), d.facts.to_string(), d.iri.clone()]);
    }
    if format == OutputFormat::Table && docs.is_empty() {
        writeln!(out, "the store holds no documents")?;
        return Ok(());
    }
    table.write(format, out)?;
    if format == OutputFormat::Table {
        writeln!(out, "{} documents; facts are read from the merged graph <{}>", docs.len(), rdf::MERGED_GRAPH)?;
    }
    Ok(())
}
