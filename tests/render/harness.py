"""Python side of the render harness: run render.mjs once for many diagrams, and read
the visible text back out of the SVGs Mermaid produced.

The tools are installed by .ci/install-render-tools. Missing tools are a skip with
the reason shown, except under CI=true, where they are a failure: the render test
must really run in CI.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = Path(os.environ.get("KUNDEREJSE_TOOLS", ROOT / ".tools"))
MODULES = TOOLS / "node_modules"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
RENDER_SCRIPT = Path(__file__).with_name("render.mjs")
MARKDOWNLINT = MODULES / ".bin" / "markdownlint-cli2"

SVG = "{http://www.w3.org/2000/svg}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def missing_tool(reason: str) -> None:
    """Skip (locally) or fail (CI) when a tool the test needs is not installed."""
    message = f"{reason}; install with: bash .ci/install-render-tools"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {message}", pytrace=False)
    pytest.skip(message)


def require_renderer() -> None:
    if shutil.which("node") is None:
        missing_tool("node is not installed")
    if not (MODULES / "@mermaid-js" / "mermaid-cli" / "package.json").exists():
        missing_tool(f"@mermaid-js/mermaid-cli is not installed in {MODULES}")
    if not CHROMIUM.exists():
        missing_tool(f"no browser at {CHROMIUM}")


def require_markdownlint() -> None:
    if shutil.which("node") is None:
        missing_tool("node is not installed")
    if not MARKDOWNLINT.exists():
        missing_tool(f"markdownlint-cli2 is not installed in {MODULES}")


@dataclass
class Rendered:
    mermaid_version: str
    svgs: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


def render_all(diagrams: dict[str, str], timeout: float = 900) -> Rendered:
    """Render every diagram in one browser session; errors are per diagram."""
    require_renderer()
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in.json", Path(tmp) / "out.json"
        src.write_text(
            json.dumps([{"id": k, "definition": v} for k, v in diagrams.items()]),
            encoding="utf-8",
        )
        proc = subprocess.run(
            ["node", str(RENDER_SCRIPT), str(src), str(out)],
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**os.environ, "KUNDEREJSE_TOOLS": str(TOOLS), "CHROMIUM": str(CHROMIUM)},
        )
        if proc.returncode != 0:
            raise AssertionError(f"render.mjs failed ({proc.returncode}):\n{proc.stderr}")
        data = json.loads(out.read_text(encoding="utf-8"))
    result = Rendered(mermaid_version=data["mermaidVersion"])
    for item in data["results"]:
        if "svg" in item:
            result.svgs[item["id"]] = item["svg"]
        else:
            result.errors[item["id"]] = item["error"]
    return result


# ---------------------------------------------------------------------------
# Reading text back out of the SVG. ElementTree decodes character references, so
# what we compare is what a browser shows, not the escaped source.


def _text(el: ET.Element) -> str:
    """Text of an element as shown: <br> is a line break."""
    parts: list[str] = []

    def walk(e: ET.Element) -> None:
        if e.tag in (f"{XHTML}br", "br"):
            parts.append("\n")
        if e.text:
            parts.append(e.text)
        for child in e:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return "".join(parts)


def _classes(el: ET.Element) -> set[str]:
    return set((el.get("class") or "").split())


@dataclass
class JourneyTask:
    text: str
    fallback_text: str  # the <text> Mermaid draws for viewers without foreignObject
    score: int
    actors: list[str]


@dataclass
class JourneySvg:
    title: str
    sections: list[str]
    tasks: list[JourneyTask]
    legend: list[str]


def read_journey(svg: str) -> JourneySvg:
    root = ET.fromstring(svg)
    title = ""
    legend: list[str] = []
    sections: list[str] = []
    tasks: list[JourneyTask] = []
    for el in root.iter(f"{SVG}text"):
        if el.get("font-size") == "4ex":
            title = _text(el)
        if "legend" in _classes(el):
            legend.append(_text(el))
    for g in root.iter(f"{SVG}g"):
        line = g.find(f"{SVG}line")
        labels = [d for d in g.iter(f"{XHTML}div") if "label" in _classes(d)]
        if line is not None and (line.get("id") or "").startswith("diagram-task"):
            face = next(c for c in g.findall(f"{SVG}circle") if "face" in _classes(c))
            score = 5 - round((float(face.get("cy", "0")) - 300) / 30)
            actors = [
                t.text or "" for c in g.findall(f"{SVG}circle") for t in c.findall(f"{SVG}title")
            ]
            fallback = [t for t in g.iter(f"{SVG}text") if "task" in _classes(t)]
            tasks.append(
                JourneyTask(
                    text=_text(labels[0]) if labels else "",
                    fallback_text="\n".join(_text(t) for t in fallback),
                    score=score,
                    actors=actors,
                )
            )
    for el in root.iter(f"{SVG}text"):
        if "journey-section" in _classes(el):
            sections.append(_text(el))
    return JourneySvg(title=title, sections=sections, tasks=tasks, legend=legend)


@dataclass
class FlowchartSvg:
    clusters: dict[str, str]  # subgraph id -> label
    nodes: dict[str, str]  # node id -> label
    edges: list[str]  # edge ids, e.g. L_S1_S2_0


def read_flowchart(svg: str, svg_id: str = "diagram") -> FlowchartSvg:
    root = ET.fromstring(svg)
    clusters: dict[str, str] = {}
    nodes: dict[str, str] = {}
    edges: list[str] = []
    node_prefix = f"{svg_id}-flowchart-"
    for g in root.iter(f"{SVG}g"):
        gid = g.get("id") or ""
        classes = _classes(g)
        if "cluster" in classes:
            label = next((s for s in g.iter(f"{XHTML}span") if "nodeLabel" in _classes(s)), None)
            clusters[gid.removeprefix(f"{svg_id}-")] = _text(label) if label is not None else ""
        elif "node" in classes and gid.startswith(node_prefix):
            node_id = gid.removeprefix(node_prefix).rsplit("-", 1)[0]
            label = next((s for s in g.iter(f"{XHTML}span") if "nodeLabel" in _classes(s)), None)
            nodes[node_id] = _text(label) if label is not None else ""
    for p in root.iter(f"{SVG}path"):
        pid = p.get("id") or ""
        if pid.startswith(f"{svg_id}-L_"):
            edges.append(pid.removeprefix(f"{svg_id}-"))
    return FlowchartSvg(clusters=clusters, nodes=nodes, edges=edges)
