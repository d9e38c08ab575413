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
    for (title, query) in
        [("Who attended which events", ATTENDANCE_VIEW), ("Officials and their posts", PEOPLE_VIEW), ("Projects", PROJECTS_VIEW)]
    {
        writeln!(out, "\n== {title}")?;
        run_query(&store, query, Some(QueryFormat::Table), None, out)?;
    }
    writeln!(out, "\nThe full answers, with entity IRIs, come from queries/*.rq: newsgraph query --file queries/attendance.rq")?;
    Ok(())
}

/// The canned queries' answers without the IRI columns, for reading in a terminal.
const ATTENDANCE_VIEW: &str = r#"PREFIX schema: <http://schema.org/>
PREFIX ng: <https://newsgraph.local/ns#>
SELECT DISTINCT ?date ?event ?person ?role WHERE {
  ?e a schema:Event ; schema:name ?event ; ng:participation [ ng:participant/schema:name ?person ; ng:role ?role ] .
  OPTIONAL { ?e schema:startDate ?date }
} ORDER BY ?date ?event ?person"#;

const PEOPLE_VIEW: &str = r#"PREFIX schema: <http://schema.org/>
SELECT ?person (GROUP_CONCAT(DISTINCT ?title; separator="、") AS ?posts) WHERE {
  ?p a schema:Person ; schema:name ?person .
  OPTIONAL { ?p schema:jobTitle ?title }
} GROUP BY ?person ORDER BY ?person"#;

const PROJECTS_VIEW: &str = r#"PREFIX schema: <http://schema.org/>
PREFIX ng: <https://newsgraph.local/ns#>
SELECT DISTINCT ?project ?yuan ?place ?investor ?status WHERE {
  ?p a ng:Project ; schema:name ?project .
  OPTIONAL { ?p ng:investmentYuan ?yuan }
  OPTIONAL { ?p schema:location/schema:name ?place }
  OPTIONAL { ?p ng:investor/schema:name ?investor }
  OPTIONAL { ?p ng:status ?status }
} ORDER BY DESC(?yuan) ?project"#;
