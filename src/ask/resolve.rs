//! Names in questions → entities of the graph (their IRIs), so that no user text reaches SPARQL.

use super::AskError;
use crate::graph::{EntityGraph, Kind, Resolution};
use oxigraph::model::NamedNode;
use oxigraph::store::Store;
use petgraph::graph::NodeIndex;
use std::cell::OnceCell;

/// What a name slot may refer to: groups of kinds tried in order (the first group that finds
/// anything decides), and how the thing is called in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Person,
    Event,
    /// An administrative area, else an organisation used as a location (a development zone).
    Place,
    /// A project, by its name or alias, also without a place prefix or 项目 ([`project_core`]).
    Project,
    /// Any entity.
    Any,
}

impl Target {
    fn kind_groups(self) -> &'static [&'static [Kind]] {
        match self {
            Target::Person => &[&[Kind::Person]],
            Target::Event => &[&[Kind::Event]],
            Target::Place => &[&[Kind::Place], &[Kind::Organization]],
            Target::Project => &[&[Kind::Project]],
            Target::Any => &[&[]],
        }
    }

    /// The thing looked for, in Chinese ("人物", "活动"…).
    pub fn noun_zh(self) -> &'static str {
        match self {
            Target::Person => "人物",
            Target::Event => "活动",
            Target::Place => "地点",
            Target::Project => "项目",
            Target::Any => "实体",
        }
    }
}

/// An entity a name was resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub node: NodeIndex,
    pub iri: NamedNode,
    pub label: String,
}

/// The entity graph of a question, read as little as the question needs: the entities a name
/// gives exactly (a few index look-ups), the whole graph's structure only when a name must be
/// matched in part or a relation's paths are asked for.
pub struct Graphs<'s> {
    store: &'s Store,
    whole: OnceCell<EntityGraph>,
}

impl<'s> Graphs<'s> {
    pub fn new(store: &'s Store) -> Self {
        Graphs { store, whole: OnceCell::new() }
    }

    /// The structure of the whole graph (entities, attributes, relations; no evidence).
    pub fn whole(&self) -> Result<&EntityGraph, AskError> {
        if let Some(g) = self.whole.get() {
            return Ok(g);
        }
        let g = EntityGraph::load_structure(self.store)?;
        Ok(self.whole.get_or_init(|| g))
    }

    /// Resolves `name` as [`resolve`] does on the whole graph. Where the first kinds of the target
    /// hold an entity named exactly so, the exact match decides (it wins over partial ones), and
    /// the whole graph is not read.
    pub fn resolve(&self, name: &str, target: Target) -> Result<Resolved, AskError> {
        let named = EntityGraph::load_named(self.store, name.trim())?;
        let first = target.kind_groups()[0];
        if named.resolve(name, first) != Resolution::NotFound {
            return resolve(&named, name, target);
        }
        resolve(self.whole()?, name, target)
    }
}

/// Resolves `name` to one entity of the target's kinds: exact label or alias first, then labels
/// containing it or contained in it ([`EntityGraph::resolve`]); failing that, the same on names
/// without punctuation and quote marks (三个一批活动 → 第一次“三个一批”活动); a project, last, by
/// its name without place prefixes and 项目 ([`project_core`]).
pub fn resolve(graph: &EntityGraph, name: &str, target: Target) -> Result<Resolved, AskError> {
    let strict = target.kind_groups().iter().map(|kinds| graph.resolve(name, kinds));
    let loose = target.kind_groups().iter().map(|kinds| resolve_folded(graph, name, kinds));
    let core = (target == Target::Project).then(|| resolve_project_core(graph, name));
    match strict.chain(loose).chain(core).find(|r| *r != Resolution::NotFound) {
        Some(Resolution::Found(node)) => resolved(graph, node),
        Some(Resolution::Ambiguous(nodes)) => {
            let candidates = nodes.iter().map(|&n| describe(graph, n)).collect();
            Err(AskError::Ambiguous { name: name.to_string(), what: target.noun_zh(), candidates })
        }
        _ => Err(AskError::UnknownName { name: name.to_string(), what: target.noun_zh() }),
    }
}

/// Letters and digits only (CJK characters are letters): what is left of a name without blanks,
/// punctuation and quote marks.
pub fn fold(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// [`EntityGraph::resolve`] on folded names; names of fewer than two characters match nothing.
fn resolve_folded(graph: &EntityGraph, name: &str, kinds: &[Kind]) -> Resolution {
    let wanted = fold(name);
    if wanted.chars().count() < 2 {
        return Resolution::NotFound;
    }
    let nodes = || graph.graph.node_indices().filter(|&n| kinds.is_empty() || kinds.contains(&graph.graph[n].kind));
    let names = |n: NodeIndex| graph.graph[n].names().map(fold).collect::<Vec<_>>();
    let exact: Vec<NodeIndex> = nodes().filter(|&n| names(n).contains(&wanted)).collect();
    let found = if exact.is_empty() {
        nodes()
            .filter(|&n| names(n).iter().any(|l| l.contains(&wanted) || (l.chars().count() >= 2 && wanted.contains(l.as_str()))))
            .collect()
    } else {
        exact
    };
    resolution(graph, found)
}

/// A project's name without place, generic words and 项目, as identity resolution reads it
/// ("宜阳县宸铝年产10万吨再生铝合金项目" and "洛阳宸铝年产10万吨再生铝合金" are both "宸铝年产10万吨再生铝合金").
pub fn project_core(name: &str) -> String {
    crate::resolve::local::project_core(crate::lexicon::lexicon(), &fold(name), None, None)
}

/// Projects whose [`project_core`] is the name's, else contains it.
fn resolve_project_core(graph: &EntityGraph, name: &str) -> Resolution {
    let wanted = project_core(name);
    if wanted.chars().count() < 2 {
        return Resolution::NotFound;
    }
    let projects = || graph.graph.node_indices().filter(|&n| graph.graph[n].kind == Kind::Project);
    let cores = |n: NodeIndex| graph.graph[n].names().map(project_core).collect::<Vec<_>>();
    let exact: Vec<NodeIndex> = projects().filter(|&n| cores(n).contains(&wanted)).collect();
    let found = if exact.is_empty() { projects().filter(|&n| cores(n).iter().any(|c| c.contains(&wanted))).collect() } else { exact };
    resolution(graph, found)
}

/// None found, one, or several (by label).
fn resolution(graph: &EntityGraph, mut found: Vec<NodeIndex>) -> Resolution {
    match found.len() {
        0 => Resolution::NotFound,
        1 => Resolution::Found(found[0]),
        _ => {
            found.sort_by(|a, b| graph.graph[*a].label.cmp(&graph.graph[*b].label));
            Resolution::Ambiguous(found)
        }
    }
}

fn resolved(graph: &EntityGraph, node: NodeIndex) -> Result<Resolved, AskError> {
    let entity = &graph.graph[node];
    let iri = NamedNode::new(entity.iri.as_str()).map_err(|e| AskError::Query(e.into()))?;
    Ok(Resolved { node, iri, label: entity.label.clone() })
}

/// A candidate as a user can tell it apart: "民营企业家座谈会（活动，2025-03-03）".
pub fn describe(graph: &EntityGraph, node: NodeIndex) -> String {
    let e = &graph.graph[node];
    let detail = match e.kind {
        Kind::Event => e.attribute("startDate").map(str::to_string),
        Kind::Person => Some(e.values("jobTitle").join("、")).filter(|t| !t.is_empty()),
        Kind::Place => e.attribute("divisionCode").map(str::to_string),
        Kind::Project => e.attribute("investmentYuan").map(super::answer::readable_yuan),
        _ => None,
    };
    match detail {
        Some(d) => format!("{}（{}，{}）", e.label, e.kind.zh(), d),
        None => format!("{}（{}）", e.label, e.kind.zh()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::store::Store;

    fn graph() -> EntityGraph {
        let store = Store::new().unwrap();
        let page = "2月23日，全省开发区2024年第一次“三个一批”活动举行。省长金湘军出席并讲话。\n\
            3月4日，市委书记秦守源在宜阳县调研。";
        crate::store::ingest(&store, page, "a.txt").unwrap();
        EntityGraph::load(&store).unwrap()
    }

    fn label(graph: &EntityGraph, name: &str, target: Target) -> String {
        match resolve(graph, name, target) {
            Ok(r) => r.label,
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn names_resolve_exactly_by_part_by_short_form_and_without_quote_marks() {
        let g = graph();
        assert_eq!(label(&g, "金湘军", Target::Person), "金湘军");
        assert_eq!(label(&g, "宜阳", Target::Place), "宜阳县");
        assert_eq!(label(&g, "三个一批活动", Target::Event), "全省开发区2024年第一次“三个一批”活动");
        assert_eq!(label(&g, "金湘军", Target::Event), "没有找到名为“金湘军”的活动");
        assert_eq!(label(&g, "}#", Target::Any), "没有找到名为“}#”的实体");
        assert_eq!(fold("“三个一批” 活动, ok!"), "三个一批活动ok");
    }

    #[test]
    fn a_project_is_named_without_its_place_and_without_xiangmu() {
        let core = "宸铝年产10万吨再生铝合金";
        for name in ["宜阳县宸铝年产10万吨再生铝合金项目", "洛阳宸铝年产10万吨再生铝合金", "洛阳市宜阳县宸铝年产10万吨再生铝合金项目", core]
        {
            assert_eq!(project_core(name), core, "{name}");
        }
        // Something is always left.
        assert_eq!(project_core("宜阳县项目"), "宜阳县");
    }
}
