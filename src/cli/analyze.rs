//! `newsgraph analyze centrality|path|communities|coattendance`: flags → [`newsgraph::analyze`].

use super::{KindArg, TableFormat};
use anyhow::{bail, Result};
use clap::{Subcommand, ValueEnum};
use newsgraph::analyze::{self, Measure};
use newsgraph::graph::{EntityGraph, Kind};
use newsgraph::store;
use newsgraph::table::OutputFormat;
use std::io::Write;
use std::path::Path;

#[derive(clap::Args)]
pub struct AnalyzeArgs {
    #[command(subcommand)]
    pub analysis: Analysis,
    /// Output format: an aligned table (paths: readable steps), or json / csv for tools.
    #[arg(long, value_enum, global = true, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
}

#[derive(Subcommand)]
pub enum Analysis {
    /// Rank entities by centrality: degree, PageRank, betweenness or closeness.
    ///
    /// Every measure is computed on the whole graph seen as undirected (one link per related
    /// pair, whatever the relations' directions), then ranked among the --type kinds asked for.
    /// Ties are ranked alike and listed by name.
    Centrality {
        /// The measure; all as networkx computes them on an undirected graph.
        ///
        /// degree: linked entities / (n−1).
        /// pagerank: damping 0.85, each link followed both ways.
        /// betweenness: shortest-path betweenness normalised by 1/((n−1)(n−2)).
        /// closeness: (r−1)/Σdistance to the r reachable entities, times (r−1)/(n−1)
        /// (Wasserman–Faust, for graphs in several pieces).
        #[arg(long, value_enum, default_value_t = MeasureArg::Degree, verbatim_doc_comment)]
        measure: MeasureArg,
        /// Rank only these kinds (repeat the flag or separate with commas); default: all.
        #[arg(long = "type", value_enum, value_delimiter = ',')]
        kinds: Vec<KindArg>,
        /// How many to show (0: all).
        #[arg(long, default_value_t = 10)]
        top: usize,
    },
    /// Shortest paths between two entities, each step with its relation and evidence sentences.
    Path {
        /// The first entity's name or alias (or an unambiguous part of it).
        from: String,
        /// The second entity's name or alias.
        to: String,
        /// The longest path to look for, in steps.
        #[arg(long, default_value_t = 6, value_parser = clap::value_parser!(u32).range(1..=100))]
        max: u32,
        /// Show at most this many shortest paths.
        #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
        limit: u32,
    },
    /// Groups of closely linked entities (Louvain modularity), with the events and projects that bind them.
    ///
    /// Louvain runs on the undirected graph in a fixed order, so the same store always gives the
    /// same communities. "binding" lists the events and projects inside a community, or linked to
    /// at least half of its members, each with how many members it is linked to (×N).
    Communities {
        /// Hide communities smaller than this.
        #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..))]
        min_size: u32,
        /// Louvain resolution: above 1 gives smaller communities, below 1 larger ones.
        #[arg(long, default_value_t = 1.0)]
        resolution: f64,
    },
    /// Pairs of persons who took part in the same events, by number of shared events.
    ///
    /// Any role counts (presided, spoke, led, attended, organized). Most shared first, then by name.
    Coattendance {
        /// Only pairs sharing at least this many events.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
        min: u32,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum MeasureArg {
    Degree,
    Pagerank,
    Betweenness,
    Closeness,
}

impl From<MeasureArg> for Measure {
    fn from(m: MeasureArg) -> Self {
        match m {
            MeasureArg::Degree => Measure::Degree,
            MeasureArg::Pagerank => Measure::PageRank,
            MeasureArg::Betweenness => Measure::Betweenness,
            MeasureArg::Closeness => Measure::Closeness,
        }
    }
}

pub fn run(store: &Path, args: AnalyzeArgs, out: &mut dyn Write) -> Result<()> {
    let format: OutputFormat = args.format.into();
    let st = store::open_read_only(store)?;
    let mut g = EntityGraph::load_structure(&st)?;
    let table = match args.analysis {
        Analysis::Centrality { measure, kinds, top } => {
            let kinds: Vec<Kind> = kinds.into_iter().map(Kind::from).collect();
            analyze::centrality_table(&g, measure.into(), &kinds, top)
        }
        Analysis::Path { from, to, max, limit } => {
            let (a, b) = (analyze::resolve_entity(&g, &from, &[])?, analyze::resolve_entity(&g, &to, &[])?);
            let (max, limit) = (max as usize, limit as usize);
            // Evidence only for the steps shown.
            let edges: Vec<_> = analyze::paths(&g, a, b, max, limit).0.iter().flat_map(|p| p.steps.iter().map(|s| s.edge)).collect();
            g.load_evidence(&st, Some(&edges))?;
            if format == OutputFormat::Table {
                analyze::write_paths_text(&g, a, b, max, limit, out)?;
                return Ok(());
            }
            analyze::path_table(&g, a, b, max, limit)
        }
        Analysis::Communities { min_size, resolution } => {
            if !(resolution.is_finite() && resolution > 0.0) {
                bail!("--resolution must be a positive number, not {resolution}");
            }
            analyze::communities_table(&g, resolution, min_size as usize)
        }
        Analysis::Coattendance { min } => analyze::coattendance_table(&g, min as usize),
    };
    table.write(format, out)?;
    Ok(())
}
