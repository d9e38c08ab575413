//! Graphviz DOT: nodes filled with the colour of their type (shape by type too), labelled with the
//! entity's name, edges labelled with the relation in Chinese; tooltips (SVG output) carry the
//! facts and the evidence sentences, and the graph label is a legend of the colours.
//! Besides the Graphviz attributes, nodes carry `type` and `iri` and edges `relation` (Graphviz
//! ignores them; other readers of DOT, e.g. pydot, keep them).

use super::{edge_weight, evidence_text, join_values, kind_colour, node_id};
use crate::graph::{EntityGraph, Kind, Relation};
use petgraph::graph::{EdgeReference, NodeIndex};
use petgraph::visit::EdgeRef;
use std::io::{self, Write};

/// `s` as a DOT double-quoted string. Backslashes are doubled (Graphviz labels read `\\` as one
/// backslash), quotes become `\"`, line breaks `\n` (a centred line break in labels), other
/// control characters are dropped. A string ending in a backslash gets a trailing space, since
/// Graphviz would read the final `\"` as an escaped quote.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    if out.ends_with('\\') {
        out.push(' ');
    }
    out.push('"');
    out
}

/// `s` escaped for a Graphviz HTML-like label.
fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn shape(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "ellipse",
        Kind::Organization => "box",
        Kind::Place => "hexagon",
        Kind::Project => "component",
        Kind::Event => "octagon",
    }
}

/// The title and a row of coloured cells, one per kind, as an HTML-like label.
fn legend(title: &str) -> String {
    let cells: String = Kind::ALL
        .iter()
        .map(|&k| format!(r#"<td bgcolor="{}"><font color="white">{} {}</font></td>"#, kind_colour(k), k.zh(), k.as_str()))
        .collect();
    format!(r#"<<table border="0" cellspacing="4"><tr><td colspan="5"><b>{}</b></td></tr><tr>{cells}</tr></table>>"#, html(title))
}

/// Writes `g` as one DOT digraph.
pub fn write(g: &EntityGraph, title: &str, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "digraph newsgraph {{")?;
    writeln!(w, "  graph [label={}, labelloc=t, fontname=\"sans-serif\", overlap=false, splines=true];", legend(title))?;
    writeln!(w, "  node [style=filled, fontname=\"sans-serif\", fontcolor=white, color=\"#555555\"];")?;
    writeln!(w, "  edge [fontname=\"sans-serif\", fontsize=10, color=\"#888888\"];")?;
    for n in g.graph.node_indices() {
        write_node(g, n, w)?;
    }
    for e in g.graph.edge_references() {
        write_edge(e, w)?;
    }
    writeln!(w, "}}")
}

/// The tooltip of a node: type, then every literal fact.
fn node_tooltip(g: &EntityGraph, n: NodeIndex) -> String {
    let e = &g.graph[n];
    let mut lines = vec![format!("{}（{}）", e.label, e.kind.zh())];
    lines.extend(e.attributes.iter().map(|(k, v)| format!("{k}: {}", join_values(v))));
    lines.join("\n")
}

fn write_node(g: &EntityGraph, n: NodeIndex, w: &mut dyn Write) -> io::Result<()> {
    let e = &g.graph[n];
    writeln!(
        w,
        "  {} [label={}, shape={}, fillcolor={}, tooltip={}, type={}, iri={}];",
        quote(&node_id(n)),
        quote(&e.label),
        shape(e.kind),
        quote(kind_colour(e.kind)),
        quote(&node_tooltip(g, n)),
        quote(e.kind.as_str()),
        quote(&e.iri)
    )
}

fn write_edge(e: EdgeReference<'_, Relation>, w: &mut dyn Write) -> io::Result<()> {
    let r = e.weight();
    let tooltip = if r.evidence.is_empty() { r.label_zh() } else { evidence_text(r) };
    writeln!(
        w,
        "  {} -> {} [label={}, tooltip={}, relation={}, weight={}];",
        quote(&node_id(e.source())),
        quote(&node_id(e.target())),
        quote(&r.label_zh()),
        quote(&tooltip),
        quote(&r.predicate),
        edge_weight(r)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::{hostile_graph, sample_graph};

    fn render(g: &EntityGraph, title: &str) -> String {
        let mut out = Vec::new();
        write(g, title, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// Splits DOT text into its quoted strings the way Graphviz's lexer does (`\"` is the only escape).
    fn quoted_strings(dot: &str) -> Vec<String> {
        let (mut out, mut cur, mut inside) = (Vec::new(), String::new(), false);
        let mut chars = dot.chars().peekable();
        while let Some(c) = chars.next() {
            match (inside, c) {
                (false, '"') => inside = true,
                (true, '\\') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cur.push('"');
                }
                (true, '"') => {
                    inside = false;
                    out.push(std::mem::take(&mut cur));
                }
                (true, c) => cur.push(c),
                _ => {}
            }
        }
        assert!(!inside, "unterminated string in {dot}");
        out
    }

    #[test]
    fn quoting_survives_quotes_backslashes_and_breaks() {
        assert_eq!(quote("秦守源"), "\"秦守源\"");
        assert_eq!(quote("a\"b"), r#""a\"b""#);
        assert_eq!(quote("a\\"), "\"a\\\\ \"");
        assert_eq!(quote("x\ny\r\u{1}"), r#""x\ny""#);
        for s in ["a\\", "\\\"", "\"\\", "\\\\\"", "end\\\\"] {
            assert_eq!(quoted_strings(&quote(s)).len(), 1, "{s:?} → {}", quote(s));
        }
    }

    #[test]
    fn hostile_labels_stay_inside_their_strings() {
        let text = render(&hostile_graph(), "A&B <x> \"t\\");
        let strings = quoted_strings(&text);
        assert!(strings.iter().any(|s| s.starts_with("A&B <市委> \"书记\" 'x' \\\\n\\\\ </script>")), "{strings:?}");
        assert!(text.contains("A&amp;B &lt;x&gt; &quot;t\\"), "{text}");
        assert!(!text.contains('\u{1}'));
        assert_eq!(text.matches(" -> ").count(), 2);
    }

    #[test]
    fn structure_matches_the_graph() {
        let g = sample_graph();
        let text = render(&g, "t");
        assert!(text.starts_with("digraph newsgraph {"));
        assert_eq!(text.matches("shape=").count(), g.node_count());
        assert_eq!(text.matches(" -> ").count(), g.edge_count());
        assert!(text.contains(&format!("fillcolor={}", quote(kind_colour(Kind::Person)))));
        assert!(text.contains("label=\"出席（主持、讲话）\"") || text.contains("label=\"出席（主持"), "{text}");
    }
}
