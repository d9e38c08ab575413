#!/usr/bin/env python3
"""Checks every `newsgraph export` format with a real reader.

Builds a store from examples/articles with the release binary, exports every format with -o, and
checks that:
  * the node/edge counts the tool reports for graphml, gexf, dot, cyjs and html all agree, and
    equal the element counts of the Cytoscape.js JSON;
  * networkx reads the GraphML and the GEXF with those counts (and the declared attributes);
  * Graphviz `dot -Tsvg` renders the DOT with one node group per node and one edge group per edge;
  * rdflib parses Turtle, N-Triples and RDF/XML to the same non-empty set of triples (as many as
    the tool reports), and N-Quads and TriG to as many quads as the tool reports;
  * headless Chromium runs the HTML page offline: the DOM has one <circle class="node"> per node
    and one <line class="edge"> per edge, and a screenshot is not one flat colour;
  * --around gives a smaller graph that holds the named entity.

Usage: .ci/validate_exports.py [path/to/newsgraph]   (default: target/release/newsgraph)
Needs: python3 with networkx and rdflib, graphviz (dot), chromium.
"""

import json
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GRAPH_FORMATS = ["graphml", "gexf", "dot", "cyjs", "html"]
RDF_FORMATS = {"turtle": "turtle", "ntriples": "nt", "rdfxml": "xml", "nquads": "nquads", "trig": "trig"}
KIND_COLOURS = {(0x4E, 0x79, 0xA7), (0xF2, 0x8E, 0x2B), (0x59, 0xA1, 0x4F), (0xE1, 0x57, 0x59), (0xB0, 0x7A, 0xA1)}

failures = []


def check(ok, message):
    """Records a failed check (all checks run, then every failure is reported)."""
    if not ok:
        failures.append(message)
        print(f"  FAIL: {message}")
    return ok


def run(args, timeout=120):
    """Runs a command; its standard output, or exit with its error output."""
    proc = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        sys.exit(f"validate_exports: `{' '.join(map(str, args))}` failed ({proc.returncode}):\n{proc.stderr}")
    return proc.stdout


def export(binary, store, fmt, path, *extra):
    """Exports one format to `path`; the counts the tool reports ("wrote 92 nodes, 80 edges to …")."""
    summary = run([binary, "--store", store, "export", "--format", fmt, "-o", path, *extra]).strip()
    m = re.match(r"wrote (\d+) nodes, (\d+) edges to ", summary) or re.match(r"wrote (\d+) (triples|quads) to ", summary)
    if not m:
        sys.exit(f"validate_exports: unexpected summary from export {fmt}: {summary!r}")
    if not path.exists() or path.stat().st_size == 0:
        sys.exit(f"validate_exports: export {fmt} wrote nothing to {path}")
    return (int(m.group(1)), int(m.group(2))) if m.group(2).isdigit() else int(m.group(1))


def check_graph_readers(files, reported):
    """networkx on GraphML and GEXF, Graphviz on DOT, JSON on cyjs."""
    import networkx as nx

    cyjs = json.loads(files["cyjs"].read_text(encoding="utf-8"))
    expected = (len(cyjs["elements"]["nodes"]), len(cyjs["elements"]["edges"]))
    print(f"cyjs: {expected[0]} nodes, {expected[1]} edges")
    check(expected[0] > 0 and expected[1] > 0, f"cyjs is empty: {expected}")
    for fmt in GRAPH_FORMATS:
        check(reported[fmt] == expected, f"{fmt}: the tool reports {reported[fmt]}, the cyjs JSON holds {expected}")
    labels = {n["data"]["label"] for n in cyjs["elements"]["nodes"]}

    for fmt, reader in [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)]:
        g = reader(files[fmt])
        got = (g.number_of_nodes(), g.number_of_edges())
        print(f"{fmt} (networkx {nx.__version__}): {got[0]} nodes, {got[1]} edges")
        check(got == expected, f"{fmt}: networkx reads {got}, expected {expected}")
        check(all("type" in d for _, d in g.nodes(data=True)), f"{fmt}: a node without a type attribute")
        check(all("relation" in d for *_, d in g.edges(data=True)), f"{fmt}: an edge without a relation attribute")
        check({d.get("label") for _, d in g.nodes(data=True)} == labels, f"{fmt}: node labels differ from the cyjs labels")

    svg = run(["dot", "-Tsvg", files["dot"]], timeout=60)
    nodes, edges = len(re.findall(r'<g id="node\d+" class="node">', svg)), len(re.findall(r'<g id="edge\d+" class="edge">', svg))
    print(f"dot -Tsvg: {len(svg)} bytes, {nodes} node groups, {edges} edge groups")
    check(svg.lstrip().startswith("<?xml") and "</svg>" in svg, "dot: the output is not an SVG document")
    check((nodes, edges) == expected, f"dot: the SVG has {nodes} node and {edges} edge groups, expected {expected}")
    return expected


def check_rdf_readers(files, reported):
    """rdflib on every RDF format."""
    import rdflib

    graphs = {}
    for fmt in ["turtle", "ntriples", "rdfxml"]:
        g = rdflib.Graph()
        g.parse(files[fmt], format=RDF_FORMATS[fmt])
        graphs[fmt] = set(g)
        print(f"{fmt} (rdflib {rdflib.__version__}): {len(g)} triples")
        check(len(g) > 0, f"{fmt}: no triples")
        check(len(g) == reported[fmt], f"{fmt}: rdflib reads {len(g)} triples, the tool reports {reported[fmt]}")
    check(graphs["turtle"] == graphs["rdfxml"], "turtle and rdfxml hold different triples")
    check(graphs["turtle"] == graphs["ntriples"], "turtle and ntriples hold different triples")
    for fmt in ["nquads", "trig"]:
        ds = rdflib.Dataset()
        ds.parse(files[fmt], format=RDF_FORMATS[fmt])
        quads = list(ds.quads((None, None, None, None)))
        print(f"{fmt} (rdflib): {len(quads)} quads in {len({q[3] for q in quads})} graphs")
        check(len(quads) == reported[fmt], f"{fmt}: rdflib reads {len(quads)} quads, the tool reports {reported[fmt]}")
        check({q[:3] for q in quads} == graphs["turtle"], f"{fmt}: merging its graphs does not give the turtle triples")


def chromium_binary():
    for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]:
        if shutil.which(name):
            return name
    sys.exit("validate_exports: no chromium on PATH")


def chromium(args, page):
    base = [chromium_binary(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--virtual-time-budget=5000", "--window-size=1000,700"]
    return run(base + args + [page.resolve().as_uri()], timeout=90)


def png_pixels(path):
    """(width, height, rows of RGB(A) bytes) of an 8-bit RGB or RGBA PNG, decoded with zlib."""
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width = 8, b"", None
    while pos < len(data):
        (length,), kind = struct.unpack(">I", data[pos:pos + 4]), data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour}, interlace {interlace}")
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride, rows, prev = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif f == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prev))
        elif f == 3:
            for i in range(stride):
                line[i] = (line[i] + ((line[i - bpp] if i >= bpp else 0) + prev[i]) // 2) & 0xFF
        elif f == 4:
            for i in range(stride):
                a, b, c = (line[i - bpp] if i >= bpp else 0), prev[i], (prev[i - bpp] if i >= bpp else 0)
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(line)
        prev = line
    return width, height, bpp, rows


def check_html(page, expected, work):
    """Headless Chromium: the drawn DOM and a screenshot."""
    source = page.read_text(encoding="utf-8").lower()
    check("<script src" not in source and "<link" not in source, "html: the page loads external scripts or styles")
    check(not re.search(r"""(src|href)\s*=\s*["']?https?:""", source), "html: the page references the network")

    started = time.time()
    dom = chromium(["--dump-dom"], page)
    nodes = len(re.findall(r'<circle\b[^>]*\bclass="node\b', dom))
    edges = len(re.findall(r'<line\b[^>]*\bclass="edge\b', dom))
    print(f"html (chromium --dump-dom, {time.time() - started:.1f}s): {nodes} node circles, {edges} edge lines")
    check((nodes, edges) == expected, f"html: Chromium drew {nodes} nodes and {edges} edges, expected {expected}")
    check(bool(re.search(r'<circle\b[^>]*\bcx="-?\d', dom)), "html: the nodes have no positions")

    shot = work / "page.png"
    chromium([f"--screenshot={shot}"], page)
    if not check(shot.exists(), "html: Chromium wrote no screenshot"):
        return
    width, height, bpp, rows = png_pixels(shot)
    colours, kinds = set(), set()
    for line in rows[::2]:
        for i in range(0, len(line), bpp * 2):
            px = tuple(line[i:i + 3])
            colours.add(px)
            if px in KIND_COLOURS:
                kinds.add(px)
    print(f"html screenshot: {width}x{height}, {len(colours)} colours, {len(kinds)} of the 5 type colours")
    check(len(colours) > 1, "html: the screenshot is a single colour")
    check(len(kinds) >= 2, "html: the screenshot shows fewer than two of the type colours")


def check_around(binary, store, work, expected):
    path = work / "around.cyjs"
    reported = export(binary, store, "cyjs", path, "--around", "秦守源")
    near = json.loads(path.read_text(encoding="utf-8"))
    labels = {n["data"]["label"] for n in near["elements"]["nodes"]}
    print(f"--around 秦守源: {reported[0]} nodes, {reported[1]} edges")
    check(1 < reported[0] < expected[0], f"--around: {reported[0]} nodes, expected between 1 and {expected[0]}")
    check("秦守源" in labels, "--around: the named entity is missing")


def main():
    binary = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "target/release/newsgraph"
    if not binary.exists():
        sys.exit(f"validate_exports: no binary at {binary} (cargo build --release)")
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="newsgraph-exports-") as tmp:
        work = Path(tmp)
        store = work / "store"
        run([binary, "--store", store, "ingest", ROOT / "examples/articles"])
        files, reported = {}, {}
        for fmt in GRAPH_FORMATS + list(RDF_FORMATS):
            files[fmt] = work / f"graph.{fmt}"
            reported[fmt] = export(binary, store, fmt, files[fmt])
        expected = check_graph_readers(files, reported)
        check_rdf_readers(files, reported)
        check_html(files["html"], expected, work)
        check_around(binary, store, work, expected)
    if failures:
        print(f"validate_exports: {len(failures)} check(s) failed:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print(f"validate_exports: every format read back by its reader ({time.time() - started:.1f}s)")


if __name__ == "__main__":
    main()
