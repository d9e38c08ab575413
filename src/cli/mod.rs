//! Flags of the commands that read the graph (ask, analyze, export); each maps them onto the library.

pub mod analyze;
pub mod ask;
pub mod export;

use clap::ValueEnum;
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
