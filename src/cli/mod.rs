//! Flags of the commands that read the graph (ask, analyze, export); each maps them onto the library.

pub mod analyze;
pub mod ask;
pub mod export;
pub mod ingest;
pub mod resolve;

use clap::ValueEnum;
use newsgraph::graph::Kind;
use newsgraph::table::OutputFormat;

/// Output format of tabular answers.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum TableFormat {
    Table,
    Json,
    Csv,
}

impl From<TableFormat> for OutputFormat {
    fn from(f: TableFormat) -> Self {
        match f {
            TableFormat::Table => OutputFormat::Table,
            TableFormat::Json => OutputFormat::Json,
            TableFormat::Csv => OutputFormat::Csv,
        }
    }
}

/// A kind of entity on the command line.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum KindArg {
    #[value(alias = "persons", alias = "people")]
    Person,
    #[value(alias = "org", alias = "orgs", alias = "organisation", alias = "organizations")]
    Organization,
    #[value(alias = "places")]
    Place,
    #[value(alias = "projects")]
    Project,
    #[value(alias = "events")]
    Event,
}

impl From<KindArg> for Kind {
    fn from(k: KindArg) -> Kind {
        match k {
            KindArg::Person => Kind::Person,
            KindArg::Organization => Kind::Organization,
            KindArg::Place => Kind::Place,
            KindArg::Project => Kind::Project,
            KindArg::Event => Kind::Event,
        }
    }
}
