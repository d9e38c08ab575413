//! SPARQL 1.1 querying of the news knowledge graph.
//!
//! Queries read the *merged graph*, which holds each fact once, as their default graph; the
//! documents' named graphs (their evidence) are reached with `GRAPH`. A query with its own `FROM` /
//! `FROM NAMED` clauses is evaluated on the dataset it names.
//!
//! Every query runs under a [`ReadBudget`]: the one the command installed, else one with the
//! query's own timeout. Passing it cancels the query with a [`LimitExceeded`] error.
//!
//! Results are written as an aligned terminal table (CJK aware), as the standard
//! SPARQL results formats (CSV, TSV, JSON, XML), or — for `CONSTRUCT`/`DESCRIBE` —
//! as Turtle or N-Triples.

use crate::budget::{LimitExceeded, ReadBudget};
use crate::rdf::PREFIXES;
use anyhow::{anyhow, bail, Context};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::GraphName;
use oxigraph::model::{Term, Triple};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{
    CancellationToken, PreparedSparqlQuery, QueryEvaluationError, QueryResults, QuerySolutionIter, QueryTripleIter, SparqlEvaluator,
    SparqlSyntaxError,
};
use oxigraph::store::Store;
use std::io::{BufWriter, Write};
use std::time::Duration;

/// Output format of [`run_query`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum QueryFormat {
    /// Aligned terminal table (SELECT/ASK).
    Table,
    /// SPARQL 1.1 CSV results (SELECT/ASK).
    Csv,
    /// SPARQL 1.1 TSV results (SELECT/ASK).
    Tsv,
    /// SPARQL 1.1 JSON results (SELECT/ASK).
    Json,
    /// SPARQL XML results (SELECT/ASK).
    Xml,
    /// Turtle (CONSTRUCT/DESCRIBE).
    Turtle,
    /// N-Triples (CONSTRUCT/DESCRIBE).
    Ntriples,
}

/// What [`run_query`] wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QueryOutcome {
    /// Solutions or triples written (1 for ASK).
    pub rows: usize,
}

/// Table cells wider than this (in terminal columns) are truncated with `...`.
const MAX_CELL_WIDTH: usize = 60;

/// Runs one SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE) against the store with the union of
/// all graphs as default graph, writing the results in `format`. `None` picks `Table` for solutions and
/// booleans and `Turtle` for graphs. Table/Csv/Tsv/Json/Xml for SELECT/ASK; Turtle/Ntriples for graphs
/// (asking for a solutions format on a graph result, or a graph format on a SELECT, is a clear error).
/// `timeout`: cancel the query after that long, when the command installed no [`ReadBudget`].
pub fn run_query(
    store: &Store,
    sparql: &str,
    format: Option<QueryFormat>,
    timeout: Option<Duration>,
    out: &mut dyn Write,
) -> anyhow::Result<QueryOutcome> {
    let budget = ReadBudget::installed().unwrap_or_else(|| ReadBudget::start(timeout, None));
    let token = budget.token();
    let result = prepare_query(sparql, Some(token.clone())).and_then(|prepared| execute_and_write(store, prepared, format, &token, out));
    result.map_err(|e| explain_cancellation(e, &budget))
}

/// One solution of [`select`]: variable name → value (IRIs and literals as their lexical text).
pub type Row = std::collections::HashMap<String, String>;

/// Runs a SELECT over the union of all graphs and returns its solutions as rows of strings; unbound
/// variables are absent from a row. For the library's own queries (ask, analyze, export).
pub fn select(store: &Store, sparql: &str) -> anyhow::Result<Vec<Row>> {
    let budget = ReadBudget::installed().unwrap_or_else(|| ReadBudget::start(None, None));
    select_rows(store, sparql, &budget.token()).map_err(|e| explain_cancellation(e, &budget))
}

fn select_rows(store: &Store, sparql: &str, token: &CancellationToken) -> anyhow::Result<Vec<Row>> {
    let prepared = prepare_query(sparql, Some(token.clone()))?;
    let results = prepared.on_store(store).execute().map_err(evaluation_error)?;
    let QueryResults::Solutions(solutions) = results else { bail!("not a SELECT query") };
    let mut rows = Vec::new();
    for solution in solutions {
        let solution = solution.map_err(evaluation_error)?;
        ensure_not_cancelled(token)?;
        let row = solution
            .iter()
            .map(|(var, term)| {
                let text = match term {
                    Term::NamedNode(n) => n.as_str().to_string(),
                    Term::BlankNode(b) => b.to_string(),
                    Term::Literal(l) => l.value().to_string(),
                    #[allow(unreachable_patterns)]
                    other => other.to_string(),
                };
                (var.as_str().to_string(), text)
            })
            .collect();
        rows.push(row);
    }
    Ok(rows)
}

/// Parse-only check, for validating canned query files: returns the SELECT variables (empty for others).
pub fn query_variables(sparql: &str) -> anyhow::Result<Vec<String>> {
    let prepared = prepare_query(sparql, None)?;
    // The variables of a SELECT are only exposed by the (lazy) solution iterator, so the query is
    // bound to an empty in-memory store; nothing is iterated, hence nothing is evaluated.
    let empty = Store::new().context("cannot create an in-memory store")?;
    let results = prepared.on_store(&empty).execute().map_err(|e| anyhow!("invalid SPARQL query: {}", one_line(&e.to_string())))?;
    Ok(match results {
        QueryResults::Solutions(solutions) => solutions.variables().iter().map(|v| v.as_str().to_owned()).collect(),
        QueryResults::Boolean(_) | QueryResults::Graph(_) => Vec::new(),
    })
}

/// Parses `sparql` and configures the dataset: the merged graph as default graph unless FROM/FROM
/// NAMED is given.
fn prepare_query(sparql: &str, token: Option<CancellationToken>) -> anyhow::Result<PreparedSparqlQuery> {
    let mut evaluator = SparqlEvaluator::new();
    if let Some(token) = token {
        evaluator = evaluator.with_cancellation_token(token);
    }
    let mut prepared = evaluator.parse_query(sparql).map_err(|e| anyhow!(syntax_error_message(&e)))?;
    if prepared.dataset().is_default_dataset() {
        prepared.dataset_mut().set_default_graph(vec![GraphName::NamedNode(crate::rdf::merged_graph())]);
    }
    Ok(prepared)
}

/// Turns the parser's `error at L:C: expected ...` into a one-line message naming line and column.
fn syntax_error_message(error: &SparqlSyntaxError) -> String {
    let raw = one_line(&error.to_string());
    let located = raw.strip_prefix("error at ").and_then(|rest| {
        let (position, detail) = rest.split_once(": ")?;
        let (line, column) = position.split_once(':')?;
        let line: usize = line.parse().ok()?;
        let column: usize = column.parse().ok()?;
        let detail = describe_expectation(detail);
        Some(format!("SPARQL syntax error at line {line}, column {column}: {detail}"))
    });
    located.unwrap_or_else(|| format!("SPARQL syntax error: {}", shorten(&raw)))
}

/// The parser lists what it expected: grammar tokens, character classes and, for semantic checks,
/// plain sentences ("Prefix not found"). The sentences are what a user needs, so they win.
fn describe_expectation(detail: &str) -> String {
    let list = detail.strip_prefix("expected ").unwrap_or(detail);
    let list = list.strip_prefix("one of ").unwrap_or(list);
    let sentences: Vec<String> = split_top_level(list)
        .into_iter()
        .filter(|item| is_sentence(item))
        .map(|item| match item {
            "Prefix not found" => "undefined prefix (missing PREFIX declaration?)".to_owned(),
            other => other.to_owned(),
        })
        .collect();
    if sentences.is_empty() {
        shorten(detail)
    } else {
        sentences.join("; ")
    }
}

/// Splits `a, ['x', 'y'], b` on the commas outside brackets.
fn split_top_level(list: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in list.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                items.push(list[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(list[start..].trim());
    items
}

fn is_sentence(item: &str) -> bool {
    item.starts_with(|c: char| c.is_ascii_uppercase()) && item.contains(' ')
}

/// Keeps error messages readable: at most 200 characters.
fn shorten(text: &str) -> String {
    const MAX_CHARS: usize = 200;
    if text.chars().count() <= MAX_CHARS {
        return text.to_owned();
    }
    let kept: String = text.chars().take(MAX_CHARS).collect();
    format!("{kept}...")
}

/// Collapses all whitespace runs (including newlines) into single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn execute_and_write(
    store: &Store,
    prepared: PreparedSparqlQuery,
    format: Option<QueryFormat>,
    token: &CancellationToken,
    out: &mut dyn Write,
) -> anyhow::Result<QueryOutcome> {
    let results = prepared.on_store(store).execute().map_err(evaluation_error)?;
    let mut writer = BufWriter::new(out);
    let rows = match results {
        QueryResults::Solutions(solutions) => {
            let format = solutions_format(format, "a SELECT query returns solutions")?;
            write_solutions(solutions, format, token, &mut writer)?
        }
        QueryResults::Boolean(value) => {
            let format = solutions_format(format, "an ASK query returns a boolean")?;
            write_boolean(value, format, &mut writer)?
        }
        QueryResults::Graph(triples) => {
            let format = graph_format(format)?;
            write_graph(triples, format, token, &mut writer)?
        }
    };
    writer.flush().context("cannot write query results")?;
    Ok(QueryOutcome { rows })
}

/// Checked once per written row: oxigraph only checks its token while reading the store, so rows
/// computed from memory (e.g. cross products) would otherwise keep flowing after a timeout.
fn ensure_not_cancelled(token: &CancellationToken) -> anyhow::Result<()> {
    if token.is_cancelled() {
        bail!("query cancelled");
    }
    Ok(())
}

fn evaluation_error(error: QueryEvaluationError) -> anyhow::Error {
    match error {
        QueryEvaluationError::Cancelled => anyhow!("query cancelled"),
        other => anyhow!("query evaluation failed: {}", one_line(&other.to_string())),
    }
}

/// Replaces an error caused by the budget's cancellation with the bound that was passed (a
/// [`LimitExceeded`], which callers can tell from other errors by downcasting).
fn explain_cancellation(error: anyhow::Error, budget: &ReadBudget) -> anyhow::Error {
    match budget.exceeded() {
        Some(limit) => anyhow::Error::new(limit),
        None => error,
    }
}

/// True when `error` is a read that passed its time or memory bound.
pub fn is_limit_exceeded(error: &anyhow::Error) -> bool {
    error.chain().any(|c| c.downcast_ref::<LimitExceeded>().is_some())
}

fn format_name(format: QueryFormat) -> &'static str {
    match format {
        QueryFormat::Table => "table",
        QueryFormat::Csv => "csv",
        QueryFormat::Tsv => "tsv",
        QueryFormat::Json => "json",
        QueryFormat::Xml => "xml",
        QueryFormat::Turtle => "turtle",
        QueryFormat::Ntriples => "ntriples",
    }
}

/// Output choice for SELECT/ASK results; `None` inside means the aligned table.
fn solutions_format(format: Option<QueryFormat>, what: &str) -> anyhow::Result<Option<QueryResultsFormat>> {
    match format.unwrap_or(QueryFormat::Table) {
        QueryFormat::Table => Ok(None),
        QueryFormat::Csv => Ok(Some(QueryResultsFormat::Csv)),
        QueryFormat::Tsv => Ok(Some(QueryResultsFormat::Tsv)),
        QueryFormat::Json => Ok(Some(QueryResultsFormat::Json)),
        QueryFormat::Xml => Ok(Some(QueryResultsFormat::Xml)),
        graph @ (QueryFormat::Turtle | QueryFormat::Ntriples) => bail!(
            "format '{}' is only for CONSTRUCT/DESCRIBE results, but {what}; \
             use table, csv, tsv, json or xml",
            format_name(graph)
        ),
    }
}

fn graph_format(format: Option<QueryFormat>) -> anyhow::Result<RdfFormat> {
    match format.unwrap_or(QueryFormat::Turtle) {
        QueryFormat::Turtle => Ok(RdfFormat::Turtle),
        QueryFormat::Ntriples => Ok(RdfFormat::NTriples),
        other => bail!(
            "format '{}' is only for SELECT/ASK results, but a CONSTRUCT/DESCRIBE query \
             returns a graph; use turtle or ntriples",
            format_name(other)
        ),
    }
}

fn write_solutions(
    solutions: QuerySolutionIter<'_>,
    format: Option<QueryResultsFormat>,
    token: &CancellationToken,
    out: &mut dyn Write,
) -> anyhow::Result<usize> {
    match format {
        None => write_solutions_table(solutions, token, out),
        Some(format) => write_solutions_standard(solutions, format, token, out),
    }
}

fn write_solutions_standard(
    solutions: QuerySolutionIter<'_>,
    format: QueryResultsFormat,
    token: &CancellationToken,
    out: &mut dyn Write,
) -> anyhow::Result<usize> {
    let variables = solutions.variables().to_vec();
    let mut serializer =
        QueryResultsSerializer::from_format(format).serialize_solutions_to_writer(out, variables).context("cannot write query results")?;
    let mut rows = 0;
    for solution in solutions {
        let solution = solution.map_err(evaluation_error)?;
        ensure_not_cancelled(token)?;
        serializer.serialize(&solution).context("cannot write query results")?;
        rows += 1;
    }
    serializer.finish().context("cannot write query results")?;
    Ok(rows)
}

fn write_solutions_table(solutions: QuerySolutionIter<'_>, token: &CancellationToken, out: &mut dyn Write) -> anyhow::Result<usize> {
    let header: Vec<String> = solutions.variables().iter().map(|v| v.as_str().to_owned()).collect();
    let mut rows = Vec::new();
    for solution in solutions {
        let solution = solution.map_err(evaluation_error)?;
        ensure_not_cancelled(token)?;
        let cells = (0..header.len()).map(|i| solution.get(i).map(table_cell).unwrap_or_default()).collect();
        rows.push(cells);
    }
    write_table(&header, &rows, out).context("cannot write query results")?;
    Ok(rows.len())
}

fn write_boolean(value: bool, format: Option<QueryResultsFormat>, out: &mut dyn Write) -> anyhow::Result<usize> {
    match format {
        None => writeln!(out, "{value}"),
        Some(format) => QueryResultsSerializer::from_format(format).serialize_boolean_to_writer(out, value).map(|_| ()),
    }
    .context("cannot write query results")?;
    Ok(1)
}

fn write_graph(triples: QueryTripleIter<'_>, format: RdfFormat, token: &CancellationToken, out: &mut dyn Write) -> anyhow::Result<usize> {
    let mut serializer = graph_serializer(format)?.for_writer(out);
    let mut rows = 0;
    for triple in triples {
        let triple: Triple = triple.map_err(evaluation_error)?;
        ensure_not_cancelled(token)?;
        serializer.serialize_triple(&triple).context("cannot write query results")?;
        rows += 1;
    }
    serializer.finish().context("cannot write query results")?;
    Ok(rows)
}

fn graph_serializer(format: RdfFormat) -> anyhow::Result<RdfSerializer> {
    let mut serializer = RdfSerializer::from_format(format);
    if format == RdfFormat::Turtle {
        for (prefix, namespace) in PREFIXES {
            serializer = serializer.with_prefix(*prefix, *namespace).context("invalid built-in prefix")?;
        }
    }
    Ok(serializer)
}

// ---------------------------------------------------------------------------
// Table rendering
// ---------------------------------------------------------------------------

/// Compact, single-line rendering of a term for the table: prefixed IRIs, bare literal values.
fn table_cell(term: &Term) -> String {
    let text = match term {
        Term::NamedNode(node) => abbreviate_iri(node.as_str()),
        Term::Literal(literal) => literal.value().to_owned(),
        other => other.to_string(),
    };
    truncate_to_width(&one_line(&text), MAX_CELL_WIDTH)
}

/// `prefix:local` for the known namespaces (longest namespace wins), else `<iri>`.
fn abbreviate_iri(iri: &str) -> String {
    PREFIXES
        .iter()
        .filter_map(|(prefix, namespace)| {
            let local = iri.strip_prefix(namespace)?;
            is_simple_local_name(local).then_some((namespace.len(), prefix, local))
        })
        .max_by_key(|(namespace_len, _, _)| *namespace_len)
        .map(|(_, prefix, local)| format!("{prefix}:{local}"))
        .unwrap_or_else(|| format!("<{iri}>"))
}

/// A local name that reads unambiguously after `prefix:` (letters, digits, `_`, `-`, inner `.`).
fn is_simple_local_name(local: &str) -> bool {
    !local.is_empty() && !local.ends_with('.') && local.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// Cuts `text` to at most `max` terminal columns, marking the cut with `...`.
pub(crate) fn truncate_to_width(text: &str, max: usize) -> String {
    if display_width(text) <= max {
        return text.to_owned();
    }
    let budget = max.saturating_sub(3);
    let mut kept = String::new();
    let mut width = 0;
    for c in text.chars() {
        let w = char_width(c);
        if width + w > budget {
            break;
        }
        kept.push(c);
        width += w;
    }
    kept.push_str("...");
    kept
}

/// Writes `| a | b |` rows, a `|---|---|` rule under the header and a final `N rows` line.
pub(crate) fn write_table(header: &[String], rows: &[Vec<String>], out: &mut dyn Write) -> std::io::Result<()> {
    if !header.is_empty() {
        let widths = column_widths(header, rows);
        write_table_row(header, &widths, out)?;
        write_table_rule(&widths, out)?;
        for row in rows {
            write_table_row(row, &widths, out)?;
        }
    }
    writeln!(out, "{} rows", rows.len())
}

fn column_widths(header: &[String], rows: &[Vec<String>]) -> Vec<usize> {
    header
        .iter()
        .enumerate()
        .map(|(i, name)| {
            rows.iter()
                .filter_map(|row| row.get(i))
                .map(|cell| display_width(cell))
                .chain(std::iter::once(display_width(name)))
                .max()
                .unwrap_or(0)
        })
        .collect()
}

fn write_table_row(cells: &[String], widths: &[usize], out: &mut dyn Write) -> std::io::Result<()> {
    let mut line = String::from("|");
    for (i, width) in widths.iter().enumerate() {
        let cell = cells.get(i).map(String::as_str).unwrap_or("");
        let padding = width.saturating_sub(display_width(cell));
        line.push(' ');
        line.push_str(cell);
        line.push_str(&" ".repeat(padding));
        line.push_str(" |");
    }
    writeln!(out, "{line}")
}

fn write_table_rule(widths: &[usize], out: &mut dyn Write) -> std::io::Result<()> {
    let mut line = String::from("|");
    for width in widths {
        line.push_str(&"-".repeat(width + 2));
        line.push('|');
    }
    writeln!(out, "{line}")
}

/// Width of `text` in terminal columns (East Asian Wide/Fullwidth characters count as 2).
fn display_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// Terminal columns taken by one character: 0 for controls and combining marks,
/// 2 for East Asian Wide/Fullwidth, 1 otherwise.
fn char_width(c: char) -> usize {
    let code = u32::from(c);
    if c.is_control() || is_zero_width(code) {
        0
    } else if is_wide(code) {
        2
    } else {
        1
    }
}

fn is_zero_width(code: u32) -> bool {
    matches!(
        code,
        0x0300..=0x036F     // combining diacritical marks
        | 0x200B..=0x200F   // zero-width space/joiners, direction marks
        | 0x20D0..=0x20FF   // combining marks for symbols
        | 0xFE00..=0xFE0F   // variation selectors
        | 0xFE20..=0xFE2F   // combining half marks
    )
}

fn is_wide(code: u32) -> bool {
    matches!(
        code,
        0x1100..=0x115F     // Hangul Jamo initials
        | 0x231A..=0x231B   // watch, hourglass
        | 0x2329..=0x232A   // angle brackets
        | 0x2E80..=0x303E   // CJK radicals, Kangxi, CJK symbols and punctuation (incl. U+3000)
        | 0x3041..=0x33FF   // Hiragana, Katakana, Bopomofo, Hangul compat., enclosed CJK
        | 0x3400..=0x4DBF   // CJK Extension A
        | 0x4E00..=0x9FFF   // CJK Unified Ideographs
        | 0xA000..=0xA4CF   // Yi
        | 0xA960..=0xA97F   // Hangul Jamo Extended-A
        | 0xAC00..=0xD7A3   // Hangul syllables
        | 0xF900..=0xFAFF   // CJK Compatibility Ideographs
        | 0xFE10..=0xFE19   // vertical forms
        | 0xFE30..=0xFE6F   // CJK compatibility forms, small form variants
        | 0xFF00..=0xFF60   // fullwidth ASCII variants
        | 0xFFE0..=0xFFE6   // fullwidth signs
        | 0x1F300..=0x1F64F // pictographs, emoticons
        | 0x1F900..=0x1F9FF // supplemental symbols and pictographs
        | 0x20000..=0x2FFFD // CJK Extensions B..F, compatibility supplement
        | 0x30000..=0x3FFFD // CJK Extension G and later
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{GraphName, Literal, NamedNode, Quad};

    const NG: &str = "https://newsgraph.local/ns#";
    const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
    const DOC1: &str = "https://newsgraph.local/doc/1";
    const DOC2: &str = "https://newsgraph.local/doc/2";
    const PREFIX_DECLS: &str = "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n\
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n\
        PREFIX ng: <https://newsgraph.local/ns#>\n";

    fn iri(value: &str) -> NamedNode {
        NamedNode::new(value).unwrap()
    }

    fn quad(s: &str, p: &str, o: impl Into<Term>, g: &str) -> Quad {
        Quad::new(iri(s), iri(p), o, GraphName::NamedNode(iri(g)))
    }

    /// Two documents in two named graphs and their facts in the merged graph.
    fn sample_store() -> Store {
        let store = Store::new().unwrap();
        let e1 = format!("{NG}e1");
        let e2 = format!("{NG}e2");
        let zh = |text: &str| Literal::new_language_tagged_literal(text, "zh").unwrap();
        let quads = [
            quad(&e1, RDF_TYPE, iri("http://www.w3.org/ns/org#Organization"), DOC1),
            quad(&e1, RDFS_LABEL, zh("国家发展和改革委员会"), DOC1),
            quad(&e2, RDF_TYPE, iri("http://schema.org/Person"), DOC2),
            quad(&e2, RDFS_LABEL, zh("李强"), DOC2),
            quad(&e2, "http://www.w3.org/ns/org#memberOf", iri(&e1), DOC2),
        ];
        // As the store model has it: each document's facts in its graph and, once, in the merged graph.
        let merged = crate::rdf::merged_graph();
        for q in &quads {
            store.insert(q).unwrap();
            store.insert(&Quad::new(q.subject.clone(), q.predicate.clone(), q.object.clone(), merged.clone())).unwrap();
        }
        store
    }

    fn run(store: &Store, body: &str, format: Option<QueryFormat>) -> anyhow::Result<(String, usize)> {
        let sparql = format!("{PREFIX_DECLS}{body}");
        let mut out = Vec::new();
        let outcome = run_query(store, &sparql, format, None, &mut out)?;
        Ok((String::from_utf8(out).unwrap(), outcome.rows))
    }

    const LABELS: &str = "SELECT ?s ?label WHERE { ?s rdfs:label ?label } ORDER BY ?s";

    #[test]
    fn the_default_graph_is_the_merged_graph() {
        let store = sample_store();
        // A second document stating e2's label again: still one row, the merged graph holds it once.
        let label = Literal::new_language_tagged_literal("李强", "zh").unwrap();
        store.insert(&quad("https://newsgraph.local/ns#e2", RDFS_LABEL, label, "https://newsgraph.local/doc/3")).unwrap();
        let (_, rows) = run(&store, LABELS, Some(QueryFormat::Csv)).unwrap();
        assert_eq!(rows, 2);
        let (_, rows) = run(&store, "SELECT ?p WHERE { ng:e2 ?p ?o . ng:e1 rdfs:label ?l }", Some(QueryFormat::Csv)).unwrap();
        assert_eq!(rows, 3, "join across what two documents said");
    }

    #[test]
    fn explicit_from_is_respected() {
        let store = sample_store();
        let body = format!("SELECT ?s ?label FROM <{DOC1}> WHERE {{ ?s rdfs:label ?label }}");
        let (csv, rows) = run(&store, &body, Some(QueryFormat::Csv)).unwrap();
        assert_eq!(rows, 1);
        assert!(csv.contains("国家发展和改革委员会"));
        let body = format!("SELECT ?g ?s FROM NAMED <{DOC2}> WHERE {{ GRAPH ?g {{ ?s a ?t }} }}");
        let (_, rows) = run(&store, &body, Some(QueryFormat::Csv)).unwrap();
        assert_eq!(rows, 1);
    }

    #[test]
    fn json_has_head_vars_and_bindings() {
        let store = sample_store();
        let (json, rows) = run(&store, LABELS, Some(QueryFormat::Json)).unwrap();
        assert_eq!(rows, 2);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["head"]["vars"], serde_json::json!(["s", "label"]));
        let bindings = value["results"]["bindings"].as_array().unwrap();
        assert_eq!(bindings.len(), 2);
        assert_eq!(bindings[0]["label"]["xml:lang"], "zh");
        assert_eq!(bindings[1]["label"]["value"], "李强");
    }

    #[test]
    fn csv_tsv_and_xml_shapes() {
        let store = sample_store();
        let (csv, _) = run(&store, LABELS, Some(QueryFormat::Csv)).unwrap();
        assert!(csv.starts_with("s,label\r\n"), "{csv:?}");
        assert_eq!(csv.lines().count(), 3);
        let (tsv, _) = run(&store, LABELS, Some(QueryFormat::Tsv)).unwrap();
        assert!(tsv.starts_with("?s\t?label\n"), "{tsv:?}");
        assert!(tsv.contains("\"李强\"@zh"), "{tsv:?}");
        let (xml, rows) = run(&store, LABELS, Some(QueryFormat::Xml)).unwrap();
        assert!(xml.starts_with("<?xml"), "{xml:?}");
        assert!(xml.contains("李强"));
        assert_eq!(rows, 2);
    }

    #[test]
    fn table_is_default_and_aligned_with_cjk() {
        let store = sample_store();
        let (table, rows) = run(&store, LABELS, None).unwrap();
        assert_eq!(rows, 2);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), 5, "{table}");
        assert_eq!(lines[0], "| s     | label                |");
        assert_eq!(lines[1], "|-------|----------------------|");
        assert_eq!(lines[2], "| ng:e1 | 国家发展和改革委员会 |");
        assert_eq!(lines[3], "| ng:e2 | 李强                 |");
        assert_eq!(lines[4], "2 rows");
        let widths: Vec<usize> = lines[..4].iter().map(|l| display_width(l)).collect();
        assert!(widths.iter().all(|w| *w == widths[0]), "{widths:?}");
    }

    #[test]
    fn table_shows_unbound_as_empty_and_unknown_iris_in_brackets() {
        let store = sample_store();
        let body = format!(
            "SELECT ?g ?s ?missing WHERE {{ GRAPH ?g {{ ?s a ?t }} FILTER(STRSTARTS(STR(?g), \"https://newsgraph.local/doc/\")) OPTIONAL {{ ?s <{NG}nope> ?missing }} }} ORDER BY ?g"
        );
        let (table, _) = run(&store, &body, Some(QueryFormat::Table)).unwrap();
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines[2], format!("| <{DOC1}> | ng:e1 |         |"));
        assert_eq!(lines[3], format!("| <{DOC2}> | ng:e2 |         |"));
        assert_eq!(lines[4], "2 rows");
    }

    #[test]
    fn ask_in_table_and_json() {
        let store = sample_store();
        let (text, rows) = run(&store, "ASK { ng:e2 rdfs:label \"李强\"@zh }", None).unwrap();
        assert_eq!((text.as_str(), rows), ("true\n", 1));
        let (text, _) = run(&store, "ASK { ng:e2 rdfs:label \"王\"@zh }", None).unwrap();
        assert_eq!(text, "false\n");
        let (json, _) = run(&store, "ASK { ?s ?p ?o }", Some(QueryFormat::Json)).unwrap();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["boolean"], true);
    }

    const CONSTRUCT: &str = "CONSTRUCT { ?s rdfs:label ?l ; a ?t } WHERE { ?s rdfs:label ?l ; a ?t }";

    #[test]
    fn construct_to_turtle_by_default() {
        let store = sample_store();
        let (turtle, rows) = run(&store, CONSTRUCT, None).unwrap();
        assert_eq!(rows, 4);
        assert!(turtle.contains("@prefix ng: <https://newsgraph.local/ns#> ."), "{turtle}");
        assert!(turtle.contains("ng:e1"), "{turtle}");
        assert!(turtle.contains("\"李强\"@zh"), "{turtle}");
        assert!(turtle.contains("schema:Person"), "{turtle}");
    }

    #[test]
    fn construct_to_ntriples() {
        let store = sample_store();
        let (nt, rows) = run(&store, CONSTRUCT, Some(QueryFormat::Ntriples)).unwrap();
        assert_eq!(rows, 4);
        let lines: Vec<&str> = nt.lines().collect();
        assert_eq!(lines.len(), 4, "{nt}");
        assert!(lines.iter().all(|l| l.starts_with('<') && l.ends_with(" .")), "{nt}");
        assert!(nt.contains(&format!("<{NG}e2> <{RDFS_LABEL}> \"李强\"@zh .")), "{nt}");
        assert!(!nt.contains("@prefix"));
    }

    #[test]
    fn describe_returns_a_graph() {
        let store = sample_store();
        let (_, rows) = run(&store, "DESCRIBE ng:e2", Some(QueryFormat::Ntriples)).unwrap();
        assert_eq!(rows, 3);
    }

    #[test]
    fn syntax_error_names_line_and_column() {
        let store = Store::new().unwrap();
        let mut out = Vec::new();
        let error = run_query(&store, "SELECT ?s\nWHERE { ?s ?p }", None, None, &mut out).unwrap_err().to_string();
        assert!(error.starts_with("SPARQL syntax error at line 2, column "), "{error}");
        assert!(!error.contains('\n'), "{error}");
        assert!(out.is_empty());
        let error = run_query(&store, "SELECT ?x WHERE { ?x foo:bar ?y }", None, None, &mut out).unwrap_err().to_string();
        assert_eq!(error, "SPARQL syntax error at line 1, column 29: undefined prefix (missing PREFIX declaration?)");
        let error = query_variables("SELEKT * WHERE {}").unwrap_err().to_string();
        assert!(error.starts_with("SPARQL syntax error at line 1, column 1"), "{error}");
    }

    #[test]
    fn wrong_format_for_result_kind_is_an_error() {
        let store = sample_store();
        let error = run(&store, LABELS, Some(QueryFormat::Turtle)).unwrap_err().to_string();
        assert!(error.contains("'turtle'") && error.contains("SELECT"), "{error}");
        let error = run(&store, "ASK {}", Some(QueryFormat::Ntriples)).unwrap_err().to_string();
        assert!(error.contains("'ntriples'") && error.contains("ASK"), "{error}");
        let error = run(&store, CONSTRUCT, Some(QueryFormat::Table)).unwrap_err().to_string();
        assert!(error.contains("'table'") && error.contains("CONSTRUCT"), "{error}");
        let error = run(&store, CONSTRUCT, Some(QueryFormat::Json)).unwrap_err().to_string();
        assert!(error.contains("turtle or ntriples"), "{error}");
    }

    #[test]
    fn query_variables_lists_select_variables_only() {
        let vars = query_variables(&format!("{PREFIX_DECLS}{LABELS}")).unwrap();
        assert_eq!(vars, ["s", "label"]);
        let vars = query_variables("SELECT * WHERE { ?a ?b ?c }").unwrap();
        assert_eq!(vars, ["a", "b", "c"]);
        assert!(query_variables("ASK { ?s ?p ?o }").unwrap().is_empty());
        assert!(query_variables("CONSTRUCT WHERE { ?s ?p ?o }").unwrap().is_empty());
    }

    #[test]
    fn timeout_that_is_not_reached_does_not_delay_the_query() {
        let store = sample_store();
        let started = std::time::Instant::now();
        let mut out = Vec::new();
        let outcome =
            run_query(&store, "SELECT * WHERE { ?s ?p ?o }", Some(QueryFormat::Csv), Some(Duration::from_secs(120)), &mut out).unwrap();
        assert_eq!(outcome.rows, 5);
        assert!(started.elapsed() < Duration::from_secs(60));
    }

    #[test]
    fn timeout_cancels_a_long_query() {
        let store = sample_store();
        // 5^8 = 390,625 solutions (about a second uncancelled): far beyond the 1 ms budget.
        let sparql = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o . \
                      ?p ?q ?r . ?s ?t ?u . ?v ?w ?x }";
        let started = std::time::Instant::now();
        let error = run_query(&store, sparql, Some(QueryFormat::Csv), Some(Duration::from_millis(1)), &mut std::io::sink())
            .unwrap_err()
            .to_string();
        assert!(error.contains("time limit of 0.001 s"), "{error}");
        assert!(started.elapsed() < Duration::from_millis(900), "{:?}", started.elapsed());
    }

    #[test]
    fn display_width_counts_cjk_as_two_columns() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("北京"), 4);
        assert_eq!(display_width("国务院 2024"), 11);
        assert_eq!(display_width("，。"), 4);
        assert_eq!(display_width("Ａ"), 2);
        assert_eq!(display_width("ｱ"), 1);
        assert_eq!(display_width("e\u{301}"), 1);
    }

    #[test]
    fn cells_are_compact() {
        assert_eq!(abbreviate_iri("https://newsgraph.local/ns#Person"), "ng:Person");
        assert_eq!(abbreviate_iri("http://schema.org/name"), "schema:name");
        assert_eq!(abbreviate_iri("http://schema.org/"), "<http://schema.org/>");
        assert_eq!(abbreviate_iri("http://example.com/a b"), "<http://example.com/a b>");
        assert_eq!(abbreviate_iri("http://schema.org/a/b"), "<http://schema.org/a/b>");
        let long = Literal::new_simple_literal("很长的文字".repeat(20));
        let cell = table_cell(&Term::Literal(long));
        assert!(cell.ends_with("...") && display_width(&cell) <= MAX_CELL_WIDTH, "{cell}");
        let multiline = Literal::new_simple_literal("第一行\n第二行\t完");
        assert_eq!(table_cell(&Term::Literal(multiline)), "第一行 第二行 完");
        let typed = Literal::new_typed_literal("2024-03-05", iri("http://www.w3.org/2001/XMLSchema#date"));
        assert_eq!(table_cell(&Term::Literal(typed)), "2024-03-05");
    }
}
