//! `newsgraph ask "<Chinese question>" [--explain] [--format table|json|csv]`.

use super::TableFormat;
use newsgraph::ask;
use newsgraph::store;
use newsgraph::table::OutputFormat;
use std::io::Write;
use std::path::Path;

#[derive(clap::Args)]
pub struct AskArgs {
    /// The question, in Chinese (e.g. "常书铭出席了哪些活动？"); an unknown form lists the supported ones.
    pub question: String,
    /// Print the SPARQL that was run, before the answer.
    #[arg(long)]
    pub explain: bool,
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
}

/// Answers the question; unknown questions, unknown or ambiguous names are errors (non-zero exit),
/// an answer without rows is not.
pub fn run(store: &Path, args: AskArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let st = store::open_read_only(store)?;
    let answer = ask::ask(&st, &args.question)?;
    if args.explain {
        writeln!(out, "{}", answer.explain())?;
    }
    let format = OutputFormat::from(args.format);
    answer.write(format, out)?;
    if answer.table.is_empty() && format != OutputFormat::Table {
        eprintln!("{}", answer.empty_message);
    }
    Ok(())
}
