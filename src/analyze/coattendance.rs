//! The person–person network of shared events: two persons are linked when both took part in an
//! event (any role), weighted by how many such events there are.

use super::{attendances, by_label, event_name, LIST_SEPARATOR};
use crate::graph::EntityGraph;
use crate::table::Table;
use petgraph::graph::{NodeIndex, UnGraph};
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Two persons and the events both took part in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoAttendance {
    /// The first by label.
    pub a: NodeIndex,
    pub b: NodeIndex,
    /// Ordered by date, then label.
    pub events: Vec<NodeIndex>,
}

/// Every pair of persons who share at least `min` events, most shared first, then by the
/// persons' labels.
pub fn coattendance(g: &EntityGraph, min: usize) -> Vec<CoAttendance> {
    let mut by_event: BTreeMap<NodeIndex, Vec<NodeIndex>> = BTreeMap::new();
    for (event, person) in attendances(g) {
        by_event.entry(event).or_default().push(person);
    }
    let mut pairs: BTreeMap<(NodeIndex, NodeIndex), Vec<NodeIndex>> = BTreeMap::new();
    for (event, mut persons) in by_event {
        persons.sort_by(|&x, &y| by_label(g, x, y));
        for (i, &a) in persons.iter().enumerate() {
            for &b in &persons[i + 1..] {
                pairs.entry((a, b)).or_default().push(event);
            }
        }
    }
    let mut out: Vec<CoAttendance> = pairs
        .into_iter()
        .filter(|(_, events)| events.len() >= min.max(1))
        .map(|((a, b), mut events)| {
            events.sort_by(|&x, &y| by_date(g, x, y));
            CoAttendance { a, b, events }
        })
        .collect();
    out.sort_by(|x, y| y.events.len().cmp(&x.events.len()).then_with(|| by_label(g, x.a, y.a)).then_with(|| by_label(g, x.b, y.b)));
    out
}

/// Events by start date (undated last), then label.
fn by_date(g: &EntityGraph, x: NodeIndex, y: NodeIndex) -> Ordering {
    let date = |n: NodeIndex| g.graph[n].attribute("startDate").map(str::to_string);
    match (date(x), date(y)) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
    .then_with(|| by_label(g, x, y))
}

/// The co-attendance network as a petgraph graph: person nodes (indices into the entity graph)
/// and edges weighted by the number of shared events.
pub fn network(g: &EntityGraph, min: usize) -> UnGraph<NodeIndex, usize> {
    let mut net = UnGraph::new_undirected();
    let mut nodes: BTreeMap<NodeIndex, NodeIndex> = BTreeMap::new();
    for c in coattendance(g, min) {
        let a = *nodes.entry(c.a).or_insert_with(|| net.add_node(c.a));
        let b = *nodes.entry(c.b).or_insert_with(|| net.add_node(c.b));
        net.add_edge(a, b, c.events.len());
    }
    net
}

/// [`coattendance`] as a table: person_a, person_b, shared, events.
pub fn coattendance_table(g: &EntityGraph, min: usize) -> Table {
    let mut t = Table::new(&["person_a", "person_b", "shared", "events"]);
    for c in coattendance(g, min) {
        let events: Vec<String> = c.events.iter().map(|&e| event_name(g, e)).collect();
        t.push(vec![g.graph[c.a].label.clone(), g.graph[c.b].label.clone(), c.events.len().to_string(), events.join(LIST_SEPARATOR)]);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::graph::Kind;

    fn sample() -> (EntityGraph, [NodeIndex; 4]) {
        let mut g = EntityGraph::default();
        let [a, b, c, d] = ["甲", "乙", "丙", "丁"].map(|l| add(&mut g, l, Kind::Person));
        let e1 = add(&mut g, "座谈会", Kind::Event);
        g.graph[e1].attributes.insert("startDate".into(), vec!["2025-03-04".into()]);
        let e2 = add(&mut g, "推介会", Kind::Event);
        g.graph[e2].attributes.insert("startDate".into(), vec!["2025-03-03".into()]);
        let e3 = add(&mut g, "调研", Kind::Event);
        attend(&mut g, e1, &[a, b, c]);
        attend(&mut g, e2, &[a, b]);
        attend(&mut g, e3, &[c, d]);
        // An organisation linked to an event is not a person and does not count.
        let org = add(&mut g, "某局", Kind::Organization);
        relate(&mut g, e3, org, "attendee", &["organized"], "");
        (g, [a, b, c, d])
    }

    #[test]
    fn pairs_are_weighted_by_shared_events_and_sorted_by_weight() {
        let (g, [a, b, c, d]) = sample();
        let all = coattendance(&g, 1);
        assert_eq!(all.len(), 4, "{all:?}");
        // 乙 sorts before 甲, so the pair is (乙, 甲); both events, dated ones by date.
        assert_eq!((all[0].a, all[0].b, all[0].events.len()), (b, a, 2));
        assert_eq!(g.graph[all[0].events[0]].label, "推介会");
        assert!(all[1..].iter().all(|p| p.events.len() == 1));
        // 丁 (U+4E01) sorts before 丙 (U+4E19).
        assert!(all.iter().any(|p| (p.a, p.b) == (d, c)));
        assert_eq!(coattendance(&g, 2).len(), 1);
        assert!(coattendance(&g, 3).is_empty());
    }

    #[test]
    fn the_network_and_table_carry_the_same_weights() {
        let (g, _) = sample();
        let net = network(&g, 1);
        assert_eq!((net.node_count(), net.edge_count()), (4, 4));
        assert_eq!(net.edge_weights().sum::<usize>(), 5);
        let t = coattendance_table(&g, 2);
        assert_eq!(t.rows, [["乙", "甲", "2", "推介会 (2025-03-03); 座谈会 (2025-03-04)"]]);
    }
}
