//! `newsgraph resolve`: how the store's identities were decided (`--explain NAME`), and how they
//! score against a gold clustering (`--score GOLD.json`).

use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use newsgraph::resolve::{explain, score};
use newsgraph::store;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Args)]
pub struct ResolveArgs {
    /// Show every mention of this name (label or alias), the entity it is part of and on what
    /// ground, and the candidates kept apart and why.
    #[arg(long, value_name = "NAME")]
    pub explain: Option<String>,
    /// Score the store's merges against a gold clustering (see examples/identity/README.md):
    /// pairwise precision and recall by kind.
    #[arg(long, value_name = "GOLD_JSON")]
    pub score: Option<PathBuf>,
    /// With --score: exit with an error when precision or recall overall is below this.
    #[arg(long, value_name = "F", requires = "score")]
    pub min: Option<f64>,
    #[arg(long, value_enum, default_value_t = ResolveFormat::Text)]
    pub format: ResolveFormat,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ResolveFormat {
    Text,
    Json,
}

pub fn run(store_path: &Path, args: ResolveArgs, out: &mut dyn Write) -> Result<()> {
    let st = store::open_read_only(store_path)?;
    match (&args.explain, &args.score) {
        (Some(name), None) => {
            let groups = explain::explain(&st, name)?;
            if groups.is_empty() {
                bail!("no person, project or event named '{name}' in the store (names are matched exactly, with aliases)");
            }
            match args.format {
                ResolveFormat::Text => explain::write_text(&groups, true, out)?,
                ResolveFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&groups)?)?,
            }
            Ok(())
        }
        (None, Some(path)) => {
            let text = std::fs::read_to_string(path).with_context(|| format!("{}: cannot read the gold clustering", path.display()))?;
            let gold: score::Gold = serde_json::from_str(&text).with_context(|| format!("{}: not a gold clustering", path.display()))?;
            let report = score::score(&st, &gold)?;
            match args.format {
                ResolveFormat::Text => score::write_text(&report, out)?,
                ResolveFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?,
            }
            let all = report.overall();
            if let Some(min) = args.min {
                if all.precision() < min || all.recall() < min {
                    bail!("pairwise precision {:.3} / recall {:.3} below {min}", all.precision(), all.recall());
                }
            }
            Ok(())
        }
        (Some(_), Some(_)) => bail!("give --explain NAME or --score GOLD, not both"),
        (None, None) => bail!("give --explain NAME (why mentions are one entity or several) or --score GOLD_JSON"),
    }
}
