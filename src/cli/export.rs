//! `newsgraph export --format F [-o FILE] [--around NAME --depth N] [--types ...] [--graph IRI]`:
//! flags mapped onto [`newsgraph::export`].

use super::KindArg;
use anyhow::{Context, Result};
use newsgraph::export::{self, Format, Options};
use newsgraph::graph::Kind;
use newsgraph::store;
use std::io::{BufWriter, ErrorKind, Write};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
#[command(after_help = "Graph formats: graphml, gexf, dot, cyjs, html (one offline page). RDF: turtle, ntriples, rdfxml \
(all documents merged into one graph), nquads, trig (one named graph per document). --around/--types apply to every \
format; for RDF they keep the statements about the selected entities, their evidence and the documents cited.")]
pub struct ExportArgs {
    /// What to write.
    #[arg(long, short = 'f', value_enum)]
    format: Format,
    /// Write to this file (replaced atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Only the neighbourhood of this entity (a name or alias as stored, or a unique part of one).
    #[arg(long, value_name = "NAME")]
    around: Option<String>,
    /// Steps from --around, following relations either way [default: 1].
    #[arg(long, value_name = "N", requires = "around")]
    depth: Option<usize>,
    /// Only these kinds of entity, comma separated (the --around entity is always kept).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KINDS")]
    types: Vec<KindArg>,
    /// RDF formats only: just this named graph (its IRI, or the source path of its document).
    #[arg(long, value_name = "IRI")]
    graph: Option<String>,
}

/// Exports the store at `store` as `args` say, to `-o FILE` or to `out`.
pub fn run(store: &Path, args: ExportArgs, out: &mut dyn Write) -> Result<()> {
    let st = store::open_read_only(store)?;
    let options =
        Options { around: args.around, depth: args.depth, kinds: args.types.into_iter().map(Kind::from).collect(), graph: args.graph };
    match &args.output {
        Some(path) => {
            let written = write_file(path, |w| export::export(&st, args.format, &options, w))?;
            writeln!(out, "wrote {written} to {}", path.display())?;
            Ok(())
        }
        None => {
            let mut w = BufWriter::new(out);
            let result = export::export(&st, args.format, &options, &mut w).and_then(|_| Ok(w.flush()?));
            ignore_broken_pipe(result)
        }
    }
}

/// A reader that closed the pipe (`| head`) is not an error.
fn ignore_broken_pipe(result: Result<()>) -> Result<()> {
    match result {
        Err(e) if e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == ErrorKind::BrokenPipe)) => Ok(()),
        other => other,
    }
}

/// Runs `write` into a temporary file beside `path`, then renames it over `path`: readers never
/// see half a file, and a failed export leaves any older file as it was.
fn write_file<T>(path: &Path, write: impl FnOnce(&mut dyn Write) -> Result<T>) -> Result<T> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if path.is_dir() {
        anyhow::bail!("-o {}: is a directory", path.display());
    }
    let tmp = tempfile::Builder::new()
        .prefix(".newsgraph-export-")
        .tempfile_in(dir)
        .with_context(|| format!("-o {}: cannot create a file in {}", path.display(), dir.display()))?;
    let mut w = BufWriter::new(tmp);
    let value = write(&mut w)?;
    let tmp = w.into_inner().map_err(|e| e.into_error()).with_context(|| format!("writing {}", path.display()))?;
    tmp.as_file().sync_all().with_context(|| format!("writing {}", path.display()))?;
    set_permissions(tmp.as_file(), path);
    tmp.persist(path).map_err(|e| e.error).with_context(|| format!("-o {}: cannot replace the file", path.display()))?;
    Ok(value)
}

/// Gives the new file the permissions of the file it replaces, or rw-r--r-- (temporary files are
/// created rw-------).
#[cfg(unix)]
fn set_permissions(file: &std::fs::File, path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).map(|m| m.permissions().mode()).unwrap_or(0o644);
    let _ = file.set_permissions(std::fs::Permissions::from_mode(mode));
}

#[cfg(not(unix))]
fn set_permissions(_file: &std::fs::File, _path: &Path) {}
