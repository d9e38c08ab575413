//! `newsgraph demo`: the bundled sample articles → a temporary store → the canned answers.

use crate::input::read_documents;
use crate::query::{run_query, QueryFormat};
use anyhow::{Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The canned queries of `queries/`, compiled in so the binary answers them anywhere.
pub const CANNED: [(&str, &str); 6] = [
    ("people", include_str!("../queries/people.rq")),
    ("organizations", include_str!("../queries/organizations.rq")),
    ("places", include_str!("../queries/places.rq")),
    ("projects", include_str!("../queries/projects.rq")),
    ("events", include_str!("../queries/events.rq")),
    ("attendance", include_str!("../queries/attendance.rq")),
];

/// Where the sample articles are: `examples/articles` here, else beside the crate's sources.
pub fn sample_dir() -> PathBuf {
    let here = Path::new("examples/articles");
    if here.is_dir() {
        return here.to_path_buf();
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles")
}

pub fn run(dir: Option<&Path>, out: &mut dyn Write) -> Result<()> {
    let dir = dir.map(Path::to_path_buf).unwrap_or_else(sample_dir);
    let (docs, warnings) = read_documents(std::slice::from_ref(&dir))?;
    for w in warnings {
        eprintln!("{w}");
    }
    let tmp = tempfile::tempdir().context("cannot create a temporary store")?;
    let store = crate::store::open(tmp.path())?;
    for d in &docs {
        let s = crate::store::ingest(&store, &d.text, &d.source)?;
        writeln!(out, "ingested {}: {} entities, {} facts", d.source, s.extraction.entity_count(), s.extraction.fact_count())?;
    }
    for (title, name) in [
        ("Who attended which events", "attendance"),
        ("Officials and their posts", "people"),
        ("Projects", "projects"),
    ] {
        writeln!(out, "\n== {title} (queries/{name}.rq)")?;
        let query = CANNED.iter().find(|(n, _)| *n == name).map(|(_, q)| *q).unwrap_or_default();
        run_query(&store, query, Some(QueryFormat::Table), None, out)?;
    }
    Ok(())
}
