//! Groups of closely linked entities: Louvain modularity optimisation (Blondel et al. 2008) on the
//! undirected view of the graph, with the events and projects that bind each group.
//!
//! The implementation is deterministic: nodes are visited in index order, candidate communities
//! in id order, and a node only moves for a strictly better modularity gain, so the same graph
//! always gives the same communities.

use super::{by_label, event_name, undirected, LIST_SEPARATOR};
use crate::graph::{EntityGraph, Kind};
use crate::table::Table;
use petgraph::graph::NodeIndex;
use std::collections::{BTreeMap, BTreeSet};

/// Gains smaller than this are float noise, not improvements.
const EPSILON: f64 = 1e-12;
/// A bound on local-moving sweeps per level (each sweep that moves a node raises modularity, so
/// this is only a guard).
const MAX_SWEEPS: usize = 1000;

/// A weighted undirected graph as adjacency lists; a self-loop appears once in its node's list.
struct Weighted {
    adj: Vec<Vec<(usize, f64)>>,
}

impl Weighted {
    /// From edges `(u, v, w)`; edges between the same pair add up.
    fn new(n: usize, edges: &[(usize, usize, f64)]) -> Self {
        let mut merged: BTreeMap<(usize, usize), f64> = BTreeMap::new();
        for &(u, v, w) in edges {
            *merged.entry((u.min(v), u.max(v))).or_default() += w;
        }
        let mut adj = vec![Vec::new(); n];
        for ((u, v), w) in merged {
            adj[u].push((v, w));
            if u != v {
                adj[v].push((u, w));
            }
        }
        Weighted { adj }
    }

    /// Weighted degree; a self-loop counts twice.
    fn degree(&self, u: usize) -> f64 {
        self.adj[u].iter().map(|&(v, w)| if v == u { 2.0 * w } else { w }).sum()
    }

    /// The edges once each, as `(u, v, w)` with `u <= v`.
    fn edges(&self) -> impl Iterator<Item = (usize, usize, f64)> + '_ {
        self.adj.iter().enumerate().flat_map(|(u, l)| l.iter().filter(move |&&(v, _)| u <= v).map(move |&(v, w)| (u, v, w)))
    }
}

/// Louvain communities of the graph with `n` nodes and weighted undirected `edges` (weights > 0).
/// Returns each node's community, numbered from 0 in order of each community's first node.
/// `resolution` > 1 favours smaller communities, < 1 larger ones (1 is plain modularity).
pub fn louvain(n: usize, edges: &[(usize, usize, f64)], resolution: f64) -> Vec<usize> {
    let mut membership: Vec<usize> = (0..n).collect();
    let mut level = Weighted::new(n, edges);
    loop {
        let (communities, moved) = local_moving(&level, resolution);
        if !moved {
            break;
        }
        let (renumbered, count) = renumber(&communities);
        for c in membership.iter_mut() {
            *c = renumbered[*c];
        }
        level = aggregate(&level, &renumbered, count);
    }
    renumber(&membership).0
}

/// One Louvain level: moves nodes between communities while that raises modularity. Returns each
/// node's community and whether any node moved.
fn local_moving(g: &Weighted, resolution: f64) -> (Vec<usize>, bool) {
    let n = g.adj.len();
    let degree: Vec<f64> = (0..n).map(|u| g.degree(u)).collect();
    let m2: f64 = degree.iter().sum();
    let mut community: Vec<usize> = (0..n).collect();
    if m2 <= 0.0 {
        return (community, false);
    }
    let mut total = degree.clone();
    let mut moved_any = false;
    for _ in 0..MAX_SWEEPS {
        let mut moved = false;
        for u in 0..n {
            let own = community[u];
            let links = links_to_communities(g, &community, u);
            total[own] -= degree[u];
            let gain = |c: usize| links.get(&c).copied().unwrap_or(0.0) - resolution * total[c] * degree[u] / m2;
            let (mut best, mut best_gain) = (own, gain(own));
            for &c in links.keys() {
                let g = gain(c);
                if g > best_gain + EPSILON {
                    (best, best_gain) = (c, g);
                }
            }
            total[best] += degree[u];
            community[u] = best;
            moved |= best != own;
        }
        moved_any |= moved;
        if !moved {
            break;
        }
    }
    (community, moved_any)
}

/// The weight of `u`'s links into each community (its self-loop excluded), by community id.
fn links_to_communities(g: &Weighted, community: &[usize], u: usize) -> BTreeMap<usize, f64> {
    let mut links = BTreeMap::new();
    for &(v, w) in &g.adj[u] {
        if v != u {
            *links.entry(community[v]).or_default() += w;
        }
    }
    links
}

/// Community ids renumbered 0.. in order of first appearance, and how many there are.
fn renumber(communities: &[usize]) -> (Vec<usize>, usize) {
    let mut ids: BTreeMap<usize, usize> = BTreeMap::new();
    let mut first_seen = Vec::new();
    for &c in communities {
        if let std::collections::btree_map::Entry::Vacant(e) = ids.entry(c) {
            e.insert(first_seen.len());
            first_seen.push(c);
        }
    }
    let mapped = communities.iter().map(|c| ids[c]).collect();
    (mapped, first_seen.len())
}

/// The graph of communities: one node per community, links within one become its self-loop.
fn aggregate(g: &Weighted, community: &[usize], count: usize) -> Weighted {
    let edges: Vec<(usize, usize, f64)> = g.edges().map(|(u, v, w)| (community[u], community[v], w)).collect();
    Weighted::new(count, &edges)
}

/// Newman's modularity of a partition (`community[node]`) of the weighted undirected graph.
pub fn modularity(n: usize, edges: &[(usize, usize, f64)], community: &[usize], resolution: f64) -> f64 {
    let g = Weighted::new(n, edges);
    let m2: f64 = (0..n).map(|u| g.degree(u)).sum();
    if m2 <= 0.0 {
        return 0.0;
    }
    let mut inside: BTreeMap<usize, f64> = BTreeMap::new();
    let mut total: BTreeMap<usize, f64> = BTreeMap::new();
    for (u, v, w) in g.edges() {
        if community[u] == community[v] {
            *inside.entry(community[u]).or_default() += w;
        }
    }
    for (u, c) in community.iter().enumerate().take(n) {
        *total.entry(*c).or_default() += g.degree(u);
    }
    total.iter().map(|(c, t)| 2.0 * inside.get(c).unwrap_or(&0.0) / m2 - resolution * (t / m2).powi(2)).sum()
}

/// A community of the entity graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Community {
    /// 1-based, largest community first.
    pub id: usize,
    /// Ordered by kind (persons first), then label.
    pub members: Vec<NodeIndex>,
    /// Events and projects that hold the group together, with how many members each is linked
    /// to: those inside it, and those outside linked to at least half of its members. Most
    /// linked first.
    pub binding: Vec<(NodeIndex, usize)>,
}

/// Louvain communities of the entity graph with at least `min_size` members, largest first
/// (ties by first member's label).
pub fn communities(g: &EntityGraph, resolution: f64, min_size: usize) -> Vec<Community> {
    let u = undirected(g);
    let edges: Vec<(usize, usize, f64)> =
        u.raw_edges().iter().map(|e| (e.source().index(), e.target().index(), f64::from(e.weight))).collect();
    let membership = louvain(g.node_count(), &edges, resolution);
    let mut groups: BTreeMap<usize, Vec<NodeIndex>> = BTreeMap::new();
    for (i, &c) in membership.iter().enumerate() {
        groups.entry(c).or_default().push(NodeIndex::new(i));
    }
    let mut out: Vec<Community> = groups
        .into_values()
        .filter(|m| m.len() >= min_size.max(1))
        .map(|mut members| {
            members.sort_by(|&a, &b| g.graph[a].kind.cmp(&g.graph[b].kind).then_with(|| by_label(g, a, b)));
            let binding = binding(g, &members);
            Community { id: 0, members, binding }
        })
        .collect();
    out.sort_by(|a, b| b.members.len().cmp(&a.members.len()).then_with(|| by_label(g, a.members[0], b.members[0])));
    for (i, c) in out.iter_mut().enumerate() {
        c.id = i + 1;
    }
    out
}

/// Events and projects inside the group, or linked to at least half of its members (and to two
/// or more), with how many members each is linked to; most linked first, then by label.
fn binding(g: &EntityGraph, members: &[NodeIndex]) -> Vec<(NodeIndex, usize)> {
    let inside: BTreeSet<NodeIndex> = members.iter().copied().collect();
    let binds = |n: NodeIndex| matches!(g.graph[n].kind, Kind::Event | Kind::Project);
    // Which members each event or project next to (or in) the group is linked to.
    let mut linked: BTreeMap<NodeIndex, BTreeSet<NodeIndex>> = BTreeMap::new();
    for &m in members {
        if binds(m) {
            linked.entry(m).or_default();
        }
        for (n, _) in g.neighbours(m) {
            if n != m && binds(n) {
                linked.entry(n).or_default().insert(m);
            }
        }
    }
    let mut out: Vec<(NodeIndex, usize)> = linked
        .into_iter()
        .map(|(n, ms)| (n, ms.len()))
        .filter(|&(n, count)| inside.contains(&n) || (count >= 2 && 2 * count >= members.len()))
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| by_label(g, a.0, b.0)));
    out
}

/// [`communities`] as a table: community, size, kinds, members, binding.
pub fn communities_table(g: &EntityGraph, resolution: f64, min_size: usize) -> Table {
    let mut t = Table::new(&["community", "size", "kinds", "members", "binding"]);
    for c in communities(g, resolution, min_size) {
        let members: Vec<&str> = c.members.iter().map(|&n| g.graph[n].label.as_str()).collect();
        let binding: Vec<String> = c.binding.iter().map(|&(n, k)| format!("{} ×{k}", binding_name(g, n))).collect();
        t.push(vec![
            c.id.to_string(),
            c.members.len().to_string(),
            kind_counts(g, &c.members),
            members.join(LIST_SEPARATOR),
            binding.join(LIST_SEPARATOR),
        ]);
    }
    t
}

/// "3 person, 1 event": how many members of each kind.
fn kind_counts(g: &EntityGraph, members: &[NodeIndex]) -> String {
    let mut counts: BTreeMap<Kind, usize> = BTreeMap::new();
    for &m in members {
        *counts.entry(g.graph[m].kind).or_default() += 1;
    }
    counts.iter().map(|(k, n)| format!("{n} {}", k.as_str())).collect::<Vec<_>>().join(", ")
}

fn binding_name(g: &EntityGraph, n: NodeIndex) -> String {
    if g.graph[n].kind == Kind::Event {
        event_name(g, n)
    } else {
        g.graph[n].label.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use petgraph::graph::UnGraph;

    fn clique(nodes: &[usize]) -> Vec<(usize, usize, f64)> {
        let mut e = Vec::new();
        for (i, &a) in nodes.iter().enumerate() {
            for &b in &nodes[i + 1..] {
                e.push((a, b, 1.0));
            }
        }
        e
    }

    #[test]
    fn two_cliques_joined_by_one_edge_are_two_communities() {
        let mut edges = clique(&[0, 1, 2, 3, 4]);
        edges.extend(clique(&[5, 6, 7, 8, 9]));
        edges.push((4, 5, 1.0));
        let c = louvain(10, &edges, 1.0);
        assert_eq!(c, [0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    }

    #[test]
    fn a_ring_of_cliques_needs_aggregation_and_comes_out_whole() {
        // Six triangles in a ring: each triangle is one community.
        let mut edges = Vec::new();
        for k in 0..6 {
            edges.extend(clique(&[3 * k, 3 * k + 1, 3 * k + 2]));
            edges.push((3 * k + 2, (3 * k + 3) % 18, 1.0));
        }
        let c = louvain(18, &edges, 1.0);
        for k in 0..6 {
            assert!(c[3 * k] == c[3 * k + 1] && c[3 * k + 1] == c[3 * k + 2], "{c:?}");
        }
        assert_eq!(c.iter().collect::<BTreeSet<_>>().len(), 6, "{c:?}");
    }

    #[test]
    fn modularity_of_two_triangles_is_as_computed_by_hand() {
        let mut edges = clique(&[0, 1, 2]);
        edges.extend(clique(&[3, 4, 5]));
        edges.push((2, 3, 1.0));
        // Each side: 3 of 7 edges inside, degree 7 of 14: Q = 2 × (3/7 − 1/4).
        let q = modularity(6, &edges, &[0, 0, 0, 1, 1, 1], 1.0);
        assert!((q - 2.0 * (3.0 / 7.0 - 0.25)).abs() < 1e-12, "{q}");
        assert_eq!(louvain(6, &edges, 1.0), [0, 0, 0, 1, 1, 1]);
    }

    #[test]
    fn the_karate_club_reaches_the_known_louvain_modularity() {
        let k: UnGraph<(), f64> = rustworkx_core::generators::karate_club_graph(|_| (), |_| 1.0);
        let edges: Vec<(usize, usize, f64)> = k.raw_edges().iter().map(|e| (e.source().index(), e.target().index(), 1.0)).collect();
        let c = louvain(34, &edges, 1.0);
        let q = modularity(34, &edges, &c, 1.0);
        assert!(q > 0.41, "modularity {q}");
        assert_eq!(c, louvain(34, &edges, 1.0), "deterministic");
        // Higher resolution splits into more, smaller communities.
        let fine = louvain(34, &edges, 3.0);
        assert!(fine.iter().max() > c.iter().max(), "{fine:?} vs {c:?}");
    }

    #[test]
    fn isolated_nodes_and_empty_graphs_stay_alone() {
        assert_eq!(louvain(3, &[], 1.0), [0, 1, 2]);
        assert_eq!(louvain(0, &[], 1.0), Vec::<usize>::new());
        assert_eq!(louvain(4, &[(0, 1, 1.0)], 1.0), [0, 0, 1, 2]);
    }

    #[test]
    fn entity_communities_name_their_binding_events() {
        let mut g = EntityGraph::default();
        let a: Vec<NodeIndex> = ["甲", "乙", "丙"].iter().map(|l| add(&mut g, l, Kind::Person)).collect();
        let b: Vec<NodeIndex> = ["丁", "戊", "己"].iter().map(|l| add(&mut g, l, Kind::Person)).collect();
        let (ea, eb) = (add(&mut g, "座谈会", Kind::Event), add(&mut g, "推介会", Kind::Event));
        let (oa, ob) = (add(&mut g, "甲局", Kind::Organization), add(&mut g, "乙局", Kind::Organization));
        attend(&mut g, ea, &a);
        attend(&mut g, eb, &b);
        for (persons, org) in [(&a, oa), (&b, ob)] {
            for &p in persons.iter() {
                relate(&mut g, p, org, "memberOf", &[], "");
            }
        }
        // One bridge: 甲 also went to the other group's event.
        attend(&mut g, eb, &a[..1]);
        let lonely = add(&mut g, "孤岛", Kind::Place);
        let cs = communities(&g, 1.0, 2);
        assert_eq!(cs.len(), 2, "{cs:?}");
        assert!(cs.iter().all(|c| !c.members.contains(&lonely)));
        let with_a = cs.iter().find(|c| c.members.contains(&a[1])).unwrap();
        assert!(a.iter().all(|p| with_a.members.contains(p)) && with_a.members.contains(&ea) && with_a.members.contains(&oa));
        assert_eq!(with_a.members.len(), 5);
        // 推介会 reaches one of its five members only: it does not bind this group.
        assert_eq!(with_a.binding, [(ea, 3)]);
        assert_eq!(communities(&g, 1.0, 1).len(), 3);
        let t = communities_table(&g, 1.0, 2);
        assert_eq!(t.columns, ["community", "size", "kinds", "members", "binding"]);
        assert!(t.rows.iter().any(|r| r[4].starts_with("座谈会 ×3")), "{t:?}");
    }
}
