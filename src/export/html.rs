//! One self-contained HTML page that draws the graph: all CSS, JavaScript and data inline, no
//! network access (it works from `file://`). The data is the Cytoscape.js document of
//! [`super::cytoscape::document`] in a `<script type="application/json" id="graph-data">`; the
//! script (`viewer.js`, a small force-directed layout written for this page) draws every entity
//! as an SVG `<circle class="node">` and every relation as a `<line class="edge">`, with pan
//! (drag the background), zoom (wheel), node drag, a legend of the colours per type (a click hides
//! or shows a type), a search box, and a side panel showing a clicked entity's facts and each of
//! its relations with the evidence sentences and their sources. Labels are set with
//! `textContent`, never parsed as HTML.

use super::cytoscape;
use super::xml::escape;
use crate::graph::EntityGraph;
use std::io::{self, Write};

const CSS: &str = include_str!("viewer.css");
const JS: &str = include_str!("viewer.js");

/// JSON text made safe inside a `<script>` element: `<`, `>` and `&` become `\u003c`, `\u003e`,
/// `\u0026` (they only occur inside JSON strings, where these escapes mean the same), so no label
/// can close the element or open a comment.
pub fn script_safe_json(json: &str) -> String {
    json.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

/// Writes `g` as the page.
pub fn write(g: &EntityGraph, title: &str, w: &mut dyn Write) -> io::Result<()> {
    let data = serde_json::to_string(&cytoscape::document(g, title)).map_err(io::Error::other)?;
    let title = escape(title);
    write!(
        w,
        r##"<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newsgraph">
<title>{title}</title>
<style>
{CSS}</style>
</head>
<body>
<header>
  <h1>{title}</h1>
  <span id="stats"></span>
  <input id="search" type="search" placeholder="搜索实体（名称或别名）…" list="names" autocomplete="off" aria-label="搜索实体">
  <datalist id="names"></datalist>
  <div id="legend" aria-label="图例"></div>
</header>
<main>
  <svg id="graph" role="img" aria-label="{title}">
    <defs>
      <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
        <path d="M0,0 L10,5 L0,10 z" fill="#888"></path>
      </marker>
    </defs>
    <g id="viewport"><g id="edges"></g><g id="nodes"></g><g id="labels"></g></g>
  </svg>
  <aside id="panel" hidden>
    <button id="close" type="button" title="关闭">×</button>
    <div id="panel-body"></div>
  </aside>
</main>
<p id="help">拖动背景平移 · 滚轮缩放 · 拖动节点调整位置 · 点击节点查看事实与原文证据 · 点击图例隐藏某类实体</p>
<script type="application/json" id="graph-data">{data}</script>
<script>
{JS}</script>
</body>
</html>
"##,
        data = script_safe_json(&data)
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

    /// The text of the embedded data element.
    fn data(page: &str) -> serde_json::Value {
        let start = page.find(r#"<script type="application/json" id="graph-data">"#).expect("data element");
        let rest = &page[start..];
        let body = &rest[rest.find('>').unwrap() + 1..rest.find("</script>").unwrap()];
        serde_json::from_str(body).expect("the data is JSON")
    }

    #[test]
    fn hostile_labels_cannot_break_out_of_the_data() {
        let g = hostile_graph();
        let page = render(&g, "</title><script>alert(1)</script>");
        // The only <script> elements are the two of the page.
        assert_eq!(page.matches("<script").count(), 2, "{page}");
        assert_eq!(page.matches("</script>").count(), 2);
        assert!(page.contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
        let v = data(&page);
        assert_eq!(v["elements"]["nodes"][0]["data"]["label"], g.graph[petgraph::graph::NodeIndex::new(0)].label.as_str());
    }

    #[test]
    fn the_page_is_self_contained_and_carries_the_graph() {
        let g = sample_graph();
        let page = render(&g, "t");
        let v = data(&page);
        assert_eq!(v["elements"]["nodes"].as_array().unwrap().len(), g.node_count());
        assert_eq!(v["elements"]["edges"].as_array().unwrap().len(), g.edge_count());
        assert!(!page.contains("<script src") && !page.contains("<link") && !page.contains("@import"));
        assert!(!page.contains("fetch(") && !page.contains("XMLHttpRequest"));
        assert!(page.contains(r#"<svg id="graph""#) && page.contains("\"class\": \"node\""));
        assert!(page.trim_end().ends_with("</html>"));
    }
}
