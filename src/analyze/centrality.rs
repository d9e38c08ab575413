//! Who is central: degree, PageRank, betweenness and closeness, all on the undirected simple view
//! of the whole graph (see [`super::undirected`]), then ranked among the kinds asked for.

use super::{by_label, score_cell, undirected};
use crate::graph::{EntityGraph, Kind};
use crate::table::Table;
use petgraph::graph::{NodeIndex, UnGraph};
use rustworkx_core::centrality::{betweenness_centrality, closeness_centrality};
use std::cmp::Ordering;

/// Graphs at least this big are measured on several threads (rustworkx-core's suggested default).
const PARALLEL_THRESHOLD: usize = 50;
/// PageRank's damping factor (networkx's default).
pub const DAMPING: f64 = 0.85;
/// PageRank stops when the ranks change by less than this per node (L1), or after
/// [`PAGERANK_MAX_ITERATIONS`].
const PAGERANK_TOLERANCE: f64 = 1e-12;
const PAGERANK_MAX_ITERATIONS: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Linked entities / (n − 1), as networkx's `degree_centrality`.
    Degree,
    /// PageRank (damping 0.85) with every link followed both ways.
    PageRank,
    /// Normalised shortest-path betweenness, 1 / ((n − 1)(n − 2)) for an undirected graph, as networkx.
    Betweenness,
    /// Closeness with the Wasserman–Faust correction for unconnected graphs, as networkx.
    Closeness,
}

impl Measure {
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Degree => "degree",
            Measure::PageRank => "pagerank",
            Measure::Betweenness => "betweenness",
            Measure::Closeness => "closeness",
        }
    }
}

/// One ranked entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    /// 1-based; entities with the same score (to 9 decimals) share a rank ("1, 2, 2, 4").
    pub rank: usize,
    pub node: NodeIndex,
    pub score: f64,
    /// How many distinct entities it is linked to.
    pub degree: usize,
}

/// The measure's score of every node, indexed by node index.
pub fn scores(g: &EntityGraph, measure: Measure) -> Vec<f64> {
    let u = undirected(g);
    match measure {
        Measure::Degree => degree_centrality(&u),
        Measure::PageRank => pagerank(&u),
        Measure::Betweenness => {
            betweenness_centrality(&u, false, true, PARALLEL_THRESHOLD).into_iter().map(Option::unwrap_or_default).collect()
        }
        Measure::Closeness => closeness_centrality(&u, true, PARALLEL_THRESHOLD).into_iter().map(Option::unwrap_or_default).collect(),
    }
}

/// Distinct neighbours / (n − 1); 1 for a single node, as networkx.
fn degree_centrality(u: &UnGraph<(), u32>) -> Vec<f64> {
    let n = u.node_count();
    if n <= 1 {
        return vec![1.0; n];
    }
    u.node_indices().map(|i| u.neighbors(i).count() as f64 / (n - 1) as f64).collect()
}

/// PageRank on the undirected view (each link followed both ways), by power iteration as networkx
/// does it: a dangling (unlinked) node's rank is spread evenly over all nodes.
///
/// Not `petgraph::algo::page_rank`: in petgraph 0.8 it costs O(iterations · V · E) and leaves the
/// random jump out of linked nodes' sums, so its ranks differ from the textbook (and networkx)
/// values in the third significant digit and can swap close entities.
fn pagerank(u: &UnGraph<(), u32>) -> Vec<f64> {
    let n = u.node_count();
    if n == 0 {
        return Vec::new();
    }
    let degree: Vec<usize> = u.node_indices().map(|i| u.neighbors(i).count()).collect();
    let mut rank = vec![1.0 / n as f64; n];
    for _ in 0..PAGERANK_MAX_ITERATIONS {
        let dangling: f64 = (0..n).filter(|&i| degree[i] == 0).map(|i| rank[i]).sum();
        let mut next = vec![(1.0 - DAMPING + DAMPING * dangling) / n as f64; n];
        for e in u.raw_edges() {
            let (a, b) = (e.source().index(), e.target().index());
            next[b] += DAMPING * rank[a] / degree[a] as f64;
            next[a] += DAMPING * rank[b] / degree[b] as f64;
        }
        let change: f64 = next.iter().zip(&rank).map(|(x, y)| (x - y).abs()).sum();
        rank = next;
        if change < PAGERANK_TOLERANCE * n as f64 {
            break;
        }
    }
    rank
}

/// Scores compared to 9 decimals, so that float noise does not break ties.
fn quantize(score: f64) -> i64 {
    (score * 1e9).round() as i64
}

/// The `top` highest-scoring entities of the given kinds (all kinds when empty), scored on the
/// whole graph; ties by label. `top == 0` keeps them all.
pub fn rank(g: &EntityGraph, measure: Measure, kinds: &[Kind], top: usize) -> Vec<Ranked> {
    let scores = scores(g, measure);
    let u = undirected(g);
    let mut nodes: Vec<NodeIndex> = g.graph.node_indices().filter(|&n| kinds.is_empty() || kinds.contains(&g.graph[n].kind)).collect();
    let order = |a: &NodeIndex, b: &NodeIndex| -> Ordering {
        quantize(scores[b.index()]).cmp(&quantize(scores[a.index()])).then_with(|| by_label(g, *a, *b))
    };
    nodes.sort_by(order);
    let mut out: Vec<Ranked> = Vec::new();
    for (i, &n) in nodes.iter().enumerate() {
        let tied = out.last().filter(|p| quantize(p.score) == quantize(scores[n.index()]));
        let rank = tied.map_or(i + 1, |p| p.rank);
        out.push(Ranked { rank, node: n, score: scores[n.index()], degree: u.neighbors(n).count() });
    }
    if top > 0 {
        out.truncate(top);
    }
    out
}

/// [`rank`] as a table: rank, entity, type, score (of `measure`), degree.
pub fn centrality_table(g: &EntityGraph, measure: Measure, kinds: &[Kind], top: usize) -> Table {
    let mut t = Table::new(&["rank", "entity", "type", "score", "degree"]);
    for r in rank(g, measure, kinds, top) {
        let e = &g.graph[r.node];
        t.push(vec![r.rank.to_string(), e.label.clone(), e.kind.as_str().into(), score_cell(r.score), r.degree.to_string()]);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    /// A star: hub 中心 linked to 甲, 乙, 丙, and 丙 linked on to 丁 (a path of length 2 from the hub).
    fn star() -> (EntityGraph, Vec<NodeIndex>) {
        let mut g = EntityGraph::default();
        let hub = add(&mut g, "中心", Kind::Event);
        let leaves: Vec<NodeIndex> = ["甲", "乙", "丙"].iter().map(|l| add(&mut g, l, Kind::Person)).collect();
        attend(&mut g, hub, &leaves);
        let far = add(&mut g, "丁", Kind::Organization);
        relate(&mut g, leaves[2], far, "memberOf", &[], "");
        let mut all = vec![hub];
        all.extend(leaves);
        all.push(far);
        (g, all)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn degree_is_normalised_by_n_minus_one() {
        let (g, n) = star();
        let s = scores(&g, Measure::Degree);
        assert!(close(s[n[0].index()], 3.0 / 4.0) && close(s[n[4].index()], 1.0 / 4.0), "{s:?}");
    }

    #[test]
    fn betweenness_and_closeness_match_networkx() {
        // networkx: betweenness_centrality → 中心 5/6, 丙 1/2; closeness_centrality → 中心 4/5, 丁 4/9.
        let (g, n) = star();
        let b = scores(&g, Measure::Betweenness);
        assert!(close(b[n[0].index()], 5.0 / 6.0) && close(b[n[3].index()], 0.5) && close(b[n[1].index()], 0.0), "{b:?}");
        let c = scores(&g, Measure::Closeness);
        assert!(close(c[n[0].index()], 0.8) && close(c[n[4].index()], 4.0 / 9.0), "{c:?}");
    }

    #[test]
    fn pagerank_matches_networkx_and_sums_to_one() {
        // networkx.pagerank of the star plus an unlinked node (tol 1e-14).
        let (mut g, n) = star();
        let lone = add(&mut g, "孤", Kind::Place);
        let p = scores(&g, Measure::PageRank);
        assert!(close(p.iter().sum::<f64>(), 1.0), "{p:?}");
        let expected = [
            (n[0], 0.34714347312259647),
            (n[1], 0.12748353097697468),
            (n[3], 0.23834178086946947),
            (n[4], 0.13042147046175154),
            (lone, 0.02912621359223301),
        ];
        for (node, want) in expected {
            assert!((p[node.index()] - want).abs() < 1e-9, "{}: {} vs {want}", g.graph[node].label, p[node.index()]);
        }
        assert_eq!(rank(&g, Measure::PageRank, &[], 1)[0].node, n[0]);
    }

    #[test]
    fn ranking_filters_by_kind_breaks_ties_by_label_and_shares_ranks() {
        let (g, _) = star();
        let people = rank(&g, Measure::Degree, &[Kind::Person], 0);
        let labels: Vec<&str> = people.iter().map(|r| g.graph[r.node].label.as_str()).collect();
        // 丙 has two links; 乙 and 甲 one each, tied, ordered by label (code point order).
        assert_eq!(labels, ["丙", "乙", "甲"]);
        assert_eq!(people.iter().map(|r| r.rank).collect::<Vec<_>>(), [1, 2, 2]);
        assert_eq!(rank(&g, Measure::Degree, &[Kind::Person], 2).len(), 2);
        let t = centrality_table(&g, Measure::Closeness, &[], 1);
        assert_eq!(t.columns, ["rank", "entity", "type", "score", "degree"]);
        assert_eq!(t.rows[0], ["1", "中心", "event", "0.8000", "3"]);
    }

    #[test]
    fn empty_graphs_rank_nothing() {
        let g = EntityGraph::default();
        for m in [Measure::Degree, Measure::PageRank, Measure::Betweenness, Measure::Closeness] {
            assert!(rank(&g, m, &[], 10).is_empty());
        }
    }
}
