//! The `newsgraph` command line: a thin layer over the library.

mod cli;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use newsgraph::{demo, evidence, extract, input, query, store};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Parser)]
#[command(name = "newsgraph", version, about = "Chinese government and economic news → a knowledge graph you can query")]
struct Cli {
    /// Directory of the Oxigraph store.
    #[arg(long, global = true, env = "NEWSGRAPH_STORE", default_value = "./newsgraph-store")]
    store: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read articles (files, directories of *.txt/*.md, or - for stdin) into the store.
    Ingest {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
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
        /// Cancel the query after this many seconds.
        #[arg(long, default_value_t = 60.0)]
        timeout: f64,
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
        std::process::exit(1);
    }
}

fn run(cli: Cli) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match cli.command {
        Command::Ingest { paths } => ingest(&cli.store, &paths, &mut out),
        Command::Query { sparql, file, format, timeout } => {
            let text = match (sparql, file) {
                (Some(q), _) => q,
                (None, Some(f)) => std::fs::read_to_string(&f).with_context(|| format!("{}: cannot read the query", f.display()))?,
                (None, None) => anyhow::bail!("give a query, or --file FILE"),
            };
            let st = store::open_read_only(&cli.store)?;
            // Piped output defaults to SPARQL JSON results; graphs and terminals keep the defaults.
            let solutions = query::query_variables(&text).is_ok_and(|v| !v.is_empty());
            let format = format.or((solutions && !std::io::stdout().is_terminal()).then_some(query::QueryFormat::Json));
            query::run_query(&st, &text, format, Some(Duration::from_secs_f64(timeout.max(0.001))), &mut out)?;
            Ok(())
        }
        Command::Extract { path, per_line, format: ExtractFormat::Jsonl } => extract_mentions(&path, per_line, &mut out),
        Command::Ask(args) => cli::ask::run(&cli.store, args, &mut out),
        Command::Analyze(args) => cli::analyze::run(&cli.store, args, &mut out),
        Command::Export(args) => cli::export::run(&cli.store, args, &mut out),
        Command::Demo { dir } => demo::run(dir.as_deref(), &mut out),
        Command::Evidence { name, format } => {
            let st = store::open_read_only(&cli.store)?;
            evidence::print_evidence(&st, &name, format, &mut out)
        }
    }
}

fn ingest(store_dir: &PathBuf, paths: &[PathBuf], out: &mut dyn Write) -> Result<()> {
    // Read and check every input before touching the store.
    let (docs, warnings) = input::read_documents(paths)?;
    for w in warnings {
        eprintln!("{w}");
    }
    let st = store::open(store_dir)?;
    let (mut entities, mut facts) = (0, 0);
    for d in &docs {
        let s = store::ingest(&st, &d.text, &d.source)?;
        let x = &s.extraction;
        writeln!(
            out,
            "{}: {} persons, {} organizations, {} places, {} projects, {} events; {} facts, {} quads{}",
            d.source,
            x.persons.len(),
            x.organizations.len(),
            x.places.len(),
            x.projects.len(),
            x.events.len(),
            x.fact_count(),
            s.quads,
            if s.replaced > 0 { " (replaced an earlier version)" } else { "" }
        )?;
        entities += x.entity_count();
        facts += x.fact_count();
    }
    writeln!(out, "total: {} documents, {entities} entities, {facts} facts; store holds {} quads", docs.len(), store::quad_count(&st)?)?;
    Ok(())
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
