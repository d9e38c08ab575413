//! How two entities are connected: the shortest paths between them (relations followed either
//! way), each step with its relation and the sentences it was read from.

use crate::graph::{EntityGraph, GraphPath};
use crate::table::Table;
use petgraph::graph::{EdgeIndex, NodeIndex};
use std::io::Write;

/// One step of a path, from `from` to `to` over `edge`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathStep {
    pub from: NodeIndex,
    pub to: NodeIndex,
    pub edge: EdgeIndex,
    /// Whether the relation reads from `from` to `to` ("秦守源 出席 座谈会"), rather than back.
    pub forward: bool,
}

/// A path as steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepPath {
    pub steps: Vec<PathStep>,
}

/// The shortest paths from `from` to `to` of at most `max_hops` steps, at most `limit` of them,
/// in a stable order; and whether there were more than `limit`.
pub fn paths(g: &EntityGraph, from: NodeIndex, to: NodeIndex, max_hops: usize, limit: usize) -> (Vec<StepPath>, bool) {
    let mut found = g.shortest_paths(from, to, max_hops, limit.saturating_add(1));
    let more = found.len() > limit;
    found.truncate(limit);
    (found.iter().map(|p| steps(g, p)).collect(), more)
}

fn steps(g: &EntityGraph, p: &GraphPath) -> StepPath {
    let steps = p
        .edges
        .iter()
        .enumerate()
        .map(|(i, &edge)| {
            let (from, to) = (p.nodes[i], p.nodes[i + 1]);
            PathStep { from, to, edge, forward: reads_from(g, edge) == from }
        })
        .collect();
    StepPath { steps }
}

/// The entity a relation is said of: the person for `attendee` (event → person in RDF, "X 出席 E"
/// in words), else the edge's source.
fn reads_from(g: &EntityGraph, edge: EdgeIndex) -> NodeIndex {
    let (s, t) = g.graph.edge_endpoints(edge).expect("edge of this graph");
    if g.graph[edge].predicate == "attendee" {
        t
    } else {
        s
    }
}

/// "秦守源 —出席（讲话）→ 推介会", or with the arrow reversed when the relation reads backwards.
pub fn step_text(g: &EntityGraph, s: &PathStep) -> String {
    let (a, b, rel) = (&g.graph[s.from].label, &g.graph[s.to].label, g.graph[s.edge].label_zh());
    if s.forward {
        format!("{a} —{rel}→ {b}")
    } else {
        format!("{a} ←{rel}— {b}")
    }
}

/// Paths for people: a header, then each path's steps with their evidence sentences and sources.
/// No path within `max_hops` is a normal answer, said in words.
pub fn write_paths_text(
    g: &EntityGraph,
    from: NodeIndex,
    to: NodeIndex,
    max_hops: usize,
    limit: usize,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let (a, b) = (&g.graph[from], &g.graph[to]);
    if from == to {
        return writeln!(out, "{} ({}) is the entity itself: a path of 0 steps", a.label, a.kind.as_str());
    }
    let (found, more) = paths(g, from, to, max_hops, limit);
    let Some(first) = found.first() else {
        return writeln!(out, "no path between {} and {} within {max_hops} steps", a.label, b.label);
    };
    let shown = if more { format!(" (showing the first {limit}; there are more)") } else { String::new() };
    writeln!(
        out,
        "{} shortest path{} between {} ({}) and {} ({}), {} step{} each{shown}",
        found.len(),
        if found.len() == 1 { "" } else { "s" },
        a.label,
        a.kind.as_str(),
        b.label,
        b.kind.as_str(),
        first.steps.len(),
        if first.steps.len() == 1 { "" } else { "s" },
    )?;
    for (i, p) in found.iter().enumerate() {
        write_one(g, i + 1, p, out)?;
    }
    Ok(())
}

fn write_one(g: &EntityGraph, number: usize, p: &StepPath, out: &mut dyn Write) -> std::io::Result<()> {
    let mut names = vec![g.graph[p.steps[0].from].label.as_str()];
    names.extend(p.steps.iter().map(|s| g.graph[s.to].label.as_str()));
    writeln!(out, "\npath {number}: {}", names.join(" → "))?;
    for (j, s) in p.steps.iter().enumerate() {
        writeln!(out, "  {}. {}", j + 1, step_text(g, s))?;
        let evidence = &g.graph[s.edge].evidence;
        if evidence.is_empty() {
            writeln!(out, "     (no sentence: known from the gazetteer)")?;
        }
        for e in evidence {
            writeln!(out, "     「{}」 — {}", e.sentence, e.source)?;
        }
    }
    Ok(())
}

/// The paths as a table, one row per step: path, step, from, relation, predicate, direction, to,
/// evidence, source. Several sentences for one step are separated by newlines (in the same order
/// in both columns). No rows when there is no path.
pub fn path_table(g: &EntityGraph, from: NodeIndex, to: NodeIndex, max_hops: usize, limit: usize) -> Table {
    let mut t = Table::new(&["path", "step", "from", "relation", "predicate", "direction", "to", "evidence", "source"]);
    let (found, _) = paths(g, from, to, max_hops, limit);
    for (i, p) in found.iter().enumerate() {
        for (j, s) in p.steps.iter().enumerate() {
            let r = &g.graph[s.edge];
            let sentences: Vec<&str> = r.evidence.iter().map(|e| e.sentence.as_str()).collect();
            let sources: Vec<&str> = r.evidence.iter().map(|e| e.source.as_str()).collect();
            t.push(vec![
                (i + 1).to_string(),
                (j + 1).to_string(),
                g.graph[s.from].label.clone(),
                r.label_zh(),
                r.predicate.clone(),
                if s.forward { "forward" } else { "backward" }.to_string(),
                g.graph[s.to].label.clone(),
                sentences.join("\n"),
                sources.join("\n"),
            ]);
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::graph::Kind;

    /// 甲 and 乙 both at 座谈会; 乙 works at 某局, which 丙 also works at.
    fn sample() -> (EntityGraph, [NodeIndex; 5]) {
        let mut g = EntityGraph::default();
        let [a, b, c] = ["甲", "乙", "丙"].map(|l| add(&mut g, l, Kind::Person));
        let ev = add(&mut g, "座谈会", Kind::Event);
        let org = add(&mut g, "某局", Kind::Organization);
        relate(&mut g, ev, a, "attendee", &["presided"], "甲主持座谈会。");
        relate(&mut g, ev, b, "attendee", &["attended"], "乙出席座谈会。");
        relate(&mut g, b, org, "memberOf", &[], "某局局长乙。");
        relate(&mut g, c, org, "memberOf", &[], "");
        (g, [a, b, c, ev, org])
    }

    fn text(g: &EntityGraph, from: NodeIndex, to: NodeIndex, max: usize) -> String {
        let mut out = Vec::new();
        write_paths_text(g, from, to, max, 10, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn steps_read_the_way_the_relation_does() {
        let (g, [a, b, ..]) = sample();
        let t = text(&g, a, b, 6);
        assert!(t.starts_with("1 shortest path between 甲 (person) and 乙 (person), 2 steps each"), "{t}");
        assert!(t.contains("1. 甲 —出席（主持）→ 座谈会\n     「甲主持座谈会。」 — a.txt"), "{t}");
        assert!(t.contains("2. 座谈会 ←出席— 乙\n     「乙出席座谈会。」 — a.txt"), "{t}");
    }

    #[test]
    fn max_bounds_the_steps_and_no_path_is_an_answer() {
        let (g, [a, _, c, ..]) = sample();
        assert_eq!(paths(&g, a, c, 4, 10).0[0].steps.len(), 4);
        assert!(paths(&g, a, c, 3, 10).0.is_empty());
        assert_eq!(text(&g, a, c, 3), "no path between 甲 and 丙 within 3 steps\n");
        assert!(text(&g, a, c, 4).contains("(no sentence: known from the gazetteer)"));
    }

    #[test]
    fn the_table_has_one_row_per_step_with_evidence() {
        let (g, [a, b, ..]) = sample();
        let t = path_table(&g, b, a, 6, 10);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0][2..7], ["乙", "出席", "attendee", "forward", "座谈会"]);
        assert_eq!(t.rows[1][7..], ["甲主持座谈会。", "a.txt"]);
        assert!(path_table(&g, a, b, 1, 10).is_empty());
    }
}
