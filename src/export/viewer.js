// newsgraph viewer: a force-directed layout drawn as SVG, with pan, zoom, drag, a legend that
// hides kinds, a search box and a side panel of facts and evidence. No library, no network.
(function () {
  "use strict";
  var SVG_NS = "http://www.w3.org/2000/svg";
  var FIXED = { id: 1, label: 1, type: 1, type_zh: 1, iri: 1, color: 1 };
  var FACT_NAMES = {
    jobTitle: "职务", orgType: "机构类型", altLabel: "别名", adminLevel: "行政级别",
    divisionCode: "区划代码", investmentYuan: "投资额", status: "状态", startDate: "日期",
    endDate: "结束日期", aggregateProjects: "项目数", aggregateInvestmentYuan: "总投资额"
  };

  var doc = JSON.parse(document.getElementById("graph-data").textContent);
  var svg = document.getElementById("graph");
  var viewport = document.getElementById("viewport");
  var panel = document.getElementById("panel");
  var panelBody = document.getElementById("panel-body");

  // ---- data ---------------------------------------------------------------------------------
  var nodes = doc.elements.nodes.map(function (n, i) {
    return { d: n.data, i: i, x: 0, y: 0, vx: 0, vy: 0, fx: null, fy: null, edges: [], r: 7 };
  });
  var byId = {};
  nodes.forEach(function (n) { byId[n.d.id] = n; });
  var edges = doc.elements.edges.map(function (e) {
    return { d: e.data, s: byId[e.data.source], t: byId[e.data.target] };
  }).filter(function (e) { return e.s && e.t; });
  edges.forEach(function (e) { e.s.edges.push(e); e.t.edges.push(e); });
  nodes.forEach(function (n, i) {
    n.r = 6 + Math.min(10, 2.5 * Math.sqrt(n.edges.length));
    // Phyllotaxis start: deterministic, evenly spread.
    var radius = 12 * Math.sqrt(i + 0.5), angle = i * Math.PI * (3 - Math.sqrt(5));
    n.x = radius * Math.cos(angle);
    n.y = radius * Math.sin(angle);
  });

  // ---- force layout ---------------------------------------------------------------------------
  var alpha = 1, ALPHA_MIN = 0.002, ALPHA_DECAY = 1 - Math.pow(ALPHA_MIN, 1 / 300);
  var CHARGE = -260, LINK_DISTANCE = 80, GRAVITY = 0.04, DECAY = 0.6;

  function repel() {
    for (var i = 0; i < nodes.length; i++) {
      var a = nodes[i];
      for (var j = i + 1; j < nodes.length; j++) {
        var b = nodes[j], dx = b.x - a.x, dy = b.y - a.y, d2 = dx * dx + dy * dy;
        if (d2 < 1) { dx = (i - j) * 0.01 + 0.5; dy = 0.5; d2 = 1; }
        if (d2 > 250000) continue;
        var f = CHARGE * alpha / d2;
        a.vx += dx * f; a.vy += dy * f;
        b.vx -= dx * f; b.vy -= dy * f;
      }
    }
  }

  function attract() {
    edges.forEach(function (e) {
      var s = e.s, t = e.t;
      if (s === t) return;
      var dx = t.x + t.vx - s.x - s.vx, dy = t.y + t.vy - s.y - s.vy;
      var l = Math.sqrt(dx * dx + dy * dy) || 1;
      var ds = s.edges.length, dt = t.edges.length;
      var k = (l - LINK_DISTANCE) / l * alpha / Math.min(ds, dt);
      var bias = ds / (ds + dt);
      t.vx -= dx * k * bias; t.vy -= dy * k * bias;
      s.vx += dx * k * (1 - bias); s.vy += dy * k * (1 - bias);
    });
  }

  function tick() {
    repel();
    attract();
    nodes.forEach(function (n) {
      n.vx -= n.x * GRAVITY * alpha;
      n.vy -= n.y * GRAVITY * alpha;
      if (n.fx !== null) { n.x = n.fx; n.y = n.fy; n.vx = n.vy = 0; return; }
      n.vx *= DECAY; n.vy *= DECAY;
      n.x += n.vx; n.y += n.vy;
    });
    alpha += (0 - alpha) * ALPHA_DECAY;
  }

  // ---- drawing --------------------------------------------------------------------------------
  function el(name, attrs, parent) {
    var e = document.createElementNS(SVG_NS, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(e);
    return e;
  }

  var edgeLayer = document.getElementById("edges");
  var nodeLayer = document.getElementById("nodes");
  var labelLayer = document.getElementById("labels");
  edges.forEach(function (e) {
    e.line = el("line", { "class": "edge", "data-id": e.d.id }, edgeLayer);
    el("title", {}, e.line).textContent = e.s.d.label + " → " + e.t.d.label + "：" + e.d.label;
    e.text = el("text", { "class": "edge-label", "text-anchor": "middle" }, edgeLayer);
    e.text.textContent = e.d.label;
  });
  nodes.forEach(function (n) {
    n.circle = el("circle", { "class": "node", r: n.r, fill: n.d.color, "data-id": n.d.id, "data-type": n.d.type }, nodeLayer);
    el("title", {}, n.circle).textContent = n.d.label + "（" + n.d.type_zh + "）";
    n.text = el("text", { "class": "label" }, labelLayer);
    n.text.textContent = n.d.label;
    n.circle.addEventListener("pointerdown", function (ev) { startDrag(ev, n); });
  });
  if (!nodes.length) {
    var empty = el("text", { id: "empty", x: 20, y: 40 }, svg);
    empty.textContent = "（没有实体）";
  }

  function draw() {
    edges.forEach(function (e) {
      var dx = e.t.x - e.s.x, dy = e.t.y - e.s.y, l = Math.sqrt(dx * dx + dy * dy) || 1;
      var x2 = e.t.x - dx / l * (e.t.r + 2), y2 = e.t.y - dy / l * (e.t.r + 2);
      e.line.setAttribute("x1", e.s.x.toFixed(1)); e.line.setAttribute("y1", e.s.y.toFixed(1));
      e.line.setAttribute("x2", x2.toFixed(1)); e.line.setAttribute("y2", y2.toFixed(1));
      e.text.setAttribute("x", ((e.s.x + e.t.x) / 2).toFixed(1));
      e.text.setAttribute("y", ((e.s.y + e.t.y) / 2 - 3).toFixed(1));
    });
    nodes.forEach(function (n) {
      n.circle.setAttribute("cx", n.x.toFixed(1)); n.circle.setAttribute("cy", n.y.toFixed(1));
      n.text.setAttribute("x", (n.x + n.r + 3).toFixed(1)); n.text.setAttribute("y", (n.y + 4).toFixed(1));
    });
  }

  // ---- view: pan and zoom -----------------------------------------------------------------------
  var view = { x: 0, y: 0, k: 1 };
  function applyView() {
    // Large graphs show their labels once zoomed in.
    svg.classList.toggle("many", nodes.length > 400 && view.k < 1.5);
    viewport.setAttribute("transform", "translate(" + view.x.toFixed(1) + "," + view.y.toFixed(1) + ") scale(" + view.k.toFixed(4) + ")");
  }
  function size() {
    var r = svg.getBoundingClientRect();
    return { w: r.width || 800, h: r.height || 600 };
  }
  function fit() {
    var shown = nodes.filter(function (n) { return !n.hidden; });
    if (!shown.length) { view = { x: 0, y: 0, k: 1 }; applyView(); return; }
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    shown.forEach(function (n) {
      x0 = Math.min(x0, n.x - n.r); y0 = Math.min(y0, n.y - n.r);
      x1 = Math.max(x1, n.x + n.r + 60); y1 = Math.max(y1, n.y + n.r);
    });
    var s = size(), pad = 20;
    var k = Math.min((s.w - 2 * pad) / Math.max(x1 - x0, 1), (s.h - 2 * pad) / Math.max(y1 - y0, 1), 2.5);
    view = { k: k, x: s.w / 2 - k * (x0 + x1) / 2, y: s.h / 2 - k * (y0 + y1) / 2 };
    applyView();
  }
  function toGraph(ev) {
    var r = svg.getBoundingClientRect();
    return { x: (ev.clientX - r.left - view.x) / view.k, y: (ev.clientY - r.top - view.y) / view.k };
  }
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var r = svg.getBoundingClientRect(), px = ev.clientX - r.left, py = ev.clientY - r.top;
    var k = Math.max(0.05, Math.min(20, view.k * Math.exp(-ev.deltaY * 0.0015)));
    view.x = px - (px - view.x) * k / view.k;
    view.y = py - (py - view.y) * k / view.k;
    view.k = k;
    applyView();
  }, { passive: false });

  var gesture = null;
  svg.addEventListener("pointerdown", function (ev) {
    if (gesture) return;
    gesture = { kind: "pan", x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y, moved: false };
    svg.setPointerCapture(ev.pointerId);
    svg.classList.add("panning");
  });
  function startDrag(ev, n) {
    ev.stopPropagation();
    gesture = { kind: "drag", node: n, x: ev.clientX, y: ev.clientY, moved: false };
    svg.setPointerCapture(ev.pointerId);
  }
  svg.addEventListener("pointermove", function (ev) {
    if (!gesture) return;
    var dx = ev.clientX - gesture.x, dy = ev.clientY - gesture.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) gesture.moved = true;
    if (gesture.kind === "pan") {
      view.x = gesture.vx + dx; view.y = gesture.vy + dy;
      applyView();
    } else if (gesture.moved) {
      var p = toGraph(ev);
      gesture.node.fx = p.x; gesture.node.fy = p.y;
      gesture.node.x = p.x; gesture.node.y = p.y;
      reheat(0.3);
      draw();
    }
  });
  function endGesture(ev) {
    if (!gesture) return;
    var g = gesture;
    gesture = null;
    svg.classList.remove("panning");
    if (svg.hasPointerCapture && svg.hasPointerCapture(ev.pointerId)) svg.releasePointerCapture(ev.pointerId);
    if (g.kind === "drag") {
      g.node.fx = g.node.fy = null;
      if (!g.moved) select(g.node);
    } else if (!g.moved) {
      select(null);
    }
  }
  svg.addEventListener("pointerup", endGesture);
  svg.addEventListener("pointercancel", endGesture);

  // ---- animation ----------------------------------------------------------------------------------
  var running = false;
  function frame() {
    for (var i = 0; i < stepsPerFrame && alpha > ALPHA_MIN; i++) tick();
    draw();
    if (alpha > ALPHA_MIN) requestAnimationFrame(frame); else running = false;
  }
  function reheat(a) {
    alpha = Math.max(alpha, a);
    if (!running) { running = true; requestAnimationFrame(frame); }
  }
  // O(n²) per tick: lay out synchronously within a budget, then settle while drawing.
  var pairs = Math.max(1, nodes.length * nodes.length);
  var stepsPerFrame = Math.max(1, Math.min(10, Math.floor(2e6 / pairs)));
  var warmup = Math.max(20, Math.min(300, Math.floor(3e7 / pairs)));
  for (var w = 0; w < warmup && alpha > ALPHA_MIN; w++) tick();
  draw();
  fit();
  if (alpha > ALPHA_MIN) { running = true; requestAnimationFrame(frame); }

  // ---- selection and the side panel -------------------------------------------------------------
  var selected = null;
  function add(parent, tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    parent.appendChild(e);
    return e;
  }
  function money(v) {
    var x = Number(v);
    if (!isFinite(x)) return v;
    var trim = function (y) { return String(Math.round(y * 100) / 100); };
    if (Math.abs(x) >= 1e8) return trim(x / 1e8) + " 亿元";
    if (Math.abs(x) >= 1e4) return trim(x / 1e4) + " 万元";
    return trim(x) + " 元";
  }
  function factText(name, values) {
    var list = Array.isArray(values) ? values : [values];
    if (/Yuan$/.test(name)) list = list.map(money);
    return list.join("、");
  }
  function nameLink(parent, n) {
    if (n === selected) return add(parent, "span", n.d.label, "self");
    var a = add(parent, "span", n.d.label, "link");
    a.title = n.d.type_zh;
    a.addEventListener("click", function () { select(n); center(n); });
    return a;
  }
  function relationBlock(parent, e) {
    var box = add(parent, "div", null, "rel");
    var line = add(box, "div");
    // "X 出席 Y" reads from the person for attendee edges, from the subject otherwise.
    var first = e.d.relation === "attendee" ? e.t : e.s, second = first === e.s ? e.t : e.s;
    nameLink(line, first);
    add(line, "span", e.d.label, "pred");
    nameLink(line, second);
    var ev = e.d.evidence || [];
    if (!ev.length) add(box, "div", "（无原文证据，来自地名录）", "none");
    ev.forEach(function (x) {
      var q = add(box, "blockquote", x.sentence);
      add(q, "cite", "—— " + x.source);
    });
  }
  function showPanel(n) {
    panelBody.textContent = "";
    add(panelBody, "h2", n.d.label);
    var kind = add(panelBody, "span", n.d.type_zh + " · " + n.d.type, "kind");
    kind.style.background = n.d.color;
    add(panelBody, "div", n.d.iri, "iri");
    var facts = Object.keys(n.d).filter(function (k) { return !FIXED[k]; }).sort();
    if (facts.length) {
      var table = add(panelBody, "table");
      facts.forEach(function (k) {
        var tr = add(table, "tr");
        add(tr, "th", FACT_NAMES[k] || k);
        add(tr, "td", factText(k, n.d[k]));
      });
    }
    add(panelBody, "h3", "关系与证据（" + n.edges.length + "）");
    if (!n.edges.length) add(panelBody, "div", "（没有关系）", "none");
    n.edges.forEach(function (e) { relationBlock(panelBody, e); });
    panel.hidden = false;
  }
  function select(n) {
    document.querySelectorAll("#graph .hl, #graph .selected").forEach(function (x) { x.classList.remove("hl", "selected"); });
    selected = n;
    if (!n) { svg.classList.remove("focus"); panel.hidden = true; return; }
    svg.classList.add("focus");
    n.circle.classList.add("hl", "selected");
    n.text.classList.add("hl");
    n.edges.forEach(function (e) {
      [e.line, e.text, e.s.circle, e.t.circle, e.s.text, e.t.text].forEach(function (x) { x.classList.add("hl"); });
    });
    showPanel(n);
  }
  function center(n) {
    var s = size();
    view.x = s.w / 2 - n.x * view.k;
    view.y = s.h / 2 - n.y * view.k;
    applyView();
  }
  document.getElementById("close").addEventListener("click", function () { select(null); });

  // ---- search ---------------------------------------------------------------------------------------
  var search = document.getElementById("search");
  var names = document.getElementById("names");
  nodes.slice(0, 5000).forEach(function (n) { add(names, "option").value = n.d.label; });
  function find(q) {
    q = q.trim();
    if (!q) return null;
    var aliases = function (n) { return [n.d.label].concat(n.d.altLabel || []); };
    return nodes.filter(function (n) { return aliases(n).indexOf(q) >= 0; })[0] ||
      nodes.filter(function (n) { return aliases(n).some(function (a) { return a.indexOf(q) >= 0; }); })[0] || null;
  }
  function runSearch() {
    var n = find(search.value);
    search.classList.toggle("notfound", !n && search.value.trim() !== "");
    if (n) { select(n); center(n); }
  }
  search.addEventListener("change", runSearch);
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") runSearch(); });

  // ---- legend: colour per kind, a click hides or shows the kind ---------------------------------
  var legend = document.getElementById("legend");
  var counts = {};
  nodes.forEach(function (n) { counts[n.d.type] = (counts[n.d.type] || 0) + 1; });
  (doc.data.legend || []).forEach(function (k) {
    var b = add(legend, "button");
    b.type = "button";
    b.title = "显示/隐藏：" + k.type_zh;
    var sw = add(b, "span", null, "swatch");
    sw.style.background = k.color;
    add(b, "span", k.type_zh + " " + k.type + " (" + (counts[k.type] || 0) + ")");
    b.addEventListener("click", function () {
      var off = b.classList.toggle("off");
      nodes.forEach(function (n) { if (n.d.type === k.type) n.hidden = off; });
      nodes.forEach(function (n) { n.circle.classList.toggle("hidden", !!n.hidden); n.text.classList.toggle("hidden", !!n.hidden); });
      edges.forEach(function (e) {
        var h = !!(e.s.hidden || e.t.hidden);
        e.line.classList.toggle("hidden", h); e.text.classList.toggle("hidden", h);
      });
    });
  });
  document.getElementById("stats").textContent = nodes.length + " 个实体 · " + edges.length + " 条关系";
})();
