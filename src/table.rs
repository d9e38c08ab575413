//! Tabular answers (ask, analyze) written as a terminal table, JSON or CSV.

use serde_json::{Map, Value};
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutputFormat {
    /// Aligned columns for a terminal (long cells truncated).
    #[default]
    Table,
    /// An array of objects, one per row, keyed by column name.
    Json,
    /// RFC 4180 CSV with a header line.
    Csv,
}

impl OutputFormat {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "table" => Some(Self::Table),
            "json" => Some(Self::Json),
            "csv" => Some(Self::Csv),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Table cells wider than this (terminal columns) are cut with `...`; JSON and CSV keep them whole.
const MAX_CELL_WIDTH: usize = 60;

impl Table {
    pub fn new(columns: &[&str]) -> Self {
        Table { columns: columns.iter().map(|c| c.to_string()).collect(), rows: Vec::new() }
    }

    pub fn push(&mut self, row: Vec<String>) {
        debug_assert_eq!(row.len(), self.columns.len());
        self.rows.push(row);
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The values of one column, in row order.
    pub fn column(&self, name: &str) -> Vec<&str> {
        match self.columns.iter().position(|c| c == name) {
            Some(i) => self.rows.iter().map(|r| r[i].as_str()).collect(),
            None => Vec::new(),
        }
    }

    pub fn write(&self, format: OutputFormat, out: &mut dyn Write) -> std::io::Result<()> {
        match format {
            OutputFormat::Table => {
                let rows: Vec<Vec<String>> = self
                    .rows
                    .iter()
                    .map(|r| r.iter().map(|c| crate::query::truncate_to_width(&c.replace('\n', " "), MAX_CELL_WIDTH)).collect())
                    .collect();
                crate::query::write_table(&self.columns, &rows, out)
            }
            OutputFormat::Json => {
                let rows: Vec<Value> = self
                    .rows
                    .iter()
                    .map(|r| {
                        let m: Map<String, Value> = self.columns.iter().cloned().zip(r.iter().map(|c| Value::String(c.clone()))).collect();
                        Value::Object(m)
                    })
                    .collect();
                serde_json::to_writer_pretty(&mut *out, &rows)?;
                writeln!(out)
            }
            OutputFormat::Csv => {
                writeln!(out, "{}", self.columns.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(","))?;
                for r in &self.rows {
                    writeln!(out, "{}", r.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(","))?;
                }
                Ok(())
            }
        }
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        let mut t = Table::new(&["name", "note"]);
        t.push(vec!["张三".into(), "a, \"b\"".into()]);
        t
    }

    fn written(format: OutputFormat) -> String {
        let mut out = Vec::new();
        sample().write(format, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        assert_eq!(written(OutputFormat::Csv), "name,note\n张三,\"a, \"\"b\"\"\"\n");
    }

    #[test]
    fn json_rows_are_objects_keyed_by_column() {
        let v: Value = serde_json::from_str(&written(OutputFormat::Json)).unwrap();
        assert_eq!(v[0]["name"], "张三");
        assert_eq!(v[0]["note"], "a, \"b\"");
    }

    #[test]
    fn terminal_tables_count_their_rows() {
        let t = written(OutputFormat::Table);
        assert!(t.contains("张三") && t.ends_with("1 rows\n"), "{t}");
    }
}
