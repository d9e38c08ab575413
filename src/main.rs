//! The `newsgraph` command line: a thin layer over the library.

mod cli;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use newsgraph::budget::{self, ReadBudget};
use newsgraph::{demo, evidence, extract, input, query, store};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

/// Exit status of a read that passed its --timeout or --max-memory.
const EXIT_LIMIT: i32 = 3;

#[derive(Parser)]
#[command(name = "newsgraph", version, about = "Chinese government and economic news → a knowledge graph you can query")]
struct Cli {
    /// Directory of the Oxigraph store.
    #[arg(long, global = true, env = "NEWSGRAPH_STORE", default_value = "./newsgraph-store")]
    store: PathBuf,
    /// Time limit of a read command (query, ask, analyze, export, evidence), in seconds; 0 for none.
    #[arg(long, global = true, value_name = "SECONDS", default_value = "60", value_parser = parse_timeout)]
    timeout: TimeLimit,
    /// Memory ceiling of a read command (e.g. 4G, 512M) [default: half of the machine's memory].
    #[arg(long, global = true, value_name = "SIZE", value_parser = budget::parse_size)]
    max_memory: Option<u64>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy)]
struct TimeLimit(Option<Duration>);

fn parse_timeout(text: &str) -> Result<TimeLimit, String> {
    budget::parse_timeout(text).map(TimeLimit)
}

#[derive(Subcommand)]
enum Command {
    /// Read articles (files, directories of *.txt/*.md, or - for stdin) into the store.
    ///
    /// A document is its file (the same file by any path is one document) or the --id given: a
    /// changed document replaces its earlier version, an unchanged one is skipped. Extraction runs
    /// on every core; documents new to the store go through the bulk loader.
    Ingest(cli::ingest::IngestArgs),
    /// Take documents out of the store (by path, by source or id as `list` shows it, or by a
    /// content hash prefix of at least 6 hex digits); facts no other document supports go too.
    Remove {
        #[arg(required = true, value_name = "DOC")]
        documents: Vec<String>,
    },
    /// The documents in the store: source, content hash, date, facts.
    List {
        #[arg(long, value_enum, default_value_t = cli::TableFormat::Table)]
        format: cli::TableFormat,
    },
    /// Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE) against the store.
    Query {
        /// The query text (or use --file).
        sparql: Option<String>,
        /// Read the query from this file.
        #[arg(long, short, conflicts_with = "sparql")]
        file: Option<PathBuf>,
        /// Output format; default: table on a terminal (Turtle for graphs), else json.
        #[arg(long, value_enum)]
        format: Option<query::QueryFormat>,
    },
    /// Print every recognised mention as JSON lines (no store).
    Extract {
        /// A text file, or - for stdin.
        path: PathBuf,
        /// Treat every input line as its own document (`doc` is the 1-based line number).
        #[arg(long)]
        per_line: bool,
        #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
        format: ExtractFormat,
    },
    /// Every fact about an entity (person, organisation, place, project, event) with its evidence.
    Evidence {
        /// The entity's name or alias, exactly as stored.
        name: String,
        #[arg(long, value_enum)]
        format: Option<query::QueryFormat>,
    },
    /// Why mentions are one entity or several (--explain NAME), and merges scored against a gold
    /// clustering (--score GOLD.json).
    Resolve(cli::resolve::ResolveArgs),
    /// Answer a question in Chinese from the graph ("谁出席了…", "…出席了哪些活动", "…有哪些项目"…).
    Ask(cli::ask::AskArgs),
    /// Analyse the graph: centrality, paths between two entities, communities, co-attendance.
    Analyze(cli::analyze::AnalyzeArgs),
    /// Export the graph for Gephi, Cytoscape, Graphviz or a web page, or dump it as RDF.
    Export(cli::export::ExportArgs),
    /// Build a graph from the bundled sample articles in a temporary store and show what it holds.
    Demo {
        /// Use these articles instead of examples/articles.
        #[arg(long)]
        dir: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Jsonl,
}

fn main() {
    let cli = Cli::parse();
    if let Err(e) = run(cli) {
        // A reader that stops early (`| head`) is not an error.
        if e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)) {
            return;
        }
        eprintln!("newsgraph: {e:#}");
        std::process::exit(if query::is_limit_exceeded(&e) { EXIT_LIMIT } else { 1 });
    }
}

/// Bounds every read of this command by --timeout and --max-memory. The queries are cancelled
/// when a bound is passed; work that is not a query (an analysis over the loaded graph) is stopped
/// a moment later by ending the process, which writes nothing half (`-o` files are renamed into
/// place only when complete).
fn bound_reads(cli: &Cli) {
    let max_memory = cli.max_memory.or_else(budget::default_max_memory);
    let b = ReadBudget::start(cli.timeout.0, max_memory);
    b.install();
    std::thread::spawn(move || loop {
        if let Some(limit) = b.exceeded() {
            std::thread::sleep(Duration::from_secs(2));
            eprintln!("newsgraph: {limit}");
            std::process::exit(EXIT_LIMIT);
        }
        std::thread::sleep(Duration::from_millis(50));
    });
}

fn run(cli: Cli) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if !matches!(cli.command, Command::Ingest(_) | Command::Remove { .. } | Command::Demo { .. } | Command::Extract { .. }) {
        bound_reads(&cli);
    }
    match cli.command {
        Command::Ingest(args) => cli::ingest::run(&cli.store, args, &mut out),
        Command::Remove { documents } => cli::ingest::remove(&cli.store, &documents, &mut out),
        Command::List { format } => cli::ingest::list(&cli.store, format, &mut out),
        Command::Query { sparql, file, format } => {
            let text = match (sparql, file) {
                (Some(q), _) => q,
                (None, Some(f)) => std::fs::read_to_string(&f).with_context(|| format!("{}: cannot read the query", f.display()))?,
                (None, None) => anyhow::bail!("give a query, or --file FILE"),
            };
            let st = store::open_read_only(&cli.store)?;
            // Piped output defaults to SPARQL JSON results; graphs and terminals keep the defaults.
            let solutions = query::query_variables(&text).is_ok_and(|v| !v.is_empty());
            let format = format.or((solutions && !std::io::stdout().is_terminal()).then_some(query::QueryFormat::Json));
            query::run_query(&st, &text, format, None, &mut out)?;
            Ok(())
        }
        Command::Extract { path, per_line, format: ExtractFormat::Jsonl } => extract_mentions(&path, per_line, &mut out),
        Command::Ask(args) => cli::ask::run(&cli.store, args, &mut out),
        Command::Resolve(args) => cli::resolve::run(&cli.store, args, &mut out),
        Command::Analyze(args) => cli::analyze::run(&cli.store, args, &mut out),
        Command::Export(args) => cli::export::run(&cli.store, args, &mut out),
        Command::Demo { dir } => demo::run(dir.as_deref(), &mut out),
        Command::Evidence { name, format } => {
            let st = store::open_read_only(&cli.store)?;
            evidence::print_evidence(&st, &name, format, &mut out)
        }
    }
}

fn extract_mentions(path: &PathBuf, per_line: bool, out: &mut dyn Write) -> Result<()> {
    let (docs, _) = input::read_documents(std::slice::from_ref(path))?;
    let doc = &docs[0];
    let units: Vec<(String, &str)> = if per_line {
        doc.text.split('\n').enumerate().map(|(i, l)| ((i + 1).to_string(), l.strip_suffix('\r').unwrap_or(l))).collect()
    } else {
        vec![(doc.source.clone(), doc.text.as_str())]
    };
    for (id, text) in units {
        if text.trim().is_empty() {
            continue;
        }
        // Piece by piece: an archive of many pages is printed in the memory of one piece.
        for part in extract::extract_parts(text) {
            for m in part.mentions {
                let line = serde_json::json!({"doc": id, "type": m.kind, "text": m.text, "start": m.start, "end": m.end});
                writeln!(out, "{line}")?;
            }
        }
    }
    Ok(())
}
